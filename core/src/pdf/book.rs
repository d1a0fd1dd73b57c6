//! The unit budget book (單位預算書): among its pages, the 歲出機關別預算表 / 歲出預算表 are
//! found by their headings and read into the budget-books model; every other page is
//! reported for what it is (預算總說明, 目錄, 歲入來源別預算表 …).
//!
//! - A page's kind is the heading among its first lines ([`HEADINGS`]); a page without one
//!   continues the page before it (the 預算總說明 runs over many pages, headed once).
//! - On a table page, the header block (科目 over 款 項 目 節 名稱及編號; 本年度預算數 over
//!   經常門 資本門 合計; 上年度預算數; 前年度決算數; 本年度與上年度比較; 說明, its words
//!   wrapped over up to four lines) gives each column's word and so its x-range: the ruling
//!   line between two words where the table has one, else the rightmost stretch between
//!   them that no glyph of the body covers (so two figures whose digits touch in a text
//!   dump still split where the one ends and the other begins).
//! - Each body line is cut by glyph x into cells; lines are grouped into the book's rows
//!   (a row starts with a level number, a code or a figure; a code line over a name line is
//!   one row; a name or a 說明 wrapped over lines continues its row) and handed to
//!   [`crate::budget_csv::to_plan`] as the cell rows a spreadsheet would give, with the
//!   PDF's document-wide line numbers, so the tree, the unit, the subtotal and total checks
//!   are the very ones a CSV or spreadsheet gets.

use super::lines::{text_of, Page, TextLine};
use super::source::Glyph;
use crate::budget_csv::{guess_mapping, to_plan, Row, Table};
use crate::diagnostic::{Diagnostic, Finding, PagesAre};
use crate::parser::Parsed;

/// Headings of a unit budget book's parts, the more telling first: a 目錄 lists the
/// others, and a cover's 單位預算 is in many pages' titles.
const HEADINGS: &[&str] = &[
    "目錄",
    "目次",
    "歲出機關別預算表",
    "歲出預算表",
    "歲入來源別預算表",
    "歲入預算表",
    "歲出計畫提要及分支計畫概況表",
    "歲出計畫提要",
    "各項費用彙計表",
    "歲出預算用途別科目分析表",
    "歲出用途別科目分析表",
    "人事費分析表",
    "預算員額明細表",
    "補助及捐助經費明細表",
    "歲入歲出簡明比較分析表",
    "歲入項目說明提要表",
    "歲出一級用途別科目分析表",
    "資本支出分析表",
    "人事費彙計表",
    "公務車輛明細表",
    "現有辦公房舍明細表",
    "補助經費分析表",
    "捐助經費分析表",
    "委辦經費分析表",
    "派員出國計畫預算總表",
    "派員出國計畫預算類別表",
    "派員赴大陸計畫預算類別表",
    "歲出按職能及經濟性綜合分類表",
    "跨年期計畫概況表",
    "媒體政策及業務宣導費彙計表",
    "預算案說明",
    "預算總說明",
    "總說明",
    "單位預算",
];
/// The headings of the table this reader reads.
const TABLES: &[&str] = &["歲出機關別預算表", "歲出預算表"];
/// A heading is a short line; the running text that mentions one is not.
const HEADING_CHARS: usize = 30;
/// Lines from the top of a page where its heading is looked for.
const HEADING_LINES: usize = 6;

/// A page as classified.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Heading(&'static str),
    Headed(String),
    Blank,
}

/// The book's table and its pages, or `None` when no page is a 歲出 table.
pub(super) struct BookRead {
    pub parsed: Parsed,
}

fn compact(line: &TextLine) -> String {
    line.glyphs.iter().flat_map(|g| g.text.chars()).filter(|c| !c.is_whitespace()).collect()
}

/// The page's own heading, if it has one among its first lines.
fn heading(page: &Page) -> Option<&'static str> {
    // Running heads too: a table's heading repeats on each of its pages.
    let top: Vec<String> = page.lines.iter().map(compact).filter(|t| !t.is_empty()).take(HEADING_LINES).collect();
    let short: Vec<&String> = top.iter().filter(|t| t.chars().count() <= HEADING_CHARS).collect();
    // The table's heading stands alone, never as a numbered point of a text
    // (`三、歲出機關別預算表…` in a 預算總說明).
    let fits = |h: &str, t: &str| t.contains(h) && !(TABLES.contains(&h) && crate::parser::outline::heading(t).is_some());
    HEADINGS.iter().copied().find(|h| short.iter().any(|t| fits(h, t)))
}

