//! A plan's [`Summary`] prepared at build time, in the same form as the plan. The site's
//! bundled plan ships its summary too, so a first visit needs neither the share, funding,
//! link and roll-up computations nor their hash maps and sorts (measured: 18 KB gzip off the
//! first load of `/treemap`); a reader's own links or plans are summarised with the codec.

use super::{Reader, Writer};
use crate::funding::{FundingKind, FundingLine, FundingSource};
use crate::links::{Link, LinkKind};
use crate::money::Money;
use crate::plan::StrategyId;
use crate::rollup::{Allocation, Rollup};
use crate::summary::{ProgrammeFigures, Summary};
use rust_decimal::Decimal;

/// The summary in the prepared form, or why it cannot be written (a name holding U+001F).
pub fn write_summary(s: &Summary) -> Result<String, String> {
    let mut w = Writer::default();
    w.money(s.total);
    w.len(s.programmes.len());
    for p in &s.programmes {
        w.num(p.number);
        w.money(p.budget);
        w.decimal(p.share);
        w.len(p.rank);
        w.lines(&p.funding)?;
        w.decimals(&p.funding_shares);
        w.len(p.primary_goal.iter().count());
        p.primary_goal.iter().for_each(|&g| w.num(g));
    }
    w.len(s.by_rank.len());
    s.by_rank.iter().for_each(|&n| w.num(n));
    w.lines(&s.funding)?;
    w.decimals(&s.funding_shares);
    w.len(s.kinds.len());
    for &(kind, money, share) in &s.kinds {
        w.kind(kind);
        w.money(money);
        w.decimal(share);
    }
    w.len(s.links.len());
    for l in &s.links {
        w.num(l.programme);
        w.strategy(l.strategy);
        w.num(matches!(l.kind, LinkKind::Curated) as u32);
        w.decimal(l.score);
        w.texts(&l.evidence)?;
    }
    w.pairs(&s.goal_missions, Writer::num, Writer::num);
    let r = &s.rollup;
    w.len(r.allocations.len());
    for a in &r.allocations {
        w.num(a.programme);
        w.strategy(a.strategy);
        w.money(a.amount);
    }
    w.pairs(&r.by_strategy, Writer::strategy, Writer::money);
    w.pairs(&r.by_goal, Writer::num, Writer::money);
    w.pairs(&r.by_mission, Writer::num, Writer::money);
    w.money(r.unlinked);
    w.money(r.goals_without_mission);
    w.pairs(&s.goal_shares, Writer::num, Writer::decimal);
    w.pairs(&s.mission_shares, Writer::num, Writer::decimal);
    w.pairs(&s.strategy_shares, Writer::strategy, Writer::decimal);
    Ok(w.out)
}

/// The summary `write_summary` wrote; an error names what was wrong (a bug in the build).
pub fn read_summary(text: &str) -> Result<Summary, &'static str> {
    let mut r = Reader { fields: text.split(super::END) };
    let total = r.money()?;
    let programmes = r.list(|r| {
        Ok(ProgrammeFigures {
            number: r.num()?,
            budget: r.money()?,
            share: r.decimal()?,
            rank: r.num()? as usize,
            funding: r.list(Reader::line)?,
            funding_shares: r.list(Reader::decimal)?,
            primary_goal: r.list(Reader::num)?.pop(),
        })
    })?;
    let by_rank = r.list(Reader::num)?;
    let funding = r.list(Reader::line)?;
    let funding_shares = r.list(Reader::decimal)?;
    let kinds = r.list(|r| Ok((r.kind()?, r.money()?, r.decimal()?)))?;
    let links = r.list(|r| {
        Ok(Link {
            programme: r.num()?,
            strategy: r.strategy()?,
            kind: if r.num()? == 1 { LinkKind::Curated } else { LinkKind::Inferred },
            score: r.decimal()?,
            evidence: r.list(Reader::text)?,
        })
    })?;
    let goal_missions = r.pairs(Reader::num, Reader::num)?;
    let rollup = Rollup {
        allocations: r.list(|r| Ok(Allocation { programme: r.num()?, strategy: r.strategy()?, amount: r.money()? }))?,
        by_strategy: r.pairs(Reader::strategy, Reader::money)?,
        by_goal: r.pairs(Reader::num, Reader::money)?,
        by_mission: r.pairs(Reader::num, Reader::money)?,
        unlinked: r.money()?,
        goals_without_mission: r.money()?,
    };
    let goal_shares = r.pairs(Reader::num, Reader::decimal)?;
    let mission_shares = r.pairs(Reader::num, Reader::decimal)?;
    let strategy_shares = r.pairs(Reader::strategy, Reader::decimal)?;
    match r.fields.next() {
        Some("") if r.fields.next().is_none() => {}
        _ => return Err("the prepared summary has fields after its end"),
    }
    Ok(Summary { total, programmes, by_rank, funding, funding_shares, kinds, links, goal_missions, rollup, goal_shares, strategy_shares, mission_shares })
}

