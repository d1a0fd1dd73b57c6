//! Budget books and exported CSVs read as plans: leaves only, exact 千元, diagnostics
//! with the line they concern.

use plan_core::budget_csv::{from_export, guess_mapping, is_export_csv, read_table, to_plan, Mapping, Unit, UnitGuess};
use plan_core::diagnostic::{Finding, UnitEvidence, UnitName};
use plan_core::export::csv::programmes_csv;
use plan_core::funding::{by_kind, plan_breakdown};
use plan_core::summary::summarise;
use plan_core::{Money, Severity, SEED_PLAN_TEXT};
use proptest::prelude::*;
use rust_decimal::Decimal;

const BOOK: &str = "款,項,目,名稱,金額(元)
1,,,一般政務支出,5000000
,1,,行政管理,3000000
,,1,人事費,2000000
,,2,業務費,1000000
,2,,議會,2000000
,,1,議員費用,1500000
,,2,業務費,400000
2,,,教育支出,1200500
,1,,學校,1200500
,,1,國小,abc
,,2,國中,1200500
";

fn codes(parsed: &plan_core::parser::Parsed) -> Vec<(Option<u32>, Severity, &str)> {
    parsed.diagnostics.iter().map(|d| (d.line, d.severity, d.code())).collect()
}

#[test]
fn a_budget_book_becomes_its_leaf_lines_in_thousands() {
    let t = read_table(BOOK).unwrap();
    let m = guess_mapping(&t);
    assert_eq!(
        m,
        Mapping {
            levels: vec![0, 1, 2],
            name: Some(3),
            amount: Some(4),
            unit: Unit::Yuan,
            unit_guess: Some(UnitGuess { unit: Unit::Yuan, evidence: UnitEvidence::Stated }),
            code: None,
            ..Mapping::default()
        }
    );
    let parsed = to_plan(&t, &m, "某市 112年度總預算");
    let plan = &parsed.plan;
    assert_eq!((plan.year, plan.title.as_str()), (112, "某市 112年度總預算"));
    assert_eq!(plan.classification_levels, ["款", "項", "目"]);
    let names: Vec<&str> = plan.programmes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["人事費", "業務費", "議員費用", "業務費", "國小", "國中"]);
    assert_eq!(plan.programmes.iter().map(|p| p.number).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(plan.programmes[2].classification, ["1", "2", "1"]);
    assert_eq!(plan.programmes[5].budget, Money::new(Decimal::new(12005, 1)));
    assert_eq!(plan.programmes[5].span.start, 12);
    assert_eq!(plan.total(), Money::new(Decimal::new(61005, 1)));
    assert_eq!(
        codes(&parsed),
        [(Some(1), Severity::Info, "unit-assumed"), (Some(6), Severity::Warning, "parent-sum-mismatch"), (Some(11), Severity::Error, "budget-not-a-number")]
    );
    assert_eq!(parsed.diagnostics[0].finding, Finding::UnitAssumed { unit: UnitName::Yuan, evidence: UnitEvidence::Stated });
    let mismatch = &parsed.diagnostics[1].message();
    assert!(mismatch.contains("議會") && mismatch.contains("2,000 千元") && mismatch.contains("1,900 千元"), "{mismatch}");
    assert!(parsed.diagnostics[2].message().contains("`abc`"));
}

#[test]
fn rows_filling_every_level_read_the_same_as_rows_filling_their_own() {
    let full = "款,項,目,名稱,金額(元)\n1,,,甲,3000\n1,1,,乙,3000\n1,1,1,丙,1000\n1,1,2,丁,2000\n";
    let own = "款,項,目,名稱,金額(元)\n1,,,甲,3000\n,1,,乙,3000\n,,1,丙,1000\n,,2,丁,2000\n";
    let read = |s| {
        let t = read_table(s).unwrap();
        to_plan(&t, &guess_mapping(&t), "x").plan
    };
    assert_eq!(read(full), read(own));
    assert_eq!(read(own).total(), Money::thousands(3));
}

