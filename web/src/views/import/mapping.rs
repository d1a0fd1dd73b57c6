//! A CSV's columns mapped to a plan: which columns are the classification levels
//! (款/項/目…, outermost first), which is the name, which the amount, and its unit. The
//! guess from the headers is a start; every change re-reads the table at once, and the
//! report below shows the result (leaf lines become programmes).

use super::report::{Report, Save};
use crate::i18n::Lang;
use leptos::prelude::*;
use plan_core::budget_csv::{self, Mapping, Table, Unit};
use plan_core::diagnostic::{Diagnostic, UnitEvidence};
use plan_core::parser::Parsed;
use plan_core::SourceFile;
use std::sync::Arc;

/// Rows shown in the preview of the raw table.
const PREVIEW_ROWS: usize = 5;

#[component]
pub fn MapColumns(lang: Lang, table: Arc<Table>, read: Arc<Vec<Diagnostic>>, origin: Arc<SourceFile>) -> impl IntoView {
    if budget_csv::is_export_csv(&table) {
        let parsed = Arc::new(with_read(budget_csv::from_export(&table), &read));
        return view! {
            <p>{lang.pick("這是本站匯出的計畫 CSV。", "This is a programmes CSV exported by this site.")}</p>
            <Report lang=lang parsed=parsed save=Save::PlanJson/>
        }
        .into_any();
    }
    let mapping = RwSignal::new(budget_csv::guess_mapping(&table));
    let t = table.clone();
    // Every line's provenance is its row: the table as text, row N on line N.
    let text: Arc<str> = Arc::from(table.as_text());
    // A table with no title block is called by its file's name (pasted text has none: the
    // name the reader keeps it under stands in).
    let title =
        if table.title.is_empty() { origin.file_name.rsplit_once('.').map_or(origin.file_name.as_str(), |(stem, _)| stem).to_string() } else { String::new() };
    let headers = table.headers.clone();
    let options = move |selected: Option<usize>| {
        headers.iter().enumerate().map(|(i, h)| view! { <option value=i.to_string() selected=selected == Some(i)>{h.clone()}</option> }).collect_view()
    };
    let levels = (0..table.headers.len())
        .map(|i| {
            let id = format!("level-{i}");
            let label = table.headers[i].clone();
            view! {
                <span class="check">
                    <input type="checkbox" id=id.clone() prop:checked=move || mapping.with(|m| m.levels.contains(&i)) on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        mapping.update(|m| {
                            m.levels.retain(|l| *l != i);
                            if on { m.levels.push(i); plan_core::order::sort(&mut m.levels); }
                        });
                    }/>
                    <label for=id>{label}</label>
                </span>
            }
        })
        .collect_view();
    let pick = |value: String| value.parse::<usize>().ok();
    let preview = table
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| {
            view! {
                <tr><td>{r.line}</td>{r.cells.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
            }
        })
        .collect_view();
    let (opts_name, opts_amount) = (options.clone(), options);
    view! {
        <section class="mapping" data-testid="mapping">
            <h2>{lang.pick("對應欄位", "Map the columns")}</h2>
            <p>{match lang {
                Lang::Zh => format!("共 {} 列、{} 欄。最末層（沒有下層的列）會成為計畫。", table.rows.len(), table.headers.len()),
                Lang::En => format!("{} rows, {} columns. The leaf lines (rows with nothing below them) become programmes.", table.rows.len(), table.headers.len()),
            }}</p>
            <fieldset>
                <legend>{lang.pick("分類層級（由大到小）", "Classification levels (outermost first)")}</legend>
                {levels}
            </fieldset>
            <label for="map-name">{lang.pick("名稱欄", "Name column")}</label>
            <select id="map-name" on:change=move |ev| mapping.update(|m| m.name = pick(event_target_value(&ev)))>
                <option value="">{lang.pick("（用最末層）", "(use the last level)")}</option>
                {move || opts_name(mapping.with(|m| m.name))}
            </select>
            <label for="map-amount">{lang.pick("金額欄", "Amount column")}</label>
            <select id="map-amount" on:change=move |ev| mapping.update(|m| m.amount = pick(event_target_value(&ev)))>
                <option value="">{lang.pick("（請選擇）", "(choose)")}</option>
                {move || opts_amount(mapping.with(|m| m.amount))}
            </select>
            <fieldset class="unit">
                <legend>{lang.pick("金額單位", "Unit of the amounts")}</legend>
                <input type="radio" id="unit-yuan" name="unit" prop:checked=move || mapping.with(|m| m.unit == Unit::Yuan) on:change=move |_| mapping.update(|m| choose(m, Unit::Yuan))/>
                <label for="unit-yuan">{lang.pick("元", "NT$ (元)")}</label>
                <input type="radio" id="unit-thousand" name="unit" prop:checked=move || mapping.with(|m| m.unit == Unit::Thousand) on:change=move |_| mapping.update(|m| choose(m, Unit::Thousand))/>
                <label for="unit-thousand">{lang.pick("千元", "NT$ thousand (千元)")}</label>
            </fieldset>
            <div class="table-scroll">
                <table class="raw">
                    <caption>{lang.pick("原始資料（前幾列）", "The table as read (first rows)")}</caption>
                    <thead><tr><th scope="col">{lang.pick("行", "Line")}</th>{table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>{preview}</tbody>
                </table>
            </div>
        </section>
        <UnitAssumed lang=lang mapping=mapping/>
        {move || {
            let mut parsed = with_read(budget_csv::to_plan(&t, &mapping.get(), &title), &read);
            parsed.plan.source = Some((*origin).clone());
            view! { <Report lang=lang parsed=Arc::new(parsed) save=Save::Document(text.clone())/> }
        }}
    }
    .into_any()
}

