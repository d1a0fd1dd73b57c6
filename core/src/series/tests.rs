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

#[test]
fn a_documents_issuer_is_its_title_without_year_or_version() {
    assert_eq!(issuer("示範市 115年度總預算案"), "示範市");
    assert_eq!(issuer("示範市 114年度法定預算"), "示範市");
    assert_eq!(issuer("桃園市政府 112年度總預算 歲出機關別預算表"), "桃園市政府");
    assert_eq!(issuer("勞動局"), "勞動局");
    assert_eq!(issuer("臺北市１１３年度總決算"), "臺北市");
}

#[test]
fn a_documents_stage_is_read_from_its_title() {
    assert_eq!(Stage::of("示範市 115年度總預算案"), Stage::Proposal);
    assert_eq!(Stage::of("示範市 115年度法定預算"), Stage::Enacted);
    assert_eq!(Stage::of("臺北市 113年度總決算"), Stage::Final);
    assert_eq!(Stage::of("桃園市政府 112年度總預算"), Stage::Budget);
    assert_eq!(Stage::of("勞動局 111年度施政計畫"), Stage::Budget);
}

#[test]
fn the_same_line_under_another_parent_is_another_line() {
    let a = book("款,項,科目名稱,本年度預算數\n1,,甲局,30\n1,1,業務費,10\n1,2,人事費,20\n2,,乙局,5\n2,1,業務費,5\n");
    let b = book("款,項,科目名稱,本年度預算數\n1,,乙局,7\n1,1,業務費,7\n2,,甲局,40\n2,1,業務費,40\n");
    let m = align(&a, &b);
    let name = |p: &Plan, r: TreeRef| {
        let l = p.line(r);
        let parent = match r {
            TreeRef::Programme(i) => p.programmes[i as usize].book.as_ref().and_then(|b| b.parent),
            TreeRef::Group(g) => p.groups[g as usize].facts.parent,
        };
        format!("{}/{}", parent.map_or("", |g| p.groups[g as usize].name.as_str()), l.name)
    };
    let mut pairs: Vec<(String, String)> = a.tree().order().into_iter().filter_map(|r| m.get(r).map(|o| (name(&a, r), name(&b, o)))).collect();
    pairs.sort();
    assert_eq!(
        pairs,
        [("/乙局", "/乙局"), ("/甲局", "/甲局"), ("乙局/業務費", "乙局/業務費"), ("甲局/業務費", "甲局/業務費")].map(|(x, y)| (x.to_string(), y.to_string()))
    );
}

proptest! {
    /// A document against itself: every line is itself, and its series is its own three
    /// figures with nothing in disagreement.
    #[test]
    fn a_document_aligned_with_itself_is_itself(amounts in proptest::collection::vec((1i64..1_000_000, 0i64..1_000_000), 1..12)) {
        let mut csv = String::from("款,項,科目名稱,本年度預算數,上年度預算數\n");
        let (this, last): (i64, i64) = (amounts.iter().map(|a| a.0).sum(), amounts.iter().map(|a| a.1).sum());
        csv.push_str(&format!("1,,總局,{this},{last}\n"));
        for (i, (a, b)) in amounts.iter().enumerate() {
            csv.push_str(&format!("1,{},計畫{i},{a},{b}\n", i + 1));
        }
        let p = book(&format!("示範市 115年度總預算\n{csv}"));
        let m = align(&p, &p);
        let order = p.tree().order();
        prop_assert_eq!(m.len(), order.len());
        for r in &order {
            prop_assert_eq!(m.get(*r), Some(*r));
        }
        let editions = [Edition::of(&p), Edition::of(&p)];
        let s = line_series(&editions, 0, &[&Alignment::default(), &m], Subject::Whole);
        prop_assert_eq!(s.years.iter().map(|y| (y.year, y.budget.map(|f| f.amount))).collect::<Vec<_>>(), vec![(114, Some(k(last))), (115, Some(k(this)))]);
        prop_assert!(s.years.iter().all(|y| y.disagree.is_empty()) && s.missing.is_empty());
    }
}
