//! Budget books as agencies publish them (fixtures in `fixtures/books/`, written by its
//! `make.py`; figures worked out in its README): read with no manual mapping, in any of
//! the encodings they come in, to the totals computed by hand.

use plan_core::budget_csv::{guess_mapping, read_table, read_table_bytes, to_plan, Table, Unit};
use plan_core::decode::{encode_utf16, Encoding};
use plan_core::diagnostic::{Finding, UnitEvidence, UnitName};
use plan_core::parser::Parsed;
use plan_core::{Money, Severity};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/books/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn read(name: &str) -> (Table, Vec<plan_core::Diagnostic>, Parsed) {
    let (t, decoded) = read_table_bytes(&fixture(name)).unwrap_or_else(|d| panic!("{name}: {d}"));
    let parsed = to_plan(&t, &guess_mapping(&t), "");
    (t, decoded, parsed)
}

fn findings(p: &Parsed) -> Vec<(Option<u32>, Severity, &Finding)> {
    p.diagnostics.iter().map(|d| (d.line, d.severity, &d.finding)).collect()
}

/// 款,項,目,名,總額 in 元 without a word about the unit: 8 leaf lines, 12,345,678 千元.
fn assert_city_book(p: &Parsed) {
    let plan = &p.plan;
    assert_eq!(plan.programmes.len(), 8);
    assert_eq!(plan.total(), Money::thousands(12_345_678));
    assert_eq!(plan.classification_levels, ["款", "項", "目"]);
    let edu = plan.programmes.iter().find(|x| x.name == "國民教育").unwrap();
    assert_eq!((edu.classification.join("/"), edu.budget), ("2/1/1".to_string(), Money::thousands(5_500_000)));
    let fin = plan.programmes.iter().find(|x| x.classification == ["1", "2", "1"]).unwrap();
    assert_eq!((fin.name.as_str(), fin.budget), ("人事費", Money::thousands(645_678)));
    // The 合計 row agrees with the leaves, so the only word is the unit assumed, from the
    // median leaf (800,000,000, written in 元).
    let median = Money::new(Decimal::from(800_000_000));
    assert_eq!(findings(p), [(Some(1), Severity::Warning, &Finding::UnitAssumed { unit: UnitName::Yuan, evidence: UnitEvidence::Magnitude { median } })]);
}

#[test]
fn a_city_book_in_yuan_reads_without_a_mapping() {
    let (t, decoded, p) = read("city-yuan.csv");
    assert!(decoded.is_empty());
    let m = guess_mapping(&t);
    assert_eq!((m.levels.clone(), m.name, m.amount, m.unit), (vec![0, 1, 2], Some(3), Some(4), Unit::Yuan));
    assert_city_book(&p);
    // Switched to 千元 by the reader: a thousand times more, and no word about the unit.
    let thousand = to_plan(&t, &plan_core::budget_csv::Mapping { unit: m.unit.other(), ..m }, "");
    assert_eq!(thousand.plan.total(), Money::thousands(12_345_678_000));
    assert!(thousand.diagnostics.iter().all(|d| !matches!(d.finding, Finding::UnitAssumed { .. })));
}

#[test]
fn the_same_book_in_big5_and_utf16_reads_the_same() {
    let utf8 = read("city-yuan.csv").2;
    for (name, encoding) in [("city-yuan-big5.csv", "Big5"), ("city-yuan-utf16.tsv", "UTF-16LE")] {
        let (_, decoded, p) = read(name);
        assert_eq!(
            decoded.iter().map(|d| (d.severity, &d.finding)).collect::<Vec<_>>(),
            [(Severity::Info, &Finding::Decoded { encoding: encoding.into() })],
            "{name}"
        );
        assert_city_book(&p);
        let names = |p: &Parsed| p.plan.programmes.iter().map(|x| (x.name.clone(), x.budget, x.classification.clone(), x.span.start)).collect::<Vec<_>>();
        assert_eq!(names(&p), names(&utf8), "{name}");
    }
}

