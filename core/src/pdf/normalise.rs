//! What fonts' ToUnicode maps emit, read as the characters meant: Kangxi radicals and CJK
//! compatibility ideographs as unified ideographs (⼀ U+2F00 → 一), the Bopomofo ㄧ as 一
//! beside Chinese, full-width digits, digit commas and brackets as ASCII, ligatures spelt
//! out, and no spaces between Chinese glyphs (justified lines leave gaps there).

use super::unified::TO_UNIFIED;

/// One glyph's text, context-free (the table and the simple folds).
pub fn glyph(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '０'..='９' => out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '（' => out.push('('),
            '）' => out.push(')'),
            '\u{3000}' | '\u{a0}' => out.push(' '),
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c if c.is_control() => {}
            c => out.push(unified(c)),
        }
    }
    out
}

fn unified(c: char) -> char {
    let cp = c as u32;
    if !(0x2E80..=0x2FDF).contains(&cp) && !(0xF900..=0xFAFF).contains(&cp) && !(0x2F800..=0x2FA1F).contains(&cp) {
        return c;
    }
    match TO_UNIFIED.binary_search_by_key(&cp, |p| p.0) {
        Ok(i) => char::from_u32(TO_UNIFIED[i].1).unwrap_or(c),
        Err(_) => c,
    }
}

/// Chinese for spacing: ideographs and CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF5B..=0xFF65 | 0x20000..=0x2FA1F)
        || c == 'ㄧ'
}

/// A whole line, after [`glyph`]: `ㄧ` beside Chinese (or numbering brackets) is 一; a
/// comma or full stop between digits is ASCII; spaces between Chinese glyphs go.
pub fn line(text: &str) -> String {
    let cs: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // The nearest character each way, past spaces (and past a run of ㄧ, so a whole run is
    // read one way).
    let near = |i: usize, step: isize, skip_bopomofo: bool| -> Option<char> {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < cs.len() {
            let c = cs[j as usize];
            if !(c.is_whitespace() || skip_bopomofo && c == 'ㄧ') {
                return Some(c);
            }
            j += step;
        }
        None
    };
    for (i, &c) in cs.iter().enumerate() {
        let run = c == 'ㄧ';
        let (before, after) = (near(i, -1, run), near(i, 1, run));
        let digit = |o: Option<char>| o.is_some_and(|c| c.is_ascii_digit());
        let chinese = |o: Option<char>| o.is_some_and(|c| is_cjk(c) || "()、".contains(c));
        match c {
            'ㄧ' if chinese(before) || chinese(after) => out.push('一'),
            '，' if digit(before) && digit(after) && cs.get(i.wrapping_sub(1)).is_some_and(char::is_ascii_digit) => out.push(','),
            c if c.is_whitespace() => {
                let prev = out.chars().last();
                let joins_chinese = prev.is_some_and(is_cjk) && after.is_some_and(is_cjk);
                if !joins_chinese && prev.is_some_and(|p| !p.is_whitespace()) {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn both(s: &str) -> String {
        line(&glyph(s))
    }

    #[test]
    fn what_fonts_emit() {
        assert_eq!(both("⼀、勞資關係"), "一、勞資關係");
        assert_eq!(both("\u{F90A}\u{2F08}"), "金人");
        assert_eq!(both("(ㄧ)辦理"), "(一)辦理");
        assert_eq!(both("ㄅㄆㄇ ㄧ"), "ㄅㄆㄇ ㄧ");
        assert_eq!(both("１２，８００ 千元"), "12,800 千元");
        assert_eq!(both("增聘社工人力，降低"), "增聘社工人力，降低");
        assert_eq!(both("就 業 服 務"), "就業服務");
        assert_eq!(both("ISO  14064-1 ﬁle"), "ISO 14064-1 file");
        assert_eq!(both("（千元）"), "(千元)");
    }

    proptest! {
        #[test]
        fn normalising_twice_changes_nothing(s in "[ ㄧ一⼀（）０-９，,a-z\u{F900}-\u{F910}\u{2F00}-\u{2F10}勞工 ]{0,30}") {
            let once = both(&s);
            prop_assert_eq!(both(&once), once);
        }
    }
}
