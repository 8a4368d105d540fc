//! Property tests: whatever the text, `extract` returns well-formed spans,
//! and whatever the lexicon strings, the builder returns `Ok` or `Err`
//! without panicking.
//!
//! The text strategy is weighted toward Arabic news: letters, diacritics,
//! tatweel, every quotation mark, both kinds of digits, Arabic and Latin
//! punctuation, bidi controls, zero-width chars, whitespace, whole reporting
//! words and whole `cue speaker: «quote»` sentences, so that attributions
//! actually occur.

use isnad::{Attribution, QuoteExtractor};
use proptest::prelude::*;

#[path = "common/invariants.rs"]
mod invariants;

const QUOTE_MARKS: &[char] = &['«', '»', '“', '”', '"', '‘', '’', '„', '‹', '›', '\'', '＂'];
const PUNCTUATION: &[char] = &[':', '،', ',', '.', '؛', '؟', '!', '-', '(', ')'];
const BIDI: &[char] = &[
    '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}',
    '\u{2067}', '\u{2068}', '\u{2069}',
];
const ZERO_WIDTH: &[char] = &['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];
const WORDS: &[&str] = &[
    "قال",
    "وقال",
    "وقالت",
    "يقول",
    "أضاف",
    "وأضاف",
    "أكد",
    "بحسب",
    "وبحسب",
    "قائلا",
    "مضيفا",
    "إن",
    "أن",
    "الوزير",
    "وزير الخارجية",
    "المتحدث باسم",
    "أحمد",
    "فؤاد حسين",
    "مصدر أمني",
    "لكنه",
];
const OPEN_CLOSE: &[(&str, &str)] = &[
    ("«", "»"),
    ("“", "”"),
    ("\"", "\""),
    ("‘", "’"),
    ("„", "“"),
    ("‹", "›"),
];

fn pick_char(set: &'static [char]) -> impl Strategy<Value = String> {
    proptest::sample::select(set).prop_map(String::from)
}

/// One small piece of text.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => proptest::char::range('\u{0621}', '\u{064A}').prop_map(String::from),
        5 => proptest::char::range('\u{064B}', '\u{0652}').prop_map(String::from),
        1 => Just("\u{0640}".to_owned()),
        8 => pick_char(QUOTE_MARKS),
        2 => proptest::char::range('0', '9').prop_map(String::from),
        2 => proptest::char::range('\u{0660}', '\u{0669}').prop_map(String::from),
        6 => pick_char(PUNCTUATION),
        2 => pick_char(BIDI),
        2 => pick_char(ZERO_WIDTH),
        14 => Just(" ".to_owned()),
        2 => Just("\n".to_owned()),
        1 => Just("\r\n".to_owned()),
        1 => Just("\t".to_owned()),
        10 => proptest::sample::select(WORDS).prop_map(|w| format!(" {w} ")),
        2 => any::<char>().prop_map(String::from),
    ]
}

/// A whole attributed sentence whose quoted part is random tokens.
fn sentence() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(&WORDS[..12]),
        proptest::sample::select(&WORDS[12..]),
        prop_oneof![Just(": "), Just(" "), Just(" إن "), Just(":")],
        proptest::sample::select(OPEN_CLOSE),
        proptest::collection::vec(token(), 0..24),
        prop_oneof![Just("."), Just("،"), Just(""), Just("\n")],
        any::<bool>(),
    )
        .prop_map(|(cue, who, sep, (open, close), inner, end, cue_after)| {
            let inner: String = inner.concat();
            if cue_after {
                format!("{open}{inner}{close}، {cue} {who}{end} ")
            } else {
                format!("{cue} {who}{sep}{open}{inner}{close}{end} ")
            }
        })
}

/// Random text weighted toward Arabic news with quotations.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![6 => token(), 1 => sentence()], 0..120)
        .prop_map(|parts| parts.concat())
}

/// Every invariant the API documents for the output of `extract(text)`
/// (`tests/common/invariants.rs`, shared with the fuzz target).
fn check_output(text: &str, found: &[Attribution]) -> Result<(), TestCaseError> {
    invariants::check_output(text, found).map_err(TestCaseError::fail)
}

/// A line for a lexicon or known-speakers list: structured or arbitrary.
fn lexicon_line() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        2 => "[\u{0621}-\u{064A}]{1,8}",
        1 => Just("-".to_owned()),
        1 => Just("!".to_owned()),
        1 => "![\u{0621}-\u{064A}]{0,6}",
        1 => Just("#".to_owned()),
        1 => "\\PC{0,6}",
        1 => Just(String::new()),
    ];
    prop_oneof![
        6 => (
            proptest::collection::vec(field, 0..6),
            prop_oneof![Just(" "), Just("\t"), Just("  "), Just(" \t ")],
        )
            .prop_map(|(fields, sep)| fields.join(sep)),
        1 => "#.{0,20}",
        1 => any::<String>(),
        1 => Just(String::new()),
    ]
}

