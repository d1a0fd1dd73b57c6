//! Many documents at once: a folder's worth of files, or a backup of a whole library. Each
//! is read in turn, with its own progress and outcome — ready to keep, needing a choice
//! (a spreadsheet's sheet, a table whose unit is not written: opened on its own, where the
//! choice is made), or refused with its reason — and one bad file never stops the others.
//! The reader then keeps every one that read cleanly in one step.

use super::{recognise, Input};
use crate::i18n::{findings, Lang, Said};
use crate::routes::Page;
use crate::state::use_ui;
use crate::store::annotations::UserData;
use crate::store::library::{NewDocument, BUNDLED};
use crate::store::{use_store, StoreError};
use leptos::prelude::*;
use plan_core::budget_csv::{self, Table};
use plan_core::diagnostic::UnitEvidence;
use plan_core::library_backup::{BundledNotes, LibraryBackup};
use plan_core::parser::{read_text_or_json, Parsed};
use plan_core::{Money, Severity};
use std::sync::Arc;

/// One document of the batch and what became of it.
#[derive(Clone)]
pub struct Item {
    pub name: String,
    pub outcome: RwSignal<Outcome>,
}

#[derive(Clone)]
pub enum Outcome {
    Waiting,
    Reading(String),
    Ready(Arc<Ready>),
    /// It reads, but a choice must be made first; the bytes are kept to open it on its own.
    Choose {
        why: String,
        bytes: Arc<Vec<u8>>,
    },
    Refused(Said),
    Kept(Arc<Ready>),
    NotKept(StoreError),
}

#[derive(Clone)]
pub struct Ready {
    pub document: NewDocument,
    pub total: Money,
    pub count: usize,
    pub warnings: usize,
}

impl Item {
    pub fn waiting(name: String) -> Item {
        Item { name, outcome: RwSignal::new(Outcome::Waiting) }
    }
}

/// What a file's bytes become, read the way a single file is (`super::recognise`, the PDF
/// and spreadsheet chunks).
pub async fn read(bytes: Vec<u8>, name: &str, lang: Lang, progress: impl Fn(String) + 'static) -> Outcome {
    if crate::pdf::is_pdf(&bytes, name) {
        let shown = move |p: plan_core::pdf::Progress| {
            progress(match lang {
                Lang::Zh => format!("第 {} 頁，共 {} 頁", p.page, p.pages),
                Lang::En => format!("page {} of {}", p.page, p.pages),
            })
        };
        return match crate::pdf::read(bytes, name.to_string(), shown).await {
            Ok(read) => from_parsed(&read.parsed, name, |plan| (plan.to_json(), Some(read.text.clone()), None)),
            Err(unread) => Outcome::Refused(Said::new(|lang| unread.message(lang))),
        };
    }
    if crate::spreadsheet::is_spreadsheet(&bytes, name) {
        let shared = Arc::new(bytes);
        return match crate::spreadsheet::read(shared.to_vec(), name.to_string()).await {
            Ok(sheets) => {
                let tables: Vec<_> = sheets.into_iter().filter_map(|s| s.table.filter(|t| !t.rows.is_empty())).collect();
                match tables.as_slice() {
                    [table] => from_table(table, name, lang, shared),
                    [] => Outcome::Refused(Said::new(|lang| lang.pick("這個試算表沒有可讀的表格。", "This spreadsheet has no table to read.").to_string())),
                    _ => Outcome::Choose {
                        why: lang.pick("有多個工作表：請選擇一個。", "It has several sheets: choose one.").to_string(), bytes: shared
                    },
                }
            }
            Err(Some(d)) => Outcome::Refused(Said::new(|lang| findings::message(lang, &d.finding))),
            Err(None) => Outcome::Refused(Said::new(|lang| {
                lang.pick("讀取試算表的程式沒有下載成功（離線？）。", "The code that reads spreadsheets did not download (offline?).").to_string()
            })),
        };
    }
    let shared = Arc::new(bytes);
    match recognise(&shared, name) {
        Input::Plan { parsed, source } => from_parsed(&parsed, name, |_| (source.to_string(), None, None)),
        Input::Bundle { parsed, bundle } => from_parsed(&parsed, &bundle.name, |_| {
            (bundle.source.clone(), bundle.text.clone(), Some(UserData { annotations: bundle.annotations.clone(), scenario: bundle.scenario.clone() }))
        }),
        Input::Table { table, .. } => from_table(&table, name, lang, shared),
        Input::Refused(why) => Outcome::Refused(why),
        // Neither a PDF nor a spreadsheet comes here; a library backup is expanded first.
        Input::Sheets(..) | Input::Pdf { .. } | Input::Library(_) => {
            Outcome::Choose { why: lang.pick("請單獨開啟這個檔案。", "Open this file on its own.").to_string(), bytes: shared }
        }
    }
}

