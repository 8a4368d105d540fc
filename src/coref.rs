//! Coreference across the document: who an implied subject, a title, an
//! organisation's bare head or part of a name refers to, and the fullest
//! name the document gives each speaker.
//!
//! - `وأضاف: «…»` → the previous speaker; `وأضافت` → the previous female one.
//! - `وتابع الوزير الأميركي` → the earlier speaker whose titles include
//!   `وزير` and `أميركي` (`وزير الخارجية الأميركي أنتوني بلينكن`).
//! - `وقالت الرابطة` → the organisation named in full earlier
//!   (`رابطة اللاعبين المحترفين`).
//! - `أعرب حسين` → `فؤاد حسين`, the longest run of name words around any
//!   occurrence of `حسين` in the document.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the word index hashes short strings it builds once per document;
/// SipHash's protection against crafted keys buys nothing there and costs
/// a noticeable share of the time.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// How far back in the document's speakers a reference may reach.
const HISTORY_REACH: usize = 64;

/// How many occurrences of a word on each side of a mention are examined.
const OCCURRENCE_REACH: usize = 16;

/// How many word lookups a document gets by scanning before it is indexed.
const LOOKUPS_BEFORE_INDEX: usize = 8;

type WordIndex<'d> = HashMap<&'d str, Vec<u32>, BuildHasherDefault<Fnv>>;

use crate::lexicon::Lexicons;
use crate::speaker::{
    classify, is_nisba, noun_key, parse_noun_phrase, sound_plural, Head, NounPhrase, WordClass,
};
use crate::tokens::Token;

/// Someone (or something) that speaks in the document.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// Folded byte range of the canonical name in the document.
    pub name: (usize, usize),
    /// The canonical name's words, folded.
    pub name_words: Vec<String>,
    /// Title and description keys gathered from every mention.
    pub descriptors: Vec<String>,
    pub head: Head,
    pub feminine: bool,
    /// The canonical name is a description, not a name (`مصدر أمني`).
    pub described_only: bool,
    /// The name starts inside `للبنك`: write it with its alef (`البنك`).
    pub lost_alef: bool,
}

/// The document as coreference sees it.
pub(crate) struct Document<'d> {
    pub text: &'d str,
    pub tokens: &'d [Token],
    pub lex: &'d Lexicons,
    /// Sorted token indices of cues, which no name runs through.
    pub cue_tokens: &'d [usize],
    /// Word → token indices, built once scans stop paying.
    index: Option<WordIndex<'d>>,
    /// Lookups answered by a scan so far.
    lookups: usize,
    /// The first person named with a title, found on first use.
    protagonist: Option<Option<NounPhrase>>,
}

impl<'d> Document<'d> {
    pub fn new(
        text: &'d str,
        tokens: &'d [Token],
        lex: &'d Lexicons,
        cue_tokens: &'d [usize],
    ) -> Self {
        Document {
            text,
            tokens,
            lex,
            cue_tokens,
            index: None,
            lookups: 0,
            protagonist: None,
        }
    }

    /// The first person the document names after a title
    /// (`رئيس الوزراء الإيطالي الجديد جوزيبي كونتي`), looked for once.
    pub fn first_named_person(&mut self) -> Option<NounPhrase> {
        if self.protagonist.is_none() {
            let found = (0..self.tokens.len()).find_map(|k| {
                // A cue is never a title; skipping it first keeps a text
                // made of cues cheap.
                if self.is_cue(k) {
                    return None;
                }
                let w = self.word(k)?;
                // `كرئيس للوزراء` is not where a person is named.
                if !matches!(classify(self.lex, w), WordClass::Title(_))
                    || w.starts_with(['ل', 'ب', 'ك'])
                {
                    return None;
                }
                let cue = |j: usize| self.is_cue(j);
                let np = parse_noun_phrase(self.text, self.tokens, self.lex, k, None, &cue)?;
                (np.name.is_some() && np.head == Head::Person).then_some(np)
            });
            self.protagonist = Some(found);
        }
        self.protagonist.clone().flatten()
    }

