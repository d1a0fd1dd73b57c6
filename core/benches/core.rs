//! `cargo bench -p plan-core` — prints figures, asserts nothing. Each figure is the median of
//! several runs. Goals (from the brief): parse 10 MB < 1 s; roll-up of 1 M lines < 1 s.

use plan_core::geometry::{treemap::squarify, Rect};
use plan_core::links::{Link, LinkKind};
use plan_core::money::Money;
use plan_core::parser::parse;
use plan_core::plan::StrategyId;
use plan_core::programme::Programme;
use plan_core::rollup::rollup;
use plan_core::shares::percentages;
use plan_core::span::Span;
use plan_core::synth::{generate, text_of_size, Rng};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; accept and ignore arguments.
    let text = text_of_size(7, 10 * 1024 * 1024);
    let mb = text.len() as f64 / (1024.0 * 1024.0);
    let t = median(5, || parse(&text));
    let programmes = parse(&text).plan.programmes.len();
    println!("parse            {mb:>6.1} MB, {programmes} programmes: {:>8.1} ms  ({:.1} MB/s)", ms(t), mb / t.as_secs_f64());

    let t = median(9, || parse(plan_core::SEED_PLAN_TEXT));
    println!("parse seed plan  {:>6.1} KB: {:>8.3} ms", plan_core::SEED_PLAN_TEXT.len() as f64 / 1024.0, ms(t));

    let n = 1_000_000;
    let mut plan = generate(1, 0, 40);
    let mut rng = Rng::new(3);
    plan.programmes = (1..=n as u32)
        .map(|i| Programme {
            number: i,
            name: String::new(),
            items: vec![],
            budget: Money::thousands(rng.below(1_000_000) as i64),
            funding: vec![],
            classification: vec![],
            book: None,
            span: Span::default(),
            budget_span: Span::default(),
        })
        .collect();
    let strategies: Vec<StrategyId> = plan.strategies().map(|(id, _, _)| id).collect();
    let links: Vec<Link> = plan
        .programmes
        .iter()
        .filter(|p| p.number % 10 != 0) // a tenth stays unlinked
        .map(|p| Link {
            programme: p.number,
            strategy: strategies[p.number as usize % strategies.len()],
            kind: LinkKind::Inferred,
            score: Decimal::ONE,
            evidence: vec![],
        })
        .collect();
    let gm: Vec<(u32, u32)> = plan.goals.iter().map(|g| (g.number, 1 + g.number % 5)).collect();
    let t = median(5, || rollup(&plan, &links, &gm));
    println!("roll-up          {n} lines: {:>8.1} ms", ms(t));
    let amounts: Vec<Decimal> = plan.programmes.iter().map(|p| p.budget.decimal()).collect();
    let t = median(5, || percentages(&amounts, 2));
    println!("shares (2 dp)    {n} lines: {:>8.1} ms", ms(t));
    let t = median(5, || plan.total());
    println!("total            {n} lines: {:>8.1} ms", ms(t));

    for n in [1_000, 10_000] {
        let plan = generate(11, n, (n / 100).max(6));
        let t = median(3, || plan_core::summary::summarise(&plan, None));
        println!("summarise        {n} programmes, {} strategies (links inferred): {:>8.1} ms", plan.strategy_count(), ms(t));
    }

    let items: Vec<Decimal> = (0..100_000).map(|_| Decimal::from(1 + rng.below(1_000_000))).collect();
    let t = median(5, || squarify(&items, Rect::new(0.0, 0.0, 1600.0, 1000.0)));
    println!("treemap layout   100000 items: {:>8.1} ms", ms(t));

    // The user's data: comparing two years, a what-if, a budget book.
    let (a, b) = (generate(21, 10_000, 100), generate(22, 10_000, 100));
    let t = median(3, || plan_core::compare::compare(&a, &b));
    println!("compare          two plans of 10000 programmes: {:>8.1} ms", ms(t));
    let mut scenario = plan_core::scenario::Scenario { keep_total: true, central_cut: Decimal::from(10), ..Default::default() };
    scenario.amounts.insert(1, a.programmes[0].budget + plan_core::Money::thousands(1_000));
    let t = median(3, || plan_core::scenario::apply(&a, &scenario));
    println!("what-if          10000 programmes, fixed total, 10% cut: {:>8.1} ms", ms(t));
    let mut csv = String::from("款,項,目,名稱,金額(元)\n");
    for i in 0..200_000u32 {
        csv.push_str(&format!("{},{},{},科目{i},{}\n", i / 1000, i / 10 % 100, i % 10, 1000 + rng.below(9_000_000)));
    }
    let t = median(3, || {
        let table = plan_core::budget_csv::read_table(&csv).expect("a table");
        plan_core::budget_csv::to_plan(&table, &plan_core::budget_csv::guess_mapping(&table), "")
    });
    println!("budget CSV       {:.1} MB, 200000 rows → plan: {:>8.1} ms", csv.len() as f64 / 1_048_576.0, ms(t));

    // The central government's agency table as its .xlsx lays it out (DGBAS 113–114): 258
    // columns, a code row above each name row, amounts as text with commas, 說明 over the
    // rows below; about 25,000 rows for 2,000+ lines.
    let table = central_book_table(25_000, 258);
    let t = median(3, || plan_core::budget_csv::to_plan(&table, &plan_core::budget_csv::guess_mapping(&table), ""));
    let p = plan_core::budget_csv::to_plan(&table, &plan_core::budget_csv::guess_mapping(&table), "");
    println!(
        "central book     {} rows × {} columns → {} lines ({} leaves), {} findings: {:>8.1} ms",
        table.rows.len(),
        table.headers.len(),
        p.plan.groups.len() + p.plan.programmes.len(),
        p.plan.programmes.len(),
        p.diagnostics.len(),
        ms(t)
    );
    println!("peak memory      {} (VmHWM of this whole benchmark process)", peak_memory());
}

