//! Which column is what, and the unit, guessed from what budget books actually print. The
//! reader confirms or corrects the guess; a wrong unit is a thousandfold error, so the
//! unit guess always says what it rests on ([`UnitGuess`]).

use super::read::{parse_amount, Amount};
use super::{Mapping, Table, Unit, UnitGuess};
use crate::diagnostic::UnitEvidence;
use crate::money::Money;
use rust_decimal::Decimal;

/// A header as compared with known names: no spaces, lower case, no unit in brackets.
fn header_key(h: &str) -> String {
    let h = h.split(['(', '（']).next().unwrap_or("");
    h.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

const NAME_HEADERS: &[&str] = &["科目名稱", "計畫名稱", "名稱", "名", "項目", "name"];
/// In priority order: a book that prints both 本年度預算數 and 預算數 means the first.
const AMOUNT_HEADERS: &[&str] =
    &["本年度預算數", "本年度預算", "預算數", "總額", "金額", "合計", "budget_thousand_twd", "budget", "amount_thousand_twd", "amount", "amount_twd"];
/// Figures beside the budget that must never be read as it: last year's budget, the
/// year before's outturn, the change, and the free-text columns.
const NOT_AMOUNT: &[&str] = &["上年度", "前年度", "上年", "去年", "決算", "比較", "增減", "說明", "備註", "附註"];
const CODE_HEADERS: &[&str] = &["科目編號", "科目代碼", "科目代號", "編號", "代碼", "代號", "code", "account_code"];

fn level_rank(key: &str) -> Option<u32> {
    match key {
        "款" => Some(1),
        "項" | "项" => Some(2),
        "目" => Some(3),
        "節" | "节" => Some(4),
        _ => key.strip_prefix("level").and_then(|n| n.trim_start_matches(['_', '-']).parse().ok()),
    }
}

fn is_amount_key(k: &str) -> bool {
    !NOT_AMOUNT.iter().any(|n| k.contains(n)) && (AMOUNT_HEADERS.contains(&k) || ["預算數", "金額", "總額"].iter().any(|f| k.contains(f)))
}

/// The amount column: the first known name in priority order; else the headers that
/// mention one, the latest ROC year first (`112年度預算數` over `111年度預算數`).
fn amount_column(keys: &[String]) -> Option<usize> {
    let allowed = |k: &str| !NOT_AMOUNT.iter().any(|n| k.contains(n));
    if let Some(i) = AMOUNT_HEADERS.iter().find_map(|n| keys.iter().position(|k| k == n)) {
        return Some(i);
    }
    let year = |k: &str| k.split(|c: char| !c.is_ascii_digit()).find(|d| !d.is_empty()).and_then(|d| d.parse::<u32>().ok()).unwrap_or(0);
    let candidates = keys.iter().enumerate().filter(|(_, k)| allowed(k) && is_amount_key(k));
    // max_by_key keeps the last of equals; the first column should win a tie.
    candidates.rev().max_by_key(|(_, k)| year(k)).map(|(i, _)| i)
}

fn name_column(keys: &[String]) -> Option<usize> {
    NAME_HEADERS.iter().find_map(|n| keys.iter().position(|k| k == n)).or_else(|| keys.iter().position(|k| k.contains("名稱")))
}

fn code_column(keys: &[String], name: Option<usize>) -> Option<usize> {
    let usable = |i: &usize| Some(*i) != name;
    CODE_HEADERS
        .iter()
        .find_map(|n| keys.iter().position(|k| k == n).filter(usable))
        .or_else(|| keys.iter().enumerate().position(|(i, k)| usable(&i) && ["編號", "代碼", "代號"].iter().any(|f| k.contains(f))))
}

/// True for a row that reads as a header: it names a level, a name or an amount column,
/// and has a second cell (a title is one cell, however wide it is drawn).
pub(super) fn is_header(cells: &[String]) -> bool {
    cells.iter().filter(|c| !c.is_empty()).count() >= 2
        && cells.iter().map(|c| header_key(c)).any(|k| {
            !k.is_empty() && (level_rank(&k).is_some() || NAME_HEADERS.contains(&k.as_str()) || k.contains("名稱") || is_amount_key(&k) || is_part_key(&k))
        })
}

/// This year's budget in its parts: a header row of its own under 本年度預算數.
fn is_part_key(k: &str) -> bool {
    k == "經常門" || k == "資本門"
}

/// Headers of the book's other columns, in priority order for each.
const LAST_YEAR_HEADERS: &[&str] = &["上年度預算數", "上年度預算", "上年預算數", "上年度法定預算數", "上年度"];
const ACTUAL_HEADERS: &[&str] = &["前年度決算數", "前年決算數", "前年度決算", "決算數"];
const CHANGE_HEADERS: &[&str] = &["本年度與上年度比較", "本年度較上年度增減", "比較", "增減", "較上年度增減"];
const EXPLANATION_HEADERS: &[&str] = &["說明", "备注", "備註", "附註", "note"];

fn find(keys: &[String], names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| keys.iter().position(|k| k == n)).or_else(|| names.iter().find_map(|n| keys.iter().position(|k| k.starts_with(n))))
}

