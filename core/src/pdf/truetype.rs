//! Glyph → Unicode from an embedded TrueType font's own `cmap` table: an Identity-H subset
//! with no ToUnicode map says what its glyphs are only there. Every count and offset is
//! checked against the table's length, and the work is bounded, because the font is
//! whatever the file's author put in it.

use std::collections::HashMap;

/// Why a font's character map was not used.
pub type Refusal = String;

/// Code points walked over all subtables' ranges before the font is refused: a CJK font
/// maps about 30,000; a table that claims more is a bomb, not a font.
const MAX_CODES: usize = 200_000;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_be_bytes([s[0], s[1]]))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

/// The glyph ids of `font` (a TrueType file) with the character each draws, read from the
/// Unicode subtable of its cmap table.
pub fn glyph_unicodes(font: &[u8]) -> Result<HashMap<u16, char>, Refusal> {
    let tables = u16_at(font, 4).ok_or("it is not a TrueType font")? as usize;
    if tables > 256 {
        return Err(format!("its font claims {tables} tables"));
    }
    let cmap = (0..tables)
        .filter_map(|i| {
            let rec = 12 + 16 * i;
            (font.get(rec..rec + 4)? == b"cmap").then_some(())?;
            let (off, len) = (u32_at(font, rec + 8)? as usize, u32_at(font, rec + 12)? as usize);
            font.get(off..off.checked_add(len)?)
        })
        .next()
        .ok_or("its embedded font has no character map (cmap table)")?;
    let subtables = u16_at(cmap, 2).ok_or("its cmap table is cut short")? as usize;
    // Full Unicode (3,10 / 0,4) first, then the BMP ones.
    let mut best: Option<(u8, &[u8])> = None;
    for i in 0..subtables.min(64) {
        let rec = 4 + 8 * i;
        let (Some(platform), Some(encoding), Some(off)) = (u16_at(cmap, rec), u16_at(cmap, rec + 2), u32_at(cmap, rec + 4)) else { break };
        let rank = match (platform, encoding) {
            (3, 10) | (0, 4) | (0, 6) => 3,
            (3, 1) | (0, 3) | (0, 0) | (0, 1) | (0, 2) => 2,
            _ => continue,
        };
        if let Some(sub) = cmap.get(off as usize..) {
            if best.is_none_or(|(r, _)| rank > r) {
                best = Some((rank, sub));
            }
        }
    }
    let (_, sub) = best.ok_or("its embedded font's character map has no Unicode table")?;
    let mut out: HashMap<u16, char> = HashMap::new();
    let mut walked = 0usize;
    let add = |code: u32, gid: u32, out: &mut HashMap<u16, char>| {
        let (Ok(gid), Some(c)) = (u16::try_from(gid), char::from_u32(code)) else { return };
        if gid == 0 {
            return;
        }
        out.entry(gid).and_modify(|old| *old = preferred(*old, c)).or_insert(c);
    };
    match u16_at(sub, 0) {
        Some(4) => {
            let len = (u16_at(sub, 2).unwrap_or(0) as usize).min(sub.len());
            let sub = &sub[..len];
            let seg = u16_at(sub, 6).ok_or("its cmap is cut short")? as usize / 2;
            let (ends, starts, deltas, ranges) = (14, 16 + 2 * seg, 16 + 4 * seg, 16 + 6 * seg);
            for s in 0..seg {
                let (Some(end), Some(start), Some(delta), Some(ro)) = (u16_at(sub, ends + 2 * s), u16_at(sub, starts + 2 * s), u16_at(sub, deltas + 2 * s), u16_at(sub, ranges + 2 * s)) else {
                    return Err("its cmap is cut short".into());
                };
                for code in start..=end {
                    walked += 1;
                    if walked > MAX_CODES || code == 0xFFFF {
                        break;
                    }
                    let gid = if ro == 0 {
                        code.wrapping_add(delta)
                    } else {
                        let at = ranges + 2 * s + ro as usize + 2 * (code - start) as usize;
                        match u16_at(sub, at) {
                            Some(0) | None => continue,
                            Some(g) => g.wrapping_add(delta),
                        }
                    };
                    add(code as u32, gid as u32, &mut out);
                }
            }
        }
        Some(12) => {
            let groups = u32_at(sub, 12).ok_or("its cmap is cut short")? as usize;
            let room = sub.len().saturating_sub(16) / 12;
            if groups > room {
                return Err(format!("its embedded font's character map claims {groups} ranges in room for {room}"));
            }
            for g in 0..groups {
                let at = 16 + 12 * g;
                let (Some(first), Some(last), Some(gid)) = (u32_at(sub, at), u32_at(sub, at + 4), u32_at(sub, at + 8)) else { break };
                let span = last.saturating_sub(first) as usize + 1;
                walked = walked.saturating_add(span);
                if walked > MAX_CODES || last < first {
                    return Err(format!("its embedded font's character map claims more than {MAX_CODES} characters"));
                }
                for k in 0..span as u32 {
                    add(first + k, gid.saturating_add(k), &mut out);
                }
            }
        }
        other => return Err(format!("its embedded font's character map is of a kind not read here (format {})", other.unwrap_or(0))),
    }
    if walked > MAX_CODES {
        return Err(format!("its embedded font's character map claims more than {MAX_CODES} characters"));
    }
    Ok(out)
}

/// Of two characters one glyph draws, the one text uses: a unified ideograph over its
/// Kangxi radical or compatibility twin (⼗ / 十), else the smaller code point.
fn preferred(a: char, b: char) -> char {
    let variant = |c: char| matches!(c as u32, 0x2E80..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F);
    match (variant(a), variant(b)) {
        (true, false) => b,
        (false, true) => a,
        _ => a.min(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font of one cmap table holding `sub`.
    fn font(sub: &[u8]) -> Vec<u8> {
        let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12];
        cmap.extend_from_slice(sub);
        let mut f = vec![0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        f.extend_from_slice(b"cmap");
        f.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 28]);
        f.extend_from_slice(&(cmap.len() as u32).to_be_bytes());
        f.extend(cmap);
        f
    }

    fn format12(groups: &[(u32, u32, u32)], claimed: u32) -> Vec<u8> {
        let mut s = vec![0, 12, 0, 0];
        s.extend_from_slice(&(16 + 12 * groups.len() as u32).to_be_bytes());
        s.extend_from_slice(&[0, 0, 0, 0]);
        s.extend_from_slice(&claimed.to_be_bytes());
        for (a, b, g) in groups {
            for v in [a, b, g] {
                s.extend_from_slice(&v.to_be_bytes());
            }
        }
        s
    }

    #[test]
    fn a_glyph_is_the_character_text_uses() {
        // 十 (U+5341) and its Kangxi radical ⼗ (U+2F17) share glyph 7.
        let map = glyph_unicodes(&font(&format12(&[(0x2F17, 0x2F17, 7), (0x5341, 0x5342, 7), (0x31, 0x32, 3)], 3))).unwrap();
        assert_eq!((map[&7], map[&8], map[&3], map[&4]), ('十', '卂', '1', '2'));
    }

    #[test]
    fn a_table_bomb_is_refused() {
        let e = glyph_unicodes(&font(&format12(&[(0x4E00, 0x9FFF, 1)], 1_000_000))).unwrap_err();
        assert!(e.contains("1000000 ranges"), "{e}");
        let e = glyph_unicodes(&font(&format12(&[(0, 0x10FFFF, 1)], 1))).unwrap_err();
        assert!(e.contains("more than 200000"), "{e}");
        assert!(glyph_unicodes(b"\0\x01").is_err() && glyph_unicodes(&[]).is_err());
    }
}
