//! The symbol fonts Word and typesetters put in government PDFs, read as the symbols they
//! draw: Adobe's Symbol (`SymbolMT`: the `…` leaders of a table of contents, `•`, `×`,
//! `≦`), ITC Zapf Dingbats (a standard PDF font: `✔`, `●`, `➢`) and Microsoft's Wingdings
//! family (the `■`, `◆`, `➢`, `✓` list markers of Word). With no ToUnicode map, their codes
//! read as no character — or, worse, as the letters and digits of the standard encoding
//! (Zapf Dingbats' `✔` is code `4`), which a table would read as an amount. Word's embedded
//! copies map their glyphs to `U+F0xx`, `xx` being the code, which is no character either.
//! Each is read here by its own encoding; a dingbat this table does not name is a bullet,
//! never a letter or a digit.

/// Code → character, for the codes that have one (the bracket and arrow pieces of the
/// Symbol font's private area are left out: they are drawing parts, not text).
const SYMBOL: &[(u8, char)] = &[
    (0x20, ' '), (0x21, '!'), (0x22, '∀'), (0x23, '#'), (0x24, '∃'), (0x25, '%'), (0x26, '&'), (0x27, '∋'),
    (0x28, '('), (0x29, ')'), (0x2A, '∗'), (0x2B, '+'), (0x2C, ','), (0x2D, '−'), (0x2E, '.'), (0x2F, '/'),
    (0x30, '0'), (0x31, '1'), (0x32, '2'), (0x33, '3'), (0x34, '4'), (0x35, '5'), (0x36, '6'), (0x37, '7'),
    (0x38, '8'), (0x39, '9'), (0x3A, ':'), (0x3B, ';'), (0x3C, '<'), (0x3D, '='), (0x3E, '>'), (0x3F, '?'),
    (0x40, '≅'), (0x41, 'Α'), (0x42, 'Β'), (0x43, 'Χ'), (0x44, 'Δ'), (0x45, 'Ε'), (0x46, 'Φ'), (0x47, 'Γ'),
    (0x48, 'Η'), (0x49, 'Ι'), (0x4A, 'ϑ'), (0x4B, 'Κ'), (0x4C, 'Λ'), (0x4D, 'Μ'), (0x4E, 'Ν'), (0x4F, 'Ο'),
    (0x50, 'Π'), (0x51, 'Θ'), (0x52, 'Ρ'), (0x53, 'Σ'), (0x54, 'Τ'), (0x55, 'Υ'), (0x56, 'ς'), (0x57, 'Ω'),
    (0x58, 'Ξ'), (0x59, 'Ψ'), (0x5A, 'Ζ'), (0x5B, '['), (0x5C, '∴'), (0x5D, ']'), (0x5E, '⊥'), (0x5F, '_'),
    (0x61, 'α'), (0x62, 'β'), (0x63, 'χ'), (0x64, 'δ'), (0x65, 'ε'), (0x66, 'φ'), (0x67, 'γ'), (0x68, 'η'),
    (0x69, 'ι'), (0x6A, 'ϕ'), (0x6B, 'κ'), (0x6C, 'λ'), (0x6D, 'μ'), (0x6E, 'ν'), (0x6F, 'ο'), (0x70, 'π'),
    (0x71, 'θ'), (0x72, 'ρ'), (0x73, 'σ'), (0x74, 'τ'), (0x75, 'υ'), (0x76, 'ϖ'), (0x77, 'ω'), (0x78, 'ξ'),
    (0x79, 'ψ'), (0x7A, 'ζ'), (0x7B, '{'), (0x7C, '|'), (0x7D, '}'), (0x7E, '∼'),
    (0xA0, '€'), (0xA1, 'ϒ'), (0xA2, '′'), (0xA3, '≤'), (0xA4, '⁄'), (0xA5, '∞'), (0xA6, 'ƒ'), (0xA7, '♣'),
    (0xA8, '♦'), (0xA9, '♥'), (0xAA, '♠'), (0xAB, '↔'), (0xAC, '←'), (0xAD, '↑'), (0xAE, '→'), (0xAF, '↓'),
    (0xB0, '°'), (0xB1, '±'), (0xB2, '″'), (0xB3, '≥'), (0xB4, '×'), (0xB5, '∝'), (0xB6, '∂'), (0xB7, '•'),
    (0xB8, '÷'), (0xB9, '≠'), (0xBA, '≡'), (0xBB, '≈'), (0xBC, '…'), (0xBF, '↵'),
    (0xC0, 'ℵ'), (0xC1, 'ℑ'), (0xC2, 'ℜ'), (0xC3, '℘'), (0xC4, '⊗'), (0xC5, '⊕'), (0xC6, '∅'), (0xC7, '∩'),
    (0xC8, '∪'), (0xC9, '⊃'), (0xCA, '⊇'), (0xCB, '⊄'), (0xCC, '⊂'), (0xCD, '⊆'), (0xCE, '∈'), (0xCF, '∉'),
    (0xD0, '∠'), (0xD1, '∇'), (0xD2, '®'), (0xD3, '©'), (0xD4, '™'), (0xD5, '∏'), (0xD6, '√'), (0xD7, '⋅'),
    (0xD8, '¬'), (0xD9, '∧'), (0xDA, '∨'), (0xDB, '⇔'), (0xDC, '⇐'), (0xDD, '⇑'), (0xDE, '⇒'), (0xDF, '⇓'),
    (0xE0, '◊'), (0xE1, '〈'), (0xE2, '®'), (0xE3, '©'), (0xE4, '™'), (0xE5, '∑'), (0xF1, '〉'), (0xF2, '∫'),
    (0xF3, '⌠'), (0xF5, '⌡'),
];

