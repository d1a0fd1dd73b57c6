//! What if: move money between programmes (sliders or typed amounts), with the total fixed
//! or free, and cut the central subsidy by a percentage to see who depends on it and what
//! the city would have to cover. `plan_core::scenario` computes every figure; the scenario
//! is saved locally and written into the address (`?s=…`), which reproduces it exactly
//! elsewhere. A mangled address gives a message and the untouched plan.

use crate::components::funding_bar::{FundingBar, Segment};
use crate::components::names::with_gloss;
use crate::i18n::Lang;
use crate::state::{use_data, use_ui, Data};
use crate::store::{use_store, StoreError};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use plan_core::money::per_capita;
use plan_core::scenario::{apply, decode, encode, Outcome, Scenario};
use plan_core::{FundingKind, Money};
use rust_decimal::Decimal;

/// How long the scenario must stay still before it is saved and put in the address.
const SETTLE_MS: u64 = 300;

#[component]
pub fn WhatIfPage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let store = use_store();
    let navigate = use_navigate();
    // The address wins over what is stored; a bad address is reported, not half-applied.
    let from_url = use_query_map().get_untracked().get("s");
    let (initial, url_error) = match from_url.map(|s| decode(&s, &data.plan)) {
        Some(Ok(s)) => (s, None),
        Some(Err(e)) => (Scenario::default(), Some(e)),
        None => (store.user_data(&data.id).ok().and_then(|d| d.scenario).and_then(|s| decode(&s, &data.plan).ok()).unwrap_or_default(), None),
    };
    let scenario = RwSignal::new(initial);
    let save_error = RwSignal::new(None::<StoreError>);
    let generation = StoredValue::new(0u64);
    let (id, path) = (data.id.clone(), crate::routes::Page::WhatIf.path());
    Effect::new(move |first: Option<()>| {
        let s = scenario.get();
        if first.is_none() {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let (id, path, navigate) = (id.clone(), path.clone(), navigate.clone());
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                let code = encode(&s);
                let write = store.update_user_data(id.to_string(), {
                    let code = code.clone();
                    move |d| d.scenario = Some(code)
                });
                leptos::task::spawn_local(async move { save_error.set(write.await.err()) });
                navigate(&format!("{path}?s={code}"), NavigateOptions { replace: true, scroll: false, ..Default::default() });
            },
            std::time::Duration::from_millis(SETTLE_MS),
        );
    });
    let outcome = Memo::new(move |_| apply(&data.plan, &scenario.get()));
    let data = use_data();
    move || {
        let lang = ui.lang.get();
        view! {
            <section class="page whatif">
                <h1>{lang.pick("如果預算這樣分配…", "What if the money were split differently?")}</h1>
                <p class="lede">{lang.pick(
                    "調整各計畫的金額，或假設中央補助款減少，看看占比、每人負擔與經費來源怎麼變。試算只存在你的瀏覽器和這個網址裡。",
                    "Change programmes' budgets, or suppose the central subsidy is cut, and see how shares, the cost per resident and the funding mix change. The scenario lives only in your browser and in this page's address.",
                )}</p>
                {url_error.clone().map(|e| view! {
                    <p class="diag error" role="alert" data-testid="scenario-error">
                        {lang.pick("網址中的試算無法使用，以下顯示原始計畫：", "The scenario in this address cannot be used, so the plan is shown unchanged: ")}
                        <span>{crate::i18n::scenario::url_error(lang, &e)}</span>
                    </p>
                })}
                <p role="status">{move || save_error.get().map(|e| view! { <span class="diag error">{e.message(lang)}</span> })}</p>
                <Controls lang=lang scenario=scenario/>
                <Results lang=lang data=data.clone() outcome=outcome scenario=scenario population=if data.meta.population.is_some() { ui.population } else { RwSignal::new(0) }/>
            </section>
        }
    }
}

