//! Programmes as a table: sortable by every column, filtered by typing Chinese or English,
//! with a totals row (computed by `plan-core`) that follows the filter. A long table scrolls
//! in its own box and only the rows in view are built (see `RowWindow`), so a plan of 10,000
//! programmes sorts and filters within a frame or two.

use crate::components::names::with_gloss;
use crate::i18n::Lang;
use crate::routes::Address;
use crate::state::{use_data, use_ui, Data};
use leptos::prelude::*;
use plan_core::charts::primary_goal;
use plan_core::{FundingKind, Money};
use rust_decimal::Decimal;

/// Rows built beyond each edge of the box, so scrolling and tabbing find them ready.
const OVERSCAN: usize = 4;

/// Up to this many rows the table is simply the page's (an agency's plan has a few dozen
/// programmes); beyond it, it scrolls in its own box and builds only the rows in view.
const ALL_ROWS_UP_TO: usize = 60;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Number,
    Name,
    Budget,
    Share,
    Central,
    Special,
    City,
    Goal,
}

impl Col {
    const COUNT: usize = 8;

    /// Its place among the columns (a new column must be counted here: the match says so).
    fn index(self) -> usize {
        match self {
            Col::Number => 0,
            Col::Name => 1,
            Col::Budget => 2,
            Col::Share => 3,
            Col::Central => 4,
            Col::Special => 5,
            Col::City => 6,
            Col::Goal => 7,
        }
    }
}

#[derive(Clone, PartialEq)]
struct Row {
    number: u32,
    name: String,
    budget: Money,
    share: Decimal,
    central: Money,
    special: Money,
    city: Money,
    goal: Option<u32>,
}

/// What the filter searches, per programme: name, English gloss and items, lower-cased.
fn haystacks(data: &Data) -> Vec<String> {
    let gloss = |n| data.meta.gloss.programme(n).unwrap_or("");
    data.plan.programmes.iter().map(|p| format!("{} {} {}", p.name, gloss(p.number), p.items_text()).to_lowercase()).collect()
}

fn rows(data: &Data, lang: Lang) -> Vec<Row> {
    let s = &data.summary;
    data.plan
        .programmes
        .iter()
        .map(|p| {
            let gloss = data.meta.gloss.programme(p.number).unwrap_or("");
            Row {
                number: p.number,
                name: with_gloss(lang, &p.name, Some(gloss).filter(|g| !g.is_empty())),
                budget: p.budget,
                share: s.programme(p.number).map(|f| f.share).unwrap_or_default(),
                central: s.programme_kind(p.number, FundingKind::CentralSubsidy),
                special: s.programme_kind(p.number, FundingKind::SpecialFund),
                city: s.programme_kind(p.number, FundingKind::CityGeneral),
                goal: primary_goal(s, p.number),
            }
        })
        .collect()
}

/// Ascending by `col`, ties by number.
fn order(a: &Row, b: &Row, col: Col) -> std::cmp::Ordering {
    match col {
        Col::Number => a.number.cmp(&b.number),
        Col::Name => a.name.cmp(&b.name),
        Col::Budget => a.budget.cmp(&b.budget),
        Col::Share => a.share.cmp(&b.share),
        Col::Central => a.central.cmp(&b.central),
        Col::Special => a.special.cmp(&b.special),
        Col::City => a.city.cmp(&b.city),
        Col::Goal => a.goal.cmp(&b.goal),
    }
    .then(a.number.cmp(&b.number))
}

/// Which rows of the filtered list are in view. The box is measured once it is on the page
/// (rows are one line high, see the stylesheet); a scroll then only moves `top`, so
/// scrolling reads no element but the box.
#[derive(Clone, Copy, PartialEq)]
struct RowWindow {
    /// The box's scroll offset and height.
    top: f64,
    height: f64,
    /// One row's height.
    row: f64,
    /// Where the first row starts, below the caption and the column headings.
    body: f64,
    /// What the sticky headings and totals row cover at the top and the bottom.
    head: f64,
    foot: f64,
    /// Scrolled to the very end: the last row is in view whatever the rows measure (one
    /// taller or shorter than the first, measured, would leave the count a row or two out).
    at_end: bool,
}

