//! The goal tree: vision → missions, and goals → strategies → linked programmes, each with
//! its rolled-up budget and share; link kind, score and evidence on demand; strategies no
//! programme funds are flagged. A sunburst shows the same tree.

use crate::components::chart_item::{ChartItem, ChartSvg};
use crate::components::names::{with_gloss, Name};
use crate::components::no_budget::NoBudget;
use crate::components::note::NoteEditor;
use crate::components::palette::goal_colour;
use crate::components::small_items::{SmallItem, SmallItems};
use crate::i18n::Lang;
use crate::routes::Address;
use crate::state::{use_data, use_ui, Data};
use leptos::prelude::*;
use leptos_router::components::A;
use plan_core::annotations::Target;
use plan_core::charts::{goal_sunburst, Node};
use plan_core::geometry::svg_number;
use plan_core::links::LinkKind;
use plan_core::{Money, StrategyId};

#[component]
pub fn GoalsPage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let sunburst = RwSignal::new(false);
    move || {
        let lang = ui.lang.get();
        if !data.plan.has_budget() {
            return view! { <GoalsOnly lang=lang data=data.clone()/> }.into_any();
        }
        view! {
            <section class="page goals">
                <h1>{lang.pick("願景、任務、目標與策略", "Vision, missions, goals and strategies")}</h1>
                <Vision lang=lang data=data.clone()/>
                <div class="view-switch" role="group" aria-label=lang.pick("檢視方式", "View")>
                    <button type="button" aria-pressed=move || (!sunburst.get()).to_string() on:click=move |_| sunburst.set(false)>{lang.pick("樹狀清單", "Tree")}</button>
                    <button type="button" aria-pressed=move || sunburst.get().to_string() on:click=move |_| sunburst.set(true)>{lang.pick("旭日圖", "Sunburst")}</button>
                </div>
                {
                    let data = data.clone();
                    move || if sunburst.get() { view! { <Sunburst lang=lang data=data.clone()/> }.into_any() } else { view! { <Tree lang=lang data=data.clone()/> }.into_any() }
                }
            </section>
        }
        .into_any()
    }
}

/// The tree of a partial plan (a document with goals but no budget table): what it holds,
/// without figures, rolled-up money or links to programmes it does not have.
#[component]
fn GoalsOnly(lang: Lang, data: Data) -> impl IntoView {
    let gloss = &data.meta.gloss;
    let goals = data.plan.goals.iter().map(|g| {
        let strategies = g.strategies.iter().map(|st| {
            let id = StrategyId { goal: g.number, strategy: st.number };
            view! { <li class="strategy"><span class="label">{lang.strategy_label(id)}</span>" "<Name lang=lang zh=st.name.clone() gloss=gloss.strategy(id).map(str::to_string)/></li> }
        }).collect_view();
        view! {
            <li class="goal">
                <span class="swatch" style=format!("background:{}", goal_colour(Some(g.number))) aria-hidden="true"></span>
                <span class="label">{lang.goal_label(g.number)}</span>" "
                <Name lang=lang zh=g.name.clone() gloss=gloss.goal(g.number).map(str::to_string)/>
                <NoteEditor lang=lang target=Target::Goal { number: g.number } about=g.name.clone()/>
                <ul>{strategies}</ul>
            </li>
        }
    }).collect_view();
    view! {
        <section class="page goals partial">
            <h1>{lang.pick("目標與策略", "Goals and strategies")}</h1>
            <NoBudget heading=false on_goals=true/>
            {data.plan.vision.clone().map(|v| view! {
                <h2>{lang.pick("願景", "Vision")}</h2>
                <p class="vision-title"><Name lang=lang zh=v.title.clone() gloss=gloss.vision.clone()/></p>
            })}
            {(!data.plan.missions.is_empty()).then(|| view! {
                <h2>{lang.pick("任務", "Missions")}</h2>
                <Missions lang=lang data=data.clone() figures=false/>
            })}
            <ul class="tree" data-testid="goal-tree">{goals}</ul>
        </section>
    }
}