    fn word(&self, k: usize) -> Option<&'d str> {
        let t = self.tokens.get(k)?;
        t.is_word().then(|| t.text(self.text))
    }

    pub fn is_cue(&self, k: usize) -> bool {
        self.cue_tokens.binary_search(&k).is_ok()
    }

    /// Does the document also write this word with the article? Then it is
    /// a common noun (`قرار`/`القرار`), not a name (`ترامب`).
    pub fn occurs_with_article(&mut self, word: &str) -> bool {
        self.with_occurrences(&format!("ال{word}"), |all| !all.is_empty())
    }

    /// The token indices of `word`, sorted, handed to `f`.
    fn with_occurrences<R>(&mut self, word: &str, f: impl FnOnce(&[u32]) -> R) -> R {
        let (text, tokens) = (self.text, self.tokens);
        // Most documents ask a handful of times: a scan is cheaper than an
        // index of every word. Past that, the index keeps it linear.
        if self.index.is_none() && self.lookups < LOOKUPS_BEFORE_INDEX {
            self.lookups += 1;
            let found: Vec<u32> = tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.is_word() && t.text(text) == word)
                .map(|(k, _)| k as u32)
                .collect();
            return f(&found);
        }
        let index = self.index.get_or_insert_with(|| {
            let mut index = WordIndex::default();
            index.reserve(tokens.len() / 2);
            for (k, t) in tokens.iter().enumerate() {
                if t.is_word() {
                    index.entry(t.text(text)).or_default().push(k as u32);
                }
            }
            index
        });
        f(index.get(word).map_or(&[], Vec::as_slice))
    }

    /// The occurrences of `word` nearest token `at`, at most `reach` on
    /// each side: what a mention can refer to stays near it, and a document
    /// that repeats a word thousands of times costs no more per lookup.
    fn occurrences_near(&mut self, word: &str, at: usize, reach: usize) -> Vec<u32> {
        self.with_occurrences(word, |all| {
            let i = all.partition_point(|&k| (k as usize) < at);
            all[i.saturating_sub(reach)..(i + reach).min(all.len())].to_vec()
        })
    }

    /// A word that can be part of a personal name here.
    fn name_like(&self, k: usize) -> bool {
        !self.is_cue(k)
            && self.word(k).is_some_and(|w| {
                matches!(
                    classify(self.lex, w),
                    WordClass::Name | WordClass::Connector
                )
            })
    }

    /// The fullest name around any occurrence of the name words of the
    /// folded range `name`: name words before it, and name words or one
    /// surname with the article after it.
    pub fn fullest_name(&mut self, name: (usize, usize)) -> (usize, usize) {
        let words: Vec<String> = self.text[name.0..name.1]
            .split(' ')
            .map(str::to_owned)
            .collect();
        let Some(first) = words.first() else {
            return name;
        };
        let mut best = name;
        let mut best_len = words.len();
        let at = crate::tokens::token_at(self.tokens, name.0);
        for k in self.occurrences_near(first, at, OCCURRENCE_REACH) {
            let k = k as usize;
            let matches = words
                .iter()
                .enumerate()
                .all(|(i, w)| self.word(k + i) == Some(w.as_str()));
            if !matches {
                continue;
            }
            // Before: name words back to a title, an adjective or a cue,
            // which delimit a name cleanly (`العراقي فؤاد حسين`,
            // `وقال كريج ريدي`); an unknown word there may be a verb.
            // A word carrying a pronoun is a genitive (`وكيل أعماله`).
            // A place has no first name (`لبحر الصين` is not a fuller `الصين`).
            let place = words.len() == 1 && classify(self.lex, first) == WordClass::Place;
            let mut s = k;
            while s > 0
                && !place
                && k - s < 3
                && self.name_like(s - 1)
                && !self
                    .word(s - 1)
                    .is_some_and(|w| ["ه", "ها", "هم"].iter().any(|p| w.ends_with(p)))
            {
                s -= 1;
            }
            let clean = s > 0
                && (self.is_cue(s - 1)
                    || self.word(s - 1).is_some_and(|w| {
                        matches!(
                            classify(self.lex, w),
                            WordClass::Title(_) | WordClass::Definite | WordClass::Place
                        )
                    }));
            if !clean {
                s = k;
            }
            // After: connected parts (`تميم بن حمد آل ثاني`) and one
            // surname with the article (`جريدي المنصوري`).
            let mut e = k + words.len();
            while e + 1 < self.tokens.len()
                && self
                    .word(e)
                    .is_some_and(|w| classify(self.lex, w) == WordClass::Connector)
                && self.name_like(e + 1)
            {
                e += 2;
            }
            if e < self.tokens.len()
                && !self.is_cue(e)
                && self.word(e).is_some_and(|w| {
                    classify(self.lex, w) == WordClass::Definite
                        && !is_nisba(self.lex, w)
                        && !sound_plural(w)
                })
                && !self.name_like(e + 1)
                && !(e - k >= 2
                    && self.word(e + 1).is_some_and(|n| {
                        crate::speaker::takes_bi(n)
                            || (n.starts_with("ال") && (n.ends_with('ي') || is_nisba(self.lex, n)))
                    }))
            {
                e += 1;
            }
            if e - s > best_len && e - s <= 6 {
                best_len = e - s;
                best = (
                    self.tokens[s].start as usize,
                    self.tokens[e - 1].end as usize,
                );
            }
        }
        best
    }

    /// Do a description's keys fit a speaker's descriptors? The head must
    /// be among them, and every word that tells one such speaker from
    /// another (a nationality, a place): `اللاعب والمدرب السابق` fits
    /// `اللاعب الأرجنتيني السابق`, but `الوزير الأميركي` does not fit
    /// `وزير الخارجية العراقي`.
    pub fn describes(&self, keys: &[String], descriptors: &[String]) -> bool {
        let Some(head) = keys.first() else {
            return false;
        };
        // Only the words near the head describe the speaker; later ones
        // belong to a genitive (`السابق لنادي ريال مدريد الإسباني`). A
        // nationality or place must not contradict one the antecedent has
        // (`الجيش الإسرائيلي` is not `الجيش السوري`), but an antecedent
        // that states none may be meant (`النادي الفرنسي` → `نادي أولمبيك
        // مارسيليا`).
        let telling = |k: &&String| k.ends_with('ي') || self.lex.places.contains(k.as_str());
        let theirs = descriptors.iter().skip(1).take(3).filter(telling).count();
        descriptors.contains(head)
            && keys
                .iter()
                .skip(1)
                .take(2)
                .filter(telling)
                .all(|k| theirs == 0 || descriptors.contains(k))
    }

    /// The nearest mention, before `before` (else after it), of a speaker
    /// whose descriptors include all of `keys`, parsed where its head word
    /// occurs; it must name a person or give an organisation more fully.
    pub fn find_described(
        &mut self,
        keys: &[String],
        head: Head,
        before: usize,
    ) -> Option<NounPhrase> {
        let key = keys.first()?;
        let mut variants = Vec::new();
        for p in ["", "ال", "وال", "و"] {
            for e in ["", "ه", "ة"] {
                variants.push(format!("{p}{key}{e}"));
            }
        }
        let at = crate::tokens::token_at(self.tokens, before);
        let mut found: Vec<u32> = variants
            .iter()
            .flat_map(|v| self.occurrences_near(v, at, OCCURRENCE_REACH / 2))
            .collect();
        found.sort_unstable();
        let mut best: Option<NounPhrase> = None;
        for k in found {
            let k = k as usize;
            let cue = |j: usize| self.is_cue(j);
            let Some(np) = parse_noun_phrase(self.text, self.tokens, self.lex, k, None, &cue)
            else {
                continue;
            };
            let fuller = match head {
                Head::Person => np.name.is_some(),
                _ => np.descriptors.len() > keys.len() || np.name.is_some(),
            };
            // An organisation may be referred to by its head alone with an
            // adjective the full name lacks (`النادي الفرنسي`).
            let covers = self.describes(keys, &np.descriptors);
            if !(fuller && covers && np.head == head) {
                continue;
            }
            if np.start < before {
                best = Some(np); // keep the nearest before
            } else {
                if best.is_none() {
                    best = Some(np);
                }
                break;
            }
        }
        best
    }
}

