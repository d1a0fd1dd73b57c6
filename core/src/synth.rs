//! Seeded, reproducible synthetic plans: for benchmarks (10 MB of text, 10,000 programmes)
//! and for the parser's round-trip property (render a plan as PDF-style text, parse it back).

use crate::money::Money;
use crate::plan::{Goal, Mission, Plan, Strategy, Vision};
use crate::programme::{FundingNote, Item, Programme};
use crate::span::Span;
use crate::text::to_chinese_numeral;

/// xorshift64*: tiny, deterministic, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const TOPICS: &[&str] = &["勞資", "就業", "職訓", "移工", "身障", "職安", "工會", "青年", "婦女", "長者", "托育", "社福", "環保", "文化", "產業", "觀光"];
const ACTS: &[&str] = &["推廣", "輔導", "補助", "培力", "查察", "諮詢", "宣導", "媒合", "訓練", "服務", "調解", "研習"];
const SENTENCE: &[&str] = &["辦理", "提供", "結合", "強化", "協助", "規劃", "委託", "整合"];
const OBJECTS: &[&str] = &["在地團體", "事業單位", "求職民眾", "弱勢勞工", "相關資源", "專業人力", "各區據點", "服務窗口"];
const SOURCES: &[&str] = &["中央補助款", "勞工權益基金", "身心障礙者就業基金", "就安基金", "公益彩券盈餘"];

fn name(rng: &mut Rng) -> String {
    format!("{}{}{}", rng.pick(TOPICS), rng.pick(ACTS), if rng.below(2) == 0 { "計畫" } else { "中心" })
}

fn sentence(rng: &mut Rng) -> String {
    let parts = 1 + rng.below(3);
    let mut s = String::new();
    for i in 0..parts {
        if i > 0 {
            s.push('，');
        }
        s.push_str(rng.pick(SENTENCE));
        s.push_str(rng.pick(OBJECTS));
        s.push_str(rng.pick(ACTS));
    }
    s.push('。');
    s
}

/// A plan with `programmes` programmes over `goals` goals (1–4 strategies each).
pub fn generate(seed: u64, programmes: usize, goals: usize) -> Plan {
    let mut rng = Rng::new(seed);
    let mut plan = Plan::empty();
    plan.agency = "示範局".into();
    plan.year = 100 + rng.below(20) as u32;
    plan.title = format!("{} {}年度施政計畫", plan.agency, plan.year);
    plan.vision = Some(Vision { title: "示範城市".into(), paragraphs: vec![sentence(&mut rng)], span: Span::default() });
    plan.missions = (1..=goals.max(1) as u32).map(|n| Mission { number: n, text: sentence(&mut rng), span: Span::default() }).collect();
    plan.goals = (1..=goals as u32)
        .map(|n| Goal {
            number: n,
            name: format!("{}{}", rng.pick(TOPICS), rng.pick(ACTS)),
            strategies: (1..=1 + rng.below(4) as u32)
                .map(|s| Strategy { number: s, name: format!("{}{}{}", rng.pick(SENTENCE), rng.pick(TOPICS), rng.pick(ACTS)), span: Span::default() })
                .collect(),
            span: Span::default(),
        })
        .collect();
    plan.programmes = (1..=programmes as u32)
        .map(|n| {
            let budget = 100 + rng.below(300_000) as i64;
            let mut left = budget;
            let mut funding = Vec::new();
            for _ in 0..rng.below(3) {
                let amount = 1 + rng.below(left.max(1) as u64 / 2 + 1) as i64;
                if amount > left {
                    break;
                }
                left -= amount;
                let source = rng.pick(SOURCES).to_string();
                if funding.iter().any(|f: &FundingNote| f.source == source) {
                    continue;
                }
                funding.push(FundingNote { source, written_as: None, amount: Money::thousands(amount), span: Span::default() });
            }
            let numbered = rng.below(2) == 0;
            let items = (0..1 + rng.below(3) as u32)
                .map(|i| Item { number: numbered.then_some(i + 1), text: sentence(&mut rng), span: Span::default() })
                .take(if numbered { 3 } else { 1 })
                .collect();
            Programme {
                number: n,
                name: name(&mut rng),
                items,
                budget: Money::thousands(budget),
                funding,
                classification: vec![],
                book: None,
                span: Span::default(),
                budget_span: Span::default(),
            }
        })
        .collect();
    plan
}

