//! Who pays: funding sources named in a programme's note (備註), and the city's general
//! budget, which pays whatever the notes do not cover.

use crate::money::Money;
use crate::plan::Plan;
use crate::programme::Programme;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FundingKind {
    /// 中央補助款 — grants from the central government.
    CentralSubsidy,
    /// 特種基金 — a special fund such as 勞工權益基金.
    SpecialFund,
    /// 市總預算 — the city's own general budget (the remainder).
    CityGeneral,
}

impl FundingKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            FundingKind::CentralSubsidy => "中央補助款",
            FundingKind::SpecialFund => "特種基金",
            FundingKind::CityGeneral => "市總預算",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            FundingKind::CentralSubsidy => "Central subsidy",
            FundingKind::SpecialFund => "Special funds",
            FundingKind::CityGeneral => "City general budget",
        }
    }
}

/// A named source of money, under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FundingSource {
    pub kind: FundingKind,
    pub name: String,
}

/// The canonical name of the city's general budget (the remainder after all notes).
pub const CITY_GENERAL: &str = "市總預算";

/// Short forms seen in plans, and the canonical name each stands for.
const ALIASES: &[(&str, &str)] = &[
    ("權益基金", "勞工權益基金"),
    ("身障就業基金", "身心障礙者就業基金"),
    ("身障基金", "身心障礙者就業基金"),
    ("就業安定基金", "就安基金"),
    ("中央補助", "中央補助款"),
    ("中央政府補助款", "中央補助款"),
    ("市預算", CITY_GENERAL),
    ("市庫", CITY_GENERAL),
    ("本府預算", CITY_GENERAL),
    ("市款", CITY_GENERAL),
    // A city agency's own money under the names its notes give it: the same remainder the
    // notes leave, so one line, never a fund of its own.
    ("市府預算", CITY_GENERAL),
    ("市配合款", CITY_GENERAL),
    ("自籌款", CITY_GENERAL),
    ("自籌經費", CITY_GENERAL),
    ("本府自籌款", CITY_GENERAL),
];

/// Words that make a longer name the city's own money (`本府預算（公務預算）`, `市款配合`).
const CITY_WORDS: &[&str] = &["市總預算", "市款", "市預算", "市府預算", "本府預算", "市配合款", "自籌"];

/// The sources this site knows by name (canonical names; their aliases are above). Any
/// other name in a note is kept as written and reported once, so a reader can check the
/// guessed kind.
pub const RECOGNISED: &[&str] = &["中央補助款", "勞工權益基金", "身心障礙者就業基金", "就安基金", CITY_GENERAL];

/// True for a canonical name in [`RECOGNISED`].
pub fn is_recognised(name: &str) -> bool {
    RECOGNISED.contains(&name)
}

/// The canonical name for a source as written in a note: whitespace removed, aliases resolved.
pub fn canonical_name(written: &str) -> String {
    let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    ALIASES.iter().find(|(alias, _)| *alias == compact).map(|(_, canon)| canon.to_string()).unwrap_or(compact)
}

/// Classifies a canonical source name. A fund or a surplus (…基金, …作業基金, 公益彩券盈餘)
/// is a special fund even when its name mentions the centre (中央…基金); a grant (…補助,
/// 統籌分配款) is central money; a name that says neither is still someone else's money
/// than the city's general budget, so it counts as a special fund rather than vanish into
/// the remainder.
pub fn kind_of(name: &str) -> FundingKind {
    if name == CITY_GENERAL || CITY_WORDS.iter().any(|w| name.contains(w)) {
        FundingKind::CityGeneral
    } else if name.contains("基金") || name.contains("盈餘") {
        FundingKind::SpecialFund
    } else if name.contains("中央") || name.contains("補助") || name.contains("統籌") {
        FundingKind::CentralSubsidy
    } else {
        FundingKind::SpecialFund
    }
}

pub fn source_for(written: &str) -> FundingSource {
    let name = canonical_name(written);
    FundingSource { kind: kind_of(&name), name }
}

