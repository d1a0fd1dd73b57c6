//! Figures an explanation states about its own line — 「本年度預算數9,529千元」,
//! 「上年度預算數10,209千元」, 「較上年度減列680千元」 — read so they can be checked
//! against the line. Any unit the text names (元, 千元, 萬元, 億元) is turned into 千元; a
//! number without a unit is not read (it may be a count of people or a year).

use super::Flag;
use crate::money::Money;
use rust_decimal::Decimal;

/// What a figure in an explanation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    ThisYear,
    LastYear,
    /// This year minus last; a cut (減列, 減少) is negative.
    Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaidFigure {
    pub said: Said,
    pub amount: Money,
}

/// Words that introduce each figure, and the sign they give it.
const CUES: [(&str, Said, bool); 14] = [
    ("本年度預算數", Said::ThisYear, false),
    ("本年度預算", Said::ThisYear, false),
    ("上年度預算數", Said::LastYear, false),
    ("上年度法定預算數", Said::LastYear, false),
    ("較上年度增列", Said::Change, false),
    ("較上年度增加", Said::Change, false),
    ("較上年度增編", Said::Change, false),
    ("較上年度減列", Said::Change, true),
    ("較上年度減少", Said::Change, true),
    ("較上年度減編", Said::Change, true),
    ("計淨增", Said::Change, false),
    ("計淨減", Said::Change, true),
    ("淨增", Said::Change, false),
    ("淨減", Said::Change, true),
];

/// A figure belongs to its cue's clause: 「較上年度減列，主要係…300千元」 states no figure
/// for the cue. A clause ends at one of these.
const CLAUSE_ENDS: [char; 5] = ['，', '。', '；', '\n', ';'];

/// Every figure `text` states about its line, in the order written.
pub fn said_figures(text: &str) -> Vec<SaidFigure> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        // The longest cue that starts here ("本年度預算數" before "本年度預算").
        let rest = &text[at..];
        let cue = CUES.iter().filter(|(w, _, _)| rest.starts_with(w)).max_by_key(|(w, _, _)| w.len());
        match cue {
            Some((word, said, negative)) => {
                let after = &rest[word.len()..];
                if let Some(amount) = figure_after(after) {
                    let amount = if *negative { Money(-amount.0) } else { amount };
                    out.push(SaidFigure { said: *said, amount });
                }
                at += word.len();
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The first number in the clause that is followed by a unit of money, in 千元
/// (「增列辦理第12屆…經費2,352千元」: 12 is not money, 2,352 is).
fn figure_after(text: &str) -> Option<Money> {
    let clause = &text[..text.find(CLAUSE_ENDS).unwrap_or(text.len())];
    let mut at = 0;
    while let Some(start) = clause[at..].find(|c: char| c.is_ascii_digit()).map(|i| at + i) {
        let digits: String = clause[start..].chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
        if let Some(m) = money(digits.trim_end_matches(['.', ',']), clause[start + digits.len()..].trim_start()) {
            return Some(m);
        }
        at = start + digits.len();
    }
    None
}

/// `number` in `unit` (the text after it) as 千元; `None` if the text names no money.
fn money(number: &str, unit: &str) -> Option<Money> {
    let number: Decimal = number.replace(',', "").parse().ok()?;
    let thousands = if unit.starts_with("千元") {
        number
    } else if unit.starts_with("萬元") {
        number.checked_mul(Decimal::TEN)?
    } else if unit.starts_with("億元") {
        number.checked_mul(Decimal::from(100_000))?
    } else if unit.starts_with('元') {
        number.checked_div(Decimal::from(1000))?
    } else {
        return None;
    };
    Some(Money(thousands)).filter(|m| m.is_plausible())
}

/// Flags for the figures `text` states that its line does not have. Where an explanation
/// states a kind of figure more than once, one match is enough, or the figures may add up
/// to the line's (changes stated part by part). An itemised explanation (「本年度預算數之
/// 內容與上年度之比較如下：1.人員維持費…較上年度增列…2,845千元。2.…」) states its parts'
/// changes in too many ways (減列…，增列…，計淨增…; 新增…; 所列…如數減列) to say which
/// figure is whose: its changes are not flagged, only its 本年度預算數 and 上年度預算數.
pub(super) fn check(text: &str, budget: Money, last_year: Option<Money>) -> Vec<Flag> {
    let figures = said_figures(text);
    let mut flags = Vec::new();
    let itemised = text.contains("如下") || text.lines().filter(|l| l.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit())).count() >= 2;
    for said in [Said::ThisYear, Said::LastYear, Said::Change] {
        if itemised && said == Said::Change {
            continue;
        }
        let actual = match said {
            Said::ThisYear => Some(budget),
            Said::LastYear => last_year,
            Said::Change => last_year.map(|l| budget - l),
        };
        let Some(figure) = actual else { continue };
        let stated: Vec<Money> = figures.iter().filter(|f| f.said == said).map(|f| f.amount).collect();
        let parts: Money = stated.iter().copied().sum();
        if let (Some(first), false) = (stated.first(), stated.contains(&figure) || parts == figure) {
            flags.push(Flag::Explanation { said, says: *first, figure });
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(n: i64) -> Money {
        Money::thousands(n)
    }

    #[test]
    fn reads_the_figures_a_book_states() {
        let text = "1.本年度預算數9,529千元，較上年度減列680千元，主要係人事費減少。\n2.上年度預算數10,209千元。";
        let got: Vec<(Said, Money)> = said_figures(text).into_iter().map(|f| (f.said, f.amount)).collect();
        assert_eq!(got, [(Said::ThisYear, k(9_529)), (Said::Change, k(-680)), (Said::LastYear, k(10_209))]);
    }

    #[test]
    fn units_other_than_thousands_are_converted() {
        let one = |t: &str| said_figures(t).first().map(|f| f.amount);
        assert_eq!(one("本年度預算數 1,234,000元"), Some(k(1_234)));
        assert_eq!(one("較上年度增列12萬元"), Some(k(120)));
        assert_eq!(one("本年度預算數3.5億元"), Some(k(350_000)));
        assert_eq!(one("較上年度增加2人"), None, "a count, not money");
        assert_eq!(one("較上年度減列，主要係辦理2025年活動經費減少300千元"), None, "not in its cue's clause");
        assert_eq!(one("較上年度增列辦理第12屆考試委員提名作業等經費2,352千元。"), Some(k(2_352)), "12 is not money");
    }

    #[test]
    fn only_figures_that_match_nothing_are_flagged() {
        let text = "本年度預算數9,529千元，較上年度減列680千元";
        assert!(check(text, k(9_529), Some(k(10_209))).is_empty());
        let flags = check(text, k(9_592), Some(k(10_209)));
        assert_eq!(
            flags,
            [
                Flag::Explanation { said: Said::ThisYear, says: k(9_529), figure: k(9_592) },
                Flag::Explanation { said: Said::Change, says: k(-680), figure: k(-617) }
            ]
        );
        // A line's own figure, then its parts': one match is enough.
        assert!(check("本年度預算數500千元，其中本年度預算數200千元為…", k(500), None).is_empty());
        assert!(check("辦理勞工教育", k(500), Some(k(400))).is_empty());
        // Part by part (DGBAS 103, 國家慶典): −534 − 191 is the line's −725.
        let parts = "本年度預算數之內容與上年度之比較如下：\n1.慶典佈置經費3,155千元，較上年度減列佈置會場等經費534千元。\n2.慶典接待經費11,463千元，較上年度減列元旦升旗典禮等經費191千元。";
        assert!(check(parts, k(14_618), Some(k(15_343))).is_empty());
    }
}
