//! What changed from last year: every line of the level the reader picks, ranked by the
//! change in 千元 or in %, filtered by typing, each with the agency's explanation and the
//! flags `plan-core` raised, and a link to its line. Inside one line (`?under=G`) the same
//! for the lines under it: which agencies grew most, then which work plans inside one.
//! The address holds the whole view (`changes?level=2&by=cut&under=5&q=…`), so every view
//! has a link of its own. All but the heading is built in the later chunk ([`Below`]): the
//! page's code and plotters' stay out of the programme pages' first load.

mod chart;
mod table;

use crate::components::later::later;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_data, use_ui, Data};
use crate::views::compare::TextChanges;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use plan_core::changes::{line_changes, ranked, LineChange, Movement, Rank, Totals};
use std::sync::Arc;

/// What the address asks for.
#[derive(Clone, PartialEq)]
struct View {
    /// 0-based level; `None`: the lines at the bottom of the tree.
    level: Option<u32>,
    under: Option<u32>,
    rank: Rank,
    filter: String,
    flagged_only: bool,
    /// Another document (library id) whose figures stand for "last year".
    against: Option<String>,
}

const RANKS: [(Rank, &str, &str, &str); 5] = [
    (Rank::Increase, "increase", "增加最多（千元）", "Biggest increases (NT$)"),
    (Rank::Cut, "cut", "減少最多（千元）", "Biggest cuts (NT$)"),
    (Rank::IncreaseShare, "increase-share", "增幅最大（%）", "Biggest increases (%)"),
    (Rank::CutShare, "cut-share", "減幅最大（%）", "Biggest cuts (%)"),
    (Rank::Book, "book", "依預算書順序", "As in the book"),
];

impl View {
    fn from_query(q: &leptos_router::params::ParamsMap, data: &Data) -> View {
        let groups = data.plan.groups.len();
        let depth = data.plan.lines_per_level().len() as u32;
        View {
            level: q.get("level").and_then(|l| l.parse::<u32>().ok()).filter(|l| (1..depth).contains(l)).map(|l| l - 1),
            under: q.get("under").and_then(|g| g.parse::<u32>().ok()).filter(|g| (*g as usize) < groups),
            rank: q.get("by").and_then(|b| RANKS.iter().find(|r| r.1 == b)).map_or(Rank::Increase, |r| r.0),
            filter: q.get("q").unwrap_or_default(),
            flagged_only: q.get("flagged").is_some_and(|f| f == "1"),
            against: q.get("against").filter(|a| !a.is_empty() && a.len() <= 64),
        }
    }

    fn query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(l) = self.level {
            parts.push(format!("level={}", l + 1));
        }
        if let Some(g) = self.under {
            parts.push(format!("under={g}"));
        }
        let by = RANKS.iter().find(|r| r.0 == self.rank).map_or("increase", |r| r.1);
        parts.push(format!("by={by}"));
        if !self.filter.is_empty() {
            parts.push(format!("q={}", js_sys::encode_uri_component(&self.filter)));
        }
        if self.flagged_only {
            parts.push("flagged=1".into());
        }
        if let Some(a) = &self.against {
            parts.push(format!("against={}", js_sys::encode_uri_component(a)));
        }
        format!("{}?{}", Address::here(Page::Changes).path(), parts.join("&"))
    }
}

/// The lines of one view, ranked and filtered: what the table, the chart and the export show.
#[derive(Clone)]
pub struct Shown {
    pub changes: Arc<Vec<LineChange>>,
    /// Indexes into `changes`, in rank order, after the filter.
    pub order: Vec<usize>,
}

