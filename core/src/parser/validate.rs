//! Checks that a plan's figures hold together. Runs after parsing, and on plans read from
//! JSON or CSV, so every way into the program meets the same rules.

use crate::diagnostic::{Diagnostic, Severity};
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
    let table_missing = diags.iter().any(|d| d.code == "missing-section" && d.severity == Severity::Error);
    if plan.programmes.is_empty() && !table_missing && !diags.iter().any(|d| d.code == "empty" || d.code == "binary-input") {
        diags.push(Diagnostic::error(None, "no-programmes", "the plan has no programmes"));
    }
    // Sets, not scans: a budget-book import can have 200,000 programmes.
    let mut seen: std::collections::HashSet<u32> = std::collections::HashSet::new();
    let mut negative_at: std::collections::HashSet<Option<u32>> = diags.iter().filter(|d| d.code == "negative-budget").map(|d| d.line).collect();
    let mut prev: Option<u32> = None;
    for p in &plan.programmes {
        let at = Some(p.span.start).filter(|l| *l > 0);
        if !seen.insert(p.number) {
            diags.push(Diagnostic::error(at, "duplicate-number", format!("programme number {} is used twice", p.number)));
        } else if let Some(prev) = prev {
            if p.number != prev + 1 {
                diags.push(Diagnostic::warning(at, "numbering-gap", format!("programme {} follows programme {prev}", p.number)));
            }
        }
        prev = Some(p.number);
        if p.name.trim().is_empty() {
            diags.push(Diagnostic::error(at, "no-name", format!("programme {} has no name", p.number)));
        }
        if p.items.is_empty() && plan.classification_levels.is_empty() {
            diags.push(Diagnostic::warning(at, "no-items", format!("programme {} ({}) lists no implementation items", p.number, p.name)));
        }
        let budget_at = Some(p.budget_span.start).filter(|l| *l > 0).or(at);
        for (what, amount, line) in std::iter::once(("budget", p.budget, budget_at)).chain(p.funding.iter().map(|n| ("funding note", n.amount, Some(n.span.start).filter(|l| *l > 0)))) {
            if !amount.is_plausible() {
                diags.push(Diagnostic::error(line, "amount-too-large", format!("the {what} of programme {} ({} 千元) is larger than any budget can be (10^18 千元); it was set to 0", p.number, amount.fmt_thousands())));
            }
        }
        if p.budget < Money::ZERO && negative_at.insert(budget_at) {
            diags.push(Diagnostic::error(budget_at, "negative-budget", format!("programme {} has a negative budget", p.number)));
        }
        for n in &p.funding {
            if n.amount <= Money::ZERO {
                diags.push(Diagnostic::warning(Some(n.span.start).filter(|l| *l > 0), "note-not-positive", format!("the note `{}` of programme {} is not a positive amount", n.source, p.number)));
            }
        }
        let noted = p.noted_total();
        if noted > p.budget {
            diags.push(Diagnostic::error(
                budget_at,
                "notes-exceed-budget",
                format!(
                    "the funding notes of programme {} ({}) add up to {} 千元, more than its budget of {} 千元",
                    p.number,
                    p.name,
                    noted.fmt_thousands(),
                    p.budget.fmt_thousands()
                ),
            ));
        }
    }
    if plan.programmes.iter().map(|p| p.budget).try_fold(Money::ZERO, |a, b| a.checked_add(b)).is_none() {
        diags.push(Diagnostic::error(None, "total-overflow", "the budgets are too large to add up exactly"));
    }
}
