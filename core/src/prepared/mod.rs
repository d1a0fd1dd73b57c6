//! A plan prepared at build time: a parsed [`Plan`] in a compact form that reads back without
//! the text parser. The site's bundled plan is parsed when the site is built (`web/build.rs`)
//! and shipped in this form, so a first visit downloads neither the parser nor its validation
//! (measured: 19 kB gzip off the first load of `/treemap`); they come with the import page.
//!
//! The form is the model's fields in declaration order, each ended by U+001F (the unit
//! separator); a list is its length followed by its elements, an option a list of at most one.
//! So the reader is a cursor and nothing else. It is a build artefact, not a file format: the
//! same `plan-core` writes and reads it, so it carries no version.

use crate::money::Money;
use crate::plan::{Goal, Mission, Plan, Strategy, Vision};
use crate::programme::{FundingNote, Item, Programme};
use crate::span::{SourceFile, Span};
use rust_decimal::Decimal;

mod summary;
pub use summary::{read_summary, write_summary};

const END: char = '\u{1f}';

/// The plan in the prepared form, or why it cannot be written: a text that contains the
/// separator itself (the text parser never produces one; it reads control characters as
/// binary input).
pub fn write(plan: &Plan) -> Result<String, String> {
    let mut w = Writer::default();
    w.num(plan.schema_version);
    w.text(&plan.agency)?;
    w.num(plan.year);
    w.text(&plan.title)?;
    w.len(plan.vision.iter().count());
    if let Some(v) = &plan.vision {
        w.text(&v.title)?;
        w.texts(&v.paragraphs)?;
        w.span(v.span);
    }
    w.len(plan.missions.len());
    for m in &plan.missions {
        w.num(m.number);
        w.text(&m.text)?;
        w.span(m.span);
    }
    w.len(plan.goals.len());
    for g in &plan.goals {
        w.num(g.number);
        w.text(&g.name)?;
        w.len(g.strategies.len());
        for s in &g.strategies {
            w.num(s.number);
            w.text(&s.name)?;
            w.span(s.span);
        }
        w.span(g.span);
    }
    w.len(plan.programmes.len());
    for p in &plan.programmes {
        write_programme(&mut w, p)?;
    }
    w.texts(&plan.classification_levels)?;
    // The prepared form serves the bundled 施政計畫; a budget book's tree is not carried.
    if !plan.kind.is_plan() || !plan.groups.is_empty() {
        return Err("the prepared form carries plans, not budget books".into());
    }
    w.len(plan.source.iter().count());
    if plan.source.as_ref().is_some_and(|s| s.sheet.is_some()) {
        return Err("the prepared form does not carry a sheet name".into());
    }
    if let Some(s) = &plan.source {
        w.text(&s.format)?;
        w.text(&s.file_name)?;
        w.text(&s.sha256)?;
        w.num(s.pages);
        w.len(s.page_starts.len());
        for &start in &s.page_starts {
            w.num(start);
        }
    }
    Ok(w.out)
}

fn write_programme(w: &mut Writer, p: &Programme) -> Result<(), String> {
    w.num(p.number);
    w.text(&p.name)?;
    w.len(p.items.len());
    for i in &p.items {
        w.len(i.number.iter().count());
        if let Some(n) = i.number {
            w.num(n);
        }
        w.text(&i.text)?;
        w.span(i.span);
    }
    w.money(p.budget);
    w.len(p.funding.len());
    for f in &p.funding {
        w.text(&f.source)?;
        w.len(f.written_as.iter().count());
        if let Some(written) = &f.written_as {
            w.text(written)?;
        }
        w.money(f.amount);
        w.span(f.span);
    }
    w.texts(&p.classification)?;
    if p.book.is_some() {
        return Err(format!("programme {} carries budget-book figures, which the prepared form does not", p.number));
    }
    w.span(p.span);
    w.span(p.budget_span);
    Ok(())
}

/// The plan `write` wrote. An error names what was wrong, but any input other than `write`'s
/// output is a bug in the build, not a reader's document.
pub fn read(text: &str) -> Result<Plan, &'static str> {
    let mut r = Reader { fields: text.split(END) };
    let plan = Plan {
        schema_version: r.num()?,
        agency: r.text()?,
        year: r.num()?,
        title: r.text()?,
        vision: r.list(|r| Ok(Vision { title: r.text()?, paragraphs: r.list(Reader::text)?, span: r.span()? }))?.pop(),
        missions: r.list(|r| Ok(Mission { number: r.num()?, text: r.text()?, span: r.span()? }))?,
        goals: r.list(|r| {
            Ok(Goal {
                number: r.num()?,
                name: r.text()?,
                strategies: r.list(|r| Ok(Strategy { number: r.num()?, name: r.text()?, span: r.span()? }))?,
                span: r.span()?,
            })
        })?,
        programmes: r.list(read_programme)?,
        classification_levels: r.list(Reader::text)?,
        kind: crate::DocumentKind::Plan,
        groups: Vec::new(),
        source: r
            .list(|r| {
                Ok(SourceFile { format: r.text()?, file_name: r.text()?, sha256: r.text()?, pages: r.num()?, page_starts: r.list(Reader::num)?, sheet: None })
            })?
            .pop(),
    };
    match r.fields.next() {
        Some("") if r.fields.next().is_none() => Ok(plan),
        _ => Err("the prepared plan has fields after its end"),
    }
}

