//! An amount read in things a reader knows ("≈ 1.3 小時基本工資"), in a unit the reader picks
//! from the companion file's list. The choice is a preference, so every page keeps it.

use crate::i18n::Lang;
use crate::store::{keys, preferences};
use leptos::prelude::*;
use plan_core::meta::{EverydayUnit, PlanMeta};
use plan_core::money::group_digits;
use plan_core::Money;
use std::sync::Arc;

fn name(lang: Lang, u: &EverydayUnit) -> &str {
    match lang {
        Lang::Zh => &u.zh,
        Lang::En => &u.en,
    }
}

/// `amount` in the chosen unit; with `population`, one resident's share of it.
#[component]
pub fn Everyday(lang: Lang, meta: Arc<PlanMeta>, amount: Money, #[prop(optional)] population: Option<RwSignal<u64>>) -> impl IntoView {
    let chosen = RwSignal::new(preferences::get(keys::UNIT));
    let line = {
        let meta = meta.clone();
        move || {
            let u = meta.everyday_unit(chosen.get().as_deref())?;
            let n = match population {
                Some(p) => u.per_resident(amount, p.get()),
                None => u.count(amount),
            }?;
            let name = name(lang, u);
            Some(match (n.is_zero(), lang) {
                (false, _) => format!("≈ {} {name}", group_digits(n)),
                (true, Lang::Zh) => format!("不到 0.1 {name}"),
                (true, Lang::En) => format!("less than 0.1 {name}"),
            })
        }
    };
    let price = {
        let meta = meta.clone();
        move || {
            meta.everyday_unit(chosen.get().as_deref()).map(|u| match lang {
                Lang::Zh => format!("以每單位 {} 元計（{}，{}）。", group_digits(u.price), u.as_of_zh, u.source_zh),
                Lang::En => format!("At NT${} each ({}, {}).", group_digits(u.price), u.as_of_en, u.source_en),
            })
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        preferences::set(keys::UNIT, &id);
        chosen.set(Some(id));
    };
    // The select keeps the reader's choice itself; the first render marks the stored one.
    let current = meta.everyday_unit(chosen.get_untracked().as_deref()).map(|u| u.id.clone());
    let options = meta
        .everyday
        .iter()
        .map(|u| view! { <option value=u.id.clone() selected=current.as_ref() == Some(&u.id)>{name(lang, u).to_string()}</option> })
        .collect_view();
    (!meta.everyday.is_empty()).then(|| {
        view! {
            <div class="everyday">
                <span data-testid="everyday" aria-live="polite">{line}</span>
                <label>
                    {lang.pick("換算單位", "In units of")}
                    <select on:change=pick>{options}</select>
                </label>
                <p class="note" data-testid="everyday-price">{price}</p>
            </div>
        }
    })
}
