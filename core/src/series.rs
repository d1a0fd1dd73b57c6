//! Years in series: the same line in documents of one government for different years, and
//! in one year's versions (預算案 → 法定預算 → 決算), put side by side as one line's budget
//! over the years and what was actually spent.
//!
//! A budget book already holds three years of a line: this year's budget, last year's
//! (上年度預算數) and what was spent the year before last (前年度決算數). Each document in
//! the library adds its own three; where two give a figure for the same year and kind, the
//! document of that year says it first (its own 本年度 over a later book's 上年度), and a
//! figure that disagrees is kept beside it (a supplementary budget, 追加預算, looks like this).
//!
//! Lines are matched the way [`crate::compare`] matches them: by 科目編號 where both books
//! print codes, else by name under the same parents; a plan's programmes by name, then by the
//! most similar name.

use crate::book::TreeRef;
use crate::compare::match_texts;
use crate::money::Money;
use crate::plan::Plan;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Which version of a year's budget a document is, from its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// 預算案: what the government proposed to the council.
    Proposal,
    /// A plan, or a budget book that does not say which version it is.
    Budget,
    /// 法定預算: what the council enacted.
    Enacted,
    /// 決算: what was actually spent.
    Final,
}

impl Stage {
    pub fn of(title: &str) -> Stage {
        if title.contains("法定預算") {
            Stage::Enacted
        } else if title.contains("預算案") {
            Stage::Proposal
        } else if title.contains("決算") && !title.contains("預算") {
            Stage::Final
        } else {
            Stage::Budget
        }
    }
}

/// Who issued a document, without its year or version: `示範市 115年度總預算案` and
/// `示範市 114年度法定預算` are both `示範市`. Documents of one issuer form a series.
pub fn issuer(agency: &str) -> String {
    // A title names its issuer before the year (`桃園市政府 112年度總預算 歲出機關別預算表`).
    if let Some(at) = agency.find("年度") {
        let head = agency[..at].trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
        if head.len() < at {
            return head.trim().to_string();
        }
    }
    let mut s = agency.to_string();
    for w in ["施政計畫", "總預算案", "法定預算", "預算案", "總預算", "總決算", "決算"] {
        s = s.replace(w, " ");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a series is of: a document's whole total, or one of its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Whole,
    Line(TreeRef),
}

/// Where each line of one document is in another: built once per pair of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment(HashMap<TreeRef, TreeRef>);

impl Alignment {
    /// The line of the other document that is `line` of this one.
    pub fn get(&self, line: TreeRef) -> Option<TreeRef> {
        self.0.get(&line).copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `subject` of this document, in the other one.
    pub fn subject(&self, subject: Subject) -> Option<Subject> {
        match subject {
            Subject::Whole => Some(Subject::Whole),
            Subject::Line(r) => self.get(r).map(Subject::Line),
        }
    }
}

/// Matches every line of `base` to a line of `other`: by code where both print codes, else by
/// the names of the line and its parents; a plan's programmes (no tree) also by the most
/// similar name. Each line of `other` is used once.
pub fn align(base: &Plan, other: &Plan) -> Alignment {
    let coded = |p: &Plan| p.programmes.iter().any(|x| x.book.as_ref().is_some_and(|b| b.code.is_some()));
    let by_code = coded(base) && coded(other);
    let flat = base.groups.is_empty() && other.groups.is_empty();
    let lines = |p: &Plan| -> (Vec<TreeRef>, Vec<String>) {
        let order = p.tree().order();
        let keys = order.iter().map(|r| key(p, *r, by_code)).collect();
        (order, keys)
    };
    let (refs_a, keys_a) = lines(base);
    let (refs_b, keys_b) = lines(other);
    // Names are compared for similarity only in a flat plan: in a book, 業務費 is under every
    // agency, and a similar name under another parent is another line.
    let names = |p: &Plan, refs: &[TreeRef]| -> Vec<String> { refs.iter().map(|r| if flat { p.line(*r).name.to_string() } else { String::new() }).collect() };
    let (names_a, names_b) = (names(base, &refs_a), names(other, &refs_b));
    let names_a: Vec<&str> = names_a.iter().map(String::as_str).collect();
    let names_b: Vec<&str> = names_b.iter().map(String::as_str).collect();
    let m = match_texts(&keys_a, &keys_b, &names_a, &names_b);
    Alignment(m.pairs.into_iter().map(|(i, j, _)| (refs_a[i], refs_b[j])).collect())
}

/// A line's identity in its document: `#code`, or its parents' names and its own (a plan's
/// programme: its classification and name).
fn key(p: &Plan, r: TreeRef, by_code: bool) -> String {
    let line = p.line(r);
    if let (true, Some(code)) = (by_code, line.code) {
        return format!("#{code}");
    }
    let mut names: Vec<&str> = Vec::new();
    let mut parent = match r {
        TreeRef::Group(g) => p.groups[g as usize].facts.parent,
        TreeRef::Programme(i) => {
            let prog = &p.programmes[i as usize];
            // A plan's classification names its place; a book's tree does that itself.
            if p.groups.is_empty() {
                names.extend(prog.classification.iter().map(String::as_str));
            }
            prog.book.as_ref().and_then(|b| b.parent)
        }
    };
    let mut path: Vec<&str> = Vec::new();
    while let Some(g) = parent.and_then(|g| p.groups.get(g as usize)) {
        if path.len() > p.groups.len() {
            break;
        }
        path.push(&g.name);
        parent = g.facts.parent;
    }
    path.reverse();
    path.extend(names);
    path.push(line.name);
    path.join("\u{1}")
}

/// One document in a series: the plan and which version of its year it is.
#[derive(Debug, Clone, Copy)]
pub struct Edition<'a> {
    pub plan: &'a Plan,
    pub stage: Stage,
}

impl<'a> Edition<'a> {
    pub fn of(plan: &'a Plan) -> Edition<'a> {
        Edition { plan, stage: Stage::of(&plan.title) }
    }
}

/// Which of a document's columns a figure was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// 本年度預算數 (or a 決算's amount).
    ThisYear,
    /// 上年度預算數.
    LastYear,
    /// 前年度決算數.
    Actual,
}

/// A figure of a series, with the document (index into the editions) and column it is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub amount: Money,
    pub edition: usize,
    pub column: Column,
}

