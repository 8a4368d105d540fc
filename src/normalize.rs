//! Arabic normalisation for matching, with a map back to the original text.
//!
//! Matching folds the spelling variation of real news: hamza forms of alef
//! (`أكد`/`اكد`, `إلى`/`الى`), and drops diacritics, tatweel (`لـ”`), bidi
//! and zero-width marks. Ta marbuta and alef maqsura stay in the text: they
//! tell `المتحدثة` (feminine) from `نظيره` (his counterpart) and the name
//! `علي` from the preposition `على`. The word lists fold them to ha and ya
//! and so match either spelling (see [`fold`]); the stop words do not. The folded text never leaves the crate: every offset found in it
//! is mapped back to the caller's text through [`Normalized::original`].

/// Text folded for matching, with the original byte offset of every byte.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the byte offset in the original text of the char that
    /// produced folded byte `i`; `map[text.len()]` is the original length.
    map: Vec<u32>,
}

/// What folding does with one char.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    match c {
        // Diacritics, Quranic marks, dagger alef and tatweel carry no
        // meaning for matching.
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' => None,
        // Bidi controls, zero-width chars, BOM, Arabic letter mark.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ی' => Some('ي'),
        'ک' => Some('ك'),
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => Some(' '),
        '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
        _ => Some(c),
    }
}

/// `أل` at the start of a word is not the article `ال`: `ألبرتو`,
/// `أليخاندرو`, `ألمانيا` keep their hamza so that they are not read as
/// definite nouns.
#[inline]
fn keeps_hamza(c: char, before: Option<char>, after: &str) -> bool {
    c == 'أ' && after.starts_with('ل') && before.is_none_or(|b| !crate::tokens::is_word_char(b))
}

/// Folds a word or phrase of a lexicon like text, then ta marbuta to ha
/// and alef maqsura to ya, so that `قائلة`/`قائله` and `نفى`/`نفي` are one
/// entry.
pub(crate) fn fold(s: &str) -> String {
    fold_exact(s).chars().map(loosen).collect()
}

/// Folds a word exactly like text: ta marbuta and alef maqsura are kept.
pub(crate) fn fold_exact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let after = &s[i + c.len_utf8()..];
        if keeps_hamza(c, out.chars().next_back(), after) {
            out.push(c);
        } else if let Some(f) = fold_char(c) {
            out.push(f);
        }
    }
    out
}

/// The looser folding of the word lists: ة → ه, ى → ي.
#[inline]
pub(crate) fn loosen(c: char) -> char {
    match c {
        'ة' => 'ه',
        'ى' => 'ي',
        c => c,
    }
}

impl Normalized {
    /// Folds `original`, remembering where every folded byte came from.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII needs no folding but for CR: copy it a byte at a time.
            let b = bytes[i];
            if b < 0x80 {
                text.push(if b == b'\r' { '\n' } else { b as char });
                map.push(i as u32);
                i += 1;
                continue;
            }
            let c = original[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            if keeps_hamza(c, text.chars().next_back(), &original[i + len..]) {
                text.push(c);
                for _ in 0..c.len_utf8() {
                    map.push(i as u32);
                }
                i += len;
                continue;
            }
            if let Some(f) = fold_char(c) {
                text.push(f);
                for _ in 0..f.len_utf8() {
                    map.push(i as u32);
                }
            }
            i += len;
        }
        map.push(original.len() as u32);
        Normalized { text, map }
    }

    /// The original byte offset of folded byte offset `i` (a char boundary
    /// of the folded text, or its length).
    #[inline]
    pub fn original(&self, i: usize) -> usize {
        self.map[i] as usize
    }

    /// The original byte range of the folded range `start..end`: from the
    /// first char to the end of the last one, its diacritics included, but
    /// not the bidi controls or spaces that follow it.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = self.original(start);
        let mut e = self.original(end);
        while e > s {
            let Some(c) = original[..e].chars().next_back() else {
                break;
            };
            let dropped_control = fold_char(c).is_none() && !is_diacritic(c);
            if dropped_control || c.is_whitespace() {
                e -= c.len_utf8();
            } else {
                break;
            }
        }
        (s, e)
    }
}

/// Marks that belong to the letter before them (harakat, tatweel).
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_alef_maqsura_ta_marbuta_and_drops_marks() {
        let n = Normalized::new("وأكّدَت المتحدثةُ إلى لـ\u{200F}”");
        assert_eq!(n.text, "واكدت المتحدثة الى ل”");
        assert_eq!(fold("المتحدثة"), "المتحدثه");
    }

    #[test]
    fn maps_every_folded_offset_back_to_the_original() {
        let original = "قالَ\u{200F} «نعم»";
        let n = Normalized::new(original);
        let q = n.text.find('«').unwrap();
        assert_eq!(&original[n.original(q)..], "«نعم»");
        assert_eq!(n.original(n.text.len()), original.len());
        // The word keeps its diacritic, not the bidi mark after it.
        let (s, e) = n.original_range(original, 0, "قال".len());
        assert_eq!(&original[s..e], "قالَ");
    }

    #[test]
    fn a_hamza_before_lam_at_a_word_start_is_not_the_article() {
        assert_eq!(
            Normalized::new("قال أليخاندرو وأكد الألماني").text,
            "قال أليخاندرو واكد الالماني"
        );
        assert_eq!(fold("ألمانيا"), "ألمانيا");
    }

    #[test]
    fn carriage_returns_and_nbsp_become_plain_breaks_and_spaces() {
        let n = Normalized::new("a\r\nb\u{00A0}c");
        assert_eq!(n.text, "a\n\nb c");
    }
}
