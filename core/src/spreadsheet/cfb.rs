//! A guard in front of calamine's reader of compound files (the container of .xls). That
//! reader trusts the file: sector numbers, chain links and lengths are used as they are, so
//! a 5 KB file can ask for a 2 TB buffer, a loop in a chain never ends, and a link past the
//! table indexes out of bounds. In the browser each of these aborts the page (the wasm
//! build cannot unwind), so the structure calamine will walk is checked here first, in
//! time and memory proportional to the file (MS-CFB, the parts calamine 0.26 reads).

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
/// Values at or above this are markers (free, FAT, DIFAT, end of chain), not sector numbers.
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
const MINI_SECTOR: usize = 64;

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]])).unwrap_or(u32::MAX)
}

/// The file's sectors after its header (a sector is whole or it is not there).
struct Sectors<'a> {
    body: &'a [u8],
    size: usize,
}

impl Sectors<'_> {
    fn count(&self) -> usize {
        self.body.len() / self.size
    }
    fn get(&self, id: u32) -> Result<&[u8], String> {
        let start = (id as usize).checked_mul(self.size).ok_or("a sector number overflows")?;
        self.body.get(start..start + self.size).ok_or_else(|| format!("sector {id} is past the end of the file"))
    }
}

/// Checks what calamine's `Cfb::new` and `get_stream` will read; `Err` says what is wrong.
pub(super) fn check(b: &[u8]) -> Result<(), String> {
    if b.len() < 512 {
        return Err("the file is shorter than its header".into());
    }
    let size = match u16::from_le_bytes([b[30], b[31]]) {
        9 => 512,
        12 => 4096,
        s => return Err(format!("sector shift {s} (expected 9 or 12)")),
    };
    let body = b.get(size..).ok_or("the file is shorter than its header")?;
    let sectors = Sectors { body, size };
    let n = sectors.count();
    let (dir_len, fat_len, dir_start) = (u32_at(b, 40) as usize, u32_at(b, 44) as usize, u32_at(b, 48));
    let (mini_fat_start, mini_fat_len, difat_start) = (u32_at(b, 60), u32_at(b, 64) as usize, u32_at(b, 68));
    // calamine reserves room for this many DIFAT entries (it reads the field from 62..66).
    let difat_reserve = u32_at(b, 62) as usize;
    if dir_len > n || fat_len > n || mini_fat_len > n || difat_reserve.saturating_mul(4) > 64 << 20 {
        return Err("the header's table sizes are larger than the file".into());
    }

    // The DIFAT: 109 entries in the header, then a chain of DIFAT sectors whose last entry
    // links to the next.
    let mut difat: Vec<u32> = (0..109).map(|i| u32_at(b, 76 + 4 * i)).collect();
    let mut id = difat_start;
    let mut steps = 0;
    while id < RESERVED {
        steps += 1;
        if steps > n {
            return Err("the DIFAT chain loops".into());
        }
        let s = sectors.get(id)?;
        difat.extend((0..size / 4).map(|i| u32_at(s, 4 * i)));
        id = difat.pop().unwrap_or(ENDOFCHAIN);
    }
    let mut fat: Vec<u32> = Vec::new();
    for &id in difat.iter().filter(|id| **id < DIFSECT) {
        if fat.len() > n {
            return Err("the FAT is larger than the file".into());
        }
        let s = sectors.get(id)?;
        fat.extend((0..size / 4).map(|i| u32_at(s, 4 * i)));
    }
    let fat_ok = links_ok(&fat, n)?;

    // Directory entries: 128 bytes each, along the directory chain.
    let dirs = chain(&fat, &fat_ok, dir_start, n)?.into_iter().map(|id| sectors.get(id)).collect::<Result<Vec<_>, _>>()?;
    let entries: Vec<&[u8]> = dirs.iter().flat_map(|s| s.chunks(128)).collect();
    let root = entries.first().ok_or("the file has no directory")?;
    let entry = |e: &[u8]| {
        let len = if size == 512 { u32_at(e, 120) as u64 } else { u32_at(e, 120) as u64 | (u32_at(e, 124) as u64) << 32 };
        (u32_at(e, 116), len)
    };
    let (root_start, root_len) = entry(root);
    if root_len > body.len() as u64 {
        return Err("the mini stream is longer than the file".into());
    }
    let mut mini_n = 0;
    let mut mini_fat: Vec<u32> = Vec::new();
    let mut mini_ok = Vec::new();
    if mini_fat_len > 0 {
        chain(&fat, &fat_ok, root_start, n)?;
        mini_n = (root_len as usize).div_ceil(MINI_SECTOR);
        for id in chain(&fat, &fat_ok, mini_fat_start, n)? {
            let s = sectors.get(id)?;
            mini_fat.extend((0..size / 4).map(|i| u32_at(s, 4 * i)));
        }
        mini_ok = links_ok(&mini_fat, mini_n)?;
    }
    // Every stream calamine may open: a short one through the mini FAT, a long one the FAT.
    // Every stream, whatever its length (calamine walks an empty one's chain too), and
    // whatever else bears a name calamine opens as a stream.
    let mut workbook = None;
    for e in entries.iter().skip(1) {
        let is_stream = e.get(66) == Some(&2);
        let name: Vec<u16> = e[..64].chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]])).take_while(|c| *c != 0).collect();
        let opened = ["Workbook", "Book"].iter().any(|n| n.encode_utf16().eq(name.iter().copied()));
        if !(is_stream || opened) {
            continue;
        }
        let (start, len) = entry(e);
        if len > body.len() as u64 {
            return Err("a stream is longer than the file".into());
        }
        let bytes: Vec<u8> = if len < 4096 {
            let ids = chain(&mini_fat, &mini_ok, start, mini_n)?;
            if !opened {
                continue;
            }
            let mini: Vec<u8> = chain(&fat, &fat_ok, root_start, n)?.into_iter().map(|id| sectors.get(id)).collect::<Result<Vec<_>, _>>()?.concat();
            ids.iter().flat_map(|id| mini.get(*id as usize * MINI_SECTOR..).unwrap_or(&[]).iter().take(MINI_SECTOR)).copied().collect()
        } else {
            let ids = chain(&fat, &fat_ok, start, n)?;
            if !opened {
                continue;
            }
            ids.into_iter().map(|id| sectors.get(id)).collect::<Result<Vec<_>, _>>()?.concat()
        };
        if opened && workbook.is_none() {
            workbook = Some(bytes.into_iter().take(len as usize).collect::<Vec<u8>>());
        }
    }
    if let Some(stream) = workbook {
        check_workbook(&stream)?;
    }
    Ok(())
}

