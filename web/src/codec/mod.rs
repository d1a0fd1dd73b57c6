//! Everything that reads or writes JSON or CSV for the reader, and the only place in the
//! web crate that may call serde_json or csv: the stored entries (`crate::store`, through
//! gloo-storage, [`stored`]), a stored plan that may be canonical JSON, the plan files a
//! reader downloads ([`files`]), and the wording of a stored plan's findings. The test
//! command checks that no page's first load holds them (`scripts/check_boundary.py`).
//! It is one wasm chunk of its own
//! (`#[wasm_split]`), so a reader who stores and downloads nothing never fetches serde_json,
//! csv or the data package (about 80 KB gzip off the landing pages' first load). One chunk
//! rather than two: a second split point would add small shared chunks to every page.
//!
//! The app fetches it before its first render when something is stored
//! ([`crate::store::has_entries`]), before a write, before a storage event from another tab
//! is passed on, with the pages of the reader's own data, and when the reader reaches for a
//! download. The store stays synchronous by reading it through [`get`].

pub mod documents;
pub mod files;
mod stored;

use crate::state::Data;
use crate::store::annotations::UserData;
use crate::store::library::{Entry, StoredPlan};
use crate::store::StoreError;
use files::PlanFile;
use leptos::wasm_split::wasm_split;
use plan_core::parser::Parsed;
use std::cell::Cell;

/// Reads a stored entry's text, or says why it cannot.
pub type Decoder<T> = fn(&str) -> Result<T, String>;

/// What needs serde_json or csv, as plain functions. Decoders report why a value cannot be
/// read; savers write an entry under a key, or say why nothing was written.
pub struct Codec {
    pub user_data: Decoder<UserData>,
    pub save_user_data: fn(&str, &UserData) -> Result<(), StoreError>,
    pub index: Decoder<Vec<Entry>>,
    pub save_index: fn(&str, &[Entry]) -> Result<(), StoreError>,
    pub plan: Decoder<StoredPlan>,
    pub save_plan: fn(&str, &StoredPlan) -> Result<(), StoreError>,
    /// A stored document as the JSON text local storage held, for the database.
    pub plan_text: fn(&StoredPlan) -> Result<String, StoreError>,
    /// The documents' shelf in IndexedDB ([`documents`]): whether the browser has one, and
    /// reading, writing (all or none) and removing documents' texts by id.
    pub shelf_available: fn() -> documents::Pending<Result<(), String>>,
    pub shelf_get: fn(String) -> documents::Pending<Result<Option<String>, String>>,
    pub shelf_put: fn(documents::Texts) -> documents::Pending<Result<(), StoreError>>,
    pub shelf_delete: fn(Vec<String>) -> documents::Pending<Result<(), StoreError>>,
    /// [`crate::store::documents`]' own steps, called through here from the first load so
    /// that their code comes with this chunk: settling where documents live (and moving
    /// old ones) with the document an address opens, and reading a document.
    pub start: fn(Option<String>) -> documents::Pending<()>,
    pub read_document: fn(String) -> documents::Pending<Result<std::sync::Arc<StoredPlan>, String>>,
    /// A stored plan's source: plan text or canonical JSON (`plan_core::parser::read_text_or_json`).
    pub read_plan: fn(&[u8]) -> Parsed,
    /// A plan file to download, with the reader's user data for the backup.
    pub plan_file: fn(PlanFile, &Data, UserData) -> String,
    /// A finding of the plan in view, worded for the reader. Here rather than in a page's
    /// chunk: only a stored (imported) plan has findings to show, and then this chunk is
    /// here; the sentences stay off the landing pages' first load (5 KB gzip on the
    /// overview, measured), and a split point of their own would cost more than that.
    pub finding: crate::i18n::findings::Wording,
    /// A plan's figures: the bundled plan's come prepared (web/build.rs); a stored plan's, or
    /// the bundled plan's with the reader's link corrections, are computed here.
    pub summarise: fn(&plan_core::Plan, Option<&plan_core::links::CuratedLinks>) -> plan_core::summary::Summary,
    /// The what-changed table as CSV (the csv crate lives here, not in the page's chunk).
    pub changes_csv: fn(&plan_core::Plan, &[plan_core::changes::LineChange], &[usize]) -> String,
}

thread_local! {
    static LOADED: Cell<Option<&'static Codec>> = const { Cell::new(None) };
}

#[wasm_split(codec, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fetch() -> Result<Codec, leptos::wasm_split::SplitLoaderError> {
    Ok(Codec {
        user_data: stored::user_data,
        save_user_data: stored::save_user_data,
        index: stored::index,
        save_index: stored::save_index,
        plan: stored::plan,
        save_plan: stored::save_plan,
        plan_text: stored::plan_text,
        shelf_available: documents::available,
        shelf_get: documents::get,
        shelf_put: documents::put,
        shelf_delete: documents::delete,
        start: |id| Box::pin(crate::store::documents::start(id)),
        read_document: |id| Box::pin(async move { crate::store::documents::read(&id).await }),
        read_plan: plan_core::parser::read_text_or_json,
        plan_file: files::write,
        finding: crate::i18n::findings::line,
        summarise: plan_core::summary::summarise,
        changes_csv: plan_core::changes::changes_csv,
    })
}

/// The codec, if it has arrived.
pub fn get() -> Option<&'static Codec> {
    LOADED.get()
}

/// The codec, fetched first if need be; `None` when its chunk cannot be had (offline before
/// the site was cached). Several callers may wait at once; the first to finish keeps its
/// table for the page's life, the others use that one.
pub async fn load() -> Option<&'static Codec> {
    if let Some(codec) = get() {
        return Some(codec);
    }
    let fetched = fetch().await.ok()?;
    Some(get().unwrap_or_else(|| {
        let codec: &'static Codec = Box::leak(Box::new(fetched));
        LOADED.set(Some(codec));
        codec
    }))
}

/// Starts fetching the codec when the reader is about to need it (a pointer or focus on a
/// download button); nothing once it is here.
pub fn warm() {
    if get().is_none() {
        leptos::task::spawn_local(async {
            load().await;
        });
    }
}
