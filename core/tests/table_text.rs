//! The table as other tools extract it: pages counted from form feeds reach the
//! diagnostics, column-order text gives one error and nothing else, and a plan without a
//! table is a partial plan.

use plan_core::diagnostic::Finding;
use plan_core::parser::parse;
use plan_core::{Money, Severity};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn diagnostics_name_the_page_a_form_feed_starts() {
    // The fixture marks page breaks with a leading space; a form feed there is what pdftotext writes.
    let text = fixture("keelung-industry-112.txt").replace("\n 計畫名稱", "\n\u{c}計畫名稱").replace("\n 總計：37,230千元", "\n\u{c}總計：37,000千元");
    let parsed = parse(&text);
    let d = parsed.diagnostics.iter().find(|d| matches!(d.finding, Finding::TotalMismatch { .. })).expect("a total mismatch");
    assert_eq!((d.severity, d.line, d.page), (Severity::Warning, Some(59), Some(3)));
    assert_eq!(d.finding, Finding::TotalMismatch { stated: Money::thousands(37_000), sum: Money::thousands(37_230) });
    let air = parsed.diagnostics.iter().find(|d| matches!(d.finding, Finding::UnrecognisedSource { .. })).unwrap();
    assert_eq!((air.line, air.page), (Some(41), Some(1)));
    assert_eq!(parsed.plan.total(), Money::thousands(37_230));
}

#[test]
fn column_order_text_gives_one_error_and_no_cascade() {
    let parsed = parse(&fixture("broken/column-order.txt"));
    let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].finding, Finding::ColumnOrder { names: 4, amounts: 4 });
    assert_eq!(parsed.plan.goals.len(), 3);
}

#[test]
fn a_standard_plan_without_its_table_keeps_its_goals() {
    let parsed = parse(&fixture("broken/missing-section-3.txt"));
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
    let d: Vec<_> = parsed.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| (d.line, d.finding.clone())).collect();
    assert_eq!(d, [(Some(47), Finding::NoBudgetTable { goals: 3 })]);
    assert!(!parsed.plan.has_budget() && parsed.plan.strategy_count() > 0);
}

#[test]
fn a_budget_line_of_an_unknown_shape_never_folds_an_unknown_source_into_the_city() {
    let text = fixture("yilan-social-113.txt");
    let plan = parse(&text).plan;
    let lines = plan_core::funding::plan_breakdown(&plan);
    let parking = lines.iter().find(|l| l.source.name == "停車場作業基金").unwrap();
    assert_eq!((parking.source.kind, parking.amount), (plan_core::FundingKind::SpecialFund, Money::thousands(2_500)));
}

#[test]
fn a_bare_budget_at_the_foot_of_a_page_is_a_budget_not_a_page_number() {
    let text = fixture("kaohsiung-econ-110.txt");
    assert!(text.contains("23,800  \n\n"));
    let text = text.replace("23,800  \n\n", "850\n\n 計畫名稱 實施內容 經費(千元) 備註 \n\n");
    let parsed = parse(&text);
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
    let first = &parsed.plan.programmes[0];
    assert_eq!((first.budget, first.budget_span.start), (Money::thousands(850), 69));
    // The same number with its row's budget still to come is the page's number.
    let text = fixture("kaohsiung-econ-110.txt").replace("(二)參加國內外招商展覽", "2\n\n 計畫名稱 實施內容 經費(千元) 備註 \n\n(二)參加國內外招商展覽");
    let parsed = parse(&text);
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);
    assert_eq!(parsed.plan.programmes[0].budget, Money::thousands(23_800));
    assert_eq!(parsed.plan.programmes[0].items.len(), 2);
}