fn wrap(text: &str, first_width: usize, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut w = first_width;
    while i < chars.len() {
        let end = (i + w).min(chars.len());
        out.push(chars[i..end].iter().collect());
        i = end;
        w = width;
    }
    out
}

/// Renders a plan in the PDF-extracted layout: blank line after every line, names wrapped
/// in the narrow column, budget and the first note on one line, note amounts on their own.
pub fn render_text(plan: &Plan) -> String {
    render(plan, false)
}

/// Renders a plan as other tools extract it: each budget on the line of its row's last
/// item, the note starting there, sources joined by 、，及 and wrapped mid-name, every other
/// row in full-width digits.
pub fn render_text_inline(plan: &Plan) -> String {
    render(plan, true)
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c)
            } else if c == ',' {
                '，'
            } else {
                c
            }
        })
        .collect()
}

fn inline_row(p: &Programme, lines: &mut Vec<String>) {
    let wide = p.number.is_multiple_of(2);
    let amount = |m: Money| if wide { full_width(&m.fmt_thousands()) } else { m.fmt_thousands() };
    let joiner = ["、", "，", "及"][p.number as usize % 3];
    let mut line = format!("{} {}", lines.pop().unwrap_or_default(), amount(p.budget));
    for (k, n) in p.funding.iter().enumerate() {
        if k == 0 {
            line = format!("{line} {}", n.source);
        } else {
            let half = n.source.chars().count() / 2;
            line.push_str(joiner);
            line.extend(n.source.chars().take(half));
            lines.push(std::mem::take(&mut line));
            line.extend(n.source.chars().skip(half));
        }
        line = format!("{line} {}千元", amount(n.amount));
    }
    lines.push(line);
}

fn render(plan: &Plan, inline: bool) -> String {
    let mut lines: Vec<String> = vec![format!(" {} ", plan.title), "壹、願景及任務 ".into()];
    if let Some(v) = &plan.vision {
        lines.push(format!("一、願景：{}", v.title));
        for p in &v.paragraphs {
            lines.extend(wrap(p, 34, 34));
        }
    }
    lines.push("二、任務 ".into());
    for m in &plan.missions {
        lines.extend(wrap(&format!("({}){}", to_chinese_numeral(m.number), m.text), 34, 34));
    }
    lines.push("貳、年度施政目標及策略 ".into());
    for g in &plan.goals {
        lines.push(format!("{}、{}", to_chinese_numeral(g.number), g.name));
        for s in &g.strategies {
            lines.push(format!("({}){}。", to_chinese_numeral(s.number), s.name));
        }
    }
    lines.push("參、年度重要施政計畫與預算配合對照表 ".into());
    lines.push("計畫名稱 實施內容 經費(千元) 備註 ".into());
    for p in &plan.programmes {
        let numeral = to_chinese_numeral(p.number);
        let head = format!("{numeral}、{}", p.name);
        // The number never wraps (一萬零一百一十一、 is longer than the name column).
        lines.extend(wrap(&head, numeral.chars().count() + 7, 7));
        for it in &p.items {
            let t = match it.number {
                Some(n) => format!("({}){}", to_chinese_numeral(n), it.text),
                None => it.text.clone(),
            };
            lines.extend(wrap(&t, 16, 16));
        }
        if inline {
            inline_row(p, &mut lines);
            continue;
        }
        let mut notes = p.funding.iter();
        match notes.next() {
            Some(n) => {
                lines.push(format!("{} {}", p.budget.fmt_thousands(), n.source));
                lines.push(format!("{}千元 ", n.amount.fmt_thousands()));
            }
            None => lines.push(format!("{}  ", p.budget.fmt_thousands())),
        }
        for n in notes {
            lines.extend(wrap(&n.source, 6, 6));
            lines.push(format!("{}千元 ", n.amount.fmt_thousands()));
        }
    }
    let mut out = String::new();
    for l in lines {
        out.push_str(&l);
        out.push_str("\n\n");
    }
    out
}

/// About `bytes` of plan text (for the parse-throughput benchmark).
pub fn text_of_size(seed: u64, bytes: usize) -> String {
    let per_programme = render_text(&generate(seed, 50, 6)).len() / 50;
    render_text(&generate(seed, (bytes / per_programme.max(1)).max(1), 12))
}