/// Wingdings codes and their characters (Microsoft's mapping, the one Word's own export
/// uses for these): the list markers, boxes, ticks, arrows and circled numbers a budget book
/// draws with it. Codes not here (pictures: folders, hands, zodiac signs) read as `•`.
const WINGDINGS: &[(u8, char)] = &[
    (0x20, ' '), (0x22, '✂'), (0x23, '✁'), (0x28, '☎'), (0x2A, '✉'), (0x3F, '✍'), (0x41, '✌'),
    (0x45, '☜'), (0x46, '☞'), (0x47, '☝'), (0x48, '☟'), (0x4A, '☺'), (0x4C, '☹'), (0x51, '✈'),
    (0x52, '☼'), (0x54, '❄'), (0x56, '✞'), (0x58, '✠'), (0x59, '✡'), (0x6C, '●'), (0x6D, '❍'),
    (0x6E, '■'), (0x6F, '□'), (0x70, '◻'), (0x71, '❑'), (0x72, '❒'), (0x75, '◆'), (0x76, '❖'),
    (0x7B, '❀'), (0x7C, '✿'), (0x7D, '❝'), (0x7E, '❞'), (0x80, '⓪'), (0x81, '①'), (0x82, '②'),
    (0x83, '③'), (0x84, '④'), (0x85, '⑤'), (0x86, '⑥'), (0x87, '⑦'), (0x88, '⑧'), (0x89, '⑨'),
    (0x8A, '⑩'), (0x8B, '⓿'), (0x8C, '❶'), (0x8D, '❷'), (0x8E, '❸'), (0x8F, '❹'), (0x90, '❺'),
    (0x91, '❻'), (0x92, '❼'), (0x93, '❽'), (0x94, '❾'), (0x95, '❿'), (0x9E, '·'), (0x9F, '•'),
    (0xA0, '▪'), (0xA1, '○'), (0xA4, '◉'), (0xA5, '◎'), (0xA7, '▪'), (0xA8, '◻'), (0xAA, '✦'),
    (0xAB, '★'), (0xAC, '✶'), (0xAD, '✴'), (0xAE, '✹'), (0xAF, '✵'), (0xB5, '✪'), (0xB6, '✰'),
    (0xD8, '➢'), (0xE8, '➔'), (0xEF, '⇦'), (0xF0, '⇨'), (0xF1, '⇧'), (0xF2, '⇩'), (0xF3, '⬄'),
    (0xFB, '✗'), (0xFC, '✓'), (0xFD, '☒'), (0xFE, '☑'),
];

/// A symbol font, by the encoding its codes are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolFont {
    Symbol,
    ZapfDingbats,
    /// Wingdings (whose table is [`WINGDINGS`]) and the other picture fonts of its family.
    Wingdings { known: bool },
}