/// One year of a line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Year {
    /// ROC year.
    pub year: u32,
    /// 預算案.
    pub proposed: Option<Figure>,
    /// The budget: 法定預算 where a document says so, else a budget book's or a plan's.
    pub budget: Option<Figure>,
    /// 決算: what was actually spent.
    pub actual: Option<Figure>,
    /// Figures for the same year and kind that disagree with the one shown.
    pub disagree: Vec<Figure>,
}

impl Year {
    /// The council's cut (negative) or addition: enacted minus proposed, where both are known.
    pub fn enacted_change(&self) -> Option<Money> {
        match (self.proposed, self.budget) {
            (Some(p), Some(b)) => Some(b.amount - p.amount),
            _ => None,
        }
    }
}

/// A line over the years, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Series {
    pub years: Vec<Year>,
    /// Editions in which the line was not found: the series says so instead of a gap.
    pub missing: Vec<usize>,
}

impl Series {
    /// Where a chart puts each year: (year, proposed, budget, actual) as plain numbers of
    /// 千元, for pixels only; every figure shown is the exact [`Figure::amount`].
    pub fn coordinates(&self) -> Vec<(u32, [Option<f64>; 3])> {
        let at = |f: Option<Figure>| f.and_then(|f| f.amount.0.to_f64());
        self.years.iter().map(|y| (y.year, [at(y.proposed), at(y.budget), at(y.actual)])).collect()
    }

    /// True when the series has more than one year of anything to draw.
    pub fn spans_years(&self) -> bool {
        self.years.len() > 1
    }
}

/// A line's three years as one book prints them: this year's budget, last year's and what
/// was spent the year before last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreeYears {
    pub node: TreeRef,
    pub this: Money,
    pub last: Option<Money>,
    pub actual: Option<Money>,
}

impl ThreeYears {
    /// (this, last, actual) as plain numbers of 千元, for pixels only.
    pub fn coordinates(&self) -> [Option<f64>; 3] {
        [self.this.0.to_f64(), self.last.and_then(|m| m.0.to_f64()), self.actual.and_then(|m| m.0.to_f64())]
    }
}

