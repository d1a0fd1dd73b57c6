//! The JSON half of the store: reading and writing stored entries, and reading an imported
//! plan that may be canonical JSON. It is a wasm chunk of its own (`#[wasm_split]`), so a
//! reader with nothing stored never downloads serde_json (about 50 KB gzip off the first
//! load). The app fetches it before its first render when something is stored
//! ([`super::has_entries`]), before a write, before a storage event from another tab is
//! passed on, and before the pages of the reader's own data; the rest of the store stays
//! synchronous by reading it through [`get`].

use super::annotations::UserData;
use super::library::{Entry, StoredPlan};
use leptos::wasm_split::wasm_split;
use plan_core::parser::Parsed;
use std::cell::Cell;

/// What needs serde_json, as plain functions (decoders report why a value cannot be read;
/// an encoder that fails gives `None`, and nothing is written).
pub struct Codec {
    pub user_data: fn(&str) -> Result<UserData, String>,
    pub user_data_json: fn(&UserData) -> Option<String>,
    pub index: fn(&str) -> Result<Vec<Entry>, String>,
    pub index_json: fn(&[Entry]) -> Option<String>,
    pub plan: fn(&str) -> Result<StoredPlan, String>,
    pub plan_json: fn(&StoredPlan) -> Option<String>,
    /// A stored plan's source: plan text or canonical JSON (`plan_core::parser::read_any`).
    pub read_plan: fn(&[u8]) -> Parsed,
}

thread_local! {
    static LOADED: Cell<Option<&'static Codec>> = const { Cell::new(None) };
}

#[wasm_split(store_codec, wasm_split_path = ::leptos::wasm_split, fallible)]
fn fetch() -> Result<&'static Codec, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::leak(Box::new(Codec {
        user_data: super::annotations::decode,
        user_data_json: super::annotations::encode,
        index: super::library::decode_index,
        index_json: super::library::encode_index,
        plan: super::library::decode_plan,
        plan_json: super::library::encode_plan,
        read_plan: plan_core::parser::read_any,
    })))
}

/// The codec, if it has arrived.
pub fn get() -> Option<&'static Codec> {
    LOADED.get()
}

/// The codec, fetched first if need be; `None` when its chunk cannot be had (offline before
/// the site was cached).
pub async fn load() -> Option<&'static Codec> {
    if let Some(codec) = get() {
        return Some(codec);
    }
    let codec = fetch().await.ok()?;
    LOADED.set(Some(codec));
    Some(codec)
}
