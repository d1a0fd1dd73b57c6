//! The budget table rebuilt from positions: each line under the header is cut into cells
//! by the column bands; a row starts where the name cell starts `N、`; a row that a page
//! break splits goes on after the next page's repeated header; 合計/總計 is the stated
//! total. What the cells say is read by the shared [`crate::parser::rows`].

use super::header::{self, Bands, Col, Header};
use super::lines::{text_of, Page};
use crate::parser::outline::heading;
use crate::parser::rows::{Piece, RowCells, TableRow};
use rust_decimal::Decimal;

/// The table as found: where it starts, its unit and its rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Page index and line index of the first header.
    pub page: usize,
    pub line: usize,
    pub unit: Decimal,
    pub rows: Vec<TableRow>,
    /// Lines of the table before its first programme (document-wide line numbers).
    pub stray: Vec<(u32, u32)>,
}

/// The lowest horizontal rule under the header: below it is the page's furniture, not the table.
fn table_bottom(page: &Page, top: f64) -> f64 {
    page.rules.iter().filter(|r| r.is_horizontal() && r.y() > top).map(|r| r.y()).fold(f64::NAN, f64::max)
}

fn cells(page: &Page, index: usize, bands: &Bands) -> Vec<(Col, Piece)> {
    let line = &page.lines[index];
    let mut out: Vec<(Col, Vec<super::source::Glyph>)> = Vec::new();
    for g in &line.glyphs {
        let col = bands.col_at((g.x0 + g.x1) / 2.0);
        match out.iter_mut().find(|c| c.0 == col) {
            Some(c) => c.1.push(g.clone()),
            None => out.push((col, vec![g.clone()])),
        }
    }
    out.into_iter().map(|(c, gs)| (c, Piece::new(text_of(&gs), page.line_no(index), Some(page.number)))).filter(|(_, p)| !p.text.is_empty()).collect()
}

fn is_total(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.starts_with("合計") || t.starts_with("總計")
}

/// Reads the table, or `None` when no page has its header.
pub fn read(pages: &[Page]) -> Option<Table> {
    let (start, first) = pages.iter().enumerate().find_map(|(i, p)| header::find(p).map(|h| (i, h)))?;
    let mut table = Table { page: start, line: first.first, unit: first.unit, rows: Vec::new(), stray: Vec::new() };
    let mut open: Option<RowCells> = None;
    let mut bands: Option<Bands> = None;
    'pages: for (pi, page) in pages.iter().enumerate().skip(start) {
        let h: Option<Header> = if pi == start { Some(first.clone()) } else { header::find(page) };
        let from = h.as_ref().map_or(0, |h| h.last + 1);
        let body_top = h.as_ref().map_or(0.0, |h| h.bottom);
        let body: Vec<_> = page.lines.iter().enumerate().skip(from).filter(|(i, _)| !page.furniture[*i]).map(|(_, l)| l.clone()).collect();
        if let Some(h) = &h {
            bands = Some(header::bands(page, h, &body));
        }
        let Some(b) = &bands else { continue };
        let bottom = if b.ruled { table_bottom(page, body_top) } else { f64::NAN };
        for i in from..page.lines.len() {
            let l = &page.lines[i];
            if page.furniture[i] || (!bottom.is_nan() && l.top > bottom) {
                continue;
            }
            let cs = cells(page, i, b);
            let cell = |c: Col| cs.iter().find(|x| x.0 == c).map(|x| &x.1);
            if cell(Col::Name).is_some_and(|p| is_total(&p.text)) || (cell(Col::Name).is_none() && is_total(&text_of(&l.glyphs))) {
                table.rows.extend(open.take().map(TableRow::Programme));
                if let Some(p) = cell(Col::Budget) {
                    table.rows.push(TableRow::Total(p.clone()));
                }
                break 'pages;
            }
            if let Some((n, rest)) = cell(Col::Name).and_then(|p| heading(&p.text)) {
                table.rows.extend(open.take().map(TableRow::Programme));
                let p = cell(Col::Name).cloned().unwrap_or_else(|| Piece::new("", 0, None));
                let mut row = RowCells { number: n, ..RowCells::default() };
                if !rest.is_empty() {
                    row.name.push(Piece::new(rest, p.line, p.page));
                }
                for (c, p) in cs.iter().filter(|c| c.0 != Col::Name) {
                    push(&mut row, *c, p.clone());
                }
                open = Some(row);
                continue;
            }
            match open.as_mut() {
                Some(row) => cs.into_iter().for_each(|(c, p)| push(row, c, p)),
                None => table.stray.push((page.line_no(i), page.number)),
            }
        }
    }
    table.rows.extend(open.map(TableRow::Programme));
    Some(table)
}