/// The header of this year's budget where a table prints it only as 經常門 and 資本門.
pub const PARTS_SUMMED: &str = "本年度預算數（經常門＋資本門）";

/// A table that prints this year's budget only as its 經常門 and 資本門 (no 合計 or
/// 本年度預算數 column, or one blank on every row, as a merged two-row header leaves it):
/// their sum becomes that column, headed [`PARTS_SUMMED`] (with the unit the old header
/// named), so every reader after this sees one figure for this year per line. A part that
/// is not a number is copied instead, so the line is reported, never read as blank.
pub fn sum_parts(t: &mut Table) {
    let keys: Vec<String> = t.headers.iter().map(|h| header_key(h)).collect();
    let (Some(current), Some(capital)) = (find(&keys, &["經常門"]), find(&keys, &["資本門"])) else { return };
    let total = match amount_column(&keys) {
        Some(i) if i == current || i == capital => return,
        Some(i) if t.rows.iter().any(|r| !r.cell(i).trim().is_empty()) => return,
        Some(i) => i,
        None => {
            t.headers.push(String::new());
            t.headers.len() - 1
        }
    };
    let unit = t.headers[total].find(['(', '（']).map(|at| t.headers[total][at..].to_string()).unwrap_or_default();
    t.headers[total] = format!("{PARTS_SUMMED}{unit}");
    for r in &mut t.rows {
        let written = match (parse_amount(r.cell(current)), parse_amount(r.cell(capital))) {
            (Amount::Value(a), Amount::Value(b)) => (a + b).normalize().to_string(),
            (Amount::Value(a), Amount::Blank) | (Amount::Blank, Amount::Value(a)) => a.normalize().to_string(),
            (Amount::Bad, _) => r.cell(current).to_string(),
            (_, Amount::Bad) => r.cell(capital).to_string(),
            (Amount::Blank, Amount::Blank) => continue,
        };
        if r.cells.len() <= total {
            r.cells.resize(total + 1, String::new());
        }
        r.cells[total] = written;
    }
}

/// The civic-tech CSV of the central budget (`year,code,amount,name,topname,depname,depcat,
/// cat,ref`): its levels are the columns that name them (主管, 機關, 業務計畫) and the line's
/// own name; `name` is 無細項 where a work plan has no detail, and the work plan itself is
/// then the line (see [`super::lines`]).
fn civic_levels(keys: &[String]) -> Option<Vec<usize>> {
    let at = |k: &str| keys.iter().position(|x| x == k);
    let (top, dep, name) = (at("topname")?, at("depname")?, at("name")?);
    Some([Some(top), Some(dep), at("depcat"), Some(name)].into_iter().flatten().collect())
}

