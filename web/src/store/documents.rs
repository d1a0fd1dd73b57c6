//! Where imported documents are kept: in the browser's database (IndexedDB, through the
//! codec's [`crate::codec::documents`]), which holds hundreds of megabytes, or — in a
//! browser without one (some private modes) — in local storage, as before, and the library
//! page says so. The library's index, notes and preferences stay in local storage: they
//! are small, read synchronously by every page, and other tabs' writes to them arrive as
//! `storage` events.
//!
//! Nothing is lost on the way:
//! - documents an earlier version kept in local storage are copied to the database the first
//!   time this one runs, and each is removed from local storage only once the database has
//!   committed it. Until then it is read from local storage, so a reload in the middle of
//!   the move loses nothing, and the next start finishes it;
//! - a document is written before the index names it, and removed again if the index
//!   cannot be written, so a full disk leaves the library as it was;
//! - another tab's upgrade of the database closes this tab's connection (`codec::documents`),
//!   which opens again on its next read.

use super::library::StoredPlan;
use super::{keys, local, raw_get, Store, StoreError};
use crate::codec::{self, Codec};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;

/// Where this browser keeps documents, decided once per page.
#[derive(Clone, Debug, PartialEq)]
pub enum Shelf {
    Database,
    /// The browser gave no database; why, in its words.
    Local(String),
}

/// A document as read, or why it could not be.
type Read = Result<Arc<StoredPlan>, String>;

thread_local! {
    static SHELF: RefCell<Option<Shelf>> = const { RefCell::new(None) };
    /// The last documents read, and the reason for each one that could not be: views of one
    /// document render at once when moving between them.
    static OPENED: RefCell<Vec<(String, Read)>> = const { RefCell::new(Vec::new()) };
    /// Documents being read for [`Store::document`], so a view rendering again while one is
    /// on its way does not ask twice.
    static READING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// How many documents are kept read in memory (an imported book may be megabytes).
const KEEP_OPENED: usize = 4;

/// Where documents are kept (`None` until [`settle`] has run).
pub fn shelf() -> Option<Shelf> {
    SHELF.with_borrow(|s| s.clone())
}

/// Fetches the codec, decides where documents live and moves any an earlier version left
/// in local storage into the database. Run at start when something is stored, and before
/// any document is read or written; cheap once done. `None` when the codec cannot be had.
pub async fn settle() -> Option<&'static Codec> {
    let codec = codec::load().await?;
    if shelf().is_none() {
        let found = match (codec.shelf_available)().await {
            Ok(()) => Shelf::Database,
            Err(why) => Shelf::Local(why),
        };
        // Two callers may have raced here; both found the same.
        SHELF.with_borrow_mut(|s| *s = Some(found));
        if shelf() == Some(Shelf::Database) {
            move_from_local(codec).await;
        }
    }
    Some(codec)
}

/// At start, when something is stored: settles where documents live, then reads the
/// document the address opens (if any) so its page shows at once.
pub async fn start(id: Option<String>) {
    settle().await;
    if let Some(id) = id {
        let _ = read(&id).await;
    }
}

/// Documents still in local storage (written by an earlier version, or while the database
/// was not there), by id.
fn local_documents() -> Vec<String> {
    super::keys().into_iter().filter_map(|k| k.strip_prefix(keys::PLAN).map(str::to_string)).collect()
}

/// Copies each document from local storage to the database, then removes the local copy
/// if it is still the one copied. One at a time: a disk that fills up half-way leaves the
/// rest where they were, readable.
async fn move_from_local(codec: &'static Codec) {
    for id in local_documents() {
        let key = keys::plan(&id);
        let Some(text) = raw_get(&key) else { continue };
        if (codec.shelf_put)(vec![(id, text.clone())]).await.is_ok() && raw_get(&key).as_deref() == Some(text.as_str()) {
            if let Some(s) = local() {
                let _ = s.remove_item(&key);
            }
        }
    }
}

/// A document read before, at once: `None` if it has not been read in this page yet.
pub fn opened(id: &str) -> Option<Result<Arc<StoredPlan>, String>> {
    OPENED.with_borrow(|o| o.iter().find(|(i, _)| i == id).map(|(_, d)| d.clone()))
}

fn remember(id: &str, read: Result<Arc<StoredPlan>, String>) {
    OPENED.with_borrow_mut(|o| {
        o.retain(|(i, _)| i != id);
        o.push((id.to_string(), read));
        if o.len() > KEEP_OPENED {
            let _ = o.remove(0);
        }
    });
}

/// Forgets the documents that could not be read, after a write here or in another tab
/// (which may have kept them since). A document read stays: it never changes once kept
/// (a new import gets a new id; renaming changes only the index).
pub(super) fn forget_failures() {
    OPENED.with_borrow_mut(|o| o.retain(|(_, d)| d.is_ok()));
}

/// Reads a document from wherever it is kept (the database first, then local storage,
/// where a document not yet moved still is), and keeps it for [`opened`].
pub async fn read(id: &str) -> Result<Arc<StoredPlan>, String> {
    let read = read_unkept(id).await;
    remember(id, read.clone());
    read
}

