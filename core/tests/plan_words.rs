//! Plan tables in the other wordings and layouts agencies publish (issue 33, item 2): the
//! header's other words and its unit (千元, 元, 萬元), a running head and a 「第 N 頁」 footer,
//! notes joined by `；`, and the city's own money under the names notes give it. Each test
//! reads a fixture (see fixtures/README.md for its hand-computed figures) as a reader sees it.

use plan_core::funding::{by_kind, plan_breakdown, FundingKind};
use plan_core::parser::{parse, Parsed};
use plan_core::{Money, Severity};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn names(p: &Parsed) -> Vec<&str> {
    p.plan.programmes.iter().map(|p| p.name.as_str()).collect()
}

fn budgets(p: &Parsed) -> Vec<Money> {
    p.plan.programmes.iter().map(|p| p.budget).collect()
}

/// Central subsidy, special funds and the city's share, as the overview splits them.
fn split(p: &Parsed) -> [Money; 3] {
    let kinds = by_kind(&plan_breakdown(&p.plan));
    let of = |k: FundingKind| kinds.iter().find(|x| x.0 == k).unwrap().1;
    [of(FundingKind::CentralSubsidy), of(FundingKind::SpecialFund), of(FundingKind::CityGeneral)]
}

fn k(n: i64) -> Money {
    Money::thousands(n)
}

fn quiet(p: &Parsed) {
    let loud: Vec<_> = p.diagnostics.iter().filter(|d| d.severity >= Severity::Warning || d.code() == "unrecognised-source").collect();
    assert!(loud.is_empty(), "{loud:#?}");
}

#[test]
fn other_header_words_a_running_head_and_city_money_in_notes() {
    let p = parse(&fixture("taichung-labor-112.txt"));
    quiet(&p);
    assert_eq!(names(&p), ["勞資爭議處理計畫", "勞動條件檢查計畫", "就業媒合計畫", "職場安全推廣計畫", "勞工福利計畫"]);
    assert_eq!(budgets(&p), [k(12_400), k(8_300), k(20_600), k(4_500), k(2_200)]);
    assert_eq!(p.plan.total(), k(48_000));
    // 市款 7,400 + 本府預算 5,300 + 自籌款 4,600 + 市預算 4,500 + 五's 2,200 without a note.
    assert_eq!(split(&p), [k(15_000), k(9_000), k(24_000)]);
    // The running head and the footer at the page break inside 三 are not its text.
    let three = &p.plan.programmes[2];
    assert_eq!(three.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["辦理現場徵才活動。", "辦理就業諮詢服務。"]);
    // The city's notes keep the words they were written in.
    let written: Vec<_> = p.plan.programmes.iter().flat_map(|p| &p.funding).filter_map(|n| n.written_as.as_deref()).collect();
    assert_eq!(written, ["市款", "本府預算", "自籌款", "市預算"]);
}

#[test]
fn a_table_in_yuan_is_read_in_thousands() {
    let p = parse(&fixture("new-taipei-labor-113.txt"));
    quiet(&p);
    assert_eq!(names(&p), ["職業訓練計畫", "身障就業計畫", "移工服務計畫"]);
    assert_eq!(budgets(&p), [k(3_450), k(1_280), k(960)]);
    assert_eq!(p.plan.total(), k(5_690));
    assert_eq!(split(&p), [k(2_000), k(800), k(2_890)]);
    // Written as `3450`, never `3450.000`, wherever the plan is saved.
    assert!(p.plan.to_json().contains("\"3450\""));
}

#[test]
fn a_table_in_wan_is_read_in_thousands() {
    let p = parse(&fixture("taoyuan-youth-114.txt"));
    quiet(&p);
    assert_eq!(names(&p), ["青年創業輔導計畫", "青年職涯發展計畫", "國際交流計畫"]);
    assert_eq!(budgets(&p), [k(12_500), k(4_800), k(2_750)]);
    assert_eq!(p.plan.total(), k(20_050));
    assert_eq!(split(&p), [k(6_000), k(0), k(14_050)]);
}

