//! The programmes CSV this program exports, read back.

use super::{finish, Table};
use crate::diagnostic::{Diagnostic, Finding};
use crate::export::csv::PROGRAMMES_HEADER;
use crate::funding::{programme_breakdown, FundingKind};
use crate::money::Money;
use crate::parser::Parsed;
use crate::plan::Plan;
use crate::programme::{FundingNote, Item, Programme};
use crate::span::Span;

/// True for the programmes CSV this program exports.
pub fn is_export_csv(t: &Table) -> bool {
    t.headers.iter().map(String::as_str).eq(PROGRAMMES_HEADER)
}

/// Rebuilds a plan from the programmes CSV this program exports: numbers, names, budgets,
/// items (joined with ` | `) and funding notes (`中央補助款 38,499; 勞工權益基金 1,000`).
/// Goals and strategies are not in that file. Spans point into the CSV.
pub fn from_export(t: &Table) -> Parsed {
    let mut diags = Vec::new();
    let mut plan = Plan::empty();
    let col = |name: &str| t.headers.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let [number, name, budget, central, special, city, notes, items] =
        ["number", "name", "budget_thousand_twd", "central_subsidy", "special_funds", "city_general", "funding_notes", "items"].map(col);
    for row in t.rows.iter().filter(|r| r.cells.iter().any(|c| !c.is_empty())) {
        let line = row.line;
        let at = Some(line);
        let n = row.cell(number).parse().unwrap_or_else(|_| {
            diags.push(Diagnostic::error(at, Finding::BadProgrammeNumber { written: row.cell(number).to_string() }));
            plan.programmes.last().map(|p| p.number.saturating_add(1)).unwrap_or(1)
        });
        let b = Money::parse(row.cell(budget)).unwrap_or_else(|| {
            diags.push(Diagnostic::error(
                at,
                Finding::BudgetNotANumber { programme: None, column: Some("budget_thousand_twd".into()), written: row.cell(budget).to_string() },
            ));
            Money::ZERO
        });
        if b < Money::ZERO {
            diags.push(Diagnostic::error(at, Finding::NegativeBudget { programme: n }));
        }
        let mut funding = Vec::new();
        for note in row.cell(notes).split([';', '；']).map(str::trim).filter(|s| !s.is_empty()) {
            match note.rsplit_once(char::is_whitespace).and_then(|(s, a)| Some((s.trim(), Money::parse(a)?))) {
                Some((source, amount)) => funding.push(FundingNote { source: source.to_string(), written_as: None, amount, span: Span::line(line) }),
                None => diags.push(Diagnostic::error(at, Finding::BadFundingNote { written: note.to_string() })),
            }
        }
        let items = row
            .cell(items)
            .split(" | ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Item { number: None, text: s.to_string(), span: Span::line(line) })
            .collect();
        let p = Programme {
            number: n,
            name: row.cell(name).to_string(),
            items,
            budget: b,
            funding,
            classification: Vec::new(),
            book: None,
            span: Span::line(line),
            budget_span: Span::line(line),
        };
        // The kind columns are derived from the notes; a file edited by hand may disagree.
        if p.budget.is_plausible() && p.funding.iter().all(|n| n.amount.is_plausible()) {
            let breakdown = programme_breakdown(&p);
            for (kind, c) in [(FundingKind::CentralSubsidy, central), (FundingKind::SpecialFund, special), (FundingKind::CityGeneral, city)] {
                let derived: Money = breakdown.iter().filter(|l| l.source.kind == kind).map(|l| l.amount).sum();
                if let Some(stated) = Money::parse(row.cell(c)).filter(|s| *s != derived) {
                    diags.push(Diagnostic::warning(
                        at,
                        Finding::FundingColumnsDisagree { column: PROGRAMMES_HEADER[4 + kind as usize].to_string(), stated, derived },
                    ));
                }
            }
        }
        plan.programmes.push(p);
    }
    finish(plan, diags)
}