impl SymbolFont {
    /// The symbol font a simple font is, by its base name (`Symbol`, `ABCDEF+SymbolMT`,
    /// `Symbol,Bold`, `ZapfDingbats`, `Wingdings-Regular`, `Wingdings2`, `Webdings`).
    pub fn of(base_font: &str) -> Option<SymbolFont> {
        let name = base_font.split_once('+').map_or(base_font, |(_, n)| n);
        let name = name.split([',', '-']).next().unwrap_or(name);
        match name {
            "Symbol" | "SymbolMT" => Some(SymbolFont::Symbol),
            "ZapfDingbats" | "ZapfDingbatsITC" | "ITCZapfDingbats" | "Dingbats" => Some(SymbolFont::ZapfDingbats),
            "Wingdings" => Some(SymbolFont::Wingdings { known: true }),
            "Wingdings2" | "Wingdings3" | "Webdings" => Some(SymbolFont::Wingdings { known: false }),
            _ => None,
        }
    }

    /// The character of `code`, `None` for a code that draws nothing readable (the
    /// bracket pieces of the Symbol font, Zapf Dingbats' empty codes).
    pub fn char(self, code: u8) -> Option<char> {
        let find = |table: &[(u8, char)]| table.binary_search_by_key(&code, |(k, _)| *k).ok().map(|i| table[i].1);
        match self {
            SymbolFont::Symbol => find(SYMBOL),
            SymbolFont::ZapfDingbats => zapf_dingbats(code),
            SymbolFont::Wingdings { known: true } => find(WINGDINGS).or((code > 0x20).then_some('•')),
            SymbolFont::Wingdings { known: false } => Some(if code == 0x20 { ' ' } else { '•' }).filter(|_| code >= 0x20),
        }
    }

    /// Text as Word maps an embedded copy's glyphs: at `U+F0xx`, `xx` being the code.
    /// `None` when any is not one.
    pub fn read_private(self, text: &str) -> Option<String> {
        text.chars().map(|c| self.char(u8::try_from((c as u32).checked_sub(0xF000)?).ok()?)).collect()
    }

    /// A ToUnicode map of the font's encoding, for a copy with none. (Word's symbolic
    /// TrueType fonts put the same characters at `F0xx` in their own cmap, but the PDF's
    /// one-byte codes are the `xx`.)
    pub fn to_unicode(self) -> Vec<u8> {
        let entries: Vec<(u8, char)> = (0..=255u8).filter_map(|code| Some((code, self.char(code)?))).collect();
        let mut out = String::from(
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Adobe-Symbol-UCS2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n",
        );
        // At most 100 entries a block, as CMaps have them.
        for block in entries.chunks(100) {
            out.push_str(&format!("{} beginbfchar\n", block.len()));
            for (code, c) in block {
                let mut units = [0u16; 2];
                let hex: String = c.encode_utf16(&mut units).iter().map(|u| format!("{u:04X}")).collect();
                out.push_str(&format!("<{code:02X}> <{hex}>\n"));
            }
            out.push_str("endbfchar\n");
        }
        out.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
        out.into_bytes()
    }
}

