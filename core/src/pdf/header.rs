//! The table's header row (計畫名稱 | 實施內容 | 經費(千元) | 備註) and the column bands it
//! gives: the ruling lines through it where the table has them, else the empty gutters
//! between its words in the rows below.

use super::lines::{Page, TextLine};
use rust_decimal::Decimal;

/// Which cell of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Name,
    Items,
    Budget,
    Notes,
}

const WORDS: [(Col, &[&str]); 4] = [
    // A longer word before a word inside it, so a column's extent is its whole word.
    (Col::Name, &["重要施政計畫項目", "工作計畫名稱", "計畫名稱", "計畫項目", "工作計畫"]),
    (Col::Items, &["實施內容", "計畫內容", "內容"]),
    (Col::Budget, &["經費", "預算金額", "預算數", "預算"]),
    (Col::Notes, &["備註", "說明"]),
];

#[derive(Debug, Clone)]
pub struct Header {
    /// Indices of its lines on the page (a header cell may wrap: `經費` / `(千元)`).
    pub first: usize,
    pub last: usize,
    pub top: f64,
    pub bottom: f64,
    /// The columns found, left to right, each with its word's horizontal extent.
    pub words: Vec<(Col, f64, f64)>,
    /// Multiplier to 千元: `經費(元)` means 元, `預算金額(萬元)` 萬元.
    pub unit: Decimal,
}

/// Where each glyph of `line` starts in its text with spaces left out, so a word found in
/// that text maps back to glyphs.
fn located(line: &TextLine) -> (String, Vec<usize>) {
    let mut s = String::new();
    let mut owner = Vec::new();
    for (i, g) in line.glyphs.iter().enumerate() {
        for c in g.text.chars().filter(|c| !c.is_whitespace()) {
            s.push(c);
            owner.push(i);
        }
    }
    (s, owner)
}

fn find_word(line: &TextLine, words: &[&str]) -> Option<(f64, f64)> {
    let (s, owner) = located(line);
    let chars: Vec<char> = s.chars().collect();
    for w in words {
        let w: Vec<char> = w.chars().collect();
        if let Some(at) = chars.windows(w.len()).position(|x| x == w.as_slice()) {
            let (a, b) = (owner[at], owner[at + w.len() - 1]);
            return Some((line.glyphs[a].x0, line.glyphs[b].x1));
        }
    }
    None
}

fn compact(line: &TextLine) -> String {
    located(line).0
}

/// The first header on the page, if any.
pub fn find(page: &Page) -> Option<Header> {
    for (i, l) in page.lines.iter().enumerate() {
        let t = compact(l);
        if !(t.contains("計畫名稱") || t.contains("計畫項目")) || !(t.contains("經費") || t.contains("預算")) || t.chars().count() > 40 {
            continue;
        }
        let mut words: Vec<(Col, f64, f64)> = Vec::new();
        let mut last = i;
        let mut text = t.clone();
        // A wrapped header cell continues on the next line or two, close below.
        for (j, m) in page.lines.iter().enumerate().skip(i).take(3) {
            if j > i && (m.top - page.lines[j - 1].bottom > m.size() || !is_header_words(&compact(m))) {
                break;
            }
            for (col, ws) in WORDS {
                if !words.iter().any(|w| w.0 == col) {
                    if let Some((x0, x1)) = find_word(m, ws) {
                        words.push((col, x0, x1));
                    }
                }
            }
            if j > i {
                text.push_str(&compact(m));
            }
            last = j;
        }
        if !words.iter().any(|w| w.0 == Col::Budget) || !words.iter().any(|w| w.0 == Col::Items) {
            continue;
        }
        crate::order::sort_by(&mut words, |a, b| a.1.total_cmp(&b.1));
        // The text reader's reading of a header's unit, so both ways in agree on it.
        let unit = crate::parser::header_unit(&text).unwrap_or(Decimal::ONE);
        let top = page.lines[i..=last].iter().map(|l| l.top).fold(f64::MAX, f64::min);
        let bottom = page.lines[i..=last].iter().map(|l| l.bottom).fold(f64::MIN, f64::max);
        return Some(Header { first: i, last, top, bottom, words, unit });
    }
    None
}

