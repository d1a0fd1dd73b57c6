//! The plan: what the agency wants (vision, missions, goals and strategies) and what it
//! will pay for (programmes). Serialised as the versioned canonical JSON documented in README.

use crate::book::{DocumentKind, Group};
use crate::money::Money;
use crate::programme::Programme;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Bumped whenever the canonical JSON changes shape; readers migrate older versions forward.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub schema_version: u32,
    /// e.g. `勞動局`.
    pub agency: String,
    /// ROC year (民國), e.g. 111 = 2022.
    pub year: u32,
    /// The document's title line, e.g. `勞動局 111年度施政計畫`.
    pub title: String,
    #[serde(default)]
    pub vision: Option<Vision>,
    #[serde(default)]
    pub missions: Vec<Mission>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Names of the classification levels programmes carry (e.g. `["款", "項", "目"]`
    /// for a budget book); empty for a 施政計畫.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classification_levels: Vec<String>,
    /// A plan, or a budget book's spending or revenue table.
    #[serde(default, skip_serializing_if = "DocumentKind::is_plan")]
    pub kind: DocumentKind,
    /// A budget book's lines that have lines under them (see [`crate::book`]); empty for a
    /// 施政計畫, whose programmes are all at the top.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// The file the plan was read from when it was not text (a PDF: name, pages, hash).
    /// Absent from plans read from text, so their JSON is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::span::SourceFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vision {
    pub title: String,
    /// Paragraphs, each with its PDF line breaks joined.
    pub paragraphs: Vec<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mission {
    pub number: u32,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub number: u32,
    pub name: String,
    pub strategies: Vec<Strategy>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategy {
    pub number: u32,
    pub name: String,
    pub span: Span,
}

/// Addresses a strategy as (goal number, strategy number), e.g. 貳一(一) = `1.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StrategyId {
    pub goal: u32,
    pub strategy: u32,
}

impl std::fmt::Display for StrategyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.goal, self.strategy)
    }
}

impl std::str::FromStr for StrategyId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (g, st) = s.split_once('.').ok_or_else(|| format!("`{s}` is not GOAL.STRATEGY"))?;
        let goal = g.trim().parse().map_err(|_| format!("`{g}` is not a goal number"))?;
        let strategy = st.trim().parse().map_err(|_| format!("`{st}` is not a strategy number"))?;
        Ok(StrategyId { goal, strategy })
    }
}

impl Plan {
    pub fn empty() -> Plan {
        Plan {
            schema_version: SCHEMA_VERSION,
            agency: String::new(),
            year: 0,
            title: String::new(),
            vision: None,
            missions: Vec::new(),
            goals: Vec::new(),
            programmes: Vec::new(),
            classification_levels: Vec::new(),
            kind: DocumentKind::Plan,
            groups: Vec::new(),
            source: None,
        }
    }

    pub fn total(&self) -> Money {
        self.programmes.iter().map(|p| p.budget).sum()
    }

    /// False for a partial plan: goals (or key points) read from a document without a
    /// budget table. Money views then say so instead of showing zeros.
    pub fn has_budget(&self) -> bool {
        !self.programmes.is_empty()
    }

    pub fn strategy_count(&self) -> usize {
        self.goals.iter().map(|g| g.strategies.len()).sum()
    }

    pub fn strategies(&self) -> impl Iterator<Item = (StrategyId, &Goal, &Strategy)> {
        self.goals.iter().flat_map(|g| g.strategies.iter().map(move |s| (StrategyId { goal: g.number, strategy: s.number }, g, s)))
    }

    pub fn strategy(&self, id: StrategyId) -> Option<(&Goal, &Strategy)> {
        let g = self.goals.iter().find(|g| g.number == id.goal)?;
        Some((g, g.strategies.iter().find(|s| s.number == id.strategy)?))
    }

    /// Programmes are numbered 1, 2, 3… in order in every plan read so far, so the n-th is
    /// tried first; lookups stay O(1) at 10,000 programmes and correct for any numbering.
    pub fn programme(&self, number: u32) -> Option<&Programme> {
        let guess = (number as usize).checked_sub(1).and_then(|i| self.programmes.get(i));
        match guess {
            Some(p) if p.number == number => Some(p),
            _ => self.programmes.iter().find(|p| p.number == number),
        }
    }

    /// Programmes sorted by budget, largest first (ties by number).
    pub fn ranking(&self) -> Vec<&Programme> {
        self.rank_order().into_iter().map(|i| &self.programmes[i]).collect()
    }

    /// Indices into `programmes` in [`Plan::ranking`] order.
    pub fn rank_order(&self) -> Vec<usize> {
        let p = &self.programmes;
        let mut order: Vec<usize> = (0..p.len()).collect();
        crate::order::sort_by(&mut order, |&a, &b| p[b].budget.cmp(&p[a].budget).then(p[a].number.cmp(&p[b].number)));
        order
    }

    /// Canonical JSON (pretty, stable field order).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Plan always serialises")
    }

    /// Reads canonical JSON; the error names the line and column.
    pub fn from_json(text: &str) -> Result<Plan, String> {
        let plan: Plan = serde_json::from_str(text).map_err(|e| format!("line {}, column {}: {}", e.line(), e.column(), e))?;
        if plan.schema_version > SCHEMA_VERSION {
            return Err(format!("schema_version {} is newer than this program understands ({SCHEMA_VERSION})", plan.schema_version));
        }
        Ok(plan)
    }
}
