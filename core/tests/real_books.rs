//! Real budget books, as the central government's accounting office (DGBAS) and a civic-tech
//! project publish them: excerpts in `fixtures/books/real/`, each figure below added up by
//! hand there (README). Every layout must give the book's own total, counted once.

use plan_core::budget_csv::{guess_mapping, read_table_bytes, to_plan, Table, Unit};
use plan_core::diagnostic::{Finding, UnitEvidence};
use plan_core::parser::Parsed;
use plan_core::{DocumentKind, Money, Plan, Severity, TreeRef};
use rust_decimal::Decimal;

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/books/real/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn table(name: &str) -> Table {
    if name.ends_with(".csv") {
        return read_table_bytes(&bytes(name)).unwrap().0;
    }
    let sheets = plan_core::spreadsheet::read_workbook(&bytes(name), name).unwrap();
    plan_core::spreadsheet::first_with_rows(&sheets).unwrap().table.clone().unwrap()
}

fn read(name: &str) -> Parsed {
    let t = table(name);
    to_plan(&t, &guess_mapping(&t), "")
}

fn k(n: i64) -> Money {
    Money::thousands(n)
}

/// The top level's names and amounts, in order.
fn top(plan: &Plan) -> Vec<(String, Money)> {
    plan.tree()
        .children(None)
        .iter()
        .map(|r| match *r {
            TreeRef::Group(g) => (plan.groups[g as usize].name.clone(), plan.groups[g as usize].budget),
            TreeRef::Programme(p) => (plan.programmes[p as usize].name.clone(), plan.programmes[p as usize].budget),
        })
        .collect()
}

fn warnings(p: &Parsed) -> Vec<String> {
    p.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| d.to_string()).collect()
}

#[test]
fn the_agency_table_of_103_counts_each_line_once() {
    let p = read("dgbas-103-agency-flat.csv");
    assert_eq!(warnings(&p), Vec::<String>::new());
    let plan = &p.plan;
    assert_eq!(plan.kind, DocumentKind::Spending);
    // The 節 999 rows (政事別) and every subtotal are groups: 34 leaves, 24,037,487 千元.
    assert_eq!((plan.programmes.len(), plan.total()), (34, k(24_037_487)));
    assert_eq!(top(plan), [("總統府主管".to_string(), k(16_537_487)), ("第二預備金".to_string(), k(7_500_000))]);
    let (this, last, actual) = plan.series_totals();
    assert_eq!((this, last, actual), (k(24_037_487), Some(k(22_630_045)), None));
    // The unit from a 說明 that states its line's amount in 千元 (國務機要 30,000千元).
    assert!(p.diagnostics.iter().any(|d| matches!(d.finding, Finding::UnitAssumed { evidence: UnitEvidence::Explained { .. }, .. })));
    let ceremony = plan.programmes.iter().find(|x| x.name == "國家慶典").unwrap();
    let facts = ceremony.book.as_deref().unwrap();
    assert_eq!((ceremony.budget, facts.last_year, facts.stated_change), (k(14_618), Some(k(15_343)), Some(k(-725))));
    assert_eq!(facts.code.as_deref(), Some("3202010300"));
    assert!(
        facts.explanation.starts_with("本年度預算數之內容") && facts.explanation.contains("\n2.") && !facts.explanation.contains('\u{7f}'),
        "{}",
        facts.explanation
    );
    assert_eq!(plan.path_of(ceremony), ["總統府主管", "總統府", "國務支出"]);
}

#[test]
fn the_civic_tech_csv_names_its_lines_by_their_work_plan() {
    let p = read("g0v-twbudget-tw2019ap.csv");
    let plan = &p.plan;
    assert_eq!((plan.programmes.len(), plan.total()), (25, k(9_003_505)));
    assert!(plan.programmes.iter().all(|x| x.name != "無細項"), "a line with no detail is its work plan");
    assert_eq!(top(plan), [("總統府主管".to_string(), k(9_003_505))]);
    let tree = plan.tree();
    let agencies: Vec<(String, Money)> = match tree.children(None)[0] {
        TreeRef::Group(g) => tree
            .children(Some(g))
            .iter()
            .map(|r| match *r {
                TreeRef::Group(g) => (plan.groups[g as usize].name.clone(), plan.groups[g as usize].budget),
                TreeRef::Programme(_) => panic!("agencies are groups"),
            })
            .collect(),
        TreeRef::Programme(_) => panic!("the 主管 is a group"),
    };
    assert_eq!(agencies[0], ("總統府".to_string(), k(979_486)));
    assert_eq!(agencies.len(), 5);
    assert!(p.diagnostics.iter().any(|d| matches!(d.finding, Finding::UnitAssumed { evidence: UnitEvidence::Convention, .. })));
}

#[test]
fn the_functional_table_with_title_rows_and_codes_in_the_name_cell() {
    let p = read("dgbas-112-function.xls");
    assert_eq!(warnings(&p), Vec::<String>::new());
    let plan = &p.plan;
    assert_eq!((plan.programmes.len(), plan.total(), plan.year), (11, k(209_733_665), 112));
    assert_eq!(top(plan), [("債務支出".to_string(), k(107_582_940)), ("補助及其他支出".to_string(), k(102_150_725))]);
    let (_, last, actual) = plan.series_totals();
    assert_eq!(last, Some(k(204_547_703)));
    assert_eq!(actual, Some(Money::new(Decimal::new(161_189_209_455, 3))));
    let reserve = plan.programmes.iter().find(|x| x.name == "第二預備金").unwrap();
    assert_eq!(reserve.budget, k(7_400_000), "a 款 with no lines under it is a leaf");
}

