//! A plan's companion file (`*.meta.json`, shipped beside the plan text): facts that are not
//! in the document — the population for per-capita figures and where it comes from, prices
//! of everyday things to read an amount by — and English glosses of the document's names.
//! Never mixed into the parsed plan.

use crate::money::Money;
use rust_decimal::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMeta {
    #[serde(default)]
    pub population: Option<Population>,
    #[serde(default)]
    pub gloss: Gloss,
    /// Things a reader knows the price of; the first is the default unit.
    #[serde(default)]
    pub everyday: Vec<EverydayUnit>,
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

/// Something a reader buys or earns, to read an amount by: "≈ 1.3 hours at the basic wage".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EverydayUnit {
    /// Stable name, kept in the reader's preferences.
    pub id: String,
    /// What a count of it is called: "小時基本工資", "hours at the basic wage".
    pub zh: String,
    pub en: String,
    /// NT$ (元), written as a string so that it is read exactly.
    pub price: Decimal,
    pub as_of_zh: String,
    pub as_of_en: String,
    pub source_zh: String,
    pub source_en: String,
}

/// Counts of a unit are shown to one decimal place.
pub const EVERYDAY_DP: u32 = 1;

impl EverydayUnit {
    /// How many of this unit `amount` buys, rounded down to [`EVERYDAY_DP`] places (a whole
    /// number without them): the site never says an amount buys more than it does. `None`
    /// when it cannot be computed.
    pub fn count(&self, amount: Money) -> Option<Decimal> {
        count(amount.yuan()?, self.price)
    }

    /// What one of `population` residents' share of `amount` buys (the exact share, not the
    /// rounded NT$ figure shown beside it).
    pub fn per_resident(&self, amount: Money, population: u64) -> Option<Decimal> {
        count(amount.yuan()?.checked_div(Decimal::from(population))?, self.price)
    }
}

