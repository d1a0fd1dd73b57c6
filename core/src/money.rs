//! Money: exact amounts in NT$ thousand (千元), the unit every 施政計畫 budget table uses.
//!
//! Amounts are `rust_decimal::Decimal`, never floats: a budget site that is off by one
//! 千元 is worthless. Display helpers give 千元 with separators, 萬元/億元, and NT$ million.

use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

/// The largest amount (exclusive, in 千元) a plan may state: 10^18.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_808_348_672, 232_830_643, 0, false, 0);

/// An amount in NT$ thousand (千元).
///
/// The field is private to this crate on purpose: every sum, share and bound the site shows
/// is computed here, where it is tested, so a view can only format and compare money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(pub(crate) Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub const fn new(thousands: Decimal) -> Money {
        Money(thousands)
    }

    pub fn thousands(n: i64) -> Money {
        Money(Decimal::from(n))
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// The amount in NT$ (元); `None` when it is too large to express (more than 28 digits).
    pub fn yuan(self) -> Option<Decimal> {
        self.0.checked_mul(Decimal::from(1000))
    }

    /// Amounts this large (10^18 千元) are no real budget: the parser and validation reject
    /// them, so that sums of any realistic number of lines stay exact and never overflow.
    pub fn is_plausible(self) -> bool {
        self.0.abs() < MAX_AMOUNT
    }

    pub fn from_yuan(yuan: Decimal) -> Money {
        Money(yuan / Decimal::from(1000))
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn max(self, other: Money) -> Money {
        if self >= other {
            self
        } else {
            other
        }
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Parses an amount as written in a plan or a CSV: `5,310`, `5310`, `-12.5`, `１２３`
    /// (full-width digits), with optional separators and spaces. Returns `None` for anything
    /// else, including numbers too large for a Decimal (more than 28 digits).
    pub fn parse(text: &str) -> Option<Money> {
        parse_decimal(text).map(Money)
    }

    /// `507,013` — 千元 with thousands separators; decimals kept if present.
    /// The amount as a plain number (`1234.5`): what a number input holds.
    pub fn plain(self) -> String {
        self.0.normalize().to_string()
    }

    pub fn fmt_thousands(self) -> String {
        group_digits(self.0.normalize())
    }

    /// A change, always signed: `+1,234`, `−1,234` (the minus sign, not a hyphen), `0`.
    pub fn fmt_change(self) -> String {
        let digits = group_digits(self.0.abs().normalize());
        if self.0.is_zero() {
            "0".to_string()
        } else if self.0.is_sign_negative() {
            format!("−{digits}")
        } else {
            format!("+{digits}")
        }
    }

    /// `5.07 億元` / `5,310 萬元`-style reading for people who think in 萬 and 億.
    /// 1 億元 = 100,000 千元; 1 萬元 = 10 千元.
    pub fn fmt_chinese(self) -> String {
        let yi = Decimal::from(100_000);
        let abs = self.0.abs();
        if abs >= yi {
            format!("{} 億元", group_digits((self.0 / yi).round_dp(2).normalize()))
        } else if abs >= Decimal::TEN {
            format!("{} 萬元", group_digits((self.0 / Decimal::TEN).round_dp(1).normalize()))
        } else {
            // Below 10 千元, so ×1000 cannot overflow.
            format!("{} 元", group_digits((self.0 * Decimal::from(1000)).round_dp(0).normalize()))
        }
    }

    /// `NT$507.0 million` — for English readers. 1 million NT$ = 1,000 千元.
    pub fn fmt_million(self) -> String {
        let m = (self.0 / Decimal::from(1000)).round_dp(1);
        format!("NT${} million", group_digits(with_one_decimal(m)))
    }
}

fn with_one_decimal(d: Decimal) -> Decimal {
    let mut d = d;
    if d.scale() < 1 {
        d.rescale(1);
    }
    d
}

/// Groups the integer part of a decimal with commas: `-1234567.5` → `-1,234,567.5`.
pub fn group_digits(d: Decimal) -> String {
    let s = d.to_string();
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Parses a decimal number written with optional thousands separators (`,` `，`),
/// full-width digits, surrounding spaces and a leading sign.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let mut cleaned = String::with_capacity(text.len());
    for ch in text.trim().chars() {
        match ch {
            '0'..='9' | '.' | '-' | '+' => cleaned.push(ch),
            '０'..='９' => cleaned.push(char::from(b'0' + (ch as u32 - '０' as u32) as u8)),
            ',' | '，' | '_' | ' ' => {}
            _ => return None,
        }
    }
    // No digits is not a number; a very long string is not an amount anyone wrote (and
    // Decimal itself refuses integers beyond 28 digits).
    if !cleaned.chars().any(|c| c.is_ascii_digit()) || cleaned.len() > 64 {
        return None;
    }
    Decimal::from_str(&cleaned).ok()
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} 千元", self.fmt_thousands())
    }
}

