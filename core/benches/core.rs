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
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
