//! What `plan-core` made of an input: every diagnostic with its line, a preview of the
//! figures, and — when there is no error — a name and a button to keep it in the library.

use crate::components::funding_bar::{kind_segments, FundingBar};
use crate::i18n::{findings, Lang};
use crate::routes::{Address, Page};
use crate::store::annotations::UserData;
use crate::store::library::NewDocument;
use crate::store::{use_store, StoreError};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use plan_core::annotations::Bundle;
use plan_core::parser::Parsed;
use plan_core::summary::summarise;
use plan_core::Severity;
use std::sync::Arc;

/// Programmes listed in the preview; the rest are counted.
const PREVIEW_ROWS: usize = 50;

/// What is stored when the user keeps the plan.
#[derive(Clone)]
pub enum Save {
    /// The plan text or canonical JSON.
    Source(Arc<str>),
    /// The plan itself (read from a budget CSV), written as canonical JSON only when kept,
    /// not on every change of the column mapping.
    PlanJson,
    /// A backup: its plan source, and its notes, links and scenario restored with it.
    Bundle(Arc<Bundle>),
    /// A document read into a plan (a PDF, a budget book's table): the plan as canonical
    /// JSON (the file is not kept; its name and hash are in the JSON), with the document's
    /// text, line by line or row by row, that its spans point into.
    Document(Arc<str>),
}

impl Save {
    /// What the library keeps of the plan read, under the name the reader gave it.
    pub fn document(&self, plan: &plan_core::Plan, name: &str) -> NewDocument {
        let (source, text, user) = match self {
            Save::Source(s) => (s.to_string(), None, None),
            Save::PlanJson => (plan.to_json(), None, None),
            Save::Document(text) => (plan.to_json(), Some(text.to_string()), None),
            Save::Bundle(b) => (b.source.clone(), b.text.clone(), Some(UserData { annotations: b.annotations.clone(), scenario: b.scenario.clone() })),
        };
        NewDocument::of(plan, name, source, text, user)
    }
}

