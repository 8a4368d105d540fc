//! The word lists under `data/`, parsed and compiled once into
//! aho-corasick automata.
//!
//! Every list is plain UTF-8, one entry a line, `#` starting a comment.
//! Entries are folded like text (see [`crate::normalize`]) so that a list
//! written with hamza and ta marbuta matches text written without them.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::normalize::{fold, fold_exact, loosen};
use crate::Error;

/// How a cue ties a quotation to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A finite verb: the speaker is its subject (`قال الوزير`).
    Verb {
        /// Imperfect (`يقول`, `تقول`): the subject often comes first.
        present: bool,
    },
    /// An active participle (`قائلا`): the speaker is the main verb's subject.
    Participle,
    /// An attribution phrase (`بحسب`, `نقلا عن`): the speaker follows it.
    According,
    /// A medium relaying someone's words (`نقلت الوكالة عن الوزير`): the
    /// speaker is the one named after `عن`.
    Relay,
    /// A word for an utterance or document (`في بيان`, `قوله`): the speaker
    /// comes from elsewhere in the sentence.
    SpeechNoun,
}

/// One surface form of a cue.
#[derive(Debug, Clone)]
pub(crate) struct CueForm {
    pub lemma: String,
    pub kind: CueKind,
    /// Grammatically feminine (`قالت`, `تقول`, `قائلة`).
    pub feminine: bool,
    /// Ends with a word `ل` that may be the prefix of the next word
    /// (`وفقا ل` in `وفقا للوزارة`).
    pub open_end: bool,
}

/// A set of words, matched whole.
#[derive(Debug, Clone)]
pub(crate) struct WordList {
    automaton: AhoCorasick,
    /// Lookups fold ة and ى like the list was folded.
    loose: bool,
}

impl WordList {
    fn new(words: &[String], loose: bool) -> Self {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .build(words)
            .expect("word lists are small enough for a DFA");
        WordList { automaton, loose }
    }

    /// Is `word` (folded) in the list?
    pub fn contains(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        if self.loose && word.contains(['ة', 'ى']) {
            let loosened: String = word.chars().map(loosen).collect();
            return self.contains(&loosened);
        }
        let input = Input::new(word).anchored(Anchored::Yes);
        // Leftmost-longest returns the longest listed prefix of `word`;
        // an entry equal to the whole word would be that longest one.
        self.automaton
            .find(input)
            .is_some_and(|m| m.end() == word.len())
    }
}

/// Every lexicon the pipeline uses.
#[derive(Debug, Clone)]
pub(crate) struct Lexicons {
    /// All cue forms, unanchored, for one pass over a document.
    pub cues: AhoCorasick,
    /// `cue_forms[pattern id]`.
    pub cue_forms: Vec<CueForm>,
    pub titles: WordList,
    pub organisations: WordList,
    pub documents: WordList,
    pub naming: WordList,
    pub nisba: WordList,
    pub stops: WordList,
    pub places: WordList,
    pub publishing: WordList,
    pub sources: WordList,
    pub expressions: WordList,
    pub honorifics: WordList,
    /// Days, times and adverbs between a verb and its subject.
    pub interposed: WordList,
    /// Names that begin with و (`وليامز`).
    pub waw_names: WordList,
    /// Whole quotations that are names (`تويتر`، `فرانس برس`).
    pub known_names: WordList,
}

const REPORTING_VERBS: &str = include_str!("../data/reporting_verbs.txt");
const RELAY_VERBS: &str = include_str!("../data/relay_verbs.txt");
const PUBLISHING: &str = include_str!("../data/publishing_verbs.txt");
const SOURCES: &str = include_str!("../data/source_nouns.txt");
const EXPRESSIONS: &str = include_str!("../data/expression_nouns.txt");
const HONORIFICS: &str = include_str!("../data/honorifics.txt");
const INTERPOSED: &str = include_str!("../data/interposed_adverbs.txt");
const WAW_NAMES: &str = include_str!("../data/waw_names.txt");
const KNOWN_NAMES: &str = include_str!("../data/known_names.txt");
const PLACES: &str = include_str!("../data/places.txt");
const ATTRIBUTION_PHRASES: &str = include_str!("../data/attribution_phrases.txt");
const SPEECH_NOUNS: &str = include_str!("../data/speech_nouns.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const ORGANISATIONS: &str = include_str!("../data/organisation_nouns.txt");
const DOCUMENTS: &str = include_str!("../data/document_nouns.txt");
const NAMING: &str = include_str!("../data/naming_nouns.txt");
const NISBA: &str = include_str!("../data/nisba.txt");
const STOPS: &str = include_str!("../data/stop_words.txt");

/// The meaningful lines of a list: `(line number, content)`.
pub(crate) fn entries(list: &str) -> impl Iterator<Item = (usize, &str)> {
    list.lines().enumerate().filter_map(|(i, line)| {
        let content = line.split('#').next().unwrap_or("").trim();
        (!content.is_empty()).then_some((i + 1, content))
    })
}

fn is_arabic_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == ' ')
}

