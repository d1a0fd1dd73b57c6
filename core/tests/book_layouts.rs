//! Budget-book layouts of our own (`fixtures/books/layouts/`, hand totals in its README): one
//! fixture for each way the official tables and civic-tech CSVs print a tree, the unit rule,
//! a refused cross-tab, and a proposal against its enacted budget.

use plan_core::budget_csv::{guess_mapping, read_table_bytes, to_plan, Mapping, Unit};
use plan_core::compare::compare;
use plan_core::diagnostic::{Finding, UnitEvidence};
use plan_core::export::csv::lines_csv;
use plan_core::parser::Parsed;
use plan_core::{Money, Severity, TreeRef};
use rust_decimal::Decimal;

fn read_with(name: &str, m: impl FnOnce(Mapping) -> Mapping) -> Parsed {
    let path = format!("{}/tests/fixtures/books/layouts/{name}", env!("CARGO_MANIFEST_DIR"));
    let (t, _) = read_table_bytes(&std::fs::read(path).unwrap()).unwrap();
    to_plan(&t, &m(guess_mapping(&t)), "")
}

fn read(name: &str) -> Parsed {
    read_with(name, |m| m)
}

fn k(n: i64) -> Money {
    Money::thousands(n)
}

fn codes(p: &Parsed) -> Vec<(Option<u32>, Severity, &'static str)> {
    p.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| (d.line, d.severity, d.finding.code())).collect()
}

fn top(p: &Parsed) -> Vec<(String, Money)> {
    p.plan.tree().children(None).iter().map(|r| p.plan.line(*r)).map(|l| (l.name.to_string(), l.budget)).collect()
}

#[test]
fn grouping_rows_marked_999_are_parents_never_lines() {
    let p = read("central-flat-999.csv");
    // 450,000 + 150,000 + 400,000 + 250,000: each 主管, 機關 and 999 row is a subtotal.
    assert_eq!((p.plan.programmes.len(), p.plan.total()), (4, k(1_250_000)));
    assert_eq!(p.plan.series_totals(), (k(1_250_000), Some(k(1_210_000)), Some(k(1_155_000))));
    assert_eq!(top(&p), [("示範部主管".to_string(), k(1_000_000)), ("示範委員會主管".to_string(), k(250_000))]);
    // The 合計 row agrees; the one wrong stated change is named with both figures.
    assert_eq!(codes(&p), [(Some(9), Severity::Warning, "change-mismatch")]);
    let admin = &p.plan.programmes[0];
    assert_eq!(p.plan.path_of(admin), ["示範部主管", "示範部", "行政支出"]);
    let facts = admin.book.as_deref().unwrap();
    assert_eq!(facts.explanation, "本年度預算數450,000千元，較上年度增列20,000千元，係人事費增加。", "說明 joined over two rows");
    assert_eq!((admin.span.start, admin.span.end), (5, 6), "the line and the row its 說明 continues on");
    assert_eq!((facts.last_year, facts.actual, facts.stated_change), (Some(k(430_000)), Some(k(420_000)), Some(k(20_000))));
}

#[test]
fn two_row_header_with_code_and_name_in_one_cell() {
    let p = read("central-two-row-header.csv");
    assert_eq!(codes(&p), []);
    assert_eq!((p.plan.year, p.plan.programmes.len(), p.plan.total()), (115, 4, k(1_000)));
    assert_eq!(top(&p), [("一般政務支出".to_string(), k(600)), ("教育科學文化支出".to_string(), k(400))]);
    let nsc = p.plan.programmes.iter().find(|x| x.name == "國家安全會議").expect("a name wrapped in its cell");
    assert_eq!(nsc.book.as_deref().unwrap().code.as_deref(), Some("3102020000"));
    let admin = p.plan.programmes.iter().find(|x| x.name == "一般行政").unwrap().book.as_deref().unwrap();
    assert_eq!((admin.current, admin.capital, admin.last_year), (Some(k(300)), None, Some(k(280))));
}

#[test]
fn a_civic_tech_csv_with_a_second_header_and_lines_with_no_detail() {
    let p = read("civic-second-header.csv");
    assert_eq!(codes(&p), []);
    // 848,062 + 10,285 + 2,000 + 150,521 + 7,500,000 (元 / 1,000).
    assert_eq!((p.plan.programmes.len(), p.plan.total()), (5, k(8_510_868)));
    let names: Vec<&str> = p.plan.programmes.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["一般行政", "國家發展研究及諮詢", "政策研析", "一般行政", "第二預備金"]);
    assert_eq!(p.plan.path_of(&p.plan.programmes[3]), ["示範府主管", "示範會議"]);
    let research = p.plan.groups.iter().find(|g| g.name == "研究發展").unwrap();
    assert_eq!((research.budget, research.stated), (k(12_285), false), "an implied level adds up its lines");
}

#[test]
fn a_cross_tab_is_refused_with_what_it_is() {
    let p = read("crosstab.csv");
    assert!(p.plan.programmes.is_empty());
    assert_eq!(p.diagnostics.iter().find(|d| d.severity == Severity::Error).map(|d| &d.finding), Some(&Finding::CrossTab { columns: 3 }));
}

#[test]
fn round_millions_with_no_unit_ask_before_anything_is_kept() {
    let p = read("round-millions-no-unit.csv");
    let unit = p.diagnostics.iter().find(|d| matches!(d.finding, Finding::UnitAssumed { .. })).unwrap();
    assert_eq!(unit.severity, Severity::Error);
    assert_eq!(
        unit.finding,
        Finding::UnitAssumed { unit: Unit::Yuan.into(), evidence: UnitEvidence::Split { as_thousand: k(43_000_000), as_yuan: k(43_000) } }
    );
    for (unit, total) in [(Unit::Yuan, k(43_000)), (Unit::Thousand, k(43_000_000))] {
        let chosen = read_with("round-millions-no-unit.csv", |m| Mapping { unit, unit_chosen: true, ..m });
        assert!(!chosen.has_errors(), "{:?}", chosen.diagnostics);
        assert_eq!(chosen.plan.total(), total);
    }
}

