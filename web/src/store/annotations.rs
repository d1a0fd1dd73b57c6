//! Per-plan user data: notes and bookmarks, link corrections (`plan_core::annotations`)
//! and the saved what-if scenario, in `plan-explorer.annotations.<plan id>`.
//! Each change is applied to the freshly read entry, so a note written in another tab
//! a moment ago is kept.

use super::{Store, StoreError};
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

#[derive(Serialize, Deserialize)]
struct Envelope {
    schema_version: u32,
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

impl Store {
    /// The plan's user data; tracks the revision. Unreadable data reads as `Err` (and is
    /// reported and locked by [`Store::read`]).
    pub fn user_data(&self, plan_id: &str) -> Result<UserData, String> {
        let _ = self.revision.get();
        self.read::<Envelope>(&key(plan_id), VERSION, migrate).map(|e| e.map(|e| e.data).unwrap_or_default())
    }

    pub fn update_user_data(&self, plan_id: &str, change: impl FnOnce(&mut UserData)) -> Result<(), StoreError> {
        let k = key(plan_id);
        let mut data = self
            .read::<Envelope>(&k, VERSION, migrate)
            .map_err(|_| StoreError::Locked(k.clone()))?
            .map(|e| e.data)
            .unwrap_or_default();
        change(&mut data);
        self.write(&k, &Envelope { schema_version: VERSION, data })
    }
}
