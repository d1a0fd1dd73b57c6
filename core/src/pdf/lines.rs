//! Glyphs into text lines: a page's glyphs grouped by their vertical position, top to
//! bottom, each line's glyphs left to right. A line is what a reader counts when told
//! "page 2, line 14".

use super::normalise;
use super::source::Glyph;

/// One text line of a page (its glyphs already normalised).
#[derive(Debug, Clone)]
pub struct TextLine {
    pub top: f64,
    pub bottom: f64,
    pub glyphs: Vec<Glyph>,
}

impl TextLine {
    pub fn text(&self) -> String {
        text_of(&self.glyphs)
    }
    pub fn size(&self) -> f64 {
        self.glyphs.iter().map(|g| g.size).fold(0.0, f64::max)
    }
}

fn middle(g: &Glyph) -> f64 {
    (g.top + g.bottom) / 2.0
}

/// Groups glyphs into lines. Two glyphs share a line when their vertical middles are
/// closer than half the smaller height (a superscript or a larger font on the same
/// baseline still does; the next line of a cell never does).
pub fn group(mut glyphs: Vec<Glyph>) -> Vec<TextLine> {
    for g in &mut glyphs {
        g.text = normalise::glyph(&g.text);
    }
    glyphs.retain(|g| !g.text.is_empty() && g.bottom > g.top);
    crate::order::sort_by(&mut glyphs, |a, b| middle(a).total_cmp(&middle(b)));
    let mut lines: Vec<TextLine> = Vec::new();
    let mut mids: Vec<f64> = Vec::new();
    for g in glyphs {
        let h = g.bottom - g.top;
        match (lines.last_mut(), mids.last()) {
            (Some(l), Some(&m)) if (middle(&g) - m).abs() < h.min(l.bottom - l.top) / 2.0 => {
                l.top = l.top.min(g.top);
                l.bottom = l.bottom.max(g.bottom);
                l.glyphs.push(g);
            }
            _ => {
                mids.push(middle(&g));
                lines.push(TextLine { top: g.top, bottom: g.bottom, glyphs: vec![g] });
            }
        }
    }
    for l in &mut lines {
        crate::order::sort_by(&mut l.glyphs, |a, b| a.x0.total_cmp(&b.x0));
    }
    lines
}

/// Glyphs left to right as text: a gap wider than a third of the font size is a space
/// (Latin words, a budget's columns), then [`normalise::line`] drops it between Chinese.
pub fn text_of(glyphs: &[Glyph]) -> String {
    let mut s = String::new();
    let mut last_x1: Option<f64> = None;
    for g in glyphs {
        if let Some(x1) = last_x1 {
            if g.x0 - x1 > g.size.max(1.0) / 3.0 {
                s.push(' ');
            }
        }
        s.push_str(&g.text);
        last_x1 = Some(last_x1.map_or(g.x1, |x| x.max(g.x1)));
    }
    normalise::line(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn g(text: &str, x: f64, top: f64) -> Glyph {
        Glyph { text: text.into(), x0: x, x1: x + 10.0, top, bottom: top + 10.0, size: 10.0 }
    }

    #[test]
    fn glyphs_into_lines_top_to_bottom_left_to_right() {
        let lines = group(vec![g("務", 30.0, 20.5), g("一", 0.0, 40.0), g("就", 0.0, 20.0), g("業", 10.0, 20.2), g("服", 20.0, 19.8), g("1", 60.0, 20.0)]);
        let texts: Vec<String> = lines.iter().map(TextLine::text).collect();
        assert_eq!(texts, ["就業服務 1", "一"]);
    }
}

/// A page as the table reader sees it.
#[derive(Debug, Clone)]
pub struct Page {
    /// 1-based.
    pub number: u32,
    /// The document-wide number of the page's first line (spans count lines through the
    /// whole document, so they index its text).
    pub first_line: u32,
    pub height: f64,
    pub lines: Vec<TextLine>,
    pub furniture: Vec<bool>,
    pub rules: Vec<super::source::Rule>,
}

impl Page {
    pub fn line_no(&self, index: usize) -> u32 {
        self.first_line.saturating_add(index as u32)
    }
}