#[component]
fn Vision(lang: Lang, data: Data) -> impl IntoView {
    let plan = &data.plan;
    let gloss = &data.meta.gloss;
    view! {
        {plan.vision.clone().map(|v| view! {
            <h2>{lang.pick("願景", "Vision")}</h2>
            <p class="vision-title"><Name lang=lang zh=v.title.clone() gloss=gloss.vision.clone()/></p>
            {v.paragraphs.into_iter().map(|p| view! { <p lang="zh-Hant-TW">{p}</p> }).collect_view()}
        })}
        <h2>{lang.pick("任務", "Missions")}</h2>
        <Missions lang=lang data=data.clone() figures=true/>
        <p class="note">{lang.pick(
            "原文沒有寫出哪項計畫對應哪個目標；以下連結由文字相似度推論（可展開查看依據與分數），經費依連結逐層加總，未連結的經費另列。",
            "The document never says which programme serves which goal: links below are inferred from text similarity (open one to see its score and evidence), budgets roll up along them, and money with no link is shown separately.",
        )}</p>
    }
}

/// The missions, with their rolled-up budgets when `figures`. Numbered in the text, not by the
/// list's markers: Chrome lays out every numbered marker on the page again whenever a strategy
/// of the tree below opens (10,000 programmes, 100 missions: 6.1 of the 7.2 ms one opening took).
#[component]
fn Missions(lang: Lang, data: Data, figures: bool) -> impl IntoView {
    let s = &data.summary;
    let items = data.plan.missions.iter().map(|m| {
        let figure = figures.then(|| {
            view! { <span class="figure">{format!("{} · {}%", lang.money(s.rollup.mission(m.number)), s.mission_share(m.number))}</span> }
        });
        view! {
            <li>
                <span class="number">{format!("{}.", m.number)}</span>" "
                <Name lang=lang zh=m.text.clone() gloss=data.meta.gloss.mission(m.number).map(str::to_string)/>
                {figure}
            </li>
        }
    });
    // `role=list`: a list without markers is not announced as one by some screen readers.
    view! { <ol class="missions" role="list">{items.collect_view()}</ol> }
}

/// Above this many programmes the goal tree builds strategies' programme lists on demand.
const LAZY_ABOVE: usize = 300;

/// An opened strategy shows this many of its linked programmes, and as many more per click.
const LINKS_AT_ONCE: usize = 50;

