//! Reporting cues: one aho-corasick pass over the folded document, then a
//! check that each match is a whole word, allowing the clitics and attached
//! pronouns of Arabic (`وقالت`، `فقال`، `وصفهم`، `بقوله`، `سيقول`).

use crate::lexicon::{CueKind, Lexicons};
use crate::tokens::{token_at, Token};

/// A cue found in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueHit {
    /// Index of the cue's first token.
    pub first_tok: usize,
    /// Index of the cue's last token.
    pub last_tok: usize,
    /// Folded byte range of the cue, clitics and pronouns included.
    pub start: usize,
    pub end: usize,
    /// Index into [`Lexicons::cue_forms`].
    pub form: usize,
    /// Where the noun after an open-ended phrase starts inside its last
    /// token (`وفقا ل|تقرير`), if it does.
    pub inner_start: Option<usize>,
    /// Starts with the conjunction و or ف (`وقال`, `فقال`).
    pub conjoined: bool,
    /// Ends with an attached pronoun (`وصفهم`، `اعتبرها`).
    pub pronoun: bool,
}

const PRONOUNS: [&str; 9] = ["ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك", "كم"];

fn prefix_allowed(kind: CueKind, prefix: &str) -> bool {
    match kind {
        // No future (`ستواصل`، `سيقول`): what someone will say has not
        // been said.
        CueKind::Verb { .. } => matches!(prefix, "" | "و" | "ف" | "ل" | "وف" | "ول" | "فل"),
        CueKind::Relay => matches!(prefix, "" | "و" | "ف"),
        CueKind::Participle => matches!(prefix, "" | "و"),
        CueKind::According | CueKind::SpeechNoun => matches!(prefix, "" | "و" | "ف"),
    }
}

/// Every cue in `text` (folded), in order.
pub(crate) fn find_cues(text: &str, tokens: &[Token], lex: &Lexicons) -> Vec<CueHit> {
    let mut hits = Vec::new();
    for m in lex.cues.find_iter(text) {
        let form = &lex.cue_forms[m.pattern().as_usize()];
        let first_tok = token_at(tokens, m.start());
        let Some(first) = tokens.get(first_tok) else {
            continue;
        };
        if !first.is_word() || first.start as usize > m.start() {
            continue;
        }
        let prefix = &text[first.start as usize..m.start()];
        if !prefix_allowed(form.kind, prefix) {
            continue;
        }
        let last_tok = token_at(tokens, m.end() - 1);
        let last = tokens[last_tok];
        let rest = &text[m.end()..last.end as usize];
        let (end, inner_start) = if form.open_end {
            (m.end(), (!rest.is_empty()).then_some(m.end()))
        } else if rest.is_empty() {
            (m.end(), None)
        } else if !matches!(form.kind, CueKind::Participle | CueKind::According)
            && (PRONOUNS.contains(&rest)
                // `ووصفوه`: the plural's alef drops before a pronoun.
                || (matches!(form.kind, CueKind::Verb { present: false })
                    && rest
                        .strip_prefix('و')
                        .is_some_and(|p| PRONOUNS.contains(&p))))
        {
            (last.end as usize, None)
        } else {
            continue;
        };
        // `أحسن أبو طالب`, `محمد بن نايف`: a word after a name connector
        // is part of the name, even when it spells a verb.
        let after_connector = first_tok > 0
            && tokens[first_tok - 1].is_word()
            && matches!(
                tokens[first_tok - 1].text(text),
                "ابو" | "ابي" | "ابا" | "بن" | "ابن" | "بنت" | "عبد" | "ال" | "ام"
            );
        if after_connector && prefix.is_empty() {
            continue;
        }
        // `طلبوا عدم ذكر أسمائهم`: after عدم the form is a verbal noun.
        let negated_noun = first_tok > 0
            && tokens[first_tok - 1].is_word()
            && matches!(tokens[first_tok - 1].text(text), "عدم" | "وعدم");
        if negated_noun && prefix.is_empty() {
            continue;
        }
        hits.push(CueHit {
            first_tok,
            last_tok,
            start: first.start as usize,
            end,
            form: m.pattern().as_usize(),
            inner_start,
            conjoined: prefix.starts_with('و') || prefix.starts_with('ف'),
            pronoun: end > m.end(),
        });
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Additions;
    use crate::tokens::tokenize;

    fn cues(text: &str) -> Vec<(String, String)> {
        let lex = Lexicons::build(&Additions::default()).unwrap();
        let text = crate::normalize::Normalized::new(text).text;
        let tokens = tokenize(&text);
        find_cues(&text, &tokens, &lex)
            .iter()
            .map(|h| {
                (
                    text[h.start..h.end].to_owned(),
                    lex.cue_forms[h.form].lemma.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn clitics_and_pronouns_are_part_of_the_cue() {
        assert_eq!(cues("وقالت الوزيرة"), [("وقالت".into(), "قال".into())]);
        assert_eq!(cues("فقال"), [("فقال".into(), "قال".into())]);
        assert_eq!(cues("وصفهم بـ"), [("وصفهم".into(), "وصف".into())]);
        // The future reports nothing yet (`ستواصل اتخاذ "…"`).
        assert!(cues("سيقول").is_empty());
        assert!(cues("وستواصل").is_empty());
    }

    #[test]
    fn participles_and_phrases() {
        assert_eq!(cues("مضيفاً أن"), [("مضيفا".into(), "أضاف".into())]);
        assert_eq!(cues("ووفقاً لتقرير"), [("ووفقا ل".into(), "وفقا ل".into())]);
        assert_eq!(cues("بحسب الوزارة"), [("بحسب".into(), "بحسب".into())]);
    }

    #[test]
    fn a_cue_inside_a_longer_word_is_not_a_cue() {
        assert!(cues("انتقال المقال").is_empty());
        assert!(cues("بين البلدين").is_empty());
    }
}
