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
    // BENCH_BOOK_ONLY=1: only the budget-book PDF (BENCH_BOOK_OUT=path also writes it).
    if std::env::var("BENCH_BOOK_ONLY").is_ok() {
        book_bench();
        println!("peak memory      {} (VmHWM of this whole benchmark process)", peak_memory());
        return;
    }
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

    book_bench();
    println!("peak memory      {} (VmHWM of this whole benchmark process)", peak_memory());
}

fn book_bench() {
    // A unit budget book as a PDF (the 歲出機關別預算表 read from glyph positions), 400
    // pages: 40 of 預算總說明 text, then the table, 22 rows of code, name, figures and 說明
    // a page; MSung-Light on UniCNS-UCS2-H, as agencies print them.
    let pdf = book_pdf(400);
    if let Ok(path) = std::env::var("BENCH_BOOK_OUT") {
        std::fs::write(path, &pdf).expect("the book written");
    }
    let t = median(3, || plan_core::pdf::read_pdf(&pdf, "book.pdf"));
    let read = plan_core::pdf::read_pdf(&pdf, "book.pdf");
    let plan = &read.parsed.plan;
    println!(
        "budget-book PDF  400 pages ({:.1} MB) → {} lines ({} leaves), {} findings: {:>8.1} ms",
        pdf.len() as f64 / 1_048_576.0,
        plan.groups.len() + plan.programmes.len(),
        plan.programmes.len(),
        read.parsed.diagnostics.len(),
        ms(t)
    );
    let mut codes: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for d in &read.parsed.diagnostics {
        *codes.entry(d.finding.code()).or_default() += 1;
    }
    println!("                 findings by code: {codes:?}; total {}", plan.total());
    if std::env::var("BENCH_BOOK_FINDINGS").is_ok() {
        for d in read.parsed.diagnostics.iter().filter(|d| d.severity > plan_core::Severity::Info).take(10) {
            println!("                 {d}");
        }
    }
}

