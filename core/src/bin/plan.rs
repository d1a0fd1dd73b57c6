//! `plan` — the command line for data work on 施政計畫 files.
//!
//! plan parse FILE                      canonical JSON to stdout, diagnostics to stderr
//! plan validate FILE                   diagnostics only
//! plan summary FILE [--links F] [--population N]
//! plan export --format csv|fdp|json FILE -o DIR
//! plan synth --bytes N [--seed S]      a seeded synthetic plan of about N bytes (tests, benchmarks)
//!
//! FILE is plan text or canonical JSON; `-` reads stdin. A budget book reads too: a .csv or
//! .tsv (UTF-8, UTF-16 or Big5), or an .xlsx, .xls or .ods: its first sheet with rows, or
//! `--sheet NAME`. Its columns and unit are guessed (the unit and why are printed);
//! `--unit yuan|thousand` overrides the unit, `--levels 款,項,目` the classification
//! columns. `summary` of a book prints its three years' totals, lines per level and top
//! level. The agency's published PDF reads too: its table rebuilt from the page, findings
//! naming page and line. (Both readers are default features of plan-core.) Exit code 1
//! when the input has errors, 2 for a usage mistake.

use plan_core::budget_csv::{self, Table, Unit};
use plan_core::export::{csv, fdp, slug, ExportFile};
use plan_core::links::CuratedLinks;
use plan_core::parser::{read_any, Parsed};
use plan_core::summary::summarise;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  plan parse FILE [--sheet NAME] [--unit yuan|thousand] [--levels 款,項,目]
  plan validate FILE
  plan summary FILE [--links LINKS.csv] [--population N]
  plan changes FILE [--level N] [--top N]
  plan export --format csv|fdp|json FILE -o DIR
  plan synth --bytes N [--seed S]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (cmd, rest) = args.split_first().ok_or("no command given")?;
    let mut opts = Options::default();
    let mut files = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--format" | "-f" => opts.format = value("--format")?,
            "-o" | "--out" => opts.out = Some(value("-o")?),
            "--links" => opts.links = Some(value("--links")?),
            "--bytes" => opts.bytes = Some(value("--bytes")?.parse().map_err(|_| "--bytes needs a whole number")?),
            "--seed" => opts.seed = value("--seed")?.parse().map_err(|_| "--seed needs a whole number")?,
            "--sheet" => opts.sheet = Some(value("--sheet")?),
            "--unit" => {
                opts.unit = Some(match value("--unit")?.as_str() {
                    "yuan" | "元" => Unit::Yuan,
                    "thousand" | "千元" => Unit::Thousand,
                    u => return Err(format!("--unit is yuan or thousand, not `{u}`")),
                })
            }
            "--levels" => opts.levels = Some(value("--levels")?.split([',', '，']).map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect()),
            "--population" => opts.population = Some(value("--population")?.parse().map_err(|_| "--population needs a whole number")?),
            "--level" => opts.level = Some(value("--level")?.parse().map_err(|_| "--level needs a whole number (1: the top)")?),
            "--top" => opts.top = Some(value("--top")?.parse().map_err(|_| "--top needs a whole number")?),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            s => files.push(s.to_string()),
        }
    }
    if cmd == "synth" {
        let bytes = opts.bytes.ok_or("synth needs --bytes N")?;
        print!("{}", plan_core::synth::text_of_size(opts.seed, bytes));
        return Ok(ExitCode::SUCCESS);
    }
    let [file] = files.as_slice() else { return Err("give exactly one FILE".into()) };
    let parsed = read_file(file, &read_input(file)?, &opts)?;
    for d in &parsed.diagnostics {
        eprintln!("{file}: {d}");
    }
    let failed = parsed.has_errors();
    match cmd.as_str() {
        "parse" => println!("{}", parsed.plan.to_json()),
        "validate" => {
            if !failed && parsed.plan.kind.is_plan() {
                eprintln!("{file}: OK — {} programmes, total {}", parsed.plan.programmes.len(), parsed.plan.total());
            } else if !failed {
                let p = &parsed.plan;
                eprintln!(
                    "{file}: OK — {} lines ({} leaves), total {} 千元",
                    p.groups.len() + p.programmes.len(),
                    p.programmes.len(),
                    p.total().fmt_thousands()
                );
            }
        }
        "summary" => summary(&parsed, &opts)?,
        "changes" => print!("{}", plan_core::changes::changes_text(&parsed.plan, opts.level.map(|l| l.saturating_sub(1)), opts.top.unwrap_or(10))),
        "export" => export(&parsed, &opts)?,
        other => return Err(format!("unknown command {other}")),
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(Default)]
struct Options {
    format: String,
    out: Option<String>,
    links: Option<String>,
    population: Option<u64>,
    /// `changes --level`: 1 for the top level; none for the leaves.
    level: Option<u32>,
    top: Option<usize>,
    bytes: Option<usize>,
    seed: u64,
    sheet: Option<String>,
    unit: Option<Unit>,
    /// Classification columns by header, outermost first (`--levels 款,項,目`).
    levels: Option<Vec<String>>,
}

