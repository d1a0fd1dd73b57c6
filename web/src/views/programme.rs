//! One programme at its own URL: what it does, what it costs, who pays, which strategies it
//! serves, its neighbours in the ranking, and the source lines every figure came from.

use crate::components::book_line::BookFigures;
use crate::components::disclosure::follow_open;
use crate::components::everyday::Everyday;
use crate::components::funding_bar::{FundingBar, Segment};
use crate::components::link_editor::LinkEditor;
use crate::components::names::{with_gloss, Name};
use crate::components::note::NoteEditor;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_data, use_ui, Data, Ui};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use plan_core::annotations::Target;
use plan_core::links::candidates;
use plan_core::money::per_capita;
use plan_core::{Programme, Span};

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let params = use_params_map();
    move || {
        let lang = ui.lang.get();
        let n = params.get().get("n").and_then(|s| s.parse::<u32>().ok());
        match n.and_then(|n| data.plan.programme(n)).cloned() {
            Some(p) => render(&data, ui, lang, p).into_any(),
            None => view! { <crate::views::not_found::NotFound/> }.into_any(),
        }
    }
}

fn render(data: &Data, ui: Ui, lang: Lang, p: Programme) -> impl IntoView {
    let s = &data.summary;
    let gloss = &data.meta.gloss;
    let f = s.programme(p.number).cloned();
    let share = f.as_ref().map(|f| f.share).unwrap_or_default();
    let rank = f.as_ref().map(|f| f.rank).unwrap_or(0);
    let segments: Vec<Segment> = f
        .as_ref()
        .map(|f| {
            f.funding
                .iter()
                .zip(&f.funding_shares)
                .map(|(l, sh)| Segment {
                    label: with_gloss(lang, &l.source.name, gloss.source(&l.source.name)),
                    kind: l.source.kind,
                    amount: l.amount,
                    share: *sh,
                })
                .collect()
        })
        .unwrap_or_default();
    let neighbour = |rank: usize| {
        s.at_rank(rank).and_then(|f| data.plan.programme(f.number)).map(|r| (r.number, with_gloss(lang, &r.name, gloss.programme(r.number)), r.budget))
    };
    let (above, below) = (neighbour(rank.saturating_sub(1)), neighbour(rank + 1));
    let links: Vec<_> = s.links.iter().filter(|l| l.programme == p.number).cloned().collect();
    let about = p.name.clone();
    // Scoring every strategy against this programme is worth it only for a reader who asks.
    let alternatives = {
        let (plan, p) = (data.plan.clone(), p.clone());
        move || -> Vec<String> {
            candidates(&plan, &p)
                .into_iter()
                .filter(|c| !links.iter().any(|l| l.strategy == c.strategy))
                .take(3)
                .map(|c| {
                    let name = plan.strategy(c.strategy).map(|(_, s)| s.name.clone()).unwrap_or_default();
                    format!("{} {} — {} {}", lang.strategy_label(c.strategy), name, lang.pick("分數", "score"), c.score)
                })
                .collect()
        }
    };
    let asked = RwSignal::new(false);
    let budget = p.budget;
    // Per resident only where the document has its population (the bundled plan's
    // companion file); another document's would be divided by the wrong people.
    let has_population = data.meta.population.is_some();
    let per = move || per_capita(budget, ui.population.get()).filter(|_| has_population);
    let name = p.name.clone();
    // A budget book's line: its place in the book, its three years and the agency's reason,
    // instead of a plan row's items, funding notes and strategies.
    let book = p.book.as_deref().cloned();
    let place: Vec<String> = data.plan.path_of(&p).into_iter().map(str::to_string).collect();
    let plan_row = book.is_none();

    view! {
        <article class="page programme">
            <nav class="breadcrumb" aria-label=lang.pick("導覽路徑", "Breadcrumb")>
                <ol>
                    <li><A href=Page::Overview.href()>{lang.pick("概覽", "Overview")}</A></li>
                    <li><A href=Page::Treemap.href()>{lang.pick("預算樹狀圖", "Treemap")}</A></li>
                    <li aria-current="page">{name.clone()}</li>
                </ol>
            </nav>
            <p class="label">{match book.as_ref().and_then(|b| b.code.clone()) {
                Some(code) => format!("{} · {code}", lang.pick("科目編號", "Code")),
                None => lang.programme_label(p.number),
            }}</p>
            <h1><Name lang=lang zh=name gloss=gloss.programme(p.number).map(str::to_string)/></h1>
            {(!place.is_empty()).then(|| view! { <p class="book-path" data-testid="book-path">{place.join(" › ")}</p> })}
            <NoteEditor lang=lang target=Target::Programme { number: p.number } about=about/>
            <dl class="facts">
                <div>
                    <dt>{lang.pick("預算", "Budget")}</dt>
                    <dd data-testid="programme-budget">{lang.money(budget)}</dd>
                    <dd class="sub">{lang.money_short(budget)}</dd>
                    <dd class="sub"><Everyday lang=lang meta=data.meta.clone() amount=budget/></dd>
                    <dd><Provenance lang=lang data=data.clone() span=p.budget_span/></dd>
                </div>
                <div>
                    <dt>{lang.pick("占總預算", "Share of total")}</dt>
                    <dd data-testid="programme-share">{format!("{share}%")}</dd>
                    <dd class="sub">{match lang { Lang::Zh => format!("排名第 {rank} / {}", data.plan.programmes.len()), Lang::En => format!("rank {rank} of {}", data.plan.programmes.len()) }}</dd>
                </div>
                <div hidden=!has_population>
                    <dt>{lang.pick("每位市民負擔", "Per resident")}</dt>
                    <dd data-testid="programme-per-capita">{move || per().map(|pc| match lang {
                        Lang::Zh => format!("每年 {} 元 · 每月 {} 元 · 每天 {} 元", pc.per_year, pc.per_month, pc.per_day),
                        Lang::En => format!("NT${} a year · NT${} a month · NT${} a day", pc.per_year, pc.per_month, pc.per_day),
                    }).unwrap_or_default()}</dd>
                    <dd class="sub">{match lang { Lang::Zh => format!("每花 100 元，有 {share} 元用在這裡"), Lang::En => format!("NT${share} of every NT$100 spent") }}</dd>
                </div>
            </dl>
            {book.map(|facts| view! { <BookFigures lang=lang budget=budget facts=facts/> })}
            {years(data, lang, &p)}
            <div class="plan-row" hidden=!plan_row>
            <h2>{lang.pick("實施內容", "What it does")}</h2>
            <ol class="items" lang="zh-Hant-TW">
                {p.items.iter().map(|it| view! { <li>{it.text.clone()}<Provenance lang=lang data=data.clone() span=it.span/></li> }).collect_view()}
            </ol>
            <h2>{lang.pick("經費來源", "Who pays")}</h2>
            <FundingBar lang=lang caption=lang.pick("本計畫經費來源", "This programme's funding").to_string() segments=segments download=format!("{}-programme-{}-funding", crate::components::downloads::stem(data), p.number)/>
            {(!p.funding.is_empty()).then(|| view! {
                <ul class="notes">
                    {p.funding.iter().map(|n| view! {
                        <li>
                            <span lang="zh-Hant-TW">{n.written_as.clone().unwrap_or_else(|| n.source.clone())}</span>" "{lang.money(n.amount)}
                            <Provenance lang=lang data=data.clone() span=n.span/>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <h2>{lang.pick("對應策略", "Strategies it serves")}</h2>
            <LinkEditor lang=lang programme=p.number/>
            <details on:toggle=follow_open(asked)>
                <summary>{lang.pick("其他可能的策略", "Other possible strategies")}</summary>
                {move || asked.get().then(|| view! { <ul>{alternatives().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> })}
            </details>
            </div>
            <h2>{lang.pick("預算排名前後", "Neighbours in the ranking")}</h2>
            <ul class="neighbours">
                {above.map(|(n, name, b)| view! { <li>{lang.pick("較大：", "Larger: ")}<A href=Address::programme(n).href()>{name}</A>" "{lang.money(b)}</li> })}
                {below.map(|(n, name, b)| view! { <li>{lang.pick("較小：", "Smaller: ")}<A href=Address::programme(n).href()>{name}</A>" "{lang.money(b)}</li> })}
            </ul>
            <h2>{lang.pick("原文出處", "Source text")}</h2>
            <Provenance lang=lang data=data.clone() span=p.span open=true/>
        </article>
    }
}

/// The line over the years (other years' documents in the library), built in the later chunk.
fn years(data: &Data, lang: Lang, p: &Programme) -> Option<impl IntoView> {
    let at = data.plan.programmes.iter().position(|x| x.number == p.number)?;
    let subject = plan_core::series::Subject::Line(plan_core::TreeRef::Programme(at as u32));
    Some(crate::components::later::later("years", crate::pages::below(crate::views::years::Below { lang, data: data.clone(), subject }.into())))
}

/// The source lines a figure was read from, with their numbers, on demand.
#[component]
fn Provenance(lang: Lang, data: Data, span: Span, #[prop(optional)] open: bool) -> impl IntoView {
    let source = data.plan.source.as_ref();
    let summary = crate::i18n::findings::span_place(lang, source, span);
    // A PDF's lines are numbered within their page, as the reader counts them there.
    let lines: Vec<(u32, String)> = data.source_lines(span).into_iter().map(|(n, t)| (source.and_then(|s| s.place(n)).map_or(n, |(_, l)| l), t)).collect();
    view! {
        <details class="provenance" open=open>
            <summary>{summary}</summary>
            <pre lang="zh-Hant-TW">
                {lines.into_iter().filter(|(_, t)| !t.trim().is_empty()).map(|(n, t)| view! { <span class="ln">{format!("{n:>4}  ")}</span>{t}{"\n"} }).collect_view()}
            </pre>
        </details>
    }
}
