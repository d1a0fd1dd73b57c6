//! A budget book's figures for one line: this year, last year, what was actually spent,
//! the change (computed, and as the book states it) and the agency's explanation. A table,
//! so a screen reader and a reader who copies it get every figure with its heading.

use crate::i18n::Lang;
use leptos::prelude::*;
use plan_core::compare::Change;
use plan_core::{LineFacts, Money};

#[component]
pub fn BookFigures(lang: Lang, budget: Money, facts: LineFacts) -> impl IntoView {
    let cell = move |m: Option<Money>| m.map_or_else(|| lang.pick("—（書上未列）", "— (not given)").to_string(), |m| lang.money(m));
    let change = facts.last_year.map(|last| Change::between(last, budget));
    let computed = change.as_ref().map(|c| format!("{} ({})", lang.money_change(c.amount), percent(lang, c)));
    let mismatch = match (facts.stated_change, &change) {
        (Some(stated), Some(c)) => stated != c.amount,
        _ => false,
    };
    let rows: Vec<(&'static str, String, &'static str)> = [
        Some((lang.pick("本年度預算數", "This year's budget"), lang.money(budget), "book-this-year")),
        Some((lang.pick("上年度預算數", "Last year's budget"), cell(facts.last_year), "book-last-year")),
        Some((lang.pick("前年度決算數（實際支出）", "Spent the year before last (決算)"), cell(facts.actual), "book-actual")),
        computed.map(|c| (lang.pick("與上年度比較", "Change from last year"), c, "book-change")),
        facts.stated_change.map(|s| (lang.pick("書上所列增減", "Change as the book states it"), lang.money_change(s), "book-stated-change")),
        facts.current.map(|m| (lang.pick("其中經常門", "of which recurrent (經常門)"), lang.money(m), "book-current")),
        facts.capital.map(|m| (lang.pick("其中資本門", "of which capital (資本門)"), lang.money(m), "book-capital")),
    ]
    .into_iter()
    .flatten()
    .collect();
    view! {
        <table class="book-figures" data-testid="book-figures">
            <caption>{lang.pick("預算書所列數字（千元）", "The budget book's figures (NT$ thousand)")}</caption>
            <tbody>
                {rows.into_iter().map(|(head, value, id)| view! { <tr><th scope="row">{head}</th><td class="num" data-testid=id>{value}</td></tr> }).collect_view()}
            </tbody>
        </table>
        {mismatch.then(|| view! {
            <p class="diag warning" data-testid="book-change-mismatch">{lang.pick(
                "書上所列的增減，與本年度減上年度的結果不一致。",
                "The change the book states is not this year minus last year.",
            )}</p>
        })}
        {(!facts.explanation.is_empty()).then(|| view! {
            <h2>{lang.pick("說明（機關的理由）", "The agency's explanation (說明)")}</h2>
            <p class="explanation" lang="zh-Hant-TW" data-testid="book-explanation">{facts.explanation.clone()}</p>
        })}
    }
}

/// `+5.26%`, `−42.8%`, or "new" where last year was nothing.
pub fn percent(lang: Lang, c: &Change) -> String {
    match c.fmt_percent().as_str() {
        "new" => lang.pick("新增", "new").to_string(),
        other => other.to_string(),
    }
}
