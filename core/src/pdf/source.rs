//! What the reader needs from a PDF library, so the library can be swapped: per page, the
//! glyphs with their boxes and the ruling lines. Coordinates are PDF points with the origin
//! at the page's top left, y growing downwards.

/// One glyph (or a short run the library keeps together) as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    /// The font size as drawn (after scaling), in points.
    pub size: f64,
}

/// A straight ruling segment: a table border, a cell's edge, an underline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
}

impl Rule {
    /// Thinner than this across is a line, not a filled box.
    const THIN: f64 = 2.5;

    pub fn is_vertical(&self) -> bool {
        (self.x1 - self.x0).abs() <= Self::THIN && (self.bottom - self.top) > Self::THIN
    }
    pub fn is_horizontal(&self) -> bool {
        (self.bottom - self.top).abs() <= Self::THIN && (self.x1 - self.x0) > Self::THIN
    }
    pub fn x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    pub fn y(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageContent {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Images drawn on the page: a page of images and no glyphs is a scan.
    pub images: usize,
    /// Glyphs that could not be decoded to characters, by font; they are not in `glyphs`.
    pub undecodable: Vec<Undecodable>,
}

/// A page's glyphs in one font whose characters cannot be known.
#[derive(Debug, Clone, PartialEq)]
pub struct Undecodable {
    pub font: String,
    pub glyphs: usize,
    /// Why, when the font was refused as a whole; else its glyphs decoded to no character.
    pub reason: Option<String>,
    /// So many that none of the page's glyphs were kept (its text would be half read).
    pub page_skipped: bool,
}

/// Why a document or a page could not be read. The reader turns each into a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Encrypted,
    /// Broken or not a PDF; what the library said.
    Broken(String),
    /// A bound was reached (objects, stream bytes, nesting, pages); which one.
    TooComplex(String),
}

/// A PDF opened by some library.
pub trait PageSource {
    fn page_count(&self) -> usize;
    /// Page `index` (0-based).
    fn page(&self, index: usize) -> Result<PageContent, Problem>;
}