/// Guesses the mapping: levels, name and amount from the headers; a code column
/// (科目編號), which gives the hierarchy when there is no level column; the book's other
/// columns; and the unit, from the amount header, else a `單位：…` in the title block or
/// another header, else the lines' total and magnitude ([`unit_from_figures`]).
pub fn guess_mapping(t: &Table) -> Mapping {
    let keys: Vec<String> = t.headers.iter().map(|h| header_key(h)).collect();
    let mut levels: Vec<(u32, usize)> = keys.iter().enumerate().filter_map(|(i, k)| Some((level_rank(k)?, i))).collect();
    crate::order::sort(&mut levels);
    let mut levels: Vec<usize> = levels.into_iter().map(|(_, i)| i).collect();
    let mut name = name_column(&keys);
    let civic = civic_levels(&keys);
    if let Some(civic) = &civic {
        levels = civic.clone();
        name = civic.last().copied();
    }
    let amount = amount_column(&keys);
    let code = code_column(&keys, name);
    let mut m = Mapping {
        levels,
        code,
        name,
        amount,
        unit: Unit::Thousand,
        unit_guess: None,
        unit_chosen: false,
        explanation: find(&keys, EXPLANATION_HEADERS),
        last_year: find(&keys, LAST_YEAR_HEADERS),
        actual: find(&keys, ACTUAL_HEADERS),
        change: find(&keys, CHANGE_HEADERS),
        current: find(&keys, &["經常門"]),
        capital: find(&keys, &["資本門"]),
    };
    let stated = amount.and_then(|i| unit_of(&t.headers[i])).or_else(|| {
        let lines = t.title.iter().map(|(_, s)| s.as_str()).chain(t.headers.iter().map(String::as_str));
        lines.filter_map(|s| s.split_once("單位").map(|(_, rest)| rest)).find_map(unit_of)
    });
    let explained = if stated.is_none() { amount.and_then(|a| unit_from_explanations(t, a, m.explanation)) } else { None };
    let guess = match (amount, explained) {
        // The civic-tech CSV's amounts are 元 by its definition.
        (Some(_), _) if civic.is_some() && stated.is_none() => UnitGuess { unit: Unit::Yuan, evidence: UnitEvidence::Convention },
        (Some(_), Some((unit, line))) => UnitGuess { unit, evidence: UnitEvidence::Explained { line } },
        (Some(_), None) => unit_from_figures(stated, &leaf_amounts(t, &m)),
        (None, _) => {
            UnitGuess { unit: stated.unwrap_or(Unit::Thousand), evidence: if stated.is_some() { UnitEvidence::Stated } else { UnitEvidence::Default } }
        }
    };
    m.unit = guess.unit;
    m.unit_guess = Some(guess);
    m
}

/// Taiwan's whole central government budget is about 2.9 × 10⁹ 千元 (2025); a book whose
/// lines add up to more than ten times that in 千元 is in 元.
const IMPLAUSIBLE_THOUSANDS: i64 = 29_000_000_000;

/// The unit, from what the table states and what its leaf lines (as written) add up to:
/// - a stated unit stands, unless it is 千元 and the total would be implausible: split;
/// - an implausible total as 千元 → 元;
/// - else [`unit_from_magnitude`], where lines in the millions that are not whole
///   thousands point to 元 but could be a large agency in 千元: split.
pub fn unit_from_figures(stated: Option<Unit>, leaves: &[Decimal]) -> UnitGuess {
    let total: Decimal = leaves.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
    let implausible = total > Decimal::from(IMPLAUSIBLE_THOUSANDS);
    let split = || UnitEvidence::Split { as_thousand: Money(total), as_yuan: Money(total / Decimal::from(1000)) };
    match stated {
        Some(Unit::Thousand) if implausible => UnitGuess { unit: Unit::Yuan, evidence: split() },
        Some(unit) => UnitGuess { unit, evidence: UnitEvidence::Stated },
        None if implausible => UnitGuess { unit: Unit::Yuan, evidence: UnitEvidence::Implausible { total: Money(total) } },
        None => match unit_from_magnitude(leaves) {
            UnitGuess { evidence: UnitEvidence::Split { .. }, unit } => UnitGuess { unit, evidence: split() },
            // Whole thousands in the millions also describe a ministry's book in 千元 (a
            // revenue table's round estimates): 元 only when, as 千元, the book would be
            // larger than the whole central government's.
            UnitGuess { evidence: UnitEvidence::Magnitude { median }, unit }
                if median.0 < Decimal::from(1_000_000_000) && total <= Decimal::from(IMPLAUSIBLE_THOUSANDS / 10) =>
            {
                UnitGuess { unit, evidence: split() }
            }
            g => g,
        },
    }
}

