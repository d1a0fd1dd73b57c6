//! The strategies a programme serves, and the user's corrections: confirm an inferred
//! link, remove a link, or add one. Corrections are stored per plan; the page's plan scope
//! re-reads them, so every roll-up follows at once (see `crate::scope`).

use crate::components::disclosure::follow_open;
use crate::components::names::with_gloss;
use crate::i18n::Lang;
use crate::routes::Page;
use crate::state::use_data;
use crate::store::{use_store, StoreError};
use leptos::prelude::*;
use leptos_router::components::A;
use plan_core::links::LinkKind;
use plan_core::StrategyId;

thread_local! {
    /// Set when a correction was saved: the page is rebuilt with the new roll-ups, and the
    /// rebuilt editor takes the keyboard focus back and says what happened.
    static JUST_CHANGED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[component]
pub fn LinkEditor(lang: Lang, programme: u32) -> impl IntoView {
    let data = use_data();
    let store = use_store();
    let failure = RwSignal::new(None::<StoreError>);
    let gloss = data.meta.gloss.clone();
    let links: Vec<_> = data.summary.links.iter().filter(|l| l.programme == programme).cloned().collect();
    // The links a change starts from: shared, not copied (a large plan has tens of thousands).
    let summary = data.summary.clone();
    let annotations = store.user_data(&data.id).map(|d| d.annotations).unwrap_or_default();
    let id = data.id.to_string();
    let change = move |f: Box<dyn FnOnce(&mut plan_core::annotations::Annotations)>| {
        let write = store.update_user_data(id.clone(), |d| f(&mut d.annotations));
        leptos::task::spawn_local(async move {
            let result = write.await;
            JUST_CHANGED.set(result.is_ok());
            failure.set(result.err());
        });
    };
    let changed = JUST_CHANGED.take();
    if changed {
        request_animation_frame(|| {
            use wasm_bindgen::JsCast;
            if let Some(el) = document().get_element_by_id("link-editor").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    }
    let strategy_name = {
        let plan = data.plan.clone();
        move |s: StrategyId| plan.strategy(s).map(|(_, st)| with_gloss(lang, &st.name, gloss.strategy(s))).unwrap_or_default()
    };
    let rows = links.iter().map(|l| {
        let s = l.strategy;
        let is_confirmed = l.kind == LinkKind::Curated || annotations.is_confirmed(programme, s);
        let kind = match (l.kind, is_confirmed) {
            (LinkKind::Curated, _) => lang.pick("人工確認", "curated").to_string(),
            (LinkKind::Inferred, true) => format!("{} {} · {}", lang.pick("推論", "inferred"), l.score, lang.pick("已確認", "confirmed")),
            (LinkKind::Inferred, false) => format!("{} {}", lang.pick("推論", "inferred"), l.score),
        };
        let (c1, c2) = (change.clone(), change.clone());
        let current = summary.clone();
        view! {
            <li data-testid="link">
                <A href=Page::Goals.href()>{format!("{} {}", lang.strategy_label(s), strategy_name(s))}</A>
                " "<span class="badge">{kind}</span>
                {(!l.evidence.is_empty()).then(|| view! { <span class="evidence" lang="zh-Hant-TW">{format!(" ({})", l.evidence.join("、"))}</span> })}
                " "
                {(!is_confirmed).then(|| view! {
                    <button type="button" on:click=move |_| c1(Box::new(move |a| a.confirm(programme, s)))>{lang.pick("確認", "Confirm")}</button>
                })}
                <button type="button" on:click=move |_| { let current = current.clone(); c2(Box::new(move |a| a.link_remove(programme, s, &current.links))) }>
                    {lang.pick("移除", "Remove")}
                </button>
            </li>
        }
    }).collect_view();
    // The picker lists every strategy not yet linked (hundreds in a large plan), so it is
    // built only when the reader opens it.
    let plan = data.plan.clone();
    let linked: Vec<StrategyId> = links.iter().map(|l| l.strategy).collect();
    let choices = move || -> Vec<(StrategyId, String)> {
        plan.strategies().filter(|(sid, _, _)| !linked.contains(sid)).map(|(sid, _, st)| (sid, format!("{} {}", lang.strategy_label(sid), st.name))).collect()
    };
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(None::<StrategyId>);
    let select_id = format!("add-link-{programme}");
    let current = summary;
    let picker = move || {
        let choices = choices();
        chosen.set(choices.first().map(|(s, _)| *s));
        let (change, current) = (change.clone(), current.clone());
        view! {
            <div class="add-link">
                <label for=select_id.clone()>{lang.pick("策略", "Strategy")}</label>
                <select id=select_id.clone() on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    {choices.into_iter().map(|(s, label)| view! { <option value=s.to_string()>{label}</option> }).collect_view()}
                </select>
                <button type="button" on:click=move |_| {
                    if let Some(s) = chosen.get_untracked() {
                        let current = current.clone();
                        change(Box::new(move |a| a.link_add(programme, s, &current.links)));
                    }
                }>{lang.pick("加上", "Add")}</button>
            </div>
        }
    };
    view! {
        <section class="link-editor" id="link-editor" tabindex="-1" data-testid="link-editor" aria-label=lang.pick("對應策略與修正", "Strategies and corrections")>
            {changed.then(|| view! { <p role="status" class="saved">{lang.pick("已更新連結，各層加總已重新計算。", "Links updated; every roll-up was recomputed.")}</p> })}
            {if links.is_empty() {
                view! { <p class="flag">{lang.pick("沒有找到對應的策略（未連結）。", "No strategy found (unlinked).")}</p> }.into_any()
            } else {
                view! { <ul class="links">{rows}</ul> }.into_any()
            }}
            {(links.len() < data.plan.strategies().count()).then(|| view! {
                <details class="add-link-picker" on:toggle=follow_open(open)>
                    <summary>{lang.pick("加上對應策略…", "Link to a strategy…")}</summary>
                    {move || open.get().then(picker.clone())}
                </details>
            })}
            <p role="status">{move || failure.get().map(|e| view! { <span class="diag error">{e.message(lang)}</span> })}</p>
        </section>
    }
}