/// The lines of a level, computed once per plan, level and place: a new ranking or filter
/// only reorders them, and going back to a level seen a moment ago computes nothing.
fn changes_at(data: &Data, level: Option<u32>, under: Option<u32>) -> Arc<Vec<LineChange>> {
    type Key = (Arc<plan_core::Plan>, Option<u32>, Option<u32>);
    /// Views kept: a reader goes back and forth between a few levels and lines.
    const KEPT: usize = 6;
    thread_local! {
        static SEEN: std::cell::RefCell<Vec<(Key, Arc<Vec<LineChange>>)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SEEN.with_borrow_mut(|seen| {
        seen.retain(|((plan, _, _), _)| Arc::ptr_eq(plan, &data.plan));
        if let Some(at) = seen.iter().position(|((_, l, u), _)| (*l, *u) == (level, under)) {
            let hit = seen.remove(at);
            let changes = hit.1.clone();
            seen.push(hit);
            return changes;
        }
        let changes = Arc::new(line_changes(&data.plan, &data.tree, level, under));
        if seen.len() == KEPT {
            seen.remove(0);
        }
        seen.push(((data.plan.clone(), level, under), changes.clone()));
        changes
    })
}

fn shown(data: &Data, v: &View) -> Shown {
    let changes = changes_at(data, v.level, v.under);
    let needle = v.filter.trim().to_lowercase();
    let order = ranked(&changes, v.rank)
        .into_iter()
        .filter(|i| !v.flagged_only || !changes[*i].flags.is_empty())
        .filter(|i| needle.is_empty() || data.plan.line(changes[*i].node).matches(&needle))
        .collect();
    Shown { changes, order }
}

#[component]
pub fn ChangesPage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let query = use_query_map();
    let has_last_year = data.plan.series_totals().1.is_some();
    // The address's view, as a signal: picking a level or a ranking rebuilds the lines shown,
    // not the controls the reader is using (nor the page around them).
    let v = Memo::new({
        let data = data.clone();
        move |_| View::from_query(&query.read(), &data)
    });
    move || {
        let lang = ui.lang.get();
        view! {
            <section class="page changes">
                <h1>{lang.pick("增減與理由", "What changed")}</h1>
                <p class="lede">{lang.pick(
                    "本年度預算數與上年度預算數（或你選的另一份文件）的差額，逐項列出，附機關自己的說明。選一個層級看哪些科目增減最多，點科目名稱看它下一層。",
                    "This year's budget against last year's (or another document you pick), line by line, with the agency's own explanation. Pick a level to see which lines grew or were cut most; a line's name opens the lines under it.",
                )}</p>
                {later("changes", crate::pages::below(Below { lang, data: data.clone(), v, has_last_year }.into()))}
            </section>
        }
    }
}

/// The document in view with `other`'s figures as each line's "last year", made once a pair.
fn paired(data: &Data, other: &Data) -> Data {
    thread_local! {
        static LAST: std::cell::RefCell<Option<((String, String), Data)>> = const { std::cell::RefCell::new(None) };
    }
    let key = (data.id.to_string(), other.id.to_string());
    LAST.with_borrow_mut(|last| {
        if let Some((_, d)) = last.as_ref().filter(|(k, _)| *k == key) {
            return d.clone();
        }
        let plan = Arc::new(plan_core::changes::against(&data.plan, &other.plan));
        let pair = Data { tree: Arc::new(plan.tree()), plan, ..data.clone() };
        *last = Some((key, pair.clone()));
        pair
    })
}

/// What "last year" is: the document's own 上年度預算數, or another document in the library
/// (another year of a plan, the proposal of an enacted budget): those of the same issuer first.
#[component]
fn Against(lang: Lang, data: Data, v: Memo<View>, against: Option<String>, has_last_year: bool) -> impl IntoView {
    let store = crate::store::use_store();
    let navigate = use_navigate();
    let book = !data.plan.kind.is_plan();
    let who = plan_core::series::issuer(&data.plan.agency);
    let mut choices: Vec<(bool, String, String)> = store
        .plans()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| !e.deleted && *e.id != *data.id && e.book == book)
        .map(|e| (plan_core::series::issuer(&e.agency) == who, e.id, e.name))
        .collect();
    if !book && &*data.id != crate::store::library::BUNDLED {
        let bundled = Data::bundled(None);
        choices.push((plan_core::series::issuer(&bundled.plan.agency) == who, crate::store::library::BUNDLED.to_string(), bundled.name.to_string()));
    }
    choices.sort_by_key(|c| !c.0);
    if choices.is_empty() && has_last_year {
        return None;
    }
    let own = if has_last_year {
        lang.pick("本文件所列的上年度預算數", "This document's own last year")
    } else {
        lang.pick("（請選擇）", "(choose)")
    };
    let current = against.unwrap_or_default();
    Some(view! {
        <p class="against">
            <label>{lang.pick("與什麼比較：", "Compare with: ")}
                <select data-testid="changes-against" on:change=move |ev| {
                    let id = event_target_value(&ev);
                    let next = View { against: (!id.is_empty()).then_some(id), level: None, under: None, ..v.get_untracked() };
                    navigate(&next.query(), NavigateOptions { scroll: false, ..Default::default() });
                }>
                    <option value="" selected=current.is_empty()>{own}</option>
                    {choices.into_iter().map(|(_, id, name)| view! { <option value=id.clone() selected=id == current>{name}</option> }).collect_view()}
                </select>
            </label>
        </p>
    })
}