#[component]
pub fn Report(lang: Lang, parsed: Arc<Parsed>, save: Save) -> impl IntoView {
    let count = |s: Severity| parsed.diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, notes) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    // Notes (what was read as what: the pages of a book, the unit) are no problem to count as one.
    let headline = match (lang, errors, warnings, notes) {
        (Lang::Zh, 0, 0, 0) => "讀取成功，沒有任何問題。".to_string(),
        (Lang::En, 0, 0, 0) => "Read without any problem.".to_string(),
        (Lang::Zh, 0, 0, n) => format!("讀取成功，沒有問題（{n} 則提示）。"),
        (Lang::En, 0, 0, n) => format!("Read without a problem ({n} notes)."),
        (Lang::Zh, 0, w, n) => format!("讀取成功，有 {w} 則警告（另有 {n} 則提示）。"),
        (Lang::En, 0, w, n) => format!("Read, with {w} warnings (and {n} notes)."),
        (Lang::Zh, e, _, _) => format!("無法採用：{e} 個錯誤（共 {} 則）。請修正後再試。", parsed.diagnostics.len()),
        (Lang::En, e, _, _) => format!("Not usable: {e} errors ({} findings). Fix them and try again.", parsed.diagnostics.len()),
    };
    let diags = parsed.diagnostics.iter().map(|d| {
        let class = format!("diag {}", d.severity.as_str());
        let at = findings::place(lang, d);
        view! { <li class=class><strong>{findings::severity(lang, d.severity)}</strong>" "{at}{lang.pick("：", ": ")}<span>{findings::message(lang, &d.finding)}</span>" "<code>{d.code()}</code></li> }
    }).collect_view();
    let preview = (errors == 0 && !parsed.plan.programmes.is_empty()).then(|| {
        let plan = &parsed.plan;
        let s = summarise(plan, None);
        let segments = kind_segments(&s, lang);
        let more = plan.programmes.len().saturating_sub(PREVIEW_ROWS);
        let rows = plan.programmes.iter().zip(&s.programmes).take(PREVIEW_ROWS).map(|(p, f)| view! {
            <tr><td>{p.number}</td><th scope="row">{p.name.clone()}</th><td class="num">{p.budget.fmt_thousands()}</td><td class="num">{format!("{}%", f.share)}</td></tr>
        }).collect_view();
        view! {
            <h2>{shown_title(lang, plan)}</h2>
            <dl class="facts">
                <div><dt>{lang.pick("總預算", "Total budget")}</dt><dd data-testid="import-total">{lang.money(s.total)}</dd><dd class="sub">{lang.money_short(s.total)}</dd></div>
                <div><dt>{lang.pick("計畫數", "Programmes")}</dt><dd data-testid="import-count">{plan.programmes.len()}</dd></div>
                {plan.kind.is_plan().then(|| view! { <div><dt>{lang.pick("目標／策略", "Goals / strategies")}</dt><dd>{format!("{} / {}", plan.goals.len(), plan.strategy_count())}</dd></div> })}
                {plan.source.as_ref().map(|f| view! {
                    <div data-testid="import-source">
                        <dt>{lang.pick("來源文件", "Source document")}</dt>
                        <dd>{let f = &plan_core::SourceFile { file_name: if f.file_name.is_empty() { lang.pick("貼上的文字", "pasted text").to_string() } else { f.file_name.clone() }, ..f.clone() }; match (lang, &f.sheet) {
                            (_, _) if f.pages > 0 => match lang {
                                Lang::Zh => format!("{}（{}，{} 頁）", f.file_name, f.format.to_ascii_uppercase(), f.pages),
                                Lang::En => format!("{} ({}, {} pages)", f.file_name, f.format.to_ascii_uppercase(), f.pages),
                            },
                            (Lang::Zh, Some(sheet)) => format!("{}（{}，工作表「{sheet}」）", f.file_name, f.format.to_ascii_uppercase()),
                            (Lang::En, Some(sheet)) => format!("{} ({}, sheet “{sheet}”)", f.file_name, f.format.to_ascii_uppercase()),
                            (Lang::Zh, None) => format!("{}（{}）", f.file_name, f.format.to_ascii_uppercase()),
                            (Lang::En, None) => format!("{} ({})", f.file_name, f.format.to_ascii_uppercase()),
                        }}</dd>
                        <dd class="sub" title="SHA-256">{f.sha256.get(..12).unwrap_or_default().to_string()}</dd>
                    </div>
                })}
            </dl>
            // A budget book names no funding sources: no mix to show.
            {plan.kind.is_plan().then(|| view! { <FundingBar lang=lang caption=lang.pick("經費來源（依類別）", "Funding by kind").to_string() segments=segments/> })}
            <table>
                <thead><tr><th scope="col">{lang.pick("編號", "No.")}</th><th scope="col">{lang.pick("計畫", "Programme")}</th><th scope="col" class="num">{lang.pick("預算（千元）", "NT$ thousand")}</th><th scope="col" class="num">{lang.pick("占比", "Share")}</th></tr></thead>
                <tbody>{rows}</tbody>
                {(more > 0).then(|| view! { <tfoot><tr><td colspan="4">{match lang {
                    Lang::Zh => format!("……還有 {more} 項，存入後可在計畫列表中查看。"),
                    Lang::En => format!("…and {more} more, all in the programme table once kept."),
                }}</td></tr></tfoot> })}
            </table>
        }
    });
    // A partial plan (goals without a budget table) is worth keeping: it opens on its goals.
    let partial = (errors == 0 && !parsed.plan.has_budget() && !parsed.plan.goals.is_empty()).then(|| view! {
        <h2>{shown_title(lang, &parsed.plan)}</h2>
        <dl class="facts">
            <div><dt>{lang.pick("目標／策略", "Goals / strategies")}</dt><dd data-testid="import-goals">{format!("{} / {}", parsed.plan.goals.len(), parsed.plan.strategy_count())}</dd></div>
            <div><dt>{lang.pick("總預算", "Total budget")}</dt><dd data-testid="import-total">{lang.pick("這份文件沒有預算", "No budget in this document")}</dd></div>
        </dl>
    });
    let keepable = errors == 0 && (parsed.plan.has_budget() || !parsed.plan.goals.is_empty());
    let keep = keepable.then(|| {
        let name = if parsed.plan.title.is_empty() { lang.pick("匯入的計畫", "Imported plan").to_string() } else { parsed.plan.title.clone() };
        view! { <Keep lang=lang name=name parsed=parsed.clone() save=save/> }
    });
    view! {
        <p class="headline" data-testid="import-headline">{headline}</p>
        <ul class="diagnostics" data-testid="import-diagnostics">{diags}</ul>
        {keep}
        {preview}
        {partial}
    }
}

/// The plan's title, or a stand-in for a table that has none.
fn shown_title(lang: Lang, plan: &plan_core::Plan) -> String {
    if plan.title.is_empty() {
        lang.pick("（沒有標題的計畫）", "(a plan without a title)").to_string()
    } else {
        plan.title.clone()
    }
}

/// Name the plan and keep it: stored in the library, then opened at its own address.
#[component]
fn Keep(lang: Lang, name: String, parsed: Arc<Parsed>, save: Save) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let draft = RwSignal::new(name);
    let failure = RwSignal::new(None::<StoreError>);
    let keep = move |_| {
        let name = draft.get_untracked();
        let name = if name.trim().is_empty() { lang.pick("匯入的計畫", "Imported plan").to_string() } else { name.trim().to_string() };
        let document = save.document(&parsed.plan, &name);
        let opens = if parsed.plan.has_budget() { Page::Overview } else { Page::Goals };
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match store.add_plan(document).await {
                Ok(id) => navigate(&Address::of_plan(&id, opens).path(), Default::default()),
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    view! {
        <div class="keep" data-testid="keep">
            <label for="keep-name">{lang.pick("名稱", "Name")}</label>
            <input id="keep-name" type="text" maxlength="200" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
            <button type="button" class="primary" on:click=keep>{lang.pick("存到我的計畫", "Keep in My plans")}</button>
            <p role="alert" data-testid="keep-error">{move || failure.get().map(|e| view! { <span class="diag error">{e.message(lang)}</span> })}</p>
        </div>
    }
}
