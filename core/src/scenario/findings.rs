//! What a what-if says back: warnings about a scenario applied to a plan, and why a
//! scenario link cannot be read. Typed, like the readers' [`crate::diagnostic::Finding`]s:
//! `Display` is the English sentence, and the web crate words each in zh-TW too.

use crate::money::Money;
use rust_decimal::Decimal;
use std::fmt;

/// Something about a scenario that was applied differently from how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// An amount for a programme the plan does not have.
    NotInPlan { programme: u32 },
    /// A negative or implausible amount.
    NotABudget { programme: u32, amount: Money },
    /// A central-subsidy cut outside 0–100 %.
    CutClamped { asked: Decimal, used: Decimal },
    /// Keep the total, but every programme is set: nothing can absorb the change.
    NothingAbsorbs { moved: Money },
    /// Keep the total, but the others hold less than the increase.
    OthersTooSmall { available: Money, unmet: Money },
    /// Keep the total, but the shares are finer than 1 元.
    Rounded { moved: Money },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NotInPlan { programme } => write!(f, "programme {programme} is not in this plan; its amount was ignored"),
            Warning::NotABudget { programme, amount } => write!(f, "programme {programme}: {} 千元 is not a budget; it was ignored", amount.fmt_thousands()),
            Warning::CutClamped { asked, used } => write!(f, "a central cut of {asked}% is not possible; {used}% was used"),
            Warning::NothingAbsorbs { moved } => {
                write!(f, "every programme is set, so nothing can absorb the change: the total moves by {} 千元", moved.fmt_thousands())
            }
            Warning::OthersTooSmall { available, unmet } => write!(
                f,
                "the other programmes hold only {} 千元, so {} 千元 of the increase could not be taken from them: the total rises by that much",
                available.fmt_thousands(),
                unmet.fmt_thousands()
            ),
            Warning::Rounded { moved } => write!(f, "budgets finer than 1 元 were rounded: the total moves by {} 千元", moved.fmt_thousands()),
        }
    }
}

/// Why a scenario link cannot be read, and where: the 1-based field and its text (cut
/// short, so a hostile link cannot flood the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    pub field: Option<(usize, String)>,
    pub problem: UrlProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    TooLong { len: usize, max: usize },
    TooManyFields { count: usize, max: usize },
    BadEscape { written: String, at: usize },
    NotUtf8,
    UnknownVersion { version: String },
    NoVersion,
    KeepTwice,
    CutTwice,
    NotAPercentage { written: String },
    CutOutOfRange { written: String },
    NotAProgrammeNumber { written: String },
    ProgrammeNotInPlan { programme: u32 },
    ProgrammeTwice { programme: u32 },
    Negative { written: String },
    NotAnAmount { written: String },
    TooFine { written: String, max_dp: u32 },
    TooLarge { written: String },
    EmptyField { field: usize },
    UnknownField,
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use UrlProblem::*;
        match self {
            TooLong { len, max } => write!(f, "the scenario is {len} characters long; at most {max} are read"),
            TooManyFields { count, max } => write!(f, "the scenario has {count} fields; at most {max} are read"),
            BadEscape { written, at } => write!(f, "`{written}` at character {at} is not a percent-encoded character"),
            NotUtf8 => write!(f, "the scenario is not valid UTF-8 once percent-decoded"),
            UnknownVersion { version } => write!(f, "version {version} is not known (this site reads v1; the link may be from a newer version)"),
            NoVersion => write!(f, "expected the version `v1`"),
            KeepTwice => write!(f, "`k` (keep the total) appears twice"),
            CutTwice => write!(f, "the central cut appears twice"),
            NotAPercentage { written } => write!(f, "`{written}` is not a percentage"),
            CutOutOfRange { written } => write!(f, "a central cut of {written}% is outside 0–100"),
            NotAProgrammeNumber { written } => write!(f, "`{written}` is not a programme number"),
            ProgrammeNotInPlan { programme } => write!(f, "programme {programme} is not in this plan"),
            ProgrammeTwice { programme } => write!(f, "programme {programme} appears twice"),
            Negative { written } => write!(f, "`{written}` is negative; a budget cannot be"),
            NotAnAmount { written } => write!(f, "`{written}` is not an amount in 千元"),
            TooFine { written, max_dp } => write!(f, "`{written}` is finer than 1 元 (at most {max_dp} decimals of 千元)"),
            TooLarge { written } => write!(f, "`{written}` 千元 is larger than any budget can be"),
            EmptyField { field } => write!(f, "field {field} is empty (two `~` in a row?)"),
            UnknownField => write!(f, "not a field this site knows (`cN` central cut, `k` keep the total, `NUMBER_AMOUNT` a programme's budget)"),
        }
    }
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some((n, text)) => write!(f, "field {n} (`{text}`): {}", self.problem),
            None => write!(f, "{}", self.problem),
        }
    }
}

/// Lets tests and callers compare an error with its English sentence.
impl PartialEq<&str> for UrlError {
    fn eq(&self, other: &&str) -> bool {
        // Rare (tests, and one comparison per decoded URL): the allocation does not matter.
        #[allow(clippy::cmp_owned)]
        let same = self.to_string() == *other;
        same
    }
}

/// An outcome written as JSON keeps the sentence (as it did before warnings were typed).
impl serde::Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