fn lexicon() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::collection::vec(lexicon_line(), 0..8).prop_map(|l| l.join("\n")),
        1 => any::<String>(),
        1 => proptest::collection::vec(lexicon_line(), 0..8).prop_map(|l| l.join("\r\n")),
    ]
}

/// `cases` cases (or `PROPTEST_CASES`); failures are kept in `tests/properties.proptest-regressions`
/// (cargo runs tests from the crate root) and replayed first on every run.
fn config(cases: u32) -> ProptestConfig {
    // PROPTEST_CASES overrides the count, for longer runs by hand.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(
                "tests/properties.proptest-regressions",
            ),
        )),
        ..ProptestConfig::default()
    }
}

/// One default extractor for all cases: building takes milliseconds (more in
/// a debug build), and sharing it is the documented use.
fn shared() -> &'static QuoteExtractor {
    static EXTRACTOR: std::sync::OnceLock<QuoteExtractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(QuoteExtractor::new)
}

const PROBE: &str = "وقال وزير الخارجية فؤاد حسين: «نحتاج إلى عمل دولي». \
وأضاف الوزير أن الحكومة “لن تتراجع”، بحسب مصدر أمني.";

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn extract_spans_are_well_formed(text in text()) {
        let found = shared().extract(&text);
        check_output(&text, &found)?;
    }

    #[test]
    fn extract_handles_arbitrary_unicode(text in any::<String>()) {
        let found = shared().extract(&text);
        check_output(&text, &found)?;
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn builder_never_panics(
        verbs in proptest::option::of(lexicon()),
        titles in proptest::option::of(lexicon()),
        speakers in proptest::option::of(lexicon()),
        text in text(),
    ) {
        let mut builder = QuoteExtractor::builder();
        if let Some(v) = &verbs {
            builder = builder.reporting_verbs(v);
        }
        if let Some(t) = &titles {
            builder = builder.titles(t);
        }
        if let Some(s) = &speakers {
            builder = builder.known_speakers(s);
        }
        // Ok or Err are both fine; a panic is not. An extractor that builds
        // must still produce well-formed output.
        if let Ok(extractor) = builder.build() {
            check_output(PROBE, &extractor.extract(PROBE))?;
            check_output(&text, &extractor.extract(&text))?;
        }
    }
}

/// The extractor must be shareable across threads, as documented.
#[test]
fn extractor_is_send_sync_clone() {
    fn assert_traits<T: Clone + Send + Sync + 'static>() {}
    assert_traits::<QuoteExtractor>();
}

/// The checker itself must catch broken output, or the properties above
/// prove nothing while `extract` finds little.
#[test]
fn checker_rejects_bad_spans() {
    use isnad::{Cue, Excerpt, QuoteKind};
    let text = "قال أحمد: «نعم».";
    let excerpt = |s: &str| {
        let start = text.find(s).unwrap();
        let end = start + s.len();
        Excerpt {
            text: s.to_owned(),
            start,
            end,
            char_start: text[..start].chars().count(),
            char_end: text[..end].chars().count(),
        }
    };
    let cue_at = |s: &str| {
        let e = excerpt(s);
        Cue {
            text: e.text,
            lemma: "قال".to_owned(),
            start: e.start,
            end: e.end,
            char_start: e.char_start,
            char_end: e.char_end,
        }
    };
    let good = Attribution {
        kind: QuoteKind::Direct,
        quote: excerpt("نعم"),
        cue: Some(cue_at("قال")),
        speaker: None,
        confidence: 0.9,
    };
    assert!(check_output(text, std::slice::from_ref(&good)).is_ok());

    let mut bad = good.clone();
    bad.quote.char_start += 1;
    assert!(check_output(text, &[bad]).is_err(), "wrong char_start");
    let mut bad = good.clone();
    bad.quote.start += 1; // inside a two-byte letter
    assert!(check_output(text, &[bad]).is_err(), "not a char boundary");
    let mut bad = good.clone();
    bad.cue = Some(cue_at("نعم"));
    assert!(check_output(text, &[bad]).is_err(), "quote overlaps cue");
    let mut bad = good.clone();
    bad.confidence = f32::NAN;
    assert!(check_output(text, &[bad]).is_err(), "NaN confidence");
    assert!(
        check_output(text, &[good.clone(), good]).is_err(),
        "overlapping quotes"
    );
}