const KINDS: [FundingKind; 3] = [FundingKind::CentralSubsidy, FundingKind::SpecialFund, FundingKind::CityGeneral];

impl Writer {
    fn decimal(&mut self, d: Decimal) {
        self.money(Money::new(d));
    }
    fn decimals(&mut self, list: &[Decimal]) {
        self.len(list.len());
        list.iter().for_each(|&d| self.decimal(d));
    }
    fn kind(&mut self, kind: FundingKind) {
        self.len(KINDS.iter().position(|&k| k == kind).unwrap_or_default());
    }
    fn strategy(&mut self, id: StrategyId) {
        self.num(id.goal);
        self.num(id.strategy);
    }
    /// A list of pairs, each half written by its own field writer.
    fn pairs<A: Copy, B: Copy>(&mut self, list: &[(A, B)], a: fn(&mut Self, A), b: fn(&mut Self, B)) {
        self.len(list.len());
        for &(x, y) in list {
            a(self, x);
            b(self, y);
        }
    }
    fn lines(&mut self, lines: &[FundingLine]) -> Result<(), String> {
        self.len(lines.len());
        for l in lines {
            self.kind(l.source.kind);
            self.text(&l.source.name)?;
            self.money(l.amount);
        }
        Ok(())
    }
}

impl Reader<'_> {
    fn decimal(&mut self) -> Result<Decimal, &'static str> {
        Ok(self.money()?.decimal())
    }
    fn kind(&mut self) -> Result<FundingKind, &'static str> {
        KINDS.get(self.num()? as usize).copied().ok_or("a funding kind in the prepared summary is not one")
    }
    fn strategy(&mut self) -> Result<StrategyId, &'static str> {
        Ok(StrategyId { goal: self.num()?, strategy: self.num()? })
    }
    /// What `Writer::pairs` wrote.
    fn pairs<A, B>(&mut self, a: fn(&mut Self) -> Result<A, &'static str>, b: fn(&mut Self) -> Result<B, &'static str>) -> Result<Vec<(A, B)>, &'static str> {
        self.list(|r| Ok((a(r)?, b(r)?)))
    }
    fn line(&mut self) -> Result<FundingLine, &'static str> {
        Ok(FundingLine { source: FundingSource { kind: self.kind()?, name: self.text()? }, amount: self.money()? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::CuratedLinks;
    use crate::summary::summarise;
    use proptest::prelude::*;

    fn round_trip(s: &Summary) {
        let prepared = write_summary(s).expect("writes");
        assert_eq!(read_summary(&prepared).as_ref(), Ok(s));
    }

    #[test]
    fn the_bundled_plans_summary_reads_back_as_computed() {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let s = summarise(&plan, None);
        assert!(!s.links.is_empty() && !s.rollup.allocations.is_empty() && s.programmes.iter().any(|p| p.primary_goal.is_some()));
        round_trip(&s);
    }

    #[test]
    fn curated_links_and_every_kind_survive() {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let curated = CuratedLinks { entries: vec![(7, Some(StrategyId { goal: 1, strategy: 1 })), (4, None)] };
        let s = summarise(&plan, Some(&curated));
        assert!(s.links.iter().any(|l| l.kind == LinkKind::Curated));
        round_trip(&s);
    }

    #[test]
    fn a_damaged_form_is_an_error_never_a_panic() {
        let good = write_summary(&summarise(&crate::parser::parse(crate::SEED_PLAN_TEXT).plan, None)).unwrap();
        for cut in [0, 1, good.len() / 2, good.len() - 1] {
            let cut = (0..=cut).rev().find(|&i| good.is_char_boundary(i)).unwrap();
            assert!(read_summary(&good[..cut]).is_err(), "cut at {cut}");
        }
    }

    proptest! {
        #[test]
        fn synthetic_plans_summaries_read_back_as_written(seed in 0u64..1000, n in 0usize..40, goals in 1usize..8) {
            let s = summarise(&crate::synth::generate(seed, n, goals), None);
            prop_assert_eq!(read_summary(&write_summary(&s).unwrap()), Ok(s));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "[0-9\u{1f}a-z一]{0,80}") {
            let _ = read_summary(&text);
        }
    }
}
