//! The whole library as one file: every document a reader kept, each as a [`Bundle`] (its
//! source as imported, the text its spans point into, its notes, link corrections and
//! scenario), and the notes on the bundled plan. Restoring it into an empty browser gives
//! back every figure and note identical: the sources are read again by the same reader.

use crate::annotations::{Annotations, Bundle};
use serde::{Deserialize, Serialize};

pub const LIBRARY_KIND: &str = "plan-explorer-library";
pub const LIBRARY_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryBackup {
    pub kind: String,
    pub schema_version: u32,
    /// Notes, link corrections and scenario on the bundled plan (not itself in the file).
    #[serde(default)]
    pub bundled: BundledNotes,
    pub documents: Vec<Bundle>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BundledNotes {
    #[serde(default)]
    pub annotations: Annotations,
    #[serde(default)]
    pub scenario: Option<String>,
}

impl BundledNotes {
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.scenario.is_none()
    }
}

impl LibraryBackup {
    pub fn new(bundled: BundledNotes, documents: Vec<Bundle>) -> LibraryBackup {
        LibraryBackup { kind: LIBRARY_KIND.to_string(), schema_version: LIBRARY_VERSION, bundled, documents }
    }

    /// Compact: a library of a hundred books is tens of megabytes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a library backup always serialises")
    }

    /// Reads a backup of this version; errors name the line and column, or the document
    /// (by its place in the file and its name) whose notes are wrong.
    pub fn from_json(text: &str) -> Result<LibraryBackup, String> {
        let at = |e: serde_json::Error| format!("line {}, column {}: {e}", e.line(), e.column());
        let head: Head = serde_json::from_str(text).map_err(at)?;
        match head.kind.as_deref() {
            Some(LIBRARY_KIND) => {}
            Some(other) => return Err(format!("this is a `{}` file, not a {LIBRARY_KIND}", other.chars().take(60).collect::<String>())),
            None => return Err(format!("this is not a {LIBRARY_KIND}: it has no `kind`")),
        }
        match head.schema_version {
            Some(LIBRARY_VERSION) => {}
            Some(v) => {
                return Err(format!("schema_version {v} is not one this program understands ({LIBRARY_VERSION}); open it with a newer version of the site"))
            }
            None => return Err("`schema_version` is missing or not a number".into()),
        }
        let backup: LibraryBackup = serde_json::from_str(text).map_err(at)?;
        for (i, d) in backup.documents.iter().enumerate() {
            d.check_notes().map_err(|e| format!("documents[{i}] (“{}”): {e}", d.name.chars().take(60).collect::<String>()))?;
        }
        Ok(backup)
    }
}

/// The fields read first, to say what a file is before reading it all.
#[derive(Deserialize)]
struct Head {
    kind: Option<String>,
    schema_version: Option<u32>,
}

/// A cheap test on the start of a file: does it say it is a library backup?
pub fn looks_like_library(text: &str) -> bool {
    let head = text.char_indices().nth(200).map(|(i, _)| &text[..i]).unwrap_or(text);
    head.contains("\"kind\"") && head.contains(LIBRARY_KIND)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Note, Target};

    fn sample() -> LibraryBackup {
        let mut notes = Annotations::default();
        notes.set_note(&Target::Programme { number: 7 }, Note { text: "看這裡 <b>".into(), bookmarked: true, updated: "2026-01-01T00:00:00Z".into() });
        let plan = Bundle::new("甲", "勞動局 111年度施政計畫", notes.clone(), Some("v1~c10".into()));
        let book = Bundle::new("乙", "{\"schema_version\":1}", Annotations::default(), None).with_text(Some("款,項\n1,2"));
        LibraryBackup::new(BundledNotes { annotations: notes, scenario: None }, vec![plan, book])
    }

    #[test]
    fn round_trips_every_document_with_its_text_and_notes() {
        let backup = sample();
        let json = backup.to_json();
        assert!(looks_like_library(&json));
        assert!(!crate::annotations::looks_like_bundle(&json));
        let back = LibraryBackup::from_json(&json).unwrap();
        assert_eq!(back, backup);
        assert_eq!(back.documents[1].text.as_deref(), Some("款,項\n1,2"));
        assert_eq!(back.documents[0].annotations.note(&Target::Programme { number: 7 }).unwrap().text, "看這裡 <b>");
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        let err = |t: &str| LibraryBackup::from_json(t).unwrap_err();
        assert!(err("{\"kind\":\"plan-explorer-bundle\",\"schema_version\":1}").contains("not a plan-explorer-library"));
        assert!(err("{\"kind\":\"plan-explorer-library\",\"schema_version\":9,\"documents\":[]}").contains("newer version"));
        assert!(err("{\"kind\":\"plan-explorer-library\",\"schema_version\":1,\"documents\":[{]}").starts_with("line 1, column"));
        let bad = sample().to_json().replace("\"p7\"", "\"x7\"");
        let e = err(&bad);
        assert!(e.contains("documents[0] (“甲”)"), "{e}");
    }
}