/// How a subject was reached, before it becomes a public [`crate::Resolution`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reached {
    Explicit,
    Coreference,
    Implicit,
}

/// The speakers of a document, in the order they spoke.
#[derive(Debug, Default)]
pub(crate) struct Discourse {
    pub entities: Vec<Entity>,
    /// `(folded offset, entity)` each time someone was made a speaker.
    pub history: Vec<(usize, usize)>,
}

impl Discourse {
    /// The latest speaker before folded offset `at`, agreeing in gender
    /// when `feminine` is given.
    pub fn last_speaker(&self, at: usize, feminine: Option<bool>) -> Option<usize> {
        let upto = self.history.partition_point(|&(p, _)| p < at);
        let recent = self.history[..upto]
            .iter()
            .rev()
            .take(HISTORY_REACH)
            .map(|&(_, e)| e);
        match feminine {
            None => recent.clone().next(),
            Some(f) => recent
                .clone()
                .find(|&e| self.entities[e].feminine == f)
                .or_else(|| recent.clone().next()),
        }
    }

    /// The most recent of the last entities that satisfies `f`.
    fn recent_entity(&self, f: impl Fn(&Entity) -> bool) -> Option<usize> {
        let n = self.entities.len();
        (n.saturating_sub(HISTORY_REACH)..n)
            .rev()
            .find(|&i| f(&self.entities[i]))
    }

