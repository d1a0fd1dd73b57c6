//! The stored entries as JSON: each with its `schema_version`, older versions migrated on
//! read, and writes through gloo-storage's `LocalStorage` (which is where serde_json meets
//! the browser's storage, so it too stays in this chunk).

use crate::store::annotations::{self, UserData};
use crate::store::library::{self, Entry, StoredPlan};
use crate::store::StoreError;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Decodes a versioned JSON value; `migrate` turns an older version's JSON into the
/// current one.
fn decode<T: DeserializeOwned>(raw: &str, current: u32, migrate: fn(u32, Value) -> Result<Value, String>) -> Result<T, String> {
    let value: Value = serde_json::from_str(raw).map_err(|e| format!("not JSON (line {}, column {}): {e}", e.line(), e.column()))?;
    let version = value.get("schema_version").and_then(Value::as_u64).unwrap_or(0) as u32;
    if version > current {
        return Err(format!("written by a newer version of this site (schema {version}, this one reads up to {current})"));
    }
    let value = if version < current { migrate(version, value)? } else { value };
    serde_json::from_value(value).map_err(|e| format!("unexpected content: {e}"))
}

fn no_migration(version: u32, _: Value) -> Result<Value, String> {
    Err(format!("no migration from schema {version}"))
}

/// Writes one entry. The caller (the store) has checked the key is not locked; storage
/// that is full or switched off leaves what was stored before as it was.
fn save<T: Serialize>(key: &str, value: T) -> Result<(), StoreError> {
    LocalStorage::set(key, value).map_err(|e| match e {
        StorageError::SerdeError(_) => StoreError::NotEncodable,
        StorageError::JsError(js) => StoreError::from_js_name(&js.name),
        StorageError::KeyNotFound(_) => StoreError::Unavailable,
    })
}

#[derive(Deserialize)]
struct UserDataEnvelope {
    #[serde(flatten)]
    data: UserData,
}

#[derive(Serialize)]
struct UserDataRef<'a> {
    schema_version: u32,
    #[serde(flatten)]
    data: &'a UserData,
}

/// Version 0 stored the annotations object alone, without an envelope.
fn migrate_user_data(version: u32, value: Value) -> Result<Value, String> {
    match version {
        0 => Ok(json!({ "schema_version": annotations::VERSION, "annotations": value })),
        v => Err(format!("no migration from schema {v}")),
    }
}

pub(super) fn user_data(raw: &str) -> Result<UserData, String> {
    decode::<UserDataEnvelope>(raw, annotations::VERSION, migrate_user_data).map(|e| e.data)
}

pub(super) fn save_user_data(key: &str, data: &UserData) -> Result<(), StoreError> {
    save(key, UserDataRef { schema_version: annotations::VERSION, data })
}

#[derive(Deserialize)]
struct Index {
    plans: Vec<Entry>,
}

#[derive(Serialize)]
struct IndexRef<'a> {
    schema_version: u32,
    plans: &'a [Entry],
}

/// Version 0 (the first preview build) stored the index as a bare list of entries.
fn migrate_index(version: u32, value: Value) -> Result<Value, String> {
    match (version, value) {
        (0, Value::Array(plans)) => Ok(json!({ "schema_version": library::INDEX_VERSION, "plans": plans })),
        (v, _) => Err(format!("no migration from schema {v}")),
    }
}

pub(super) fn index(raw: &str) -> Result<Vec<Entry>, String> {
    decode::<Index>(raw, library::INDEX_VERSION, migrate_index).map(|i| i.plans)
}

pub(super) fn save_index(key: &str, plans: &[Entry]) -> Result<(), StoreError> {
    save(key, IndexRef { schema_version: library::INDEX_VERSION, plans })
}

pub(super) fn plan(raw: &str) -> Result<StoredPlan, String> {
    decode::<StoredPlan>(raw, library::PLAN_VERSION, no_migration)
}

pub(super) fn save_plan(key: &str, plan: &StoredPlan) -> Result<(), StoreError> {
    save(key, plan)
}

pub(super) fn plan_text(plan: &StoredPlan) -> Result<String, StoreError> {
    serde_json::to_string(plan).map_err(|_| StoreError::NotEncodable)
}