#[test]
fn flat_files_totals_and_problems() {
    let tsv = "name\tamount\n甲\t10\n乙\t-\n丙\t\n\t5\n合計\t16\n";
    let t = read_table(tsv).unwrap();
    let m = guess_mapping(&t);
    assert_eq!((m.levels.len(), m.unit), (0, Unit::Thousand));
    let parsed = to_plan(&t, &m, "flat");
    assert_eq!(parsed.plan.programmes.len(), 4, "the 合計 row is a check, not a line");
    assert_eq!(parsed.plan.total(), Money::thousands(15));
    assert_eq!(
        codes(&parsed),
        [
            (Some(1), Severity::Warning, "unit-assumed"),
            (Some(4), Severity::Warning, "no-amount"),
            (Some(5), Severity::Warning, "no-name"),
            (Some(6), Severity::Warning, "total-mismatch")
        ]
    );
    assert_eq!(parsed.plan.programmes[3].name, "（第 5 行）");

    let bad = to_plan(&t, &Mapping { amount: None, ..m.clone() }, "x");
    assert_eq!(codes(&bad), [(Some(1), Severity::Error, "no-amount-column")]);
    let empty = read_table("name,amount\n\n").unwrap();
    assert_eq!(codes(&to_plan(&empty, &m, "x")), [(Some(1), Severity::Error, "empty")]);
    assert_eq!(read_table("").unwrap_err().code(), "empty");
    let neg = read_table("name,amount\n甲,(12)\n").unwrap();
    assert_eq!(codes(&to_plan(&neg, &m, "x")), [(Some(1), Severity::Warning, "unit-assumed"), (Some(2), Severity::Error, "negative-amount")]);
    let huge = read_table(&format!("name,amount\n甲,{}\n", "9".repeat(20))).unwrap();
    let parsed = to_plan(&huge, &m, "x");
    assert_eq!(codes(&parsed), [(Some(1), Severity::Warning, "unit-assumed"), (Some(2), Severity::Error, "amount-too-large")]);
    assert_eq!(parsed.plan.total(), Money::ZERO);
}

#[test]
fn the_seed_survives_export_and_import() {
    let seed = plan_core::parser::parse(SEED_PLAN_TEXT).plan;
    let csv = programmes_csv(&seed, &summarise(&seed, None));
    let t = read_table(&csv).unwrap();
    assert!(is_export_csv(&t));
    let back = from_export(&t);
    assert!(back.diagnostics.is_empty(), "{:#?}", back.diagnostics);
    assert_eq!(back.plan.total(), seed.total());
    assert_eq!(plan_breakdown(&back.plan), plan_breakdown(&seed));
    assert_eq!(by_kind(&plan_breakdown(&back.plan)), by_kind(&plan_breakdown(&seed)));
    for (a, b) in back.plan.programmes.iter().zip(&seed.programmes) {
        assert_eq!((a.number, &a.name, a.budget), (b.number, &b.name, b.budget));
        assert_eq!(a.items.iter().map(|i| &i.text).collect::<Vec<_>>(), b.items.iter().map(|i| &i.text).collect::<Vec<_>>());
    }
    assert!(!is_export_csv(&read_table(BOOK).unwrap()));
}

#[test]
fn a_hand_edited_export_is_reported_by_line() {
    let seed = plan_core::parser::parse(SEED_PLAN_TEXT).plan;
    let csv = programmes_csv(&seed, &summarise(&seed, None)).replacen("中央補助款 38,499", "中央補助款 38,49x", 1);
    let back = from_export(&read_table(&csv).unwrap());
    let line = back.diagnostics.iter().find(|d| d.code() == "note-not-a-number").and_then(|d| d.line);
    assert_eq!(line, Some(6), "{:#?}", back.diagnostics);
    assert!(back.diagnostics.iter().any(|d| d.code() == "funding-columns-disagree" && d.line == Some(6)));
}

/// A random three-level budget book: (款 own amount, [(項 own amount, [目 amounts])]).
type Tree = Vec<(u32, Vec<(u32, Vec<u32>)>)>;