#[test]
fn the_revenue_table_is_revenue_and_its_unit_comes_from_its_explanations() {
    let p = read("dgbas-103-revenue-flat.csv");
    let plan = &p.plan;
    assert_eq!(plan.kind, DocumentKind::Revenue);
    assert_eq!((plan.programmes.len(), plan.total()), (12, k(1_271_304_000)));
    let (_, last, actual) = plan.series_totals();
    assert_eq!((last, actual), (Some(k(1_280_286_000)), Some(k(1_222_159_298))));
    // The 決算 of 財政部 is one 千元 off its lines' sum, as printed: said, not hidden.
    assert!(p.diagnostics.iter().all(|d| !matches!(d.finding, Finding::ParentSumMismatch { .. })));
}

#[test]
fn the_xlsx_of_114_with_codes_and_names_on_rows_of_their_own() {
    let p = read("dgbas-114-agency.xlsx");
    assert_eq!(warnings(&p), Vec::<String>::new());
    let plan = &p.plan;
    assert_eq!((plan.programmes.len(), plan.total()), (12, k(24_913_759)));
    let (_, last, actual) = plan.series_totals();
    assert_eq!((last, actual), (Some(k(28_519_002)), Some(k(6_177_468))));
    let names: Vec<String> = top(plan).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["僑務委員會主管", "調整軍公教人員待遇準備", "災害準備金", "第二預備金"]);
    let overseas = plan.programmes.iter().find(|x| x.name == "僑民僑團聯繫接待暨僑教中心服務").expect("a name wrapped over three rows");
    let facts = overseas.book.as_deref().unwrap();
    assert_eq!((overseas.budget, facts.last_year, facts.actual, facts.stated_change), (k(220_956), Some(k(210_537)), Some(k(213_508)), Some(k(10_419))));
    assert_eq!(facts.code.as_deref(), Some("4164012000"));
    assert!(plan.programmes.iter().any(|x| x.name == "僑務支出(機密預算)" && x.book.as_deref().unwrap().code.as_deref() == Some("416401A000")));
    let pay = plan.programmes.iter().find(|x| x.name == "調整軍公教人員待遇準備").unwrap();
    assert!(pay.book.as_deref().unwrap().explanation.contains("9,931,079千元"), "說明 joined over its rows without breaking figures");
    assert_eq!(pay.span.start, 34, "sheet row of the line");
}

#[test]
fn a_unit_no_evidence_settles_is_put_to_the_reader() {
    // The revenue table without its 說明 column: round figures a ministry in 千元 and a city
    // in 元 would both print.
    let mut t = table("dgbas-103-revenue-flat.csv");
    let m = guess_mapping(&t);
    let e = m.explanation.unwrap();
    for r in &mut t.rows {
        r.cells[e].clear();
    }
    let m = guess_mapping(&t);
    let parsed = to_plan(&t, &m, "");
    let split = parsed.diagnostics.iter().find(|d| matches!(d.finding, Finding::UnitAssumed { evidence: UnitEvidence::Split { .. }, .. })).expect("split");
    assert_eq!(split.severity, Severity::Error, "nothing is kept until the reader chooses");
    assert!(split.to_string().contains("1,271,304,000 千元") && split.to_string().contains("1,271,304 千元"), "{split}");
    let chosen = to_plan(&t, &plan_core::budget_csv::Mapping { unit: Unit::Thousand, unit_chosen: true, ..m }, "");
    assert!(!chosen.has_errors());
    assert_eq!(chosen.plan.total(), k(1_271_304_000));
}

#[test]
fn what_changed_in_the_agency_table_of_103() {
    use plan_core::changes::{line_changes, ranked, Movement, Rank};
    let plan = read("dgbas-103-agency-flat.csv").plan;
    let tree = plan.tree();
    let leaves = line_changes(&plan, &tree, None, None);
    let name = |i: usize| plan.line(leaves[i].node).name;
    let amount = |i: usize| leaves[i].change.as_ref().map(|c| (c.amount, c.fmt_percent()));
    let up = ranked(&leaves, Rank::Increase)[0];
    let down = ranked(&leaves, Rank::Cut)[0];
    assert_eq!((name(up), amount(up)), ("國家生技研究園區", Some((k(1_319_697), "+56.01%".to_string()))));
    assert_eq!((name(down), amount(down)), ("營建工程", Some((k(-195_337), "\u{2212}48.31%".to_string()))));
    let moved = |m: Movement| leaves.iter().filter(|c| c.movement == m).map(|c| plan.line(c.node).name).collect::<Vec<_>>();
    assert_eq!(moved(Movement::New), ["交通及運輸設備"]);
    assert_eq!(moved(Movement::Ended), ["交通及運輸設備", "土地購置"]);
    // The book's own explanations and stated changes agree with its figures: nothing flagged.
    assert!(leaves.iter().all(|c| c.flags.is_empty()), "{:?}", leaves.iter().filter(|c| !c.flags.is_empty()).collect::<Vec<_>>());
    // The agencies (level 2) add up to the book, and so do their changes.
    let agencies = line_changes(&plan, &tree, Some(1), None);
    let total: Money = agencies.iter().filter_map(|c| c.change.as_ref().map(|c| c.amount)).sum();
    assert_eq!(total, k(24_037_487 - 22_630_045));
}
