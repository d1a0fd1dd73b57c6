//! The landing page: what the plan is, how much, who pays, and what it costs each resident.

use crate::components::downloads::{stem, PlanDownloads};
use crate::components::embed::EmbedSnippet;
use crate::components::everyday::Everyday;
use crate::components::funding_bar::{kind_segments, FundingBar};
use crate::components::later::later;
use crate::components::names::with_gloss;
use crate::components::no_budget::NoBudget;
use crate::components::ranked_bars::RankedBars;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_data, use_ui, Data, Ui};
use leptos::prelude::*;
use leptos_router::components::A;
use plan_core::money::per_capita;

#[component]
pub fn Overview() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    move || {
        let lang = ui.lang.get();
        render(&data, ui, lang)
    }
}

/// Just the funding chart (for embedding).
#[component]
pub fn FundingOnly() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    move || {
        let lang = ui.lang.get();
        let caption = format!("{} · {}", data.name, lang.pick("經費來源（依類別）", "Funding by kind"));
        view! { <FundingBar lang=lang caption=caption segments=kind_segments(&data.summary, lang)/> }
    }
}

fn render(data: &Data, ui: Ui, lang: Lang) -> AnyView {
    let plan = &data.plan;
    let s = &data.summary;
    let gloss = &data.meta.gloss;
    // A budget CSV has no title line: the name the user gave it stands in.
    let title = if plan.title.is_empty() { data.name.to_string() } else { with_gloss(lang, &plan.title, gloss.title.as_deref()) };
    let agency = with_gloss(lang, &plan.agency, gloss.agency.as_deref());
    let year = match lang {
        Lang::Zh => format!("民國 {} 年（{} 年）", plan.year, plan.year + 1911),
        Lang::En => format!("ROC year {} ({})", plan.year, plan.year + 1911),
    };
    if !plan.kind.is_plan() {
        return book_overview(data, ui, lang, title).into_any();
    }
    if !plan.has_budget() {
        return view! {
            <section class="page overview">
                {imported_note(data, lang)}
                <h1>{title}</h1>
                <p class="lede">{agency}" · "{year}</p>
                <NoBudget heading=false/>
                {lower_sections(data, ui, lang)}
            </section>
        }
        .into_any();
    }
    let kinds = kind_segments(s, lang);
    let largest = s.at_rank(1).and_then(|f| plan.programme(f.number).map(|p| (p.number, with_gloss(lang, &p.name, gloss.programme(p.number)), f.share)));

    view! {
        <section class="page overview">
            {imported_note(data, lang)}
            <h1>{title}</h1>
            <p class="lede">{agency}" · "{year}</p>
            <dl class="facts">
                <div>
                    <dt>{lang.pick("總預算", "Total budget")}</dt>
                    <dd data-testid="total">{lang.money(s.total)}</dd>
                    <dd class="sub" data-testid="total-short">{lang.money_short(s.total)}</dd>
                </div>
                <div>
                    <dt>{lang.pick("計畫數", "Programmes")}</dt>
                    <dd data-testid="programme-count">{plan.programmes.len()}</dd>
                </div>
                <div>
                    <dt>{lang.pick("目標／策略", "Goals / strategies")}</dt>
                    <dd>{format!("{} / {}", plan.goals.len(), plan.strategy_count())}</dd>
                </div>
                {largest.map(|(n, name, share)| view! {
                    <div>
                        <dt>{lang.pick("最大計畫", "Largest programme")}</dt>
                        <dd><A href=Address::programme(n).href()>{name}</A></dd>
                        <dd class="sub">{format!("{share}%")}</dd>
                    </div>
                })}
            </dl>
            // Where the money goes comes before who pays: it is what a reader arriving from a
            // news link asks first (issue 18), and it is the landing page's one picture.
            <h2>{lang.pick("錢花在哪裡", "Where the money goes")}</h2>
            <RankedBars lang=lang data=data.clone()/>
            <p class="more-link"><A href=Page::Treemap.href()>{lang.pick("看預算樹狀圖 →", "See the budget treemap →")}</A></p>
            <h2>{lang.pick("誰出錢", "Who pays")}</h2>
            <FundingBar lang=lang caption=lang.pick("經費來源（依類別）", "Funding by kind").to_string() segments=kinds download=format!("{}-funding", stem(data))/>
            {lower_sections(data, ui, lang)}
            <nav class="next" aria-label=lang.pick("繼續探索", "Explore further")>
                <A href=Page::Treemap.href()>{lang.pick("預算樹狀圖 →", "Budget treemap →")}</A>
                <A href=Page::Goals.href()>{lang.pick("目標與策略 →", "Goals and strategies →")}</A>
                <A href=Page::Programmes.href()>{lang.pick("計畫列表 →", "Programme table →")}</A>
                <A href=Page::Flow.href()>{lang.pick("資金流向 →", "Money flow →")}</A>
            </nav>
        </section>
    }
    .into_any()
}

