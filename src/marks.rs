//! Quotation marks: finding them and pairing them into quoted spans.
//!
//! Arabic news types its marks every which way: `“…”` typed backwards or
//! both the same way (`لـ”خدمة البلدين…”`), straight quotes around a quoted
//! name next to a quotation, an opening mark whose partner was lost. The
//! direction of a symmetric or curly mark is judged from what flanks it,
//! not from its code point; pairing runs paragraph by paragraph with a
//! stack, so nested quotations belong to the outer one.

use crate::tokens::is_word_char;

/// Families of marks that pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `« »`
    Guillemet,
    /// `‹ ›`
    SingleGuillemet,
    /// `“ ” „`, used in either direction.
    Curly,
    /// `‘ ’`, used in either direction.
    SingleCurly,
    /// `"`
    Straight,
}

/// Which way a mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    /// Flanked alike on both sides (`" إن … "`): decided by pairing state.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    facing: Facing,
    /// What the neighbours say, whatever the code point says: `»` typed as
    /// an opening mark (`القدس» منعت`) flanks as one.
    flanks: Facing,
}

/// One quoted span, in byte offsets of the text the marks were found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuotedSpan {
    /// Offset of the opening mark; `None` when it was lost and the span runs
    /// from the paragraph's start.
    pub open: Option<usize>,
    /// Offset of the closing mark; `None` when it was lost and the span runs
    /// to the paragraph's end.
    pub close: Option<usize>,
    /// The content, marks excluded.
    pub start: usize,
    /// End of the content.
    pub end: usize,
}

/// Is `c` a quotation mark this crate knows?
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    family(c).is_some()
}

fn family(c: char) -> Option<(Family, Option<Facing>)> {
    Some(match c {
        '«' => (Family::Guillemet, Some(Facing::Open)),
        '»' => (Family::Guillemet, Some(Facing::Close)),
        '‹' => (Family::SingleGuillemet, Some(Facing::Open)),
        '›' => (Family::SingleGuillemet, Some(Facing::Close)),
        '„' => (Family::Curly, Some(Facing::Open)),
        // A double prime closes curly quotes in some outlets (`“هآرتس″`).
        '″' => (Family::Curly, Some(Facing::Close)),
        '“' | '”' => (Family::Curly, None),
        '‘' | '’' => (Family::SingleCurly, None),
        '"' => (Family::Straight, None),
        _ => return None,
    })
}

fn symmetric(f: Family) -> bool {
    matches!(f, Family::Curly | Family::SingleCurly | Family::Straight)
}

/// Before an opening mark: a space, the paragraph's start, an opening
/// bracket, a colon or dash, or another opening mark.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | ':' | '-' | '–' | '—' | '/' | '«' | '„' | '‹'
                )
        }
    }
}

/// After a closing mark: a space, the paragraph's end or punctuation.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_whitespace() || !(is_word_char(c) || matches!(c, '«' | '„' | '‹')),
    }
}

/// Judges a curly or straight mark's facing from its neighbours.
fn facing_from_flanks(text: &str, pos: usize, len: usize) -> Facing {
    // After a colon a mark opens, whatever its spacing (`واضاف :» …`).
    if text[..pos].trim_end_matches([' ', '\u{a0}']).ends_with(':') {
        return Facing::Open;
    }
    let mut before = text[..pos].chars().rev();
    let prev = before.next();
    let next = text[pos + len..].chars().next();
    match (opens_after(prev), closes_before(next)) {
        (true, false) => Facing::Open,
        (false, true) => Facing::Close,
        (true, true) => Facing::Either,
        (false, false) => {
            // Glued on both sides: after a one-letter clitic it opens
            // (`لـ”خدمة`, `بـ"الإرهابيين"`, `و"أماديوس"`).
            let clitic = matches!(prev, Some('ل' | 'ب' | 'و' | 'ف' | 'ك'));
            let alone = before.next().is_none_or(|c| !is_word_char(c));
            if clitic && alone {
                Facing::Open
            } else {
                Facing::Either
            }
        }
    }
}

