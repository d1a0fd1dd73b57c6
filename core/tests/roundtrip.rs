//! Property tests of the parser as a whole: it never panics, and a plan rendered in the
//! PDF layout parses back to the same figures.

use plan_core::parser::parse;
use plan_core::synth::{generate, render_text, render_text_inline};
use plan_core::SEED_PLAN_TEXT;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn rendered_plans_parse_back(seed in any::<u64>(), n in 1usize..40, goals in 1usize..8) {
        let plan = generate(seed, n, goals);
        let text = render_text(&plan);
        let parsed = parse(&text);
        prop_assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
        let got = &parsed.plan;
        prop_assert_eq!(got.programmes.len(), n);
        prop_assert_eq!(got.total(), plan.total());
        prop_assert_eq!(got.goals.len(), goals);
        prop_assert_eq!(got.strategy_count(), plan.strategy_count());
        for (a, b) in got.programmes.iter().zip(&plan.programmes) {
            prop_assert_eq!(&a.name, &b.name);
            prop_assert_eq!(a.budget, b.budget);
            prop_assert_eq!(a.items.iter().map(|i| &i.text).collect::<Vec<_>>(), b.items.iter().map(|i| &i.text).collect::<Vec<_>>());
            prop_assert_eq!(a.funding.iter().map(|f| (&f.source, f.amount)).collect::<Vec<_>>(), b.funding.iter().map(|f| (&f.source, f.amount)).collect::<Vec<_>>());
        }
    }

    /// Budgets on the item line, notes starting there and wrapping mid-name, full-width
    /// digits: the same figures, and every budget traced to the line that holds it.
    #[test]
    fn inline_rendered_plans_parse_back(seed in any::<u64>(), n in 1usize..30) {
        let plan = generate(seed, n, 2);
        let text = render_text_inline(&plan);
        let parsed = parse(&text);
        prop_assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
        let got = &parsed.plan;
        prop_assert_eq!(got.programmes.len(), n);
        prop_assert_eq!(got.total(), plan.total());
        let lines: Vec<&str> = text.lines().collect();
        for (a, b) in got.programmes.iter().zip(&plan.programmes) {
            prop_assert_eq!(&a.name, &b.name);
            prop_assert_eq!(a.budget, b.budget);
            prop_assert_eq!(a.items.iter().map(|i| &i.text).collect::<Vec<_>>(), b.items.iter().map(|i| &i.text).collect::<Vec<_>>());
            prop_assert_eq!(a.funding.iter().map(|f| (&f.source, f.amount)).collect::<Vec<_>>(), b.funding.iter().map(|f| (&f.source, f.amount)).collect::<Vec<_>>());
            let at = lines[a.budget_span.start as usize - 1];
            let written = a.budget.fmt_thousands();
            let wide: String = written.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 48 + 0xFF10).unwrap() } else { '，' }).collect();
            // The budget was read from the line that ends the last item.
            prop_assert!((at.contains(&written) || at.contains(&wide)) && at.contains('。'), "{at}");
            prop_assert!(a.span.start <= a.budget_span.start && a.budget_span.end <= a.span.end);
            for f in &a.funding {
                prop_assert!(a.span.start <= f.span.start && f.span.end <= a.span.end && f.span.start >= a.budget_span.start);
            }
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC*") {
        let parsed = parse(&s);
        let _ = plan_core::summary::summarise(&parsed.plan, None);
    }

    #[test]
    fn never_panics_on_mutated_seed(cuts in prop::collection::vec((0usize..SEED_PLAN_TEXT.len(), 0usize..200, "\\PC{0,8}"), 1..8)) {
        let mut text = SEED_PLAN_TEXT.to_string();
        for (at, len, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + len).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(at..end, &insert);
        }
        let parsed = parse(&text);
        let _ = plan_core::summary::summarise(&parsed.plan, None);
        // Whatever was read stays consistent with itself.
        prop_assert_eq!(parsed.plan.total(), parsed.plan.programmes.iter().map(|p| p.budget).sum());
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let parsed = plan_core::parser::read_any(&bytes);
        let _ = plan_core::summary::summarise(&parsed.plan, None);
    }
}

#[test]
fn line_shuffles_of_the_seed_do_not_panic() {
    let lines: Vec<&str> = SEED_PLAN_TEXT.lines().collect();
    for k in 0..lines.len() {
        let mut v = lines.clone();
        v.remove(k);
        let _ = parse(&v.join("\n"));
    }
}