/// The unit a line's 說明 gives away: 「本年度預算數1,982,680千元」 beside an amount cell
/// of `1,982,680` is 千元; beside `1,982,680,000` it is 元. The first line (of the first 500
/// rows) where an amount stated in 千元 is the row's amount or a thousandth of it decides;
/// its source line is returned as the evidence.
fn unit_from_explanations(t: &Table, amount: usize, explanation: Option<usize>) -> Option<(Unit, u32)> {
    let explanation = explanation?;
    for row in t.rows.iter().take(500) {
        let Amount::Value(written) = parse_amount(row.cell(amount)) else { continue };
        if written.is_zero() {
            continue;
        }
        for stated in thousands_in(row.cell(explanation)) {
            if stated == written {
                return Some((Unit::Thousand, row.line));
            }
            if stated * Decimal::from(1000) == written {
                return Some((Unit::Yuan, row.line));
            }
        }
    }
    None
}

/// The amounts written `…千元` in a text (`9,529千元` → 9529), its lines joined first: a
/// 說明 is wrapped at the column's width, mid-figure (`348,9⏎40,000千元`).
fn thousands_in(text: &str) -> Vec<Decimal> {
    let joined: String = text.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    thousands_in_line(&joined)
}

fn thousands_in_line(line: &str) -> Vec<Decimal> {
    let mut out = Vec::new();
    for (at, _) in line.match_indices("千元") {
        let before = &line[..at];
        let digits: String = before.chars().rev().take_while(|c| c.is_ascii_digit() || *c == ',').collect::<Vec<_>>().into_iter().rev().collect();
        if let Some(d) = crate::money::parse_decimal(digits.trim_start_matches(',')) {
            out.push(d);
        }
    }
    out
}

/// A cross-tabulation: besides the mapped columns, three or more columns of amounts, and a
/// 合計 or 總計 among the headers (the margins). Returns how many amount columns it has.
pub(super) fn cross_tab(t: &Table, m: &Mapping) -> Option<usize> {
    let keys: Vec<String> = t.headers.iter().map(|h| header_key(h)).collect();
    if !keys.iter().any(|k| k == "合計" || k == "總計") {
        return None;
    }
    let mapped = |i: usize| {
        m.levels.contains(&i)
            || [m.code, m.name, m.explanation, m.last_year, m.actual, m.change, m.current, m.capital].contains(&Some(i))
            || keys[i] == "合計"
            || keys[i] == "總計"
    };
    let sample: Vec<&super::Row> = t.rows.iter().take(200).collect();
    let numeric = (0..keys.len())
        .filter(|&i| !mapped(i) && !keys[i].is_empty())
        .filter(|&i| {
            let cells: Vec<&str> = sample.iter().map(|r| r.cell(i)).filter(|c| !c.is_empty()).collect();
            !cells.is_empty() && cells.iter().filter(|c| matches!(parse_amount(c), Amount::Value(_))).count() * 5 >= cells.len() * 4
        })
        .count();
    (numeric >= 3).then_some(numeric)
}

