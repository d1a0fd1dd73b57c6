//! Other agencies' plans in the same layout (written for these tests, each with its own
//! quirks, see fixtures/README.md) parse to the facts in their `.expected.json`; broken
//! ones give an error on the line their `.why.txt` names.

mod common;

use plan_core::funding::plan_breakdown;
use plan_core::parser::{parse, read_any};
use plan_core::{Money, Severity};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().ends_with(suffix)).collect();
    v.sort();
    v
}

fn money(v: &Value) -> Money {
    Money::parse(v.as_str().unwrap()).unwrap()
}

#[test]
fn good_fixtures_parse_to_their_expected_facts() {
    let fixtures = files(&dir(), ".expected.json");
    assert!(fixtures.len() >= 5);
    for exp_path in fixtures {
        let name = exp_path.file_name().unwrap().to_string_lossy().replace(".expected.json", "");
        let text = std::fs::read_to_string(dir().join(format!("{name}.txt"))).unwrap();
        let exp: Value = serde_json::from_str(&std::fs::read_to_string(&exp_path).unwrap()).unwrap();
        let parsed = parse(&text);
        // A partial plan (goals, no table) names the warning it expects; every other fixture expects none.
        let codes = |key: &str| exp[key].as_array().map(|v| v.iter().map(|c| c.as_str().unwrap().to_string()).collect::<Vec<_>>()).unwrap_or_default();
        let bad: Vec<String> = parsed.diagnostics.iter().filter(|d| d.severity >= Severity::Warning).map(|d| d.code().to_string()).collect();
        assert_eq!(bad, codes("warnings"), "{name}: {:#?}", parsed.diagnostics);
        if exp.get("unrecognised").is_some() {
            let named = common::unrecognised_sources(&parsed.diagnostics);
            assert_eq!(named, codes("unrecognised"), "{name}");
        }
        let p = &parsed.plan;
        assert_eq!(p.agency, exp["agency"], "{name}");
        assert_eq!(p.year as u64, exp["year"].as_u64().unwrap(), "{name}");
        assert_eq!(p.title, exp["title"], "{name}");
        assert_eq!(p.vision.as_ref().map(|v| v.title.as_str()), exp["vision_title"].as_str(), "{name}");
        assert_eq!(p.missions.len() as u64, exp["missions"].as_u64().unwrap(), "{name}");
        assert_eq!(p.goals.len() as u64, exp["goals"].as_u64().unwrap(), "{name}");
        let spg: Vec<u64> = p.goals.iter().map(|g| g.strategies.len() as u64).collect();
        let exp_spg: Vec<u64> = exp["strategies_per_goal"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
        assert_eq!(spg, exp_spg, "{name}");
        if let Some(names) = exp["goal_names"].as_array() {
            assert_eq!(p.goals.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), names.iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>(), "{name}");
        }
        if let Some(per_goal) = exp["strategy_names"].as_array() {
            for (g, want) in p.goals.iter().zip(per_goal) {
                let want: Vec<&str> = want.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                assert_eq!(g.strategies.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), want, "{name} goal {}", g.number);
            }
        }
        let progs = exp["programmes"].as_array().unwrap();
        assert_eq!(p.programmes.len(), progs.len(), "{name}");
        for (got, want) in p.programmes.iter().zip(progs) {
            let ctx = format!("{name} programme {}", got.number);
            assert_eq!(got.number as u64, want["number"].as_u64().unwrap(), "{ctx}");
            assert_eq!(got.name, want["name"], "{ctx}");
            let items: Vec<&str> = want["items"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            assert_eq!(got.items.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), items, "{ctx}");
            assert_eq!(got.budget, money(&want["budget"]), "{ctx}");
            let notes: Vec<(String, Money)> =
                want["funding"].as_array().unwrap().iter().map(|f| (f["source"].as_str().unwrap().to_string(), money(&f["amount"]))).collect();
            assert_eq!(got.funding.iter().map(|f| (f.source.clone(), f.amount)).collect::<Vec<_>>(), notes, "{ctx}");
        }
        assert_eq!(p.total(), money(&exp["total"]), "{name}");
        let lines = plan_breakdown(p);
        let totals = exp["funding_totals"].as_object().unwrap();
        assert_eq!(lines.len(), totals.len(), "{name}: {lines:?}");
        for (source, amount) in totals {
            let got = lines.iter().find(|l| &l.source.name == source).map(|l| l.amount);
            assert_eq!(got, Some(money(amount)), "{name}: {source}");
        }
    }
}

#[test]
fn broken_fixtures_report_errors_on_the_right_line() {
    let broken = dir().join("broken");
    let cases = files(&broken, ".why.txt");
    assert!(cases.len() >= 8);
    for why_path in cases {
        let name = why_path.file_name().unwrap().to_string_lossy().replace(".why.txt", "");
        let why = std::fs::read_to_string(&why_path).unwrap();
        let line: u32 = why.trim_start_matches("line ").split(':').next().unwrap().trim().parse().unwrap();
        let bytes = std::fs::read(broken.join(format!("{name}.txt"))).unwrap();
        let parsed = read_any(&bytes);
        // A missing goals section leaves the budget trustworthy, goals without a table are a
        // partial plan, and a stated total that disagrees leaves the sum shown, so those are warnings; every other defect makes the figures
        // untrustworthy and is an error.
        let want = if matches!(name.as_str(), "missing-section-2" | "missing-section-3" | "total-mismatch") { Severity::Warning } else { Severity::Error };
        let found: Vec<_> = parsed.diagnostics.iter().filter(|d| d.severity >= want).collect();
        assert!(found.iter().any(|d| d.line == Some(line)), "{name}: expected a {want:?} on line {line} ({why}); got {:#?}", parsed.diagnostics);
    }
}
