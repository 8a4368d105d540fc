//! The crate's error type.

/// What can go wrong while building a [`QuoteExtractor`](crate::QuoteExtractor).
///
/// Extraction itself never fails: any `&str` is valid input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a user-supplied lexicon or known-speakers file is malformed.
    #[error("{source_name}, line {line}: {message}")]
    Lexicon {
        /// Which list the line belongs to (`reporting verbs`, `titles`, a path…).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it and how to fix it.
        message: String,
    },
    /// A file named to the builder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path that was given.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
