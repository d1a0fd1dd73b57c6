//! What every view reads: the plan in view and the figures `plan-core` computed from it
//! (with the user's link corrections), and the user's preferences (language, population),
//! kept in local storage.

use crate::i18n::Lang;
use crate::store::library::{StoredPlan, BUNDLED};
use crate::store::{keys, preferences};
use leptos::prelude::*;
use plan_core::links::CuratedLinks;
use plan_core::meta::PlanMeta;
use plan_core::parser::Parsed;
use plan_core::summary::Summary;
use plan_core::{Diagnostic, Plan, SourceText, SEED_PLAN_TEXT};
use std::cell::RefCell;
use std::sync::Arc;

#[derive(Clone)]
pub struct Data {
    /// `seed` for the bundled plan, else the library id.
    pub id: Arc<str>,
    /// The plan's name as the user sees it in lists (the library name for imports).
    pub name: Arc<str>,
    pub plan: Arc<Plan>,
    /// Who is under whom in a budget book's tree (built once; a plan's is flat).
    pub tree: Arc<plan_core::Tree>,
    pub summary: Arc<Summary>,
    pub meta: Arc<PlanMeta>,
    /// The text the plan was read from, indexed by line for showing source lines.
    pub source: Arc<SourceText>,
    /// The source as kept in the library when it is not that text (a PDF or a budget
    /// book's table, kept as canonical JSON): a backup carries both.
    pub kept_source: Option<Arc<str>>,
    pub diagnostics: Arc<Vec<Diagnostic>>,
}

/// Synthetic plans above this size are refused (the URL is then ignored).
#[cfg(feature = "synthetic")]
const MAX_SYNTHETIC: usize = 20_000;

impl Data {
    /// The bundled plan, or — in a benchmark build (feature `synthetic`) — a seeded synthetic
    /// plan of N programmes when the URL asks for one (`?synthetic=10000&seed=1`).
    pub fn bundled(curated: Option<&CuratedLinks>) -> Data {
        #[cfg(feature = "synthetic")]
        if let Some(data) = Self::synthetic() {
            return data;
        }
        cached(BUNDLED, curated, || {
            let parsed = seed_plan();
            // The reader's link corrections are stored data, so the codec is here with them
            // (main.rs); without it, the plan's own links stand.
            let summary = match (curated, crate::codec::get()) {
                (Some(curated), Some(codec)) => (codec.summarise)(&parsed.plan, Some(curated)),
                _ => seed_summary(),
            };
            Data::from_parsed(BUNDLED, "", SEED_PLAN_TEXT, parsed, seed_meta(), summary)
        })
    }

    /// A plan by id, for a view: the bundled plan, or one from the library; `None` while
    /// it is being read (the view, which tracks the store, renders again once it is here).
    pub fn by_id(id: &str, curated: Option<&CuratedLinks>) -> Option<Result<Data, String>> {
        if id == BUNDLED {
            return Some(Ok(Data::bundled(curated)));
        }
        let stored = crate::store::use_store().document(id)?;
        Some(stored.and_then(|s| Data::stored(id, &s, curated)))
    }

    /// An imported plan from the library (plan text or canonical JSON, as read by
    /// [`crate::store::documents`]), or why it cannot be had.
    pub fn stored(id: &str, stored: &StoredPlan, curated: Option<&CuratedLinks>) -> Result<Data, String> {
        // Reading the stored plan took the codec, so it is here; it also reads JSON plans.
        let codec = crate::codec::get().ok_or("the code that reads stored plans did not download (offline?)")?;
        Ok(cached(id, curated, || {
            let parsed = (codec.read_plan)(stored.source.as_bytes());
            let summary = (codec.summarise)(&parsed.plan, curated);
            let mut data = Data::from_parsed(id, &stored.name, stored.text(), parsed, PlanMeta::default(), summary);
            data.kept_source = stored.text.is_some().then(|| Arc::from(stored.source.as_str()));
            data
        }))
    }

    /// Read once, from the address the page was opened with: in-app navigation drops the
    /// query, and every view must keep showing the same synthetic plan.
    #[cfg(feature = "synthetic")]
    fn synthetic() -> Option<Data> {
        thread_local! {
            static SYNTHETIC: std::cell::OnceCell<Option<Data>> = const { std::cell::OnceCell::new() };
        }
        SYNTHETIC.with(|s| s.get_or_init(Self::synthetic_from_url).clone())
    }

