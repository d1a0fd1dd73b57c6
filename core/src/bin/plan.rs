//! `plan` — the command line for data work on 施政計畫 files.
//!
//! plan parse FILE                      canonical JSON to stdout, diagnostics to stderr
//! plan validate FILE                   diagnostics only
//! plan summary FILE [--links F] [--population N]
//! plan export --format csv|fdp|json FILE -o DIR
//! plan synth --bytes N [--seed S]      a seeded synthetic plan of about N bytes (tests, benchmarks)
//!
//! FILE is plan text or canonical JSON; `-` reads stdin. Exit code 1 when the input has
//! errors, 2 for a usage mistake.

use plan_core::export::{csv, fdp, slug, ExportFile};
use plan_core::links::CuratedLinks;
use plan_core::parser::{read_any, Parsed};
use plan_core::summary::summarise;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  plan parse FILE
  plan validate FILE
  plan summary FILE [--links LINKS.csv] [--population N]
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
            "--population" => opts.population = Some(value("--population")?.parse().map_err(|_| "--population needs a whole number")?),
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
    let parsed = read_any(&read_input(file)?);
    for d in &parsed.diagnostics {
        eprintln!("{file}: {d}");
    }
    let failed = parsed.has_errors();
    match cmd.as_str() {
        "parse" => println!("{}", parsed.plan.to_json()),
        "validate" => {
            if !failed {
                eprintln!("{file}: OK — {} programmes, total {}", parsed.plan.programmes.len(), parsed.plan.total());
            }
        }
        "summary" => summary(&parsed, &opts)?,
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
    bytes: Option<usize>,
    seed: u64,
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
            vec![
                ExportFile { name: format!("{base}-programmes.csv"), contents: csv::programmes_csv(plan, &s) },
                ExportFile { name: format!("{base}-funding.csv"), contents: csv::funding_lines_csv(plan) },
            ]
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
