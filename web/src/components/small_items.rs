//! The elements of a chart too small to carry a visible label (treemap cells, sunburst
//! slices, Sankey nodes), listed below it: name, amount and share, biggest first, each a
//! link where its shape drills down. No item is only a shape.

use crate::i18n::Lang;
use leptos::prelude::*;
use plan_core::Money;
use rust_decimal::Decimal;

/// Past this many the list stops and says how many more there are: a plan of 10,000 lines
/// has its table and tree for those.
const MAX_LISTED: usize = 200;

#[derive(Clone)]
pub struct SmallItem {
    pub name: String,
    pub amount: Money,
    pub share: Decimal,
    /// Where the shape leads (a programme), if anywhere.
    pub href: Option<String>,
    /// The chart labels this one too: listed only where the whole chart is scaled down past
    /// reading (a phone), see `all_on_phones`, and first there (the list shows the big ones).
    pub labelled: bool,
}

#[component]
pub fn SmallItems(
    lang: Lang,
    /// Names the chart: "方塊太小、未標名稱的計畫" and the like.
    heading: String,
    mut items: Vec<SmallItem>,
    testid: &'static str,
    /// On a phone list the labelled items too: the chart's text is too small to read there.
    #[prop(optional)]
    all_on_phones: bool,
) -> impl IntoView {
    plan_core::order::sort_by(&mut items, |a, b| b.amount.cmp(&a.amount));
    let more = items.len().saturating_sub(MAX_LISTED);
    items.truncate(MAX_LISTED);
    // The labelled ones, listed only on phones, go in a list of their own, so both lists
    // share one shape of item (each shape of view is its own copy of rendering code).
    let (labelled, small): (Vec<SmallItem>, Vec<SmallItem>) = items.into_iter().partition(|i| i.labelled);
    let labelled = if all_on_phones { labelled } else { Vec::new() };
    (!small.is_empty() || !labelled.is_empty()).then(|| {
        let class = if all_on_phones { "unlabelled all-on-phones" } else { "unlabelled" };
        let more = match (more, lang) {
            (0, _) => String::new(),
            (n, Lang::Zh) => format!("另有 {n} 項更小的項目未列出，見本圖的文字版本。"),
            (n, Lang::En) => format!("{n} smaller items are not listed: see this chart's text equivalent."),
        };
        let list = move |items: Vec<SmallItem>| {
            items
                .into_iter()
                // Without an href (a goal, a source) the name is plain text, not a link.
                .map(|i| view! { <li><a href=i.href>{i.name}</a>" "<span class="figure">{format!("{} · {}%", lang.money(i.amount), i.share)}</span></li> })
                .collect_view()
        };
        view! {
            <section class=class data-testid=testid>
                <h2><span class="wide">{heading}</span><span class="narrow">{lang.pick("圖中每一項", "Everything in this chart")}</span></h2>
                <ul class="labelled">{list(labelled)}</ul>
                <ul>{list(small)}</ul>
                <p class="note">{more}</p>
            </section>
        }
    })
}