fn read_programme(r: &mut Reader) -> Result<Programme, &'static str> {
    Ok(Programme {
        number: r.num()?,
        name: r.text()?,
        items: r.list(|r| Ok(Item { number: r.list(Reader::num)?.pop(), text: r.text()?, span: r.span()? }))?,
        budget: r.money()?,
        funding: r.list(|r| Ok(FundingNote { source: r.text()?, written_as: r.list(Reader::text)?.pop(), amount: r.money()?, span: r.span()? }))?,
        classification: r.list(Reader::text)?,
        book: None,
        span: r.span()?,
        budget_span: r.span()?,
    })
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn field(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push(END);
    }
    fn text(&mut self, s: &str) -> Result<(), String> {
        if s.contains(END) {
            return Err(format!("a text contains U+001F, the prepared form's separator: {s:?}"));
        }
        self.field(s);
        Ok(())
    }
    fn texts(&mut self, list: &[String]) -> Result<(), String> {
        self.len(list.len());
        list.iter().try_for_each(|s| self.text(s))
    }
    fn num(&mut self, n: u32) {
        self.field(&n.to_string());
    }
    fn len(&mut self, n: usize) {
        self.field(&n.to_string());
    }
    fn span(&mut self, s: Span) {
        self.num(s.start);
        self.num(s.end);
    }
    /// Digits and scale, so reading needs no decimal parser.
    fn money(&mut self, m: Money) {
        self.field(&m.decimal().mantissa().to_string());
        self.num(m.decimal().scale());
    }
}

struct Reader<'a> {
    fields: std::str::Split<'a, char>,
}

impl Reader<'_> {
    fn field(&mut self) -> Result<&str, &'static str> {
        self.fields.next().ok_or("the prepared plan ends early")
    }
    fn text(&mut self) -> Result<String, &'static str> {
        self.field().map(str::to_string)
    }
    fn num(&mut self) -> Result<u32, &'static str> {
        self.field()?.parse().map_err(|_| "a number in the prepared plan is not one")
    }
    fn list<T>(&mut self, mut element: impl FnMut(&mut Self) -> Result<T, &'static str>) -> Result<Vec<T>, &'static str> {
        let n = self.num()?;
        (0..n).map(|_| element(self)).collect()
    }
    fn span(&mut self) -> Result<Span, &'static str> {
        Ok(Span { start: self.num()?, end: self.num()? })
    }
    fn money(&mut self) -> Result<Money, &'static str> {
        let mantissa: i128 = self.field()?.parse().map_err(|_| "an amount in the prepared plan is not a number")?;
        let scale = self.num()?;
        Decimal::try_from_i128_with_scale(mantissa, scale).map(Money::new).map_err(|_| "an amount in the prepared plan is out of range")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse;
    use proptest::prelude::*;

    fn round_trip(plan: &Plan) {
        let prepared = write(plan).expect("writes");
        assert_eq!(read(&prepared).as_ref(), Ok(plan));
    }

    #[test]
    fn the_bundled_plan_reads_back_as_parsed() {
        let parsed = parse(crate::SEED_PLAN_TEXT);
        round_trip(&parsed.plan);
    }

    #[test]
    fn every_field_survives_including_the_optional_ones() {
        let mut plan = parse(crate::SEED_PLAN_TEXT).plan;
        plan.vision = None;
        plan.classification_levels = vec!["款".into(), "項".into(), String::new()];
        plan.source =
            Some(SourceFile { format: "pdf".into(), file_name: "a b.pdf".into(), sha256: "ab12".into(), pages: 3, page_starts: vec![1, 40, 40], sheet: None });
        let p = &mut plan.programmes[0];
        p.classification = vec!["1".into(), "一般行政".into()];
        p.funding[0].written_as = Some("權益基金".into());
        p.items[0].number = None;
        p.items[0].text = String::new();
        p.budget = Money::new(Decimal::new(-12_345_678, 3));
        round_trip(&plan);
        round_trip(&Plan::empty());
    }

    #[test]
    fn a_text_holding_the_separator_is_refused_not_garbled() {
        let mut plan = Plan::empty();
        plan.title = "a\u{1f}b".into();
        assert!(write(&plan).unwrap_err().contains("U+001F"));
    }

    #[test]
    fn a_damaged_form_is_an_error_never_a_panic() {
        let good = write(&parse(crate::SEED_PLAN_TEXT).plan).unwrap();
        for cut in [0, 1, good.len() / 3, good.len() - 1] {
            let cut = (0..=cut).rev().find(|&i| good.is_char_boundary(i)).unwrap();
            assert!(read(&good[..cut]).is_err(), "cut at {cut}");
        }
        assert!(read(&format!("{good}x{END}")).is_err(), "a field after the end");
    }

    proptest! {
        #[test]
        fn synthetic_plans_read_back_as_written(seed in 0u64..1000, n in 0usize..40, goals in 1usize..8) {
            let plan = crate::synth::generate(seed, n, goals);
            prop_assert_eq!(read(&write(&plan).unwrap()), Ok(plan));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "[0-9\u{1f}a-z一]{0,80}") {
            let _ = read(&text);
        }
    }
}
