//! Import a plan: paste its text, or choose or drop a file — the agency's published PDF,
//! plan text in the standard layout, canonical JSON, a backup bundle (plan + notes), the
//! programmes CSV this site exports, or any hierarchical budget CSV or spreadsheet (the
//! user maps its columns and picks the unit).
//! `plan-core` reads it in the browser; every diagnostic is shown with its line before
//! anything is saved, and only a plan without errors can be kept. The text is only ever
//! shown as text.

mod batch;
mod mapping;
mod report;
mod sheets;

use crate::i18n::{Lang, Said};
use crate::state::use_ui;
use leptos::prelude::*;
use plan_core::annotations::{looks_like_bundle, Bundle};
use plan_core::budget_csv::{self, Table};
use plan_core::decode::decode;
use plan_core::diagnostic::{Diagnostic, Finding};
use plan_core::library_backup::{looks_like_library, LibraryBackup};
use plan_core::parser::{read_text_or_json, Parsed};
use plan_core::SourceFile;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Larger files are refused before reading: a plan's text is tens of kilobytes, a city's
/// whole budget book a few megabytes.
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Pastes larger than this are read without being put in the text box.
const SHOW_AT_MOST: usize = 512 * 1024;

/// What the user brought, once recognised.
#[derive(Clone)]
pub enum Input {
    /// Plan text or canonical JSON: read as it is.
    Plan {
        parsed: Arc<Parsed>,
        source: Arc<str>,
    },
    /// A backup: the plan, plus notes and link corrections to restore with it.
    Bundle {
        parsed: Arc<Parsed>,
        bundle: Arc<Bundle>,
    },
    /// A CSV table, read once the columns are mapped; `read` says how the file was read
    /// (its encoding, when not UTF-8).
    Table {
        table: Arc<Table>,
        read: Arc<Vec<Diagnostic>>,
        origin: Arc<SourceFile>,
    },
    /// A spreadsheet's sheets, one of which the reader maps.
    Sheets(Arc<Vec<sheets::Sheet>>, Arc<SourceFile>),
    /// A PDF read into a plan; `text` is the document's text, line by line, which the
    /// plan's spans point into.
    Pdf {
        parsed: Arc<Parsed>,
        text: Arc<str>,
    },
    /// A backup of a whole library: its documents go through the batch.
    Library(Arc<LibraryBackup>),
    Refused(Said),
}

/// CSV, not plan text: the first line has at least two ASCII commas, tabs or semicolons
/// (plan text uses full-width punctuation).
fn looks_like_csv(text: &str, file_name: &str) -> bool {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return true;
    }
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    first.chars().filter(|c| matches!(c, ',' | '\t' | ';')).count() >= 2
}

fn recognise(bytes: &[u8], file_name: &str) -> Input {
    // Decoded once here to tell a bundle or a CSV from plan text; plan text is read from
    // the bytes (read_text_or_json decodes them the same way and reports the encoding).
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => return Input::Plan { parsed: Arc::new(Parsed { plan: plan_core::Plan::empty(), diagnostics: vec![e] }), source: Arc::from("") },
    };
    let text = &decoded.text;
    if looks_like_library(text) {
        return match LibraryBackup::from_json(text) {
            Ok(backup) => Input::Library(Arc::new(backup)),
            Err(e) => Input::Plan { parsed: Arc::new(error_only(Finding::BadBundle { detail: e })), source: Arc::from("") },
        };
    }
    if looks_like_bundle(text) {
        return match Bundle::from_json(text) {
            Ok(bundle) => Input::Bundle { parsed: Arc::new(read_text_or_json(bundle.source.as_bytes())), bundle: Arc::new(bundle) },
            Err(e) => Input::Plan { parsed: Arc::new(error_only(Finding::BadBundle { detail: e })), source: Arc::from("") },
        };
    }
    if looks_like_csv(text, file_name) {
        return match budget_csv::read_table(text) {
            Ok(table) => Input::Table {
                table: Arc::new(table),
                read: Arc::new(decoded.diagnostic().into_iter().collect()),
                origin: Arc::new(origin(bytes, file_name, "csv")),
            },
            Err(d) => Input::Plan { parsed: Arc::new(Parsed { plan: plan_core::Plan::empty(), diagnostics: vec![d] }), source: Arc::from("") },
        };
    }
    Input::Plan { parsed: Arc::new(read_text_or_json(bytes)), source: Arc::from(text.as_ref()) }
}