#[component]
fn Tree(lang: Lang, data: Data) -> impl IntoView {
    let plan = data.plan.clone();
    let s = data.summary.clone();
    let gloss = &data.meta.gloss;
    // Large plans open with strategies folded, and a strategy's programmes are built only
    // when it is opened: a 10,000-programme tree then renders in a frame.
    let lazy = plan.programmes.len() > LAZY_ABOVE;
    let amounts: std::collections::HashMap<(u32, StrategyId), Money> = s.rollup.allocations.iter().map(|a| ((a.programme, a.strategy), a.amount)).collect();
    let amounts = std::sync::Arc::new(amounts);
    // Grouped once: looking links up per strategy and per programme was quadratic (10,000
    // programmes × 10,000 links).
    let mut by_strategy: std::collections::HashMap<StrategyId, Vec<plan_core::links::Link>> = std::collections::HashMap::new();
    for l in &s.links {
        by_strategy.entry(l.strategy).or_default().push(l.clone());
    }
    let linked: std::collections::HashSet<u32> = s.links.iter().map(|l| l.programme).collect();
    let goals =
        plan.goals
            .iter()
            .map(|g| {
                let money = s.rollup.goal(g.number).unwrap_or_default();
                let strategies =
                    g.strategies
                        .iter()
                        .map(|st| {
                            let id = StrategyId { goal: g.number, strategy: st.number };
                            let money = s.rollup.strategy(id);
                            let links = by_strategy.remove(&id).unwrap_or_default();
                            let unfunded = links.is_empty();
                            let shown = RwSignal::new(!unfunded && !lazy);
                            let (plan, meta, amounts) = (plan.clone(), data.meta.clone(), amounts.clone());
                            // A strategy of a 10,000-line plan can hold hundreds of links: opening it
                            // builds the first few dozen, and a button adds more.
                            let limit = RwSignal::new(LINKS_AT_ONCE);
                            let link_list = move || {
                                shown.get().then(|| {
                                    let (total, limit_now) = (links.len(), limit.get());
                                    let items = links[..total.min(limit_now)].iter().map(|l| {
                                let p = plan.programme(l.programme);
                                let name = p.map(|p| with_gloss(lang, &p.name, meta.gloss.programme(p.number))).unwrap_or_default();
                                let amount = amounts.get(&(l.programme, id)).copied().unwrap_or_default();
                                let kind = match l.kind {
                                    LinkKind::Inferred => format!("{} {}", lang.pick("推論", "inferred"), l.score),
                                    LinkKind::Curated => lang.pick("人工確認", "curated").to_string(),
                                };
                                view! {
                                    <li>
                                        <a href=Address::programme(l.programme).href()>{name}</a>
                                        <span class="figure">{lang.money(amount)}</span>
                                        <span class="badge" class:curated=l.kind == LinkKind::Curated>{kind}</span>
                                        {(!l.evidence.is_empty()).then(|| view! {
                                            <details class="evidence">
                                                <summary>{lang.pick("依據", "Evidence")}</summary>
                                                <p>{lang.pick("共同詞：", "Shared words: ")}<span lang="zh-Hant-TW">{l.evidence.join("、")}</span></p>
                                            </details>
                                        })}
                                    </li>
                                }
                            }).collect_view();
                                    let more = (total > limit_now).then(|| {
                                        let next = (total - limit_now).min(LINKS_AT_ONCE);
                                        let text = match lang {
                                            Lang::Zh => format!("再顯示 {next} 項（共 {total} 項）"),
                                            Lang::En => format!("Show {next} more (of {total})"),
                                        };
                                        view! { <button type="button" class="more" on:click=move |_| limit.update(|l| *l += LINKS_AT_ONCE)>{text}</button> }
                                    });
                                    view! { <ul class="links">{items}</ul>{more} }
                                })
                            };
                            view! {
                                <li class="strategy" class:unfunded=unfunded>
                                    <details open=shown.get_untracked() on:toggle=move |ev| {
                                        use wasm_bindgen::JsCast;
                                        if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) { shown.set(d.open()) }
                                    }>
                                        <summary>
                                            <span class="label">{lang.strategy_label(id)}</span>" "
                                            <Name lang=lang zh=st.name.clone() gloss=gloss.strategy(id).map(str::to_string)/>
                                            <span class="figure">{format!("{} · {}%", lang.money(money), s.strategy_share(id))}</span>
                                            {unfunded.then(|| view! { <span class="flag">{lang.pick("⚠ 無計畫經費", "⚠ No programme funds this")}</span> })}
                                        </summary>
                                        <NoteEditor lang=lang target=Target::Strategy { id } about=st.name.clone()/>
                                        {link_list}
                                    </details>
                                </li>
                            }
                        })
                        .collect_view();
                view! {
                    <li class="goal">
                        <details open=true>
                            <summary>
                                <span class="swatch" style=format!("background:{}", goal_colour(Some(g.number))) aria-hidden="true"></span>
                                <span class="label">{lang.goal_label(g.number)}</span>" "
                                <Name lang=lang zh=g.name.clone() gloss=gloss.goal(g.number).map(str::to_string)/>
                                <span class="figure">{format!("{} · {}%", lang.money(money), s.goal_share(g.number))}</span>
                            </summary>
                            <NoteEditor lang=lang target=Target::Goal { number: g.number } about=g.name.clone()/>
                            <ul>{strategies}</ul>
                        </details>
                    </li>
                }
            })
            .collect_view();
    let unlinked: Vec<_> = plan
        .programmes
        .iter()
        .filter(|p| !linked.contains(&p.number))
        .map(|p| (p.number, with_gloss(lang, &p.name, gloss.programme(p.number)), p.budget))
        .collect();
    view! {
        <h2>{lang.pick("目標與策略", "Goals and strategies")}</h2>
        <ul class="tree" class:large=lazy data-testid="goal-tree">{goals}</ul>
        <h3>{lang.pick("未連結的經費", "Money with no link")}</h3>
        <p data-testid="unlinked">{lang.money(s.rollup.unlinked)}</p>
        <ul>
            {unlinked.into_iter().map(|(n, name, b)| view! { <li><A href=Address::programme(n).href()>{name}</A>" "{lang.money(b)}</li> }).collect_view()}
        </ul>
    }
}

