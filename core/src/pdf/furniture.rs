//! Page furniture: page numbers and running headers and footers, told by where they sit
//! (the top or bottom margin) and by repeating on other pages.

use super::lines::TextLine;
use std::collections::HashMap;

/// The share of the page height, at the top and at the bottom, where furniture sits. Word's
/// default margins leave 8.5% for the header and the footer; the body starts below that.
const ZONE: f64 = 0.075;
/// Margins are lengths, not shares: a landscape A4 page (595 pt high) keeps the 2.54 cm of
/// a portrait one, which is 12% of its height, and Word's header sits 1.5 cm down on both.
/// So the zone is never less than it is on portrait A4 (7.5% of 842 pt).
const MIN_ZONE: f64 = ZONE * 842.0;

fn zone(height: f64) -> f64 {
    (height * ZONE).max(MIN_ZONE)
}

fn compact(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `3`, `- 3 -`, `第 3 頁`, `第3頁，共12頁`, `3 / 12`, `Page 3`.
pub fn is_page_number(text: &str) -> bool {
    let t = compact(text);
    let inner = t.trim_matches(['-', '－', '—', '–']);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(inner) {
        return true;
    }
    if t.starts_with('第') && t.contains('頁') && t.chars().count() <= 12 {
        return true;
    }
    if let Some((a, b)) = inner.split_once('/') {
        return digits(a) && digits(b);
    }
    inner.strip_prefix("Page").is_some_and(digits)
}

/// A line's text with its digits taken out, so `- 3 -` and `- 4 -` are the same footer.
fn shape(text: &str) -> String {
    compact(text).chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// For each page, which of its lines are furniture.
pub fn mark(pages: &[(f64, &[TextLine])]) -> Vec<Vec<bool>> {
    let in_zone = |height: f64, l: &TextLine| height > 0.0 && (l.bottom < zone(height) || l.top > height - zone(height));
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (height, lines) in pages {
        let mut on_page: Vec<String> = lines.iter().filter(|l| in_zone(*height, l)).map(|l| shape(&l.text())).collect();
        crate::order::sort(&mut on_page);
        on_page.dedup();
        for s in on_page {
            *seen.entry(s).or_default() += 1;
        }
    }
    pages
        .iter()
        .map(|(height, lines)| {
            lines
                .iter()
                .map(|l| {
                    let text = l.text();
                    in_zone(*height, l) && (is_page_number(&text) || (pages.len() > 1 && seen.get(&shape(&text)).copied().unwrap_or(0) > 1))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["3", "- 3 -", "第 3 頁", "第3頁，共12頁", "3 / 12", "－ 12 －"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["3,000", "一、就業服務", "12345", "合計"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    fn line(top: f64, text: &str) -> TextLine {
        let glyphs = text
            .chars()
            .enumerate()
            .map(|(i, c)| super::super::source::Glyph { text: c.to_string(), x0: 40.0 + 9.0 * i as f64, x1: 49.0 + 9.0 * i as f64, top, bottom: top + 9.0, size: 9.0 })
            .collect();
        TextLine { top, bottom: top + 9.0, glyphs }
    }

    #[test]
    fn a_landscape_page_keeps_words_margins() {
        // Word's running head 1.5 cm down and its footer 1.75 cm up, on A4 turned: 595 pt high.
        let page = |n: &str| vec![line(42.5, "臺中市勞工局施政計畫(參)"), line(80.0, "一、勞資爭議處理計畫"), line(534.0, &format!("第 {n} 頁"))];
        let (one, two) = (page("1"), page("2"));
        let marks = mark(&[(595.0, &one), (595.0, &two)]);
        assert_eq!(marks, [vec![true, false, true], vec![true, false, true]]);
    }
}