/// A budget book opens on its top level: its title at once, then (in the later chunk, so a
/// plan's landing page does not carry a book's code) its three years' totals, its lines per
/// level and the tree to open line by line. No funding mix (a book names no sources) and no
/// goals.
fn book_overview(data: &Data, ui: Ui, lang: Lang, title: String) -> impl IntoView {
    view! {
        <section class="page overview book">
            {imported_note(data, lang)}
            <h1>{title}</h1>
            {lower_sections(data, ui, lang)}
        </section>
    }
}

/// The book's figures and tree, built in the later chunk ([`Below::view`]).
fn book_sections(data: &Data, lang: Lang) -> impl IntoView {
    let plan = &data.plan;
    let (this, last, actual) = plan.series_totals();
    let year = match (lang, plan.year) {
        (Lang::Zh, 0) => "年度未載明".to_string(),
        (Lang::En, 0) => "year not stated".to_string(),
        (Lang::Zh, y) => format!("民國 {y} 年度（{} 年）", y + 1911),
        (Lang::En, y) => format!("ROC year {y} ({})", y + 1911),
    };
    let kind = match plan.kind {
        plan_core::DocumentKind::Revenue => lang.pick("預算書 · 歲入", "Budget book · revenue"),
        _ => lang.pick("預算書 · 歲出", "Budget book · spending"),
    };
    let total_label = match plan.kind {
        plan_core::DocumentKind::Revenue => lang.pick("本年度歲入預算", "This year's revenue"),
        _ => lang.pick("本年度預算數", "This year's budget"),
    };
    let levels = plan.lines_per_level().iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" / ");
    let or_dash = move |m: Option<plan_core::Money>| m.map_or_else(|| lang.pick("書上未列", "not given").to_string(), |m| lang.money(m));
    view! {
        <p class="lede">{kind}" · "{year}</p>
        <dl class="facts">
            <div>
                <dt>{total_label}</dt>
                <dd data-testid="total">{lang.money(this)}</dd>
                <dd class="sub" data-testid="total-short">{lang.money_short(this)}</dd>
            </div>
            <div><dt>{lang.pick("上年度預算數", "Last year's budget")}</dt><dd data-testid="total-last-year">{or_dash(last)}</dd></div>
            <div><dt>{lang.pick("前年度決算數", "Spent the year before last")}</dt><dd data-testid="total-actual">{or_dash(actual)}</dd></div>
            <div>
                <dt>{lang.pick("最末層科目", "Lines at the bottom")}</dt>
                <dd data-testid="programme-count">{plan.programmes.len()}</dd>
                <dd class="sub">{match lang { Lang::Zh => format!("各層項數：{levels}"), Lang::En => format!("lines per level: {levels}") }}</dd>
            </div>
        </dl>
        {biggest_changes(data, lang)}
        <crate::views::years::Years lang=lang data=data.clone() subject=plan_core::series::Subject::Whole/>
        {crate::views::years::bars::view(lang, data)}
        <crate::components::book_tree::BookTree lang=lang data=data.clone()/>
        <h2>{lang.pick("最大的科目", "The largest lines")}</h2>
        <RankedBars lang=lang data=data.clone()/>
        <p class="more-link"><A href=Page::Treemap.href()>{lang.pick("看預算樹狀圖 →", "See the budget treemap →")}</A></p>
    }
}

