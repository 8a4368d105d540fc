//! Known speakers: people and organisations a team already tracks, with
//! their aliases and an identifier (a Wikidata QID, say).
//!
//! The file is tab-separated, one speaker a line:
//! `id<TAB>canonical name<TAB>alias<TAB>alias…`, `#` starting a comment.
//! An attribution whose speaker's name holds one of the aliases (or the
//! canonical name) as whole words gets that entry's `id` and canonical name.

use crate::normalize::fold;
use crate::Error;

/// One known speaker.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    canonical: String,
    /// Folded aliases, canonical name included, as word lists.
    aliases: Vec<Vec<String>>,
}

/// The known speakers loaded into an extractor.
#[derive(Debug, Clone, Default)]
pub(crate) struct KnownSpeakers {
    entries: Vec<Entry>,
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl KnownSpeakers {
    /// Adds the entries of one file; `source` names it in errors.
    pub fn add(&mut self, tsv: &str, source: &str) -> Result<(), Error> {
        for (i, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::Lexicon {
                source_name: source.to_owned(),
                line: i + 1,
                message,
            };
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            if fields.len() < 2 {
                return Err(bad(
                    "expected `id<TAB>canonical name[<TAB>alias…]`: separate the fields with tabs"
                        .to_owned(),
                ));
            }
            if fields[0].is_empty() || fields[0].chars().any(char::is_whitespace) {
                return Err(bad(format!(
                    "the id `{}` must be one non-empty word",
                    fields[0]
                )));
            }
            if fields[1].is_empty() {
                return Err(bad("the canonical name is empty".to_owned()));
            }
            let mut aliases = Vec::new();
            for (n, alias) in fields[1..].iter().enumerate() {
                let w = words(alias);
                if w.is_empty() {
                    return Err(bad(format!("alias {} has no letters", n + 1)));
                }
                aliases.push(w);
            }
            self.entries.push(Entry {
                id: fields[0].to_owned(),
                canonical: fields[1].to_owned(),
                aliases,
            });
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry whose longest alias occurs, as whole words, in `name`:
    /// `(id, canonical name)`.
    pub fn find(&self, name: &str) -> Option<(&str, &str)> {
        let name = words(name);
        let mut best: Option<(&Entry, usize)> = None;
        for entry in &self.entries {
            for alias in &entry.aliases {
                let n = alias.len();
                let found = n <= name.len() && name.windows(n).any(|w| w == alias.as_slice());
                if found && best.is_none_or(|(_, len)| n > len) {
                    best = Some((entry, n));
                }
            }
        }
        best.map(|(e, _)| (e.id.as_str(), e.canonical.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# people\nQ7821\tأنتوني بلينكن\tبلينكن\nQ5580\tفؤاد حسين\tحسين\n";

    #[test]
    fn finds_the_entry_by_any_alias_as_whole_words() {
        let mut known = KnownSpeakers::default();
        known.add(FILE, "test").unwrap();
        assert_eq!(
            known.find("أنتوني بلينكن"),
            Some(("Q7821", "أنتوني بلينكن"))
        );
        assert_eq!(
            known.find("الوزير بلينكن"),
            Some(("Q7821", "أنتوني بلينكن"))
        );
        assert_eq!(known.find("فؤاد حسين"), Some(("Q5580", "فؤاد حسين")));
        assert_eq!(known.find("حسينات"), None);
    }

    #[test]
    fn a_malformed_line_names_its_number() {
        let mut known = KnownSpeakers::default();
        let err = known
            .add("Q1\tاسم\nQ2 اسم بلا تبويب\n", "speakers.tsv")
            .unwrap_err();
        assert!(err.to_string().contains("speakers.tsv, line 2"), "{err}");
    }
}