/// A page that says nothing: no text, or only `本頁空白` (this page is blank) and its marks.
fn is_blank(page: &Page) -> bool {
    let text: String = page.lines.iter().map(compact).collect();
    text.is_empty() || (text.contains("本頁空白") && text.chars().count() <= 24)
}

/// What a page with no known heading is headed: its first line with Chinese in it, the
/// page's furniture (a running head, a page mark) after its own lines.
fn first_line(page: &Page) -> String {
    let cjk = |t: &String| t.chars().any(|c| c > '\u{2e80}');
    let texts = || page.lines.iter().enumerate().map(|(i, l)| (page.furniture[i], l.text()));
    let own = texts().find(|(f, t)| !f && cjk(t)).or_else(|| texts().find(|(_, t)| cjk(t))).or_else(|| texts().find(|(_, t)| !t.is_empty()));
    own.map(|(_, t)| t.chars().take(HEADING_CHARS).collect()).unwrap_or_default()
}

/// Each page's kind: its heading, else the kind of the page before (a part's later pages),
/// else its first line.
fn classify(pages: &[Page]) -> Vec<Kind> {
    let mut out: Vec<Kind> = Vec::with_capacity(pages.len());
    for page in pages {
        let kind = if is_blank(page) {
            Kind::Blank
        } else if let Some(h) = heading(page) {
            Kind::Heading(h)
        } else {
            match out.iter().rev().find(|k| **k != Kind::Blank) {
                // A table's page goes on only with the table's header (a page after the
                // last one, headed by nothing this reader knows, is not the table's).
                Some(k @ Kind::Heading(h)) if !h.ends_with('表') || find_header(page).is_some() => k.clone(),
                _ => Kind::Headed(first_line(page)),
            }
        };
        out.push(kind);
    }
    out
}

/// The columns of the 歲出預算表.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Level(usize),
    Name,
    Code,
    ThisYear,
    Current,
    Capital,
    LastYear,
    Actual,
    Change,
    Note,
}

/// The header words, in the order they are looked for: a word found claims its x-range,
/// so `上年度` is not found again inside `本年度與上年度比較`. The group words (本年度預算數
/// over 經常門 / 資本門 / 合計, 科目 over the levels and the name) come after the words
/// under them and may overlap them.
const WORDS: &[(Col, &[&str])] = &[
    (Col::Change, &["本年度與上年度比較", "本年度與上年度", "本年度與", "與上年度比較", "比較", "增減"]),
    (Col::Note, &["說明", "備註"]),
    (Col::Actual, &["前年度決算數", "前年度決算", "前年度", "決算數"]),
    (Col::LastYear, &["上年度預算數", "上年度預算", "上年度"]),
    (Col::Current, &["經常門"]),
    (Col::Capital, &["資本門"]),
    // 合計 under 本年度預算數 is this year's total.
    (Col::ThisYear, &["合計"]),
    (Col::Code, &["科目編號"]),
    (Col::Name, &["名稱及編號", "科目名稱", "名稱"]),
    (Col::Level(0), &["款"]),
    (Col::Level(1), &["項"]),
    (Col::Level(2), &["目"]),
    (Col::Level(3), &["節"]),
];

/// Every character a header line may hold (its words, units and brackets).
const HEADER_CHARS: &str = "科目款項節名稱及編號本年度預算數上前決與比較增減說明備註經常門資本門合計單位新臺幣千元()（）:：";

#[derive(Debug, Clone)]
struct Header {
    /// Line indices on the page: the block is `first..=last`.
    first: usize,
    last: usize,
    /// Columns with their word's x-range, left to right.
    cols: Vec<(Col, f64, f64)>,
    /// A unit the header itself names: `(元)`, `(千元)`.
    unit: Option<&'static str>,
}