/// Finds the quoted spans of `text`, sorted, top-level only.
pub(crate) fn quoted_spans(text: &str) -> Vec<QuotedSpan> {
    let mut spans = Vec::new();
    let mut marks = Vec::new();
    let mut para_start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            pair_paragraph(text, para_start, i, &mut marks, &mut spans);
            marks.clear();
            para_start = i + 1;
        } else if let Some((family, facing)) = family(c) {
            let len = c.len_utf8();
            let flanks = facing_from_flanks(text, i, len);
            let facing = facing.unwrap_or(flanks);
            // A single curly mark glued between letters is an apostrophe.
            if family == Family::SingleCurly && facing == Facing::Either {
                let prev = text[..i].chars().next_back();
                let next = text[i + len..].chars().next();
                if prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) {
                    continue;
                }
            }
            marks.push(Mark {
                pos: i,
                len,
                family,
                facing,
                flanks,
            });
        }
    }
    pair_paragraph(text, para_start, text.len(), &mut marks, &mut spans);
    spans
}

/// Pairs the marks of one paragraph `start..end`.
fn pair_paragraph(
    text: &str,
    start: usize,
    end: usize,
    marks: &mut [Mark],
    out: &mut Vec<QuotedSpan>,
) {
    if marks.is_empty() {
        return;
    }
    let first = out.len();
    let unclosed = pair_with_stack(text, start, end, marks, out);
    // Flanks misled us when a symmetric family left an opening mark
    // unclosed although its marks could all pair up: fall back to pairing
    // that family strictly in turn.
    let mut retry = false;
    for family in unclosed {
        let count = marks.iter().filter(|m| m.family == family).count();
        if symmetric(family) && count % 2 == 0 {
            for m in marks.iter_mut().filter(|m| m.family == family) {
                m.facing = Facing::Either;
            }
            retry = true;
        }
    }
    if retry {
        out.truncate(first);
        pair_with_stack(text, start, end, marks, out);
    }
}

/// Stack pairing; returns the families of marks left open.
fn pair_with_stack(
    text: &str,
    start: usize,
    end: usize,
    marks: &[Mark],
    out: &mut Vec<QuotedSpan>,
) -> Vec<Family> {
    // Open marks, and how many of each family are open: each mark is
    // pushed and popped at most once, so pairing stays linear however deep
    // the nesting or however many marks are left open.
    let mut stack: Vec<Mark> = Vec::new();
    let mut open_count = [0usize; 5];
    for (k, m) in marks.iter().enumerate() {
        let has_open = open_count[m.family as usize] > 0;
        // Guillemets typed backwards (`»…«`) are judged by their flanks
        // when their code point cannot be right.
        let closes = match m.facing {
            Facing::Open => has_open && m.flanks == Facing::Close,
            Facing::Close => has_open || m.flanks != Facing::Open,
            Facing::Either => has_open,
        };
        if !closes {
            open_count[m.family as usize] += 1;
            stack.push(*m);
            continue;
        }
        if has_open {
            // Marks of other families opened inside are left unclosed.
            while let Some(open) = stack.pop() {
                open_count[open.family as usize] -= 1;
                if open.family == m.family {
                    if stack.is_empty() {
                        out.push(QuotedSpan {
                            open: Some(open.pos),
                            close: Some(m.pos),
                            start: open.pos + open.len,
                            end: m.pos,
                        });
                    }
                    break;
                }
            }
        } else if stack.is_empty() && k == 0 {
            // A closing mark whose opening was lost: the quotation runs
            // from the paragraph's start.
            let s = skip_space(text, start, m.pos);
            if s < m.pos {
                out.push(QuotedSpan {
                    open: None,
                    close: Some(m.pos),
                    start: s,
                    end: m.pos,
                });
            }
        }
    }
    let mut families: Vec<Family> = Vec::new();
    for m in &stack {
        if !families.contains(&m.family) {
            families.push(m.family);
        }
    }
    if let Some(open) = stack.first() {
        // An opening mark whose partner was lost runs to the paragraph's end.
        let s = open.pos + open.len;
        let e = trim_space_end(text, s, end);
        if s < e {
            out.push(QuotedSpan {
                open: Some(open.pos),
                close: None,
                start: s,
                end: e,
            });
        }
    }
    families
}

fn skip_space(text: &str, mut s: usize, e: usize) -> usize {
    while s < e {
        match text[s..].chars().next() {
            Some(c) if c.is_whitespace() => s += c.len_utf8(),
            _ => break,
        }
    }
    s
}

