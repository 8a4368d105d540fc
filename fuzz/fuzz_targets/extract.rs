//! Fuzz target: arbitrary builder options and text, then every span
//! invariant `extract` documents.
//!
//! An input that does not start with `0xFF` (a byte that never occurs in
//! UTF-8) is all text, run through one shared default extractor: the fast,
//! common case. An input that starts with `0xFF` is split on `0xFF`: the last
//! part is the text and the parts before it are, in order, the
//! `reporting_verbs`, `titles` and `known_speakers` strings (any further
//! parts are extra `reporting_verbs` strings), and a new extractor is built
//! for it (about 2 ms). Bytes that are not UTF-8 are decoded lossily, so
//! every input reaches `extract`.
#![no_main]

use std::borrow::Cow;
use std::sync::OnceLock;

use isnad::{Attribution, QuoteExtractor};
use libfuzzer_sys::fuzz_target;

fn default_extractor() -> &'static QuoteExtractor {
    static EXTRACTOR: OnceLock<QuoteExtractor> = OnceLock::new();
    EXTRACTOR.get_or_init(QuoteExtractor::new)
}

fn check_span(text: &str, what: &str, field: &str, span: (usize, usize, usize, usize)) {
    let (start, end, char_start, char_end) = span;
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
    assert_eq!(
        &text[start..end],
        field,
        "{what}: text field differs from its span"
    );
    assert_eq!(
        char_start,
        text[..start].chars().count(),
        "{what}: char_start"
    );
    assert_eq!(char_end, text[..end].chars().count(), "{what}: char_end");
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn check(text: &str, found: &[Attribution]) {
    for a in found {
        let q = &a.quote;
        check_span(
            text,
            "quote",
            &q.text,
            (q.start, q.end, q.char_start, q.char_end),
        );
        assert!(
            (0.0..=1.0).contains(&a.confidence),
            "confidence {} outside [0, 1]",
            a.confidence
        );
        if let Some(c) = &a.cue {
            check_span(
                text,
                "cue",
                &c.text,
                (c.start, c.end, c.char_start, c.char_end),
            );
            assert!(
                !overlaps((q.start, q.end), (c.start, c.end)),
                "quote {}..{} overlaps its cue {}..{}",
                q.start,
                q.end,
                c.start,
                c.end
            );
        }
        if let Some(m) = a.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            check_span(
                text,
                "mention",
                &m.text,
                (m.start, m.end, m.char_start, m.char_end),
            );
            assert!(
                !overlaps((q.start, q.end), (m.start, m.end)),
                "quote {}..{} overlaps its speaker mention {}..{}",
                q.start,
                q.end,
                m.start,
                m.end
            );
        }
    }
    for pair in found.windows(2) {
        let (a, b) = (&pair[0].quote, &pair[1].quote);
        assert!(a.start <= b.start, "not sorted: {} > {}", a.start, b.start);
        assert!(
            a.end <= b.start,
            "quotes {}..{} and {}..{} overlap",
            a.start,
            a.end,
            b.start,
            b.end
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(rest) = data.strip_prefix(&[0xFF]) else {
        let text = String::from_utf8_lossy(data);
        check(&text, &default_extractor().extract(&text));
        return;
    };
    let parts: Vec<Cow<'_, str>> = rest
        .split(|&b| b == 0xFF)
        .map(String::from_utf8_lossy)
        .collect();
    let (text, options) = parts.split_last().expect("split yields at least one part");
    let mut builder = QuoteExtractor::builder();
    for (i, option) in options.iter().enumerate() {
        builder = match i {
            1 => builder.titles(option),
            2 => builder.known_speakers(option),
            _ => builder.reporting_verbs(option),
        };
    }
    // A malformed lexicon may be refused; it must not panic.
    if let Ok(extractor) = builder.build() {
        check(text, &extractor.extract(text));
    }
});