fn is_header_line(t: &str) -> bool {
    let n = t.chars().count();
    n > 0 && t.chars().filter(|c| HEADER_CHARS.contains(*c)).count() * 10 >= n * 9
}

/// Each occurrence of `word` in the line as the x-range of its glyphs.
fn occurrences(line: &TextLine, word: &str) -> Vec<(f64, f64)> {
    let mut chars: Vec<char> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, g) in line.glyphs.iter().enumerate() {
        for c in g.text.chars().filter(|c| !c.is_whitespace()) {
            chars.push(c);
            owner.push(i);
        }
    }
    let w: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    if w.is_empty() || chars.len() < w.len() {
        return out;
    }
    for at in 0..=chars.len() - w.len() {
        // 目 of 科目 is not the 目 column.
        if chars[at..at + w.len()] == w[..] && !(word == "目" && at > 0 && chars[at - 1] == '科') {
            out.push((line.glyphs[owner[at]].x0, line.glyphs[owner[at + w.len() - 1]].x1));
        }
    }
    out
}

/// The header block on a page: its first line holds 本年度 / 上年度 / 科目 words, and the
/// lines under it (close, of header words only) complete it.
fn find_header(page: &Page) -> Option<Header> {
    let start = page.lines.iter().enumerate().position(|(i, l)| {
        let t = compact(l);
        !page.furniture[i] && is_header_line(&t) && (t.contains("上年度") || t.contains("本年度") || t.contains("科目"))
    })?;
    let mut last = start;
    for j in start + 1..page.lines.len().min(start + 4) {
        let (m, above) = (&page.lines[j], &page.lines[j - 1]);
        if m.top - above.bottom > m.size().max(above.size()) * 1.5 || !is_header_line(&compact(m)) {
            break;
        }
        last = j;
    }
    let block = &page.lines[start..=last];
    let mut cols: Vec<(Col, f64, f64)> = Vec::new();
    let overlaps = |cols: &[(Col, f64, f64)], a: f64, b: f64| cols.iter().any(|c| a < c.2 - 0.5 && b > c.1 + 0.5);
    for (col, words) in WORDS {
        'word: for w in *words {
            for l in block {
                if let Some((a, b)) = occurrences(l, w).into_iter().find(|(a, b)| !overlaps(&cols, *a, *b)) {
                    cols.push((*col, a, b));
                    break 'word;
                }
            }
        }
    }
    // This year's figure without 經常門 / 資本門 / 合計 under it: the 本年度預算數 word.
    if !cols.iter().any(|c| c.0 == Col::ThisYear) {
        'this: for w in ["本年度預算數", "本年度預算", "本年度"] {
            for l in block {
                if let Some((a, b)) = occurrences(l, w).into_iter().find(|(a, b)| !overlaps(&cols, *a, *b)) {
                    cols.push((Col::ThisYear, a, b));
                    break 'this;
                }
            }
        }
    }
    let has = |c: Col| cols.iter().any(|x| x.0 == c);
    // This year as 經常門 and 資本門 alone is their sum (budget_csv::sum_parts).
    let this_year = has(Col::ThisYear) || (has(Col::Current) && has(Col::Capital));
    if !(this_year && has(Col::Name) && (has(Col::LastYear) || has(Col::Note))) {
        return None;
    }
    crate::order::sort_by(&mut cols, |a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)));
    let text: String = block.iter().map(compact).collect();
    let unit = if text.contains("(千元)") || text.contains("（千元）") {
        Some("千元")
    } else if text.contains("(元)") || text.contains("（元）") {
        Some("元")
    } else {
        None
    };
    Some(Header { first: start, last, cols, unit })
}