fn render(tree: &Tree, fill_all: bool) -> (String, Vec<u64>) {
    let mut out = String::from("款,項,目,名稱,金額(元)\n");
    let mut leaves = Vec::new();
    let mut row = |k: String, x: String, m: String, amount: u64| {
        out.push_str(&format!("{k},{x},{m},名{},\"{}\"\n", out.len(), Money::thousands(amount as i64).fmt_thousands()))
    };
    for (i, (k_own, items)) in tree.iter().enumerate() {
        let k_sum: u64 = if items.is_empty() {
            *k_own as u64
        } else {
            items.iter().map(|(own, ms)| if ms.is_empty() { *own as u64 } else { ms.iter().map(|a| *a as u64).sum() }).sum()
        };
        row(i.to_string(), String::new(), String::new(), k_sum);
        if items.is_empty() {
            leaves.push(k_sum);
        }
        for (j, (x_own, ms)) in items.iter().enumerate() {
            let kk = if fill_all { i.to_string() } else { String::new() };
            let x_sum: u64 = if ms.is_empty() { *x_own as u64 } else { ms.iter().map(|a| *a as u64).sum() };
            row(kk.clone(), j.to_string(), String::new(), x_sum);
            if ms.is_empty() {
                leaves.push(x_sum);
            }
            for (l, a) in ms.iter().enumerate() {
                let xx = if fill_all { j.to_string() } else { String::new() };
                row(kk.clone(), xx, l.to_string(), *a as u64);
                leaves.push(*a as u64);
            }
        }
    }
    (out, leaves)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_total_is_the_sum_of_the_leaves(tree in prop::collection::vec((any::<u32>(), prop::collection::vec((any::<u32>(), prop::collection::vec(any::<u32>(), 0..4)), 0..4)), 1..6), fill_all in any::<bool>()) {
        let (text, leaves) = render(&tree, fill_all);
        let t = read_table(&text).unwrap();
        let parsed = to_plan(&t, &guess_mapping(&t), "random");
        prop_assert!(parsed.diagnostics.iter().all(|d| d.severity == Severity::Info), "{:#?}\n{}", parsed.diagnostics, text);
        prop_assert_eq!(parsed.plan.programmes.len(), leaves.len());
        let yuan: u64 = leaves.iter().sum();
        prop_assert_eq!(parsed.plan.total(), Money::new(Decimal::from(yuan) / Decimal::from(1000)));
    }

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC*") {
        if let Ok(t) = read_table(&s) {
            let parsed = to_plan(&t, &guess_mapping(&t), &s);
            let _ = summarise(&parsed.plan, None);
            let mapped = Mapping { levels: vec![0, 1], name: Some(2), amount: Some(0), unit: Unit::Yuan, ..Mapping::default() };
            let _ = summarise(&to_plan(&t, &mapped, "x").plan, None);
            let _ = summarise(&from_export(&t).plan, None);
        }
    }

    #[test]
    fn never_panics_on_comma_soup(s in "[,;\t\n\"0-9款項名稱金額()△-]{0,300}") {
        if let Ok(t) = read_table(&s) {
            let _ = summarise(&to_plan(&t, &guess_mapping(&t), "x").plan, None);
        }
    }
}

#[test]
#[ignore = "timing: run with --release --ignored"]
fn the_largest_table_reads_in_reasonable_time() {
    let mut text = String::from("款,項,目,名稱,金額(元)\n");
    for i in 0..199_999 {
        text.push_str(&format!("{},{},{},名{i},{}\n", i / 1000, i / 10 % 100, i % 10, if i % 3 == 0 { "-5".to_string() } else { i.to_string() }));
    }
    let start = std::time::Instant::now();
    let t = read_table(&text).unwrap();
    let parsed = to_plan(&t, &guess_mapping(&t), "big");
    let _ = summarise(&parsed.plan, None);
    eprintln!("{} programmes, {} diagnostics in {:?}", parsed.plan.programmes.len(), parsed.diagnostics.len(), start.elapsed());
    assert!(start.elapsed().as_secs() < 10);
}

/// A parent row printed without figures (a 主管 row left blank above its one agency, as
/// 內政部's 114 book prints it) stands for its lines' sums, never for 0.
#[test]
fn a_parent_row_printed_without_figures_is_its_lines_sums() {
    let t = read_table("款,項,目,名稱,本年度預算數,上年度預算數\n1,,,甲主管,,\n1,1,,乙機關,100,90\n1,1,1,丙,60,50\n1,1,2,丁,40,40\n").unwrap();
    let parsed = to_plan(&t, &guess_mapping(&t), "");
    let plan = &parsed.plan;
    let top = plan.groups.iter().find(|g| g.name == "甲主管").unwrap();
    assert_eq!(top.budget, Money::thousands(100));
    assert_eq!(top.facts.last_year, Some(Money::thousands(90)));
    assert!(top.stated, "the row is printed");
    assert_eq!(plan.total(), Money::thousands(100));
    assert_eq!(codes(&parsed), [(Some(1), Severity::Warning, "unit-assumed")], "and no parent-sum finding");
}