/// A unit budget book of `pages` pages as PDF bytes: 預算總說明 pages, then a ruled
/// 歲出機關別預算表 whose 目 lines add up to their 項 and 款 (see `tests/pdf_books.rs`).
fn book_pdf(pages: usize) -> Vec<u8> {
    const ROWS: usize = 22;
    let prose = pages / 10;
    let table_pages = pages - prose;
    // Two lines a row (code, then name, figures and 說明): a 款 row at the top, then a 項 row
    // over every 50 目 rows.
    let leaves = (table_pages * ROWS / 2 - 1) * 50 / 51 - 1;
    let amount = |n: u64| plan_core::money::group_digits(n.into());
    let hex = |s: &str| s.encode_utf16().map(|u| format!("{u:04X}")).collect::<String>();
    let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 4.5 } else { 9.0 }).sum::<f64>();
    let mut contents: Vec<String> = Vec::new();
    let text = |out: &mut String, x: f64, top: f64, s: &str| out.push_str(&format!("BT /F1 9 Tf {x:.2} {:.2} Td <{}> Tj ET\n", 595.0 - top, hex(s)));
    for p in 0..prose {
        let mut c = String::new();
        text(&mut c, 250.0, 60.0, "預算總說明");
        for l in 0..40 {
            text(&mut c, 60.0, 100.0 + 12.0 * l as f64, "本局本年度歲出預算依施政計畫及中程計畫預算額度編列，詳如歲出機關別預算表所列。");
        }
        text(&mut c, 410.0, 570.0, &format!("- {} -", p + 1));
        contents.push(c);
    }
    let cols = [30.0, 50.0, 70.0, 90.0, 110.0, 250.0, 330.0, 410.0, 490.0, 570.0, 812.0];
    // This year and last year of leaf `i` (last year is less, so every change is positive).
    let figures = |i: u64| {
        let this = 10_000 + i * 37 % 90_000;
        (this, this - 1 - i % 500)
    };
    // 50 目 lines under each 項 (a 目 number has two digits at most, as in the books).
    const PER: u64 = 50;
    let sum = |of: &dyn Fn(u64) -> u64, from: u64, to: u64| (from..to.min(leaves as u64)).map(of).sum::<u64>();
    let this_of = |i: u64| figures(i).0;
    let last_of = |i: u64| figures(i).1;
    let (mut leaf, mut item) = (0u64, None);
    for p in 0..table_pages {
        let mut c = String::from("0.5 w\n");
        text(&mut c, 380.0, 30.0, "歲出機關別預算表");
        text(&mut c, 360.0, 50.0, "中華民國114年度");
        text(&mut c, 700.0, 50.0, "單位：新臺幣千元");
        for (x, w) in [(50.0, "科目"), (270.0, "本年度預算數"), (350.0, "上年度預算數"), (430.0, "前年度決算數"), (500.0, "本年度與"), (680.0, "說明")]
        {
            text(&mut c, x, 70.0, w);
        }
        for (x, w) in [(36.0, "款"), (56.0, "項"), (76.0, "目"), (96.0, "節"), (140.0, "名稱及編號"), (500.0, "上年度比較")] {
            text(&mut c, x, 82.0, w);
        }
        let mut top = 100.0;
        let row = |c: &mut String, top: &mut f64, level: usize, number: u64, code: &str, name: &str, this: u64, last: u64, note: &str| {
            text(c, cols[level] + 5.0, *top, &number.to_string());
            text(c, cols[4] + 2.0, *top, code);
            text(c, cols[4] + 2.0, *top + 12.0, name);
            for (k, v) in [(6, this), (7, last), (8, last - 1), (9, this - last)].into_iter().map(|(k, v)| (k, amount(v))) {
                text(c, cols[k] - 2.0 - width(&v), *top + 12.0, &v);
            }
            text(c, cols[9] + 2.0, *top + 12.0, note);
            *top += 24.0;
        };
        if p == 0 {
            row(&mut c, &mut top, 0, 5, "6300000000", "教育支出", sum(&this_of, 0, u64::MAX), sum(&last_of, 0, u64::MAX), "");
        }
        while top < 100.0 + 24.0 * (ROWS / 2) as f64 && (leaf as usize) < leaves {
            if leaf % PER == 0 && item != Some(leaf / PER) {
                item = Some(leaf / PER);
                let (from, to) = (leaf, leaf + PER);
                row(
                    &mut c,
                    &mut top,
                    1,
                    leaf / PER + 1,
                    &format!("63{:04}0000", leaf / PER + 1),
                    &format!("業務{}", leaf / PER + 1),
                    sum(&this_of, from, to),
                    sum(&last_of, from, to),
                    "",
                );
                continue;
            }
            let (this, last) = figures(leaf);
            let note = format!("本年度預算數{}千元。", amount(this));
            row(
                &mut c,
                &mut top,
                2,
                leaf % PER + 1,
                &format!("63{:04}{:02}00", leaf / PER + 1, leaf % PER + 1),
                &format!("工作計畫{}", leaf + 1),
                this,
                last,
                &note,
            );
            leaf += 1;
        }
        for x in cols {
            c.push_str(&format!("{x:.2} {:.2} m {x:.2} {:.2} l S\n", 595.0 - 66.0, 595.0 - top));
        }
        c.push_str(&format!("30 {:.2} m 812 {:.2} l S\n", 595.0 - top, 595.0 - top));
        text(&mut c, 410.0, 570.0, &format!("- {} -", prose + p + 1));
        contents.push(c);
    }
    // The document: catalog 1, pages 2, font 3 (descendant 4), then a page and its
    // content stream for each page.
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(),
        "<< /Type /Font /Subtype /Type0 /BaseFont /MSung-Light-UniCNS-UCS2-H /Encoding /UniCNS-UCS2-H /DescendantFonts [4 0 R] >>".into(),
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MSung-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (CNS1) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>".into(),
        "<< /Type /FontDescriptor /FontName /MSung-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>".into(),
    ];
    let mut kids = Vec::new();
    for (i, c) in contents.iter().enumerate() {
        let (size, page) = if i < prose { ("595 842", 6 + 2 * i) } else { ("842 595", 6 + 2 * i) };
        kids.push(format!("{page} 0 R"));
        objects.push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>", page + 1));
        objects.push(format!("<< /Length {} >>\nstream\n{c}endstream", c.len()));
    }
    objects[1] = format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), kids.len());
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
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
