//! The lines of a what-changed view as a table: name (a line with lines under it opens
//! them, a leaf opens its page), this year, last year, the change in 千元 and %, the flags
//! and the agency's explanation. Long views show their first rows and a button for the rest.

use super::Shown;
use crate::i18n::Lang;
use crate::routes::Address;
use crate::state::Data;
use leptos::prelude::*;
use plan_core::changes::{Flag, LineChange, Said};
use plan_core::TreeRef;

/// Rows built before "show all": a central book's bottom level has 2,000+.
const FIRST_ROWS: usize = 50;

#[component]
pub fn ChangesTable(
    lang: Lang,
    data: Data,
    shown: Shown,
    /// The other document's name, when its figures stand for last year's.
    other: Option<String>,
    under_link: impl Fn(u32) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let (this_head, other_head) = match other {
        Some(_) => (lang.pick("本文件", "This document"), lang.pick("比較文件", "Compared with")),
        None => (lang.pick("本年度", "This year"), lang.pick("上年度", "Last year")),
    };
    let all = RwSignal::new(false);
    let count = shown.order.len();
    let failed = RwSignal::new(false);
    let export = {
        let (data, shown) = (data.clone(), shown.clone());
        move |_| {
            let (data, shown) = (data.clone(), shown.clone());
            // The CSV writer is in the codec chunk, fetched at the latest on the click.
            leptos::task::spawn_local(async move {
                match crate::codec::load().await {
                    Some(c) => {
                        let csv = (c.changes_csv)(&data.plan, &shown.changes, &shown.order);
                        crate::download::text_file(&format!("{}-changes.csv", crate::components::downloads::stem(&data)), "text/csv", &csv);
                        failed.set(false);
                    }
                    None => failed.set(true),
                }
            });
        }
    };
    let under_link = std::sync::Arc::new(under_link);
    let rows = move || {
        let n = if all.get() { count } else { count.min(FIRST_ROWS) };
        shown.order[..n].iter().map(|i| row(lang, &data, &shown.changes[*i], &*under_link)).collect_view()
    };
    view! {
        <div class="table-scroll">
            <table data-testid="changes-table">
                <caption>{match lang {
                    Lang::Zh => format!("{count} 項（千元）"),
                    Lang::En => format!("{count} lines (NT$ thousand)"),
                }}</caption>
                <thead><tr>
                    <th scope="col">{lang.pick("科目", "Line")}</th>
                    <th scope="col" class="num">{this_head}</th>
                    <th scope="col" class="num">{other_head}</th>
                    <th scope="col" class="num">{lang.pick("增減", "Change")}</th>
                    <th scope="col" class="num">"%"</th>
                    <th scope="col">{lang.pick("說明與標記", "Explanation and flags")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {move || (!all.get() && count > FIRST_ROWS).then(|| view! {
            <button type="button" on:click=move |_| all.set(true)>{match lang {
                Lang::Zh => format!("顯示全部 {count} 項"),
                Lang::En => format!("Show all {count} lines"),
            }}</button>
        })}
        <p on:pointerover=|_| crate::codec::warm() on:focusin=|_| crate::codec::warm()>
            <button type="button" data-testid="changes-export" on:click=export>{lang.pick("下載這張表（CSV）", "Download this table (CSV)")}</button>
            <span role="status">{move || failed.get().then(|| view! { <span class="diag error">{lang.pick(
                "寫出檔案的程式沒有下載成功（可能是離線），請連上網路後再試一次。",
                "The code that writes the file did not download (offline?); try again once you are online.",
            )}</span> })}</span>
        </p>
    }
}

fn row(lang: Lang, data: &Data, c: &LineChange, under_link: &dyn Fn(u32) -> String) -> impl IntoView {
    let l = data.plan.line(c.node);
    // A line only the other document has (number 0) has no page in this one.
    let href = match c.node {
        TreeRef::Group(g) => Some(crate::routes::href_of(&under_link(g))),
        TreeRef::Programme(p) => Some(data.plan.programmes[p as usize].number).filter(|n| *n > 0).map(|n| Address::programme(n).href()),
    };
    let change = c.change.as_ref();
    let class = match change.map(|c| c.amount < plan_core::Money::ZERO) {
        Some(true) => "num cut",
        Some(false) => "num up",
        None => "num",
    };
    let explanation = l.facts.map(|f| f.explanation.clone()).unwrap_or_default();
    let parent = data.plan.parent_name(c.node).map(str::to_string);
    let flags: Vec<String> = c.flags.iter().map(|f| flag_text(lang, f)).collect();
    view! {
        <tr>
            <th scope="row">
                {match href {
                    Some(href) => view! { <a href=href>{l.name.to_string()}</a> }.into_any(),
                    None => view! { <span data-testid="changes-only-other">{l.name.to_string()}</span> }.into_any(),
                }}
                {parent.map(|p| view! { <span class="gloss">{p}</span> })}
            </th>
            <td class="num">{c.budget.fmt_thousands()}</td>
            <td class="num">{c.last_year.map(|m| m.fmt_thousands()).unwrap_or_else(|| "—".into())}</td>
            <td class=class>{change.map(|c| c.amount.fmt_change()).unwrap_or_else(|| "—".into())}</td>
            <td class=class>{change.map(|c| crate::components::book_line::percent(lang, c)).unwrap_or_else(|| "—".into())}</td>
            <td class="why">
                {flags.into_iter().map(|f| view! { <p class="flag" role="note">{f}</p> }).collect_view()}
                {explained(lang, explanation)}
            </td>
        </tr>
    }
}

/// The agency's explanation: a long one (an itemised 說明 runs to a dozen lines) opens from
/// its first words, so the table stays a table.
fn explained(lang: Lang, text: String) -> Option<AnyView> {
    const SHORT: usize = 60;
    if text.is_empty() {
        return None;
    }
    if text.chars().count() <= SHORT {
        return Some(view! { <p class="explanation">{text}</p> }.into_any());
    }
    let start: String = text.chars().take(SHORT - 20).collect();
    Some(
        view! {
            <details class="explanation">
                <summary>{start}"… "<span class="more">{lang.pick("（全文）", "(all)")}</span></summary>
                <p>{text}</p>
            </details>
        }
        .into_any(),
    )
}

/// A flag in the reader's language, with its evidence.
pub fn flag_text(lang: Lang, f: &Flag) -> String {
    let k = |m: &plan_core::Money| lang.money(*m);
    match (lang, f) {
        (Lang::Zh, Flag::StatedChange { stated, computed }) => format!("⚑ 預算書列的增減是 {}，但本年度減上年度是 {}", k(stated), k(computed)),
        (Lang::En, Flag::StatedChange { stated, computed }) => {
            format!("⚑ The book states a change of {}, but this year minus last year is {}", k(stated), k(computed))
        }
        (Lang::Zh, Flag::Explanation { said, says, figure }) => {
            let what = match said {
                Said::ThisYear => "本年度預算數",
                Said::LastYear => "上年度預算數",
                Said::Change => "增減",
            };
            format!("⚑ 說明寫{what}是 {}，但這一項的數字是 {}", k(says), k(figure))
        }
        (Lang::En, Flag::Explanation { said, says, figure }) => {
            let what = match said {
                Said::ThisYear => "this year's budget",
                Said::LastYear => "last year's budget",
                Said::Change => "the change",
            };
            format!("⚑ The explanation gives {what} as {}, but the line's figure is {}", k(says), k(figure))
        }
        (Lang::Zh, Flag::Unexplained { change }) => format!("⚑ 增減 {}，沒有說明", lang.money_change(*change)),
        (Lang::En, Flag::Unexplained { change }) => format!("⚑ A change of {} with no explanation", lang.money_change(*change)),
        (Lang::Zh, Flag::JustUnder { threshold, lines, across }) => {
            let whom = if *across { "全書同名的" } else { "同一上層下的" };
            format!("⚑ {whom} {lines} 項都略低於 {}（化整為零？）", k(threshold))
        }
        (Lang::En, Flag::JustUnder { threshold, lines, across }) => {
            let whom = if *across { "lines of this name across the book" } else { "lines under the same parent" };
            format!("⚑ One of {lines} {whom} just under {} (split to stay under a threshold?)", k(threshold))
        }
    }
}