fn push(row: &mut RowCells, col: Col, p: Piece) {
    match col {
        Col::Name => row.name.push(p),
        Col::Items => row.items.push(p),
        // A narrow budget cell may wrap its figure (`1,286,` / `450`).
        Col::Budget => match &mut row.budget {
            Some(b) => b.join(&p),
            None => row.budget = Some(p),
        },
        Col::Notes => row.notes.push(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::lines::group;
    use crate::pdf::source::Glyph;

    /// Text laid out from (x, y), one 10 pt glyph per character.
    fn at(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph { text: c.to_string(), x0: x + 10.0 * i as f64, x1: x + 10.0 * (i + 1) as f64, top: y, bottom: y + 10.0, size: 10.0 })
            .collect()
    }

    fn page(number: u32, first_line: u32, parts: &[(f64, f64, &str)]) -> Page {
        let lines = group(parts.iter().flat_map(|(x, y, t)| at(*x, *y, t)).collect());
        let furniture = vec![false; lines.len()];
        Page { number, first_line, height: 842.0, lines, furniture, rules: vec![] }
    }

    fn texts(p: &[Piece]) -> Vec<(&str, u32)> {
        p.iter().map(|p| (p.text.as_str(), p.line)).collect()
    }

    #[test]
    fn an_unruled_table_by_its_gutters_and_a_row_over_a_page_break() {
        // Columns at 0, 80, 300, 360; the header's budget cell wraps `經費(千` / `元)`.
        let one = page(
            1,
            1,
            &[
                (0.0, 100.0, "計畫名稱"),
                (150.0, 100.0, "實施內容"),
                (300.0, 100.0, "經費(千"),
                (380.0, 100.0, "備註"),
                (310.0, 112.0, "元)"),
                (0.0, 130.0, "一、就業"),
                (80.0, 130.0, "(一)辦理就業服務"),
                (300.0, 130.0, "1,200"),
                (360.0, 130.0, "中央補助款"),
                (0.0, 142.0, "服務"),
                (80.0, 142.0, "(二)辦理"),
                (360.0, 142.0, "600千元"),
            ],
        );
        let two = page(
            2,
            7,
            &[
                (0.0, 100.0, "計畫名稱"),
                (150.0, 100.0, "實施內容"),
                (300.0, 100.0, "經費(千"),
                (380.0, 100.0, "備註"),
                (310.0, 112.0, "元)"),
                (80.0, 130.0, "徵才活動。"),
                (0.0, 150.0, "合計"),
                (300.0, 150.0, "1,200"),
            ],
        );
        let t = read(&[one, two]).unwrap();
        let [TableRow::Programme(r), TableRow::Total(total)] = t.rows.as_slice() else { panic!("{:#?}", t.rows) };
        assert_eq!((r.number, texts(&r.name)), (1, vec![("就業", 3), ("服務", 4)]));
        assert_eq!(texts(&r.items), [("(一)辦理就業服務", 3), ("(二)辦理", 4), ("徵才活動。", 9)]);
        assert_eq!(r.budget.as_ref().map(|b| (b.text.as_str(), b.line)), Some(("1,200", 3)));
        assert_eq!(texts(&r.notes), [("中央補助款", 3), ("600千元", 4)]);
        assert_eq!((total.text.as_str(), total.page), ("1,200", Some(2)));
        assert_eq!((t.page, t.line, t.unit), (0, 0, Decimal::ONE));
    }

    #[test]
    fn no_header_no_table() {
        assert!(read(&[page(1, 1, &[(0.0, 100.0, "壹、願景及任務")])]).is_none());
    }
}
