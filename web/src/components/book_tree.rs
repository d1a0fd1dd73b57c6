//! A budget book's tree, opened from the top level down: each line with this year, last
//! year and the change; a line with lines under it opens to show them (built only when
//! opened, so a book of 25,000 lines costs its top level); a leaf links to its page.

use crate::components::disclosure::follow_open;
use crate::i18n::Lang;
use crate::routes::Address;
use crate::state::Data;
use leptos::prelude::*;
use plan_core::{Plan, Tree, TreeRef};
use std::sync::Arc;

#[component]
pub fn BookTree(lang: Lang, data: Data) -> impl IntoView {
    let (plan, tree) = (data.plan.clone(), data.tree.clone());
    let kind = match plan.kind {
        plan_core::DocumentKind::Revenue => lang.pick("歲入來源", "Revenue by source"),
        _ => lang.pick("預算科目", "Budget lines"),
    };
    view! {
        <section class="book-tree" data-testid="book-tree">
            <h2>{kind}</h2>
            <p class="sub">{lang.pick(
                "由最上層開始；點開一項可看其下各項。每層的小計只算一次，總額是最末層各項的合計。",
                "From the top level down; open a line to see the lines under it. Each subtotal is counted once: the total is the sum of the lines at the bottom.",
            )}</p>
            <Level lang=lang plan=plan tree=tree parent=None/>
        </section>
    }
}

#[component]
fn Level(lang: Lang, plan: Arc<Plan>, tree: Arc<Tree>, parent: Option<u32>) -> impl IntoView {
    let items = tree.children(parent).iter().map(|r| view! { <Line lang=lang plan=plan.clone() tree=tree.clone() node=*r/> }).collect_view();
    view! { <ul role="list">{items}</ul> }
}

#[component]
fn Line(lang: Lang, plan: Arc<Plan>, tree: Arc<Tree>, node: TreeRef) -> impl IntoView {
    let l = plan.line(node);
    let change = l.change();
    let figures = format!(
        "{}{}",
        lang.money(l.budget),
        change
            .as_ref()
            .map(|c| format!(
                " · {} {}（{}）",
                lang.pick("較上年度", "vs last year"),
                lang.money_change(c.amount),
                crate::components::book_line::percent(lang, c)
            ))
            .unwrap_or_default()
    );
    let name = l.name.to_string();
    let code = l.code.map(|c| c.to_string());
    match node {
        TreeRef::Programme(i) => {
            let number = plan.programmes[i as usize].number;
            view! {
                <li class="leaf">
                    <a href=Address::programme(number).href()>{name}</a>" "
                    <span class="num">{figures}</span>
                    {code.map(|c| view! { " "<code>{c}</code> })}
                </li>
            }
            .into_any()
        }
        TreeRef::Group(g) => {
            let open = RwSignal::new(false);
            let count = tree.children(Some(g)).len();
            view! {
                <li>
                    <details on:toggle=follow_open(open)>
                        <summary>
                            <span class="name">{name}</span>" "<span class="num">{figures}</span>
                            " "<span class="sub">{match lang { Lang::Zh => format!("（{count} 項）"), Lang::En => format!("({count} lines)") }}</span>
                        </summary>
                        {move || open.get().then(|| view! { <Level lang=lang plan=plan.clone() tree=tree.clone() parent=Some(g)/> })}
                    </details>
                </li>
            }
            .into_any()
        }
    }
}