/// The file a table came from: its name (empty when pasted), its format (from its
/// name's extension, else `fallback`) and its SHA-256.
fn origin(bytes: &[u8], file_name: &str, fallback: &str) -> SourceFile {
    let format = file_name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).filter(|e| e.len() <= 4).unwrap_or_else(|| fallback.to_string());
    // Pasted text has no file name: the pages say "pasted text" in the reader's language.
    SourceFile::of_bytes(&format, file_name, bytes)
}

fn error_only(finding: Finding) -> Parsed {
    let detail = match &finding {
        Finding::BadBundle { detail } => detail.as_str(),
        _ => "",
    };
    let line = detail.strip_prefix("line ").and_then(|r| r.split(',').next()).and_then(|n| n.parse().ok());
    Parsed { plan: plan_core::Plan::empty(), diagnostics: vec![Diagnostic::error(line, finding)] }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let ui = use_ui();
    let input = RwSignal::new(None::<Input>);
    // Shown while a large input is read (the parse itself runs in one go).
    let busy = RwSignal::new(None::<String>);
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    // Several files (or a library backup): read one by one into a batch.
    let batch = RwSignal::new(None::<(Vec<batch::Item>, Option<plan_core::library_backup::BundledNotes>)>);
    let read = move |bytes: Vec<u8>, name: String| {
        let lang = ui.lang.get_untracked();
        let mb = crate::i18n::megabytes(bytes.len() as u64);
        busy.set(Some(match lang {
            Lang::Zh => format!("正在解析 {mb}…"),
            Lang::En => format!("Reading {mb}…"),
        }));
        input.set(None);
        batch.set(None);
        if crate::pdf::is_pdf(&bytes, &name) {
            busy.set(Some(lang.pick("正在讀取 PDF：重建每一頁的預算表…", "Reading the PDF: rebuilding the budget table from each page…").to_string()));
            leptos::task::spawn_local(async move {
                let progress = move |p: plan_core::pdf::Progress| {
                    busy.set(Some(match lang {
                        Lang::Zh => format!("正在讀取 PDF：第 {} 頁，共 {} 頁…", p.page, p.pages),
                        Lang::En => format!("Reading the PDF: page {} of {}…", p.page, p.pages),
                    }))
                };
                input.set(Some(match crate::pdf::read(bytes, name, progress).await {
                    Ok(read) => Input::Pdf { parsed: Arc::new(read.parsed), text: Arc::from(read.text) },
                    Err(unread) => Input::Refused(Said::new(|lang| unread.message(lang))),
                }));
                busy.set(None);
            });
            return;
        }
        if crate::spreadsheet::is_spreadsheet(&bytes, &name) {
            busy.set(Some(lang.pick("正在讀取試算表…", "Reading the spreadsheet…").to_string()));
            let file = Arc::new(origin(&bytes, &name, "xlsx"));
            leptos::task::spawn_local(async move {
                let read = crate::spreadsheet::read(bytes, name).await;
                // The workbook's cells are read; the table is mapped and read into lines in a
                // task of its own, so the page answers in between (a 25,000-row sheet: two
                // tasks of about 0.4 s rather than one of 0.8).
                busy.set(Some(lang.pick("正在讀取表格的每一列…", "Reading the table's rows…").to_string()));
                sleep(20).await;
                input.set(Some(match read {
                    Ok(list) => {
                        Input::Sheets(Arc::new(list.into_iter().map(|s| (s.name, s.table.filter(|t| !t.rows.is_empty()).map(Arc::new))).collect()), file)
                    }
                    Err(Some(d)) => Input::Plan { parsed: Arc::new(Parsed { plan: plan_core::Plan::empty(), diagnostics: vec![d] }), source: Arc::from("") },
                    Err(None) => Input::Refused(Said::new(|lang| {
                        lang.pick(
                            "讀取試算表的程式沒有下載成功（離線？）。請連上網路後再試。",
                            "The code that reads spreadsheets did not download (offline?). Try again once online.",
                        )
                        .to_string()
                    })),
                }));
                busy.set(None);
            });
            return;
        }
        // Let the message paint before the parse takes the thread.
        set_timeout(
            move || {
                match recognise(&bytes, &name) {
                    // A library backup: its documents become a batch.
                    Input::Library(backup) => {
                        let items = batch::from_library(&backup);
                        batch.set(Some((items, Some(backup.bundled.clone()))));
                    }
                    other => input.set(Some(other)),
                }
                busy.set(None);
            },
            std::time::Duration::from_millis(40),
        );
    };
    let read_many = move |files: Vec<web_sys::File>| {
        let lang = ui.lang.get_untracked();
        input.set(None);
        let items: Vec<batch::Item> = files.iter().map(|f| batch::Item::waiting(f.name())).collect();
        batch.set(Some((items.clone(), None)));
        leptos::task::spawn_local(async move {
            let count = files.len();
            for (n, (file, item)) in files.into_iter().zip(items).enumerate() {
                busy.set(Some(match lang {
                    Lang::Zh => format!("正在讀取第 {} 個檔案，共 {count} 個：{}", n + 1, item.name),
                    Lang::En => format!("Reading file {} of {count}: {}", n + 1, item.name),
                }));
                item.outcome.set(batch::Outcome::Reading(String::new()));
                let shown = item.outcome;
                let outcome = if file.size() > MAX_BYTES {
                    batch::Outcome::Refused(Said::new(|lang| too_large(lang, file.size())))
                } else {
                    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                        Ok(buf) => {
                            // Let the row's progress paint before a parse takes the thread.
                            sleep(20).await;
                            batch::read(js_sys::Uint8Array::new(&buf).to_vec(), &item.name, lang, move |at| shown.set(batch::Outcome::Reading(at))).await
                        }
                        Err(_) => batch::Outcome::Refused(Said::new(|lang| lang.pick("無法讀取這個檔案。", "This file could not be read.").to_string())),
                    }
                };
                item.outcome.set(outcome);
            }
            busy.set(None);
        });
    };
    let read_file = move |file: web_sys::File| {
        let lang = ui.lang.get_untracked();
        // What the last file made goes at once: nothing of it may pass for the new one's.
        batch.set(None);
        input.set(None);
        if file.size() > MAX_BYTES {
            input.set(Some(Input::Refused(Said::new(|lang| too_large(lang, file.size())))));
            return;
        }
        let name = file.name();
        busy.set(Some(lang.pick("正在讀取檔案…", "Loading the file…").to_string()));
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => read(js_sys::Uint8Array::new(&buf).to_vec(), name),
                Err(_) => {
                    busy.set(None);
                    input.set(Some(Input::Refused(Said::new(|lang| lang.pick("無法讀取這個檔案。", "This file could not be read.").to_string()))));
                }
            }
        });
    };
    // One file opens on its own (its choices made on the page); several go to the batch.
    let chosen = move |list: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        match files.len() {
            0 => {}
            1 => read_file(files.into_iter().next().expect("one file")),
            _ => read_many(files),
        }
    };
    let open_one = Callback::new(move |(bytes, name): (Vec<u8>, String)| {
        batch.set(None);
        read(bytes, name);
    });
    // Chromium, Firefox and Safari all read the folder picker's attribute under this name;
    // the view macro does not know it, so it is set on the element.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = folder.get() {
            let _ = el.set_attribute("webkitdirectory", "");
        }
    });
    move || {
        let lang = ui.lang.get();
        view! {
            <section class="page import">
                <h1>{lang.pick("匯入計畫", "Import a plan")}</h1>
                <p class="lede">{lang.pick(
                    "貼上施政計畫的文字，或選擇／拖放檔案：機關公布的施政計畫 PDF、施政計畫文字 (.txt)、JSON、本站的備份檔，或預算書 CSV、Excel、ODS 試算表（例如有款、項、目欄位的歲出預算表）。解析完全在你的瀏覽器中進行，不會上傳。",
                    "Paste a plan's text, or choose or drop a file: the agency's published PDF, plan text (.txt), JSON, a backup from this site, or a budget book as CSV, Excel or ODS (such as one with 款/項/目 columns). It is read entirely in your browser: nothing is uploaded.",
                )}</p>
                <div
                    class="drop"
                    data-testid="drop-zone"
                    on:dragover=move |ev| ev.prevent_default()
                    on:drop=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) { chosen(list) }
                    }
                >
                    <label for="import-text">{lang.pick("計畫文字或 CSV", "Plan text or CSV")}</label>
                    <textarea id="import-text" rows="8" node_ref=textarea on:paste=move |ev: web_sys::ClipboardEvent| {
                        // Laying out megabytes of text in a textarea takes the browser many
                        // seconds; a large paste is read directly and not shown.
                        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
                        if text.len() > SHOW_AT_MOST {
                            ev.prevent_default();
                            if let Some(t) = textarea.get_untracked() { t.set_value("") }
                            read(text.into_bytes(), String::new());
                        }
                    }></textarea>
                    <button type="button" on:click=move |_| {
                        if let Some(t) = textarea.get_untracked() { read(t.value().into_bytes(), String::new()) }
                    }>{lang.pick("解析", "Read")}</button>
                    <label for="import-file">{lang.pick("或選擇檔案", "or choose a file")}</label>
                    <input id="import-file" type="file" multiple accept=".pdf,.txt,.json,.csv,.tsv,.xlsx,.xls,.ods,application/pdf,text/plain,application/json,text/csv" on:change=move |ev| {
                        if let Some(list) = files_of(&ev) { chosen(list) }
                    }/>
                    <label for="import-folder">{lang.pick("或選擇整個資料夾", "or a whole folder")}</label>
                    <input id="import-folder" type="file" node_ref=folder on:change=move |ev| {
                        if let Some(list) = files_of(&ev) { chosen(list) }
                    }/>
                </div>
                <p role="status" class="busy" data-testid="import-busy">{move || busy.get()}</p>
                <div data-testid="import-result" aria-live="polite">
                    {move || input.get().map(|i| match i {
                        Input::Refused(said) => view! { <p class="diag error">{said.pick(lang)}</p> }.into_any(),
                        Input::Plan { parsed, source } => view! { <report::Report lang=lang parsed=parsed save=report::Save::Source(source)/> }.into_any(),
                        Input::Bundle { parsed, bundle } => view! { <report::Report lang=lang parsed=parsed save=report::Save::Bundle(bundle)/> }.into_any(),
                        Input::Table { table, read, origin } => view! { <mapping::MapColumns lang=lang table=table read=read origin=origin/> }.into_any(),
                        Input::Sheets(list, origin) => view! { <sheets::SheetPicker lang=lang sheets=list read=Arc::new(Vec::new()) origin=origin/> }.into_any(),
                        Input::Pdf { parsed, text } => view! { <report::Report lang=lang parsed=parsed save=report::Save::Document(text)/> }.into_any(),
                        Input::Library(_) => ().into_any(),
                    })}
                    {move || batch.get().map(|(items, bundled)| view! { <batch::Batch items=items bundled=bundled open_one=open_one/> })}
                </div>
            </section>
        }
    }
}

fn too_large(lang: Lang, bytes: f64) -> String {
    let mb = (bytes / 1024.0 / 1024.0).round();
    match lang {
        Lang::Zh => format!("檔案太大（{mb} MB）：上限為 20 MB。施政計畫的文字通常只有數十 KB。"),
        Lang::En => format!("The file is too large ({mb} MB): the limit is 20 MB. A plan's text is usually tens of kilobytes."),
    }
}

fn files_of(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.files())
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
