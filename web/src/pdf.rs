//! The agency's published PDF. Reading one takes a PDF library (lopdf, pdfplumber's text
//! layout, CJK CMaps) — more code than the rest of the site's first load — so it is a wasm
//! chunk of its own (`#[wasm_split]`), fetched only when the reader chooses a PDF.
//!
//! The chunk hands back the document being opened, one step a call, then a reader that
//! reads one page per call, and the import page gives the browser a frame between steps: the progress message updates and the page answers
//! input while a long document is read.

use leptos::wasm_split::{wasm_split, SplitLoaderError};
use plan_core::parser::Parsed;
use plan_core::pdf::{Limits, Opened, PdfOpening, PdfRead, PdfReader, Progress};
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

/// A PDF being opened, one step a call (checked, its fonts mended, laid out): a large book's
/// opening is three tasks, not one.
pub trait Opening {
    /// The next step, or why the document cannot be opened (its one finding).
    fn advance(self: Box<Self>) -> Result<Step, Diagnostic>;
}

pub enum Step {
    Opening(Box<dyn Opening>),
    Open(Box<dyn Reading>),
}

impl Opening for PdfOpening {
    fn advance(self: Box<Self>) -> Result<Step, Diagnostic> {
        Ok(match PdfOpening::advance(*self)? {
            Opened::Opening(next) => Step::Opening(Box::new(next)),
            Opened::Open(reader) => Step::Open(Box::new(reader)),
        })
    }
}

#[wasm_split(pdf, wasm_split_path = ::leptos::wasm_split, fallible)]
fn open_in_chunk(bytes: Vec<u8>, file_name: String) -> Result<Box<dyn Opening>, SplitLoaderError> {
    Ok(Box::new(PdfOpening::new(bytes, &file_name, Limits::default())))
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
    let mut opening = open_in_chunk(bytes, file_name).await.ok()?;
    let mut reading = loop {
        match opening.advance() {
            Ok(Step::Opening(next)) => opening = next,
            Ok(Step::Open(reading)) => break reading,
            Err(d) => return Some(PdfRead { parsed: Parsed { plan: Plan::empty(), diagnostics: vec![d] }, text: String::new() }),
        }
        next_frame().await;
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