/// Cells calamine reserves room for when a sheet declares its dimensions: more than this
/// is no budget book (65,536 rows of 60 columns is 3.9 million).
const MAX_DECLARED_CELLS: u64 = 4_000_000;

/// The workbook stream's BIFF records as calamine reads them: the globals from the start,
/// each sheet from the offset its BoundSheet record gives. A sheet's Dimensions record
/// makes calamine reserve rows × columns cells, computed without checks.
fn check_workbook(stream: &[u8]) -> Result<(), String> {
    let records = |from: usize| {
        let mut at = from;
        std::iter::from_fn(move || {
            let head = stream.get(at..at + 4)?;
            let (typ, len) = (u16::from_le_bytes([head[0], head[1]]), u16::from_le_bytes([head[2], head[3]]) as usize);
            let data = stream.get(at + 4..at + 4 + len)?;
            at += 4 + len;
            Some((typ, data))
        })
    };
    // Globals calamine trusts: the shared strings' count (it reserves a String each, and
    // unwraps a negative one) and an ExternSheet's length field.
    for (typ, d) in records(0) {
        match typ {
            0x00FC if d.len() < 8 || i32::from_le_bytes([d[4], d[5], d[6], d[7]]) < 0 || u32_at(d, 4) as usize > stream.len() / 3 => {
                return Err("the shared strings table declares more strings than the file holds".into())
            }
            // Records calamine indexes without a length check: FilePass, CodePage,
            // Date1904, BOF, ExternSheet (two bytes at least) and a defined Name (its
            // fixed part, its name and its formula within the record).
            0x002F | 0x0042 | 0x0022 | 0x0809 | 0x0017 if d.len() < 2 => return Err(format!("a record of type {typ:#06x} is cut short")),
            0x0018 if d.len() < 15 || d.len() < 15 + d[3] as usize || (u16_at(d, 4) as usize) > d.len() => {
                return Err("a defined name record is cut short".into())
            }
            _ => {}
        }
    }
    let sheets: Vec<usize> = records(0).filter(|(t, d)| *t == 0x0085 && d.len() >= 4).map(|(_, d)| u32_at(d, 0) as usize).collect();
    for pos in sheets {
        if pos > stream.len() {
            return Err("a sheet starts past the end of the workbook".into());
        }
        // calamine lays a sheet's cells out on a dense grid spanning the first to the last
        // cell any record names: the span must stay within the budget as well.
        // It also takes the first and the last cell's rows as the grid's first and last.
        let (mut rows, mut cols) = ((u64::MAX, 0u64), (u64::MAX, 0u64));
        let (mut first_row, mut last_row) = (None, 0u64);
        for (typ, d) in records(pos).take_while(|(t, _)| *t != 0x000A) {
            let (row, first, last) = match typ {
                0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 if d.len() >= 4 => (u16_at(d, 0), u16_at(d, 2), u16_at(d, 2)),
                0x00BD if d.len() >= 6 => (u16_at(d, 0), u16_at(d, 2), u16_at(d, d.len() - 2)),
                _ => continue,
            };
            rows = (rows.0.min(row as u64), rows.1.max(row as u64));
            first_row.get_or_insert(row as u64);
            last_row = row as u64;
            cols = (cols.0.min(first.min(last) as u64), cols.1.max(first.max(last) as u64));
        }
        if first_row.is_some_and(|f| f != rows.0 || last_row < f) {
            return Err("a sheet's cells are not in row order".into());
        }
        if rows.0 <= rows.1 && (rows.1 - rows.0 + 1).saturating_mul(cols.1 - cols.0 + 1) > MAX_DECLARED_CELLS {
            return Err(format!("a sheet's cells span {} rows of {} columns", rows.1 - rows.0 + 1, cols.1 - cols.0 + 1));
        }
        for (_, d) in records(pos).filter(|(t, _)| *t == 0x0200) {
            let (rf, rl, cf, cl) = match d.len() {
                10 => (u16_at(d, 0) as u64, u16_at(d, 2) as u64, u16_at(d, 4) as u64, u16_at(d, 6) as u64),
                14 => (u32_at(d, 0) as u64, u32_at(d, 4) as u64, u16_at(d, 8) as u64, u16_at(d, 10) as u64),
                _ => continue,
            };
            if rl >= 1 && cl >= 1 {
                if rf > rl - 1 || cf > cl - 1 {
                    return Err("a sheet's dimensions end before they start".into());
                }
                if (rl - rf).saturating_mul(cl - cf) > MAX_DECLARED_CELLS {
                    return Err(format!("a sheet declares {} rows of {} columns", rl - rf, cl - cf));
                }
            }
        }
    }
    Ok(())
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]])).unwrap_or(u16::MAX)
}