impl RowWindow {
    fn estimate() -> Self {
        let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0) * 0.7;
        RowWindow { top: 0.0, height, row: 36.0, body: 0.0, head: 0.0, foot: 0.0, at_end: false }
    }

    fn scrolled(self, wrap: &web_sys::HtmlElement) -> Self {
        RowWindow { top: wrap.scroll_top() as f64, height: wrap.client_height() as f64, at_end: at_end(wrap), ..self }
    }

    fn measure(wrap: &web_sys::HtmlElement) -> Self {
        use wasm_bindgen::JsCast;
        let part = |selector: &str| wrap.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let height_of = |selector: &str| part(selector).map_or(0.0, |e| e.offset_height() as f64);
        RowWindow {
            top: wrap.scroll_top() as f64,
            height: wrap.client_height() as f64,
            row: Some(height_of("tbody tr[aria-rowindex]")).filter(|h| *h > 0.0).unwrap_or(36.0),
            body: part("tbody").map_or(0.0, |e| e.offset_top() as f64),
            head: height_of("thead"),
            foot: height_of("tfoot"),
            at_end: at_end(wrap),
        }
    }

    /// The rows seen, 0-based and end-exclusive, out of `n`.
    fn seen(self, n: usize) -> (usize, usize) {
        let at = |y: f64| (y - self.body).max(0.0) / self.row;
        let first = (at(self.top + self.head) as usize).min(n);
        let end = if self.at_end { n } else { at(self.top + self.height - self.foot).ceil() as usize };
        (first, end.clamp(first, n))
    }

    /// The rows to build: all of a short table; else those seen and `OVERSCAN` more on each side.
    fn built(self, n: usize) -> (usize, usize) {
        if n <= ALL_ROWS_UP_TO {
            return (0, n);
        }
        let (first, end) = self.seen(n);
        (first.saturating_sub(OVERSCAN), (end + OVERSCAN).min(n))
    }
}

fn at_end(wrap: &web_sys::HtmlElement) -> bool {
    wrap.scroll_top() > 0 && wrap.scroll_top() + wrap.client_height() >= wrap.scroll_height() - 2
}

