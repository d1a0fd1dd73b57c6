//! The reader's preferences (language, population for per-resident figures, everyday unit): plain strings,
//! read before the first render without the codec.

use super::{keys, local};

/// A preference as stored. (Earlier builds wrote them as JSON, so a language may still be
/// stored in quotes.)
pub fn get(key: &str) -> Option<String> {
    let stored = local()?.get_item(key).ok()??;
    Some(stored.trim_matches('"').to_string())
}

/// Storage may be full or disabled; the choice then lasts for this visit only.
pub fn set(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, value);
    }
}

pub fn is_preference(key: &str) -> bool {
    key == keys::LANG || key == keys::POPULATION || key == keys::UNIT
}
