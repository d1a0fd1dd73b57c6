//! A plan's companion file (`*.meta.json`, shipped beside the plan text): facts that are not
//! in the document — the population for per-capita figures and where it comes from — and
//! English glosses of the document's names. Never mixed into the parsed plan.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMeta {
    #[serde(default)]
    pub population: Option<Population>,
    #[serde(default)]
    pub gloss: Gloss,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Population {
    pub count: u64,
    /// e.g. "2021年底".
    pub as_of_zh: String,
    pub as_of_en: String,
    pub source_zh: String,
    pub source_en: String,
}

/// English glosses keyed by the document's numbering: programmes `"7"`, goals `"3"`,
/// strategies `"3.4"`, missions `"2"`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gloss {
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub vision: Option<String>,
    #[serde(default)]
    pub missions: BTreeMap<String, String>,
    #[serde(default)]
    pub goals: BTreeMap<String, String>,
    #[serde(default)]
    pub strategies: BTreeMap<String, String>,
    #[serde(default)]
    pub programmes: BTreeMap<String, String>,
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
}

impl PlanMeta {
    pub fn from_json(text: &str) -> Result<PlanMeta, String> {
        serde_json::from_str(text).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))
    }
}

impl Gloss {
    pub fn programme(&self, n: u32) -> Option<&str> {
        self.programmes.get(&n.to_string()).map(String::as_str)
    }
    pub fn goal(&self, n: u32) -> Option<&str> {
        self.goals.get(&n.to_string()).map(String::as_str)
    }
    pub fn mission(&self, n: u32) -> Option<&str> {
        self.missions.get(&n.to_string()).map(String::as_str)
    }
    pub fn strategy(&self, id: crate::StrategyId) -> Option<&str> {
        self.strategies.get(&id.to_string()).map(String::as_str)
    }
    pub fn source(&self, name: &str) -> Option<&str> {
        self.sources.get(name).map(String::as_str)
    }
}

/// The companion file of the bundled plan.
pub const SEED_META_JSON: &str = include_str!("../../assets/plans/taoyuan-labor-111-plan.meta.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_meta_glosses_every_name() {
        let meta = PlanMeta::from_json(SEED_META_JSON).unwrap();
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        assert_eq!(meta.population.as_ref().unwrap().count, 2_272_391);
        for p in &plan.programmes {
            assert!(meta.gloss.programme(p.number).is_some(), "programme {}", p.number);
        }
        for (id, _, _) in plan.strategies() {
            assert!(meta.gloss.strategy(id).is_some(), "strategy {id}");
        }
        for g in &plan.goals {
            assert!(meta.gloss.goal(g.number).is_some());
        }
        for m in &plan.missions {
            assert!(meta.gloss.mission(m.number).is_some());
        }
        for l in crate::funding::plan_breakdown(&plan) {
            assert!(meta.gloss.source(&l.source.name).is_some(), "{}", l.source.name);
        }
    }
}