/// Plan text or JSON, or a budget book (CSV/TSV by name, a spreadsheet by its bytes).
fn read_file(file: &str, bytes: &[u8], opts: &Options) -> Result<Parsed, String> {
    let lower = file.to_lowercase();
    let failed = |d| Parsed { plan: plan_core::Plan::empty(), diagnostics: vec![d] };
    if plan_core::pdf::is_pdf(bytes) {
        return pdf(file, bytes);
    }
    if plan_core::spreadsheet::kind(bytes).is_some() {
        return spreadsheet(file, bytes, opts).map(|r| r.unwrap_or_else(failed));
    }
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return Ok(match budget_csv::read_table_bytes(bytes) {
            Ok((table, decoded)) => {
                let mut parsed = book(file, &table, opts)?;
                parsed.diagnostics.splice(0..0, decoded);
                parsed
            }
            Err(d) => failed(d),
        });
    }
    if opts.sheet.is_some() || opts.unit.is_some() || opts.levels.is_some() {
        return Err("--sheet, --unit and --levels are for budget books (.csv, .tsv, .xlsx, .xls, .ods)".into());
    }
    Ok(read_any(bytes))
}

fn book(file: &str, table: &Table, opts: &Options) -> Result<Parsed, String> {
    if budget_csv::is_export_csv(table) {
        return Ok(budget_csv::from_export(table));
    }
    let mut mapping = budget_csv::guess_mapping(table);
    mapping.unit = opts.unit.unwrap_or(mapping.unit);
    mapping.unit_chosen = opts.unit.is_some();
    if let Some(levels) = &opts.levels {
        let column = |h: &String| {
            table.headers.iter().position(|x| x == h).ok_or_else(|| format!("--levels: no column `{h}` (the headers are: {})", table.headers.join(", ")))
        };
        mapping.levels = levels.iter().map(column).collect::<Result<_, _>>()?;
        mapping.code = None;
    }
    // A table with no title block is called by its file's name.
    let title = if table.title.is_empty() {
        std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
    } else {
        String::new()
    };
    Ok(budget_csv::to_plan(table, &mapping, &title))
}

#[cfg(feature = "spreadsheet")]
fn spreadsheet(file: &str, bytes: &[u8], opts: &Options) -> Result<Result<Parsed, plan_core::Diagnostic>, String> {
    use plan_core::spreadsheet::{first_with_rows, read_workbook};
    let sheets = match read_workbook(bytes, file) {
        Ok(s) => s,
        Err(d) => return Ok(Err(d)),
    };
    let sheet = match &opts.sheet {
        Some(name) => sheets
            .iter()
            .find(|s| &s.name == name)
            .ok_or_else(|| format!("{file} has no sheet `{name}` (it has: {})", sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")))?,
        None => match first_with_rows(&sheets) {
            Ok(s) => s,
            Err(d) => return Ok(Err(d)),
        },
    };
    eprintln!("{file}: sheet `{}`", sheet.name);
    Ok(Ok(match &sheet.table {
        Some(t) => book(file, t, opts)?,
        None => Parsed { plan: plan_core::Plan::empty(), diagnostics: vec![plan_core::Diagnostic::error(None, plan_core::diagnostic::Finding::NoSheet)] },
    }))
}

#[cfg(not(feature = "spreadsheet"))]
fn spreadsheet(file: &str, _: &[u8], _: &Options) -> Result<Result<Parsed, plan_core::Diagnostic>, String> {
    Err(format!("{file} is a spreadsheet; this `plan` was built without the `spreadsheet` feature (cargo build -p plan-core --features spreadsheet)"))
}

#[cfg(feature = "pdf")]
fn pdf(file: &str, bytes: &[u8]) -> Result<Parsed, String> {
    let name = std::path::Path::new(file).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(plan_core::pdf::read_pdf(bytes, &name).parsed)
}

#[cfg(not(feature = "pdf"))]
fn pdf(file: &str, _: &[u8]) -> Result<Parsed, String> {
    Err(format!("{file} is a PDF; this `plan` was built without the `pdf` feature (cargo build -p plan-core --features pdf)"))
}

fn read_input(file: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("stdin: {e}"))?;
    } else {
        bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(bytes)
}

fn summary(parsed: &Parsed, opts: &Options) -> Result<(), String> {
    let curated = match &opts.links {
        Some(f) => {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
            Some(CuratedLinks::parse(&text).map_err(|e| format!("{f}: {e}"))?)
        }
        None => None,
    };
    if !parsed.plan.kind.is_plan() {
        print!("{}", parsed.plan.book_text());
        return Ok(());
    }
    let s = summarise(&parsed.plan, curated.as_ref());
    print!("{}", s.to_text(&parsed.plan));
    if let Some(pop) = opts.population {
        if let Some(pc) = plan_core::money::per_capita(s.total, pop) {
            println!("\nPer resident (population {pop}): NT${} a year, NT${} a month, NT${} a day", pc.per_year, pc.per_month, pc.per_day);
        }
    }
    Ok(())
}

fn export(parsed: &Parsed, opts: &Options) -> Result<(), String> {
    let dir = opts.out.as_deref().ok_or("export needs -o DIR")?;
    let plan = &parsed.plan;
    let base = slug(plan);
    let files = match opts.format.as_str() {
        "csv" => {
            let s = summarise(plan, None);
            let mut files = vec![
                ExportFile { name: format!("{base}-programmes.csv"), contents: csv::programmes_csv(plan, &s) },
                ExportFile { name: format!("{base}-funding.csv"), contents: csv::funding_lines_csv(plan) },
            ];
            if !plan.kind.is_plan() {
                files.push(ExportFile { name: format!("{base}-lines.csv"), contents: csv::lines_csv(plan) });
            }
            files
        }
        "fdp" => fdp::fiscal_data_package(plan),
        "json" => vec![ExportFile { name: format!("{base}.json"), contents: plan.to_json() }],
        f => return Err(format!("unknown --format `{f}` (csv, fdp or json)")),
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for f in files {
        let path = std::path::Path::new(dir).join(&f.name);
        std::fs::write(&path, f.contents).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
