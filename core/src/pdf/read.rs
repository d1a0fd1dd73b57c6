//! Reading a PDF page by page, so a caller can report progress (or yield to the browser's
//! event loop) between pages: [`PdfReader::open`], [`PdfReader::step`] until it returns
//! `None`, [`PdfReader::finish`]. [`read_pdf`] does all three.

use super::guard::{self, Limits};
use super::source::{PageContent, PageSource, Problem};
use super::{document, plumber};
use crate::diagnostic::{Diagnostic, Finding};
use crate::parser::Parsed;
use crate::plan::Plan;

/// A PDF read: the plan with its findings, and the document's text, line by line, which
/// the plan's spans point into (a programme page shows its source lines from it).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdfRead {
    pub parsed: Parsed,
    pub text: String,
}

impl PdfRead {
    /// The read as one JSON text: how the site's reading worker hands it to the page (the
    /// two do not share memory). [`PdfRead::from_json`] gives back an equal read.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a PdfRead always serialises")
    }

    pub fn from_json(text: &str) -> Result<PdfRead, String> {
        serde_json::from_str(text).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))
    }
}

/// How far reading has got, for a progress message: `page` of `pages` done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub page: usize,
    pub pages: usize,
}

/// Reads a PDF's bytes; `file_name` is recorded in the plan's provenance.
pub fn read_pdf(bytes: &[u8], file_name: &str) -> PdfRead {
    read_pdf_with(bytes, file_name, &Limits::default(), &mut |_| {})
}

/// [`read_pdf`] with explicit bounds, telling `progress` after each page.
pub fn read_pdf_with(bytes: &[u8], file_name: &str, limits: &Limits, progress: &mut dyn FnMut(Progress)) -> PdfRead {
    match PdfReader::open(bytes, file_name, *limits) {
        Ok(mut r) => {
            while let Some(p) = r.step() {
                progress(p);
            }
            r.finish()
        }
        Err(d) => PdfRead { parsed: Parsed { plan: Plan::empty(), diagnostics: vec![d] }, text: String::new() },
    }
}

/// Reads any [`PageSource`] (the swap point: another PDF library, or made-up pages).
pub fn read_source(doc: Box<dyn PageSource>, limits: Limits, progress: &mut dyn FnMut(Progress)) -> PdfRead {
    let mut r = PdfReader::over(doc, limits, String::new(), String::new());
    while let Some(p) = r.step() {
        progress(p);
    }
    r.finish()
}

/// A PDF being read, one page a [`step`](PdfReader::step).
pub struct PdfReader {
    doc: Box<dyn PageSource>,
    limits: Limits,
    file_name: String,
    sha256: String,
    contents: Vec<PageContent>,
    glyphs: usize,
    images: usize,
    diags: Vec<Diagnostic>,
    /// Set when reading must stop: the whole read is this finding.
    stopped: Option<Finding>,
}

/// A PDF being opened in four steps, each a separate task for a caller that yields
/// between them: 內政部's 392-page book takes 88 ms to check, then lopdf's parse, then its
/// fonts mended and its structure tree dropped (461 ms for the two), then 411 ms for
/// pdfplumber's own parse (natively, at the site's size-optimised settings).
pub struct PdfOpening {
    bytes: Vec<u8>,
    file_name: String,
    limits: Limits,
    stage: Stage,
}

enum Stage {
    Check,
    Parse { sha256: String },
    Prepare { sha256: String, loaded: Box<plumber::Loaded> },
    Open { sha256: String, mended: plumber::Mended },
}

/// What one step of opening gives.
pub enum Opened {
    Opening(PdfOpening),
    Open(PdfReader),
}

impl PdfOpening {
    pub fn new(bytes: Vec<u8>, file_name: &str, limits: Limits) -> PdfOpening {
        PdfOpening { bytes, file_name: file_name.to_string(), limits, stage: Stage::Check }
    }

    /// The next step; `Err` is the one (error) diagnostic that says why it cannot be opened.
    pub fn advance(self) -> Result<Opened, Diagnostic> {
        let PdfOpening { bytes, file_name, limits, stage } = self;
        let stage = match stage {
            Stage::Check => {
                guard::precheck(&bytes, &limits).map_err(|r| Diagnostic::error(None, refusal(r)))?;
                Stage::Parse { sha256: crate::span::sha256_hex(&bytes) }
            }
            Stage::Parse { sha256 } => Stage::Prepare { sha256, loaded: plumber::Loaded::of(&bytes).map(Box::new).map_err(|p| Diagnostic::error(None, finding_of(p)))? },
            Stage::Prepare { sha256, loaded } => Stage::Open { sha256, mended: plumber::Mended::of(*loaded).map_err(|p| Diagnostic::error(None, finding_of(p)))? },
            Stage::Open { sha256, mended } => {
                let doc = plumber::Plumber::open_mended(&bytes, mended, &limits).map_err(|p| Diagnostic::error(None, finding_of(p)))?;
                return Ok(Opened::Open(PdfReader::over(Box::new(doc), limits, file_name, sha256)));
            }
        };
        Ok(Opened::Opening(PdfOpening { bytes, file_name, limits, stage }))
    }
}

