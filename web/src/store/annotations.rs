//! Per-plan user data: notes and bookmarks, link corrections (`plan_core::annotations`)
//! and the saved what-if scenario, in `plan-explorer.annotations.<plan id>`.
//! Each change is applied to the freshly read entry, so a note written in another tab
//! a moment ago is kept.

use super::{Store, StoreError};
use crate::codec;
use leptos::prelude::*;
use plan_core::annotations::Annotations;
use serde::{Deserialize, Serialize};
use serde_json::Value;

const VERSION: u32 = 1;

pub fn key(plan_id: &str) -> String {
    format!("plan-explorer.annotations.{plan_id}")
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserData {
    #[serde(default)]
    pub annotations: Annotations,
    /// `plan_core::scenario::encode` form.
    #[serde(default)]
    pub scenario: Option<String>,
}

#[derive(Deserialize)]
struct Envelope {
    #[serde(flatten)]
    data: UserData,
}

/// Version 0 stored the annotations object alone, without an envelope.
fn migrate(version: u32, value: Value) -> Result<Value, String> {
    match version {
        0 => Ok(serde_json::json!({ "schema_version": VERSION, "annotations": value })),
        v => Err(format!("no migration from schema {v}")),
    }
}

pub(crate) fn decode(raw: &str) -> Result<UserData, String> {
    super::decode::<Envelope>(raw, VERSION, migrate).map(|e| e.data)
}

pub(crate) fn encode(data: &UserData) -> Option<String> {
    #[derive(Serialize)]
    struct EnvelopeRef<'a> {
        schema_version: u32,
        #[serde(flatten)]
        data: &'a UserData,
    }
    serde_json::to_string(&EnvelopeRef { schema_version: VERSION, data }).ok()
}

impl Store {
    /// The plan's user data; tracks the revision. Unreadable data reads as `Err` (and is
    /// reported and locked by [`Store::read`]).
    pub fn user_data(&self, plan_id: &str) -> Result<UserData, String> {
        let _ = self.revision.get();
        self.read(&key(plan_id), |c| c.user_data).map(Option::unwrap_or_default)
    }

    /// Applies a change to the freshly read user data and writes it (fetching the codec
    /// first if need be).
    pub async fn update_user_data(self, plan_id: String, change: impl FnOnce(&mut UserData)) -> Result<(), StoreError> {
        codec::load().await.ok_or(StoreError::NotLoaded)?;
        self.update_user_data_now(&plan_id, change)
    }

    /// The same, once the codec is here.
    pub(super) fn update_user_data_now(&self, plan_id: &str, change: impl FnOnce(&mut UserData)) -> Result<(), StoreError> {
        let codec = codec::get().ok_or(StoreError::NotLoaded)?;
        let k = key(plan_id);
        let mut data = self.read(&k, |c| c.user_data).map_err(|_| StoreError::Locked(k.clone()))?.unwrap_or_default();
        change(&mut data);
        self.write(&k, (codec.user_data_json)(&data))
    }
}