/// Reads a document without keeping it for [`opened`]: for a section that reads many (the
/// years of a series), which would otherwise push the page's own document out.
pub async fn read_unkept(id: &str) -> Result<Arc<StoredPlan>, String> {
    if let Some(Ok(doc)) = opened(id) {
        return Ok(doc);
    }
    let codec = settle().await.ok_or(NOT_LOADED)?;
    match text_of(codec, id).await? {
        Some(text) => (codec.plan)(&text).map(Arc::new),
        None => Err(format!("no stored plan “{id}”")),
    }
}

/// Every document kept, as `(id, JSON text)`, for the whole library's backup.
pub async fn every_text(ids: &[String]) -> Result<Vec<(String, String)>, String> {
    let codec = settle().await.ok_or(NOT_LOADED)?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push((id.clone(), text_of(codec, id).await?.ok_or_else(|| format!("no stored plan “{id}”"))?));
    }
    Ok(out)
}

const NOT_LOADED: &str = "the code that reads stored data did not download (offline?)";

/// A document's JSON text from wherever it is kept: the database first, then local storage,
/// where a document not yet moved still is. `None` when it is in neither.
async fn text_of(codec: &'static Codec, id: &str) -> Result<Option<String>, String> {
    Ok(match shelf() {
        Some(Shelf::Database) => (codec.shelf_get)(id.to_string()).await?.or_else(|| raw_get(&keys::plan(id))),
        _ => raw_get(&keys::plan(id)),
    })
}

/// Writes documents: all of them, or none.
pub(super) async fn put(documents: Vec<(String, StoredPlan)>) -> Result<(), StoreError> {
    let codec = settle().await.ok_or(StoreError::NotLoaded)?;
    match shelf() {
        Some(Shelf::Database) => {
            let texts = documents.iter().map(|(id, d)| Ok((id.clone(), (codec.plan_text)(d)?))).collect::<Result<Vec<_>, StoreError>>()?;
            (codec.shelf_put)(texts).await
        }
        _ => {
            let mut written = Vec::new();
            for (id, doc) in &documents {
                let key = keys::plan(id);
                if let Err(e) = (codec.save_plan)(&key, doc) {
                    written.iter().for_each(|k: &String| drop(local().map(|s| s.remove_item(k))));
                    return Err(e);
                }
                written.push(key);
            }
            Ok(())
        }
    }
}

/// Removes documents from both places (a document may be in either).
pub(super) async fn remove(ids: Vec<String>) -> Result<(), StoreError> {
    if let Some(s) = local() {
        ids.iter().for_each(|id| drop(s.remove_item(&keys::plan(id))));
    }
    let codec = settle().await.ok_or(StoreError::NotLoaded)?;
    if shelf() == Some(Shelf::Database) {
        (codec.shelf_delete)(ids.clone()).await?;
    }
    OPENED.with_borrow_mut(|o| o.retain(|(i, _)| !ids.contains(i)));
    Ok(())
}

/// `navigator.storage.<method>()`, awaited. Called by name: bindings of their own would
/// each add an import to the first load (wasm-split keeps every import in the main part).
async fn storage_call(method: &str) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let storage = js_sys::Reflect::get(&window().navigator(), &"storage".into()).ok().filter(|s| !s.is_undefined())?;
    let call = js_sys::Reflect::get(&storage, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let promise = call.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// What the browser says this site uses and may use, in bytes
/// (`navigator.storage.estimate()`); `None` where it does not say.
pub async fn estimate() -> Option<(u64, u64)> {
    let estimate = storage_call("estimate").await?;
    let get = |k: &str| js_sys::Reflect::get(&estimate, &k.into()).ok().and_then(|v| v.as_f64()).map(|v| v as u64);
    Some((get("usage")?, get("quota")?))
}

/// Asks the browser to keep the site's data when space runs low
/// (`navigator.storage.persist()`); whether it agreed, `None` where it cannot be asked.
pub async fn ask_to_persist() -> Option<bool> {
    storage_call("persist").await?.as_bool()
}

/// Whether the browser has agreed to keep the site's data.
pub async fn persisted() -> Option<bool> {
    storage_call("persisted").await?.as_bool()
}

impl Store {
    /// A document for a view: at once if it was read in this page already; else `None`,
    /// and it is read, and the view (which tracks [`Store::documents_read`]) renders again
    /// when it is here.
    pub fn document(&self, id: &str) -> Option<Result<Arc<StoredPlan>, String>> {
        let _ = self.documents_read.get();
        let found = opened(id);
        if found.is_none() && !READING.with_borrow(|r| r.iter().any(|i| i == id)) {
            READING.with_borrow_mut(|r| r.push(id.to_string()));
            let (id, store) = (id.to_string(), *self);
            leptos::task::spawn_local(async move {
                // Through the codec's table, so the reading code stays out of the first load.
                if let Some(codec) = codec::load().await {
                    let _ = (codec.read_document)(id.clone()).await;
                }
                READING.with_borrow_mut(|r| r.retain(|i| *i != id));
                store.documents_read.update(|n| *n += 1);
            });
        }
        found
    }
}