fn node_label(data: &Data, lang: Lang, node: Node) -> String {
    let gloss = &data.meta.gloss;
    match node {
        Node::Goal(g) => format!(
            "{} {}",
            lang.goal_label(g),
            with_gloss(lang, data.plan.goals.iter().find(|x| x.number == g).map(|x| x.name.as_str()).unwrap_or(""), gloss.goal(g))
        ),
        Node::Strategy(id) => {
            format!("{} {}", lang.strategy_label(id), with_gloss(lang, data.plan.strategy(id).map(|(_, s)| s.name.as_str()).unwrap_or(""), gloss.strategy(id)))
        }
        Node::Programme(n) => with_gloss(lang, data.plan.programme(n).map(|p| p.name.as_str()).unwrap_or(""), gloss.programme(n)),
        Node::Unlinked => lang.pick("未連結", "Unlinked").to_string(),
        Node::Source(i) => data.summary.funding.get(i).map(|l| l.source.name.clone()).unwrap_or_default(),
    }
}

#[component]
fn Sunburst(lang: Lang, data: Data) -> impl IntoView {
    const R: f64 = 260.0;
    let slices = goal_sunburst(&data.plan, &data.summary, R);
    let focused = RwSignal::new(String::new());
    // Visible labels for the goal ring and wide strategy slices, kept outside the focusable
    // paths so each path's accessible name is its aria-label.
    let texts = slices
        .iter()
        .filter(|sl| sl.has_room_for_label())
        .map(|sl| {
            let text = match sl.node {
                Node::Goal(g) if sl.sweep > 1.0 => format!("{} {}%", lang.goal_label(g), sl.share),
                Node::Goal(g) => lang.goal_label(g),
                Node::Strategy(id) => id.to_string(),
                _ => lang.pick("未連結", "Unlinked").to_string(),
            };
            view! { <text x=svg_number(sl.label_at.0) y=svg_number(sl.label_at.1 + 4.0) text-anchor="middle">{text}</text> }
        })
        .collect_view();
    // Every slice without a label; a programme's named with its strategy ("策略 3.4 › 就業服務"),
    // as one programme can fund several.
    let small = slices
        .iter()
        .map(|sl| SmallItem {
            name: match sl.parent {
                Some(Node::Strategy(id)) if sl.depth == 3 => format!("{} › {}", lang.strategy_label(id), node_label(&data, lang, sl.node)),
                _ => node_label(&data, lang, sl.node),
            },
            amount: sl.amount,
            share: sl.share,
            href: match sl.node {
                Node::Programme(n) => Some(Address::programme(n).href()),
                _ => None,
            },
            labelled: sl.has_room_for_label(),
        })
        .collect::<Vec<_>>();
    let shapes = slices
        .into_iter()
        .map(|sl| {
            let label = lang.figure(&node_label(&data, lang, sl.node), sl.amount, Some(sl.share));
            let goal = match sl.node {
                Node::Goal(g) => Some(g),
                Node::Strategy(id) => Some(id.goal),
                Node::Programme(_) => match sl.parent {
                    Some(Node::Strategy(id)) => Some(id.goal),
                    _ => None,
                },
                _ => None,
            };
            let target = match sl.node {
                Node::Programme(n) => Some(Address::programme(n)),
                _ => None,
            };
            view! {
                <ChartItem class=format!("slice depth-{}", sl.depth) label=label.clone() item=label target=target>
                    <path d=sl.path fill=goal_colour(goal)></path>
                </ChartItem>
            }
        })
        .collect_view();
    view! {
        <h2>{lang.pick("旭日圖", "Sunburst")}</h2>
        <p class="lede">{lang.pick("內圈為目標，中圈為策略，外圈為計畫；角度與經費成正比。", "Inner ring: goals; middle: strategies; outer: programmes. Angles are proportional to money.")}</p>
        <p class="details" aria-live="polite">{move || focused.get()}</p>
        <ChartSvg class="sunburst".to_string() view_box=format!("0 0 {} {}", svg_number(2.0 * R), svg_number(2.0 * R)) label=lang.pick("目標旭日圖", "Goal sunburst") on_focus=Callback::new(move |label| focused.set(label))>
            {shapes}
            <g class="slice-labels" aria-hidden="true">{texts}</g>
        </ChartSvg>
        <SmallItems lang=lang heading=lang.pick("切片太小、未標名稱的項目", "Slices too small to label").to_string() items=small testid="sunburst-unlabelled"/>
        <p class="note">{lang.pick("此圖的文字版本即「樹狀清單」。", "The Tree view is this chart's text equivalent.")}</p>
        <crate::components::downloads::ChartDownloads lang=lang selector="svg.sunburst" name=format!("{}-sunburst", crate::components::downloads::stem(&data))/>
        <crate::components::embed::EmbedSnippet lang=lang chart=crate::routes::Page::EmbedGoals/>
    }
}
