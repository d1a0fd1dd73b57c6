//! The bundled FY111 Taoyuan City Labor Bureau plan must parse exactly. The figures here are
//! the brief's test oracles; the code derives every one of them from the text.

use plan_core::funding::{by_kind, plan_breakdown, FundingKind};
use plan_core::parser::parse;
use plan_core::{Money, Severity, SEED_PLAN_TEXT};

fn seed() -> plan_core::Plan {
    let parsed = parse(SEED_PLAN_TEXT);
    let problems: Vec<_> = parsed.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).collect();
    assert!(problems.is_empty(), "the seed parses without warnings: {problems:#?}");
    parsed.plan
}

fn k(n: i64) -> Money {
    Money::thousands(n)
}

#[test]
fn title_agency_year() {
    let p = seed();
    assert_eq!(p.agency, "勞動局");
    assert_eq!(p.year, 111);
    assert_eq!(p.title, "勞動局 111年度施政計畫");
}

#[test]
fn vision_and_missions() {
    let p = seed();
    let v = p.vision.as_ref().unwrap();
    assert_eq!(v.title, "福利城市－就業安全˙勞工權益保障");
    assert_eq!(v.paragraphs.len(), 2);
    assert!(v.paragraphs[0].starts_with("提供民眾充足的就業機會及合宜的勞動環境並保障勞工應有的權益，是本府責無旁貸"));
    assert!(v.paragraphs[1].ends_with("重視國際人權及社會公益之期待。"));
    assert_eq!(p.missions.len(), 6);
    assert_eq!(p.missions[3].text, "加強辦理身障者職業重建，連結各項資源，促進身心障礙者就業。");
}

#[test]
fn goals_and_strategies() {
    let p = seed();
    assert_eq!(p.goals.len(), 6);
    assert_eq!(p.strategy_count(), 19);
    assert_eq!(p.goals.iter().map(|g| g.strategies.len()).collect::<Vec<_>>(), [4, 4, 4, 2, 2, 3]);
    assert_eq!(p.goals[0].strategies[0].name, "協處勞資爭議調解案件");
    assert_eq!(p.goals[1].strategies[2].name, "輔導事業單位建立退休制度");
    assert_eq!(p.goals[2].name, "提升職業訓練訓後就業率及就業媒合數，落實在地就業");
}

#[test]
fn fifteen_programmes_and_the_total() {
    let p = seed();
    assert_eq!(p.programmes.len(), 15);
    assert_eq!(p.programmes.iter().map(|x| x.number).collect::<Vec<_>>(), (1..=15).collect::<Vec<_>>());
    assert_eq!(p.total(), k(507_013));
    let names: Vec<&str> = p.programmes.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "協處勞資爭議調解案件計畫",
            "補助工會團體辦理勞工教育及育樂活動計畫",
            "勞工學苑計畫",
            "勞工教育大樓",
            "落實改善勞動條件計畫",
            "職業訓練計畫",
            "就業服務",
            "職業重建個案管理服務計畫",
            "身心障礙者職業訓練計畫",
            "加強查察違法外籍移工業務實施計畫",
            "外籍移工諮詢服務中心業務實施計畫",
            "移工服務中心",
            "職業安全衛生宣導、檢查與輔導計畫",
            "推動職業災害個案管理服務",
            "南區培力中心",
        ]
    );
    let largest = p.ranking()[0];
    assert_eq!((largest.name.as_str(), largest.budget), ("就業服務", k(258_536)));
}

#[test]
fn items_joined_across_line_and_page_breaks() {
    let p = seed();
    let jobs = p.programme(7).unwrap();
    assert_eq!(jobs.items.len(), 3);
    assert_eq!(jobs.items[0].text, "於本市設置2處委辦就業中心(桃園、中壢)以及12處就業服務臺，提供就業諮詢、就業媒合、廠商求才等各式就業服務。");
    assert_eq!(jobs.items[1].text, "提供勞雇雙方媒合平台，辦理多元化徵才活動，協助求職民眾就業及企業用人需求。");
    assert_eq!(jobs.items[2].text, "辦理就業促進講座、就業促進宣導等活動。");
    let foreign = p.programme(11).unwrap();
    assert_eq!(foreign.items.iter().map(|i| i.number).collect::<Vec<_>>(), [Some(1), Some(2), Some(3), Some(4)]);
    assert_eq!(foreign.items[2].text, "進行聘僱外籍移工雇主訪視，加強入廠輔導及法令宣導。");
    let academy = p.programme(3).unwrap();
    assert_eq!(academy.items.len(), 1);
    assert_eq!(academy.items[0].number, None);
    assert_eq!(academy.items[0].text, "辦理在職勞工課程，強化勞工教育，提供勞工終身學習之機會，以及補助弱勢在職勞工進修學分費，加值勞工職場競爭力。");
    let counts: Vec<usize> = p.programmes.iter().map(|x| x.items.len()).collect();
    assert_eq!(counts, [3, 2, 1, 1, 1, 3, 3, 2, 2, 1, 4, 1, 1, 1, 2]);
}