/// What to compare with, and the controls, the totals, the chart and the table of one view:
/// built in the later chunk, with the reading and matching of another document.
pub struct Below {
    lang: Lang,
    data: Data,
    v: Memo<View>,
    has_last_year: bool,
}

impl Below {
    pub fn view(self) -> AnyView {
        let Below { lang, data, v, has_last_year } = self;
        let against = Memo::new(move |_| v.with(|v| v.against.clone()));
        let picker = {
            let data = data.clone();
            move || view! { <Against lang=lang data=data.clone() v=v against=against.get() has_last_year=has_last_year/> }
        };
        let body = move || {
            match against.get().map(|id| Data::by_id(&id, None)) {
            None if !has_last_year => view! {
                <p data-testid="changes-none">{lang.pick(
                    "這份文件沒有上年度預算數，無法看出增減。請在上面選另一份文件（例如另一年度的計畫）逐項比較，或用「比較」並排看兩份文件。",
                    "This document gives no last year's budget, so there is no change to show. Pick another document above (another year's plan, say) to compare line by line, or use Compare to see two side by side.",
                )}" "<a href=Page::Compare.href()>{lang.pick("比較兩份文件", "Compare two documents")}</a></p>
            }
            .into_any(),
            None => sections(lang, data.clone(), v, None),
            Some(None) => view! { <p role="status">{lang.pick("正在讀取要比較的文件…", "Reading the other document…")}</p> }.into_any(),
            Some(Some(Err(e))) => view! { <p class="diag error" role="alert">{e}</p> }.into_any(),
            Some(Some(Ok(other))) => {
                let goals = goals_changed(lang, &data, &other);
                view! { {sections(lang, paired(&data, &other), v, Some(other.name.to_string()))} {goals} }.into_any()
            }
        }
        };
        view! { {picker} {body} }.into_any()
    }
}

/// Two plans: the goals and strategies one has and the other does not (or words otherwise).
fn goals_changed(lang: Lang, data: &Data, other: &Data) -> Option<impl IntoView> {
    if !data.plan.kind.is_plan() || !other.plan.kind.is_plan() {
        return None;
    }
    let cmp = plan_core::compare::compare(&other.plan, &data.plan);
    let heads = [lang.pick("比較文件", "Compared with"), lang.pick("本文件", "This document")];
    Some(view! {
        <section class="goals-changed" data-testid="changes-goals">
            <h2>{lang.pick("目標與策略的變化", "Goals and strategies")}</h2>
            <TextChanges lang=lang title=lang.pick("目標", "Goals") changes=cmp.goals heads=heads/>
            <TextChanges lang=lang title=lang.pick("策略", "Strategies") changes=cmp.strategies heads=heads/>
        </section>
    })
}

/// `other`: the other document's name, when its figures stand for last year's.
fn sections(lang: Lang, data: Data, v: Memo<View>, other: Option<String>) -> AnyView {
    let lines = {
        let data = data.clone();
        move || {
            let v = v.get();
            let s = shown(&data, &v);
            let (v1, v2) = (v.clone(), v.clone());
            view! {
                <Trail lang=lang data=data.clone() v=v.clone()/>
                <Summary lang=lang changes=s.changes.clone() other=other.clone()/>
                {chart::view(lang, &data, &s, move |name: &str| View { filter: name.to_string(), level: None, under: None, ..v1.clone() }.query())}
                <table::ChangesTable lang=lang data=data.clone() shown=s other=other.clone() under_link=move |g| View { under: Some(g), level: None, ..v2.clone() }.query()/>
            }
        }
    };
    view! {
        <Controls lang=lang data=data v=v/>
        {lines}
    }
    .into_any()
}