/// One line of a funding breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingLine {
    pub source: FundingSource,
    pub amount: Money,
}

/// How one programme is paid for: its notes (merged by source, in order of first mention)
/// and the city general budget as the remainder. The remainder is never negative: a note
/// that exceeds the budget is a parse error reported by validation, and the city pays zero.
pub fn programme_breakdown(p: &Programme) -> Vec<FundingLine> {
    let mut lines: Vec<FundingLine> = Vec::new();
    for note in &p.funding {
        let source = source_for(&note.source);
        match lines.iter_mut().find(|l| l.source == source) {
            Some(l) => l.amount += note.amount,
            None => lines.push(FundingLine { source, amount: note.amount }),
        }
    }
    let noted: Money = lines.iter().map(|l| l.amount).sum();
    let rest = (p.budget - noted).max(Money::ZERO);
    if !rest.is_zero() || lines.is_empty() {
        let source = FundingSource { kind: FundingKind::CityGeneral, name: CITY_GENERAL.to_string() };
        match lines.iter_mut().find(|l| l.source == source) {
            Some(l) => l.amount += rest,
            None => lines.push(FundingLine { source, amount: rest }),
        }
    }
    lines
}

/// The whole plan's funding by source: central subsidy first, then special funds by size,
/// then the city general budget.
pub fn plan_breakdown(plan: &Plan) -> Vec<FundingLine> {
    let mut lines: Vec<FundingLine> = Vec::new();
    for p in &plan.programmes {
        for l in programme_breakdown(p) {
            match lines.iter_mut().find(|x| x.source == l.source) {
                Some(x) => x.amount += l.amount,
                None => lines.push(l),
            }
        }
    }
    crate::order::sort_by(&mut lines, |a, b| a.source.kind.cmp(&b.source.kind).then(b.amount.cmp(&a.amount)));
    lines
}

/// Totals by kind (central / special funds / city), in that order, zeros included.
pub fn by_kind(lines: &[FundingLine]) -> Vec<(FundingKind, Money)> {
    [FundingKind::CentralSubsidy, FundingKind::SpecialFund, FundingKind::CityGeneral]
        .into_iter()
        .map(|k| (k, lines.iter().filter(|l| l.source.kind == k).map(|l| l.amount).sum()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_canonical_names() {
        assert_eq!(canonical_name("權益基金"), "勞工權益基金");
        assert_eq!(canonical_name("身心障礙者就 業基金"), "身心障礙者就業基金");
        assert_eq!(canonical_name("中央補助款"), "中央補助款");
        assert_eq!(kind_of("中央補助款"), FundingKind::CentralSubsidy);
        assert_eq!(kind_of("勞工權益基金"), FundingKind::SpecialFund);
        assert_eq!(kind_of("市總預算"), FundingKind::CityGeneral);
        for city in ["市款", "市預算", "本府預算", "自籌款", "市府預算"] {
            assert_eq!(canonical_name(city), CITY_GENERAL, "{city}");
        }
        assert_eq!(kind_of("本府預算(公務預算)"), FundingKind::CityGeneral);
        assert_eq!(kind_of("自籌經費"), FundingKind::CityGeneral);
    }

    #[test]
    fn unknown_sources_get_a_kind_from_their_name() {
        assert_eq!(kind_of("公益彩券盈餘"), FundingKind::SpecialFund);
        assert_eq!(kind_of("空氣污染防制基金"), FundingKind::SpecialFund);
        assert_eq!(kind_of("停車場作業基金"), FundingKind::SpecialFund);
        assert_eq!(kind_of("前瞻基礎建設計畫補助"), FundingKind::CentralSubsidy);
        assert_eq!(kind_of("中央就業安定基金"), FundingKind::SpecialFund);
        assert_eq!(kind_of("企業捐款"), FundingKind::SpecialFund);
        assert!(is_recognised(&canonical_name("權益基金")));
        assert!(!is_recognised("公益彩券盈餘"));
    }
}
