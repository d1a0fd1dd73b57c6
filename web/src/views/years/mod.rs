//! A line (or the whole document) over the years: every document of the same issuer and
//! kind in the library, matched line by line by `plan-core`'s [`series`], shown as a chart
//! drawn by plotters and a table that says the same with each figure's source. A budget book
//! alone already gives three years (本年度, 上年度, 前年度決算); each other year's book adds
//! its own. Built in the later chunk: its code and plotters' are in no first load.
//!
//! [`series`]: plan_core::series

pub mod bars;
mod chart;

use crate::i18n::Lang;
use crate::state::Data;
use crate::store::library::{Entry, BUNDLED};
use crate::store::use_store;
use leptos::prelude::*;
use plan_core::series::{align, issuer, line_series, Alignment, Column, Edition, Figure, Series, Stage, Subject};
use plan_core::Plan;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

thread_local! {
    /// Other documents' plans, read once per page: parsing a book is not free.
    static READ: RefCell<HashMap<String, Result<Arc<Plan>, String>>> = RefCell::new(HashMap::new());
    /// Work waiting, in the order asked, each with the signals of the sections that asked;
    /// and whether a task is at work on it.
    static QUEUE: RefCell<Vec<(Job, Vec<RwSignal<u32>>)>> = const { RefCell::new(Vec::new()) };
    static WORKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Alignments by (this document's id, the other's id).
    static ALIGNED: RefCell<HashMap<(String, String), Arc<Alignment>>> = RefCell::new(HashMap::new());
}

/// A document of the series: its name as the reader knows it, and its plan.
#[derive(Clone)]
struct Doc {
    id: String,
    name: String,
    plan: Arc<Plan>,
}

/// The library's documents that may be other years or versions of this one: the same issuer
/// (its title without year and version), the same kind (plan or book). One document per
/// title and year: copies of this edition (or of another) add nothing to a series, and a
/// stack of a hundred copies would each be read and parsed.
fn candidates(entries: &[Entry], data: &Data) -> Vec<(String, String)> {
    let who = issuer(&data.plan.agency);
    let book = !data.plan.kind.is_plan();
    let mut editions = std::collections::HashSet::from([(data.plan.year, data.plan.agency.as_str())]);
    let mut out: Vec<(String, String)> = entries
        .iter()
        .filter(|e| !e.deleted && *e.id != *data.id && e.book == book && !e.agency.is_empty() && issuer(&e.agency) == who)
        .filter(|e| editions.insert((e.year, e.agency.as_str())))
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();
    if &*data.id != BUNDLED && !book && issuer(&Data::bundled(None).plan.agency) == who {
        out.push((BUNDLED.to_string(), Data::bundled(None).name.to_string()));
    }
    out
}

/// Work the section does after the page has painted: reading another document of the
/// series, or matching its lines to this one's.
enum Job {
    Read(String),
    Align { this: (String, Arc<Plan>), other: Doc },
}

impl Job {
    fn same(&self, other: &Job) -> bool {
        match (self, other) {
            (Job::Read(a), Job::Read(b)) => a == b,
            (Job::Align { this: a, other: x }, Job::Align { this: b, other: y }) => a.0 == b.0 && x.id == y.id,
            _ => false,
        }
    }

    async fn run(self) {
        match self {
            Job::Read(id) => {
                let read = read_plan(&id).await;
                READ.with_borrow_mut(|r| r.insert(id, read));
            }
            Job::Align { this: (id, plan), other } => {
                let a = Arc::new(align(&plan, &other.plan));
                ALIGNED.with_borrow_mut(|m| m.insert((id, other.id), a));
            }
        }
    }
}

/// Queues `job`; `done` is bumped when it is done. The jobs run one at a time, each in a
/// task of its own after the browser has painted: the page shows its own document first
/// (reading and matching a council's stack of a dozen books at once held an opened book's
/// overview off the screen for 0.7 s) and stays answerable while the others come in.
fn later(job: Job, done: RwSignal<u32>) {
    QUEUE.with_borrow_mut(|q| match q.iter_mut().find(|(j, _)| j.same(&job)) {
        // Asked for already (by this section, or one the reader has left): tell this one too.
        Some((_, asked)) if !asked.contains(&done) => asked.push(done),
        Some(_) => {}
        None => q.push((job, vec![done])),
    });
    if !WORKING.replace(true) {
        leptos::task::spawn_local(async {
            loop {
                crate::pages::after_next_paint().await;
                // Work only sections that are gone (the reader moved on) asked for is
                // dropped: it would only hold up the next page's.
                let next = QUEUE.with_borrow_mut(|q| {
                    q.iter_mut().for_each(|(_, asked)| asked.retain(|done| done.try_get_untracked().is_some()));
                    q.retain(|(_, asked)| !asked.is_empty());
                    (!q.is_empty()).then(|| q.remove(0))
                });
                let Some((job, asked)) = next else { break };
                job.run().await;
                for done in asked {
                    let _ = done.try_update(|n| *n += 1);
                }
            }
            WORKING.set(false);
        });
    }
}