    pub fn record(&mut self, at: usize, entity: usize) {
        self.history.push((at, entity));
    }

    /// The entity a mention names, created or merged; and how it was reached.
    pub fn resolve(
        &mut self,
        doc: &mut Document<'_>,
        np: &NounPhrase,
        at: usize,
    ) -> (usize, Reached) {
        match (np.head, np.name) {
            // `وقال البيان`: the statement already spoken of speaks for its
            // author; `وتقول وثيقة منفصلة` is a new document, itself the
            // speaker when no author is named.
            (Head::Document, None) if doc.text[np.start..].starts_with("ال") => {
                if let Some(e) = self.last_speaker(at, None) {
                    return (e, Reached::Coreference);
                }
            }
            (Head::Person, Some(name)) if self.is_common_noun(doc, name) => {
                // `وتابعت المرأة`: a lone definite word that is part of no
                // longer name in the document is a description.
                let mut description = np.clone();
                description.name = None;
                description.descriptors = vec![noun_key(&doc.text[name.0..name.1])];
                return self.described(doc, &description, at);
            }
            (Head::Person, Some(name)) if self.object_after_known_title(doc, np, name) => {
                let mut description = np.clone();
                description.name = None;
                return self.described(doc, &description, at);
            }
            (_, Some(name)) => return self.named(doc, np, name),
            _ => {}
        }
        self.described(doc, np, at)
    }

    /// `أكد ولي العهد السعودي حرص المملكة`: after the title of a person
    /// already named, a word in construct with a definite feminine or
    /// plural noun (`حرص المملكة`، `صحة المعلومات`) is the verb's object,
    /// not a new person's name.
    fn object_after_known_title(
        &self,
        doc: &mut Document<'_>,
        np: &NounPhrase,
        name: (usize, usize),
    ) -> bool {
        if np.descriptors.is_empty() || name.0 <= np.start {
            return false;
        }
        let first = crate::tokens::token_at(doc.tokens, name.0);
        let construct = doc
            .word(first + 1)
            .is_some_and(|w| w.starts_with("ال") && (w.ends_with('ة') || w.ends_with("ات")));
        if !construct {
            return false;
        }
        let words: Vec<String> = doc.text[name.0..name.1]
            .split(' ')
            .map(str::to_owned)
            .collect();
        let Some(antecedent) = doc.find_described(&np.descriptors, Head::Person, np.start) else {
            return false;
        };
        let Some(theirs) = antecedent.name.filter(|_| antecedent.start != np.start) else {
            return false;
        };
        let theirs = &doc.text[theirs.0..theirs.1];
        !theirs.split(' ').any(|n| words.iter().any(|w| w == n))
    }

    /// One definite word (`المرأة`), never part of a longer name here (unlike
    /// `الأسد` in `بشار الأسد`), and no place or body of the lexicons.
    fn is_common_noun(&self, doc: &mut Document<'_>, name: (usize, usize)) -> bool {
        let word = &doc.text[name.0..name.1];
        word.starts_with("ال")
            && !word.contains(' ')
            && classify(doc.lex, word) == WordClass::Definite
            && doc.fullest_name(name) == name
    }

    fn named(
        &mut self,
        doc: &mut Document<'_>,
        np: &NounPhrase,
        name: (usize, usize),
    ) -> (usize, Reached) {
        let mention_words: Vec<String> = doc.text[name.0..name.1]
            .split(' ')
            .map(str::to_owned)
            .collect();
        // An earlier speaker whose name holds these words.
        let known = self
            .recent_entity(|e| !e.described_only && contains_run(&e.name_words, &mention_words));
        let entity = match known {
            Some(e) => e,
            None => {
                let full = doc.fullest_name(name);
                let words: Vec<String> = doc.text[full.0..full.1]
                    .split(' ')
                    .map(str::to_owned)
                    .collect();
                // Merge with an earlier entity named by a part of this name.
                let partial = self
                    .recent_entity(|e| !e.described_only && contains_run(&words, &e.name_words));
                match partial {
                    Some(e) => {
                        self.entities[e].name = full;
                        self.entities[e].name_words = words;
                        e
                    }
                    None => {
                        self.entities.push(Entity {
                            name: full,
                            name_words: words,
                            descriptors: Vec::new(),
                            head: np.head,
                            feminine: np.feminine,
                            described_only: false,
                            lost_alef: false,
                        });
                        self.entities.len() - 1
                    }
                }
            }
        };
        let e = &mut self.entities[entity];
        for d in &np.descriptors {
            if !e.descriptors.contains(d) {
                e.descriptors.push(d.clone());
            }
        }
        e.feminine |= np.feminine;
        let reached = if e.name_words == mention_words {
            Reached::Explicit
        } else {
            Reached::Coreference
        };
        (entity, reached)
    }

