//! Bytes to text. Agencies publish in UTF-8, in UTF-16 (Excel's "Unicode text") and in
//! Big5 (older Windows tools in Taiwan), rarely saying which. The order of the checks is
//! the order of certainty: a byte-order mark says so outright; valid UTF-8 is almost never
//! an accident; UTF-16 without a mark shows itself by the NUL half of every ASCII
//! character; Big5 is tried last because many byte strings happen to be valid Big5.

use crate::diagnostic::{Diagnostic, Finding};
use std::borrow::Cow;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Big5,
}

impl Encoding {
    /// The name a reader knows (and the one [`Finding::Decoded`] carries).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Big5 => "Big5",
        }
    }
}

/// Decoded text, without its byte-order mark.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
}

impl Decoded<'_> {
    /// An Info [`Finding::Decoded`] when the text was not UTF-8, so a report can name it.
    pub fn diagnostic(&self) -> Option<Diagnostic> {
        (self.encoding != Encoding::Utf8).then(|| Diagnostic::info(None, Finding::Decoded { encoding: self.encoding.name().to_string() }))
    }
}

/// Decodes as the module comment describes, or says where the first byte that is not
/// UTF-8 is (and on which line) when no encoding fits.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Diagnostic> {
    let ok = |text, encoding| Ok(Decoded { text, encoding });
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return match std::str::from_utf8(rest) {
            Ok(t) => ok(Cow::Borrowed(t), Encoding::Utf8),
            // A UTF-8 mark on bytes that are not UTF-8 is a broken file, not another encoding.
            Err(e) => Err(not_utf8(bytes, 3 + e.valid_up_to())),
        };
    }
    for (bom, encoding) in [(b"\xff\xfe", Encoding::Utf16Le), (b"\xfe\xff", Encoding::Utf16Be)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return match utf16(rest, encoding) {
                Some(t) => ok(Cow::Owned(t), encoding),
                None => Err(not_utf8(bytes, 0)),
            };
        }
    }
    // ASCII in UTF-16 is valid UTF-8 with a NUL beside every letter, and real text has no
    // NULs: so UTF-8 with NULs is first tried as UTF-16.
    let first_bad = match std::str::from_utf8(bytes) {
        Ok(t) if !t.contains('\0') => return ok(Cow::Borrowed(t), Encoding::Utf8),
        Ok(_) => bytes.len(),
        Err(e) => e.valid_up_to(),
    };
    if first_bad == bytes.len() {
        return match utf16_without_bom(bytes).and_then(|e| Some((utf16(bytes, e)?, e))) {
            Some((t, e)) => ok(Cow::Owned(t), e),
            // Binary after all: the readers report control characters themselves.
            None => ok(Cow::Owned(String::from_utf8_lossy(bytes).into_owned()), Encoding::Utf8),
        };
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        if let Some(t) = utf16(bytes, encoding) {
            return ok(Cow::Owned(t), encoding);
        }
    }
    if let Some(t) = big5(bytes) {
        return ok(Cow::Owned(t), Encoding::Big5);
    }
    Err(not_utf8(bytes, first_bad))
}

fn not_utf8(bytes: &[u8], at: usize) -> Diagnostic {
    let line = bytes[..at.min(bytes.len())].iter().filter(|b| **b == b'\n').count() as u32 + 1;
    Diagnostic::error(Some(line), Finding::NotUtf8 { byte: at })
}