/// The line that grew most and the one cut most (at the bottom of the tree), with a link to
/// every change and its reason; nothing for a book without last year's figures.
fn biggest_changes(data: &Data, lang: Lang) -> Option<impl IntoView> {
    use plan_core::changes::{line_changes, ranked, Movement, Rank};
    data.plan.series_totals().1?;
    let changes = line_changes(&data.plan, &data.tree, None, None);
    let first = |rank: Rank, up: bool| {
        let i = *ranked(&changes, rank).first()?;
        let c = &changes[i];
        let moved = if up { matches!(c.movement, Movement::Increase | Movement::New) } else { matches!(c.movement, Movement::Cut | Movement::Ended) };
        let change = c.change.as_ref().filter(|_| moved)?;
        Some(format!("{} {}（{}）", data.plan.line(c.node).name, lang.money_change(change.amount), crate::components::book_line::percent(lang, change)))
    };
    let text = match (lang, first(Rank::Increase, true), first(Rank::Cut, false)) {
        (_, None, None) => return None,
        (Lang::Zh, up, down) => {
            [up.map(|u| format!("增加最多：{u}")), down.map(|d| format!("減少最多：{d}"))].into_iter().flatten().collect::<Vec<_>>().join("；")
        }
        (Lang::En, up, down) => {
            [up.map(|u| format!("Biggest increase: {u}")), down.map(|d| format!("biggest cut: {d}"))].into_iter().flatten().collect::<Vec<_>>().join("; ")
        }
    };
    Some(view! {
        <p class="biggest-changes" data-testid="book-biggest-changes">{text}" "<A href=Page::Changes.href()>{lang.pick("看增減與理由 →", "See what changed and why →")}</A></p>
    })
}

/// The sections below the charts, built once the page is live.
fn lower_sections(data: &Data, ui: Ui, lang: Lang) -> impl IntoView {
    later("overview", crate::pages::below(Below { data: data.clone(), ui, lang }.into()))
}

/// What a reader scrolls to: the embed snippet, every funding source, their share per
/// resident, the parse report and the downloads (of a plan without a budget, the parse
/// report alone). Built once the page is live ([`later`]).
pub struct Below {
    data: Data,
    ui: Ui,
    lang: Lang,
}