/// The unit a header or a `單位：…` statement names. 萬元 and 億元 are no unit this
/// program reads, so they are not taken for 元.
fn unit_of(header: &str) -> Option<Unit> {
    let h = header.to_lowercase();
    if h.contains("千元") || h.contains("thousand") {
        Some(Unit::Thousand)
    } else if h.contains("萬元") || h.contains("億元") || h.contains("百萬") {
        None
    } else if h.contains('元') || h.ends_with("twd") || h.contains("nt$") {
        Some(Unit::Yuan)
    } else {
        None
    }
}

/// The leaf lines' amounts as written, read with the mapping's hierarchy (so subtotals,
/// which would push the median up, are left out).
fn leaf_amounts(t: &Table, m: &Mapping) -> Vec<Decimal> {
    let as_written = Mapping { unit: Unit::Thousand, unit_guess: None, ..m.clone() };
    super::leaves(t, &as_written)
        .into_iter()
        .filter_map(|row| match parse_amount(t.rows[row].cell(m.amount?)) {
            Amount::Value(d) => Some(d.abs()),
            _ => None,
        })
        .collect()
}

/// Budget books in 元 print their lines rounded to the thousand and a typical line in the
/// millions; books in 千元 print arbitrary figures. So: at least 80% of the nonzero leaf
/// amounts are whole thousands and their median is at least 1,000,000, or the median is
/// at least 10^9 (as 千元 that would be a trillion NT$ a line) → 元. A median in the
/// millions otherwise is split evidence (its totals are left for [`unit_from_figures`]).
/// Otherwise the amounts do not tell, and 千元 (the unit of every 施政計畫) is assumed.
/// The median is reported as written, in the table's own figures.
pub fn unit_from_magnitude(amounts: &[Decimal]) -> UnitGuess {
    let mut v: Vec<Decimal> = amounts.iter().copied().filter(|d| !d.is_zero()).collect();
    if v.is_empty() {
        return UnitGuess { unit: Unit::Thousand, evidence: UnitEvidence::Default };
    }
    crate::order::sort(&mut v);
    let median = v[(v.len() - 1) / 2];
    let thousand = Decimal::from(1000);
    let round = v.iter().filter(|d| (**d % thousand).is_zero()).count();
    let yuan = (round * 5 >= v.len() * 4 && median >= Decimal::from(1_000_000)) || median >= Decimal::from(1_000_000_000);
    if yuan {
        UnitGuess { unit: Unit::Yuan, evidence: UnitEvidence::Magnitude { median: Money(median) } }
    } else if median >= Decimal::from(1_000_000) {
        // In the millions but not whole thousands: 元 from a book that prints every 元, or
        // a large agency in 千元. The caller puts both totals to the reader.
        UnitGuess { unit: Unit::Thousand, evidence: UnitEvidence::Split { as_thousand: Money::ZERO, as_yuan: Money::ZERO } }
    } else {
        UnitGuess { unit: Unit::Thousand, evidence: UnitEvidence::Default }
    }
}

/// Classification path of a code (科目編號), for a table with no level columns.
///
/// - Dotted codes (`2.1.1.1-120101`): each dotted part is a level; what follows a `-` is
///   one more level (the line's own number under its heading).
/// - Digit codes: two digits a level (an odd length's first digit is a level alone), the
///   trailing `00` levels dropped, so `0101` is under `01` and `3505010000` is
///   `35/05/01`. A 10-digit 歲出 科目編號 is, two digits each, 政事別, 主管機關,
///   單位預算機關, 業務計畫 and 工作計畫. In an agency table (機關別, `agency_first`: some code
///   starts with `00`, the rows of 主管 and 機關, which have no 政事別) the agency digits
///   come first and a `00` 政事別 is dropped: 總統府 `0002010000` → `02/01`, its
///   國務支出 `3202010000` → `02/01/32`, 一般行政 `3202010100` → `02/01/32/01`.
/// - Anything else is one level, as written.
pub fn code_path(code: &str, agency_first: bool) -> Vec<String> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() {
        return Vec::new();
    }
    if code.contains(['.', '-']) {
        let (head, tail) = code.split_once('-').unwrap_or((&code, ""));
        return head.split('.').chain([tail]).filter(|p| !p.is_empty()).map(str::to_string).collect();
    }
    // A classified (機密) line's code has a letter in it: `416401A000`.
    let ten = code.len() == 10 && code.bytes().all(|b| b.is_ascii_alphanumeric());
    if !ten && !code.bytes().all(|b| b.is_ascii_digit()) {
        return vec![code];
    }
    let first = code.len() % 2;
    let mut parts: Vec<&str> = (first > 0).then(|| &code[..1]).into_iter().chain((first..code.len()).step_by(2).map(|i| &code[i..i + 2])).collect();
    if agency_first && code.len() == 10 {
        let function = parts.remove(0);
        if function != "00" {
            parts.insert(2, function);
        }
    }
    while parts.len() > 1 && parts.last().is_some_and(|p| p.chars().all(|c| c == '0')) {
        parts.pop();
    }
    parts.into_iter().map(str::to_string).collect()
}

