//! Bounds checked before and while a PDF is read, so a hostile file costs bounded time and
//! memory. Time is bounded by work (bytes, objects, glyphs, pages), not by a clock: the
//! browser build has none that std can read.

/// What a PDF may cost. The defaults read a 40-page plan with room to spare.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub bytes: usize,
    pub pages: usize,
    /// Indirect objects counted in the file (`N G obj`), before the library builds them.
    pub objects: usize,
    pub form_depth: usize,
    pub objects_per_page: usize,
    pub objects_total: usize,
    pub stream_bytes: usize,
    /// Glyphs kept over the whole document.
    pub glyphs: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            bytes: MAX_BYTES,
            pages: 2_000,
            objects: 1_000_000,
            form_depth: 8,
            objects_per_page: 200_000,
            objects_total: 2_000_000,
            stream_bytes: 64 * 1024 * 1024,
            glyphs: 2_000_000,
        }
    }
}

/// The largest file read: a 施政計畫 is a few MB at most.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// `%PDF-` in the first KB (the standard allows leading junk, and some servers add it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Why the bytes are refused before any parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    TooLarge { bytes: usize, max: usize },
    NotPdf,
    TooManyObjects { count: usize, max: usize },
}

/// Cheap checks over the raw bytes: size, header, and a count of object headers (millions
/// of tiny objects cost the library far more memory than their bytes).
pub fn precheck(bytes: &[u8], limits: &Limits) -> Result<(), Refusal> {
    if bytes.len() > limits.bytes {
        return Err(Refusal::TooLarge { bytes: bytes.len(), max: limits.bytes });
    }
    if !is_pdf(bytes) {
        return Err(Refusal::NotPdf);
    }
    let count = object_headers(bytes, limits.objects + 1);
    if count > limits.objects {
        return Err(Refusal::TooManyObjects { count, max: limits.objects });
    }
    Ok(())
}

/// Counts ` obj` preceded by `digits space digits`, stopping at `stop`.
fn object_headers(bytes: &[u8], stop: usize) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i + 4 <= bytes.len() && count < stop {
        if &bytes[i..i + 4] == b" obj" && i > 0 && bytes[i - 1].is_ascii_digit() {
            count += 1;
            i += 4;
        } else {
            i += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals() {
        let l = Limits { bytes: 100, objects: 2, ..Limits::default() };
        assert_eq!(precheck(&[b' '; 101], &l), Err(Refusal::TooLarge { bytes: 101, max: 100 }));
        assert_eq!(precheck(b"hello", &l), Err(Refusal::NotPdf));
        assert_eq!(precheck(b"%PDF-1.4\n1 0 obj 2 0 obj 3 0 obj", &l), Err(Refusal::TooManyObjects { count: 3, max: 2 }));
        assert_eq!(precheck(b"junk%PDF-1.7\n1 0 obj", &l), Ok(()));
    }
}