/// Column boundaries: `bounds[k]` is where column `k + 1` starts.
fn bounds(page: &Page, h: &Header, body: &[&TextLine]) -> Vec<f64> {
    let header_bottom = page.lines[h.last].bottom;
    let mut rules: Vec<f64> =
        page.rules.iter().filter(|r| r.is_vertical() && r.top <= header_bottom + 2.0 && r.bottom >= header_bottom + 2.0).map(|r| r.x()).collect();
    crate::order::sort_by(&mut rules, f64::total_cmp);
    let mut spans: Vec<(f64, f64)> = body.iter().flat_map(|l| l.glyphs.iter().map(|g| (g.x0, g.x1))).collect();
    crate::order::sort_by(&mut spans, |a, b| a.0.total_cmp(&b.0));
    h.cols
        .windows(2)
        .map(|p| {
            let (left, right) = (p[0], p[1]);
            let (cl, cr) = ((left.1 + left.2) / 2.0, (right.1 + right.2) / 2.0);
            if let Some(x) = rules.iter().copied().filter(|x| *x > cl && *x < cr).find(|x| *x > left.2 - 1.0 && *x < right.1 + 1.0) {
                return x;
            }
            let (from, to) = (left.2.min(cr), right.1.max(cl));
            rightmost_gap(&spans, from, to).unwrap_or((from + to) / 2.0)
        })
        .collect()
}

/// The middle of the rightmost stretch of `[from, to]` that no span covers.
fn rightmost_gap(spans: &[(f64, f64)], from: f64, to: f64) -> Option<f64> {
    let mut found: Option<f64> = None;
    let mut at = from;
    for &(a, b) in spans.iter().filter(|s| s.1 > from && s.0 < to) {
        if a > at + 0.2 {
            found = Some((a + at) / 2.0);
        }
        at = at.max(b);
    }
    if to > at + 0.2 {
        found = Some((to + at) / 2.0);
    }
    found
}

/// One text line of the table, cut into its columns.
#[derive(Debug, Default, Clone)]
struct Cut {
    line: u32,
    levels: [String; 4],
    name: String,
    code: String,
    figures: [String; 6],
    note: String,
}

const THIS_YEAR: usize = 0;

fn figure_index(c: Col) -> Option<usize> {
    Some(match c {
        Col::ThisYear => THIS_YEAR,
        Col::Current => 1,
        Col::Capital => 2,
        Col::LastYear => 3,
        Col::Actual => 4,
        Col::Change => 5,
        _ => return None,
    })
}

impl Cut {
    fn has_levels(&self) -> bool {
        self.levels.iter().any(|l| !l.is_empty())
    }
    fn has_figures(&self) -> bool {
        self.figures.iter().any(|f| !f.is_empty())
    }
    /// A 科目編號 in its own column or at the start of the name cell.
    fn has_code(&self) -> bool {
        !self.code.is_empty()
    }
    fn starts_row(&self) -> bool {
        self.has_levels() || self.has_figures() || self.has_code()
    }
}

/// A name cell's leading 科目編號 (`3705010100`, `416401A000`) and the rest: a code is
/// digits (a letter in a classified line's), six or more, or four or more before a space.
fn leading_code(name: &str) -> Option<(&str, &str)> {
    let len = name.chars().take_while(|c| c.is_ascii_alphanumeric()).count();
    let (token, rest) = name.split_at(len);
    let digits = token.chars().filter(|c| c.is_ascii_digit()).count();
    let spaced = rest.chars().next().is_none_or(char::is_whitespace);
    (token.starts_with(|c: char| c.is_ascii_digit()) && digits + 1 >= len && (digits >= 6 || (digits >= 4 && spaced))).then(|| (token, rest.trim()))
}

/// The glyphs without the copies a bold face is faked with: the same character drawn again
/// a fraction of its width to the side (`民民政政` in a text dump).
fn overprinted_once(glyphs: &[Glyph]) -> impl Iterator<Item = &Glyph> {
    glyphs.iter().enumerate().filter(|(i, g)| {
        glyphs[..*i].iter().rev().take(3).all(|p| p.text != g.text || (g.x0 - p.x0).abs() > (g.x1 - g.x0).max(0.1) * 0.5 || (g.top - p.top).abs() > 1.0)
    }).map(|(_, g)| g)
}