/// The lines directly under `parent` (`None`: the top level), largest this year first (ties
/// in book order), at most `max`: what a grouped bar chart of the three years shows.
pub fn three_years(plan: &Plan, tree: &crate::book::Tree, parent: Option<u32>, max: usize) -> Vec<ThreeYears> {
    let mut out: Vec<ThreeYears> = tree
        .children(parent)
        .iter()
        .map(|r| {
            let l = plan.line(*r);
            ThreeYears { node: *r, this: l.budget, last: l.facts.and_then(|f| f.last_year), actual: l.facts.and_then(|f| f.actual) }
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| b.this.cmp(&a.this));
    out.truncate(max);
    out
}

/// An axis label of 千元: `12,000`.
pub fn tick(v: f64) -> String {
    Money(Decimal::from_f64(v).unwrap_or_default().round()).fmt_thousands()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Proposed,
    Budget,
    Actual,
}

/// The series of `subjects[i]` (the line in edition `i`; `None` where it was not found)
/// across `editions`.
pub fn series(editions: &[Edition], subjects: &[Option<Subject>]) -> Series {
    // (year, kind, precedence, figure): a lower precedence says it first.
    let mut found: Vec<(u32, Kind, u8, Figure)> = Vec::new();
    let mut missing = Vec::new();
    for (e, (edition, subject)) in editions.iter().zip(subjects).enumerate() {
        let Some(subject) = subject else {
            missing.push(e);
            continue;
        };
        let (this, last, actual) = figures(edition.plan, *subject);
        let year = edition.plan.year;
        if year == 0 {
            continue;
        }
        let at = |amount, column| Figure { amount, edition: e, column };
        match edition.stage {
            Stage::Proposal => found.push((year, Kind::Proposed, 0, at(this, Column::ThisYear))),
            Stage::Enacted => found.push((year, Kind::Budget, 0, at(this, Column::ThisYear))),
            Stage::Budget => found.push((year, Kind::Budget, 1, at(this, Column::ThisYear))),
            Stage::Final => found.push((year, Kind::Actual, 0, at(this, Column::ThisYear))),
        }
        if let Some(last) = last {
            found.push((year - 1, Kind::Budget, 2, at(last, Column::LastYear)));
        }
        if let (Some(actual), true) = (actual, year >= 2) {
            found.push((year - 2, Kind::Actual, 1, at(actual, Column::Actual)));
        }
    }
    crate::order::sort_by_key(&mut found, |(year, _, rank, f)| (*year, *rank, f.edition));
    let mut years: Vec<Year> = Vec::new();
    for (year, kind, _, figure) in found {
        if years.last().is_none_or(|y| y.year != year) {
            years.push(Year { year, ..Year::default() });
        }
        let y = years.last_mut().expect("pushed");
        let slot = match kind {
            Kind::Proposed => &mut y.proposed,
            Kind::Budget => &mut y.budget,
            Kind::Actual => &mut y.actual,
        };
        match slot {
            None => *slot = Some(figure),
            Some(first) if first.amount != figure.amount => y.disagree.push(figure),
            Some(_) => {}
        }
    }
    Series { years, missing }
}

/// This year, last year and the actual of `subject` in `plan`.
fn figures(plan: &Plan, subject: Subject) -> (Money, Option<Money>, Option<Money>) {
    match subject {
        Subject::Whole => plan.series_totals(),
        Subject::Line(r) => {
            let l = plan.line(r);
            (l.budget, l.facts.and_then(|f| f.last_year), l.facts.and_then(|f| f.actual))
        }
    }
}

/// The series of `subject` of `editions[base]` across every edition: each other edition's
/// line is found through its alignment with the base.
pub fn line_series(editions: &[Edition], base: usize, alignments: &[&Alignment], subject: Subject) -> Series {
    let subjects: Vec<Option<Subject>> =
        (0..editions.len()).map(|e| if e == base { Some(subject) } else { alignments.get(e).and_then(|a| a.subject(subject)) }).collect();
    series(editions, &subjects)
}

#[cfg(test)]
mod tests;
