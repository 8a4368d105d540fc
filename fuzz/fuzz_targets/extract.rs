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

/// The documented invariants, shared with the property tests.
#[path = "../../tests/common/invariants.rs"]
mod invariants;

fn check(text: &str, found: &[Attribution]) {
    if let Err(violation) = invariants::check_output(text, found) {
        panic!("{violation}");
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
