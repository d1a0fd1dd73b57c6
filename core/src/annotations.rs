//! The reader's own layer over a plan: notes and bookmarks on programmes, goals and
//! strategies, corrections to the inferred programme → strategy links, and the bundle file
//! that carries a plan together with all of that (and a scenario) from one browser to
//! another.
//!
//! Link corrections are kept as a [`CuratedLinks`] file, the same form the CLI reads, so
//! [`crate::summary::summarise`] applies them exactly as it would a curated file.

use crate::links::{CuratedLinks, Link};
use crate::plan::StrategyId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a note is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Target {
    Programme { number: u32 },
    Goal { number: u32 },
    Strategy { id: StrategyId },
}

impl Target {
    /// `p7`, `g2`, `s2.3`: short enough for a map key or a URL fragment.
    pub fn key(&self) -> String {
        match self {
            Target::Programme { number } => format!("p{number}"),
            Target::Goal { number } => format!("g{number}"),
            Target::Strategy { id } => format!("s{id}"),
        }
    }
}

impl std::str::FromStr for Target {
    type Err = String;
    fn from_str(s: &str) -> Result<Target, String> {
        let bad = || format!("`{s}` is not a note target (p7, g2 or s2.3)");
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit()).then(|| t.parse().ok()).flatten();
        let (kind, rest) = s.split_at(s.char_indices().nth(1).map(|(i, _)| i).unwrap_or(s.len()));
        match kind {
            "p" => digits(rest).map(|number| Target::Programme { number }).ok_or_else(bad),
            "g" => digits(rest).map(|number| Target::Goal { number }).ok_or_else(bad),
            "s" => {
                let (g, st) = rest.split_once('.').ok_or_else(bad)?;
                Ok(Target::Strategy { id: StrategyId { goal: digits(g).ok_or_else(bad)?, strategy: digits(st).ok_or_else(bad)? } })
            }
            _ => Err(bad()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Note {
    pub text: String,
    pub bookmarked: bool,
    /// ISO 8601 time of the last edit, as the caller's clock gave it (the core has none).
    pub updated: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Annotations {
    /// By [`Target::key`].
    pub notes: BTreeMap<String, Note>,
    /// Link corrections; a programme named here has exactly the links listed for it.
    pub links: CuratedLinks,
    /// Inferred links the reader checked and agreed with.
    pub confirmed: Vec<(u32, StrategyId)>,
}

impl Annotations {
    pub fn note(&self, target: &Target) -> Option<&Note> {
        self.notes.get(&target.key())
    }

    /// Sets a target's note; an empty note that is not a bookmark is removed instead.
    pub fn set_note(&mut self, target: &Target, note: Note) {
        if note.text.trim().is_empty() && !note.bookmarked {
            self.notes.remove(&target.key());
        } else {
            self.notes.insert(target.key(), note);
        }
    }

    pub fn remove_note(&mut self, target: &Target) -> Option<Note> {
        self.notes.remove(&target.key())
    }

    /// Bookmarked targets, in target order (programmes, goals, strategies, each by number).
    pub fn bookmarks(&self) -> Vec<Target> {
        let mut v: Vec<Target> = self.notes.iter().filter(|(_, n)| n.bookmarked).filter_map(|(k, _)| k.parse().ok()).collect();
        crate::order::sort(&mut v);
        v
    }

    /// Links `programme` to `strategy` as well as to what it already serves.
    /// `current_links` are the links in force (e.g. `Summary::links`): a curated entry
    /// replaces all of a programme's inferred links, so those are copied in first.
    pub fn link_add(&mut self, programme: u32, strategy: StrategyId, current_links: &[Link]) {
        self.pin(programme, current_links);
        self.links.entries.retain(|e| *e != (programme, None));
        if !self.links.entries.contains(&(programme, Some(strategy))) {
            self.links.entries.push((programme, Some(strategy)));
        }
        crate::order::sort(&mut self.links.entries);
    }

    /// Unlinks `programme` from `strategy`. Removing its last link records the programme as
    /// deliberately unlinked, so inference does not link it again.
    pub fn link_remove(&mut self, programme: u32, strategy: StrategyId, current_links: &[Link]) {
        self.pin(programme, current_links);
        self.links.entries.retain(|e| *e != (programme, Some(strategy)));
        if !self.links.entries.iter().any(|(p, _)| *p == programme) {
            self.links.entries.push((programme, None));
        }
        crate::order::sort(&mut self.links.entries);
        self.confirmed.retain(|c| *c != (programme, strategy));
    }

    /// Drops every correction for `programme`: its inferred links apply again.
    pub fn link_reset(&mut self, programme: u32) {
        self.links.entries.retain(|(p, _)| *p != programme);
    }

    /// Records that the reader agrees with an inferred link (it stays inferred).
    pub fn confirm(&mut self, programme: u32, strategy: StrategyId) {
        if !self.confirmed.contains(&(programme, strategy)) {
            self.confirmed.push((programme, strategy));
            crate::order::sort(&mut self.confirmed);
        }
    }

    pub fn is_confirmed(&self, programme: u32, strategy: StrategyId) -> bool {
        self.confirmed.contains(&(programme, strategy))
    }

    /// The corrections as a curated link file for [`crate::summary::summarise`]; `None`
    /// when there are none, so inference runs untouched.
    pub fn curated(&self) -> Option<CuratedLinks> {
        (!self.links.entries.is_empty()).then(|| self.links.clone())
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.links.entries.is_empty() && self.confirmed.is_empty()
    }

    /// Copies a programme's links in force into the corrections, unless it is there already.
    fn pin(&mut self, programme: u32, current_links: &[Link]) {
        if self.links.entries.iter().any(|(p, _)| *p == programme) {
            return;
        }
        for l in current_links.iter().filter(|l| l.programme == programme) {
            if !self.links.entries.contains(&(programme, Some(l.strategy))) {
                self.links.entries.push((programme, Some(l.strategy)));
            }
        }
    }
}

pub const BUNDLE_KIND: &str = "plan-explorer-bundle";
/// Version 0 had notes as a list of `{target, text}` (no bookmarks or times) and no
/// `confirmed`; [`Bundle::from_json`] migrates it.
pub const BUNDLE_VERSION: u32 = 1;

/// A plan with the reader's annotations, as one JSON file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub kind: String,
    pub schema_version: u32,
    pub name: String,
    /// The plan as it was imported (plan text or canonical JSON), so it is read again by
    /// the same reader, diagnostics included.
    pub source: String,
    /// The document's text that the plan's spans point into, when `source` is not that
    /// text (a PDF or a budget book's table, kept as canonical JSON). Absent otherwise, and
    /// in bundles written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub annotations: Annotations,
    /// A scenario in its link form ([`crate::scenario::encode`]).
    #[serde(default)]
    pub scenario: Option<String>,
}

/// The version-0 layout, read only to migrate it.
#[derive(Deserialize)]
struct BundleV0 {
    name: String,
    source: String,
    #[serde(default)]
    annotations: AnnotationsV0,
    #[serde(default)]
    scenario: Option<String>,
}

#[derive(Deserialize, Default)]
struct AnnotationsV0 {
    #[serde(default)]
    notes: Vec<NoteV0>,
    #[serde(default)]
    links: CuratedLinks,
}

#[derive(Deserialize)]
struct NoteV0 {
    target: String,
    text: String,
}

impl Bundle {
    pub fn new(name: &str, source: &str, annotations: Annotations, scenario: Option<String>) -> Bundle {
        Bundle {
            kind: BUNDLE_KIND.to_string(),
            schema_version: BUNDLE_VERSION,
            name: name.to_string(),
            source: source.to_string(),
            text: None,
            annotations,
            scenario,
        }
    }

    /// The same bundle with the document's text its spans point into.
    pub fn with_text(mut self, text: Option<&str>) -> Bundle {
        self.text = text.map(str::to_string);
        self
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Bundle always serialises")
    }

    /// Reads a bundle of this or an older version; errors name the line and column, or the
    /// field that is wrong.
    pub fn from_json(text: &str) -> Result<Bundle, String> {
        let at = |e: serde_json::Error| format!("line {}, column {}: {e}", e.line(), e.column());
        let value: serde_json::Value = serde_json::from_str(text).map_err(at)?;
        match value.get("kind").and_then(|k| k.as_str()) {
            Some(BUNDLE_KIND) => {}
            Some(other) => return Err(format!("this is a `{}` file, not a {BUNDLE_KIND}", other.chars().take(60).collect::<String>())),
            None => return Err(format!("this is not a {BUNDLE_KIND}: it has no `kind`")),
        }
        let version = value.get("schema_version").and_then(|v| v.as_u64()).ok_or("`schema_version` is missing or not a number")?;
        let bundle = match version {
            0 => {
                let old: BundleV0 = serde_json::from_str(text).map_err(at)?;
                let mut notes: BTreeMap<String, Note> = BTreeMap::new();
                for (i, n) in old.annotations.notes.into_iter().enumerate() {
                    let key = n.target.parse::<Target>().map_err(|e| format!("annotations.notes[{i}]: {e}"))?.key();
                    // Two notes on one target become one; nothing the reader wrote is lost.
                    let note = notes.entry(key).or_default();
                    if !note.text.is_empty() {
                        note.text.push('\n');
                    }
                    note.text.push_str(&n.text);
                }
                Bundle::new(&old.name, &old.source, Annotations { notes, links: old.annotations.links, confirmed: Vec::new() }, old.scenario)
            }
            1 => serde_json::from_str(text).map_err(at)?,
            v => return Err(format!("schema_version {v} is newer than this program understands ({BUNDLE_VERSION}); open it with a newer version of the site")),
        };
        bundle.check_notes()?;
        Ok(bundle)
    }

    /// Every note's target is one this program can show.
    pub(crate) fn check_notes(&self) -> Result<(), String> {
        for key in self.annotations.notes.keys() {
            key.parse::<Target>().map_err(|e| format!("annotations.notes: {e}"))?;
        }
        Ok(())
    }
}

/// A cheap test on the start of a file (before parsing it all): does it say it is a bundle?
pub fn looks_like_bundle(text: &str) -> bool {
    let head = text.char_indices().nth(200).map(|(i, _)| &text[..i]).unwrap_or(text);
    head.contains("\"kind\"") && head.contains(BUNDLE_KIND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_keys_round_trip() {
        for t in [Target::Programme { number: 7 }, Target::Goal { number: 2 }, Target::Strategy { id: StrategyId { goal: 2, strategy: 3 } }] {
            assert_eq!(t.key().parse::<Target>(), Ok(t.clone()));
        }
        assert_eq!(Target::Strategy { id: StrategyId { goal: 2, strategy: 3 } }.key(), "s2.3");
        for bad in ["", "p", "x7", "p-1", "s2", "s2.x", "p+1", "ｐ7", "g99999999999"] {
            assert!(bad.parse::<Target>().is_err(), "{bad}");
        }
        assert_eq!(serde_json::to_string(&Target::Programme { number: 7 }).unwrap(), r#"{"kind":"programme","number":7}"#);
    }

    #[test]
    fn empty_notes_are_removed_and_bookmarks_listed_in_order() {
        let mut a = Annotations::default();
        let note = |text: &str, bookmarked| Note { text: text.into(), bookmarked, updated: "2026-01-01T00:00:00Z".into() };
        a.set_note(&Target::Goal { number: 10 }, note("", true));
        a.set_note(&Target::Goal { number: 2 }, note("check", true));
        a.set_note(&Target::Programme { number: 3 }, note("x", false));
        assert_eq!(a.bookmarks(), [Target::Goal { number: 2 }, Target::Goal { number: 10 }]);
        a.set_note(&Target::Programme { number: 3 }, note("  ", false));
        assert_eq!(a.notes.len(), 2);
        assert_eq!(a.remove_note(&Target::Goal { number: 2 }).map(|n| n.text), Some("check".into()));
    }

    #[test]
    fn looks_at_the_start_only() {
        let b = Bundle::new("x", "text", Annotations::default(), None);
        assert!(looks_like_bundle(&b.to_json()));
        assert!(!looks_like_bundle(&format!("{{\"a\": \"{}\", \"kind\": \"{BUNDLE_KIND}\"}}", "字".repeat(300))));
        assert!(!looks_like_bundle("{\"schema_version\": 1}"));
    }
}
