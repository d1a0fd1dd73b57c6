//! Unit budget books (單位預算書) as PDFs: the 歲出機關別預算表 / 歲出預算表 pages found among
//! the book's others and read into the budget-books model (the same lines, tree, series and
//! checks as a spreadsheet gives), the other pages reported for what they are. Fixtures in
//! `fixtures/pdf/books/`, made by `make_book_fixtures.py`; their figures are added up by
//! hand in `fixtures/pdf/books/README.md`.

use plan_core::diagnostic::{Finding, PagesAre, UnitEvidence, UnitName};
use plan_core::pdf::{read_pdf, PdfRead};
use plan_core::{DocumentKind, LineFacts, Money, Severity};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/books")
}

fn read(name: &str) -> PdfRead {
    read_pdf(&std::fs::read(dir().join(format!("{name}.pdf"))).unwrap(), &format!("{name}.pdf"))
}

fn expected(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join(format!("{name}.expected.json"))).unwrap()).unwrap()
}

fn money(v: &Value) -> Money {
    Money::new(v.as_str().unwrap().parse::<Decimal>().unwrap())
}

fn k(n: i64) -> Money {
    Money::thousands(n)
}

/// A line of the book by name: its budget and facts, whether a group or a leaf.
fn line<'a>(read: &'a PdfRead, name: &str) -> (Money, &'a LineFacts, plan_core::Span) {
    let plan = &read.parsed.plan;
    if let Some(g) = plan.groups.iter().find(|g| g.name == name) {
        return (g.budget, &g.facts, g.span);
    }
    let p = plan.programmes.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no line {name}"));
    (p.budget, p.book.as_deref().unwrap(), p.span)
}

fn pages(read: &PdfRead) -> Vec<(u32, u32, PagesAre)> {
    read.parsed
        .diagnostics
        .iter()
        .filter_map(|d| match &d.finding {
            Finding::PdfPages { first, last, are } => {
                assert_eq!((d.severity, d.page, d.line), (Severity::Info, None, None));
                Some((*first, *last, are.clone()))
            }
            _ => None,
        })
        .collect()
}

fn expected_pages(e: &Value) -> Vec<(u32, u32, PagesAre)> {
    e["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let text = p[3].as_str().unwrap().to_string();
            let are = match p[2].as_str().unwrap() {
                "read" => PagesAre::Read(text),
                "known" => PagesAre::Known(text),
                _ => PagesAre::Headed(text),
            };
            (p[0].as_u64().unwrap() as u32, p[1].as_u64().unwrap() as u32, are)
        })
        .collect()
}

#[test]
fn each_book_reads_to_its_hand_computed_figures() {
    for name in ["book-thousand", "book-yuan", "book-parts", "book-long"] {
        let e = expected(name);
        let r = read(name);
        let p = &r.parsed;
        let bad: Vec<String> = p.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| format!("{d:?}")).collect();
        assert!(bad.is_empty(), "{name}: {bad:#?}");
        let plan = &p.plan;
        assert_eq!((plan.title.as_str(), plan.year, plan.kind), (e["title"].as_str().unwrap(), 114, DocumentKind::Spending), "{name}");
        assert_eq!((plan.programmes.len(), plan.groups.len()), (e["leaves"].as_u64().unwrap() as usize, e["groups"].as_u64().unwrap() as usize), "{name}");
        // Every level is a subtotal row: the total is the leaves', counted once.
        assert_eq!(plan.total(), money(&e["total"]), "{name}");
        assert_eq!(plan.series_totals(), (money(&e["total"]), Some(money(&e["last_year"])), Some(money(&e["actual"]))), "{name}");
        let unit = if e["unit"] == "元" { UnitName::Yuan } else { UnitName::Thousand };
        assert!(
            p.diagnostics.iter().any(|d| d.finding == Finding::UnitAssumed { unit, evidence: UnitEvidence::Stated }),
            "{name}: the unit is the one the header states"
        );
        for l in e["lines"].as_array().unwrap() {
            let (budget, facts, _) = line(&r, l["name"].as_str().unwrap());
            let got =
                (budget, facts.current, facts.capital, facts.last_year, facts.actual, facts.stated_change, facts.code.as_deref(), facts.explanation.as_str());
            let want = (
                money(&l["budget"]),
                Some(money(&l["current"])),
                Some(money(&l["capital"])),
                Some(money(&l["last_year"])),
                Some(money(&l["actual"])),
                Some(money(&l["change"])),
                l["code"].as_str(),
                l["explanation"].as_str().unwrap(),
            );
            assert_eq!(got, want, "{name}: {}", l["name"]);
        }
        assert_eq!(pages(&r), expected_pages(&e), "{name}");
        // A book printing this year only as 經常門 and 資本門 says its total is their sum.
        assert_eq!(p.diagnostics.iter().any(|d| d.finding == Finding::ThisYearFromParts), name == "book-parts", "{name}");
    }
}

