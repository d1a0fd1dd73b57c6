//! Budget books as spreadsheets (needs `--features spreadsheet`): the city book of
//! `fixtures/books/` as .xlsx, .ods and .xls reads to the CSV's figures; broken and
//! hostile files are refused with a finding, never a panic.

use plan_core::budget_csv::{guess_mapping, to_plan};
use plan_core::diagnostic::Finding;
use plan_core::spreadsheet::{first_with_rows, read_workbook, Sheet};
use plan_core::Money;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/books/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn sheets(name: &str) -> Vec<Sheet> {
    read_workbook(&fixture(name), name).unwrap_or_else(|d| panic!("{name}: {d}"))
}

fn bad_detail(result: Result<Vec<Sheet>, plan_core::Diagnostic>) -> String {
    match result.map_err(|d| d.finding) {
        Err(Finding::BadSpreadsheet { detail }) => detail,
        other => panic!("expected BadSpreadsheet, got {other:?}"),
    }
}

#[test]
fn every_format_reads_to_the_books_figures() {
    let csv = {
        let (t, _) = plan_core::budget_csv::read_table_bytes(&fixture("city-yuan.csv")).unwrap();
        to_plan(&t, &guess_mapping(&t), "").plan
    };
    for name in ["city-two-sheets.xlsx", "city.ods", "city.xls"] {
        let sheets = sheets(name);
        let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
        let expected: &[&str] = if name.ends_with("xlsx") { &["封面", "歲出", "空白"] } else { &["封面", "歲出"] };
        assert_eq!(names, expected, "{name}");
        assert!(!sheets[0].has_rows(), "the cover is a title, no table");
        if let Some(empty) = sheets.get(2) {
            assert_eq!(empty.table, None, "a sheet without cells");
        }
        let sheet = first_with_rows(&sheets).unwrap();
        assert_eq!(sheet.name, "歲出");
        let t = sheet.table.as_ref().unwrap();
        assert_eq!((t.header_line, t.headers.as_slice()), (2, ["款", "項", "目", "名", "總額"].map(String::from).as_slice()), "{name}");
        // Numbers as written, not as floats: 2345678000, not 2345678000.0.
        assert_eq!(t.rows[0].cells, ["1", "", "", "一般政務支出", "2345678000"], "{name}");
        let parsed = to_plan(t, &guess_mapping(t), "");
        let plan = &parsed.plan;
        assert_eq!((plan.title.as_str(), plan.year), ("某市 113年度總預算 歲出", 113), "{name}");
        assert_eq!(plan.total(), Money::thousands(12_345_678), "{name}");
        let lines = |p: &plan_core::Plan| p.programmes.iter().map(|x| (x.name.clone(), x.budget, x.classification.clone())).collect::<Vec<_>>();
        assert_eq!(lines(plan), lines(&csv), "{name}");
        assert_eq!(plan.programmes[0].span.start, 5, "{name}: lines are sheet rows (人事費 is row 5)");
        assert!(parsed.diagnostics.iter().any(|d| matches!(d.finding, Finding::TitleSkipped { .. })));
        assert!(parsed.diagnostics.iter().any(|d| matches!(d.finding, Finding::UnitAssumed { .. })));
    }
}

#[test]
fn a_workbook_without_a_table_is_no_sheet() {
    let sheets = sheets("city-two-sheets.xlsx");
    let covers: Vec<Sheet> = sheets.into_iter().filter(|s| !s.has_rows()).collect();
    assert_eq!(first_with_rows(&covers).unwrap_err().finding, Finding::NoSheet);
}

#[test]
fn broken_and_hostile_files_are_refused_by_name() {
    let xlsx = fixture("city-two-sheets.xlsx");
    // Text with a spreadsheet's name.
    let detail = bad_detail(read_workbook("款,項\n1,2\n".as_bytes(), "book.xlsx"));
    assert!(detail.contains("not a spreadsheet") && detail.contains(".xlsx"), "{detail}");
    // A zip cut short (the central directory is at the end).
    for cut in [10, xlsx.len() / 2, xlsx.len() - 30] {
        let detail = bad_detail(read_workbook(&xlsx[..cut], "book.xlsx"));
        assert!(!detail.is_empty());
    }
    // An .xls cut short.
    let xls = fixture("city.xls");
    assert!(read_workbook(&xls[..xls.len() / 2], "book.xls").is_err());
    // A zip whose entries claim to unpack to gigabytes.
    let mut bomb = xlsx.clone();
    let mut at = 0;
    while let Some(i) = bomb[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let h = at + i;
        bomb[h + 24..h + 28].copy_from_slice(&[0xff, 0xff, 0xff, 0x7f]);
        at = h + 4;
    }
    assert!(bad_detail(read_workbook(&bomb, "bomb.xlsx")).contains("unpacks to"));
    // Too large to try.
    let huge = vec![0u8; plan_core::spreadsheet::MAX_BYTES + 1];
    assert!(bad_detail(read_workbook(&huge, "huge.xlsx")).contains("MB"));
}

#[test]
fn far_cells_cost_a_cell_each_not_a_grid() {
    match read_workbook(&fixture("far-cells.xlsx"), "far-cells.xlsx").map_err(|d| d.finding) {
        Err(Finding::TooManyColumns { count, .. }) => assert_eq!(count, 16_384),
        other => panic!("the sheet with a cell in column XFD is refused: {other:?}"),
    }
}

#[test]
fn random_bytes_never_panic() {
    let xlsx = fixture("city-two-sheets.xlsx");
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..200 {
        let mut bytes = xlsx.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed as usize) % bytes.len();
            bytes[i] = (seed >> 32) as u8;
        }
        let _ = read_workbook(&bytes, "mutated.xlsx");
    }
}

/// Files the fuzzer found (fuzz/fuzz_targets/spreadsheet.rs) that made calamine ask for
/// terabytes or index past a table. Natively a panic would be caught, so the test asks for
/// more: the compound-file check refuses them before calamine runs (in the browser a panic
/// or a failed allocation aborts the page).
#[test]
fn hostile_xls_containers_are_refused_before_calamine_reads_them() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/books/hostile");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let detail = bad_detail(read_workbook(&std::fs::read(&path).unwrap(), "hostile.xls"));
        assert!(detail.starts_with("the .xls container is damaged"), "{}: {detail}", path.display());
        seen += 1;
    }
    assert!(seen >= 1);
}