fn count(yuan: Decimal, price: Decimal) -> Option<Decimal> {
    if price <= Decimal::ZERO {
        return None;
    }
    // Normalised, so a whole count reads "10", not "10.0".
    Some(yuan.checked_div(price)?.round_dp_with_strategy(EVERYDAY_DP, RoundingStrategy::ToNegativeInfinity).normalize())
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
        let meta: PlanMeta = serde_json::from_str(text).map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        meta.validate()?;
        Ok(meta)
    }

    /// What serde cannot check: every unit has a name in both languages, a source and a
    /// price above zero, and ids are unique (a stored choice must name one unit).
    pub fn validate(&self) -> Result<(), String> {
        for (i, u) in self.everyday.iter().enumerate() {
            let field = |name: &str| format!("everyday[{i}].{name}");
            for (name, text) in [
                ("id", &u.id),
                ("zh", &u.zh),
                ("en", &u.en),
                ("as_of_zh", &u.as_of_zh),
                ("as_of_en", &u.as_of_en),
                ("source_zh", &u.source_zh),
                ("source_en", &u.source_en),
            ] {
                if text.trim().is_empty() {
                    return Err(format!("{}: must not be empty", field(name)));
                }
            }
            if u.price <= Decimal::ZERO {
                return Err(format!("{}: must be above zero NT$, not {}", field("price"), u.price));
            }
            if self.everyday[..i].iter().any(|v| v.id == u.id) {
                return Err(format!("{}: {:?} is used by an earlier unit", field("id"), u.id));
            }
        }
        Ok(())
    }

    /// The unit with this id, else the first (the default).
    pub fn everyday_unit(&self, id: Option<&str>) -> Option<&EverydayUnit> {
        id.and_then(|id| self.everyday.iter().find(|u| u.id == id)).or(self.everyday.first())
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

    fn unit(price: &str) -> EverydayUnit {
        let u = r#"{"id": "x", "zh": "個", "en": "things", "as_of_zh": "2022年", "as_of_en": "2022", "source_zh": "某處", "source_en": "somewhere", "price": "PRICE"}"#;
        serde_json::from_str(&u.replace("PRICE", price)).unwrap()
    }

    fn with_units(units: &str) -> Result<PlanMeta, String> {
        PlanMeta::from_json(&format!(r#"{{"everyday": [{units}]}}"#))
    }

    #[test]
    fn the_seed_share_in_everyday_units() {
        let meta = PlanMeta::from_json(SEED_META_JSON).unwrap();
        let total = crate::parser::parse(crate::SEED_PLAN_TEXT).plan.total();
        let population = meta.population.as_ref().unwrap().count;
        // 507,013 千元 ÷ 2,272,391 residents = NT$223.1188… a year each.
        let got: Vec<(&str, String)> = meta.everyday.iter().map(|u| (u.id.as_str(), u.per_resident(total, population).unwrap().to_string())).collect();
        assert_eq!(got, [("wage-hour", "1.3".to_string()), ("lunchbox", "2.2".into()), ("bus", "12.3".into()), ("wage-month", "0".into())]);
        assert_eq!(meta.everyday_unit(None).unwrap().id, "wage-hour", "the first unit is the default");
        assert_eq!(meta.everyday_unit(Some("bus")).unwrap().id, "bus");
        assert_eq!(meta.everyday_unit(Some("gone")).unwrap().id, "wage-hour", "an unknown stored id falls back to the default");
    }

    #[test]
    fn counts_round_down_to_one_decimal() {
        assert_eq!(unit("100").count(Money::thousands(1)), Some(Decimal::from(10)));
        assert_eq!(unit("3").count(Money::thousands(1)).unwrap().to_string(), "333.3");
        assert_eq!(unit("0.6").count(Money::thousands(1)).unwrap().to_string(), "1666.6", "never rounded up");
        assert_eq!(unit("99.9").count(Money::thousands(1)).unwrap().to_string(), "10", "10.01 is cut to 10, written without a decimal");
        assert_eq!(unit("168").count(Money::ZERO), Some(Decimal::ZERO));
        assert_eq!(unit("168").per_resident(Money::thousands(1), 0), None, "no residents, no share");
        assert_eq!(unit("0").count(Money::thousands(1)), None);
    }

    #[test]
    fn a_bad_unit_is_named_by_its_field() {
        let good = r#"{"id": "a", "zh": "個", "en": "things", "as_of_zh": "2022年", "as_of_en": "2022", "source_zh": "某處", "source_en": "somewhere", "price": "10"}"#;
        assert!(with_units(good).is_ok());
        assert_eq!(with_units(&good.replace(r#""10""#, r#""0""#)).unwrap_err(), "everyday[0].price: must be above zero NT$, not 0");
        assert_eq!(with_units(&good.replace(r#""10""#, r#""-5""#)).unwrap_err(), "everyday[0].price: must be above zero NT$, not -5");
        assert_eq!(with_units(&format!("{good}, {}", good.replace(r#""en": "things""#, r#""en": " ""#))).unwrap_err(), "everyday[1].en: must not be empty");
        assert_eq!(with_units(&format!("{good}, {good}")).unwrap_err(), r#"everyday[1].id: "a" is used by an earlier unit"#);
        let not_a_number = with_units(&good.replace(r#""10""#, r#""ten""#)).unwrap_err();
        assert!(not_a_number.starts_with("line 1, column "), "{not_a_number}");
        let missing = with_units(&good.replace(r#", "price": "10""#, "")).unwrap_err();
        assert!(missing.contains("missing field `price`"), "{missing}");
    }

    proptest::proptest! {
        /// The count is what the amount buys, cut (never rounded up) to one decimal place.
        #[test]
        fn a_count_never_exceeds_what_the_amount_buys(thousands in 0i64..10_000_000_000, cents in 1i64..10_000_000, population in 1u64..30_000_000) {
            let price = Decimal::new(cents, 2);
            let u = EverydayUnit { price, ..unit("1") };
            let amount = Money::thousands(thousands);
            let tenth = Decimal::new(1, EVERYDAY_DP);
            for (yuan, n) in [(amount.yuan().unwrap(), u.count(amount)), (amount.yuan().unwrap() / Decimal::from(population), u.per_resident(amount, population))] {
                let n = n.unwrap();
                proptest::prop_assert!(n.scale() <= EVERYDAY_DP);
                proptest::prop_assert!(n * price <= yuan, "{n} × {price} > {yuan}");
                proptest::prop_assert!((n + tenth) * price > yuan, "{n} + 0.1 of {price} still within {yuan}");
            }
        }
    }
}