fn cut(page: &Page, index: usize, h: &Header, bounds: &[f64]) -> Cut {
    let line = &page.lines[index];
    let mut by_col: Vec<(Col, Vec<Glyph>)> = Vec::new();
    for g in overprinted_once(&line.glyphs) {
        let x = (g.x0 + g.x1) / 2.0;
        let col = h.cols[bounds.iter().filter(|b| **b <= x).count().min(h.cols.len() - 1)].0;
        match by_col.iter_mut().find(|c| c.0 == col) {
            Some(c) => c.1.push(g.clone()),
            None => by_col.push((col, vec![g.clone()])),
        }
    }
    let mut out = Cut { line: page.line_no(index), ..Cut::default() };
    let mut strays = String::new();
    for (col, glyphs) in by_col {
        let text = text_of(&glyphs);
        match col {
            // A level is a number; words there (a 合 計 spread over the levels) are the name's.
            Col::Level(i) if text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) => out.levels[i] = text,
            Col::Level(_) => strays.push_str(&text),
            Col::Name => out.name = text,
            Col::Code => out.code = text,
            Col::Note => out.note = text,
            c => {
                if let Some(i) = figure_index(c) {
                    // Digits never have spaces inside them.
                    out.figures[i] = text.chars().filter(|c| !c.is_whitespace()).collect();
                }
            }
        }
    }
    if !strays.is_empty() {
        out.name = format!("{strays}{}", out.name);
    }
    if out.code.is_empty() {
        if let Some((code, rest)) = leading_code(&out.name) {
            (out.code, out.name) = (code.to_string(), rest.to_string());
        }
    }
    out
}

/// One row of the book as read from its lines.
#[derive(Debug, Default)]
struct BookRow {
    head: Cut,
    /// The last line merged into the head (a code line, then its name and figures).
    head_end: u32,
    names: Vec<(u32, String)>,
    /// The 說明 of the head lines, then of each later line with its line number.
    notes: Vec<(u32, String)>,
}

impl BookRow {
    fn from(c: Cut) -> BookRow {
        let mut r = BookRow { head: Cut { line: c.line, ..Cut::default() }, ..BookRow::default() };
        r.merge(c);
        r
    }
    fn merge(&mut self, mut c: Cut) {
        self.head_end = c.line;
        for (to, from) in self.head.levels.iter_mut().zip(std::mem::take(&mut c.levels)) {
            if to.is_empty() {
                *to = from;
            }
        }
        for (to, from) in self.head.figures.iter_mut().zip(std::mem::take(&mut c.figures)) {
            // A narrow figure cell may wrap (`1,286,` / `450`).
            to.push_str(&from);
        }
        if self.head.code.is_empty() {
            self.head.code = std::mem::take(&mut c.code);
        }
        self.go_on(c);
    }
    /// A line of the row's name or 說明 (or both) under its head.
    fn go_on(&mut self, c: Cut) {
        if !c.name.is_empty() {
            self.names.push((c.line, c.name));
        }
        if !c.note.is_empty() {
            self.notes.push((c.line, c.note));
        }
    }
    fn has_name(&self) -> bool {
        !self.names.is_empty()
    }

    /// The cell rows of [`HEADERS`]: the first with the row's levels, code and name (the
    /// lines of its head joined as a spreadsheet cell's), figures and 說明; then one per
    /// later line with its piece of the name and of the 說明, which the table reader adds
    /// to the line (a row without this year's figure keeps its whole name in the first).
    fn rows(self, out: &mut Vec<Row>) {
        let h = self.head;
        // A row whose name is printed under its code and figures (臺北市's books), or that
        // has no figure to carry the rows after it: its whole name is the first row's.
        let named = self.names.iter().any(|(l, _)| *l <= self.head_end);
        let whole = h.figures[THIS_YEAR].is_empty() || !named;
        let head_end = if whole { u32::MAX } else { self.head_end };
        let mut name = h.code.clone();
        for (_, n) in self.names.iter().filter(|(l, _)| *l <= head_end) {
            if !name.is_empty() {
                name.push('\n');
            }
            name.push_str(n);
        }
        let joined = |pieces: &[(u32, String)], to: u32| pieces.iter().filter(|(l, _)| *l <= to).map(|(_, n)| n.as_str()).collect::<Vec<_>>().join("\n");
        let mut cells: Vec<String> = h.levels.to_vec();
        cells.push(name);
        cells.extend(h.figures);
        cells.push(joined(&self.notes, self.head_end));
        out.push(Row { line: h.line, cells });
        let mut later: Vec<u32> = self.names.iter().filter(|(l, _)| *l > head_end).chain(self.notes.iter().filter(|(l, _)| *l > self.head_end)).map(|(l, _)| *l).collect();
        crate::order::sort(&mut later);
        later.dedup();
        for line in later {
            let piece = |pieces: &[(u32, String)], after: u32| pieces.iter().find(|(l, _)| *l == line && *l > after).map(|(_, n)| n.clone()).unwrap_or_default();
            let mut cells = vec![String::new(); HEADERS.len()];
            cells[4] = piece(&self.names, head_end);
            cells[HEADERS.len() - 1] = piece(&self.notes, self.head_end);
            out.push(Row { line, cells });
        }
    }
}

