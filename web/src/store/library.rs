//! The library: documents the user imported. An index in local storage lists them
//! (`plan-explorer.library`), with what a list shows and a search needs; each document's
//! source is kept by [`super::documents`] (IndexedDB) under its id, as imported (plan text
//! or canonical JSON), so it is parsed again by `plan-core` on every visit and always reads
//! the same way.
//!
//! The bundled plan is not in the library and cannot be deleted. Deleting moves a plan to
//! the bin (it stays stored and can be restored) until the user empties the bin.

use super::annotations::UserData;
use super::{keys, new_id, now_iso, Store, StoreError};
use crate::codec;
use leptos::prelude::*;
use plan_core::annotations::Bundle;
use plan_core::library_backup::{BundledNotes, LibraryBackup};
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
    /// The document's agency and ROC year, and whether it is a budget book, for searching
    /// and matching a document across years. Absent (empty, 0) in entries written before.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub year: u32,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub book: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What the library keeps of a document it is given.
#[derive(Clone)]
pub struct NewDocument {
    pub name: String,
    pub source: String,
    /// The document's text when `source` is not that text (see [`StoredPlan::text`]).
    pub text: Option<String>,
    pub programmes: usize,
    pub total: plan_core::Money,
    pub agency: String,
    pub year: u32,
    pub book: bool,
    /// Notes, link corrections and scenario restored from a backup.
    pub user: Option<UserData>,
}

impl NewDocument {
    /// The facts of a parsed plan, under the name the reader gave it.
    pub fn of(plan: &plan_core::Plan, name: &str, source: String, text: Option<String>, user: Option<UserData>) -> NewDocument {
        NewDocument {
            name: name.to_string(),
            source,
            text,
            programmes: plan.programmes.len(),
            total: plan.total(),
            agency: plan.agency.clone(),
            year: plan.year,
            book: !plan.kind.is_plan(),
            user,
        }
    }
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

    /// Saves imported documents (each with the notes and scenario of a backup, if any);
    /// returns their ids. The documents are written first, then their notes, and the index
    /// last; if any write fails, those written are removed again, so a failure leaves the
    /// library as it was. All or none: a library restored from a backup is whole.
    pub async fn add_documents(self, documents: Vec<NewDocument>) -> Result<Vec<String>, StoreError> {
        super::documents::settle().await.ok_or(StoreError::NotLoaded)?;
        // Fresh ids, none already in the library or twice in this batch (a restore of a
        // hundred documents makes them within a millisecond or two).
        let taken: Vec<String> = self.read(keys::LIBRARY, |c| c.index).ok().flatten().unwrap_or_default().into_iter().map(|e| e.id).collect();
        let first = taken.is_empty();
        let mut ids: Vec<String> = Vec::with_capacity(documents.len());
        while ids.len() < documents.len() {
            let id = new_id();
            if !taken.contains(&id) && !ids.contains(&id) {
                ids.push(id);
            }
        }
        let stored = documents.iter().zip(&ids).map(|(d, id)| (id.clone(), StoredPlan::new(&d.name, &d.source, d.text.as_deref()))).collect();
        super::documents::put(stored).await?;
        let mut result = Ok(());
        for (d, id) in documents.iter().zip(&ids) {
            if let Some(u) = &d.user {
                result = result.and_then(|()| self.update_user_data_now(id, |data| *data = u.clone()));
            }
        }
        let entries = documents.into_iter().zip(&ids).map(|(d, id)| Entry {
            id: id.clone(),
            name: d.name,
            added: now_iso(),
            programmes: d.programmes,
            total: d.total,
            deleted: false,
            agency: d.agency,
            year: d.year,
            book: d.book,
        });
        let result = result.and_then(|()| self.update_index(|plans| plans.extend(entries)));
        if let Err(e) = result {
            for id in &ids {
                let _ = self.remove(&keys::annotations(id));
            }
            let _ = super::documents::remove(ids).await;
            return Err(e);
        }
        if first {
            // The first document kept: ask the browser not to clear the library when space
            // runs low (the library page says whether it agreed).
            let _ = super::documents::ask_to_persist().await;
            self.touched();
        }
        Ok(ids)
    }

    /// Saves one imported document; returns its id.
    pub async fn add_plan(self, document: NewDocument) -> Result<String, StoreError> {
        self.add_documents(vec![document]).await.map(|mut ids| ids.remove(0))
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
    pub async fn empty_bin(self) -> Result<(), StoreError> {
        let binned: Vec<String> = self.plans().unwrap_or_default().into_iter().filter(|p| p.deleted).map(|p| p.id).collect();
        self.update_index(|plans| plans.retain(|p| !p.deleted))?;
        for id in &binned {
            let _ = self.remove(&keys::annotations(id));
        }
        // Gone from the index already: a document left behind by a failure here is only
        // space, never a plan that reappears.
        super::documents::remove(binned).await
    }
}

impl Store {
    /// The whole library as one file ([`plan_core::library_backup`]): every document not
    /// in the bin, under the name it has here, with its notes, link corrections and
    /// scenario, and those of the bundled plan. `Err` names the document that could not be
    /// read (nothing is left out silently).
    pub async fn library_backup(self) -> Result<String, String> {
        let entries: Vec<Entry> = self.read(keys::LIBRARY, |c| c.index)?.unwrap_or_default().into_iter().filter(|p| !p.deleted).collect();
        let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
        let texts = super::documents::every_text(&ids).await?;
        let codec = codec::get().ok_or("the code that reads stored data did not download (offline?)")?;
        let user = |id: &str| self.read(&keys::annotations(id), |c| c.user_data).map(Option::unwrap_or_default);
        let mut documents = Vec::with_capacity(entries.len());
        for (entry, (_, text)) in entries.iter().zip(texts) {
            let stored = (codec.plan)(&text).map_err(|e| format!("“{}”: {e}", entry.name))?;
            let notes = user(&entry.id).map_err(|e| format!("“{}”: {e}", entry.name))?;
            documents.push(Bundle::new(&entry.name, &stored.source, notes.annotations, notes.scenario).with_text(stored.text.as_deref()));
        }
        let seed = user(BUNDLED)?;
        Ok(LibraryBackup::new(BundledNotes { annotations: seed.annotations, scenario: seed.scenario }, documents).to_json())
    }
}
