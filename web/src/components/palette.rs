//! Colours that stay distinguishable under red–green colour blindness (Okabe & Ito), always
//! paired with a text label or pattern so colour never carries meaning alone.

use plan_core::FundingKind;

pub fn kind_colour(k: FundingKind) -> &'static str {
    match k {
        FundingKind::CentralSubsidy => "#56B4E9", // sky blue
        FundingKind::SpecialFund => "#E69F00",    // orange
        FundingKind::CityGeneral => "#009E73",    // bluish green
    }
}

/// A short tag drawn in treemap cells beside the colour.
pub fn kind_tag(k: FundingKind, lang: crate::i18n::Lang) -> &'static str {
    match k {
        FundingKind::CentralSubsidy => lang.pick("中央", "C"),
        FundingKind::SpecialFund => lang.pick("基金", "F"),
        FundingKind::CityGeneral => lang.pick("市", "M"),
    }
}

const GOALS: [&str; 8] = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#CC79A7", "#D55E00", "#0072B2", "#999999"];

pub fn goal_colour(goal: Option<u32>) -> &'static str {
    match goal {
        Some(g) if g > 0 => GOALS[(g as usize - 1) % (GOALS.len() - 1)],
        _ => "#BBBBBB",
    }
}