/// How the file was read (its encoding) goes first in the report.
fn with_read(mut parsed: Parsed, read: &[Diagnostic]) -> Parsed {
    parsed.diagnostics.splice(0..0, read.iter().cloned());
    parsed
}

/// The reader's choice of unit: it settles a split guess (nothing is kept before it).
fn choose(m: &mut Mapping, unit: Unit) {
    m.unit = unit;
    m.unit_chosen = true;
}

/// Where the evidence is split, both readings with their totals, and nothing kept until the
/// reader picks one.
#[component]
fn UnitChoice(lang: Lang, mapping: RwSignal<Mapping>, as_thousand: plan_core::Money, as_yuan: plan_core::Money) -> impl IntoView {
    let option = move |unit: Unit, total: plan_core::Money| {
        let label = match (lang, unit) {
            (Lang::Zh, Unit::Thousand) => format!("以千元讀：合計 {}", lang.money(total)),
            (Lang::Zh, Unit::Yuan) => format!("以元讀：合計 {}", lang.money(total)),
            (Lang::En, Unit::Thousand) => format!("Read in NT$ thousand: total {}", lang.money(total)),
            (Lang::En, Unit::Yuan) => format!("Read in NT$: total {}", lang.money(total)),
        };
        view! { <button type="button" data-testid=if unit == Unit::Yuan { "unit-choose-yuan" } else { "unit-choose-thousand" } on:click=move |_| mapping.update(|m| choose(m, unit))>{label}</button> }
    };
    view! {
        <div class="diag error" role="alert" data-testid="unit-choice">
            <p>{lang.pick(
                "這份表格的單位無法確定：表上沒寫，金額的大小兩種讀法都說得通。讀錯會差一千倍，請選擇單位；選定之前不會保存。",
                "This table's unit cannot be told: it is not written, and the amounts make sense either way. A wrong unit is a thousandfold error: choose one; nothing is kept before you do.",
            )}</p>
            {option(Unit::Thousand, as_thousand)}" "{option(Unit::Yuan, as_yuan)}
        </div>
    }
}

/// A unit the table does not state is a guess, and a wrong one is a thousandfold error:
/// say what was assumed beside the figures, with the other unit one click away.
#[component]
fn UnitAssumed(lang: Lang, mapping: RwSignal<Mapping>) -> impl IntoView {
    move || {
        let m = mapping.get();
        let guess = m.unit_guess.filter(|g| !matches!(g.evidence, UnitEvidence::Stated | UnitEvidence::Explained { .. } | UnitEvidence::Convention))?;
        if let (UnitEvidence::Split { as_thousand, as_yuan }, false) = (guess.evidence, m.unit_chosen) {
            return Some(view! { <UnitChoice lang=lang mapping=mapping as_thousand=as_thousand as_yuan=as_yuan/> }.into_any());
        }
        let name = |u: Unit| match u {
            Unit::Yuan => lang.pick("元", "NT$ (元)"),
            Unit::Thousand => lang.pick("千元", "NT$ thousand (千元)"),
        };
        let (now, other) = (m.unit, m.unit.other());
        let why = match (lang, guess.evidence, now == guess.unit) {
            (_, _, false) => match lang {
                Lang::Zh => format!("金額改以「{}」讀取（原本推測為「{}」）。", name(now), name(guess.unit)),
                Lang::En => format!("Amounts are now read in {} (the guess was {}).", name(now), name(guess.unit)),
            },
            (Lang::Zh, UnitEvidence::Magnitude { median }, _) => {
                format!("表格沒有寫單位。一般項目的金額約為 {}，所以推測為「{}」。", median.fmt_thousands(), name(now))
            }
            (Lang::En, UnitEvidence::Magnitude { median }, _) => {
                format!("The table does not state its unit. A typical line is {}, so {} is assumed.", median.fmt_thousands(), name(now))
            }
            (Lang::Zh, UnitEvidence::Implausible { total }, _) => {
                format!("表格沒有寫單位。若以千元讀，合計將是 {} 千元，超過中央政府總預算十倍，所以讀為「{}」。", total.fmt_thousands(), name(now))
            }
            (Lang::En, UnitEvidence::Implausible { total }, _) => format!(
                "The table does not state its unit. Read in NT$ thousand, it would total {} thousand, over ten times the central government's budget, so {} is assumed.",
                total.fmt_thousands(),
                name(now)
            ),
            (Lang::Zh, UnitEvidence::Split { .. }, _) => format!("你選擇以「{}」讀取。", name(now)),
            (Lang::En, UnitEvidence::Split { .. }, _) => format!("You chose to read the amounts in {}.", name(now)),
            (Lang::Zh, _, _) => format!("表格沒有寫單位，金額的大小也看不出來，所以假設為「{}」。", name(now)),
            (Lang::En, _, _) => format!("The table does not state its unit and its amounts do not tell, so {} is assumed.", name(now)),
        };
        let label = match lang {
            Lang::Zh => format!("改用「{}」", name(other)),
            Lang::En => format!("Read in {} instead", name(other)),
        };
        Some(
            view! {
                <p class="diag warning" role="status" data-testid="unit-assumed">
                    {why}" "
                    <button type="button" on:click=move |_| mapping.update(|m| choose(m, m.unit.other()))>{label}</button>
                </p>
            }
            .into_any(),
        )
    }
}