#[test]
fn funding_notes_and_breakdown() {
    let p = seed();
    let rehab = p.programme(8).unwrap();
    let notes: Vec<(&str, Money)> = rehab.funding.iter().map(|n| (n.source.as_str(), n.amount)).collect();
    assert_eq!(notes, [("身心障礙者就業基金", k(6_770)), ("中央補助款", k(5_795))]);
    let south = p.programme(15).unwrap();
    assert_eq!(south.funding[0].source, "勞工權益基金");
    assert_eq!(south.funding[0].written_as.as_deref(), Some("權益基金"));
    assert!(p.programme(2).unwrap().funding.is_empty());
    assert_eq!(p.programmes.iter().map(|x| x.funding.len()).collect::<Vec<_>>(), [1, 0, 1, 0, 1, 1, 1, 2, 2, 1, 1, 1, 2, 2, 1]);

    let lines = plan_breakdown(&p);
    let get = |name: &str| lines.iter().find(|l| l.source.name == name).map(|l| l.amount);
    assert_eq!(get("中央補助款"), Some(k(352_190)));
    assert_eq!(get("勞工權益基金"), Some(k(15_787)));
    assert_eq!(get("身心障礙者就業基金"), Some(k(15_130)));
    assert_eq!(get("就安基金"), Some(k(3_542)));
    assert_eq!(get("市總預算"), Some(k(120_364)));
    assert_eq!(lines.iter().map(|l| l.amount).sum::<Money>(), p.total());
    let notes_for_rights_fund = p.programmes.iter().flat_map(|x| &x.funding).filter(|n| n.source == "勞工權益基金").count();
    assert_eq!(notes_for_rights_fund, 5);
    let kinds = by_kind(&lines);
    assert_eq!(kinds, vec![(FundingKind::CentralSubsidy, k(352_190)), (FundingKind::SpecialFund, k(34_459)), (FundingKind::CityGeneral, k(120_364))]);
}

#[test]
fn spans_point_at_the_source_lines() {
    let p = seed();
    let first = p.programme(1).unwrap();
    assert_eq!(first.span.start, 96);
    assert_eq!(first.budget_span.start, 112);
    assert_eq!(first.funding[0].span.start, 112);
    assert_eq!(first.funding[0].span.end, 114);
    let line_112 = SEED_PLAN_TEXT.lines().nth(111).unwrap();
    assert!(line_112.starts_with("5,310"));
    let jobs = p.programme(7).unwrap();
    assert_eq!(jobs.span.end, 214);
}

#[test]
fn canonical_json_round_trips() {
    let p = seed();
    let json = p.to_json();
    assert!(json.contains("\"schema_version\": 1"));
    assert!(json.contains("\"budget\": \"258536\""));
    let back = plan_core::Plan::from_json(&json).unwrap();
    assert_eq!(back, p);
}

