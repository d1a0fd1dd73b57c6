//! Text helpers for PDF-extracted Chinese: numerals, joining wrapped lines, n-grams.

/// Reads a Chinese numeral up to 999 (`一`, `十五`, `二十三`, `一百零二`); the Bopomofo `ㄧ`
/// that PDF extraction puts where `一` is meant counts as `一`.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for ch in s.chars() {
        let d = match ch {
            '〇' | '零' => Some(0),
            '一' | 'ㄧ' | '壹' => Some(1),
            '二' | '貳' => Some(2),
            '三' | '參' => Some(3),
            '四' | '肆' => Some(4),
            '五' | '伍' => Some(5),
            '六' | '陸' => Some(6),
            '七' | '柒' => Some(7),
            '八' | '捌' => Some(8),
            '九' | '玖' => Some(9),
            _ => None,
        };
        match (d, ch) {
            // 零 only holds a place (一百零二).
            (Some(0), _) if digit.is_none() => {}
            (Some(d), _) => {
                if digit.is_some() {
                    return None; // two digits in a row is not a numeral we read
                }
                digit = Some(d);
            }
            (None, '十' | '拾') => {
                total += digit.take().unwrap_or(1) * 10;
            }
            (None, '百' | '佰') => {
                total += digit.take()? * 100;
            }
            (None, '萬') => {
                total = (total + digit.take().unwrap_or(0)).checked_mul(10_000)?;
            }
            (None, '千' | '仟') => {
                total += digit.take()? * 1000;
            }
            _ => return None,
        }
    }
    Some(total + digit.unwrap_or(0)).filter(|n| *n > 0)
}

/// The Chinese numeral for 1..=9999 (for labels such as 貳一(一) and synthetic plans).
pub fn to_chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if (10_000..100_000_000).contains(&n) {
        let rest = n % 10_000;
        let sep = if rest > 0 && rest < 1000 { "零" } else { "" };
        let tail = if rest > 0 { to_chinese_numeral(rest) } else { String::new() };
        return format!("{}萬{sep}{tail}", to_chinese_numeral(n / 10_000));
    }
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ["千", "百", "十", ""];
    let mut out = String::new();
    let mut zero_pending = false;
    for (i, d) in digits.iter().enumerate() {
        if *d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        // 十五, not 一十五, when ten is the leading unit.
        if !(i == 2 && *d == 1 && out.is_empty()) {
            out.push_str(D[*d as usize]);
        }
        out.push_str(units[i]);
    }
    out
}

/// True for characters that join words without spaces (CJK, full-width punctuation, Bopomofo).
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// Removes whitespace next to wide characters and collapses the rest, so `設置 2處` → `設置2處`
/// while `Job Center` keeps its space.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            let prev = out.chars().next_back().unwrap_or(' ');
            if !is_wide(prev) && !is_wide(c) {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Appends a wrapped fragment to `acc`: no separator between Chinese text, one space between
/// two ASCII words (a PDF line break inside English is a space).
pub fn push_fragment(acc: &mut String, fragment: &str) {
    let fragment = collapse_spaces(fragment);
    if fragment.is_empty() {
        return;
    }
    if let (Some(a), Some(b)) = (acc.chars().next_back(), fragment.chars().next()) {
        if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
            acc.push(' ');
        }
    }
    acc.push_str(&fragment);
}

/// Character bigrams of the wide (Chinese) characters in `s`, skipping pairs that cross
/// punctuation. Used for linking programmes to strategies.
pub fn bigrams(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let keep = is_wide(c) && !is_punct(c);
        if keep {
            if let Some(p) = prev {
                out.push(format!("{p}{c}"));
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    crate::order::sort(&mut out);
    out.dedup();
    out
}

/// Chinese (full-width) punctuation that ends or splits a phrase.
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '（'
            | '）'
            | '「'
            | '」'
            | '『'
            | '』'
            | '－'
            | '˙'
            | '·'
            | '—'
            | '…'
            | '《'
            | '》'
            | '〈'
            | '〉'
    )
}

/// True when a line reads like prose (a sentence), not like a name or a fragment of one.
pub fn has_sentence_punct(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '，' | '。' | '；' | '：' | ',' | ';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(chinese_numeral("一"), Some(1));
        assert_eq!(chinese_numeral("ㄧ"), Some(1));
        assert_eq!(chinese_numeral("十"), Some(10));
        assert_eq!(chinese_numeral("十五"), Some(15));
        assert_eq!(chinese_numeral("二十三"), Some(23));
        assert_eq!(chinese_numeral("一百零二"), Some(102));
        assert_eq!(chinese_numeral("一二"), None);
        assert_eq!(chinese_numeral("協"), None);
        assert_eq!(chinese_numeral(""), None);
        assert_eq!(to_chinese_numeral(1002), "一千零二");
        assert_eq!(to_chinese_numeral(110), "一百一十");
        assert_eq!(to_chinese_numeral(12_005), "一萬二千零五");
        for n in (1..10_000).chain(10_000..200_000) {
            assert_eq!(chinese_numeral(&to_chinese_numeral(n)), Some(n));
        }
    }

    #[test]
    fn joins_wrapped_lines() {
        let mut s = String::new();
        push_fragment(&mut s, "(桃 園、中壢)以及 12處");
        push_fragment(&mut s, "就業服務臺 ");
        assert_eq!(s, "(桃園、中壢)以及12處就業服務臺");
        let mut e = String::from("Job");
        push_fragment(&mut e, "Center  of  Taoyuan");
        assert_eq!(e, "Job Center of Taoyuan");
    }

    #[test]
    fn bigrams_skip_punctuation() {
        assert_eq!(bigrams("勞資，爭議"), vec!["勞資", "爭議"]);
    }
}
