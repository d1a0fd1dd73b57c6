//! The library: plans the user imported, kept in local storage. An index lists them
//! (`plan-explorer.library`); each plan's source is its own entry
//! (`plan-explorer.plan.<id>`), stored as imported (plan text or canonical JSON), so it is
//! parsed again by `plan-core` on every visit and always reads the same way.
//!
//! The bundled plan is not in the library and cannot be deleted. Deleting moves a plan to
//! the bin (it stays stored and can be restored) until the user empties the bin.

use super::annotations::UserData;
use super::{keys, new_id, now_iso, Store, StoreError};
use crate::codec;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The `schema_version`s this build writes (the codec migrates older ones on read).
pub const INDEX_VERSION: u32 = 1;
pub const PLAN_VERSION: u32 = 1;

/// The id the bundled plan goes by (for notes and scenarios); never an imported plan's id.
pub const BUNDLED: &str = "seed";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub added: String,
    pub programmes: usize,
    /// Stored as a decimal string (exact), as every amount is.
    pub total: plan_core::Money,
    #[serde(default)]
    pub deleted: bool,
}

#[derive(Serialize, Deserialize)]
pub struct StoredPlan {
    schema_version: u32,
    pub name: String,
    pub source: String,
    /// The document's text the plan's spans point into, when `source` is not that text
    /// (a PDF, kept as canonical JSON). Absent in entries written before PDFs were read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl StoredPlan {
    fn new(name: &str, source: &str, text: Option<&str>) -> StoredPlan {
        StoredPlan { schema_version: PLAN_VERSION, name: name.to_string(), source: source.to_string(), text: text.map(str::to_string) }
    }

    /// The text a figure's source lines are shown from.
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or(&self.source)
    }
}

impl Store {
    /// Every stored plan (the bin included); tracks the revision, so lists stay current
    /// when another tab imports or deletes. An unreadable index reads as `Err`.
    pub fn plans(&self) -> Result<Vec<Entry>, String> {
        let _ = self.revision.get();
        self.read(keys::LIBRARY, |c| c.index).map(Option::unwrap_or_default)
    }

    /// (The pages that change the library fetch the codec before they render.)
    fn update_index(&self, change: impl FnOnce(&mut Vec<Entry>)) -> Result<(), StoreError> {
        let codec = codec::get().ok_or(StoreError::NotLoaded)?;
        let mut plans = self.read(keys::LIBRARY, |c| c.index).map_err(|_| StoreError::Locked(keys::LIBRARY.to_string()))?.unwrap_or_default();
        change(&mut plans);
        self.write(keys::LIBRARY, |k| (codec.save_index)(k, &plans))
    }

    /// Saves an imported plan (with the notes and scenario of a backup, if any); returns its
    /// id. The entries are written first and the index last; if any write fails, those
    /// written are removed again, so a failure leaves storage as it was.
    pub fn add_plan(
        &self,
        name: &str,
        source: &str,
        text: Option<&str>,
        programmes: usize,
        total: plan_core::Money,
        user: Option<UserData>,
    ) -> Result<String, StoreError> {
        let codec = codec::get().ok_or(StoreError::NotLoaded)?;
        let id = new_id();
        let (key, user_key) = (keys::plan(&id), keys::annotations(&id));
        let entry = Entry { id: id.clone(), name: name.to_string(), added: now_iso(), programmes, total, deleted: false };
        let result = self
            .write(&key, |k| (codec.save_plan)(k, &StoredPlan::new(name, source, text)))
            .and_then(|()| match user {
                Some(u) => self.update_user_data_now(&id, |d| *d = u),
                None => Ok(()),
            })
            .and_then(|()| self.update_index(|plans| plans.push(entry)));
        if result.is_err() {
            let _ = self.remove(&key);
            let _ = self.remove(&user_key);
        }
        result.map(|()| id)
    }

    pub fn rename_plan(&self, id: &str, name: &str) -> Result<(), StoreError> {
        let name = name.trim();
        self.update_index(|plans| plans.iter_mut().filter(|p| p.id == id).for_each(|p| p.name = name.to_string()))
    }

    /// Moves a plan to the bin, or back (`deleted = false`).
    pub fn set_deleted(&self, id: &str, deleted: bool) -> Result<(), StoreError> {
        self.update_index(|plans| plans.iter_mut().filter(|p| p.id == id).for_each(|p| p.deleted = deleted))
    }

    /// Removes binned plans for good, with their notes and scenarios.
    pub fn empty_bin(&self) -> Result<(), StoreError> {
        let binned: Vec<String> = self.plans().unwrap_or_default().into_iter().filter(|p| p.deleted).map(|p| p.id).collect();
        self.update_index(|plans| plans.retain(|p| !p.deleted))?;
        for id in binned {
            let _ = self.remove(&keys::plan(&id));
            let _ = self.remove(&keys::annotations(&id));
        }
        Ok(())
    }

    /// A stored plan's name and source, or why it cannot be had.
    pub fn load_plan(&self, id: &str) -> Result<StoredPlan, String> {
        self.read(&keys::plan(id), |c| c.plan)?.ok_or_else(|| format!("no stored plan “{id}”"))
    }
}