#[test]
fn one_line_its_three_years_and_its_explanation_over_many_lines() {
    let r = read("book-thousand");
    let plan = &r.parsed.plan;
    let staff = plan.programmes.iter().find(|p| p.name == "人員維持").unwrap();
    let f = staff.book.as_deref().unwrap();
    assert_eq!((staff.budget, f.last_year, f.actual, f.stated_change), (k(258_536), Some(k(250_100)), Some(k(245_880)), Some(k(8_436))));
    assert_eq!(
        f.explanation,
        "本年度預算數258,536千元，內容如下：\n1.職員待遇及獎金等經費198,236千元。\n2.退休離職儲金及公勞健保保險等經費60,300千元。\n3.較上年度增列8,436千元，係調整軍公教人員待遇所需。"
    );
    assert_eq!(plan.path_of(staff), ["教育支出", "範例局", "一般行政"]);
    // 經常門 + 資本門 = 合計 on every line.
    for p in &plan.programmes {
        let f = p.book.as_deref().unwrap();
        assert_eq!(f.current.unwrap() + f.capital.unwrap(), p.budget, "{}", p.name);
    }
    // Names wrapped over two lines, each with its lines as provenance.
    let text: Vec<&str> = r.text.split('\n').collect();
    let at = |l: u32| text[l as usize - 1].trim_start_matches('\u{c}');
    let (_, f, span) = line(&r, "基本行政工作維持");
    assert_eq!(f.explanation, "1.辦公廳舍維護等經費30,499千元。\n2.購置公務車輛8,000千元。");
    assert!(at(span.start).contains("6361010102 基本行政工作") && at(span.end).starts_with("維持"), "{:?}", (at(span.start), at(span.end)));
    let (_, _, span) = line(&r, "社區大學及終身學習推廣計畫");
    assert_eq!((span.end - span.start, at(span.end)), (1, "身學習推廣計畫"));
    // The staff line's 說明 goes on over a page break, under the repeated header.
    let starts = &plan.source.as_ref().unwrap().page_starts;
    let page_of = |l: u32| starts.partition_point(|s| *s <= l);
    assert_eq!((page_of(staff.span.start), page_of(staff.span.end)), (6, 7));
    assert!(at(staff.span.start).contains("6361010101 人員維持") && at(staff.span.end) == "需。", "{:?}", at(staff.span.end));
}

#[test]
fn figures_of_neighbouring_columns_that_touch_in_a_text_dump_split_by_position() {
    let dump = std::fs::read_to_string(dir().join("book-yuan.pdftotext.txt")).unwrap();
    assert!(dump.contains("100,000,0001,286,450,000"), "pdftotext runs 資本門 and 合計 together");
    let r = read("book-yuan");
    let (budget, f, _) = line(&r, "社區大學及終身學習推廣計畫");
    assert_eq!((f.current, f.capital, budget), (Some(k(1_186_450)), Some(k(100_000)), k(1_286_450)));
    assert_eq!((f.last_year, f.actual), (Some(k(1_120_300)), Some(Money::new(Decimal::new(1_098_765_432, 3)))));
    // 元 read as 元: 258,536,400 元 is 258,536.4 千元, never a thousandfold error.
    let (budget, ..) = line(&r, "人員維持");
    assert_eq!(budget, Money::new(Decimal::new(2_585_364, 1)));
    assert_eq!(r.parsed.plan.total(), k(1_592_426));
}