/// A sheet in the 114 layout: 款/項/目/節 (A–D), 名稱及編號 (E), four amounts as text (F–I),
/// 說明 (J), and empty columns up to `columns`.
fn central_book_table(rows: usize, columns: usize) -> plan_core::budget_csv::Table {
    use plan_core::budget_csv::{Row, Table};
    let mut headers: Vec<String> =
        ["款", "項", "目", "節", "名稱及編號", "本年度預算數", "上年度預算數", "前年度決算數", "本年度與上年度比較", "說明"].map(String::from).to_vec();
    headers.resize(columns, String::new());
    let mut out: Vec<Row> = Vec::new();
    let mut line = 3u32;
    let mut push = |cells: Vec<String>, out: &mut Vec<Row>| {
        let mut cells = cells;
        cells.resize(columns, String::new());
        out.push(Row { line, cells });
        line += 1;
    };
    let cell = |i: usize, s: &str| -> Vec<String> {
        let mut v = vec![String::new(); 10];
        v[i] = s.to_string();
        v
    };
    let amount = |n: u64| plan_core::money::group_digits(n.into());
    let (mut agency, mut plan_no) = (0u32, 0u32);
    while out.len() < rows {
        agency += 1;
        push(cell(4, &format!("\u{3000}00{:02}000000", agency % 100)), &mut out);
        let work: Vec<u64> = (0..8).map(|i| 10_000 + (agency as u64 * 7 + i) % 90_000).collect();
        let total: u64 = work.iter().sum();
        let mut row = cell(0, &agency.to_string());
        row[4] = format!("機關{agency}主管");
        row[5] = amount(total);
        row[6] = amount(total - 100);
        push(row, &mut out);
        for (i, w) in work.iter().enumerate() {
            plan_no += 1;
            push(cell(4, &format!("\u{3000}41{:02}01{:02}00", agency % 100, i)), &mut out);
            let mut row = cell(2, &(i + 1).to_string());
            row[4] = format!("工作計畫{plan_no}");
            row[5] = amount(*w);
            row[6] = amount(*w - 10);
            row[8] = "10".to_string();
            row[9] = format!("本年度預算數{}千元，", amount(*w));
            push(row, &mut out);
            push(cell(9, "較上年度增列10千元。"), &mut out);
        }
    }
    Table { headers, rows: out, title: Vec::new(), header_line: 2 }
}

/// The process's peak resident memory, as Linux reports it.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM")).map(|l| l.trim_start_matches("VmHWM:").trim().to_string()))
        .unwrap_or_else(|| "unknown".into())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
