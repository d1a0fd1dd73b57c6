//! CSV exports, written with the `csv` crate so quoting is always right.

use crate::book::TreeRef;
use crate::funding::{programme_breakdown, FundingKind};
use crate::money::Money;
use crate::plan::Plan;
use crate::summary::Summary;

pub const PROGRAMMES_HEADER: [&str; 11] = [
    "number",
    "name",
    "budget_thousand_twd",
    "share_percent",
    "central_subsidy",
    "special_funds",
    "city_general",
    "funding_notes",
    "items",
    "first_line",
    "last_line",
];

/// One row per programme, amounts in 千元. Items are joined with ` | `.
pub fn programmes_csv(plan: &Plan, summary: &Summary) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(PROGRAMMES_HEADER).expect("in-memory write");
    for (p, f) in plan.programmes.iter().zip(&summary.programmes) {
        let kind = |k: FundingKind| -> Money { f.funding.iter().filter(|l| l.source.kind == k).map(|l| l.amount).sum() };
        let notes: Vec<String> = p.funding.iter().map(|n| format!("{} {}", n.source, n.amount.fmt_thousands())).collect();
        let items: Vec<&str> = p.items.iter().map(|i| i.text.as_str()).collect();
        w.write_record([
            p.number.to_string(),
            p.name.clone(),
            p.budget.0.to_string(),
            f.share.to_string(),
            kind(FundingKind::CentralSubsidy).0.to_string(),
            kind(FundingKind::SpecialFund).0.to_string(),
            kind(FundingKind::CityGeneral).0.to_string(),
            notes.join("; "),
            items.join(" | "),
            p.span.start.to_string(),
            p.span.end.to_string(),
        ])
        .expect("in-memory write");
    }
    finish(w)
}

pub const LINES_HEADER: [&str; 17] = [
    "level",
    "code",
    "name",
    "path",
    "leaf",
    "budget_thousand_twd",
    "current_thousand_twd",
    "capital_thousand_twd",
    "last_year_thousand_twd",
    "actual_thousand_twd",
    "stated_change_thousand_twd",
    "change_thousand_twd",
    "change_percent",
    "explanation",
    "first_line",
    "last_line",
    "kind",
];

/// A budget book's tree, one row per line, parents before their lines (depth first), with
/// every series the book gives; amounts in 千元. The `budget` of the rows with `leaf` true
/// adds up to the total; the others are subtotals, never to be added again.
pub fn lines_csv(plan: &Plan) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(LINES_HEADER).expect("in-memory write");
    let money = |m: Option<Money>| m.map(|m| m.0.to_string()).unwrap_or_default();
    let kind = |r: TreeRef| match r {
        TreeRef::Group(g) if plan.groups[g as usize].grouping => "grouping",
        TreeRef::Group(g) if !plan.groups[g as usize].stated => "implied",
        TreeRef::Group(_) => "subtotal",
        TreeRef::Programme(_) => "line",
    };
    let mut path: Vec<String> = Vec::new();
    for r in plan.tree().order() {
        let l = plan.line(r);
        let (span, facts) = (plan.span_of(r), l.facts);
        path.truncate(l.level as usize);
        let change = l.change();
        w.write_record([
            (l.level + 1).to_string(),
            l.code.unwrap_or("").to_string(),
            l.name.to_string(),
            path.join(" / "),
            matches!(r, TreeRef::Programme(_)).to_string(),
            l.budget.0.to_string(),
            money(facts.and_then(|f| f.current)),
            money(facts.and_then(|f| f.capital)),
            money(facts.and_then(|f| f.last_year)),
            money(facts.and_then(|f| f.actual)),
            money(facts.and_then(|f| f.stated_change)),
            money(change.as_ref().map(|c| c.amount)),
            change.and_then(|c| c.percent).map(|p| p.to_string()).unwrap_or_default(),
            facts.map(|f| f.explanation.clone()).unwrap_or_default(),
            span.start.to_string(),
            span.end.to_string(),
            kind(r).to_string(),
        ])
        .expect("in-memory write");
        path.push(l.name.to_string());
    }
    finish(w)
}

/// One row per (programme, funding source), the city general budget included as the
/// remainder, so the `amount` column sums to the plan total.
pub fn funding_lines_csv(plan: &Plan) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["programme_number", "programme_name", "source", "kind", "amount_thousand_twd", "amount_twd"]).expect("in-memory write");
    for p in &plan.programmes {
        for l in programme_breakdown(p) {
            w.write_record([
                p.number.to_string(),
                p.name.clone(),
                l.source.name.clone(),
                kind_code(l.source.kind).to_string(),
                l.amount.0.to_string(),
                l.amount.yuan().map(|y| y.normalize().to_string()).unwrap_or_default(),
            ])
            .expect("in-memory write");
        }
    }
    finish(w)
}

pub fn kind_code(k: FundingKind) -> &'static str {
    match k {
        FundingKind::CentralSubsidy => "central-subsidy",
        FundingKind::SpecialFund => "special-fund",
        FundingKind::CityGeneral => "city-general",
    }
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(w.into_inner().expect("in-memory flush")).expect("we wrote UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn funding_lines_sum_to_the_total_and_quote_commas() {
        let mut plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        plan.programmes[0].name = "a, \"quoted\" name".into();
        let text = funding_lines_csv(&plan);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let mut sum = Money::ZERO;
        let mut first_name = None;
        for rec in r.records() {
            let rec = rec.unwrap();
            first_name.get_or_insert(rec[1].to_string());
            sum += Money::parse(&rec[4]).unwrap();
        }
        assert_eq!(sum, plan.total());
        assert_eq!(first_name.unwrap(), "a, \"quoted\" name");
    }
}
