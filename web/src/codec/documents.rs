//! The documents' shelf in IndexedDB, through the `idb` crate: one database
//! (`plan-explorer`), one object store (`documents`), each record a stored document's JSON
//! text under its library id. The text is the same versioned JSON local storage held, so
//! the codec's decoders read it wherever it was kept, and moving it is a copy of a string.
//!
//! Only [`crate::store::documents`] calls these (through the codec table): it decides
//! where documents live and owns the rules of [`crate::store`].

use crate::store::StoreError;
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::{JsCast, JsValue};

const DATABASE: &str = "plan-explorer";
const DOCUMENTS: &str = "documents";
/// The database version this build creates. A newer version (a later build, in another
/// tab) is used as it is when it still has the documents store.
const VERSION: u32 = 1;

pub type Pending<T> = Pin<Box<dyn Future<Output = T>>>;
/// Documents to write: (library id, JSON text).
pub type Texts = Vec<(String, String)>;

thread_local! {
    /// The open connection, if any. Dropped when another tab upgrades the database (see
    /// [`open`]) and opened again on the next call.
    static OPEN: RefCell<Option<std::rc::Rc<Database>>> = const { RefCell::new(None) };
}

/// Opens the database (creating its store the first time), or says why it cannot: no
/// IndexedDB in this browser, or a private mode that refuses it.
async fn open() -> Result<std::rc::Rc<Database>, String> {
    if let Some(db) = OPEN.with_borrow(|o| o.clone()) {
        return Ok(db);
    }
    let factory = Factory::new().map_err(|e| format!("no IndexedDB: {e}"))?;
    let mut request = factory.open(DATABASE, Some(VERSION)).map_err(|e| e.to_string())?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database() {
            if !db.store_names().iter().any(|s| s == DOCUMENTS) {
                let _ = db.create_object_store(DOCUMENTS, ObjectStoreParams::new());
            }
        }
    });
    let mut db = match request.await {
        Ok(db) => db,
        // A later build upgraded the database: open it at whatever version it is.
        Err(e) if error_name(&e) == "VersionError" => factory.open(DATABASE, None).map_err(|e| e.to_string())?.await.map_err(|e| e.to_string())?,
        Err(e) => return Err(e.to_string()),
    };
    if !db.store_names().iter().any(|s| s == DOCUMENTS) {
        return Err("the browser's database has no documents store".into());
    }
    // Another tab wants to upgrade the database: let it, and open afresh next time, so
    // neither tab waits on the other.
    db.on_version_change(|event| {
        if let Some(db) = event.target().and_then(|t| t.dyn_into::<web_sys::IdbDatabase>().ok()) {
            db.close();
        }
        // Dropped later, not inside this handler, which the connection owns.
        if let Some(connection) = OPEN.with_borrow_mut(Option::take) {
            wasm_bindgen_futures::spawn_local(async move { drop(connection) });
        }
    });
    let db = std::rc::Rc::new(db);
    OPEN.with_borrow_mut(|o| *o = Some(db.clone()));
    Ok(db)
}

/// The name of the DOM exception behind an idb error (`QuotaExceededError`, …), if any.
fn error_name(e: &idb::Error) -> String {
    let text = e.to_string();
    ["QuotaExceededError", "VersionError", "InvalidStateError", "UnknownError"].into_iter().find(|n| text.contains(n)).unwrap_or_default().to_string()
}

fn failure(name: &str) -> StoreError {
    StoreError::from_js_name(name)
}

/// Whether the browser gives the site a database; `Err` says why not.
pub(super) fn available() -> Pending<Result<(), String>> {
    Box::pin(async { open().await.map(|_| ()) })
}

/// A document's text, `None` when none is kept under `id`.
pub(super) fn get(id: String) -> Pending<Result<Option<String>, String>> {
    Box::pin(async move {
        let db = open().await?;
        let tx = db.transaction(&[DOCUMENTS], TransactionMode::ReadOnly).map_err(|e| e.to_string())?;
        let store = tx.object_store(DOCUMENTS).map_err(|e| e.to_string())?;
        let value = store.get(JsValue::from_str(&id)).map_err(|e| e.to_string())?.await.map_err(|e| e.to_string())?;
        Ok(value.and_then(|v| v.as_string()))
    })
}

/// Writes documents (id, text) in one transaction: all are kept, or none is (a full disk
/// aborts the whole transaction, leaving what was there before).
pub(super) fn put(documents: Texts) -> Pending<Result<(), StoreError>> {
    Box::pin(async move {
        write(TransactionMode::ReadWrite, move |store| {
            documents.iter().try_for_each(|(id, text)| store.put(&JsValue::from_str(text), Some(&JsValue::from_str(id))).map(drop))
        })
        .await
    })
}

/// Removes documents; ids not on the shelf are no error.
pub(super) fn delete(ids: Vec<String>) -> Pending<Result<(), StoreError>> {
    Box::pin(async move { write(TransactionMode::ReadWrite, move |store| ids.iter().try_for_each(|id| store.delete(JsValue::from_str(id)).map(drop))).await })
}

/// Runs `requests` in one transaction and waits for it to commit. The requests are not
/// awaited one by one: a failing one aborts the transaction, and the transaction's error
/// says why. Its end is awaited through the transaction's own `complete` and `abort`
/// handlers set to a promise's functions: the crate's transaction future drops its Rust
/// handlers when it resolves on the `error` event, and the `abort` event that follows would
/// then call a dropped closure.
async fn write(mode: TransactionMode, requests: impl FnOnce(&idb::ObjectStore) -> Result<(), idb::Error>) -> Result<(), StoreError> {
    let db = open().await.map_err(|_| StoreError::Unavailable)?;
    let tx = db.transaction(&[DOCUMENTS], mode).map_err(|e| failure(&error_name(&e)))?;
    let store = tx.object_store(DOCUMENTS).map_err(|_| StoreError::Unavailable)?;
    let raw: web_sys::IdbTransaction = store.transaction().into();
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        raw.set_oncomplete(Some(&resolve));
        raw.set_onabort(Some(&reject));
    });
    if let Err(e) = requests(&store) {
        // Nothing of a half-made write is kept.
        let _ = raw.abort();
        return Err(failure(&error_name(&e)));
    }
    match wasm_bindgen_futures::JsFuture::from(done).await {
        Ok(_) => Ok(()),
        Err(_) => Err(failure(&raw.error().map(|e| e.name()).unwrap_or_default())),
    }
}
