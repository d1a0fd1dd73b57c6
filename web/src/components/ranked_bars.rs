//! Where the money goes, on the landing page: every programme as a labelled bar, biggest first
//! (plan-core's `ranked_bars`). Each row is a link into its programme, as a treemap cell is;
//! the name and figures are always written beside the bar, so no item is too small to read on
//! a phone.

use crate::components::names::with_gloss;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::Data;
use leptos::prelude::*;
use plan_core::charts::ranked_bars;

/// Rows shown before the rest are summed into one (a 10,000-line budget book stays readable).
const MAX_ROWS: usize = 20;

#[component]
pub fn RankedBars(lang: Lang, data: Data) -> impl IntoView {
    let rows = ranked_bars(&data.summary, MAX_ROWS)
        .into_iter()
        .map(|b| {
            let (name, href) = match b.programme {
                Some(n) => {
                    let name = data.plan.programme(n).map(|p| with_gloss(lang, &p.name, data.meta.gloss.programme(n))).unwrap_or_default();
                    (name, Address::programme(n).href())
                }
                None => (
                    match lang {
                        Lang::Zh => format!("其他 {} 項計畫", b.count),
                        Lang::En => format!("{} other programmes", b.count),
                    },
                    Page::Programmes.href(),
                ),
            };
            view! {
                <li>
                    <a href=href>
                        <span class="name">{name}</span>
                        <span class="figure">{format!("{} · {}%", lang.money(b.budget), b.share)}</span>
                        <span class="bar" aria-hidden="true" style=format!("width:{}%", b.length)></span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="ranked-bars" data-testid="ranked-bars">{rows}</ol> }
}
