//! What changed, as the CLI prints it and as a CSV a reader downloads: the totals, the
//! biggest increases and cuts, the new and ended lines, and every flag with its evidence.

use super::{explanation, line_changes, ranked, Flag, LineChange, Movement, Rank, Said, Totals};
use crate::money::Money;
use crate::plan::Plan;
use std::fmt;

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let k = |m: &Money| format!("{} 千元", m.fmt_thousands());
        match self {
            Flag::StatedChange { stated, computed } => {
                write!(f, "the book states a change of {} but this year minus last year is {}", k(stated), k(computed))
            }
            Flag::Explanation { said, says, figure } => {
                let what = match said {
                    Said::ThisYear => "this year's budget",
                    Said::LastYear => "last year's budget",
                    Said::Change => "the change",
                };
                write!(f, "the explanation gives {what} as {} but the line's figure is {}", k(says), k(figure))
            }
            Flag::Unexplained { change } => write!(f, "a change of {} with no explanation", k(change)),
            Flag::JustUnder { threshold, lines, across } => {
                let whom = if *across { "lines of this name across the book" } else { "lines under the same parent" };
                write!(f, "one of {lines} {whom} just under {} (化整為零?)", k(threshold))
            }
        }
    }
}

/// The report `plan changes` prints: at `level` (`None`: the leaves), the `top` biggest
/// increases and cuts, new and ended lines, and the flags.
pub fn changes_text(plan: &Plan, level: Option<u32>, top: usize) -> String {
    let tree = plan.tree();
    let changes = line_changes(plan, &tree, level, None);
    let t = Totals::of(&changes);
    let mut s = String::new();
    let at = level.map_or("the lines at the bottom of the tree".to_string(), |l| format!("level {}", l + 1));
    s += &format!("{} — what changed, {} lines at {at}\n", plan.title, changes.len());
    if changes.iter().all(|c| c.movement == Movement::Unknown) {
        s += "This document gives no last year's figures.\n";
        return s;
    }
    let c = t.change();
    s += &format!(
        "This year {} 千元, last year {} 千元: {} 千元 ({})\n",
        t.budget.fmt_thousands(),
        t.last_year.fmt_thousands(),
        c.amount.fmt_change(),
        c.fmt_percent()
    );
    let line = |c: &LineChange| {
        let ch = c.change.as_ref().map_or(String::new(), |c| format!("{:>16} {:>9}", c.amount.fmt_change(), c.fmt_percent()));
        format!("  {ch}  {}\n", plan.line(c.node).name)
    };
    for (title, rank, keep) in [("Biggest increases", Rank::Increase, Movement::Increase), ("Biggest cuts", Rank::Cut, Movement::Cut)] {
        s += &format!("\n{title} (千元, %):\n");
        let mut shown = ranked(&changes, rank).into_iter().map(|i| &changes[i]).filter(|c| {
            c.movement == keep || c.movement == Movement::New && keep == Movement::Increase || c.movement == Movement::Ended && keep == Movement::Cut
        });
        for c in shown.by_ref().take(top) {
            s += &line(c);
        }
    }
    for (title, kind) in [("New lines", Movement::New), ("Lines that ended", Movement::Ended)] {
        let lines: Vec<&LineChange> = changes.iter().filter(|c| c.movement == kind).collect();
        s += &format!("\n{title}: {}\n", lines.len());
        lines.iter().take(top).for_each(|c| s += &line(c));
    }
    let flagged: Vec<&LineChange> = changes.iter().filter(|c| !c.flags.is_empty()).collect();
    s += &format!("\nFlags: {} lines\n", flagged.len());
    for c in flagged {
        for f in &c.flags {
            s += &format!("  {} (line {}): {f}\n", plan.line(c.node).name, plan.span_of(c.node).start);
        }
    }
    s
}

const HEADER: [&str; 10] =
    ["level", "code", "name", "budget_thousand_twd", "last_year_thousand_twd", "change_thousand_twd", "change_percent", "movement", "flags", "explanation"];

/// The what-changed table as CSV, in the order given; amounts in 千元.
pub fn changes_csv(plan: &Plan, changes: &[LineChange], order: &[usize]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).expect("in-memory write");
    for c in order.iter().filter_map(|i| changes.get(*i)) {
        let l = plan.line(c.node);
        let flags: Vec<String> = c.flags.iter().map(Flag::to_string).collect();
        w.write_record([
            (c.level + 1).to_string(),
            l.code.unwrap_or("").to_string(),
            l.name.to_string(),
            c.budget.0.to_string(),
            c.last_year.map(|m| m.0.to_string()).unwrap_or_default(),
            c.change.as_ref().map(|c| c.amount.0.to_string()).unwrap_or_default(),
            c.change.as_ref().and_then(|c| c.percent).map(|p| p.to_string()).unwrap_or_default(),
            format!("{:?}", c.movement).to_lowercase(),
            flags.join("; "),
            explanation(plan, c.node).to_string(),
        ])
        .expect("in-memory write");
    }
    String::from_utf8(w.into_inner().expect("in-memory write")).expect("csv of strings is UTF-8")
}
