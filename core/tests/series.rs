//! Years in series over our own fixtures (`fixtures/books/layouts/series-113.csv`,
//! `series-114.csv`, `proposal-115.csv`, `enacted-115.csv`: one city agency's books of three
//! years and the last year's two versions; hand figures in that folder's README).

use plan_core::budget_csv::{guess_mapping, read_table_bytes, to_plan};
use plan_core::series::{align, issuer, line_series, Alignment, Column, Edition, Series, Subject};
use plan_core::{Money, Plan, TreeRef};

fn read(name: &str) -> Plan {
    let path = format!("{}/tests/fixtures/books/layouts/{name}", env!("CARGO_MANIFEST_DIR"));
    let (t, _) = read_table_bytes(&std::fs::read(path).unwrap()).unwrap();
    to_plan(&t, &guess_mapping(&t), "").plan
}

fn k(n: i64) -> Money {
    Money::thousands(n)
}

/// The four documents, the enacted budget last (the base).
fn stack() -> Vec<Plan> {
    ["series-113.csv", "series-114.csv", "proposal-115.csv", "enacted-115.csv"].into_iter().map(read).collect()
}

fn series_of(plans: &[Plan], name: Option<&str>) -> Series {
    let base = plans.len() - 1;
    let editions: Vec<Edition> = plans.iter().map(Edition::of).collect();
    let alignments: Vec<Alignment> = plans.iter().map(|p| align(&plans[base], p)).collect();
    let subject = match name {
        None => Subject::Whole,
        Some(n) => Subject::Line(TreeRef::Programme(plans[base].programmes.iter().position(|p| p.name == n).unwrap() as u32)),
    };
    line_series(&editions, base, &alignments.iter().collect::<Vec<_>>(), subject)
}

/// (year, proposed, budget, actual) in 千元.
type Row = (u32, Option<Money>, Option<Money>, Option<Money>);

fn rows(s: &Series) -> Vec<Row> {
    s.years.iter().map(|y| (y.year, y.proposed.map(|f| f.amount), y.budget.map(|f| f.amount), y.actual.map(|f| f.amount))).collect()
}

#[test]
fn the_four_documents_are_one_issuers() {
    let plans = stack();
    let who: Vec<String> = plans.iter().map(|p| issuer(&p.agency)).collect();
    assert!(who.iter().all(|w| w == "示範市"), "{who:?}");
}

#[test]
fn a_line_over_five_years_from_three_years_of_books() {
    let plans = stack();
    let s = series_of(&plans, Some("一般行政"));
    assert_eq!(
        rows(&s),
        [
            (111, None, None, Some(k(4_300))),
            (112, None, Some(k(4_600)), Some(k(4_800))),
            (113, None, Some(k(5_000)), None),
            (114, None, Some(k(5_500)), None),
            (115, Some(k(6_000)), Some(k(6_000)), None),
        ]
    );
    // 113's own book says 5,000; 114's book says last year was 5,100 (a supplementary budget).
    let y113 = &s.years[2];
    assert_eq!((y113.budget.unwrap().edition, y113.budget.unwrap().column), (0, Column::ThisYear));
    assert_eq!(y113.disagree.iter().map(|f| (f.amount, f.edition, f.column)).collect::<Vec<_>>(), [(k(5_100), 1, Column::LastYear)]);
    // The enacted budget says it first for 115; the proposal's figure is 預算案.
    assert_eq!(s.years[4].budget.unwrap().edition, 3);
    assert!(s.missing.is_empty());
}

#[test]
fn the_council_cut_is_enacted_minus_proposed() {
    let plans = stack();
    let whole = series_of(&plans, None);
    let y115 = whole.years.last().unwrap();
    assert_eq!((y115.proposed.map(|f| f.amount), y115.budget.map(|f| f.amount), y115.enacted_change()), (Some(k(10_000)), Some(k(9_200)), Some(k(-800))));
    assert_eq!(series_of(&plans, Some("宣導活動")).years.last().unwrap().enacted_change(), Some(k(-600)));
}