async fn read_plan(id: &str) -> Result<Arc<Plan>, String> {
    if id == BUNDLED {
        return Ok(Data::bundled(None).plan);
    }
    let stored = crate::store::documents::read_unkept(id).await?;
    match crate::codec::get() {
        Some(codec) => Ok(Arc::new((codec.read_plan)(stored.source.as_bytes()).plan)),
        None => Err("the code that reads stored plans did not download (offline?)".to_string()),
    }
}

/// The series of a line on its page, built in the later chunk.
pub struct Below {
    pub lang: Lang,
    pub data: Data,
    pub subject: Subject,
}

impl Below {
    pub fn view(self) -> AnyView {
        let Below { lang, data, subject } = self;
        view! { <Years lang=lang data=data subject=subject/> }.into_any()
    }
}

/// The series section of `subject` of the document in view. A plan (which gives one year)
/// shows it only once the library has another year of it.
#[component]
pub fn Years(lang: Lang, data: Data, subject: Subject) -> impl IntoView {
    let store = use_store();
    let done = RwSignal::new(0u32);
    move || {
        done.track();
        let others = candidates(&store.plans().unwrap_or_default(), &data);
        let this_id = data.id.to_string();
        let this = Doc { id: this_id.clone(), name: data.name.to_string(), plan: data.plan.clone() };
        let mut docs = vec![(this, Arc::default())];
        let mut waiting = 0;
        let mut unreadable: Vec<(String, String)> = Vec::new();
        for (id, name) in others {
            match READ.with_borrow(|r| r.get(&id).cloned()) {
                Some(Ok(plan)) if plan.kind == data.plan.kind => {
                    let other = Doc { id, name, plan };
                    match ALIGNED.with_borrow(|m| m.get(&(this_id.clone(), other.id.clone())).cloned()) {
                        Some(a) => docs.push((other, a)),
                        None => {
                            waiting += 1;
                            later(Job::Align { this: (this_id.clone(), data.plan.clone()), other }, done);
                        }
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(e)) => unreadable.push((name, e)),
                None => {
                    waiting += 1;
                    later(Job::Read(id), done);
                }
            }
        }
        // Oldest first; within a year, 預算案 before 法定預算 before 決算.
        docs.sort_by_key(|(d, _)| (d.plan.year, Stage::of(&d.plan.title)));
        let base = docs.iter().position(|(d, _)| *d.id == *data.id).unwrap_or(0);
        let editions: Vec<Edition> = docs.iter().map(|(d, _)| Edition::of(&d.plan)).collect();
        let alignments: Vec<&Alignment> = docs.iter().map(|(_, a): &(Doc, Arc<Alignment>)| &**a).collect();
        let series = line_series(&editions, base, &alignments, subject);
        let docs: Vec<Doc> = docs.into_iter().map(|(d, _)| d).collect();
        let names: Vec<String> = docs.iter().map(|d| d.name.clone()).collect();
        if data.plan.kind.is_plan() && docs.len() == 1 && waiting == 0 {
            return ().into_any();
        }
        view! {
            <section class="years" data-testid="years">
                <h2>{lang.pick("歷年預算與決算", "Over the years")}</h2>
                {(waiting > 0).then(|| view! { <p role="status" data-testid="years-reading">{match lang {
                    Lang::Zh => format!("正在讀取文件庫中其他 {waiting} 份同機關文件…"),
                    Lang::En => format!("Reading {waiting} more of this issuer's documents from the library…"),
                }}</p> })}
                {series.spans_years().then(|| chart::view(lang, &data, &series))}
                <YearsTable lang=lang series=series.clone() names=names.clone()/>
                <Missing lang=lang series=series.clone() names=names.clone()/>
                {unreadable.into_iter().map(|(name, e)| view! { <p class="diag warning">{match lang {
                    Lang::Zh => format!("「{name}」無法讀取，未列入：{e}"),
                    Lang::En => format!("“{name}” could not be read and is left out: {e}"),
                }}</p> }).collect_view()}
                {(docs.len() == 1).then(|| view! { <p class="hint" data-testid="years-alone">{lang.pick(
                    "在文件庫加入同一機關其他年度的文件（或同一年度的預算案、法定預算），這裡就會逐年列出。",
                    "Add this issuer's documents of other years (or the same year's proposal and enacted budget) to the library to see them here year by year.",
                )}</p> })}
            </section>
        }
        .into_any()
    }
}

/// `113 年度（2024）`.
pub fn year_label(lang: Lang, year: u32) -> String {
    match lang {
        Lang::Zh => format!("{year} 年度（{}）", year + 1911),
        Lang::En => format!("ROC {year} ({})", year + 1911),
    }
}

/// Where a figure was read: the document's name and the column.
fn source(lang: Lang, names: &[String], f: &Figure) -> String {
    let column = match (f.column, lang) {
        (Column::ThisYear, Lang::Zh) => "本年度預算數",
        (Column::ThisYear, Lang::En) => "this year's figure",
        (Column::LastYear, Lang::Zh) => "上年度預算數",
        (Column::LastYear, Lang::En) => "last year's budget column",
        (Column::Actual, Lang::Zh) => "前年度決算數",
        (Column::Actual, Lang::En) => "the actuals column (前年度決算數)",
    };
    let name = names.get(f.edition).map_or("", String::as_str);
    match lang {
        Lang::Zh => format!("「{name}」的{column}"),
        Lang::En => format!("“{name}”, {column}"),
    }
}

/// The series as a table: a row per year, each figure with where it was read.
#[component]
fn YearsTable(lang: Lang, series: Series, names: Vec<String>) -> impl IntoView {
    let proposals = series.years.iter().any(|y| y.proposed.is_some());
    let cell = move |f: Option<Figure>| f.map_or_else(|| "—".to_string(), |f| lang.money(f.amount));
    let rows = series
        .years
        .iter()
        .map(|y| {
            let sources: Vec<String> = [
                y.proposed.map(|f| (lang.pick("預算案", "Proposed"), f)),
                y.budget.map(|f| (lang.pick("預算", "Budget"), f)),
                y.actual.map(|f| (lang.pick("決算", "Spent"), f)),
            ]
            .into_iter()
            .flatten()
            .map(|(what, f)| format!("{what}：{}", source(lang, &names, &f)))
            .collect();
            let cut = y.enacted_change().map(|c| match lang {
                Lang::Zh => format!("議會審定增減 {}", lang.money_change(c)),
                Lang::En => format!("changed by the council: {}", lang.money_change(c)),
            });
            let disagree: Vec<String> = y
                .disagree
                .iter()
                .map(|f| match lang {
                    Lang::Zh => format!("另一份文件列為 {}（{}）", lang.money(f.amount), source(lang, &names, f)),
                    Lang::En => format!("another document gives {} ({})", lang.money(f.amount), source(lang, &names, f)),
                })
                .collect();
            view! {
                <tr data-year=y.year.to_string()>
                    <th scope="row">{year_label(lang, y.year)}</th>
                    {proposals.then(|| view! { <td class="num" data-testid="years-proposed">{cell(y.proposed)}</td> })}
                    <td class="num" data-testid="years-budget">{cell(y.budget)}</td>
                    <td class="num" data-testid="years-actual">{cell(y.actual)}</td>
                    <td class="source">
                        {sources.join("；")}
                        {cut.map(|c| view! { <br/><span data-testid="years-enacted-change">{c}</span> })}
                        {disagree.into_iter().map(|d| view! { <br/><span class="diag warning" data-testid="years-disagree">{d}</span> }).collect_view()}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let caption = lang.pick("逐年數字（千元）與出處", "Year by year (NT$ thousand), with where each figure is from");
    // On a phone the table scrolls sideways in its box, which the keyboard must reach.
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table class="years-table" data-testid="years-table">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{lang.pick("年度", "Year")}</th>
                    {proposals.then(|| view! { <th scope="col">{lang.pick("預算案", "Proposed")}</th> })}
                    <th scope="col">{lang.pick("預算", "Budget")}</th>
                    <th scope="col">{lang.pick("決算（實際支出）", "Spent (決算)")}</th>
                    <th scope="col">{lang.pick("出處", "Source")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The documents in which the line was not found: said, so a gap is not read as zero.
#[component]
fn Missing(lang: Lang, series: Series, names: Vec<String>) -> impl IntoView {
    let missing: Vec<String> = series.missing.iter().filter_map(|e| names.get(*e).cloned()).collect();
    (!missing.is_empty()).then(|| {
        let list = missing.join(match lang {
            Lang::Zh => "、",
            Lang::En => "; ",
        });
        view! { <p class="diag info" data-testid="years-missing">{match lang {
            Lang::Zh => format!("這個科目在下列文件中找不到（代碼與名稱都不相符），所以沒有列出它們的數字：{list}。"),
            Lang::En => format!("This line was not found in these documents (neither its code nor its name matched), so they give no figures here: {list}."),
        }}</p> }
    })
}
