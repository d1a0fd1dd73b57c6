//! The agency's published PDF read into the same [`Plan`] as its text: glyphs with their
//! positions from a PDF library behind [`PageSource`], grouped into text lines
//! ([`lines`]), page furniture set aside ([`furniture`]), the budget table rebuilt from the
//! header's column bands ([`header`], [`table`]) and read by the shared rows reader; the
//! running text above the table (title, 壹, 貳) goes to the text parser. One plan, the
//! same checks and findings, whichever way it came in.
//!
//! Provenance: lines are numbered through the whole document (so spans index the text
//! [`PdfRead::text`] gives, one PDF text line per line, a form feed before each page);
//! findings name the page and the line within the page, as a reader counts it.
//!
//! Fonts: before the library opens a document, `fonts.rs` puts the fonts Taiwanese agencies
//! use (CID fonts on the CNS UTF-16 and Big5 CMaps, Identity-H subsets with no ToUnicode)
//! into terms it reads right, and refuses hostile or unreadable ones by name; a page whose
//! glyphs cannot be decoded is reported with its font (`pdf-undecodable-font`).
//!
//! Telling a PDF ([`is_pdf`]) is always compiled; reading one needs the `pdf` feature.

/// Marks each item as needing the `pdf` feature (one attribute for the reader's modules).
macro_rules! with_the_reader {
    ($($item:item)*) => { $( #[cfg(feature = "pdf")] $item )* };
}

with_the_reader! {
    mod book;
    mod document;
    mod fonts;
    mod furniture;
    mod guard;
    mod header;
    mod lines;
    mod normalise;
    mod plumber;
    mod read;
    pub mod source;
    mod symbol;
    mod table;
    mod truetype;
    mod unified;
    pub use guard::Limits;
    /// The reader's fold of one glyph's text (Kangxi radicals, full-width digits …), so
    /// another extractor's text can be compared with [`PdfRead::text`].
    pub use normalise::glyph as fold_glyph;
    pub use read::{read_pdf, read_pdf_with, read_source, Opened, PdfOpening, PdfRead, PdfReader, Progress};
    pub use source::{Glyph, PageContent, PageSource, Problem, Rule, Undecodable};
}

/// The largest file read: a 施政計畫 is a few MB at most.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// `%PDF-` in the first KB (the standard allows leading junk, and some servers add it).
/// Always compiled, so a build without the reader can still tell a PDF and fetch it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// True for a file name a PDF usually has.
pub fn has_pdf_name(file_name: &str) -> bool {
    file_name.to_lowercase().ends_with(".pdf")
}