#[test]
fn the_other_pages_are_reported_for_what_they_are() {
    // (The Chinese wording is the web crate's, in web/src/i18n/findings.rs, and its browser
    // tests read it.)
    let r = read("book-thousand");
    let said: Vec<String> = r.parsed.diagnostics.iter().filter(|d| matches!(d.finding, Finding::PdfPages { .. })).map(|d| d.finding.to_string()).collect();
    assert_eq!(said[2], "pages 3–4: 預算總說明 (budget overview), not a table this reader reads; left out");
    assert_eq!(said[4], "pages 6–8: 歲出機關別預算表 (spending by agency), read as the budget table");
    assert_eq!(said[3], "page 5: 歲入來源別預算表 (revenue by source), not a table this reader reads; left out");
    assert!(r.parsed.diagnostics.iter().all(|d| d.finding.code() != "pdf-no-table"));
}

#[test]
fn a_book_with_no_spending_table_says_what_it_found() {
    let e = expected("book-no-spending");
    let r = read("book-no-spending");
    assert!(r.parsed.plan.programmes.is_empty());
    assert!(r.parsed.diagnostics.iter().any(|d| d.severity == Severity::Error && matches!(d.finding, Finding::PdfNoTable { .. })));
    assert_eq!(pages(&r), expected_pages(&e));
    let last = r.parsed.diagnostics.iter().rev().find(|d| matches!(d.finding, Finding::PdfPages { .. })).unwrap();
    assert_eq!(last.finding.to_string(), "page 5: headed `附錄：本局組織系統圖`, not a table this reader knows; left out");
}

/// 內政部's 114 unit budget book (392 pages; Right PDF, embedded PMingLiU subsets), 16
/// of its pages: 目次, the 預算總說明 divider, 歲入來源別預算表, and the whole 歲出機關別預算表
/// (11 pages): code lines over the names, 政事別 rows with no level printed in a faked
/// bold, 說明 over dozens of lines and page breaks. Figures checked by hand in the README.
#[test]
fn a_real_ministry_book_reads_to_its_stated_total() {
    let r = read("moi-114-excerpt");
    let p = &r.parsed;
    let bad: Vec<String> = p.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| d.to_string()).collect();
    assert!(bad.is_empty(), "every parent agrees with the lines under it: {bad:#?}");
    let plan = &p.plan;
    assert_eq!((plan.year, plan.title.as_str()), (114, "內政部 歲出機關別預算表 經資門併計中華民國114年度"));
    assert_eq!((plan.programmes.len(), plan.groups.len()), (13, 6));
    // 內政部 states 13,424,378 千元; its 13 leaf lines add up to it, counted once.
    assert_eq!(plan.total(), k(13_424_378));
    assert_eq!(line(&r, "內政部").0, k(13_424_378));
    // Last year's figures add up too; the actuals' leaves add up to 1 千元 less than the book
    // states for 內政部 (each rounded to the 千元 on its own).
    assert_eq!(plan.series_totals(), (k(13_424_378), Some(k(12_431_027)), Some(k(8_983_329))));
    assert_eq!(line(&r, "內政部").1.actual, Some(k(8_983_330)));
    let admin = plan.programmes.iter().find(|x| x.name == "一般行政").unwrap();
    let f = admin.book.as_deref().unwrap();
    assert_eq!((admin.budget, f.last_year, f.actual, f.stated_change), (k(1_771_975), Some(k(1_693_439)), Some(k(1_573_540)), Some(k(78_536))));
    assert_eq!(f.code.as_deref(), Some("3708010100"));
    assert!(f.explanation.starts_with("1.本年度預算數1,771,975千元，包括人事費1,640,215千元，業務費83,890千元"), "{}", f.explanation);
    // Its 說明 goes on over the page break: (4) is on the next page.
    assert!(f.explanation.ends_with("\n(4)綜合規劃業務專案計畫經費3,053千元，與上年度同。"), "{}", f.explanation);
    assert_eq!(plan.path_of(admin), ["內政部主管", "內政部", "民政支出"]);
    // The 政事別 rows are printed in a faked bold (each character twice).
    assert!(plan.groups.iter().any(|g| g.name == "福利服務支出"));
    let report: Vec<String> = p.diagnostics.iter().filter(|d| d.finding.code() == "pdf-pages").map(|d| d.finding.to_string()).collect();
    assert_eq!(
        report,
        [
            "pages 1–2: 目次 (contents), not a table this reader reads; left out",
            "page 3: 預算總說明 (budget overview), not a table this reader reads; left out",
            "pages 4–5: 歲入來源別預算表 (revenue by source), not a table this reader reads; left out",
            "pages 6–16: 歲出機關別預算表 (spending by agency), read as the budget table",
        ]
    );
}

