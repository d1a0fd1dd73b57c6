//! The `plan` binary as a user runs it.

use std::process::Command;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/plans/taoyuan-labor-111-plan.txt");

fn plan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plan")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn parse_prints_canonical_json() {
    let (code, out, err) = plan(&["parse", SEED]);
    assert_eq!(code, 0, "{err}");
    let p = plan_core::Plan::from_json(&out).unwrap();
    assert_eq!(p.programmes.len(), 15);
}

#[test]
fn summary_shows_totals_shares_and_funding() {
    let (code, out, _) = plan(&["summary", SEED]);
    assert_eq!(code, 0);
    assert!(out.contains("Total: 507,013 千元 (5.07 億元; NT$507.0 million)"), "{out}");
    assert!(out.contains("258,536   50.99%  #1   就業服務"), "{out}");
    assert!(out.contains("120,364   23.74%  市總預算"), "{out}");
}

#[test]
fn validate_fails_with_line_numbers_on_broken_input() {
    let dir = std::env::temp_dir().join(format!("plan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.txt");
    let text = std::fs::read_to_string(SEED).unwrap().replace("41,950 中央補助款", "4I,950 中央補助款");
    std::fs::write(&broken, text).unwrap();
    let (code, _, err) = plan(&["validate", broken.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("error: line 169: the budget of programme 5 is not a number: `4I,950`"), "{err}");
}

#[test]
fn export_writes_csv_and_fdp() {
    let dir = std::env::temp_dir().join(format!("plan-export-{}", std::process::id()));
    let (code, _, err) = plan(&["export", "--format", "fdp", SEED, "-o", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(dir.join("datapackage.json").exists());
    let (code, _, _) = plan(&["export", "--format", "csv", SEED, "-o", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    let csv = std::fs::read_to_string(dir.join("勞動局-111-programmes.csv")).unwrap();
    assert_eq!(csv.lines().count(), 16);
    let (code, _, err) = plan(&["export", "--format", "xml", SEED, "-o", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown --format `xml`"));
}

const BOOKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/books/");

#[test]
fn budget_books_read_with_a_guessed_mapping_and_a_unit_override() {
    let big5 = format!("{BOOKS}city-yuan-big5.csv");
    let (code, out, err) = plan(&["parse", &big5]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("[decoded]") && err.contains("[unit-assumed]"), "{err}");
    let p = plan_core::Plan::from_json(&out).unwrap();
    assert_eq!((p.programmes.len(), p.total()), (8, plan_core::Money::thousands(12_345_678)));
    let (_, out, _) = plan(&["parse", &big5, "--unit", "thousand"]);
    assert_eq!(plan_core::Plan::from_json(&out).unwrap().total(), plan_core::Money::thousands(12_345_678_000));
    let (code, _, err) = plan(&["parse", SEED, "--unit", "yuan"]);
    assert_eq!(code, 2, "{err}");
    // A spreadsheet: read with the feature, a clear refusal without it.
    let xlsx = format!("{BOOKS}city-two-sheets.xlsx");
    let (code, _, err) = plan(&["validate", &xlsx, "--sheet", "歲出"]);
    if cfg!(feature = "spreadsheet") {
        assert!(code == 0 && err.contains("12,345,678 千元"), "{err}");
    } else {
        assert!(code == 2 && err.contains("--features spreadsheet"), "{err}");
    }
}

#[test]
fn levels_can_be_named_on_the_command_line() {
    let csv = format!("{BOOKS}city-yuan.csv");
    let (code, out, err) = plan(&["parse", &csv, "--levels", "款,項,目"]);
    assert_eq!(code, 0, "{err}");
    let p = plan_core::Plan::from_json(&out).unwrap();
    assert_eq!(p.programmes.len(), 8);
    assert_eq!(p.programmes[0].classification, ["1", "1", "1"]);
    let (code, _, err) = plan(&["parse", &csv, "--levels", "款,科目"]);
    assert_eq!(code, 2);
    assert!(err.contains("no column `科目`"), "{err}");
}

const LAYOUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/books/layouts/");

#[test]
fn a_budget_books_summary_has_its_years_levels_and_top_level() {
    let book = format!("{LAYOUTS}central-flat-999.csv");
    let (code, out, err) = plan(&["summary", &book]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("amounts are read in 千元: the explanation on line 5") && err.contains("[unit-assumed]"), "the unit and why: {err}");
    for line in [
        "This year: 1,250,000 千元",
        "Last year: 1,210,000 千元",
        "Actual (前年度決算): 1,155,000 千元",
        "per level: 主管機關 2, 單位預算機關 2, 政事別 3, 業務計畫 4",
    ] {
        assert!(out.contains(line), "{line} in {out}");
    }
    assert!(out.contains("1,000,000          950,000     +50,000 (+5.26%)  0005000000 示範部主管"), "{out}");
    let dir = std::env::temp_dir().join(format!("plan-cli-lines-{}", std::process::id()));
    let (code, _, err) = plan(&["export", "--format", "csv", &book, "-o", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let lines = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.to_string_lossy().ends_with("-lines.csv")).expect("a lines file");
    assert_eq!(std::fs::read_to_string(lines).unwrap().lines().count(), 1 + 11);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn what_changed_at_a_level_the_reader_picks() {
    let book = format!("{LAYOUTS}central-flat-999.csv");
    let (code, out, err) = plan(&["changes", &book, "--level", "2", "--top", "2"]);
    assert_eq!(code, 0, "{err}");
    for line in [
        "2 lines at level 2",
        "This year 1,250,000 千元, last year 1,210,000 千元: +40,000 千元 (+3.31%)",
        "+50,000    +5.26%  示範部",
        "\u{2212}10,000    \u{2212}3.85%  示範委員會",
        "Flags: 0 lines",
    ] {
        assert!(out.contains(line), "{line} in {out}");
    }
    let (code, _, err) = plan(&["changes", &book, "--level", "two"]);
    assert_eq!(code, 2, "a bad level is a usage error: {err}");
    assert!(err.contains("--level needs a whole number"), "{err}");
}

#[test]
fn an_unclear_unit_fails_until_it_is_given() {
    let book = format!("{LAYOUTS}round-millions-no-unit.csv");
    let (code, _, err) = plan(&["validate", &book]);
    assert_eq!(code, 1);
    assert!(err.contains("read in 千元 the total is 43,000,000 千元, read in 元 it is 43,000 千元") && err.contains("[unit-ambiguous]"), "{err}");
    let (code, _, err) = plan(&["validate", &book, "--unit", "yuan"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("total 43,000 千元") && !err.contains("unit-"), "{err}");
}
