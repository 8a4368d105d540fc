//! # isnad: who said what in Arabic news
//!
//! `isnad` finds the quotations in an Arabic news article, links each to the
//! reporting cue that introduces it (`قال`، `أكد`، `بحسب`…) and to its
//! speaker, resolved across the whole document, and returns typed
//! [`Attribution`] values that serialize with serde.
//!
//! ```
//! use isnad::QuoteExtractor;
//!
//! let extractor = QuoteExtractor::new();
//! let text = "قال وزير الخارجية فؤاد حسين: «نحتاج إلى عمل دولي».";
//! let found = extractor.extract(text);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].quote.text, "نحتاج إلى عمل دولي");
//! assert_eq!(&text[found[0].quote.range()], "نحتاج إلى عمل دولي");
//! ```
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