/// The table's columns as the budget-table reader names them.
const HEADERS: [&str; 12] = ["款", "項", "目", "節", "名稱及編號", "本年度預算數", "經常門", "資本門", "上年度預算數", "前年度決算數", "本年度與上年度比較", "說明"];

/// Where the ruled table ends under `top` (its lowest horizontal rule, or where its column
/// rules end, when a page break left the last row open): below is furniture.
fn table_bottom(page: &Page, top: f64) -> Option<f64> {
    let rules = page.rules.iter().filter(|r| r.bottom > top);
    rules.filter_map(|r| if r.is_horizontal() { Some(r.y()) } else { r.is_vertical().then_some(r.bottom) }).reduce(f64::max)
}

/// Reads the book's 歲出 table, or `None` when no page is one. `pages_report` gets the
/// finding for every run of pages, read or not.
pub(super) fn read(pages: &[Page]) -> Option<BookRead> {
    let kinds = classify(pages);
    let is_table = |k: &Kind| matches!(k, Kind::Heading(h) if TABLES.contains(h));
    if !kinds.iter().any(is_table) {
        return None;
    }
    let mut table = Table::default();
    let mut rows: Vec<Row> = Vec::new();
    let mut open: Option<BookRow> = None;
    let mut header: Option<(Header, Vec<f64>)> = None;
    let mut read_pages = vec![false; pages.len()];
    for (pi, page) in pages.iter().enumerate() {
        if !is_table(&kinds[pi]) {
            continue;
        }
        let found = find_header(page);
        let from = match &found {
            Some(h) => h.last + 1,
            // A page of the table without its header repeated: the last page's columns.
            None if header.is_some() => 0,
            None => continue,
        };
        let body: Vec<usize> = (from..page.lines.len()).filter(|i| !page.furniture[*i]).collect();
        let header_bottom = found.as_ref().map_or(0.0, |h| page.lines[h.last].bottom);
        let bottom = table_bottom(page, header_bottom).unwrap_or(f64::INFINITY);
        let body: Vec<usize> = body.into_iter().filter(|i| page.lines[*i].top < bottom).collect();
        if let Some(h) = found {
            if table.headers.is_empty() {
                table.headers = HEADERS.iter().map(|s| s.to_string()).collect();
                if let Some(u) = h.unit {
                    table.headers[5] = format!("本年度預算數({u})");
                }
                table.header_line = page.line_no(h.first);
                // The title block: its lines with Chinese in them (not a `(0801)-041` page
                // mark), spaces left out (`中華民國 114 年度`).
                let cjk = |t: &str| t.chars().any(|c| c > '\u{2e80}');
                table.title = (0..h.first).map(|i| (page.line_no(i), compact(&page.lines[i]))).filter(|(_, t)| cjk(t)).collect();
            }
            let b = bounds(page, &h, &body.iter().map(|i| &page.lines[*i]).collect::<Vec<_>>());
            header = Some((h, b));
        }
        let Some((h, b)) = &header else { continue };
        read_pages[pi] = true;
        for i in body {
            let c = cut(page, i, h, b);
            if c.starts_row() {
                // Into an open row that has no figures yet: figures on its second line (a
                // name with its figures under a code line), or, under a bare code line, its
                // name line (with its level number, 內政部's books).
                let merge = open.as_ref().is_some_and(|r| {
                    let figures_below = !c.has_levels() && !c.has_code();
                    let two_levels = c.has_levels() && r.head.has_levels();
                    let name_below = !(r.has_name() || two_levels);
                    !r.head.has_figures() && (figures_below || name_below)
                });
                if merge {
                    if let Some(r) = open.as_mut() {
                        r.merge(c);
                    }
                    continue;
                }
                if let Some(r) = open.take() {
                    r.rows(&mut rows);
                }
                open = Some(BookRow::from(c));
            } else if let Some(r) = open.as_mut() {
                r.go_on(c);
            }
        }
    }
    if let Some(r) = open.take() {
        r.rows(&mut rows);
    }
    table.rows = rows;
    let mut report = pages_report(&kinds, &read_pages, pages);
    if table.headers.is_empty() {
        // Pages headed as the table, but no header row of its columns on any of them.
        return None;
    }
    crate::budget_csv::sum_parts(&mut table);
    let mapping = guess_mapping(&table);
    let mut parsed = to_plan(&table, &mapping, "");
    parsed.diagnostics.append(&mut report);
    Some(BookRead { parsed })
}

