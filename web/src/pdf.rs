//! The agency's published PDF. Reading one takes a PDF library (lopdf, pdfplumber's text
//! layout, CJK CMaps) — more code than the rest of the site's first load — so it is a wasm
//! chunk of its own (`#[wasm_split]`), fetched only when the reader chooses a PDF.
//!
//! The chunk hands back a reader that reads one page per call, and the import page gives
//! the browser a frame between pages: the progress message updates and the page answers
//! input while a long document is read.

use leptos::wasm_split::{wasm_split, SplitLoaderError};
use plan_core::parser::Parsed;
use plan_core::pdf::{Limits, PdfRead, PdfReader, Progress};
use plan_core::{Diagnostic, Plan};

/// A PDF being read, page by page; its code lives in the chunk.
pub trait Reading {
    /// Reads the next page; `None` once every page is read (or reading stopped).
    fn step(&mut self) -> Option<Progress>;
    /// The plan from the pages read.
    fn finish(self: Box<Self>) -> PdfRead;
}

impl Reading for PdfReader {
    fn step(&mut self) -> Option<Progress> {
        PdfReader::step(self)
    }

    fn finish(self: Box<Self>) -> PdfRead {
        PdfReader::finish(*self)
    }
}

/// The document opened, or why it cannot be (its one finding).
type Opened = Result<Box<dyn Reading>, Diagnostic>;

#[wasm_split(pdf, wasm_split_path = ::leptos::wasm_split, fallible)]
fn open_in_chunk(bytes: Vec<u8>, file_name: String) -> Result<Opened, SplitLoaderError> {
    Ok(PdfReader::open(&bytes, &file_name, Limits::default()).map(|r| Box::new(r) as Box<dyn Reading>))
}

/// True when the bytes are a PDF (`%PDF-` near the start; a name can lie), or are named
/// like one (a broken one is then reported as a PDF, not as odd text).
pub fn is_pdf(bytes: &[u8], file_name: &str) -> bool {
    plan_core::pdf::is_pdf(bytes) || plan_core::pdf::has_pdf_name(file_name)
}

/// Reads the PDF, telling `progress` after each page and yielding to the browser between
/// pages. `None` when the reading code itself did not download (offline before the site
/// was cached).
pub async fn read(bytes: Vec<u8>, file_name: String, progress: impl Fn(Progress)) -> Option<PdfRead> {
    let mut reading = match open_in_chunk(bytes, file_name).await.ok()? {
        Ok(reading) => reading,
        Err(d) => return Some(PdfRead { parsed: Parsed { plan: Plan::empty(), diagnostics: vec![d] }, text: String::new() }),
    };
    while let Some(p) = reading.step() {
        progress(p);
        next_frame().await;
    }
    Some(reading.finish())
}

/// Resolves after the browser has had a chance to paint and handle input.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
