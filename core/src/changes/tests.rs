use super::*;
use crate::budget_csv::{guess_mapping, read_table, to_plan};
use proptest::prelude::*;

fn k(n: i64) -> Money {
    Money::thousands(n)
}

fn book(csv: &str) -> Plan {
    let t = read_table(csv).expect("a table");
    to_plan(&t, &guess_mapping(&t), "").plan
}

/// Two 款 with their 項; amounts in 千元.
const BOOK: &str = r#"
款,項,科目名稱,本年度預算數,上年度預算數,本年度與上年度比較,說明
1,,一般行政,5000,4000,1000,
1,1,行政管理,3000,3000,0,"本年度預算數3,000千元"
1,2,人員維持,2000,1000,1000,"較上年度增列1,000千元，主要係增聘人員"
2,,勞動檢查,4400,4600,-200,
2,1,職業安全檢查,2400,4600,-2200,"較上年度減列2,000千元"
2,2,新興檢查計畫,2000,,2000,
"#;

fn names(plan: &Plan, changes: &[LineChange], order: &[usize]) -> Vec<String> {
    order.iter().map(|i| plan.line(changes[*i].node).name.to_string()).collect()
}

#[test]
fn every_line_with_its_change_and_movement() {
    let plan = book(BOOK);
    let changes = line_changes(&plan, &plan.tree(), None, None);
    let got: Vec<(String, Money, Option<Money>, Movement)> =
        changes.iter().map(|c| (plan.line(c.node).name.to_string(), c.budget, c.change.as_ref().map(|c| c.amount), c.movement)).collect();
    assert_eq!(
        got,
        [
            ("行政管理".to_string(), k(3_000), Some(k(0)), Movement::Same),
            ("人員維持".to_string(), k(2_000), Some(k(1_000)), Movement::Increase),
            ("職業安全檢查".to_string(), k(2_400), Some(k(-2_200)), Movement::Cut),
            ("新興檢查計畫".to_string(), k(2_000), Some(k(2_000)), Movement::New),
        ]
    );
    assert_eq!(changes[1].change.as_ref().map(|c| c.fmt_percent()), Some("+100%".to_string()));
    assert_eq!(changes[3].change.as_ref().map(|c| c.fmt_percent()), Some("new".to_string()));
    let totals = Totals::of(&changes);
    assert_eq!((totals.budget, totals.last_year, totals.change().amount), (k(9_400), k(8_600), k(800)));
}

#[test]
fn a_level_is_a_cut_through_the_tree() {
    let plan = book(BOOK);
    let top = line_changes(&plan, &plan.tree(), Some(0), None);
    let got: Vec<(&str, Money)> = top.iter().map(|c| (plan.line(c.node).name, c.budget)).collect();
    assert_eq!(got, [("一般行政", k(5_000)), ("勞動檢查", k(4_400))]);
    // Inside one line: its lines only.
    let TreeRef::Group(g) = top[1].node else { panic!("勞動檢查 has lines under it") };
    let inside = line_changes(&plan, &plan.tree(), Some(1), Some(g));
    assert_eq!(inside.iter().map(|c| plan.line(c.node).name).collect::<Vec<_>>(), ["職業安全檢查", "新興檢查計畫"]);
}

#[test]
fn ranked_by_amount_and_by_share() {
    let plan = book(BOOK);
    let c = line_changes(&plan, &plan.tree(), None, None);
    assert_eq!(names(&plan, &c, &ranked(&c, Rank::Increase)), ["新興檢查計畫", "人員維持", "行政管理", "職業安全檢查"]);
    assert_eq!(names(&plan, &c, &ranked(&c, Rank::Cut))[0], "職業安全檢查");
    // A new line has no %: it follows the lines that have one.
    assert_eq!(names(&plan, &c, &ranked(&c, Rank::IncreaseShare)), ["人員維持", "行政管理", "職業安全檢查", "新興檢查計畫"]);
    assert_eq!(names(&plan, &c, &ranked(&c, Rank::CutShare))[0], "職業安全檢查");
}

