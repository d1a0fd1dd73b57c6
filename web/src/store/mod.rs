//! The user's own data in the browser: imported documents ([`library`], kept by
//! [`documents`] in IndexedDB) and notes, link corrections and scenarios ([`annotations`],
//! in local storage). Their JSON is read and written
//! by [`crate::codec`], a chunk fetched only when there is something to read or write.
//!
//! Rules every module here follows, because nothing may ever be lost:
//! - every stored value is JSON with a `schema_version`; older versions are migrated on
//!   read, newer ones are left alone;
//! - a value that cannot be read is never overwritten: it is copied aside under
//!   `plan-explorer.quarantine.<key>`, reported (see [`Problem`]) and its key is locked
//!   until the user decides what to do;
//! - a write that does not fit (quota) fails as a whole and says so; what was stored
//!   before is unchanged;
//! - a change is applied to the freshly read value just before writing (read–modify–write
//!   of one entry), and other tabs' writes arrive as `storage` events, so two tabs do not
//!   clobber each other.

pub mod annotations;
pub mod documents;
pub mod keys;
pub mod library;
pub mod preferences;

use crate::codec::{self, Codec};
use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};
use keys::{PREFIX, QUARANTINE};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser refused the write: storage is full.
    Full,
    /// Storage is switched off or unavailable (private mode, policy).
    Unavailable,
    /// The key holds a value this version cannot read; it is kept as it is.
    Locked(String),
    /// The code that writes stored data did not download (offline before the site was cached).
    NotLoaded,
    /// The value could not be written as JSON (a bug, not the browser): nothing was written.
    NotEncodable,
}

impl StoreError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StoreError::Full, Lang::Zh) => "瀏覽器的儲存空間已滿，這次的變更沒有儲存；先前儲存的資料都沒有改變。可到「我的計畫」刪除或匯出計畫以釋出空間。".into(),
            (StoreError::Full, Lang::En) => "The browser's storage is full, so this change was not saved; everything stored before is unchanged. Delete or export plans in My plans to free space.".into(),
            (StoreError::Unavailable, Lang::Zh) => "這個瀏覽器不允許本站儲存資料（可能是私密模式），變更只在這次瀏覽有效。".into(),
            (StoreError::Unavailable, Lang::En) => "This browser does not let the site store data (private mode?), so changes last for this visit only.".into(),
            (StoreError::Locked(key), Lang::Zh) => format!("儲存的項目「{key}」無法讀取，為了不覆蓋它，這次的變更沒有儲存。請先在頁面上方的提示中處理。"),
            (StoreError::Locked(key), Lang::En) => format!("The stored entry “{key}” cannot be read; to avoid overwriting it, this change was not saved. Deal with it in the notice at the top of the page first."),
            (StoreError::NotLoaded, Lang::Zh) => "儲存資料的程式沒有下載成功（可能是離線），這次的變更沒有儲存；先前儲存的資料都沒有改變。連上網路後重新載入頁面即可。".into(),
            (StoreError::NotLoaded, Lang::En) => "The code that saves data did not download (offline?), so this change was not saved; everything stored before is unchanged. Reload the page once you are online.".into(),
            (StoreError::NotEncodable, Lang::Zh) => "這項變更無法轉成可儲存的格式，所以沒有儲存；先前儲存的資料都沒有改變。".into(),
            (StoreError::NotEncodable, Lang::En) => "This change could not be put into a storable form, so it was not saved; everything stored before is unchanged.".into(),
        }
    }
}

/// A stored entry that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub key: String,
    pub reason: String,
}

/// Shared storage state: what could not be read, and a revision counter that changes on
/// every write here and every write in another tab (views re-read what they show).
#[derive(Clone, Copy)]
pub struct Store {
    pub problems: RwSignal<Vec<Problem>>,
    pub revision: RwSignal<u64>,
    /// Changes each time a document asked for by a view has been read ([`Store::document`]).
    pub documents_read: RwSignal<u64>,
}