/// For each entry of an allocation table, whether a chain may pass through it: its link is
/// the end of a chain, or another such entry within `units` — and no loop. Computed once
/// for the whole table (each entry is settled once), so checking a chain costs its length.
fn links_ok(table: &[u32], units: usize) -> Result<Vec<bool>, String> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Unknown,
        OnPath,
        Good,
        Bad,
    }
    let mut state = vec![State::Unknown; table.len()];
    let mut path = Vec::new();
    for startpoint in 0..table.len() {
        let mut i = startpoint;
        // Follow links until an entry whose fate is known, then settle the path behind.
        let end = loop {
            match state[i] {
                State::Good => break State::Good,
                State::Bad | State::OnPath => break State::Bad,
                State::Unknown => {}
            }
            let next = table[i];
            if next == ENDOFCHAIN {
                state[i] = State::Good;
                break State::Good;
            }
            if next >= RESERVED || next as usize >= units || next as usize >= table.len() {
                state[i] = State::Bad;
                break State::Bad;
            }
            state[i] = State::OnPath;
            path.push(i);
            i = next as usize;
        };
        for j in path.drain(..) {
            state[j] = end;
        }
    }
    Ok(state.into_iter().map(|s| s == State::Good).collect())
}

/// The sectors of the chain from `start`, which must be a good entry of `table` (or the
/// end of chain: an empty stream).
fn chain(table: &[u32], ok: &[bool], start: u32, units: usize) -> Result<Vec<u32>, String> {
    let mut out = Vec::new();
    let mut id = start;
    while id != ENDOFCHAIN {
        let i = id as usize;
        if i >= units || !ok.get(i).copied().unwrap_or(false) {
            return Err(format!("a chain of sectors is broken at {id}"));
        }
        out.push(id);
        id = table[i];
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_with_loops_or_links_past_the_end_are_refused_where_they_are_used() {
        // 0 → 1 → end; 2 → 3 → 2 (a loop); 4 → 9 (past the table); 5 is free.
        let t = [1, ENDOFCHAIN, 3, 2, 9, 0xFFFF_FFFF];
        let ok = links_ok(&t, 6).unwrap();
        assert_eq!(ok, [true, true, false, false, false, false]);
        assert_eq!(chain(&t, &ok, 0, 6).unwrap(), [0, 1]);
        assert!(chain(&t, &ok, 2, 6).is_err());
        assert!(chain(&t, &ok, 4, 6).is_err());
        assert!(chain(&t, &ok, 5, 6).is_err(), "a free sector starts no chain");
        assert!(chain(&t, &ok, ENDOFCHAIN, 6).unwrap().is_empty());
    }

    #[test]
    fn a_header_that_asks_for_more_than_the_file_holds_is_refused() {
        let mut b = vec![0u8; 1024];
        b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        b[30] = 9;
        b[44..48].copy_from_slice(&1000u32.to_le_bytes());
        assert!(check(&b).unwrap_err().contains("larger than the file"));
        b[30] = 7;
        assert!(check(&b).unwrap_err().contains("sector shift"));
    }
}
