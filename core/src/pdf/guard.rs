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
    /// What one compressed stream may inflate to, and all of them together.
    pub inflated: usize,
    pub inflated_total: usize,
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
            // A Word page's contents are well under 1 MB; a subset CJK font a few MB.
            inflated: 12 * 1024 * 1024,
            inflated_total: 128 * 1024 * 1024,
        }
    }
}

use super::{is_pdf, MAX_BYTES};

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Why the bytes are refused before any parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    NotPdf,
    TooManyObjects {
        count: usize,
        max: usize,
    },
    /// A compressed stream (or all together) inflates past the bound.
    Inflates {
        max: usize,
    },
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
    inflation(bytes, limits)
}

/// Inflates every stream whose dictionary names FlateDecode into a counter, stopping at
/// the bound, as the library would inflate it (zlib, else raw deflate after the header).
fn inflation(bytes: &[u8], limits: &Limits) -> Result<(), Refusal> {
    use std::io::Read;
    let mut total = 0usize;
    let mut at = 0;
    while let Some(k) = find(&bytes[at..], b"stream") {
        let start = at + k + b"stream".len();
        at = start;
        let data_at = match bytes.get(start..start + 2) {
            Some([b'\r', b'\n']) => start + 2,
            Some([b'\n', _]) | Some([b'\r', _]) => start + 1,
            _ => continue,
        };
        // `endstream` itself matches `stream`; its dictionary is the text since the last `obj`.
        if bytes[..start].ends_with(b"endstream") {
            continue;
        }
        let dict_from = start.saturating_sub(4096);
        let dict = &bytes[dict_from..start];
        let dict = &dict[dict.windows(3).rposition(|w| w == b"obj").unwrap_or(0)..];
        let end = find(&bytes[data_at..], b"endstream").map_or(bytes.len(), |e| data_at + e);
        if find(dict, b"/FlateDecode").is_none() && find(dict, b"/Fl").is_none() {
            continue;
        }
        let data = &bytes[data_at..end];
        // An image is never inflated by the reader (it only counts images): a cover's
        // emblem at print resolution (監察院's book: 1,859² CMYK, 13.8 MB) is bounded only by
        // what the library would inflate of any stream, and is not added to the total.
        let image = find(dict, b"/Image").is_some();
        let max = if image { limits.stream_bytes } else { limits.inflated.min(limits.inflated_total.saturating_sub(total)) };
        let cap = max as u64 + 1;
        let count = |r: &mut dyn Read| std::io::copy(&mut r.take(cap), &mut std::io::sink()).unwrap_or(0);
        let mut n = count(&mut flate2::read::ZlibDecoder::new(data));
        if n == 0 && data.len() > 2 {
            n = count(&mut flate2::read::DeflateDecoder::new(&data[2..]));
        }
        if n >= cap {
            return Err(Refusal::Inflates { max: if image { limits.stream_bytes } else { limits.inflated } });
        }
        if !image {
            total += n as usize;
        }
        at = end;
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

    /// A PDF with one Flate stream of `inflated` zero bytes under `dict`.
    fn with_stream(dict: &str, inflated: usize) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&vec![0u8; inflated]).unwrap();
        let data = z.finish().unwrap();
        let mut pdf = format!("%PDF-1.4\n1 0 obj\n<<{dict}/Filter/FlateDecode/Length {}>>\nstream\n", data.len()).into_bytes();
        pdf.extend(data);
        pdf.extend(b"\nendstream\nendobj\n");
        pdf
    }

    #[test]
    fn an_image_is_bounded_as_any_stream_the_library_decodes_not_as_text() {
        let l = Limits { inflated: 1_000, stream_bytes: 100_000, ..Limits::default() };
        // A print-resolution emblem: larger than any text stream, never inflated to read.
        assert_eq!(precheck(&with_stream("/Subtype/Image/Width 100/Height 100", 50_000), &l), Ok(()));
        assert_eq!(precheck(&with_stream("", 50_000), &l), Err(Refusal::Inflates { max: 1_000 }));
        assert_eq!(precheck(&with_stream("/Subtype/Image", 200_000), &l), Err(Refusal::Inflates { max: 100_000 }));
    }
}