fn refusal(r: guard::Refusal) -> Finding {
    match r {
        guard::Refusal::TooLarge { bytes, max } => Finding::PdfTooLarge { bytes, max },
        guard::Refusal::NotPdf => Finding::NotPdf,
        guard::Refusal::TooManyObjects { count, max } => Finding::PdfTooComplex { detail: format!("more than {max} objects ({count} counted)") },
        guard::Refusal::Inflates { max } => Finding::PdfTooComplex { detail: format!("a compressed stream unpacks to more than {} MB", max >> 20) },
    }
}

impl PdfReader {
    /// Checks the bytes and opens the document; a PDF that cannot be opened is the `Err`:
    /// the one (error) diagnostic that says why. [`PdfOpening`] does the same in steps.
    pub fn open(bytes: &[u8], file_name: &str, limits: Limits) -> Result<PdfReader, Diagnostic> {
        let mut opening = PdfOpening::new(bytes.to_vec(), file_name, limits);
        loop {
            match opening.advance()? {
                Opened::Opening(next) => opening = next,
                Opened::Open(reader) => return Ok(reader),
            }
        }
    }

    fn over(doc: Box<dyn PageSource>, limits: Limits, file_name: String, sha256: String) -> PdfReader {
        let count = doc.page_count();
        let stopped = (count > limits.pages).then(|| Finding::PdfTooComplex { detail: format!("{count} pages; at most {} are read", limits.pages) });
        PdfReader { doc, limits, file_name, sha256, contents: Vec::new(), glyphs: 0, images: 0, diags: Vec::new(), stopped }
    }

    pub fn pages(&self) -> usize {
        self.doc.page_count()
    }

    /// Reads the next page; `None` when every page is read or reading has stopped.
    pub fn step(&mut self) -> Option<Progress> {
        let (i, pages) = (self.contents.len(), self.pages());
        if self.stopped.is_some() || i >= pages {
            return None;
        }
        match self.doc.page(i) {
            Ok(c) => {
                for u in &c.undecodable {
                    let finding = Finding::PdfUndecodableFont {
                        font: u.font.clone(),
                        glyphs: u.glyphs,
                        reason: u.reason.clone().unwrap_or_else(|| "its codes map to no character".into()),
                        page_skipped: u.page_skipped,
                    };
                    self.diags.push(Diagnostic { page: Some(i as u32 + 1), ..Diagnostic::warning(None, finding) });
                }
                self.glyphs = self.glyphs.saturating_add(c.glyphs.len());
                self.images = self.images.saturating_add(c.images);
                self.contents.push(c);
            }
            Err(Problem::Broken(detail)) => {
                self.diags.push(Diagnostic { page: Some(i as u32 + 1), ..Diagnostic::error(None, Finding::BadPdf { detail }) });
                self.contents.push(PageContent::default());
            }
            Err(p) => self.stopped = Some(finding_of(p)),
        }
        if self.glyphs > self.limits.glyphs {
            self.stopped = Some(Finding::PdfTooComplex { detail: format!("more than {} characters", self.limits.glyphs) });
        }
        Some(Progress { page: i + 1, pages })
    }

    /// The plan from the pages read.
    pub fn finish(mut self) -> PdfRead {
        while self.stopped.is_none() && self.step().is_some() {}
        if let Some(f) = self.stopped {
            return failed(f);
        }
        let pages = self.contents.len();
        if pages == 0 {
            return failed(Finding::BadPdf { detail: "it has no pages".into() });
        }
        if self.glyphs == 0 {
            // Text in fonts that cannot be decoded is not "no text": those findings say
            // which pages and fonts, and they are the errors now.
            let undecodable: Vec<Diagnostic> = self
                .diags
                .into_iter()
                .filter(|d| matches!(d.finding, Finding::PdfUndecodableFont { .. }))
                .map(|d| Diagnostic { severity: crate::Severity::Error, ..d })
                .collect();
            if !undecodable.is_empty() {
                return PdfRead { parsed: Parsed { plan: Plan::empty(), diagnostics: undecodable }, text: String::new() };
            }
            return failed(Finding::PdfNoText { pages, images: self.images });
        }
        let mut read = document::assemble(self.contents, self.diags);
        if let Some(s) = read.parsed.plan.source.as_mut() {
            s.file_name = self.file_name;
            s.sha256 = self.sha256;
        }
        read
    }
}


fn finding_of(p: Problem) -> Finding {
    match p {
        Problem::Encrypted => Finding::PdfEncrypted,
        Problem::Broken(detail) => Finding::BadPdf { detail },
        Problem::TooComplex(detail) => Finding::PdfTooComplex { detail },
    }
}

fn failed(finding: Finding) -> PdfRead {
    PdfRead { parsed: Parsed { plan: Plan::empty(), diagnostics: vec![Diagnostic::error(None, finding)] }, text: String::new() }
}