fn trim_space_end(text: &str, s: usize, mut e: usize) -> usize {
    while e > s {
        match text[..e].chars().next_back() {
            Some(c) if c.is_whitespace() => e -= c.len_utf8(),
            _ => break,
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        quoted_spans(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn pairs_guillemets_and_curly_marks() {
        assert_eq!(contents("قال: «نعم» ثم “لا”"), ["نعم", "لا"]);
    }

    #[test]
    fn curly_marks_typed_backwards_or_the_same_way() {
        assert_eq!(contents("يسعى لـ”خدمة البلدين”."), ["خدمة البلدين"]);
        assert_eq!(contents("قال ”نعم“ ثم"), ["نعم"]);
    }

    #[test]
    fn straight_quotes_pair_around_a_name_and_a_quotation() {
        assert_eq!(
            contents("وذكرت صحيفة \"الوطن\" أن الوزير قال \"سنعمل معا\"."),
            ["الوطن", "سنعمل معا"]
        );
    }

    #[test]
    fn a_nested_quotation_belongs_to_the_outer_one() {
        assert_eq!(
            contents("قال: «لن تكون هذه \"الهيئة\" التي نعرفها»"),
            ["لن تكون هذه \"الهيئة\" التي نعرفها"]
        );
        assert_eq!(
            contents("قال: \"لن تكون هذه \"الهيئة\" التي نعرفها\"."),
            ["لن تكون هذه \"الهيئة\" التي نعرفها"]
        );
    }

    #[test]
    fn a_lone_closing_mark_quotes_from_the_paragraph_start() {
        let text = "مقدمة\nنعمل معا للعراق”.\nوتابع";
        assert_eq!(contents(text), ["نعمل معا للعراق"]);
        assert_eq!(quoted_spans(text)[0].open, None);
    }

    #[test]
    fn a_lone_opening_mark_quotes_to_the_paragraph_end() {
        let text = "وقال \"ليست أفضل طريقة للفوز\n\"أشعر بالحزن\".";
        assert_eq!(contents(text), ["ليست أفضل طريقة للفوز", "أشعر بالحزن"]);
    }

    #[test]
    fn marks_spaced_on_both_sides_pair_in_turn() {
        assert_eq!(contents("وقال: \" إن السوق يعود \" ."), [" إن السوق يعود "]);
    }

    #[test]
    fn a_title_followed_by_a_bracket_still_closes() {
        assert_eq!(
            contents("و\"فالمونت \"(1989) و\"هير\"(1979)"),
            ["فالمونت ", "هير"]
        );
    }

    #[test]
    fn guillemets_typed_backwards() {
        assert_eq!(contents("وقال الناطق: »نحن هنا« ثم غادر"), ["نحن هنا"]);
    }

    /// The naive reference: guillemets paired by depth alone, paragraph by
    /// paragraph, top-level spans only; a lost opening mark quotes from the
    /// paragraph's start (when it comes first), a lost closing one to its end.
    fn naive_guillemets(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut offset = 0;
        for para in text.split('\n') {
            let mut depth = 0usize;
            let mut outer_open: Option<usize> = None;
            let mut first_mark = true;
            for (i, c) in para.char_indices() {
                match c {
                    '«' => {
                        if depth == 0 {
                            outer_open = Some(i + c.len_utf8());
                        }
                        depth += 1;
                    }
                    '»' if depth > 0 => {
                        depth -= 1;
                        if depth == 0 {
                            out.push((offset + outer_open.take().unwrap(), offset + i));
                        }
                    }
                    '»' if first_mark => {
                        let start = para.len() - para.trim_start().len();
                        if start < i {
                            out.push((offset + start, offset + i));
                        }
                    }
                    _ => {}
                }
                if c == '«' || c == '»' {
                    first_mark = false;
                }
            }
            if let Some(s) = outer_open {
                let end = para.trim_end().len();
                if s < end {
                    out.push((offset + s, offset + end));
                }
            }
            offset += para.len() + 1;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn guillemet_pairing_agrees_with_the_naive_reference(
            parts in proptest::collection::vec(0u8..6, 0..40)
        ) {
            // Marks always flanked the usual way: « before a word, » after one.
            let mut text = String::new();
            for p in parts {
                text.push_str(match p {
                    0 => " «كلمة",
                    1 => "كلمة» ",
                    2 => " نص",
                    3 => "\n",
                    4 => " «نعم» ",
                    _ => " قال",
                });
            }
            let got: Vec<(usize, usize)> = quoted_spans(&text).iter().map(|s| (s.start, s.end)).collect();
            let mut want = naive_guillemets(&text);
            want.sort_unstable();
            let mut got_sorted = got.clone();
            got_sorted.sort_unstable();
            proptest::prop_assert_eq!(got_sorted, want, "{:?}", text);
        }
    }

    #[test]
    fn a_thousand_nested_marks_are_linear_and_safe() {
        let text = format!("{}{}{}", "«".repeat(1000), "نعم", "»".repeat(1000));
        assert_eq!(quoted_spans(&text).len(), 1);
    }
}