#[test]
fn a_proposal_against_its_enacted_budget_shows_each_cut() {
    let (proposal, enacted) = (read("proposal-115.csv").plan, read("enacted-115.csv").plan);
    let c = compare(&proposal, &enacted);
    assert_eq!((c.total_a, c.total_b, c.total_change.amount), (k(10_000), k(9_200), k(-800)));
    let cuts: Vec<(String, Money)> = c.matched.iter().map(|m| (proposal.programme(m.a).unwrap().name.clone(), m.change.amount)).collect();
    assert_eq!(cuts, [("宣導活動".to_string(), k(-600)), ("設備購置".to_string(), k(-200)), ("一般行政".to_string(), k(0))]);
    assert!(c.only_a.is_empty() && c.only_b.is_empty());
}

#[test]
fn the_lines_csv_carries_the_tree_and_its_leaves_add_up() {
    let p = read("central-flat-999.csv");
    let csv = lines_csv(&p.plan);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), p.plan.groups.len() + p.plan.programmes.len());
    let leaves: Decimal = rows.iter().filter(|r| &r[4] == "true").map(|r| r[5].parse::<Decimal>().unwrap()).sum();
    assert_eq!(Money::new(leaves), p.plan.total());
    assert_eq!((&rows[0][2], &rows[0][0], &rows[0][16]), ("示範部主管", "1", "subtotal"));
    assert_eq!((&rows[2][2], &rows[2][3]), ("行政支出", "示範部主管 / 示範部"));
    assert!(rows.iter().any(|r| &r[2] == "地方補助" && &r[10] == "9000" && &r[11] == "10000"), "stated and computed change side by side");
    let order: Vec<TreeRef> = p.plan.tree().order();
    assert!(matches!(order[0], TreeRef::Group(0)) && order.len() == rows.len());
}

use proptest::prelude::*;

/// A random book: agencies, each with 政事別 groups (節 999 rows), each with work plans, some
/// with 節 lines under them; every level printed as a row with its subtotal.
fn flat_999(tree: &[Vec<Vec<u32>>]) -> (String, i64) {
    let mut csv = String::from("款,項,目,節,科目名稱,本年度預算數\n");
    let mut total = 0i64;
    for (a, groups) in tree.iter().enumerate() {
        let agency: i64 = groups.iter().flatten().map(|x| *x as i64).sum();
        csv += &format!("{},,,,主管{a},{agency}\n{},1,,,機關{a},{agency}\n", a + 1, a + 1);
        for (g, plans) in groups.iter().enumerate() {
            let sum: i64 = plans.iter().map(|x| *x as i64).sum();
            csv += &format!("{},1,,999,政事{g},{sum}\n", a + 1);
            for (p, amount) in plans.iter().enumerate() {
                let n = g * 10 + p + 1;
                csv += &format!("{},1,{n},,計畫{a}-{n},{amount}\n", a + 1);
                if amount % 2 == 0 {
                    // Split in two 節 lines under the work plan: it becomes a subtotal.
                    let half = amount / 2;
                    csv += &format!("{},1,{n},1,甲,{half}\n{},1,{n},2,乙,{half}\n", a + 1, a + 1);
                }
                total += *amount as i64;
            }
        }
    }
    (csv, total)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// However the subtotals and 999 rows nest, the total is each amount counted once, every
    /// parent agrees with the lines under it, and the top level adds up to the total.
    #[test]
    fn subtotals_and_grouping_rows_are_never_counted_again(tree in prop::collection::vec(prop::collection::vec(prop::collection::vec(1u32..50_000, 1..4), 1..3), 1..4)) {
        let (csv, total) = flat_999(&tree);
        let t = plan_core::budget_csv::read_table(&csv).unwrap();
        let m = Mapping { unit: Unit::Thousand, unit_chosen: true, ..guess_mapping(&t) };
        let p = to_plan(&t, &m, "");
        prop_assert_eq!(p.plan.total(), k(total));
        prop_assert!(p.diagnostics.iter().all(|d| d.severity < Severity::Warning), "{:?}", p.diagnostics);
        let top: Money = p.plan.tree().children(None).iter().map(|r| p.plan.line(*r).budget).sum();
        prop_assert_eq!(top, k(total));
        for (i, g) in p.plan.groups.iter().enumerate() {
            prop_assert_eq!(p.plan.group_total(i as u32), g.budget, "group {}", g.name);
        }
    }
}

#[test]
fn this_year_printed_only_as_recurrent_and_capital_is_their_sum() {
    let p = read("parts-without-total.csv");
    assert_eq!(codes(&p), [], "{:?}", p.diagnostics);
    assert!(p.diagnostics.iter().any(|d| d.finding == Finding::ThisYearFromParts), "the reader is told how this year was had");
    // 900 + (250 + 300) + 50: the 合計 row (1,150 + 350) agrees.
    assert_eq!((p.plan.programmes.len(), p.plan.total()), (3, k(1_500)));
    assert_eq!(p.plan.series_totals(), (k(1_500), Some(k(1_400)), Some(k(1_300))));
    assert_eq!(top(&p), [("示範處主管".to_string(), k(1_500))]);
    let upkeep = p.plan.programmes.iter().find(|x| x.name == "設施維護").unwrap();
    let f = upkeep.book.as_deref().unwrap();
    assert_eq!((upkeep.budget, f.current, f.capital, f.last_year), (k(550), Some(k(250)), Some(k(300)), Some(k(550))));
}