/// True when the code column is laid out by agency: see [`code_path`].
pub(super) fn agency_first(t: &Table, code: usize) -> bool {
    t.rows.iter().any(|r| {
        let c = r.cell(code);
        c.len() == 10 && c.starts_with("00") && c.bytes().all(|b| b.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget_csv::read_table;

    #[test]
    fn guesses_levels_name_amount_and_unit() {
        let t = read_table("目,款,項,科目名稱,上年度預算數,本年度預算數(元)\n").unwrap();
        let m = guess_mapping(&t);
        assert_eq!((m.levels, m.name, m.amount, m.unit), (vec![1, 2, 0], Some(3), Some(5), Unit::Yuan));
        assert_eq!(m.unit_guess.unwrap().evidence, UnitEvidence::Stated);
        let t = read_table("level2,level1,name,budget (千元)\n").unwrap();
        let m = guess_mapping(&t);
        assert_eq!((m.levels, m.name, m.amount, m.unit), (vec![1, 0], Some(2), Some(3), Unit::Thousand));
    }

    #[test]
    fn last_years_figures_and_notes_are_never_the_amount() {
        let keys = |h: &str| h.split(',').map(header_key).collect::<Vec<_>>();
        assert_eq!(amount_column(&keys("科目名稱,上年度預算數,前年度決算數,本年度與上年度比較,說明")), None);
        assert_eq!(amount_column(&keys("名稱,111年度預算數,112年度預算數,說明")), Some(2));
        assert_eq!(amount_column(&keys("款,項,目,名,總額")), Some(4));
        assert_eq!(amount_column(&keys("名稱,經常門,資本門,合計")), Some(3));
        assert_eq!(name_column(&keys("款,項,目,名,總額")), Some(3));
        assert_eq!(code_column(&keys("科目編號,科目名稱,預算數"), Some(1)), Some(0));
        assert_eq!(code_column(&keys("名稱及編號,預算數"), Some(0)), None);
    }

    #[test]
    fn the_total_decides_the_unit_when_nothing_else_does() {
        let d = |v: &[i64]| v.iter().map(|x| Decimal::from(*x)).collect::<Vec<_>>();
        // A city's book in 元, not whole thousands: 158 billion as 千元 would be 50 central budgets.
        let city = d(&[158_544_077_387, 1_234]);
        assert!(matches!(unit_from_figures(None, &city), UnitGuess { unit: Unit::Yuan, evidence: UnitEvidence::Implausible { .. } }));
        // The title says 千元 but the total cannot be: both readings are put to the reader.
        let g = unit_from_figures(Some(Unit::Thousand), &city);
        assert_eq!(g.evidence, UnitEvidence::Split { as_thousand: Money(Decimal::from(158_544_078_621i64)), as_yuan: Money(Decimal::new(158_544_078_621, 3)) });
        // Lines in the millions, not whole thousands, a plausible total: split, with both totals.
        let g = unit_from_figures(None, &d(&[1_234_567, 2_345_678, 3_456_789]));
        assert_eq!(g.evidence, UnitEvidence::Split { as_thousand: Money(Decimal::from(7_037_034)), as_yuan: Money(Decimal::new(7_037_034, 3)) });
        assert_eq!(unit_from_figures(Some(Unit::Yuan), &d(&[5])).evidence, UnitEvidence::Stated);
        assert_eq!(unit_from_figures(None, &d(&[258_536, 38_499])).evidence, UnitEvidence::Default);
    }

    #[test]
    fn civic_tech_csv_names_its_levels() {
        let t = read_table("year,code,amount,name,topname,depname,depcat,cat,ref\n").unwrap();
        let m = guess_mapping(&t);
        assert_eq!((m.levels, m.name, m.amount, m.code), (vec![4, 5, 6, 3], Some(3), Some(2), Some(1)));
    }

    #[test]
    fn a_unit_in_the_title_block_or_a_header_is_stated() {
        for (text, unit) in [
            ("單位：新臺幣千元\n名稱,預算數\n甲,1\n", Unit::Thousand),
            ("某市總預算\n單位：元\n名稱,預算數\n甲,1\n", Unit::Yuan),
            ("名稱,預算數,單位：元\n甲,1\n", Unit::Yuan),
        ] {
            let m = guess_mapping(&read_table(text).unwrap());
            assert_eq!(m.unit_guess, Some(UnitGuess { unit, evidence: UnitEvidence::Stated }), "{text}");
        }
        assert_eq!(unit_of("金額(萬元)"), None);
    }

    #[test]
    fn magnitude_decides_only_when_it_is_telling() {
        let d = |v: &[i64]| v.iter().map(|x| Decimal::from(*x)).collect::<Vec<_>>();
        let g = unit_from_magnitude(&d(&[12_000_000, 3_000_000, 1_500_000, 800_000, 2_345_000]));
        assert_eq!(g, UnitGuess { unit: Unit::Yuan, evidence: UnitEvidence::Magnitude { median: Money(Decimal::from(2_345_000)) } });
        // ... but with a total a ministry in 千元 could have, the reader is asked.
        assert!(matches!(unit_from_figures(None, &d(&[12_000_000, 3_000_000, 1_500_000, 800_000, 2_345_000])).evidence, UnitEvidence::Split { .. }));
        assert_eq!(unit_from_magnitude(&d(&[258_536, 38_499, 5_940])).unit, Unit::Thousand);
        assert!(
            matches!(unit_from_magnitude(&d(&[1_234_567, 2_345_678, 3_456_789])).evidence, UnitEvidence::Split { .. }),
            "big but not round: could be either"
        );
        assert_eq!(unit_from_magnitude(&d(&[1_234_567_891])).unit, Unit::Yuan);
        assert_eq!(unit_from_magnitude(&[]).evidence, UnitEvidence::Default);
    }

    #[test]
    fn codes_give_the_hierarchy() {
        let p = |c: &str, a: bool| code_path(c, a).join("/");
        assert_eq!(p("2.1.1.1-120101", false), "2/1/1/1/120101");
        assert_eq!(p("2.1", false), "2/1");
        assert_eq!(p("3500000000", false), "35");
        assert_eq!(p("3505010000", false), "35/05/01");
        assert_eq!(p("3505010100", false), "35/05/01/01");
        assert_eq!(p("0002000000", true), "02");
        assert_eq!(p("0002010000", true), "02/01");
        assert_eq!(p("3202010000", true), "02/01/32");
        assert_eq!(p("3202010100", true), "02/01/32/01");
        assert_eq!(p("10101", false), "1/01/01");
        assert_eq!(p("00", false), "00");
        assert_eq!(p("A-1", false), "A/1");
        assert_eq!(p(" x9 ", false), "x9");
        assert!(code_path("", false).is_empty());
    }
}
