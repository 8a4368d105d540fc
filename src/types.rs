//! The values that [`QuoteExtractor::extract`](crate::QuoteExtractor::extract)
//! returns. Every span points into the caller's original text, both in bytes
//! (`start`/`end`, for slicing a Rust `&str`) and in Unicode scalar values
//! (`char_start`/`char_end`, what Python and most annotation tools index).

use serde::{Deserialize, Serialize};

/// A piece of the caller's text: its content and where it sits.
///
/// `&text[start..end] == self.text` always holds, and `start`/`end` fall on
/// char boundaries. `char_start`/`char_end` give the same span counted in
/// chars.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Excerpt {
    /// The text of the span, copied from the original.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Char offset of the first char.
    pub char_start: usize,
    /// Char offset one past the last char.
    pub char_end: usize,
}

impl Excerpt {
    /// The byte range of this excerpt, for slicing the original text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Whether the quotation marks hold a free-standing utterance or words
/// woven into the reporting sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// An utterance that stands on its own, after a colon or right after the
    /// verb of saying: `وقال: «…»`.
    Direct,
    /// Quoted words that are part of the reporting sentence's grammar:
    /// `قال إن العلاقة “مبنية على الاحترام”`.
    Mixed,
}

/// The reporting word or phrase that ties a quotation to its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written, clitics included (`وقالت`).
    pub text: String,
    /// The dictionary form (`قال` for `وقالت` and `يقول`; `بحسب` for `وبحسب`).
    pub lemma: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Char offset of the first char.
    pub char_start: usize,
    /// Char offset one past the last char.
    pub char_end: usize,
}

/// How a speaker's name was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// The sentence names the speaker (`قال وزير الخارجية فؤاد حسين`).
    Explicit,
    /// The sentence refers back to a speaker named elsewhere, by a title or
    /// part of the name (`الوزير الأميركي`, `حسين`).
    Coreference,
    /// The sentence gives no subject; it is implied (`وأضاف`, `لكنه`).
    Implicit,
}

/// Who said it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Speaker {
    /// The canonical name: the fullest name the document gives this speaker,
    /// or the description it gives an unnamed one (`مصدر أمني`).
    pub name: String,
    /// The words of this sentence that the cue links to; `None` when the
    /// subject is only implied.
    pub mention: Option<Excerpt>,
    /// How `name` was reached.
    pub resolution: Resolution,
    /// The identifier of a matching entry in the known-speakers file, when
    /// one was loaded and matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// One quotation with its cue and speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Direct or mixed quotation.
    pub kind: QuoteKind,
    /// The content inside the quotation marks, the marks excluded.
    pub quote: Excerpt,
    /// The reporting cue, when one was found.
    pub cue: Option<Cue>,
    /// The speaker, when the document says who spoke.
    pub speaker: Option<Speaker>,
    /// How likely the attribution (span and speaker) is right, 0.0 to 1.0.
    pub confidence: f32,
}