#[test]
fn inferred_links_match_the_obvious_pairs() {
    let p = seed();
    let links = plan_core::links::infer(&p);
    let show: Vec<String> =
        links.iter().map(|l| format!("{} {} → {} {} {:?}", l.programme, p.programme(l.programme).unwrap().name, l.strategy, l.score, l.evidence)).collect();
    eprintln!("{}", show.join("\n"));
    let of = |n: u32| links.iter().find(|l| l.programme == n).map(|l| l.strategy.to_string());
    assert_eq!(of(1).as_deref(), Some("1.1"), "協處勞資爭議調解案件計畫 ↔ 協處勞資爭議調解案件");
    assert_eq!(of(3).as_deref(), Some("1.4"), "勞工學苑計畫 ↔ 辦理勞工學苑");
    assert_eq!(of(6).as_deref(), Some("3.1"));
    assert_eq!(of(8).as_deref(), Some("4.1"));
    assert_eq!(of(9).as_deref(), Some("4.2"));
    assert_eq!(of(14).as_deref(), Some("6.3"));
    let first = links.iter().find(|l| l.programme == 1).unwrap();
    assert!(first.evidence.contains(&"調解".to_string()));
    let gm = plan_core::links::goal_missions(&p);
    eprintln!("{gm:?}");
    assert_eq!(gm, (1..=6).map(|n| (n, n)).collect::<Vec<_>>());
}

#[test]
fn a_stated_total_that_does_not_add_up_is_a_warning_on_its_line() {
    for written in ["合計 507,013", "合 計 507,013 千元", "總計：５０７，０１３千元"] {
        let good = format!("{SEED_PLAN_TEXT}\n{written}\n");
        assert!(parse(&good).diagnostics.iter().all(|d| d.severity < Severity::Warning), "{written}");
    }
    let bad = format!("{SEED_PLAN_TEXT}\n合計 507,014\n");
    let parsed = parse(&bad);
    let line = bad.lines().count() as u32;
    let d = parsed.diagnostics.iter().find(|d| d.code() == "total-mismatch").expect("a total-mismatch diagnostic");
    // The site shows the sum: every figure it is made of is the document's own.
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(line)));
    assert_eq!(d.finding, plan_core::diagnostic::Finding::TotalMismatch { stated: k(507_014), sum: k(507_013) });
    assert_eq!(parsed.plan.total(), k(507_013));
}

#[test]
fn every_source_of_the_seed_is_recognised() {
    let parsed = parse(SEED_PLAN_TEXT);
    let unknown: Vec<_> = parsed.diagnostics.iter().filter(|d| d.code() == "unrecognised-source").collect();
    assert!(unknown.is_empty(), "{unknown:#?}");
}

#[test]
fn big5_bytes_are_decoded_and_the_encoding_reported() {
    // 勞動局 111年度施政計畫 in Big5.
    let mut bytes = vec![0xB3, 0xD2, 0xB0, 0xCA, 0xA7, 0xBD, b' ', b'1', b'1', b'1'];
    bytes.extend_from_slice(&[0xA6, 0x7E, 0xAB, 0xD7, 0xAC, 0x49, 0xAC, 0x46, 0xAD, 0x70, 0xB5, 0x65, b'\n']);
    let parsed = plan_core::parser::read_any(&bytes);
    assert_eq!((parsed.plan.agency.as_str(), parsed.plan.year), ("勞動局", 111), "{:#?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!((d.severity, &d.finding), (Severity::Info, &plan_core::diagnostic::Finding::Decoded { encoding: "Big5".into() }));
    // The whole seed in UTF-16 reads as it does in UTF-8.
    let utf16 = plan_core::decode::encode_utf16(SEED_PLAN_TEXT, plan_core::decode::Encoding::Utf16Le, true);
    let parsed = plan_core::parser::read_any(&utf16);
    assert_eq!(parsed.plan, parse(SEED_PLAN_TEXT).plan);
    // Bytes that fit no encoding still name the place.
    let bad = plan_core::parser::read_any(b"ok\n\x80\xff");
    assert_eq!((bad.diagnostics[0].code(), bad.diagnostics[0].line), ("not-utf8", Some(2)));
}

#[test]
fn implausibly_large_budgets_are_errors_and_never_overflow_the_arithmetic() {
    let big = "999999999999999999999999999";
    let text = SEED_PLAN_TEXT.replace("5,310 勞工權益基金", &format!("{big} 勞工權益基金")).replace("23,220  ", &format!("{big}  "));
    let parsed = parse(&text);
    let d: Vec<_> = parsed.diagnostics.iter().filter(|d| d.code() == "amount-too-large").collect();
    assert_eq!(d.iter().map(|d| d.line).collect::<Vec<_>>(), [Some(112), Some(130)]);
    // What the parser returns is safe to compute on.
    let s = plan_core::summary::summarise(&parsed.plan, None);
    assert_eq!(s.total, Money::thousands(507_013 - 5_310 - 23_220));
}