#[test]
fn a_title_block_gives_the_title_and_the_unit() {
    let (t, _, p) = read("titled-thousand.csv");
    assert_eq!(t.header_line, 4);
    let m = guess_mapping(&t);
    assert_eq!((m.name, m.amount, m.unit), (Some(4), Some(5), Unit::Thousand), "本年度預算數, not 上年度預算數");
    let plan = &p.plan;
    assert_eq!((plan.title.as_str(), plan.year), ("桃園市政府 112年度總預算 歲出機關別預算表", 112));
    assert_eq!(plan.classification_levels, ["款", "項", "目", "節"]);
    let got: Vec<_> = plan.programmes.iter().map(|x| (x.name.as_str(), x.budget, x.classification.join("/"))).collect();
    assert_eq!(
        got,
        [
            ("一般行政", Money::thousands(120_364), "12/1/1".to_string()),
            ("就業服務", Money::thousands(258_536), "12/1/2/1".to_string()),
            ("勞資關係", Money::thousands(128_113), "12/1/2/2".to_string()),
        ]
    );
    assert_eq!(plan.total(), Money::thousands(507_013));
    let title = |line, s: &str| (Some(line), Severity::Info, Finding::TitleSkipped { title: s.into() });
    let expected = [
        title(1, "桃園市政府 112年度總預算"),
        title(2, "歲出機關別預算表"),
        title(3, "單位：新臺幣千元"),
        (Some(4), Severity::Info, Finding::UnitAssumed { unit: UnitName::Thousand, evidence: UnitEvidence::Stated }),
    ];
    assert_eq!(findings(&p), expected.iter().map(|(l, s, f)| (*l, *s, f)).collect::<Vec<_>>());
}

#[test]
fn a_ten_digit_code_gives_the_hierarchy() {
    let (t, _, p) = read("coded-10-digit.csv");
    let m = guess_mapping(&t);
    assert_eq!((m.levels.len(), m.code, m.name, m.amount, m.unit), (0, Some(0), Some(1), Some(2), Unit::Thousand));
    let plan = &p.plan;
    assert_eq!(plan.classification_levels, ["主管機關", "單位預算機關", "政事別", "業務計畫"]);
    let got: Vec<_> = plan.programmes.iter().map(|x| (x.name.as_str(), x.budget, x.classification.join("/"))).collect();
    assert_eq!(
        got,
        [
            ("一般行政", Money::thousands(919_705), "02/01/32/01".to_string()),
            ("國務業務", Money::thousands(493_551), "02/01/32/02".to_string()),
            ("一般行政", Money::thousands(140_787), "02/02/32/01".to_string()),
            ("國家安全業務", Money::thousands(7_500_000), "02/02/32/02".to_string()),
        ]
    );
    assert_eq!(plan.total(), Money::thousands(9_054_043));
    // Figures that are not whole thousands do not tell the unit: 千元 by default, said so.
    assert_eq!(findings(&p), [(Some(1), Severity::Warning, &Finding::UnitAssumed { unit: UnitName::Thousand, evidence: UnitEvidence::Default })]);
}

#[test]
fn dotted_codes_give_the_hierarchy_and_subtotals_are_checked() {
    let text = "科目代碼,名稱,金額(千元)\n2,教育,300\n2.1,國小,200\n2.1.1-120101,教師,150\n2.1.1-120102,設備,50\n2.2,國中,90\n";
    let t = read_table(text).unwrap();
    let p = to_plan(&t, &guess_mapping(&t), "x");
    let got: Vec<_> = p.plan.programmes.iter().map(|x| (x.name.as_str(), x.classification.join("/"))).collect();
    assert_eq!(got, [("教師", "2/1/1/120101".to_string()), ("設備", "2/1/1/120102".to_string()), ("國中", "2/2".to_string())]);
    assert_eq!(p.plan.total(), Money::thousands(290));
    let mismatch: Vec<_> = p.diagnostics.iter().filter(|d| matches!(d.finding, Finding::ParentSumMismatch { .. })).map(|d| d.line).collect();
    assert_eq!(mismatch, [Some(2)], "教育 states 300 but its lines add up to 290");
}