#[component]
fn Controls(lang: Lang, scenario: RwSignal<Scenario>) -> impl IntoView {
    let cut = move || scenario.with(|s| s.central_cut);
    let set_cut = move |text: String| {
        if let Some(d) = plan_core::money::parse_decimal(&text).filter(|d| *d >= Decimal::ZERO && *d <= Decimal::ONE_HUNDRED) {
            scenario.update(|s| s.central_cut = d);
        }
    };
    view! {
        <fieldset class="controls">
            <legend>{lang.pick("假設", "Assumptions")}</legend>
            <span class="check">
                <input type="checkbox" id="keep-total" prop:checked=move || scenario.with(|s| s.keep_total) on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    scenario.update(|s| s.keep_total = on);
                }/>
                <label for="keep-total">{lang.pick("總預算不變（其他計畫依比例調整）", "Keep the total fixed (other programmes adjust in proportion)")}</label>
            </span>
            <label for="central-cut">{lang.pick("中央補助款減少（%）", "Central subsidy cut (%)")}</label>
            <input type="range" id="central-cut-range" min="0" max="100" step="1" aria-label=lang.pick("中央補助款減少百分比", "Central subsidy cut, percent")
                prop:value=move || cut().to_string() on:input=move |ev| set_cut(event_target_value(&ev))/>
            <input type="number" id="central-cut" min="0" max="100" step="0.1" prop:value=move || cut().to_string() on:change=move |ev| set_cut(event_target_value(&ev))/>
            <button type="button" on:click=move |_| scenario.set(Scenario::default())>{lang.pick("全部還原", "Reset everything")}</button>
        </fieldset>
    }
}