/// A table is kept in a batch only when its unit is written or certain: a guessed unit is a
/// possible thousandfold error, for the reader to confirm on its own page.
fn from_table(table: &Table, name: &str, lang: Lang, bytes: Arc<Vec<u8>>) -> Outcome {
    if budget_csv::is_export_csv(table) {
        return from_parsed(&budget_csv::from_export(table), name, |plan| (plan.to_json(), None, None));
    }
    let mapping = budget_csv::guess_mapping(table);
    let certain = mapping.unit_guess.is_none_or(|g| matches!(g.evidence, UnitEvidence::Stated | UnitEvidence::Explained { .. } | UnitEvidence::Convention));
    if mapping.amount.is_none() || !certain {
        let why = match mapping.amount {
            None => lang.pick("找不到金額欄：請對應欄位。", "No amount column found: map the columns."),
            Some(_) => lang.pick("表上沒寫金額單位：請確認是元或千元。", "The table does not state its unit: confirm 元 or 千元."),
        };
        return Outcome::Choose { why: why.to_string(), bytes };
    }
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let title = if table.title.is_empty() { stem } else { "" };
    let mut parsed = budget_csv::to_plan(table, &mapping, title);
    parsed.plan.source = Some(super::origin(&bytes, name, "csv"));
    let text = table.as_text();
    from_parsed(&parsed, name, |plan| (plan.to_json(), Some(text.clone()), None))
}

/// A document read: ready to keep when it has no error and something to show.
fn from_parsed(parsed: &Parsed, name: &str, kept: impl FnOnce(&plan_core::Plan) -> (String, Option<String>, Option<UserData>)) -> Outcome {
    let plan = &parsed.plan;
    if let Some(d) = parsed.diagnostics.iter().find(|d| d.severity == Severity::Error) {
        let errors = parsed.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        return Outcome::Refused(Said::new(|lang| {
            let (place, message) = (findings::place(lang, d), findings::message(lang, &d.finding));
            match (lang, place.is_empty()) {
                (Lang::Zh, true) => format!("{errors} 個錯誤，第一個：{message}"),
                (Lang::Zh, false) => format!("{errors} 個錯誤，第一個在{place}：{message}"),
                (Lang::En, true) => format!("{errors} errors; the first: {message}"),
                (Lang::En, false) => format!("{errors} errors; the first, at {place}: {message}"),
            }
        }));
    }
    if !plan.has_budget() && plan.goals.is_empty() {
        return Outcome::Refused(Said::new(|lang| lang.pick("讀不到預算表，也沒有目標。", "No budget table and no goals were found.").to_string()));
    }
    let title = if plan.title.is_empty() { name.rsplit_once('.').map_or(name, |(s, _)| s).to_string() } else { plan.title.clone() };
    let (source, text, user) = kept(plan);
    let warnings = parsed.diagnostics.iter().filter(|d| d.severity == plan_core::Severity::Warning).count();
    Outcome::Ready(Arc::new(Ready { total: plan.total(), count: plan.programmes.len(), warnings, document: NewDocument::of(plan, &title, source, text, user) }))
}

/// A library backup's documents, each read again from its source as any backup is.
pub fn from_library(backup: &LibraryBackup) -> Vec<Item> {
    backup
        .documents
        .iter()
        .map(|b| {
            let parsed = read_text_or_json(b.source.as_bytes());
            let user = UserData { annotations: b.annotations.clone(), scenario: b.scenario.clone() };
            let mut outcome = from_parsed(&parsed, &b.name, |_| (b.source.clone(), b.text.clone(), Some(user)));
            // The name the reader gave it, not the document's title.
            if let Outcome::Ready(r) = &mut outcome {
                Arc::make_mut(r).document.name = b.name.clone();
            }
            Item { name: b.name.clone(), outcome: RwSignal::new(outcome) }
        })
        .collect()
}

