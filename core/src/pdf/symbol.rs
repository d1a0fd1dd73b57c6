//! Adobe's Symbol encoding, for the Symbol fonts Word puts in government PDFs (`SymbolMT`:
//! the `…` leaders of a table of contents, `•`, `×`, `≦`) with no ToUnicode map: without
//! it their codes read as no character, and a page with a few of them is not read.

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

/// Whether a simple font is Adobe's Symbol or a copy of it (`Symbol`, `SymbolMT`,
/// `ABCDEF+SymbolMT`, `Symbol,Bold`).
pub fn is_symbol(base_font: &str) -> bool {
    let name = base_font.split_once('+').map_or(base_font, |(_, n)| n);
    let name = name.split([',', '-']).next().unwrap_or(name);
    name == "Symbol" || name == "SymbolMT"
}

/// A Symbol font's text as Word maps it: its characters at `U+F0xx` (the private-use
/// codes of its symbolic cmap), `xx` being the Symbol code. `None` when any is not one.
pub fn from_private(text: &str) -> Option<String> {
    text.chars()
        .map(|c| {
            let code = u8::try_from((c as u32).checked_sub(0xF000)?).ok()?;
            SYMBOL.binary_search_by_key(&code, |(k, _)| *k).ok().map(|i| SYMBOL[i].1)
        })
        .collect()
}

/// A ToUnicode map of the Symbol encoding. Word's symbolic TrueType fonts put the same
/// characters at `F0xx` in their own cmap, but the PDF's one-byte codes are the `xx`.
pub fn to_unicode() -> Vec<u8> {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Adobe-Symbol-UCS2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n",
    );
    // At most 100 entries a block, as CMaps have them.
    for block in SYMBOL.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", block.len()));
        for (code, c) in block {
            out.push_str(&format!("<{code:02X}> <{:04X}>\n", *c as u32));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_fonts_by_name() {
        assert!(["Symbol", "SymbolMT", "ZZBJDG+SymbolMT", "Symbol,Bold"].iter().all(|n| is_symbol(n)));
        assert!(!["SymbolNeu", "Wingdings", "PMingLiU", "MySymbolMT"].iter().any(|n| is_symbol(n)));
    }

    #[test]
    fn words_private_use_codes_are_the_symbol_codes() {
        assert_eq!(from_private("\u{F020}").as_deref(), Some(" "));
        assert_eq!(from_private("\u{F0BC}\u{F0B7}\u{F0A3}").as_deref(), Some("…•≤"));
        assert_eq!(from_private("\u{F0E6}"), None, "a bracket piece is no character");
        assert_eq!(from_private("a"), None);
    }

    #[test]
    fn the_map_has_each_code_once_and_the_leaders_of_a_contents_page() {
        let mut codes: Vec<u8> = SYMBOL.iter().map(|(c, _)| *c).collect();
        codes.dedup();
        assert_eq!(codes.len(), SYMBOL.len(), "no code twice");
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "in order: looked up by binary search");
        let map = String::from_utf8(to_unicode()).unwrap();
        assert!(map.contains("<BC> <2026>") && map.contains("<B7> <2022>") && map.contains("<2D> <2212>"));
        assert_eq!(map.matches("beginbfchar").count(), SYMBOL.len().div_ceil(100));
    }
}