#[component]
pub fn TablePage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let sort = RwSignal::new((Col::Number, true));
    let filter = RwSignal::new(String::new());
    let scroll = RwSignal::new(RowWindow::estimate());
    let wrap = NodeRef::<leptos::html::Div>::new();
    // A new sort or filter starts at the top.
    let to_top = move || {
        if let Some(w) = wrap.get_untracked() {
            w.set_scroll_top(0);
        }
        scroll.update(|w| w.top = 0.0);
    };
    // Measured once the box is on the page, so the first scroll already knows the row height.
    Effect::new(move |_| {
        if let Some(w) = wrap.get() {
            request_animation_frame(move || scroll.set(RowWindow::measure(&w)));
        }
    });
    let haystacks = std::sync::Arc::new(haystacks(&data));
    move || {
        let lang = ui.lang.get();
        // Rows are built once; sorting and filtering move indices, so a keystroke at
        // 10,000 programmes neither sorts again nor copies rows.
        let all = std::sync::Arc::new(rows(&data, lang));
        let sorted = {
            let all = all.clone();
            // Each column is sorted once, ascending; descending is that order reversed (ties
            // go by number, so the reverse is exact), and flipping a column only copies it.
            let ascending: [std::sync::OnceLock<Vec<usize>>; Col::COUNT] = Default::default();
            Memo::new(move |_| {
                let (col, asc) = sort.get();
                let up = ascending[col.index()].get_or_init(|| {
                    let mut idx: Vec<usize> = (0..all.len()).collect();
                    plan_core::order::sort_by(&mut idx, |&i, &j| order(&all[i], &all[j], col));
                    idx
                });
                if asc {
                    up.clone()
                } else {
                    up.iter().rev().copied().collect()
                }
            })
        };
        // Which programmes the filter keeps (None: all). A sort leaves this, and so the
        // totals, alone.
        let kept = {
            let haystacks = haystacks.clone();
            Memo::new(move |_| {
                let q = filter.get().trim().to_lowercase();
                (!q.is_empty()).then(|| haystacks.iter().map(|h| h.contains(&q)).collect::<Vec<bool>>())
            })
        };
        let visible =
            Memo::new(move |_| kept.with(|k| sorted.with(|s| s.iter().copied().filter(|&i| k.as_ref().is_none_or(|k| k[i])).collect::<Vec<usize>>())));
        let count = Memo::new(move |_| visible.with(Vec::len));
        // Memos, so a scroll that moves no row boundary re-renders nothing.
        let built = Memo::new(move |_| scroll.get().built(count.get()));
        let seen = Memo::new(move |_| scroll.get().seen(count.get()));
        let row = Memo::new(move |_| scroll.with(|w| w.row));
        let boxed = move || count.get() > ALL_ROWS_UP_TO;
        // Totals over positions in plan order (as the summary holds its programmes), reading
        // only `kept`: a sort adds nothing up, and clearing the filter reuses the unfiltered
        // totals, counted once.
        let summary = data.summary.clone();
        let everything = summary.subtotal_at(&(0..summary.programmes.len()).collect::<Vec<_>>());
        let totals = move || {
            kept.with(|k| match k {
                None => everything.clone(),
                Some(k) => summary.subtotal_at(&k.iter().enumerate().filter(|(_, kept)| **kept).map(|(i, _)| i).collect::<Vec<_>>()),
            })
        };
        let header = move |col: Col, zh: &'static str, en: &'static str, num: bool| {
            let aria = move || match sort.get() {
                (c, true) if c == col => "ascending",
                (c, false) if c == col => "descending",
                _ => "none",
            };
            view! {
                <th scope="col" class:num=num aria-sort=aria>
                    <button type="button" on:click=move |_| { to_top(); sort.update(|(c, asc)| if *c == col { *asc = !*asc } else { *c = col; *asc = !num }) }>
                        {lang.pick(zh, en)}
                        <span aria-hidden="true">{move || match aria() { "ascending" => " ▲", "descending" => " ▼", _ => "" }}</span>
                    </button>
                </th>
            }
        };
        let totals_row = move || {
            let t = totals();
            let kind = |k: FundingKind| t.kinds.iter().find(|(x, _)| *x == k).map(|(_, m)| m.fmt_thousands()).unwrap_or_default();
            view! {
                <tr aria-rowindex=t.count + 2>
                    <th scope="row" colspan="2">{match lang { Lang::Zh => format!("合計（{} 項）", t.count), Lang::En => format!("Total ({} programmes)", t.count) }}</th>
                    <td class="num" data-testid="table-total">{t.budget.fmt_thousands()}</td>
                    <td class="num">{format!("{}%", t.share)}</td>
                    <td class="num">{kind(FundingKind::CentralSubsidy)}</td>
                    <td class="num">{kind(FundingKind::SpecialFund)}</td>
                    <td class="num">{kind(FundingKind::CityGeneral)}</td>
                    <td></td>
                </tr>
            }
        };
        // Rows above and below the built ones are stood in for by one empty row each.
        let spacer = move |rows: usize| {
            (rows > 0).then(|| view! { <tr class="spacer" aria-hidden="true" style:height=move || format!("{}px", plan_core::geometry::svg_number(rows as f64 * row.get()))></tr> })
        };
        let in_view = {
            let all = all.clone();
            move || {
                let (first, end) = built.get();
                visible.with(|v| v[first..end].iter().enumerate().map(|(k, &i)| (first + k, all[i].clone())).collect::<Vec<_>>())
            }
        };
        view! {
            <section class="page">
                <h1>{lang.pick("計畫列表", "Programmes")}</h1>
                <label for="filter">{lang.pick("篩選（中文或英文）", "Filter (Chinese or English)")}</label>
                <input id="filter" type="search" autocomplete="off" prop:value=move || filter.get() on:input=move |ev| { to_top(); filter.set(event_target_value(&ev)) }/>
                <SeenRows lang=lang seen=seen count=count/>
                // Said once per filter, not on every scroll.
                <p class="visually-hidden" role="status" data-testid="match-count">{move || match lang {
                    Lang::Zh => format!("符合 {} 項計畫", count.get()),
                    Lang::En => format!("{} programmes match", count.get()),
                }}</p>
                // A scrolling box is a tab stop, so the keyboard can scroll it.
                <div class="table-wrap rows" class:boxed=boxed node_ref=wrap tabindex=move || boxed().then_some("0")
                    aria-label=move || boxed().then_some(lang.pick("計畫列表（可捲動）", "Programmes (scrollable)"))
                    on:scroll=move |_| if let Some(w) = wrap.get_untracked() { scroll.update(|s| *s = s.scrolled(&w)) }>
                    <table class="programmes" data-testid="programme-table" aria-rowcount=move || count.get() + 2>
                        <caption>{lang.pick("金額單位：千元。點選欄位標題排序。", "Amounts in NT$ thousand. Click a column heading to sort.")}</caption>
                        <thead><tr aria-rowindex="1">
                            {header(Col::Number, "編號", "No.", false)}
                            {header(Col::Name, "計畫名稱", "Programme", false)}
                            {header(Col::Budget, "預算", "Budget", true)}
                            {header(Col::Share, "占比", "Share", true)}
                            {header(Col::Central, "中央補助款", "Central subsidy", true)}
                            {header(Col::Special, "特種基金", "Special funds", true)}
                            {header(Col::City, "市總預算", "City budget", true)}
                            {header(Col::Goal, "目標", "Goal", false)}
                        </tr></thead>
                        <tbody>
                            {move || spacer(built.get().0)}
                            // Keyed by place and programme: rows that stay put while scrolling keep their DOM.
                            <For each=in_view key=|(k, r)| (*k, r.number) let:((k, r))>
                                <tr aria-rowindex=k + 2>
                                    <td>{r.number}</td>
                                    // A plain link: the router follows it, without a reactive `A` per row.
                                    <th scope="row"><a href=Address::programme(r.number).href() title=r.name.clone()>{r.name.clone()}</a></th>
                                    <td class="num">{r.budget.fmt_thousands()}</td>
                                    <td class="num">{format!("{}%", r.share)}</td>
                                    <td class="num">{r.central.fmt_thousands()}</td>
                                    <td class="num">{r.special.fmt_thousands()}</td>
                                    <td class="num">{r.city.fmt_thousands()}</td>
                                    <td>{r.goal.map(|g| lang.goal_label(g)).unwrap_or_else(|| lang.pick("未連結", "Unlinked").to_string())}</td>
                                </tr>
                            </For>
                            {move || spacer(count.get().saturating_sub(built.get().1))}
                        </tbody>
                        <tfoot>{totals_row}</tfoot>
                    </table>
                </div>
            </section>
        }
    }
}

/// "Rows 1–17 of 10,000": which rows are in view; hidden when every row is.
#[component]
fn SeenRows(lang: Lang, seen: Memo<(usize, usize)>, count: Memo<usize>) -> impl IntoView {
    move || {
        let n = count.get();
        let (first, end) = seen.get();
        (n > ALL_ROWS_UP_TO && end - first < n).then(|| {
            let (from, to) = (first + 1, end);
            view! {
                <p class="pager" data-testid="pager">{match lang {
                    Lang::Zh => format!("第 {from}–{to} 項，共 {n} 項（在表格內捲動看其他列）"),
                    Lang::En => format!("Rows {from}–{to} of {n} (scroll the table for the rest)"),
                }}</p>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Col;

    #[test]
    fn every_column_has_its_own_place_in_the_sort_cache() {
        let all = [Col::Number, Col::Name, Col::Budget, Col::Share, Col::Central, Col::Special, Col::City, Col::Goal];
        let mut places: Vec<usize> = all.iter().map(|c| c.index()).collect();
        places.sort_unstable();
        assert_eq!(places, (0..Col::COUNT).collect::<Vec<_>>());
    }
}