#[test]
fn a_line_a_document_does_not_have_is_named_missing_there() {
    let plans = stack();
    let s = series_of(&plans, Some("設備購置"));
    assert_eq!(s.missing, [0], "113's book has no 設備購置");
    assert_eq!(rows(&s), [(114, None, Some(k(1_000)), None), (115, Some(k(1_000)), Some(k(800)), None)]);
}

#[test]
fn the_enacted_budget_against_its_proposal_ranks_the_councils_cuts() {
    use plan_core::changes::{against, line_changes, ranked, Rank, Totals};
    let (proposal, enacted) = (read("proposal-115.csv"), read("enacted-115.csv"));
    let pair = against(&enacted, &proposal);
    let changes = line_changes(&pair, &pair.tree(), None, None);
    let t = Totals::of(&changes);
    assert_eq!((t.budget, t.last_year, t.change().amount), (k(9_200), k(10_000), k(-800)));
    let cuts: Vec<(&str, Money)> =
        ranked(&changes, Rank::Cut).iter().take(2).map(|i| (pair.line(changes[*i].node).name, changes[*i].change.as_ref().unwrap().amount)).collect();
    assert_eq!(cuts, [("宣導活動", k(-600)), ("設備購置", k(-200))]);
    // The book's own 上年度 (114) is not what this pair compares.
    assert!(pair.programmes.iter().all(|p| p.book.as_ref().unwrap().stated_change.is_none()));
}

#[test]
fn two_years_of_a_plan_match_a_renamed_programme_and_name_the_ended_one() {
    use plan_core::changes::{against, line_changes, Movement, Totals};
    let root = env!("CARGO_MANIFEST_DIR");
    let parse = |p: &str| plan_core::parser::parse(&std::fs::read_to_string(format!("{root}/{p}")).unwrap()).plan;
    let (last, this) = (parse("../assets/plans/taoyuan-labor-111-plan.txt"), parse("tests/fixtures/years/taoyuan-labor-112-edited.txt"));
    assert_eq!(issuer(&last.agency), issuer(&this.agency));
    let pair = against(&this, &last);
    let changes = line_changes(&pair, &pair.tree(), None, None);
    let t = Totals::of(&changes);
    assert_eq!((t.budget, t.last_year, t.change().amount), (k(492_570), k(507_013), k(-14_443)));
    let of = |name: &str| changes.iter().find(|c| pair.line(c.node).name == name).map(|c| (c.change.as_ref().unwrap().amount, c.movement)).unwrap();
    assert_eq!(of("勞工學苑推廣計畫"), (k(560), Movement::Increase));
    assert_eq!(of("就業服務"), (k(-8_536), Movement::Cut));
    assert_eq!(of("南區培力中心"), (k(-6_467), Movement::Ended));
    // Its goals against last year's: the one added named, the six kept.
    let goals = plan_core::compare::compare(&last, &this).goals;
    let added: Vec<_> = goals.iter().filter(|g| g.status == plan_core::compare::TextStatus::Added).map(|g| g.b.as_deref().unwrap()).collect();
    assert_eq!(added, ["7 促進中高齡者及高齡者就業"]);
    assert_eq!(goals.iter().filter(|g| g.status == plan_core::compare::TextStatus::Same).count(), 6);
}

#[test]
fn a_books_top_lines_with_their_three_years_largest_first() {
    use plan_core::series::three_years;
    let p = read("series-114.csv");
    let tree = p.tree();
    let top = three_years(&p, &tree, None, 12);
    assert_eq!(
        top.iter().map(|t| (p.line(t.node).name, t.this, t.last, t.actual)).collect::<Vec<_>>(),
        [("示範局主管", k(9_000), Some(k(7_100)), Some(k(6_700)))]
    );
    let TreeRef::Group(g) = top[0].node else { panic!("a group") };
    let TreeRef::Group(agency) = tree.children(Some(g))[0] else { panic!("a group") };
    let lines: Vec<(&str, Money)> = three_years(&p, &tree, Some(agency), 2).iter().map(|t| (p.line(t.node).name, t.this)).collect();
    assert_eq!(lines, [("一般行政", k(5_500)), ("宣導活動", k(2_500))]);
}