impl Below {
    pub fn view(self) -> AnyView {
        let Below { data, ui, lang } = self;
        if !data.plan.has_budget() {
            return view! { <ParseReport lang=lang data=data/> }.into_any();
        }
        // A budget book names no funding sources and has no population of its own: its
        // figures and tree, the report, its files.
        if !data.plan.kind.is_plan() {
            return view! {
                {book_sections(&data, lang)}
                <ParseReport lang=lang data=data.clone()/>
                <PlanDownloads data=data.clone() lang=lang/>
            }
            .into_any();
        }
        let s = &data.summary;
        let gloss = &data.meta.gloss;
        let sources: Vec<(String, String, String)> = s
            .funding
            .iter()
            .zip(&s.funding_shares)
            .map(|(l, sh)| (with_gloss(lang, &l.source.name, gloss.source(&l.source.name)), l.amount.fmt_thousands(), format!("{sh}%")))
            .collect();
        view! {
            <EmbedSnippet lang=lang chart=Page::EmbedFunding/>
            <details class="sources">
                <summary>{lang.pick("各經費來源明細", "Every funding source")}</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{lang.pick("來源", "Source")}</th>
                        <th scope="col" class="num">{lang.pick("金額（千元）", "NT$ thousand")}</th>
                        <th scope="col" class="num">{lang.pick("占比", "Share")}</th>
                    </tr></thead>
                    <tbody>
                        {sources.into_iter().map(|(n, a, sh)| view! { <tr><th scope="row">{n}</th><td class="num">{a}</td><td class="num">{sh}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <p class="note">{lang.pick("備註未列出的經費由市總預算支應（總預算減去各項備註金額）。", "Whatever the notes do not cover is paid from the city's general budget (the total minus every noted amount).")}</p>
            </details>
            <crate::views::years::Years lang=lang data=data.clone() subject=plan_core::series::Subject::Whole/>
            <YourShare data=data.clone() ui=ui lang=lang/>
            <ParseReport lang=lang data=data.clone()/>
            <PlanDownloads data=data.clone() lang=lang/>
        }
        .into_any()
    }
}

/// Imported plans say where they live (only in this browser) and link to the library.
fn imported_note(data: &Data, lang: Lang) -> impl IntoView {
    (&*data.id != crate::store::library::BUNDLED).then(|| {
        view! {
            <p class="imported-note" data-testid="imported-note">
                {if data.plan.kind.is_plan() {
                    lang.pick("你匯入的計畫，只儲存在這個瀏覽器：", "A plan you imported, stored only in this browser: ")
                } else {
                    lang.pick("你匯入的預算書，只儲存在這個瀏覽器：", "A budget book you imported, stored only in this browser: ")
                }}
                <strong>{data.name.to_string()}</strong>" · "
                <a href=Page::Library.href()>{lang.pick("我的計畫", "My plans")}</a>
            </p>
        }
    })
}

/// Programmes listed in "your share" (an agency's plan has fewer; a budget book many more).
const LARGEST: usize = 30;

/// Per-resident cost, for a population the reader can change.
#[component]
fn YourShare(data: Data, ui: Ui, lang: Lang) -> impl IntoView {
    let pop = data.meta.population.clone();
    let pop_known = pop.is_some();
    let total = data.summary.total;
    let source = pop.as_ref().map(|p| match lang {
        Lang::Zh => format!("預設人口：{} 人（{}）。{}", plan_core::money::group_digits(p.count.into()), p.as_of_zh, p.source_zh),
        Lang::En => format!("Default population: {} ({}). {}", plan_core::money::group_digits(p.count.into()), p.as_of_en, p.source_en),
    });
    // Another document's people are not the bundled plan's: without a population of its
    // own, the reader is asked for one (kept for this page only).
    let population = if pop.is_some() { ui.population } else { RwSignal::new(0) };
    let per = move || per_capita(total, population.get());
    let line = move || match per() {
        Some(pc) => match lang {
            Lang::Zh => format!("每位市民每年約負擔 {} 元，相當於每月 {} 元、每天 {} 元。", pc.per_year, pc.per_month, pc.per_day),
            Lang::En => format!("Each resident's share is NT${} a year — NT${} a month, NT${} a day.", pc.per_year, pc.per_month, pc.per_day),
        },
        None if pop_known => lang.pick("請輸入大於 0 的人口數。", "Enter a population above zero.").to_string(),
        None => lang
            .pick(
                "這份文件沒有附人口數：請輸入它所涵蓋的人口，才能算出每人負擔。",
                "This document comes with no population: enter the number of people it covers to see each one's share.",
            )
            .to_string(),
    };
    let more = data.plan.programmes.len().saturating_sub(LARGEST);
    let rows: Vec<(u32, String, String, plan_core::Money)> = data
        .summary
        .by_rank
        .iter()
        .take(LARGEST)
        .filter_map(|&n| data.plan.programme(n))
        .map(|p| {
            (
                p.number,
                with_gloss(lang, &p.name, data.meta.gloss.programme(p.number)),
                data.summary.programme(p.number).map(|f| f.share.to_string()).unwrap_or_default(),
                p.budget,
            )
        })
        .collect();
    view! {
        <section class="your-share" aria-labelledby="your-share-h">
            <h2 id="your-share-h">{lang.pick("你的份額", "Your share")}</h2>
            <label for="population">{lang.pick("人口數", "Population")}</label>
            <input
                id="population"
                type="number"
                min="1"
                step="1"
                inputmode="numeric"
                prop:value=move || Some(population.get()).filter(|n| *n > 0).map(|n| n.to_string()).unwrap_or_default()
                on:input=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<u64>() {
                        population.set(n);
                    }
                }
            />
            <p class="per-capita" data-testid="per-capita" aria-live="polite">{line}</p>
            <Everyday lang=lang meta=data.meta.clone() amount=total population=population/>
            <p class="note">{source}</p>
            <div class="table-wrap"><table class="hundred">
                <caption>{lang.pick("每花 100 元，用在哪裡；以及每位市民每年、每月負擔多少", "Of every NT$100 spent, where it goes; and what each programme costs each resident")}</caption>
                <thead><tr>
                    <th scope="col">{lang.pick("計畫", "Programme")}</th>
                    <th scope="col" class="num">{lang.pick("每 100 元", "Per NT$100")}</th>
                    <th scope="col" class="num">{lang.pick("每人每年（元）", "Per resident a year (NT$)")}</th>
                    <th scope="col" class="num">{lang.pick("每人每月（元）", "a month (NT$)")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(n, name, share, budget)| view! {
                        <tr>
                            <th scope="row"><A href=Address::programme(n).href()>{name}</A></th>
                            <td class="num">{share}</td>
                            <td class="num">{move || per_capita(budget, ui.population.get()).map(|pc| pc.per_year.to_string()).unwrap_or_default()}</td>
                            <td class="num">{move || per_capita(budget, ui.population.get()).map(|pc| pc.per_month.to_string()).unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                {(more > 0).then(|| view! { <tfoot><tr><td colspan="4">
                    {match lang { Lang::Zh => format!("以上為最大的 {LARGEST} 項；其餘 {more} 項見"), Lang::En => format!("The largest {LARGEST}; the other {more} are in ") }}
                    <A href=Page::Programmes.href()>{lang.pick("計畫列表", "the programme table")}</A>
                </td></tr></tfoot> })}
            </table></div>
        </section>
    }
}

/// What the parser said about the text: shown so nobody has to trust the figures blindly.
#[component]
fn ParseReport(lang: Lang, data: Data) -> impl IntoView {
    let diags = data.diagnostics.clone();
    let summary = match (lang, diags.is_empty()) {
        (Lang::Zh, true) => "解析結果：原文全部讀取，沒有錯誤或警告。".to_string(),
        (Lang::En, true) => "Parse report: the whole text was read, with no errors or warnings.".to_string(),
        (Lang::Zh, false) => format!("解析結果：{} 則提示", diags.len()),
        (Lang::En, false) => format!("Parse report: {} findings", diags.len()),
    };
    // The wording comes with the codec, which a stored plan has already fetched; the bundled
    // plan has no findings, so the landing page fetches nothing for this.
    // (A signal and a task, not a LocalResource: that pulls the async-derived machinery,
    // 10 KB gzip, into this first load.)
    let wording = RwSignal::new(crate::codec::get().map(|c| c.finding));
    if wording.get_untracked().is_none() && !diags.is_empty() {
        leptos::task::spawn_local(async move {
            let _ = wording.try_set(crate::codec::load().await.map(|c| c.finding));
        });
    }
    let list = move || {
        let word = wording.get();
        diags
            .iter()
            .map(|d| {
                view! { <li>{match word {
                    Some(word) => word(lang, d),
                    // Offline before the codec was cached: the place and the code still say what.
                    None => format!("{} {}", crate::i18n::findings::place(lang, d), d.code()),
                }}</li> }
            })
            .collect_view()
    };
    view! {
        <details class="parse-report">
            <summary>{summary}</summary>
            <ul data-testid="parse-report">{list}</ul>
            <p class="note">{lang.pick("每個數字都可追溯到原文的行號（見各計畫頁的「原文出處」）。", "Every figure can be traced to its source line (see “Source text” on each programme page).")}</p>
        </details>
    }
}