/// The batch's table of outcomes, with one button to keep every document that is ready.
#[component]
pub fn Batch(items: Vec<Item>, bundled: Option<BundledNotes>, open_one: Callback<(Vec<u8>, String)>) -> impl IntoView {
    let lang = use_ui().lang;
    let store = use_store();
    let summary = RwSignal::new(None::<String>);
    let list = StoredValue::new(items.clone());
    let bundled = StoredValue::new(bundled);
    let keep_all = move |_| {
        leptos::task::spawn_local(async move {
            let lang = lang.get_untracked();
            let (mut kept, mut full) = (0usize, None::<StoreError>);
            for item in list.get_value() {
                let Outcome::Ready(ready) = item.outcome.get_untracked() else { continue };
                if let Some(e) = &full {
                    item.outcome.set(Outcome::NotKept(e.clone()));
                    continue;
                }
                match store.add_plan(ready.document.clone()).await {
                    Ok(_) => {
                        kept += 1;
                        item.outcome.set(Outcome::Kept(ready));
                    }
                    Err(e) => {
                        // A full disk stops the rest (each would fail the same way).
                        if e == StoreError::Full {
                            full = Some(e.clone());
                        }
                        item.outcome.set(Outcome::NotKept(e));
                    }
                }
            }
            let bundled_note = match bundled.get_value() {
                Some(notes) if !notes.is_empty() => restore_bundled(store, notes, lang).await,
                _ => String::new(),
            };
            summary.set(Some(match lang {
                Lang::Zh => format!("已保存 {kept} 份。{bundled_note}"),
                Lang::En => format!("{kept} kept. {bundled_note}"),
            }));
        });
    };
    let ready = move || list.with_value(|l| l.iter().filter(|i| matches!(i.outcome.get(), Outcome::Ready(_))).count());
    let rows = items.into_iter().map(|item| view! { <Row item=item open_one=open_one/> }).collect_view();
    view! {
        <section class="batch" data-testid="batch">
            <table>
                <caption>{move || lang.get().pick("逐一讀取的文件", "The documents, read one by one")}</caption>
                <thead><tr>
                    <th scope="col">{move || lang.get().pick("文件", "Document")}</th>
                    <th scope="col">{move || lang.get().pick("結果", "Outcome")}</th>
                    <th scope="col" class="num">{move || lang.get().pick("總額（千元）", "Total (NT$ thousand)")}</th>
                    <th scope="col" class="num">{move || lang.get().pick("項數", "Lines")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <button type="button" class="primary" data-testid="batch-keep" prop:disabled=move || ready() == 0 on:click=keep_all>
                {move || match lang.get() {
                    Lang::Zh => format!("保存全部 {} 份可讀取的文件", ready()),
                    Lang::En => format!("Keep all {} documents that read cleanly", ready()),
                }}
            </button>
            <p role="status" data-testid="batch-summary">
                {move || summary.get()}" "
                {move || summary.get().map(|_| view! { <a href=Page::Library.href()>{lang.get().pick("到我的計畫 →", "To My plans →")}</a> })}
            </p>
        </section>
    }
}

/// The bundled plan's notes from a library backup: restored where this browser has none,
/// never written over notes the reader has here. Says which it did.
async fn restore_bundled(store: crate::store::Store, notes: BundledNotes, lang: Lang) -> String {
    let mut restored = false;
    let result = store
        .update_user_data(BUNDLED.to_string(), |d| {
            if d.annotations.is_empty() && d.scenario.is_none() {
                *d = UserData { annotations: notes.annotations, scenario: notes.scenario };
                restored = true;
            }
        })
        .await;
    match (result, restored) {
        (Err(e), _) => e.message(lang),
        (Ok(()), true) => lang.pick("內建計畫的筆記也已還原。", "The bundled plan's notes are restored too.").to_string(),
        (Ok(()), false) => lang
            .pick(
                "這個瀏覽器已有內建計畫的筆記，保留原樣，沒有用備份的覆蓋。",
                "This browser already has notes on the bundled plan: they are kept, not replaced by the backup's.",
            )
            .to_string(),
    }
}

#[component]
fn Row(item: Item, open_one: Callback<(Vec<u8>, String)>) -> impl IntoView {
    let lang = use_ui().lang;
    let name = item.name.clone();
    let outcome = item.outcome;
    let state = move || match outcome.get() {
        Outcome::Waiting => "waiting",
        Outcome::Reading(_) => "reading",
        Outcome::Ready(_) => "ready",
        Outcome::Choose { .. } => "choose",
        Outcome::Refused(_) => "refused",
        Outcome::Kept(_) => "kept",
        Outcome::NotKept(_) => "not-kept",
    };
    let said = move || {
        let lang = lang.get();
        match outcome.get() {
            Outcome::Waiting => view! { <span>{lang.pick("等待中", "Waiting")}</span> }.into_any(),
            Outcome::Reading(at) => view! { <span>{lang.pick("讀取中… ", "Reading… ")}{at}</span> }.into_any(),
            Outcome::Ready(r) => view! { <span>{match (lang, r.warnings) {
                (Lang::Zh, 0) => "可以保存".to_string(),
                (Lang::En, 0) => "Ready to keep".to_string(),
                (Lang::Zh, n) => format!("可以保存（{n} 則警告）"),
                (Lang::En, n) => format!("Ready to keep ({n} warnings)"),
            }}</span> }
            .into_any(),
            Outcome::Choose { why, bytes } => {
                let name = name.clone();
                view! {
                    <span class="diag warning">{lang.pick("需要選擇：", "Needs a choice: ")}{why}</span>" "
                    <button type="button" on:click=move |_| open_one.run((bytes.to_vec(), name.clone()))>{lang.pick("單獨開啟", "Open it on its own")}</button>
                }
                .into_any()
            }
            Outcome::Refused(why) => view! { <span class="diag error">{lang.pick("無法採用：", "Refused: ")}{why.pick(lang)}</span> }.into_any(),
            Outcome::Kept(_) => view! { <span>{lang.pick("已保存", "Kept")}</span> }.into_any(),
            Outcome::NotKept(e) => view! { <span class="diag error">{lang.pick("沒有保存：", "Not kept: ")}{e.message(lang)}</span> }.into_any(),
        }
    };
    let figures = move || match outcome.get() {
        Outcome::Ready(r) | Outcome::Kept(r) => (r.total.fmt_thousands(), r.count.to_string()),
        _ => (String::new(), String::new()),
    };
    view! {
        <tr data-testid="batch-item" data-state=state>
            <th scope="row">{item.name.clone()}</th>
            <td>{said}</td>
            <td class="num">{move || figures().0}</td>
            <td class="num">{move || figures().1}</td>
        </tr>
    }
}