impl Store {
    /// Provided once by the app; listens for other tabs' writes.
    pub fn install() -> Store {
        let store = Store { problems: RwSignal::new(Vec::new()), revision: RwSignal::new(0), documents_read: RwSignal::new(0) };
        let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            // `key` is null when another tab cleared all storage. What it wrote is read only
            // once the codec is here, so no view ever takes a stored entry for an empty one.
            if ev.key().is_none_or(|k| k.starts_with(PREFIX)) {
                match codec::get() {
                    Some(_) => store.touched(),
                    None => leptos::task::spawn_local(async move {
                        codec::load().await;
                        store.touched();
                    }),
                }
            }
        });
        // The app lives as long as the page; keep the listener for good.
        std::mem::forget(handle);
        provide_context(store);
        store
    }

    fn touched(&self) {
        documents::forget_failures();
        self.revision.update(|r| *r += 1);
    }

    fn report(&self, key: &str, reason: String) {
        let problem = Problem { key: key.to_string(), reason };
        self.problems.update(|ps| {
            if !ps.iter().any(|p| p.key == problem.key) {
                ps.push(problem)
            }
        });
    }

    fn is_locked(&self, key: &str) -> bool {
        self.problems.with_untracked(|ps| ps.iter().any(|p| p.key == key))
    }

    /// Reads a stored entry with one of the codec's decoders. `Ok(None)` when nothing is
    /// stored. An unreadable value is reported and quarantined, and reads as `Err` so callers
    /// never mistake it for "empty"; so does a value read before the codec is here (not
    /// reported: the app fetches the codec first whenever something is stored).
    fn read<T>(&self, key: &str, decoder: fn(&Codec) -> codec::Decoder<T>) -> Result<Option<T>, String> {
        let Some(raw) = raw_get(key) else { return Ok(None) };
        let Some(codec) = codec::get() else { return Err("the code that reads stored data did not download (offline?)".into()) };
        let result = decoder(codec)(&raw);
        if let Err(reason) = &result {
            if raw_get(&keys::quarantine(key)).as_deref() != Some(raw.as_str()) {
                // Best effort: the original stays where it is in any case.
                let _ = raw_set(&keys::quarantine(key), &raw);
            }
            self.report(key, reason.clone());
        }
        result.map(Some)
    }

    /// Writes a value with one of the codec's savers (which puts its `schema_version` in it),
    /// unless the key holds a value that could not be read.
    fn write(&self, key: &str, save: impl FnOnce(&str) -> Result<(), StoreError>) -> Result<(), StoreError> {
        if self.is_locked(key) {
            return Err(StoreError::Locked(key.to_string()));
        }
        save(key)?;
        self.touched();
        Ok(())
    }

    pub fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.is_locked(key) {
            return Err(StoreError::Locked(key.to_string()));
        }
        local().ok_or(StoreError::Unavailable)?.remove_item(key).map_err(|_| StoreError::Unavailable)?;
        self.touched();
        Ok(())
    }

    /// The user chose to start afresh: the damaged value is copied aside (if it is not
    /// already), then removed, and the key unlocked. If the copy cannot be made, nothing
    /// changes and the key stays locked.
    pub fn discard_damaged(&self, key: &str) -> Result<(), StoreError> {
        let aside = keys::quarantine(key);
        if let Some(raw) = raw_get(key) {
            if raw_get(&aside).as_deref() != Some(raw.as_str()) {
                raw_set(&aside, &raw)?;
            }
            local().ok_or(StoreError::Unavailable)?.remove_item(key).map_err(|_| StoreError::Unavailable)?;
        }
        self.problems.update(|ps| ps.retain(|p| p.key != key));
        self.touched();
        Ok(())
    }

    /// The damaged value as it is stored, for download.
    pub fn damaged_text(&self, key: &str) -> Option<String> {
        raw_get(key).or_else(|| raw_get(&keys::quarantine(key)))
    }
}

impl Store {
    /// Reads the index and every plan's notes once at start, so anything damaged is
    /// reported at once, not only when the page that uses it is opened. (A document is
    /// checked when it is opened: a library of a hundred books is too much to read at start.)
    pub fn check_all(&self) {
        let _ = self.plans();
        for key in keys() {
            if let Some(id) = key.strip_prefix(keys::ANNOTATIONS) {
                let _ = self.user_data(id);
            }
        }
    }
}

/// Whether anything of the reader's is stored (preferences aside): if so, the codec is
/// fetched before the first render.
pub fn has_entries() -> bool {
    keys().iter().any(|k| !preferences::is_preference(k))
}

pub(crate) fn keys() -> Vec<String> {
    let Some(s) = local() else { return Vec::new() };
    (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX) && !k.starts_with(QUARANTINE)).collect()
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// The browser's local storage, if the site may use it. gloo-storage's `raw()` throws
/// (and so stops the app) where storage is switched off, so it is asked only once the
/// browser has said storage is there.
fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()?;
    Some(LocalStorage::raw())
}

fn raw_get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

fn raw_set(key: &str, value: &str) -> Result<(), StoreError> {
    let s = local().ok_or(StoreError::Unavailable)?;
    s.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        StoreError::from_js_name(&name)
    })
}

impl StoreError {
    /// What a failed write's exception name means (also used by the codec's savers).
    pub fn from_js_name(name: &str) -> StoreError {
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StoreError::Full
        } else {
            StoreError::Unavailable
        }
    }
}

/// A short id unlikely to collide across tabs: time and randomness in base 36.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    format!("{}{}", radix36(t), radix36(r))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Now, as an ISO 8601 string (for "added" and "updated" stamps).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}