    #[cfg(feature = "synthetic")]
    fn synthetic_from_url() -> Option<Data> {
        let query = window().location().search().unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
        let get = |k: &str| params.as_ref().and_then(|p| p.get(k)).and_then(|v| v.parse::<u64>().ok());
        let n = get("synthetic").map(|n| n as usize).filter(|n| (1..=MAX_SYNTHETIC).contains(n))?;
        let plan = plan_core::synth::generate(get("seed").unwrap_or(1), n, (n / 40).max(6));
        let text = plan_core::synth::render_text(&plan);
        let parsed = plan_core::parser::parse(&text);
        let summary = plan_core::summary::summarise(&parsed.plan, None);
        Some(Data::from_parsed(BUNDLED, "", &text, parsed, PlanMeta::default(), summary))
    }

    fn from_parsed(id: &str, name: &str, text: &str, parsed: Parsed, meta: PlanMeta, summary: Summary) -> Data {
        let name = if name.is_empty() { parsed.plan.title.clone() } else { name.to_string() };
        Data {
            id: Arc::from(id),
            name: Arc::from(name.as_str()),
            tree: Arc::new(parsed.plan.tree()),
            plan: Arc::new(parsed.plan),
            summary: Arc::new(summary),
            meta: Arc::new(meta),
            source: Arc::new(SourceText::new(text)),
            kept_source: None,
            diagnostics: Arc::new(parsed.diagnostics),
        }
    }

    /// The source text's lines `start..=end` with their numbers.
    pub fn source_lines(&self, span: plan_core::Span) -> Vec<(u32, String)> {
        self.source.lines(span).into_iter().map(|(n, l)| (n, l.to_string())).collect()
    }
}

#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: RwSignal<Lang>,
    pub population: RwSignal<u64>,
}

impl Ui {
    /// Preferences from local storage; anything unreadable falls back to the default
    /// (and is left in storage untouched).
    pub fn load(default_population: u64) -> Ui {
        let lang = preferences::get(keys::LANG).and_then(|c| Lang::from_code(&c)).unwrap_or(Lang::Zh);
        let population = preferences::get(keys::POPULATION).and_then(|p| p.parse::<u64>().ok()).filter(|p| *p > 0).unwrap_or(default_population);
        let ui = Ui { lang: RwSignal::new(lang), population: RwSignal::new(population) };
        Effect::new(move |_| {
            let lang = ui.lang.get();
            preferences::set(keys::LANG, lang.storage_code());
            if let Some(el) = document().document_element() {
                let _ = el.set_attribute("lang", lang.html_code());
            }
        });
        Effect::new(move |_| {
            preferences::set(keys::POPULATION, &ui.population.get().to_string());
        });
        ui
    }
}

thread_local! {
    /// The last few plans read, by (id, link corrections): moving between views of one plan
    /// must not parse it again (an imported plan may be megabytes).
    static CACHE: RefCell<Vec<(String, Option<CuratedLinks>, Data)>> = const { RefCell::new(Vec::new()) };
}

fn cached(id: &str, curated: Option<&CuratedLinks>, make: impl FnOnce() -> Data) -> Data {
    let hit = CACHE.with_borrow(|c| c.iter().find(|(i, l, _)| i == id && l.as_ref() == curated).map(|(_, _, d)| d.clone()));
    hit.unwrap_or_else(|| {
        let data = make();
        CACHE.with_borrow_mut(|c| {
            c.retain(|(i, _, _)| i != id);
            c.push((id.to_string(), curated.cloned(), data.clone()));
            if c.len() > 3 {
                c.remove(0);
            }
        });
        data
    })
}

pub fn use_data() -> Data {
    expect_context::<Data>()
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}

/// The bundled plan, parsed by `build.rs` (so the first load carries no text parser).
/// `build.rs` has read it back already, so this fails only in a broken build, which then
/// shows an empty plan that says so instead of a blank page.
fn seed_plan() -> Parsed {
    match plan_core::prepared::read(include_str!(concat!(env!("OUT_DIR"), "/seed.prepared"))) {
        Ok(plan) => Parsed { plan, diagnostics: Vec::new() },
        Err(_) => Parsed { plan: Plan::empty(), diagnostics: vec![Diagnostic::error(None, plan_core::diagnostic::Finding::Empty)] },
    }
}

/// The bundled plan's figures, computed by `build.rs` (so the first load carries none of the
/// computations); read back there already, so an error here is a broken build, which then
/// shows no figures instead of a blank page.
fn seed_summary() -> Summary {
    plan_core::prepared::read_summary(include_str!(concat!(env!("OUT_DIR"), "/seed.summary"))).unwrap_or_default()
}

/// The bundled plan's companion file, turned into Rust by `build.rs` (so that reading it
/// needs no JSON parser in the first load).
fn seed_meta() -> PlanMeta {
    fn glosses(pairs: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }
    include!(concat!(env!("OUT_DIR"), "/seed_meta.rs"))
}
