//! # isnad: who said what in Arabic news
//!
//! `isnad` finds the quotations in an Arabic news article, links each to the
//! reporting cue that introduces it (`قال`، `أكد`، `بحسب`…) and to its
//! speaker, resolved across the whole document, and returns typed
//! [`Attribution`] values that serialize with serde.
//!
//! # Overview
//!
//! Build a [`QuoteExtractor`] once and call [`QuoteExtractor::extract`] on
//! each document. It never fails: any `&str` is input, and the result is
//! every quotation that is speech (not a quoted name, title or term), with
//! its [`Cue`] and [`Speaker`] when the document gives them, sorted by
//! position.
//!
//! # Example: an article with an implied subject
//!
//! ```
//! use isnad::{QuoteExtractor, Resolution};
//!
//! let extractor = QuoteExtractor::new();
//! let text = "قال وزير الخارجية العراقي فؤاد حسين: «نحتاج إلى عمل دولي لمواجهة التنظيم».\n\
//!             وأضاف: «سنواصل التعاون مع التحالف».\n\
//!             ويقاتل التنظيم المعروف باسم “داعش” في مناطق عدة.";
//! let found = extractor.extract(text);
//! assert_eq!(found.len(), 2); // “داعش” is a name, not speech
//!
//! let second = &found[1];
//! assert_eq!(second.quote.text, "سنواصل التعاون مع التحالف");
//! assert_eq!(second.cue.as_ref().unwrap().lemma, "أضاف");
//! let speaker = second.speaker.as_ref().unwrap();
//! assert_eq!(speaker.name, "فؤاد حسين");
//! assert_eq!(speaker.resolution, Resolution::Implicit);
//! assert!(speaker.mention.is_none());
//! ```
//!
//! # Offsets
//!
//! Every span ([`Excerpt`], [`Cue`]) carries byte offsets `start`/`end` into
//! the caller's original text, always on char boundaries, so
//! `&text[a.quote.start..a.quote.end] == a.quote.text`; and the same span in
//! chars, `char_start`/`char_end` (Unicode scalar values, what Python
//! indexes). Matching works on a normalised copy of the text (hamza forms of
//! alef folded, diacritics, tatweel, bidi and zero-width marks dropped), but
//! the normalised text never leaks: every offset is mapped back, and every
//! `text` field is a slice of the original, diacritics included. A quote is
//! the content inside the marks, marks excluded.
//!
//! # The pipeline
//!
//! Each stage is a module with its own tests:
//!
//! 1. **normalise**: fold the text for matching, keeping a map back to the
//!    original offsets;
//! 2. **quotation marks**: pair `« »`, `“ ”`, `" "`, `‘ ’`, `„ “`, `‹ ›`,
//!    judging the direction of curly and straight marks from what flanks
//!    them; a lost opening mark quotes from the paragraph's start, a lost
//!    closing one to its end; nested quotations belong to the outer one;
//! 3. **cues**: one aho-corasick pass of every form of every reporting verb,
//!    participle, attribution phrase and speech noun, checked to be a whole
//!    word up to clitics (`و`، `ف`، `ل`، `ب`) and attached pronouns;
//! 4. **speaker**: the noun phrase a cue links to: verb then subject,
//!    subject then verb, title and name chains, appositions, organisations,
//!    unnamed sources, the author of a statement;
//! 5. **coreference**: implied subjects (`وأضاف`، `لكنه`) with gender
//!    agreement, titles that refer back (`الوزير الأميركي`), an organisation
//!    named again by its head (`الرابطة`), a surname → the fullest name the
//!    document gives;
//! 6. **attribution**: which quoted spans are speech, which cue each hangs
//!    on, the [`QuoteKind`] and a confidence.
//!
//! # Editing the lexicons
//!
//! The word lists are plain UTF-8 files under `data/` in the crate's
//! source, one entry a line with `#` comments, each with a header that
//! explains its format. Reporting verbs are written as
//! `lemma present participle [extra forms…]` (`قال يقول قائل`), from which
//! the past, present, feminine, plural and participle forms are generated.
//! They are embedded at compile time; to extend them without rebuilding,
//! give lines in the same formats to [`Builder::reporting_verbs`] and
//! [`Builder::titles`]. A malformed line is an [`Error::Lexicon`] naming it.
//!
//! # Known speakers
//!
//! [`Builder::known_speakers`] (or [`Builder::known_speakers_path`]) loads a
//! tab-separated file, `id<TAB>canonical name<TAB>alias<TAB>alias…` with `#`
//! comments. An attribution whose speaker's name holds one of an entry's
//! aliases as whole words gets [`Speaker::id`] and the entry's canonical
//! name.
//!
//! ```
//! let extractor = isnad::QuoteExtractor::builder()
//!     .known_speakers("Q5580\tفؤاد حسين\tحسين\n")
//!     .build()?;
//! let found = extractor.extract("أعرب حسين عن شكره، قائلا: «لقد ساعدتم كثيرا في الانتخابات».");
//! assert_eq!(found[0].speaker.as_ref().unwrap().id.as_deref(), Some("Q5580"));
//! # Ok::<(), isnad::Error>(())
//! ```
//!
//! # Performance
//!
//! Build once, share across threads: building compiles the lexicons (a few
//! milliseconds); [`QuoteExtractor`] is `Clone + Send + Sync` and cloning it
//! only bumps reference counts. Extraction is linear in the length of the
//! text, does nothing for a text without quotation marks, and works mostly
//! around quotation marks and cues; on one core it runs at tens of
//! megabytes per second of news. Untrusted input is fine: no input makes it
//! panic or take more than linear time (see the property tests and the fuzz
//! target in the repository).
//!
//! # Limitations
//!
//! - Only speech inside quotation marks is returned; direct speech without
//!   marks (`وأضاف: نعم، …`) and indirect speech are not.
//! - The speaker is found by rules over lexicons, not a parser: a verb that
//!   is not in the lexicon, an object mistaken for a subject (`ووصفت
//!   الخطوة`) or a name of more than three plain words can mislead it.
//! - A lost quotation mark is assumed to quote to the paragraph's edge
//!   unless the narration visibly resumes with a new reporting sentence
//!   (`…للفروسية. وأبان أن`); other resumptions are missed.
//! - A name written right after a title may take in the verb's object when
//!   that is a bare noun or a verb (`أكد المدرب سامي جدارة الفريق`).
//! - The future tense reports nothing (`سيقول` is no cue).
//! - Names are matched by their written form; transliteration variants of
//!   one name (`بومبيو`/`بومپيو`) are different names unless a known-speakers
//!   file lists both.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod coref;
mod cues;
mod error;
mod extractor;
mod known;
mod lexicon;
mod marks;
mod normalize;
mod speaker;
mod tokens;
mod types;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use error::Error;
pub use extractor::{Builder, QuoteExtractor};
pub use types::{Attribution, Cue, Excerpt, QuoteKind, Resolution, Speaker};