/// A random book: (款 name, [leaf amounts in 元, whole thousands]).
fn book(tree: &[Vec<u32>]) -> String {
    let mut out = String::from("款,項,名稱,預算數\n");
    for (i, leaves) in tree.iter().enumerate() {
        let sum: u64 = leaves.iter().map(|a| *a as u64 * 1000).sum();
        out.push_str(&format!("{i},,款{i},\"{sum}\"\n"));
        for (j, a) in leaves.iter().enumerate() {
            out.push_str(&format!(",{j},項{i}之{j},{}\n", *a as u64 * 1000));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn utf16_and_big5_bytes_read_as_the_same_table(tree in prop::collection::vec(prop::collection::vec(1u32..5_000_000, 1..5), 1..6), be in any::<bool>(), bom in any::<bool>()) {
        let text = book(&tree);
        let (utf8, _) = read_table_bytes(text.as_bytes()).unwrap();
        let (utf16, _) = read_table_bytes(&encode_utf16(&text, if be { Encoding::Utf16Be } else { Encoding::Utf16Le }, bom)).unwrap();
        prop_assert_eq!(&utf16, &utf8);
        let (big5, _) = read_table_bytes(&encoding_big5(&text)).unwrap();
        prop_assert_eq!(&big5, &utf8);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), nul_every in 0usize..4) {
        // Sprinkled NULs send some inputs down the UTF-16 path.
        let bytes: Vec<u8> = bytes.iter().enumerate().map(|(i, b)| if nul_every > 0 && i % (nul_every + 1) == 1 { 0 } else { *b }).collect();
        if let Ok((t, _)) = read_table_bytes(&bytes) {
            let _ = plan_core::summary::summarise(&to_plan(&t, &guess_mapping(&t), "").plan, None);
        }
    }

    #[test]
    fn the_unit_guess_changes_the_sum_by_exactly_a_thousand_or_not_at_all(tree in prop::collection::vec(prop::collection::vec(1u32..5_000_000, 1..5), 1..6)) {
        let t = read_table(&book(&tree)).unwrap();
        let m = guess_mapping(&t);
        let as_thousand = to_plan(&t, &plan_core::budget_csv::Mapping { unit: Unit::Thousand, ..m.clone() }, "").plan.total();
        let guessed = to_plan(&t, &m, "").plan.total();
        match m.unit {
            Unit::Thousand => prop_assert_eq!(guessed, as_thousand),
            Unit::Yuan => prop_assert_eq!(Money::new(guessed.decimal() * Decimal::from(1000)), as_thousand),
        }
        let yuan: u64 = tree.iter().flatten().map(|a| *a as u64 * 1000).sum();
        prop_assert_eq!(as_thousand, Money::new(Decimal::from(yuan)));
    }
}

/// Big5 bytes of text made of the characters [`book`] uses (the test has no encoder, and
/// the library needs none: agencies write Big5, this program only reads it).
fn encoding_big5(text: &str) -> Vec<u8> {
    let table: &[(char, [u8; 2])] = &[
        ('款', [0xB4, 0xDA]),
        ('項', [0xB6, 0xB5]),
        ('名', [0xA6, 0x57]),
        ('稱', [0xBA, 0xD9]),
        ('預', [0xB9, 0x77]),
        ('算', [0xBA, 0xE2]),
        ('數', [0xBC, 0xC6]),
        ('之', [0xA4, 0xA7]),
    ];
    let mut out = Vec::new();
    for c in text.chars() {
        match table.iter().find(|(k, _)| *k == c) {
            Some((_, b)) => out.extend_from_slice(b),
            None => out.push(c as u8),
        }
    }
    out
}
