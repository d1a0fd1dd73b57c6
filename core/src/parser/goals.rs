//! Section 貳: goals `一、…` each with strategies `(一)…`.

use super::outline::{heading, marker};
use super::Line;
use crate::diagnostic::{Diagnostic, Finding};
use crate::plan::{Goal, Plan, Strategy};
use crate::span::Span;
use crate::text::push_fragment;

pub(super) fn read_goals(lines: &[Line], plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    for l in lines {
        let text: &str = &l.text;
        if let Some((n, rest)) = heading(text) {
            if let Some(prev) = plan.goals.last() {
                if n != prev.number + 1 {
                    diags.push(Diagnostic::warning(Some(l.no), Finding::GoalOutOfOrder { goal: n, after: prev.number }));
                }
            }
            plan.goals.push(Goal { number: n, name: name_of(rest), strategies: vec![], span: Span::line(l.no) });
        } else if let Some((n, rest)) = marker(text) {
            let Some(goal) = plan.goals.last_mut() else {
                diags.push(Diagnostic::warning(Some(l.no), Finding::OrphanStrategy));
                continue;
            };
            if goal.strategies.iter().any(|s| s.number == n) {
                diags.push(Diagnostic::warning(Some(l.no), Finding::DuplicateStrategy { goal: goal.number, strategy: n }));
            }
            goal.span = goal.span.join(Span::line(l.no));
            goal.strategies.push(Strategy { number: n, name: name_of(rest), span: Span::line(l.no) });
        } else if let Some(goal) = plan.goals.last_mut() {
            // A wrapped line continues whatever came last: the last strategy, else the goal's name.
            goal.span = goal.span.join(Span::line(l.no));
            match goal.strategies.last_mut() {
                Some(s) => {
                    s.name = name_of(&format!("{}{}", s.name, text));
                    s.span = s.span.join(Span::line(l.no));
                }
                None => push_fragment(&mut goal.name, text),
            }
        }
    }
    if plan.goals.is_empty() {
        diags.push(Diagnostic::warning(lines.first().map(|l| l.no), Finding::NoGoals));
    }
    for g in &plan.goals {
        if g.strategies.is_empty() {
            diags.push(Diagnostic::warning(Some(g.span.start), Finding::NoStrategies { goal: g.number }));
        }
    }
}

/// A strategy or goal reads as a name: spaces joined away, the closing 。 dropped.
fn name_of(text: &str) -> String {
    let mut s = String::new();
    push_fragment(&mut s, text);
    s.trim_end_matches(['。', '.']).to_string()
}