/// Parses reporting-verb lines into surface forms.
fn verb_forms(
    list: &str,
    source: &str,
    relay: bool,
    out: &mut Vec<(String, CueForm)>,
) -> Result<(), Error> {
    for (line, content) in entries(list) {
        let fields: Vec<&str> = content.split_whitespace().collect();
        let bad = |message: &str| Error::Lexicon {
            source_name: source.to_owned(),
            line,
            message: message.to_owned(),
        };
        let (lemma_field, present, participle) = match fields.as_slice() {
            [l, p, a, ..] => (*l, *p, *a),
            _ => {
                return Err(bad(
                    "expected at least three fields: lemma, present tense (or -), participle stem (or -)",
                ))
            }
        };
        let (skip_lemma, lemma) = match lemma_field.strip_prefix('!') {
            Some(l) => (true, l),
            None => (false, lemma_field),
        };
        for f in fields.iter().skip(3).chain([&lemma, &present, &participle]) {
            if *f != "-" && !is_arabic_word(f) {
                return Err(bad(&format!(
                    "`{f}` is not a word: use letters only, `-` for none"
                )));
            }
        }
        if lemma == "-" {
            return Err(bad("the lemma cannot be `-`"));
        }
        let folded = fold(lemma);
        let form = |feminine: bool, kind: CueKind| CueForm {
            lemma: lemma.to_owned(),
            kind: if relay { CueKind::Relay } else { kind },
            feminine,
            open_end: false,
        };
        let past = CueKind::Verb { present: false };
        if !skip_lemma {
            out.push((folded.clone(), form(false, past)));
            out.push((format!("{folded}وا"), form(false, past)));
            out.push((format!("{folded}ا"), form(false, past)));
        }
        out.push((format!("{folded}ت"), form(true, past)));
        out.push((format!("{folded}تا"), form(true, past)));
        if present != "-" {
            let p = fold(present);
            let stem = p
                .strip_prefix('ي')
                .ok_or_else(|| bad("the present tense must start with ي (يقول)"))?;
            let now = CueKind::Verb { present: true };
            // `يرى` as the list writes it, with alef maqsura, and only so:
            // `يري` would be found inside names (`سيرينا`).
            let exact = fold_exact(present);
            match exact.strip_prefix('ي').filter(|e| *e != stem) {
                Some(exact) => {
                    out.push((format!("ي{exact}"), form(false, now)));
                    out.push((format!("ت{exact}"), form(true, now)));
                }
                None => {
                    out.push((format!("ي{stem}"), form(false, now)));
                    out.push((format!("ت{stem}"), form(true, now)));
                }
            }
            out.push((format!("ي{stem}ون"), form(false, now)));
            out.push((format!("ي{stem}ان"), form(false, now)));
            out.push((format!("ت{stem}ان"), form(true, now)));
        }
        if participle != "-" {
            let a = fold(participle);
            out.push((format!("{a}ا"), form(false, CueKind::Participle)));
            out.push((format!("{a}ين"), form(false, CueKind::Participle)));
            // Form III verbs (`طالب`, `تابع`) spell their feminine
            // participle like their verbal noun (`مطالبة`, `متابعة`), far
            // more often the noun: leave it out.
            let form_three = lemma.chars().count() == 4 && lemma.chars().nth(1) == Some('ا');
            if !form_three {
                out.push((format!("{a}ه"), form(true, CueKind::Participle)));
            }
        }
        for extra in fields.iter().skip(3) {
            let f = fold(extra);
            let kind = if f.ends_with('ا') && !f.ends_with("وا") && f.len() > folded.len() {
                CueKind::Participle
            } else {
                past
            };
            let feminine = f.ends_with('ت') || f.ends_with('ه');
            out.push((f, form(feminine, kind)));
        }
    }
    Ok(())
}