fn utf16(bytes: &[u8], encoding: Encoding) -> Option<String> {
    // An odd length or an unpaired surrogate is not UTF-16.
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let be = encoding == Encoding::Utf16Be;
    let units = bytes.chunks_exact(2).map(|p| if be { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// Big5 as the WHATWG Encoding Standard decodes it (Big5 with HKSCS and the common
/// extensions, the index of 2014-12-19), or `None` at the first byte pair it does not map.
fn big5(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    let mut it = bytes.iter().copied();
    while let Some(b) = it.next() {
        match b {
            0x00..=0x7f => out.push(b as char),
            0x81..=0xfe => {
                let trail = it.next()?;
                let offset = if trail < 0x7f { 0x40 } else { 0x62 };
                if !matches!(trail, 0x40..=0x7e | 0xa1..=0xfe) {
                    return None;
                }
                let pointer = (b as u16 - 0x81) * 157 + (trail as u16 - offset);
                // Four pointers are a letter with a combining mark (no single code point).
                match pointer {
                    1133 => out.push_str("\u{ca}\u{304}"),
                    1135 => out.push_str("\u{ca}\u{30c}"),
                    1164 => out.push_str("\u{ea}\u{304}"),
                    1166 => out.push_str("\u{ea}\u{30c}"),
                    _ => match encoding_index_tradchinese::big5::forward(pointer) {
                        0xffff => return None,
                        c => out.push(char::from_u32(c)?),
                    },
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Which byte order UTF-16 without a mark has, judged from the first 4 KB: an ASCII
/// character (comma, digit, line break) is a NUL beside its code, and a table has many.
/// CJK characters put a NUL on the other side only when their low byte is zero (一 is
/// U+4E00), so the NUL side must clearly dominate, not merely be present.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for p in head.chunks_exact(2) {
        even += (p[0] == 0) as usize;
        odd += (p[1] == 0) as usize;
    }
    let enough = |n: usize| n * 20 >= pairs && n > 0;
    if enough(odd) && odd >= 4 * even {
        Some(Encoding::Utf16Le)
    } else if enough(even) && even >= 4 * odd {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// `text` as UTF-16 bytes with a byte-order mark, or without (tests and fixtures).
pub fn encode_utf16(text: &str, encoding: Encoding, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 2 + 2);
    let be = encoding == Encoding::Utf16Be;
    let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
    for u in units {
        out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (String, Encoding) {
        let d = decode(bytes).unwrap();
        (d.text.into_owned(), d.encoding)
    }

    #[test]
    fn marks_first_then_utf8_then_utf16_then_big5() {
        let text = "款,名,總額\n1,一般行政,12,000\n";
        assert_eq!(read(text.as_bytes()), (text.into(), Encoding::Utf8));
        assert_eq!(read(format!("\u{feff}{text}").as_bytes()), (text.into(), Encoding::Utf8));
        for e in [Encoding::Utf16Le, Encoding::Utf16Be] {
            assert_eq!(read(&encode_utf16(text, e, true)), (text.into(), e));
            assert_eq!(read(&encode_utf16(text, e, false)), (text.into(), e));
        }
        // 勞動局 in Big5.
        assert_eq!(read(&[0xB3, 0xD2, 0xB0, 0xCA, 0xA7, 0xBD, b'\n']), ("勞動局\n".into(), Encoding::Big5));
        assert!(decode(b"abc").unwrap().diagnostic().is_none());
        let d = decode(&[0xB3, 0xD2]).unwrap().diagnostic().unwrap();
        assert_eq!(d.finding, Finding::Decoded { encoding: "Big5".into() });
    }

    #[test]
    fn ascii_in_utf16_is_not_taken_for_utf8_with_nuls() {
        let bytes = encode_utf16("name,amount\n", Encoding::Utf16Le, false);
        assert_eq!(read(&bytes), ("name,amount\n".into(), Encoding::Utf16Le));
        // NULs on both sides are no UTF-16: it stays UTF-8 and the readers call it binary.
        assert_eq!(read(b"abc\0\0\0").1, Encoding::Utf8);
    }

    #[test]
    fn undecodable_bytes_name_the_byte_and_line() {
        // 0x80 is not a Big5 lead byte and the line has no NULs.
        let e = decode(b"ok\nline two \x80\xff").unwrap_err();
        assert_eq!((e.line, e.finding), (Some(2), Finding::NotUtf8 { byte: 12 }));
        let e = decode(b"\xef\xbb\xbfa\xff").unwrap_err();
        assert_eq!(e.finding, Finding::NotUtf8 { byte: 4 });
        assert!(decode(b"\xff\xfe\x00").is_err(), "odd UTF-16");
        assert!(decode(&[0xff, 0xfe, 0x00, 0xd8, b'a', 0]).is_err(), "unpaired surrogate");
        // Written by Python's big5 codec: punctuation, full-width digits and brackets too.
        let bytes = [
            0xAE, 0xE7, 0xB6, 0xE9, 0xA5, 0xAB, 0xAC, 0x46, 0xA9, 0xB2, 0xB3, 0xD2, 0xB0, 0xCA, 0xA7, 0xBD, 0xA1, 0x47, 0xB4, 0x4E, 0xB7, 0x7E, 0xAA, 0x41,
            0xB0, 0xC8, 0xA1, 0x42, 0xBB, 0x4F, 0xC6, 0x57, 0xA1, 0x5D, 0xA4, 0x64, 0xA4, 0xB8, 0xA1, 0x5E, 0xA2, 0xB0, 0xA2, 0xB1, 0xA2, 0xB2,
        ];
        assert_eq!(big5(&bytes).as_deref(), Some("桃園市政府勞動局：就業服務、臺灣（千元）１２３"));
        assert_eq!(big5(&[0x88, 0x62, 0x88, 0x64]).as_deref(), Some("\u{ca}\u{304}\u{ca}\u{30c}"));
        assert_eq!(big5(&[0xA4, 0x40, 0xA4]), None, "a lead byte without its trail");
        assert_eq!(big5(&[0xA4, 0x20]), None, "a trail byte out of range");
    }
}