#[component]
fn Results(lang: Lang, data: Data, outcome: Memo<Outcome>, scenario: RwSignal<Scenario>, population: RwSignal<u64>) -> impl IntoView {
    let gloss = data.meta.gloss.clone();
    let plan = data.plan.clone();
    // Rows are built once and only their figures follow the outcome, so a slider being
    // dragged is never replaced under the pointer.
    let rows = plan.programmes.iter().enumerate().map(|(i, p)| {
        let n = p.number;
        let name = with_gloss(lang, &p.name, gloss.programme(n));
        let input_id = format!("amount-{n}");
        let max = plan_core::scenario::slider_ceiling(p.budget).plain();
        let row = move |f: fn(&plan_core::scenario::OutcomeRow) -> String| move || outcome.with(|o| o.rows.get(i).map(f).unwrap_or_default());
        let set = move |text: String| {
            if let Some(m) = plan_core::scenario::typed_amount(&text) {
                scenario.update(|s| { s.amounts.insert(n, m); });
            }
        };
        view! {
            <tr data-testid="whatif-row">
                <th scope="row">{name.clone()}</th>
                <td class="num">{p.budget.fmt_thousands()}</td>
                <td class="slider">
                    <input type="range" min="0" max=max step="1" aria-label=format!("{name} {}", lang.pick("金額（千元）", "amount (NT$ thousand)"))
                        prop:value=row(|r| r.after.plain()) on:input=move |ev| set(event_target_value(&ev))/>
                </td>
                <td class="num">
                    <label class="visually-hidden" for=input_id.clone()>{format!("{name} {}", lang.pick("新金額（千元）", "new amount (NT$ thousand)"))}</label>
                    <input type="number" id=input_id min="0" step="1" prop:value=row(|r| r.after.plain()) on:change=move |ev| set(event_target_value(&ev))/>
                </td>
                <td class="num" data-testid="whatif-change">{row(|r| r.change().fmt_change())}</td>
                <td class="num">{row(|r| format!("{}% → {}%", r.share_before, r.share_after))}</td>
                <td class="num">{row(|r| format!("{}%", r.central_dependence))}</td>
                <td class="num">{row(|r| r.city_cover.fmt_thousands())}</td>
            </tr>
        }
    }).collect_view();
    let names = plan.clone();
    // Who loses most if the central subsidy shrinks: shown once a cut is set.
    let dependent = move || {
        outcome.with(|o| {
            let cut = scenario.with(|s| s.central_cut);
            (cut > Decimal::ZERO).then(|| {
                let mut rows: Vec<_> = o.rows.iter().filter(|r| !r.city_cover.is_zero()).collect();
                plan_core::order::sort_by(&mut rows, |a, b| b.central_dependence.cmp(&a.central_dependence).then(b.city_cover.cmp(&a.city_cover)));
                view! {
                    <section class="dependent" data-testid="whatif-dependent">
                        <h2>{lang.pick("最依賴中央補助的計畫", "The programmes that depend most on central money")}</h2>
                        <ol>{rows.into_iter().take(5).map(|r| view! {
                            <li>{names.programme(r.number).map(|p| p.name.clone()).unwrap_or_default()}
                                {match lang {
                                    Lang::Zh => format!("：經費 {}% 來自中央，市府須補 {}", r.central_dependence, lang.money(r.city_cover)),
                                    Lang::En => format!(": {}% central money; the city would cover {}", r.central_dependence, lang.money(r.city_cover)),
                                }}
                            </li>
                        }).collect_view()}</ol>
                    </section>
                }
            })
        })
    };
    let totals = move || {
        outcome.with(|o| {
        let pop = population.get();
        let (pc_before, pc_after) = (per_capita(o.total_before, pop), per_capita(o.total_after, pop));
        let per = |p: Option<plan_core::money::PerCapita>| p.map(|p| format!("NT${}", p.per_year)).unwrap_or_else(|| "—".into());
        view! {
            <dl class="facts" data-testid="whatif-totals">
                <div><dt>{lang.pick("總預算", "Total")}</dt><dd>{format!("{} → {}", lang.money(o.total_before), lang.money(o.total_after))}</dd></div>
                <div><dt>{lang.pick("每位市民每年", "Per resident a year")}</dt><dd>{format!("{} → {}", per(pc_before), per(pc_after))}</dd></div>
                <div><dt>{lang.pick("中央補助款", "Central subsidy")}</dt><dd>{format!("{} → {}", lang.money(o.central_before), lang.money(o.central_after))}</dd></div>
                <div><dt>{lang.pick("市府須自行負擔", "The city would have to cover")}</dt><dd data-testid="whatif-city-cover">{lang.money(o.city_cover)}</dd></div>
            </dl>
            <ul class="warnings">{o.warnings.iter().map(|w| view! { <li class="diag warning">{crate::i18n::scenario::warning(lang, w)}</li> }).collect_view()}</ul>
            <div class="compare-bars">
                <FundingBar lang=lang caption=lang.pick("原本的經費來源", "Funding mix before").to_string() segments=segments(lang, &o.kinds_before) download="whatif-before"/>
                <FundingBar lang=lang caption=lang.pick("試算後的經費來源", "Funding mix after").to_string() segments=segments(lang, &o.kinds_after) download="whatif-after"/>
            </div>
        }
    })
    };
    view! {
        {totals}
        {dependent}
        <div class="table-scroll">
            <table class="whatif-table" data-testid="whatif-table">
                <caption>{lang.pick("各計畫：原本、試算與對中央補助的依賴", "Each programme: before, after, and how much it relies on central money")}</caption>
                <thead><tr>
                    <th scope="col">{lang.pick("計畫", "Programme")}</th>
                    <th scope="col" class="num">{lang.pick("原本（千元）", "Before (NT$ thousand)")}</th>
                    <th scope="col">{lang.pick("調整", "Adjust")}</th>
                    <th scope="col" class="num">{lang.pick("試算（千元）", "After (NT$ thousand)")}</th>
                    <th scope="col" class="num">{lang.pick("增減", "Change")}</th>
                    <th scope="col" class="num">{lang.pick("占比", "Share")}</th>
                    <th scope="col" class="num">{lang.pick("中央補助占比", "Central share")}</th>
                    <th scope="col" class="num">{lang.pick("市府須補（千元）", "City must cover")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn segments(lang: Lang, kinds: &[(FundingKind, Money)]) -> Vec<Segment> {
    let shares = plan_core::shares::of_money(&kinds.iter().map(|(_, m)| *m).collect::<Vec<_>>());
    kinds.iter().zip(shares).map(|((k, m), sh)| Segment { label: lang.kind(*k).to_string(), kind: *k, amount: *m, share: sh }).collect()
}