/// 臺北市's 113 總預算案 歲出機關別預算表 (180 pages; Acrobat, DFKaiShu), its first two
/// pages: each line's code and figures on one line and its name under them; 說明 in 元
/// beside figures in 千元. The excerpt ends inside 臺北市政府主管, and the checks say so.
#[test]
fn a_real_city_book_with_names_under_the_figures() {
    let r = read("tpe-113-excerpt");
    let plan = &r.parsed.plan;
    assert_eq!((plan.year, plan.programmes.len(), plan.groups.len()), (113, 9, 10));
    let (council, ..) = line(&r, "臺北市議會主管");
    assert_eq!(council, k(914_402));
    let work = plan.programmes.iter().find(|x| x.name == "經常議事工作").unwrap();
    let f = work.book.as_deref().unwrap();
    assert_eq!(
        (work.budget, f.last_year, f.actual, f.stated_change, f.code.as_deref()),
        (k(445_581), Some(k(460_401)), None, Some(k(-14_820)), Some("33010010202"))
    );
    assert_eq!(plan.path_of(work), ["臺北市議會主管", "臺北市議會", "議事業務"]);
    // A line the book prints without this year's figure (ended) is 0, and said so.
    let warned: Vec<String> = r.parsed.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| d.finding.to_string()).collect();
    assert_eq!(
        warned,
        [
            "`交通及運輸設備` has no amount; it counts as 0",
            "`臺北市政府主管` (02) states 4,933,645 千元 but the lines under it add up to 290,755 千元",
            "`臺北市政府秘書處` (02/001) states 290,755 千元 but the lines under it add up to 254,411 千元",
        ]
    );
    assert_eq!(plan.total(), k(914_402 + 254_411));
}

/// `BOOK_PDF=path cargo test -p plan-core --test pdf_books dump -- --ignored --nocapture`:
/// what the reader makes of any book (its findings, lines and figures).
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("BOOK_PDF") else { return };
    let bytes = std::fs::read(&path).unwrap();
    let t = std::time::Instant::now();
    let mut reader = plan_core::pdf::PdfReader::open(&bytes, &path, plan_core::pdf::Limits::default()).unwrap();
    let opened = t.elapsed();
    while reader.step().is_some() {}
    let stepped = t.elapsed();
    let _ = reader.finish();
    println!("open {opened:?}, pages {:?}, finish {:?}", stepped - opened, t.elapsed() - stepped);
    let t = std::time::Instant::now();
    let r = read_pdf(&std::fs::read(&path).unwrap(), &path);
    println!("read in {:?}", t.elapsed());
    if let Ok(pages) = std::env::var("BOOK_PAGES") {
        for (i, text) in r.text.split('\u{c}').enumerate() {
            if pages.split(',').any(|p| p == (i + 1).to_string()) {
                println!("--- page {}\n{text}", i + 1);
            }
        }
    }
    for d in &r.parsed.diagnostics {
        println!("{:?} page {:?} line {:?}: {}", d.severity, d.page, d.line, d.finding);
    }
    let plan = &r.parsed.plan;
    for g in &plan.groups {
        println!("G {} | {} | {:?}", g.name, g.budget, g.facts);
    }
    for p in &plan.programmes {
        println!("P {} | {} | {:?}", p.name, p.budget, p.book);
    }
    println!("{} lines, {} leaves, total {}", plan.groups.len() + plan.programmes.len(), plan.programmes.len(), plan.total());
}