/// What a plan costs each resident, given a population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerCapita {
    /// NT$ (元) per resident per year, rounded to 2 decimals.
    pub per_year: Decimal,
    pub per_month: Decimal,
    pub per_day: Decimal,
}

/// Per-resident cost of `amount` for `population` people; `None` for a population of zero.
pub fn per_capita(amount: Money, population: u64) -> Option<PerCapita> {
    if population == 0 {
        return None;
    }
    let per_year = amount.yuan()?.checked_div(Decimal::from(population))?;
    Some(PerCapita {
        per_year: per_year.round_dp(2),
        per_month: (per_year / Decimal::from(12)).round_dp(2),
        per_day: (per_year / Decimal::from(365)).round_dp(2),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed() {
        assert_eq!(Money::thousands(41_464).fmt_change(), "+41,464");
        assert_eq!(Money::thousands(-58_536).fmt_change(), "−58,536");
        assert_eq!(Money::ZERO.fmt_change(), "0");
    }

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn parses_separators_and_full_width_digits() {
        assert_eq!(m("5,310"), Money::thousands(5310));
        assert_eq!(m(" 258,536 "), Money::thousands(258536));
        assert_eq!(m("１２３"), Money::thousands(123));
        assert_eq!(m("-12.5").0, Decimal::new(-125, 1));
        assert_eq!(Money::parse("五千"), None);
        assert_eq!(Money::parse(""), None);
        assert_eq!(Money::parse(","), None);
        assert_eq!(Money::parse(&"9".repeat(40)), None);
    }

    #[test]
    fn formats_thousands_with_separators() {
        assert_eq!(Money::thousands(507013).fmt_thousands(), "507,013");
        assert_eq!(Money::thousands(-1234567).fmt_thousands(), "-1,234,567");
        assert_eq!(Money::thousands(999).fmt_thousands(), "999");
        assert_eq!(Money(Decimal::new(12345, 1)).fmt_thousands(), "1,234.5");
    }

    #[test]
    fn formats_wan_and_yi() {
        assert_eq!(Money::thousands(507013).fmt_chinese(), "5.07 億元");
        assert_eq!(Money::thousands(23220).fmt_chinese(), "2,322 萬元");
        assert_eq!(Money::thousands(126).fmt_chinese(), "12.6 萬元");
        assert_eq!(Money::thousands(5).fmt_chinese(), "5,000 元");
    }

    #[test]
    fn formats_nt_million() {
        assert_eq!(Money::thousands(507013).fmt_million(), "NT$507.0 million");
        assert_eq!(Money::thousands(126).fmt_million(), "NT$0.1 million");
        assert_eq!(Money::thousands(2_258_536).fmt_million(), "NT$2,258.5 million");
    }

    #[test]
    fn per_capita_in_yuan() {
        let pc = per_capita(Money::thousands(507013), 2_272_391).unwrap();
        assert_eq!(pc.per_year.to_string(), "223.12");
        assert_eq!(pc.per_month.to_string(), "18.59");
        assert_eq!(pc.per_day.to_string(), "0.61");
        assert!(per_capita(Money::thousands(1), 0).is_none());
    }

    #[test]
    fn huge_amounts_are_implausible_and_never_overflow() {
        assert_eq!(MAX_AMOUNT.to_string(), "1000000000000000000");
        // Found by `cargo fuzz run money`: 27 digits × 1000 overflowed a Decimal.
        let huge = Money::parse("555502067103455550532010150").unwrap();
        assert!(!huge.is_plausible());
        assert_eq!(huge.yuan(), None);
        assert_eq!(per_capita(huge, 2_272_391), None);
        assert!(Money::thousands(507_013).is_plausible());
    }

    #[test]
    fn formatted_amounts_parse_back() {
        // Found by `cargo fuzz run money`: 28 fractional digits printed with a leading 0.
        let m = Money::parse("-.6666028166666602816651651621").unwrap();
        assert_eq!(Money::parse(&m.fmt_thousands()), Some(m));
        assert_eq!(Money::parse(&"9".repeat(40)), None);
    }
}
