//! Checks that a plan's figures hold together. Runs after parsing, and on plans read from
//! JSON or CSV, so every way into the program meets the same rules.

use crate::diagnostic::{AmountOf, Diagnostic, Finding, Section};
use crate::money::Money;
use crate::plan::Plan;

/// All diagnostics for a plan that did not come from the text parser.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    validate(plan, &mut d);
    d
}

/// Zeroes amounts validation rejected as implausibly large, so that whatever plan a reader
/// returns can be summed, shared and laid out without overflow. The diagnostics stay.
pub fn sanitize(plan: &mut Plan) {
    for p in &mut plan.programmes {
        if !p.budget.is_plausible() {
            p.budget = Money::ZERO;
        }
        for n in &mut p.funding {
            if !n.amount.is_plausible() {
                n.amount = Money::ZERO;
            }
        }
    }
}

pub fn validate(plan: &Plan, diags: &mut Vec<Diagnostic>) {
    let said_already = diags.iter().any(|d| {
        matches!(
            d.finding,
            Finding::MissingSection { section: Section::BudgetTable }
                | Finding::Empty
                | Finding::BinaryInput { .. }
                | Finding::NoBudgetTable { .. }
                | Finding::ColumnOrder { .. }
        )
    });
    if plan.programmes.is_empty() && !said_already {
        diags.push(Diagnostic::error(None, Finding::NoProgrammes));
    }
    // Sets, not scans: a budget-book import can have 200,000 programmes.
    let mut seen: std::collections::HashSet<u32> = std::collections::HashSet::new();
    let mut negative_at: std::collections::HashSet<Option<u32>> =
        diags.iter().filter(|d| matches!(d.finding, Finding::NegativeBudget { .. })).map(|d| d.line).collect();
    let mut prev: Option<u32> = None;
    for p in &plan.programmes {
        let at = Some(p.span.start).filter(|l| *l > 0);
        if !seen.insert(p.number) {
            diags.push(Diagnostic::error(at, Finding::DuplicateProgramme { programme: p.number }));
        } else if let Some(prev) = prev {
            if p.number != prev + 1 {
                diags.push(Diagnostic::warning(at, Finding::NumberingGap { programme: p.number, after: prev }));
            }
        }
        prev = Some(p.number);
        if p.name.trim().is_empty() {
            diags.push(Diagnostic::error(at, Finding::NoName { programme: p.number }));
        }
        if p.items.is_empty() && plan.classification_levels.is_empty() {
            diags.push(Diagnostic::warning(at, Finding::NoItems { programme: p.number, name: p.name.clone() }));
        }
        let budget_at = Some(p.budget_span.start).filter(|l| *l > 0).or(at);
        for (of, amount, line) in std::iter::once((AmountOf::Budget, p.budget, budget_at))
            .chain(p.funding.iter().map(|n| (AmountOf::FundingNote, n.amount, Some(n.span.start).filter(|l| *l > 0))))
        {
            if !amount.is_plausible() {
                diags.push(Diagnostic::error(line, Finding::AmountTooLarge { programme: Some(p.number), of, written: amount.fmt_thousands() }));
            }
        }
        if p.budget < Money::ZERO && negative_at.insert(budget_at) {
            diags.push(Diagnostic::error(budget_at, Finding::NegativeBudget { programme: p.number }));
        }
        for n in &p.funding {
            if n.amount <= Money::ZERO {
                diags.push(Diagnostic::warning(
                    Some(n.span.start).filter(|l| *l > 0),
                    Finding::NoteNotPositive { programme: p.number, source: n.source.clone() },
                ));
            }
        }
        let noted = p.noted_total();
        // A negative budget is reported already; its notes "exceeding" it would say it again.
        if noted > p.budget && p.budget >= Money::ZERO {
            diags.push(Diagnostic::error(budget_at, Finding::NotesExceedBudget { programme: p.number, name: p.name.clone(), noted, budget: p.budget }));
        }
    }
    if plan.programmes.iter().map(|p| p.budget).try_fold(Money::ZERO, |a, b| a.checked_add(b)).is_none() {
        diags.push(Diagnostic::error(None, Finding::TotalOverflow));
    }
}