/// The level, the ranking, the filter and "flagged only", each written to the address and
/// following it (back and forward included) without being rebuilt.
#[component]
fn Controls(lang: Lang, data: Data, v: Memo<View>) -> impl IntoView {
    let navigate = use_navigate();
    let go = move |change: &dyn Fn(&mut View)| {
        let mut next = v.get_untracked();
        change(&mut next);
        navigate(&next.query(), NavigateOptions { replace: true, scroll: false, ..Default::default() })
    };
    let per_level = data.plan.lines_per_level();
    let levels = (0..per_level.len().saturating_sub(1) as u32).map(|l| {
        let label = match lang {
            Lang::Zh => format!("第 {} 層（{} 項）", l + 1, per_level[l as usize]),
            Lang::En => format!("Level {} ({} lines)", l + 1, per_level[l as usize]),
        };
        view! { <option value=(l + 1).to_string() prop:selected=move || v.with(|v| v.level == Some(l))>{label}</option> }
    });
    let (go1, go2, go3, go4) = (go.clone(), go.clone(), go.clone(), go);
    view! {
        <form class="controls" on:submit=|ev| ev.prevent_default() data-testid="changes-controls">
            <label>{lang.pick("層級", "Level")}" "
                <select on:change=move |ev| {
                    let level = event_target_value(&ev).parse::<u32>().ok().map(|l| l - 1);
                    go1(&|v| v.level = level)
                }>
                    {levels.collect_view()}
                    <option value="" prop:selected=move || v.with(|v| v.level.is_none())>{lang.pick("最末層（各項目）", "Bottom level (every item)")}</option>
                </select>
            </label>
            <label>{lang.pick("排序", "Rank by")}" "
                <select on:change=move |ev| {
                    let by = event_target_value(&ev);
                    let rank = RANKS.iter().find(|r| r.1 == by).map_or(Rank::Increase, |r| r.0);
                    go2(&|v| v.rank = rank)
                }>
                    {RANKS.iter().map(|r| view! { <option value=r.1 prop:selected=move || v.with(|v| v.rank == r.0)>{lang.pick(r.2, r.3)}</option> }).collect_view()}
                </select>
            </label>
            <label>{lang.pick("篩選", "Filter")}" "
                <input type="search" prop:value=move || v.with(|v| v.filter.clone()) placeholder=lang.pick("名稱、代碼或說明", "Name, code or explanation")
                    on:change=move |ev| {
                        let filter = event_target_value(&ev);
                        go3(&|v| v.filter = filter.clone())
                    }/>
            </label>
            <label>
                <input type="checkbox" prop:checked=move || v.with(|v| v.flagged_only) on:change=move |ev| {
                    let flagged = event_target_checked(&ev);
                    go4(&|v| v.flagged_only = flagged)
                }/>
                " "{lang.pick("只看有標記的", "Flagged lines only")}
            </label>
        </form>
    }
}

/// Where the view is: the whole book, or inside a line (with the way back up).
#[component]
fn Trail(lang: Lang, data: Data, v: View) -> impl IntoView {
    let g = v.under?;
    let name = data.plan.groups.get(g as usize)?.name.clone();
    let up = View { under: data.plan.groups[g as usize].facts.parent, ..v.clone() };
    Some(view! {
        <p class="trail" data-testid="changes-under">
            {match lang { Lang::Zh => format!("在「{name}」之下。"), Lang::En => format!("Inside “{name}”. ") }}
            <a href=crate::routes::href_of(&up.query())>{lang.pick("回上一層", "Up one level")}</a>
        </p>
    })
}

/// The level's totals and how many lines moved each way.
#[component]
fn Summary(lang: Lang, changes: Arc<Vec<LineChange>>, other: Option<String>) -> impl IntoView {
    let t = Totals::of(&changes);
    let c = t.change();
    let n = |m: Movement| t.moved.get(&m).copied().unwrap_or(0);
    let (now, last, change, pct) =
        (lang.money(t.budget), lang.money(t.last_year), lang.money_change(c.amount), crate::components::book_line::percent(lang, &c));
    let [up, down, new, ended, same] = [Movement::Increase, Movement::Cut, Movement::New, Movement::Ended, Movement::Same].map(n);
    let text = match (lang, other) {
        (Lang::Zh, None) => {
            format!("本年度 {now}，上年度 {last}，增減 {change}（{pct}）。增加 {up} 項、減少 {down} 項、新增 {new} 項、停列 {ended} 項、持平 {same} 項。")
        }
        (Lang::En, None) => format!("This year {now}, last year {last}: {change} ({pct}). {up} lines up, {down} down, {new} new, {ended} ended, {same} unchanged."),
        (Lang::Zh, Some(o)) => {
            format!("本文件 {now}，「{o}」{last}，增減 {change}（{pct}）。增加 {up} 項、減少 {down} 項、只在本文件 {new} 項、只在「{o}」{ended} 項、持平 {same} 項。")
        }
        (Lang::En, Some(o)) => format!(
            "This document {now}, “{o}” {last}: {change} ({pct}). {up} lines up, {down} down, {new} only in this document, {ended} only in “{o}”, {same} unchanged."
        ),
    };
    view! { <p class="summary" data-testid="changes-summary">{text}</p> }
}
