//! Try another plan: paste its text, choose or drop a file (.txt in the standard layout or
//! canonical .json). `plan-core` reads it in the browser; the page shows every diagnostic
//! with its line, and a preview of the figures when nothing is wrong. Nothing is stored and
//! nothing leaves the browser; the text is only ever shown as text.

use crate::components::funding_bar::{kind_segments, FundingBar};
use crate::i18n::Lang;
use crate::state::use_ui;
use leptos::prelude::*;
use plan_core::parser::{read_any, Parsed};
use plan_core::summary::summarise;
use plan_core::Severity;
use wasm_bindgen::JsCast;

/// Larger files are refused before reading: a plan's text is tens of kilobytes.
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Clone)]
enum Outcome {
    Refused(String),
    Read(std::sync::Arc<Parsed>),
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let ui = use_ui();
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let read_bytes = move |bytes: Vec<u8>| outcome.set(Some(Outcome::Read(std::sync::Arc::new(read_any(&bytes)))));
    let read_file = move |file: web_sys::File| {
        let lang = ui.lang.get_untracked();
        if file.size() > MAX_BYTES {
            let mb = (file.size() / 1024.0 / 1024.0).round();
            outcome.set(Some(Outcome::Refused(match lang {
                Lang::Zh => format!("檔案太大（{mb} MB）：上限為 20 MB。施政計畫的文字通常只有數十 KB。"),
                Lang::En => format!("The file is too large ({mb} MB): the limit is 20 MB. A plan's text is usually tens of kilobytes."),
            })));
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => read_bytes(js_sys::Uint8Array::new(&buf).to_vec()),
                Err(_) => outcome.set(Some(Outcome::Refused(lang.pick("無法讀取這個檔案。", "This file could not be read.").to_string()))),
            }
        });
    };
    move || {
        let lang = ui.lang.get();
        view! {
            <section class="page import">
                <h1>{lang.pick("匯入其他計畫（預覽）", "Try another plan (preview)")}</h1>
                <p class="lede">{lang.pick(
                    "貼上施政計畫的文字，或選擇／拖放 .txt 或 .json 檔。解析完全在你的瀏覽器中進行，不會上傳、也不會儲存。",
                    "Paste a plan's text, or choose or drop a .txt or .json file. It is read entirely in your browser: nothing is uploaded or stored.",
                )}</p>
                <div
                    class="drop"
                    on:dragover=move |ev| ev.prevent_default()
                    on:drop=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        if let Some(f) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) { read_file(f) }
                    }
                >
                    <label for="import-text">{lang.pick("計畫文字", "Plan text")}</label>
                    <textarea id="import-text" rows="8" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <button type="button" on:click=move |_| read_bytes(text.get_untracked().into_bytes())>{lang.pick("解析", "Read")}</button>
                    <label for="import-file">{lang.pick("或選擇檔案", "or choose a file")}</label>
                    <input id="import-file" type="file" accept=".txt,.json,text/plain,application/json" on:change=move |ev| {
                        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        if let Some(f) = input.and_then(|i| i.files()).and_then(|l| l.get(0)) { read_file(f) }
                    }/>
                </div>
                <div data-testid="import-result" aria-live="polite">
                    {move || outcome.get().map(|o| match o {
                        Outcome::Refused(msg) => view! { <p class="diag error">{msg}</p> }.into_any(),
                        Outcome::Read(parsed) => view! { <Report lang=lang parsed=parsed/> }.into_any(),
                    })}
                </div>
            </section>
        }
    }
}

#[component]
fn Report(lang: Lang, parsed: std::sync::Arc<Parsed>) -> impl IntoView {
    let errors = parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let headline = match (lang, errors, parsed.diagnostics.len()) {
        (Lang::Zh, 0, 0) => "讀取成功，沒有任何問題。".to_string(),
        (Lang::En, 0, 0) => "Read without any problem.".to_string(),
        (Lang::Zh, 0, n) => format!("讀取成功，有 {n} 則警告。"),
        (Lang::En, 0, n) => format!("Read, with {n} warnings."),
        (Lang::Zh, e, n) => format!("無法採用：{e} 個錯誤（共 {n} 則）。請修正後再試。"),
        (Lang::En, e, n) => format!("Not usable: {e} errors ({n} findings). Fix them and try again."),
    };
    let diags = parsed.diagnostics.iter().map(|d| {
        let sev = match d.severity {
            Severity::Error => lang.pick("錯誤", "Error"),
            Severity::Warning => lang.pick("警告", "Warning"),
            Severity::Info => lang.pick("提示", "Note"),
        };
        let at = d.line.map(|l| match lang { Lang::Zh => format!("第 {l} 行"), Lang::En => format!("line {l}") }).unwrap_or_default();
        let class = format!("diag {}", match d.severity { Severity::Error => "error", Severity::Warning => "warning", Severity::Info => "info" });
        view! { <li class=class><strong>{sev}</strong>" "{at}"："<span>{d.message.clone()}</span>" "<code>{d.code.clone()}</code></li> }
    }).collect_view();
    let preview = (errors == 0 && !parsed.plan.programmes.is_empty()).then(|| {
        let plan = &parsed.plan;
        let s = summarise(plan, None);
        let segments = kind_segments(&s, lang);
        let rows = plan.programmes.iter().zip(&s.programmes).map(|(p, f)| view! {
            <tr><td>{p.number}</td><th scope="row">{p.name.clone()}</th><td class="num">{p.budget.fmt_thousands()}</td><td class="num">{format!("{}%", f.share)}</td></tr>
        }).collect_view();
        view! {
            <h2>{plan.title.clone()}</h2>
            <dl class="facts">
                <div><dt>{lang.pick("總預算", "Total budget")}</dt><dd data-testid="import-total">{lang.money(s.total)}</dd><dd class="sub">{lang.money_short(s.total)}</dd></div>
                <div><dt>{lang.pick("計畫數", "Programmes")}</dt><dd>{plan.programmes.len()}</dd></div>
                <div><dt>{lang.pick("目標／策略", "Goals / strategies")}</dt><dd>{format!("{} / {}", plan.goals.len(), plan.strategy_count())}</dd></div>
            </dl>
            <FundingBar lang=lang caption=lang.pick("經費來源（依類別）", "Funding by kind").to_string() segments=segments/>
            <table>
                <thead><tr><th scope="col">{lang.pick("編號", "No.")}</th><th scope="col">{lang.pick("計畫", "Programme")}</th><th scope="col" class="num">{lang.pick("預算（千元）", "NT$ thousand")}</th><th scope="col" class="num">{lang.pick("占比", "Share")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    view! {
        <p class="headline" data-testid="import-headline">{headline}</p>
        <ul class="diagnostics" data-testid="import-diagnostics">{diags}</ul>
        {preview}
    }
}
