//! A partial plan — goals (or key points) read from a document without a budget table —
//! has no money to chart. Its money pages say so and point to what it does hold, instead
//! of showing zeros that read like a budget of nothing.

use crate::routes::Page;
use crate::state::{use_data, use_ui};
use leptos::prelude::*;
use leptos_router::components::A;

/// The page inside when the plan in view has a budget; the notice otherwise.
#[component]
pub fn NeedsBudget(children: ChildrenFn) -> impl IntoView {
    let data = use_data();
    move || if data.plan.has_budget() { children().into_any() } else { view! { <NoBudget heading=true/> }.into_any() }
}

/// "No budget in this document": a page of its own (`heading`) or a notice within one;
/// `on_goals` leaves out the link to the page the reader is on.
#[component]
pub fn NoBudget(heading: bool, #[prop(optional)] on_goals: bool) -> impl IntoView {
    let data = use_data();
    let lang = use_ui().lang;
    let goals = data.plan.goals.len();
    let strategies = data.plan.strategy_count();
    move || {
        let lang = lang.get();
        let what = match lang {
            crate::i18n::Lang::Zh => format!("這份文件沒有預算表，所以沒有經費數字可以顯示；它列出了 {goals} 個目標、{strategies} 項策略或重點。"),
            crate::i18n::Lang::En => format!(
                "There is no budget in this document, so there are no figures to show; it lists {goals} goals and {strategies} strategies or key points."
            ),
        };
        view! {
            <section class="no-budget" data-testid="no-budget">
                {heading.then(|| view! { <h1>{lang.pick("這份文件沒有預算", "No budget in this document")}</h1> })}
                <p role="status">{what}</p>
                {(!on_goals).then(|| view! { <p><A href=Page::Goals.href()>{lang.pick("看目標與策略 →", "See the goals and strategies →")}</A></p> })}
            </section>
        }
    }
}