/// Zapf Dingbats' built-in encoding: the Unicode Dingbats block was laid out from it, code
/// `0x20 + n` at `U+2700 + n`, but for the ten characters Unicode already had elsewhere,
/// and its upper half in runs.
fn zapf_dingbats(code: u8) -> Option<char> {
    let at = |base: u32, from: u8| char::from_u32(base + u32::from(code - from));
    match code {
        0x20 => Some(' '),
        0x25 => Some('☎'),
        0x2A => Some('☛'),
        0x2B => Some('☞'),
        0x48 => Some('★'),
        0x6C => Some('●'),
        0x6E => Some('■'),
        0x73 => Some('▲'),
        0x74 => Some('▼'),
        0x75 => Some('◆'),
        0x77 => Some('◗'),
        0x21..=0x7E => at(0x2700, 0x20),
        0x80..=0x8D => at(0x2768, 0x80),
        0xA1..=0xA7 => at(0x2761, 0xA1),
        0xA8 => Some('♣'),
        0xA9 => Some('♦'),
        0xAA => Some('♥'),
        0xAB => Some('♠'),
        0xAC..=0xB5 => at(0x2460, 0xAC),
        0xB6..=0xD4 => at(0x2776, 0xB6),
        0xD5 => Some('→'),
        0xD6 => Some('↔'),
        0xD7 => Some('↕'),
        0xD8..=0xEF => at(0x2798, 0xD8),
        0xF1..=0xFE => at(0x27B1, 0xF1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_fonts_by_name() {
        assert!(["Symbol", "SymbolMT", "ZZBJDG+SymbolMT", "Symbol,Bold"].iter().all(|n| SymbolFont::of(n) == Some(SymbolFont::Symbol)));
        assert_eq!(SymbolFont::of("ZapfDingbats"), Some(SymbolFont::ZapfDingbats));
        assert_eq!(SymbolFont::of("ABCDEF+Wingdings-Regular"), Some(SymbolFont::Wingdings { known: true }));
        assert_eq!(SymbolFont::of("Wingdings2"), Some(SymbolFont::Wingdings { known: false }));
        assert!(!["SymbolNeu", "PMingLiU", "MySymbolMT", "Arial"].iter().any(|n| SymbolFont::of(n).is_some()));
    }

    #[test]
    fn words_private_use_codes_are_the_fonts_codes() {
        let symbol = SymbolFont::Symbol;
        assert_eq!(symbol.read_private("\u{F020}").as_deref(), Some(" "));
        assert_eq!(symbol.read_private("\u{F0BC}\u{F0B7}\u{F0A3}").as_deref(), Some("…•≤"));
        assert_eq!(symbol.read_private("\u{F0E6}"), None, "a bracket piece is no character");
        assert_eq!(symbol.read_private("a"), None);
        let wingdings = SymbolFont::Wingdings { known: true };
        assert_eq!(wingdings.read_private("\u{F06E}\u{F075}\u{F0D8}\u{F0FC}").as_deref(), Some("■◆➢✓"));
        assert_eq!(wingdings.read_private("\u{F031}").as_deref(), Some("•"), "a picture (a folder) is a bullet");
    }

    #[test]
    fn no_dingbat_is_a_letter_or_a_digit() {
        for font in [SymbolFont::ZapfDingbats, SymbolFont::Wingdings { known: true }, SymbolFont::Wingdings { known: false }] {
            for code in 0..=255u8 {
                if let Some(c) = font.char(code) {
                    assert!(!c.is_alphanumeric() || "①②③④⑤⑥⑦⑧⑨⑩⓪⓿".contains(c) || ('\u{2776}'..='\u{2793}').contains(&c), "{font:?} {code:02X} reads as {c}");
                }
            }
        }
    }

    #[test]
    fn zapf_dingbats_as_pdftotext_reads_them() {
        // Codes `3 4 l n u v` are the ticks and bullets a form or a list draws.
        let read: String = b"34lnuv".iter().map(|&c| SymbolFont::ZapfDingbats.char(c).unwrap()).collect();
        assert_eq!(read, "✓✔●■◆❖");
        assert_eq!(SymbolFont::ZapfDingbats.char(0x21), Some('✁'));
        assert_eq!(SymbolFont::ZapfDingbats.char(0xAC), Some('①'));
        assert_eq!(SymbolFont::ZapfDingbats.char(0xD4), Some('➔'));
        assert_eq!(SymbolFont::ZapfDingbats.char(0xFE), Some('➾'));
        assert_eq!(SymbolFont::ZapfDingbats.char(0xF0), None);
    }

    #[test]
    fn the_maps_have_each_code_once_and_the_leaders_of_a_contents_page() {
        for table in [SYMBOL, WINGDINGS] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "in order, each code once: looked up by binary search");
        }
        let map = String::from_utf8(SymbolFont::Symbol.to_unicode()).unwrap();
        assert!(map.contains("<BC> <2026>") && map.contains("<B7> <2022>") && map.contains("<2D> <2212>"));
        assert_eq!(map.matches("beginbfchar").count(), SYMBOL.len().div_ceil(100));
        let map = String::from_utf8(SymbolFont::ZapfDingbats.to_unicode()).unwrap();
        assert!(map.contains("<34> <2714>") && !map.contains("<F0>"));
    }
}
