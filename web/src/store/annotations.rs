//! Per-plan user data: notes and bookmarks, link corrections (`plan_core::annotations`)
//! and the saved what-if scenario, in `plan-explorer.annotations.<plan id>`.
//! Each change is applied to the freshly read entry, so a note written in another tab
//! a moment ago is kept.

use super::{keys, Store, StoreError};
use crate::codec;
use leptos::prelude::*;
use plan_core::annotations::Annotations;
use serde::{Deserialize, Serialize};

/// The `schema_version` this build writes (the codec migrates older ones on read).
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserData {
    #[serde(default)]
    pub annotations: Annotations,
    /// `plan_core::scenario::encode` form.
    #[serde(default)]
    pub scenario: Option<String>,
}

impl Store {
    /// The plan's user data; tracks the revision. Unreadable data reads as `Err` (and is
    /// reported and locked by [`Store::read`]).
    pub fn user_data(&self, plan_id: &str) -> Result<UserData, String> {
        let _ = self.revision.get();
        self.read(&keys::annotations(plan_id), |c| c.user_data).map(Option::unwrap_or_default)
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
        let k = keys::annotations(plan_id);
        let mut data = self.read(&k, |c| c.user_data).map_err(|_| StoreError::Locked(k.clone()))?.unwrap_or_default();
        change(&mut data);
        self.write(&k, |k| (codec.save_user_data)(k, &data))
    }
}
