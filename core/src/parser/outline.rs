//! Recognises the numbering of a 施政計畫 outline: headings `一、…` and markers `(一)…`.

use crate::text::chinese_numeral;

/// `十三、職業安全衛` → `(13, "職業安全衛")`.
pub(crate) fn heading(line: &str) -> Option<(u32, &str)> {
    let (num, rest) = line.split_once('、')?;
    // 九萬九千九百九十九 (99,999) is nine characters; anything longer is prose.
    if num.chars().count() > 9 {
        return None;
    }
    Some((chinese_numeral(num)?, rest.trim()))
}

/// `(二)補助工會…` → `(2, "補助工會…")`.
pub(crate) fn marker(line: &str) -> Option<(u32, &str)> {
    let rest = line.strip_prefix('(')?;
    let (num, rest) = rest.split_once(')')?;
    if num.chars().count() > 4 {
        return None;
    }
    Some((chinese_numeral(num.trim())?, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headings_and_markers() {
        assert_eq!(heading("十三、職業安全衛"), Some((13, "職業安全衛")));
        assert_eq!(heading("職業安全衛生宣導、檢查"), None);
        assert_eq!(heading("一萬一千一百一十一、勞資宣導計畫"), Some((11_111, "勞資宣導計畫")));
        assert_eq!(marker("(二)補助工會"), Some((2, "補助工會")));
        assert_eq!(marker("(桃園)"), None);
        assert_eq!(marker("2處"), None);
    }
}