#[test]
fn a_stated_total_is_checked_in_the_header_unit() {
    // 合計 2,005 萬元 agrees; 2,000 萬元 is 50 萬元 short, and says so in 千元.
    let p = parse(&fixture("taoyuan-youth-114.txt").replace("合計 2,005", "合計 2,000"));
    let d: Vec<String> = p.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| d.finding.to_string()).collect();
    assert_eq!(d, ["the table states a total of 20,000 千元 but its lines add up to 20,050 千元; the sum is shown"]);
    assert_eq!(p.plan.total(), k(20_050));
}

#[test]
fn a_garbled_amount_after_a_semicolon_is_refused_by_name() {
    let p = parse(&fixture("taichung-labor-112.txt").replace("10,000千元；自籌款", "1O,OOO千元；自籌款"));
    let errors: Vec<_> = p.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| (d.line, d.finding.to_string())).collect();
    assert_eq!(errors, [(Some(64), "the funding amount on this line is not a number: `中央補助款 1O,OOO千元`".to_string())]);
    // The other sources of that note are still read.
    let three: Vec<_> = p.plan.programmes[2].funding.iter().map(|n| (n.source.as_str(), n.amount)).collect();
    assert_eq!(three, [("就安基金", k(6_000)), ("市總預算", k(4_600))]);
}

#[test]
fn a_note_in_thousands_in_a_table_in_yuan_keeps_its_own_unit() {
    // The budget column is in 元, the note says 千元: 2,000 千元, not 2 千元.
    let p = parse(&fixture("new-taipei-labor-113.txt").replace("中央補助款 2,000,000元", "中央補助款 2,000千元"));
    quiet(&p);
    assert_eq!(p.plan.programmes[0].funding[0].amount, k(2_000));
    assert_eq!(split(&p), [k(2_000), k(800), k(2_890)]);
}

/// The same plans as landscape PDFs with a running head and a 「第 N 頁」 footer
/// (fixtures/pdf/make_words_fixtures.py).
#[cfg(feature = "pdf")]
mod pdf {
    use super::*;

    fn read(name: &str) -> Parsed {
        let bytes = std::fs::read(format!("{}/tests/fixtures/pdf/{name}.pdf", env!("CARGO_MANIFEST_DIR"))).unwrap();
        plan_core::pdf::read_pdf(&bytes, name).parsed
    }

    #[test]
    fn a_landscape_plan_with_a_running_head_reads_as_its_text() {
        let p = read("words-taichung-labor-112");
        quiet(&p);
        assert_eq!(p.plan.title, "臺中市政府勞工局 112年度施政計畫");
        assert_eq!(names(&p), ["勞資爭議處理計畫", "勞動條件檢查計畫", "就業媒合計畫", "職場安全推廣計畫", "勞工福利計畫"]);
        assert_eq!(p.plan.total(), k(48_000));
        assert_eq!(split(&p), [k(15_000), k(9_000), k(24_000)]);
        let three = &p.plan.programmes[2];
        assert_eq!(three.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["辦理現場徵才活動。", "辦理就業諮詢服務。"]);
        // Every figure and every note's written name as the text of the same plan gives them.
        let facts = |p: &Parsed| {
            let notes = |g: &plan_core::programme::Programme| g.funding.iter().map(|n| (n.source.clone(), n.written_as.clone(), n.amount)).collect::<Vec<_>>();
            p.plan.programmes.iter().map(|g| (g.name.clone(), g.budget, notes(g))).collect::<Vec<_>>()
        };
        assert_eq!(facts(&p), facts(&parse(&fixture("taichung-labor-112.txt"))));
    }

    #[test]
    fn a_pdf_table_in_wan_is_read_in_thousands() {
        let p = read("words-taoyuan-youth-114");
        quiet(&p);
        assert_eq!(p.plan.title, "桃園市政府青年事務局 114年度施政計畫");
        assert_eq!(names(&p), ["青年創業輔導計畫", "青年職涯發展計畫", "國際交流計畫"]);
        assert_eq!(budgets(&p), [k(12_500), k(4_800), k(2_750)]);
        assert_eq!(p.plan.total(), k(20_050));
        assert_eq!(split(&p), [k(6_000), k(0), k(14_050)]);
    }
}
