//! The agency's published PDF. Reading one takes a PDF library (lopdf, pdfplumber's text
//! layout, CJK CMaps) — more code than the rest of the site's first load — so it is a wasm
//! chunk of its own (`#[wasm_split]`), fetched only when the reader chooses a PDF.
//!
//! It is read in a Web Worker ([`worker`]): a 392-page book keeps a thread busy for four
//! seconds, and pdfplumber's own parse is one call of 0.3 s that no yielding can split. The
//! page only turns the worker's finished read back into values. Where a worker cannot start,
//! the page reads the PDF itself, one step a task, giving the browser a frame between steps.

mod worker;

use crate::codec::documents::Pending;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use plan_core::parser::Parsed;
use plan_core::pdf::{Limits, Opened, PdfOpening, PdfRead, Progress};
use plan_core::Plan;

/// Why a PDF was not read.
pub enum Unread {
    /// The reading code did not download (offline before the site was cached).
    Missing,
    /// The reader stopped with an error of its own (what the browser said).
    Stopped(String),
}

impl Unread {
    /// What the import page says, in the reader's language.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Unread::Missing => lang
                .pick(
                    "讀取 PDF 的程式沒有下載成功（離線？）。請連上網路後再試。",
                    "The code that reads PDFs did not download (offline?). Try again once online.",
                )
                .to_string(),
            Unread::Stopped(why) => match lang {
                crate::i18n::Lang::Zh => format!("讀取 PDF 的程式出錯而中止，沒有讀出任何數字：{why}"),
                crate::i18n::Lang::En => format!("The PDF reader stopped with an error and read no figures: {why}"),
            },
        }
    }
}

/// Told after each page.
type Told = Box<dyn Fn(Progress)>;

/// A read under way.
type Reading = Pending<Result<PdfRead, Unread>>;

/// The chunk's ways in. Everything that reads is called only through this table, so its
/// code (the worker's messages as much as the reader) stays out of the pages' first loads.
struct Reader {
    /// In the page: the PDF read, in a worker or else in the page.
    read: fn(Vec<u8>, String, Told) -> Reading,
    /// In the worker: the PDF read, and what it finds posted to the page.
    in_worker: fn(),
}

#[wasm_split(pdf, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reader() -> Result<Reader, SplitLoaderError> {
    Ok(Reader { read: |bytes, file_name, told| Box::pin(read_here(bytes, file_name, told)), in_worker: worker::serve })
}

/// In the PDF reader's worker, where `main` starts with no window: reads the request the
/// worker's script left, in the chunk ([`worker`] says how).
pub fn serve_worker() {
    wasm_bindgen_futures::spawn_local(async {
        match reader().await {
            Ok(reader) => (reader.in_worker)(),
            Err(_) => worker::post(&wasm_bindgen::JsValue::NULL),
        }
    });
}

/// True when the bytes are a PDF (`%PDF-` near the start; a name can lie), or are named
/// like one (a broken one is then reported as a PDF, not as odd text).
pub fn is_pdf(bytes: &[u8], file_name: &str) -> bool {
    plan_core::pdf::is_pdf(bytes) || plan_core::pdf::has_pdf_name(file_name)
}

/// Reads the PDF, telling `progress` after each page: in a worker, or else in the page.
pub async fn read(bytes: Vec<u8>, file_name: String, progress: impl Fn(Progress) + 'static) -> Result<PdfRead, Unread> {
    let reader = reader().await.map_err(|_| Unread::Missing)?;
    (reader.read)(bytes, file_name, Box::new(progress)).await
}

async fn read_here(bytes: Vec<u8>, file_name: String, told: Told) -> Result<PdfRead, Unread> {
    match worker::read(&bytes, &file_name, &*told).await {
        Ok(json) => return PdfRead::from_json(&json).map_err(Unread::Stopped),
        Err(worker::Failed::Missing) => return Err(Unread::Missing),
        Err(worker::Failed::Stopped(why)) => return Err(Unread::Stopped(why)),
        // Read here as before workers: slower to answer, the same read.
        Err(worker::Failed::Unavailable) => {}
    }
    Ok(in_page(bytes, &file_name, &*told).await)
}

/// Reads the PDF on the page's own thread, a step a task, yielding to the browser between.
async fn in_page(bytes: Vec<u8>, file_name: &str, told: &dyn Fn(Progress)) -> PdfRead {
    let mut opening = PdfOpening::new(bytes, file_name, Limits::default());
    let mut reader = loop {
        match opening.advance() {
            Ok(Opened::Opening(next)) => opening = next,
            Ok(Opened::Open(reader)) => break reader,
            Err(d) => return PdfRead { parsed: Parsed { plan: Plan::empty(), diagnostics: vec![d] }, text: String::new() },
        }
        next_frame().await;
    };
    while let Some(p) = reader.step() {
        told(p);
        next_frame().await;
    }
    reader.finish()
}

/// Resolves after the browser has had a chance to paint and handle input.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