    fn described(
        &mut self,
        doc: &mut Document<'_>,
        np: &NounPhrase,
        at: usize,
    ) -> (usize, Reached) {
        let keys = &np.descriptors;
        // `مصدر آخر`: another one, not the one before.
        if keys
            .iter()
            .any(|k| matches!(k.as_str(), "اخر" | "اخري" | "اخرى" | "ثان" | "ثاني"))
        {
            return (self.new_described(np).0, Reached::Explicit);
        }
        // A speaker already heard whose titles include these; an
        // organisation may be named again by its head alone (`اللجنة`).
        let heard_with = |all: bool| {
            self.history
                .iter()
                .rev()
                .take(HISTORY_REACH)
                .map(|&(_, e)| e)
                .find(|&e| {
                    let ent = &self.entities[e];
                    ent.head == np.head
                        && !keys.is_empty()
                        && if all {
                            if np.head == Head::Person {
                                doc.describes(keys, &ent.descriptors)
                            } else {
                                keys.iter().all(|k| ent.descriptors.contains(k))
                            }
                        } else {
                            ent.head != Head::Person && doc.describes(keys, &ent.descriptors)
                        }
                })
        };
        // Only a short mention (`الرابطة`, `النادي الفرنسي`) goes by its
        // head alone: a fuller one (`شرطة مدينة مترو ناشفيل`) is its own.
        let short = keys.len() <= 2;
        if let Some(e) = heard_with(true).or_else(|| if short { heard_with(false) } else { None }) {
            return (e, Reached::Coreference);
        }
        if let Some(antecedent) = doc.find_described(keys, np.head, at) {
            if antecedent.start != np.start {
                let e = match antecedent.name {
                    Some(name) => self.named(doc, &antecedent, name).0,
                    None => self
                        .recent_entity(|e| e.name == (antecedent.start, antecedent.end))
                        .unwrap_or_else(|| self.new_described(&antecedent).0),
                };
                return (e, Reached::Coreference);
            }
        }
        // A definite description with no antecedent found refers to the
        // last person named, of its gender: always when it is no title of
        // the lexicons (`وأكد المستثمر العملاق`, `وتابعت المرأة`), and for a
        // title (`المدرب الأرجنتيني` after `كوبر`) when nothing is known of
        // what that person is.
        let head_word = &doc.text[np.start..np.end];
        if np.head == Head::Person && np.name.is_none() && head_word.starts_with("ال") {
            let feminine = head_word
                .split(' ')
                .next()
                .is_some_and(|w| w.ends_with('ة'));
            let unknown_title = keys
                .first()
                .is_some_and(|k| !doc.lex.titles.contains(k) && !doc.lex.sources.contains(k));
            let named = self
                .history
                .iter()
                .rev()
                .take(HISTORY_REACH)
                .map(|&(_, e)| e)
                .find(|&e| {
                    let ent = &self.entities[e];
                    ent.head == Head::Person && !ent.described_only && ent.feminine == feminine
                })
                .filter(|&e| unknown_title || self.entities[e].descriptors.is_empty());
            if let Some(e) = named {
                return (e, Reached::Coreference);
            }
        }
        (self.new_described(np).0, Reached::Explicit)
    }

    fn new_described(&mut self, np: &NounPhrase) -> (usize, Reached) {
        self.entities.push(Entity {
            name: (np.start, np.end),
            name_words: Vec::new(),
            descriptors: np.descriptors.clone(),
            head: np.head,
            feminine: np.feminine,
            described_only: true,
            lost_alef: np.lost_alef,
        });
        (self.entities.len() - 1, Reached::Explicit)
    }
}

/// Does `haystack` contain `needle` as a run of consecutive words?
fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}