/// A line of nothing but header words (the rest of a wrapped header: `(千元)`, `元)`).
fn is_header_words(t: &str) -> bool {
    !t.is_empty() && t.chars().count() <= 16 && t.chars().all(|c| "重要施政計畫名稱項目工作實施內容經費預算數金額千萬元新臺幣()（）備註說明單位:：".contains(c))
}

/// Column boundaries: `bounds[k]` is where column `k + 1` starts.
#[derive(Debug, Clone)]
pub struct Bands {
    pub cols: Vec<Col>,
    pub bounds: Vec<f64>,
    /// The table's left and right edges when ruled.
    pub ruled: bool,
}

impl Bands {
    pub fn col_at(&self, x: f64) -> Col {
        self.cols[self.bounds.iter().filter(|b| **b <= x).count().min(self.cols.len() - 1)]
    }
}

/// The bands of the header on `page`; `body` are the lines under it (for the gutters).
pub fn bands(page: &Page, h: &Header, body: &[TextLine]) -> Bands {
    let cols: Vec<Col> = h.words.iter().map(|w| w.0).collect();
    let centre = |w: &(Col, f64, f64)| (w.1 + w.2) / 2.0;
    let mut xs: Vec<f64> = page.rules.iter().filter(|r| r.is_vertical() && r.top <= h.bottom && r.bottom >= h.top).map(|r| r.x()).collect();
    crate::order::sort_by(&mut xs, f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() < 2.0);
    // Ruled: one vertical rule between each pair of neighbouring words.
    let ruled: Option<Vec<f64>> =
        h.words.windows(2).map(|p| xs.iter().copied().find(|x| *x > p[0].2 - 1.0 && *x < p[1].1 + 1.0 && *x > centre(&p[0]) && *x < centre(&p[1]))).collect();
    if let Some(bounds) = ruled {
        return Bands { cols, bounds, ruled: true };
    }
    let mut spans: Vec<(f64, f64)> = body.iter().flat_map(|l| l.glyphs.iter().map(|g| (g.x0, g.x1))).collect();
    crate::order::sort_by(&mut spans, |a, b| a.0.total_cmp(&b.0));
    let bounds = h
        .words
        .windows(2)
        .map(|p| {
            let (from, to) = (centre(&p[0]).max(p[0].2), centre(&p[1]).min(p[1].1));
            widest_gap(&spans, from, to).unwrap_or((p[0].2 + p[1].1) / 2.0)
        })
        .collect();
    Bands { cols, bounds, ruled: false }
}

/// The middle of the widest stretch of `[from, to]` that no span covers.
fn widest_gap(spans: &[(f64, f64)], from: f64, to: f64) -> Option<f64> {
    let mut best: Option<(f64, f64)> = None;
    let mut at = from;
    for &(a, b) in spans.iter().filter(|s| s.1 > from && s.0 < to) {
        if a > at && best.is_none_or(|(w, _)| a - at > w) {
            best = Some((a - at, (a + at) / 2.0));
        }
        at = at.max(b);
    }
    if to > at && best.is_none_or(|(w, _)| to - at > w) {
        best = Some((to - at, (to + at) / 2.0));
    }
    best.map(|b| b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gutters() {
        assert_eq!(widest_gap(&[(0.0, 10.0), (12.0, 20.0), (30.0, 50.0)], 5.0, 40.0), Some(25.0));
        assert_eq!(widest_gap(&[(0.0, 50.0)], 5.0, 40.0), None);
        assert!(is_header_words("(千元)") && is_header_words("(萬元)") && is_header_words("金額(元)") && !is_header_words("一、就業服務"));
    }
}