/// Parses phrase lines (one phrase a line).
fn phrase_forms(
    list: &str,
    source: &str,
    kind: CueKind,
    out: &mut Vec<(String, CueForm)>,
) -> Result<(), Error> {
    for (line, content) in entries(list) {
        if !is_arabic_word(content) {
            return Err(Error::Lexicon {
                source_name: source.to_owned(),
                line,
                message: format!("`{content}` is not a phrase of words"),
            });
        }
        let words: Vec<&str> = content.split_whitespace().collect();
        let phrase = fold(&words.join(" "));
        let open_end = words.len() > 1 && words.last() == Some(&"ل");
        out.push((
            phrase,
            CueForm {
                lemma: words.join(" "),
                kind,
                feminine: false,
                open_end,
            },
        ));
    }
    Ok(())
}

fn word_list(lists: &[&str], source: &str) -> Result<WordList, Error> {
    word_list_folded(lists, source, true)
}

/// A list of names of one or more words, matched whole with single spaces.
fn phrase_list(list: &str, source: &str) -> Result<WordList, Error> {
    let mut phrases = Vec::new();
    for (line, content) in entries(list) {
        if !is_arabic_word(content) {
            return Err(Error::Lexicon {
                source_name: source.to_owned(),
                line,
                message: format!("`{content}` is not a name of words"),
            });
        }
        phrases.push(fold(
            &content.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
    }
    phrases.sort();
    phrases.dedup();
    Ok(WordList::new(&phrases, true))
}

/// Stop words keep ى and ة: `على` is a preposition, `علي` a name.
fn exact_word_list(lists: &[&str], source: &str) -> Result<WordList, Error> {
    word_list_folded(lists, source, false)
}

fn word_list_folded(lists: &[&str], source: &str, loose: bool) -> Result<WordList, Error> {
    let mut words = Vec::new();
    for list in lists {
        for (line, content) in entries(list) {
            if !is_arabic_word(content) || content.contains(' ') {
                return Err(Error::Lexicon {
                    source_name: source.to_owned(),
                    line,
                    message: format!("`{content}` is not one word"),
                });
            }
            words.push(if loose {
                fold(content)
            } else {
                fold_exact(content)
            });
        }
    }
    words.sort();
    words.dedup();
    Ok(WordList::new(&words, loose))
}

/// User additions to the built-in lists.
#[derive(Debug, Clone, Default)]
pub(crate) struct Additions {
    pub verbs: Vec<String>,
    pub titles: Vec<String>,
}

impl Lexicons {
    /// Compiles the built-in lists plus the user's additions.
    pub fn build(additions: &Additions) -> Result<Self, Error> {
        let mut forms = Vec::new();
        verb_forms(
            REPORTING_VERBS,
            "data/reporting_verbs.txt",
            false,
            &mut forms,
        )?;
        verb_forms(RELAY_VERBS, "data/relay_verbs.txt", true, &mut forms)?;
        for extra in &additions.verbs {
            verb_forms(
                extra,
                "reporting verbs given to the builder",
                false,
                &mut forms,
            )?;
        }
        phrase_forms(
            ATTRIBUTION_PHRASES,
            "data/attribution_phrases.txt",
            CueKind::According,
            &mut forms,
        )?;
        phrase_forms(
            SPEECH_NOUNS,
            "data/speech_nouns.txt",
            CueKind::SpeechNoun,
            &mut forms,
        )?;
        // Text keeps ta marbuta: a form ending in it (`قائلة`) is matched
        // whether written with ة or ه.
        let with_ta: Vec<(String, CueForm)> = forms
            .iter()
            .filter_map(|(f, form)| {
                f.strip_suffix('ه')
                    .map(|stem| (format!("{stem}ة"), form.clone()))
            })
            .collect();
        forms.extend(with_ta);
        // Likewise a word ending in ى (`نفى`, `على لسان`), folded to ي.
        let mut with_maqsura: Vec<(String, CueForm)> = Vec::new();
        for (f, form) in &forms {
            // Present tenses end in ya (`يدعي` claims; `يدعى` is called),
            // unless written with alef maqsura in the list (`يرى`, below).
            if matches!(form.kind, CueKind::Verb { present: true }) {
                continue;
            }
            let words: Vec<&str> = f.split(' ').collect();
            for mask in 1u32..(1 << words.len().min(4)) {
                let mut changed = false;
                let variant: Vec<String> = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| match w.strip_suffix('ي') {
                        Some(stem) if mask & (1 << i) != 0 => {
                            changed = true;
                            format!("{stem}ى")
                        }
                        _ => (*w).to_owned(),
                    })
                    .collect();
                if changed {
                    with_maqsura.push((variant.join(" "), form.clone()));
                }
            }
        }
        forms.extend(with_maqsura);
        // One pattern per surface form: the first list to define it wins.
        let mut seen = std::collections::HashSet::new();
        forms.retain(|(f, _)| seen.insert(f.clone()));
        let (patterns, cue_forms): (Vec<String>, Vec<CueForm>) = forms.into_iter().unzip();
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| Error::Lexicon {
                source_name: "reporting cues".to_owned(),
                line: 0,
                message: e.to_string(),
            })?;
        let mut titles: Vec<&str> = vec![TITLES];
        titles.extend(additions.titles.iter().map(String::as_str));
        Ok(Lexicons {
            cues,
            cue_forms,
            titles: word_list(&titles, "titles")?,
            organisations: word_list(&[ORGANISATIONS], "data/organisation_nouns.txt")?,
            documents: word_list(&[DOCUMENTS], "data/document_nouns.txt")?,
            naming: word_list(&[NAMING], "data/naming_nouns.txt")?,
            nisba: word_list(&[NISBA], "data/nisba.txt")?,
            stops: exact_word_list(&[STOPS], "data/stop_words.txt")?,
            places: word_list(&[PLACES], "data/places.txt")?,
            publishing: word_list(&[PUBLISHING], "data/publishing_verbs.txt")?,
            sources: word_list(&[SOURCES], "data/source_nouns.txt")?,
            expressions: word_list(&[EXPRESSIONS], "data/expression_nouns.txt")?,
            honorifics: word_list(&[HONORIFICS], "data/honorifics.txt")?,
            interposed: word_list(&[INTERPOSED], "data/interposed_adverbs.txt")?,
            waw_names: word_list(&[WAW_NAMES], "data/waw_names.txt")?,
            known_names: phrase_list(KNOWN_NAMES, "data/known_names.txt")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_and_free_of_duplicates() {
        for (name, list) in [
            ("reporting_verbs", REPORTING_VERBS),
            ("relay_verbs", RELAY_VERBS),
            ("places", PLACES),
            ("known_names", KNOWN_NAMES),
            ("honorifics", HONORIFICS),
            ("interposed_adverbs", INTERPOSED),
            ("waw_names", WAW_NAMES),
            ("expression_nouns", EXPRESSIONS),
            ("source_nouns", SOURCES),
            ("publishing_verbs", PUBLISHING),
            ("attribution_phrases", ATTRIBUTION_PHRASES),
            ("speech_nouns", SPEECH_NOUNS),
            ("titles", TITLES),
            ("organisation_nouns", ORGANISATIONS),
            ("document_nouns", DOCUMENTS),
            ("naming_nouns", NAMING),
            ("nisba", NISBA),
            ("stop_words", STOPS),
        ] {
            let phrases =
                name.ends_with("phrases") || name.ends_with("nouns") || name == "known_names";
            let keys: Vec<String> = entries(list)
                .map(|(_, c)| {
                    if phrases {
                        return c.to_owned();
                    }
                    c.split_whitespace()
                        .next()
                        .unwrap()
                        .trim_start_matches('!')
                        .to_owned()
                })
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(
                keys, sorted,
                "data/{name}.txt must be sorted and free of duplicates"
            );
        }
    }

    #[test]
    fn verbs_generate_their_forms() {
        let lex = Lexicons::build(&Additions::default()).unwrap();
        for form in [
            "قال",
            "قالت",
            "قالوا",
            "يقول",
            "تقول",
            "قائلا",
            "قائله",
            "اكد",
            "مؤكدا",
        ] {
            let m = lex
                .cues
                .find(form)
                .unwrap_or_else(|| panic!("{form} is not a cue"));
            assert_eq!((m.start(), m.end()), (0, form.len()), "{form}");
        }
        let m = lex.cues.find("يؤكد").unwrap();
        assert_eq!(lex.cue_forms[m.pattern().as_usize()].lemma, "أكد");
    }

    #[test]
    fn word_lists_match_whole_words() {
        let lex = Lexicons::build(&Additions::default()).unwrap();
        assert!(lex.titles.contains("وزير"));
        assert!(!lex.titles.contains("وزيرا"));
        assert!(!lex.titles.contains("وز"));
    }

    #[test]
    fn a_malformed_user_line_is_an_error_naming_the_line() {
        let additions = Additions {
            verbs: vec!["# comment\nقال يقول قائل\nشرح\n".to_owned()],
            ..Additions::default()
        };
        let err = Lexicons::build(&additions).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 3"), "{text}");
    }
}