#[test]
fn flags_with_their_evidence() {
    let plan = book(BOOK);
    let c = line_changes(&plan, &plan.tree(), None, None);
    let flags: Vec<(&str, &Vec<Flag>)> = c.iter().map(|c| (plan.line(c.node).name, &c.flags)).filter(|(_, f)| !f.is_empty()).collect();
    assert_eq!(
        flags,
        [
            // Stated −2,000, but 2,400 − 4,600 is −2,200.
            ("職業安全檢查", &vec![Flag::Explanation { said: Said::Change, says: k(-2_000), figure: k(-2_200) }]),
            // New, 2,000 千元, and no word on why.
            ("新興檢查計畫", &vec![Flag::Unexplained { change: k(2_000) }]),
        ]
    );
    let top = line_changes(&plan, &plan.tree(), Some(0), None);
    assert!(top.iter().all(|c| c.flags.is_empty()), "the 款 lines agree with their stated change");
}

#[test]
fn a_stated_change_that_is_not_the_arithmetic() {
    let plan = book("科目名稱,本年度預算數,上年度預算數,本年度與上年度比較\n甲,500,400,90\n");
    let c = line_changes(&plan, &plan.tree(), None, None);
    assert_eq!(c[0].flags, [Flag::StatedChange { stated: k(90), computed: k(100) }]);
}

#[test]
fn lines_just_under_a_threshold_under_one_parent() {
    let plan = book("款,項,科目名稱,本年度預算數\n1,1,甲,1450\n1,2,乙,1499\n1,3,丙,1400\n1,4,丁,1000\n2,1,戊,1450\n");
    let c = line_changes(&plan, &plan.tree(), None, None);
    let flagged: Vec<&str> = c.iter().filter(|c| !c.flags.is_empty()).map(|c| plan.line(c.node).name).collect();
    assert_eq!(flagged, ["甲", "乙", "丙"]);
    assert_eq!(c[0].flags, [Flag::JustUnder { threshold: k(1_500), lines: 3, across: false }]);
}

#[test]
fn one_name_just_under_a_threshold_across_agencies() {
    let plan = book("款,項,科目名稱,本年度預算數\n1,1,委託研究,95\n2,1,委託研究,99\n3,1,委託研究,98\n4,1,委託研究,50\n");
    let c = line_changes(&plan, &plan.tree(), None, None);
    assert_eq!(c.iter().filter(|c| c.flags == [Flag::JustUnder { threshold: k(100), lines: 3, across: true }]).count(), 3);
}

#[test]
fn a_plan_without_last_year_has_no_change() {
    let plan = crate::parser::parse("壹、\n").plan;
    assert!(line_changes(&plan, &plan.tree(), None, None).iter().all(|c| c.movement == Movement::Unknown));
}

proptest! {
    /// Whatever the level, its lines add up to the book's total and last year's.
    #[test]
    fn every_level_adds_up_to_the_book(leaves in prop::collection::vec((0u8..4, 0u8..4, 0i64..100_000, 0i64..100_000), 1..30)) {
        let mut csv = String::from("款,項,科目名稱,本年度預算數,上年度預算數\n");
        for (i, (a, b, this, last)) in leaves.iter().enumerate() {
            csv.push_str(&format!("{a},{},線{i},{this},{last}\n", u32::from(*b) * 100 + i as u32));
        }
        let plan = book(&csv);
        let tree = plan.tree();
        let last: Money = plan.programmes.iter().filter_map(|p| p.book.as_ref()?.last_year).sum();
        for level in [Some(0), Some(1), Some(2), None] {
            let t = Totals::of(&line_changes(&plan, &tree, level, None));
            prop_assert_eq!((t.budget, t.last_year), (plan.total(), last));
        }
    }
}