/// One Info finding per run of pages of the same kind.
pub(super) fn pages_report_of(pages: &[Page]) -> Vec<Diagnostic> {
    let kinds = classify(pages);
    if !kinds.iter().any(|k| matches!(k, Kind::Heading(_))) {
        return Vec::new();
    }
    pages_report(&kinds, &vec![false; pages.len()], pages)
}

fn pages_report(kinds: &[Kind], read: &[bool], pages: &[Page]) -> Vec<Diagnostic> {
    let are = |i: usize| match &kinds[i] {
        Kind::Heading(h) if read[i] => PagesAre::Read(h.to_string()),
        Kind::Heading(h) => PagesAre::Known(h.to_string()),
        Kind::Headed(t) => PagesAre::Headed(t.clone()),
        Kind::Blank => PagesAre::Blank,
    };
    // Runs of pages of one kind, first and last index.
    let mut runs: Vec<(usize, usize, PagesAre)> = Vec::new();
    for i in 0..kinds.len() {
        let a = are(i);
        match runs.last_mut() {
            // Pages headed by their own first lines are one run only when those lines repeat.
            Some(run) if run.2 == a => run.1 = i,
            _ => runs.push((i, i, a)),
        }
    }
    // A blank page between two runs of one kind (a part printed on right-hand pages) is
    // part of it.
    let mut merged: Vec<(usize, usize, PagesAre)> = Vec::with_capacity(runs.len());
    for run in runs {
        let n = merged.len();
        if n >= 2 && merged[n - 1].2 == PagesAre::Blank && merged[n - 2].2 == run.2 && run.2 != PagesAre::Blank {
            merged.pop();
            merged[n - 2].1 = run.1;
        } else {
            merged.push(run);
        }
    }
    // The finding names its pages itself: no place of its own, or a reader sees them twice.
    merged.into_iter().map(|(i, j, are)| Diagnostic::info(None, Finding::PdfPages { first: pages[i].number, last: pages[j].number, are })).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_and_codes() {
        assert_eq!(rightmost_gap(&[(0.0, 10.0), (12.0, 20.0), (30.0, 50.0)], 5.0, 40.0), Some(25.0));
        assert_eq!(rightmost_gap(&[(0.0, 50.0)], 5.0, 40.0), None);
        assert_eq!(leading_code("3705010100 一般行政"), Some(("3705010100", "一般行政")));
        assert_eq!(leading_code("3705010100一般行政"), Some(("3705010100", "一般行政")));
        assert_eq!((leading_code("1,234"), leading_code("2024年活動"), leading_code("一般")), (None, None, None));
        assert!(is_header_line("款項目節名稱及編號") && is_header_line("本年度預算數(元)") && !is_header_line("一般行政"));
    }

    #[test]
    fn a_faked_bold_is_read_once() {
        let g = |t: &str, x: f64| Glyph { text: t.into(), x0: x, x1: x + 10.0, top: 0.0, bottom: 10.0, size: 10.0 };
        // 民 drawn at 0 and 0.4, 政 at 10 and 10.4: twice each; 政政 side by side: both.
        let glyphs = [g("民", 0.0), g("民", 0.4), g("政", 10.0), g("政", 10.4), g("政", 20.0)];
        let kept: String = overprinted_once(&glyphs).map(|g| g.text.as_str()).collect();
        assert_eq!(kept, "民政政");
    }
}
