//! Speaker mentions: the noun phrase a cue links to.
//!
//! Arabic news names a speaker with a chain of titles, their genitives and
//! adjectives, then the name (`وزير الخارجية العراقي فؤاد حسين`), or the
//! name first and an appositive title after it (`كريج ريدي رئيس الوكالة`),
//! or only a title or an organisation (`مصدر عسكري ميداني`، `الرابطة`).
//! [`parse_noun_phrase`] reads such a chain word by word and says which
//! words are the name and which describe the speaker.

use crate::lexicon::{Lexicons, WordList};

/// What a noun phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A person, named or described (`الوزير الأميركي`).
    Person,
    /// An organisation or institution (`وزارة الخارجية`، `الرابطة`).
    Organisation,
    /// A document speaking for its author (`البيان`).
    Document,
}

/// A speaker mention in the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NounPhrase {
    /// Folded byte range of the whole mention.
    pub start: usize,
    pub end: usize,
    /// Token range of the mention (end exclusive).
    pub first_tok: usize,
    pub end_tok: usize,
    /// Folded byte range of the personal name within it, if any.
    pub name: Option<(usize, usize)>,
    /// Title and description words, folded, without ال or clitics
    /// (`وزير`, `خارجيه`, `اميركي`): what coreference matches on.
    pub descriptors: Vec<String>,
    pub head: Head,
    /// Grammatically feminine head (`المتحدثة`، `الوزارة`).
    pub feminine: bool,
    /// The phrase starts inside `للبنك` after `وفقا ل`: its first word lost
    /// the alef of its article, which a name written out must restore.
    pub lost_alef: bool,
}

/// How a word behaves inside a speaker's noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// Ends the phrase: particles, prepositions, adverbs of time, numbers.
    Stop,
    /// A person's title or role; `true` when feminine.
    Title(bool),
    /// An organisation's head noun; `true` when feminine.
    Organisation(bool),
    /// A document (`بيان`، `تقرير`).
    Document,
    /// `باسم`، `بمجموعة`، `لحقوق`: links a title to its genitive.
    Link,
    /// `بن`، `أبو`، `عبد`، `آل`: joins the parts of a name.
    Connector,
    /// A word with the article: a genitive, an adjective or a surname.
    Definite,
    /// A country, capital or region (`قطر`، `واشنطن`).
    Place,
    /// Anything else: a name, as far as the lexicons know.
    Name,
}

/// Removes the conjunction و or ف when what remains is in `list`.
fn without_conjunction<'w>(word: &'w str, list: &WordList) -> Option<&'w str> {
    let rest = word.strip_prefix('و').or_else(|| word.strip_prefix('ف'))?;
    list.contains(rest).then_some(rest)
}

/// Strips the article and its fused prepositions: `ال`، `بال`، `لل`…
pub(crate) fn strip_article(word: &str) -> &str {
    for p in ["وال", "فال", "بال", "كال", "لل", "ال"] {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    word
}

/// Looks a noun up in `list` in its inflected forms: article, feminine ـة,
/// sound plurals and attached pronouns (`المتحدثة`، `مسؤولو`، `نظيره`،
/// `زوجته`). Returns whether the form was feminine.
pub(crate) fn lookup_noun(list: &WordList, word: &str) -> Option<bool> {
    let definite = strip_article(word).len() < word.len();
    let base = strip_article(word);
    if list.contains(base) {
        // Listed with its ـة: `وزارة`, `هيئة`.
        return Some(base.ends_with('ة') || base.ends_with('ه'));
    }
    if let Some(stem) = base.strip_suffix('ة') {
        if list.contains(stem) {
            return Some(true);
        }
    }
    if let Some(stem) = base.strip_suffix('ه') {
        // `المتحدثه` spelt with ha is feminine; `نظيره` is his counterpart.
        if list.contains(stem) {
            return Some(definite);
        }
    }
    // A pronoun after the feminine ending turns ة into ت: زوجته → زوجة.
    for suffix in ["ه", "ها", "هم", "هما"] {
        if let Some(stem) = base.strip_suffix(suffix) {
            if list.contains(stem) {
                return Some(false);
            }
            if let Some(fem) = stem.strip_suffix('ت') {
                if list.contains(fem) || list.contains(&format!("{fem}ة")) {
                    return Some(true);
                }
            }
        }
    }
    // Feminine plurals: `شركات` → `شركة`.
    if let Some(stem) = base.strip_suffix("ات") {
        if stem.chars().count() >= 2 && list.contains(&format!("{stem}ه")) {
            return Some(true);
        }
    }
    for plural in ["ون", "ين", "و"] {
        if let Some(stem) = base.strip_suffix(plural) {
            if stem.chars().count() >= 3 && list.contains(stem) {
                return Some(false);
            }
        }
    }
    None
}

/// Classifies one folded word.
pub(crate) fn classify(lex: &Lexicons, word: &str) -> WordClass {
    if lex.stops.contains(word) || without_conjunction(word, &lex.stops).is_some() {
        return WordClass::Stop;
    }
    // Numbers, and one-letter clitics split off by a tatweel (`بـ"…"`).
    let digit =
        |c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c);
    // `بـ350`: a number with a clitic is no name either.
    if word.chars().any(digit) || word.chars().nth(1).is_none() {
        return WordClass::Stop;
    }
    if lex.places.contains(word) {
        return WordClass::Place;
    }
    if is_circumstantial(word) {
        return WordClass::Stop;
    }
    let unconjoined = word
        .strip_prefix('و')
        .filter(|rest| rest.chars().count() >= 3)
        .unwrap_or(word);
    for w in [word, unconjoined] {
        // `مؤسسة` is listed as a body; as the feminine of `مؤسس` (founder)
        // it would be a title: the listed form wins.
        let base = strip_article(w);
        if lex.organisations.contains(base) {
            return WordClass::Organisation(base.ends_with('ة') || base.ends_with('ه'));
        }
        if let Some(fem) = lookup_noun(&lex.titles, w) {
            return WordClass::Title(fem);
        }
        if let Some(fem) = lookup_noun(&lex.organisations, w) {
            return WordClass::Organisation(fem);
        }
    }
    if lookup_noun(&lex.documents, word).is_some() {
        return WordClass::Document;
    }
    if matches!(
        word,
        "بن" | "ابن"
            | "بنت"
            | "ابو"
            | "ابي"
            | "ابا"
            | "عبد"
            | "ال"
            | "ام"
            | "دي"
            | "ديل"
            | "دا"
            | "فان"
            | "فون"
            | "لا"
            | "لو"
            | "اولد"
    ) {
        return WordClass::Connector;
    }
    if word == "باسم" {
        return WordClass::Link;
    }
    if (word.starts_with("ال") || word.starts_with("وال")) && word.chars().count() > 3 {
        return WordClass::Definite;
    }
    if (word.starts_with('ب') || word.starts_with('ل')) && word.chars().count() > 3 {
        let rest = &word['ب'.len_utf8()..];
        if rest.starts_with("ال")
            || is_verbal_noun(rest)
            || lookup_noun(&lex.organisations, rest).is_some()
            || lookup_noun(&lex.titles, rest).is_some()
        {
            return WordClass::Link;
        }
    }
    WordClass::Name
}

/// The descriptor key of a word in a phrase: a conjunction before a title
/// or an organisation goes (`وأمير دولة قطر` → `امير`).
pub(crate) fn key_of(lex: &Lexicons, word: &str) -> String {
    match word.strip_prefix('و') {
        Some(rest)
            if rest.chars().count() >= 3
                && (lookup_noun(&lex.titles, rest).is_some()
                    || lookup_noun(&lex.organisations, rest).is_some()) =>
        {
            noun_key(rest)
        }
        _ => noun_key(word),
    }
}

/// `اتخاذ`، `استخدام`، `تشغيل`: the verbal nouns of the derived verb
/// forms (افتعال، استفعال، إفعال، تفعيل) by their shape. After بـ or لـ
/// (`باتخاذ`، `لتشغيل`) such a word opens a phrase, never a name.
fn is_verbal_noun(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if !(5..=7).contains(&n) {
        return false;
    }
    match (chars[0], n) {
        // إفعال (ارسال), افتعال (اعتماد; اتخاذ), انفعال, استفعال.
        // Only the assimilated افتعال (اتخاذ، اتصال): إفعال's shape is
        // shared by names (`باسكال` is not بـ + اسكال).
        ('ا', 5) => chars[1] == 'ت' && chars[3] == 'ا',
        ('ا', 6) => chars[4] == 'ا' && (chars[2] == 'ت' || chars[1] == 'ن'),
        ('ا', 7) => chars[1] == 'س' && chars[2] == 'ت' && chars[5] == 'ا',
        // تفعيل (تشغيل).
        ('ت', 5) => chars[3] == 'ي',
        _ => false,
    }
}

/// `بـ`، `بأنه`: what a verb like وصف takes after its object; a definite
/// word before it, after a full name, is that object (`ووصف سامي عادل
/// الهجوم بـ"…"`), not a surname. So is one followed by its adjective
/// (`طالب سامي عادل المجتمع الدولي`).
pub(crate) fn takes_bi(next: &str) -> bool {
    next == "ب" || next.starts_with("بان")
}

/// `متوجها`، `مبتسما`: a participle in the accusative describes how the
/// subject acts; it ends the subject's phrase. (Names like `ماريا` or
/// `منانغاغوا` have a long vowel after the mim or before the last alef.)
fn is_circumstantial(word: &str) -> bool {
    let mut chars = word.chars();
    let (Some('م'), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    let before_last = word.chars().rev().nth(1);
    word.chars().count() >= 5
        && word.ends_with('ا')
        && !matches!(second, 'ا' | 'و' | 'ي')
        && !matches!(before_last, Some('ا' | 'و' | 'ي'))
}

/// Is this definite word an adjective of nationality or affiliation?
pub(crate) fn is_nisba(lex: &Lexicons, word: &str) -> bool {
    let masculine = word
        .strip_suffix('ة')
        .or_else(|| word.strip_suffix('ه'))
        .unwrap_or(word);
    lex.nisba.contains(word) || lex.nisba.contains(masculine)
}

/// A known place, or a bare word that is none of the lexicons' nouns
/// (`الشرطة في تايلاند`), but not `في بيان` or `في مؤتمر`.
fn is_place_like(lex: &Lexicons, word: &str) -> bool {
    match classify(lex, word) {
        WordClass::Place | WordClass::Organisation(_) => true,
        WordClass::Name => {
            lookup_noun(&lex.naming, word).is_none() && !word.starts_with(['ب', 'ل'])
        }
        _ => false,
    }
}

/// `لصحيفة`، `للصحفيين`: a preposition glued to a noun, which ends a name
/// (a name may start with lam: `هنري لوران`).
fn is_dative(lex: &Lexicons, word: &str) -> bool {
    let Some(rest) = word.strip_prefix('ل') else {
        return false;
    };
    rest.starts_with('ل')
        || lookup_noun(&lex.organisations, rest).is_some()
        || lookup_noun(&lex.naming, rest).is_some()
        || lookup_noun(&lex.titles, rest).is_some()
}

/// A definite sound plural (`المعارضين`، `المسؤولون`): a group, not a surname.
pub(crate) fn sound_plural(word: &str) -> bool {
    let stem = word.strip_prefix("ال").unwrap_or(word);
    stem.chars().count() >= 6 && (stem.ends_with("ين") || stem.ends_with("ون"))
}

/// The longest a speaker's noun phrase runs, in words.
const MAX_WORDS: usize = 24;

/// The words of a noun phrase starting at token `from` (or inside it, at
/// folded byte `inner_start`, after an open-ended phrase like `وفقا ل`).
/// `is_cue(k)` says whether token `k` is a cue, which ends the phrase.
pub(crate) fn parse_noun_phrase(
    text: &str,
    tokens: &[crate::tokens::Token],
    lex: &Lexicons,
    from: usize,
    inner_start: Option<usize>,
    is_cue: &dyn Fn(usize) -> bool,
) -> Option<NounPhrase> {
    let mut np = NounPhrase {
        start: 0,
        end: 0,
        first_tok: from,
        end_tok: from,
        name: None,
        descriptors: Vec::new(),
        head: Head::Person,
        feminine: false,
        lost_alef: false,
    };
    let mut head: Option<Head> = None;
    let mut name_open = false;
    let mut title_after_name = false;
    let mut indefinite_title_head = false;
    // Adjectives right after an indefinite title head (`مصدر عسكري ميداني`).
    let mut adjectives = 0;
    // The head is an unnamed source (`مصدر`، `مسؤول`).
    let mut unnamed_source = false;
    // Plain name words in the current name, connectors aside.
    let mut plain_name_words = 0;
    // The current name has a lineage link (`بن`، `آل`).
    let mut joined_by_lineage = false;
    // A title joined by و or a comma after the name may lead to another.
    let mut renamed_by_apposition = false;
    // The name began the phrase (`غراهام أشتون مفوض الشرطة`), rather than
    // following a title as its genitive (`صديق فورمان ووكيل أعماله`).
    let mut name_first = false;
    let mut definite_organisation = false;
    // The phrase began with a lone definite word taken for a name (`الأسد`).
    let mut bare_definite = false;
    let mut k = from;
    let after_class = |k: usize| -> Option<WordClass> {
        let prev = k.checked_sub(1).filter(|&p| p >= from)?;
        let t = tokens.get(prev)?;
        t.is_word().then(|| classify(lex, t.text(text)))
    };
    // Does token `k` end a phrase: punctuation, a break, a stop word, a
    // cue, or the end of the text?
    let ends_phrase = |k: usize| -> bool {
        match tokens.get(k) {
            None => true,
            Some(t) if !t.is_word() => true,
            Some(t) => is_cue(k) || classify(lex, t.text(text)) == WordClass::Stop,
        }
    };
    let word_at = |k: usize| -> Option<&str> {
        let t = tokens.get(k)?;
        if !t.is_word() {
            return None;
        }
        let s = match inner_start {
            Some(s) if k == from && s > t.start as usize && s < t.end as usize => s,
            _ => t.start as usize,
        };
        Some(&text[s..t.end as usize])
    };
    while k < tokens.len() && k < from + MAX_WORDS {
        let t = tokens[k];
        // `وكالة "تسنيم" الإيرانية`: an organisation's name in quotation
        // marks belongs to the phrase, right after the organisation's noun
        // (after `مصدر عسكري` the marks open what the source said).
        if let crate::tokens::TokenKind::Punct(c) = t.kind {
            // `منصة #فيسبوك`، `#أمهات_المختطفين`: a name written as a
            // hashtag; its `#` and `_` hold to the words they join.
            let joins_next = tokens
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.start == t.end);
            if joins_next && c == '#' {
                // The hashtag is the name and ends the phrase.
                let mut last = k + 1;
                while tokens.get(last + 1).is_some_and(|u| {
                    u.kind == crate::tokens::TokenKind::Punct('_') && u.start == tokens[last].end
                }) && tokens
                    .get(last + 2)
                    .is_some_and(|n| n.is_word() && n.start == tokens[last + 1].end)
                {
                    last += 2;
                }
                let first_word = k == from;
                // `منصة #فيسبوك`: an organisation is named with its noun.
                let begin = if first_word {
                    t.start as usize
                } else if head == Some(Head::Organisation) {
                    np.start
                } else {
                    np.name.map_or(tokens[k + 1].start as usize, |(s, _)| s)
                };
                np.name = Some((begin, tokens[last].end as usize));
                if first_word {
                    np.start = t.start as usize;
                    np.first_tok = k;
                }
                head.get_or_insert(Head::Person);
                np.end = tokens[last].end as usize;
                np.end_tok = last + 1;
                break;
            }
            let after_body = k > from
                && word_at(k - 1)
                    .is_some_and(|w| matches!(classify(lex, w), WordClass::Organisation(_)));
            if crate::marks::is_mark(c)
                && head == Some(Head::Organisation)
                && np.name.is_none()
                && after_body
            {
                let close = (k + 2..(k + 6).min(tokens.len())).find(|&j| {
                    matches!(tokens[j].kind, crate::tokens::TokenKind::Punct(m) if crate::marks::is_mark(m))
                });
                let all_words = close.is_some_and(|j| (k + 1..j).all(|i| tokens[i].is_word()));
                if let (Some(j), true) = (close, all_words) {
                    for quoted in &tokens[k + 1..j] {
                        np.descriptors.push(noun_key(quoted.text(text)));
                    }
                    np.end = tokens[j].end as usize;
                    np.end_tok = j + 1;
                    k = j + 1;
                    continue;
                }
            }
        }
        let Some(word) = word_at(k) else {
            // A comma may open an apposition: `الرئيس السوري، بشار الأسد،`
            // or `أحمد أبو زيد، المتحدث الرسمي`.
            let comma = matches!(t.kind, crate::tokens::TokenKind::Punct(',' | '،'));
            if comma && head.is_some() {
                if let Some(next) = word_at(k + 1).filter(|_| !is_cue(k + 1)) {
                    let class = classify(lex, next);
                    // A name set off by commas after a title chain is the
                    // speaker's, even when the chain held a name of its own
                    // (`رئيس وكالة السياحة في إقليم نوسا، محمد فوزل، لوكالة`).
                    let closed = || {
                        // Replacing a name: not with a prepositional phrase
                        // (`، بمناسبة عيد الفطر`).
                        if np.name.is_some() && next.starts_with(['ب', 'ل', 'ك', 'ف']) {
                            return false;
                        }
                        let mut j = k + 1;
                        // A nationality or the article may lead the name.
                        if word_at(j).is_some_and(|w| classify(lex, w) == WordClass::Definite)
                            && word_at(j + 1).is_some_and(|w| {
                                matches!(classify(lex, w), WordClass::Name | WordClass::Connector)
                            })
                        {
                            j += 1;
                        }
                        let mut plain = 0;
                        while j - k <= 5
                            && !is_cue(j)
                            && word_at(j).is_some_and(|w| {
                                matches!(classify(lex, w), WordClass::Name | WordClass::Connector)
                            })
                        {
                            if word_at(j).is_some_and(|w| classify(lex, w) == WordClass::Name) {
                                plain += 1;
                            }
                            j += 1;
                        }
                        // `، طلبوا عدم ذكر أسمائهم،` is a clause, not a name.
                        if plain > 3 {
                            return false;
                        }
                        // One surname with the article may close it.
                        if j > k + 1
                            && word_at(j).is_some_and(|w| classify(lex, w) == WordClass::Definite)
                        {
                            j += 1;
                        }
                        j > k + 1 && ends_phrase(j)
                    };
                    // `رئيس النادي، القطري ناصر الخليفي`: a nationality may
                    // come first; `الرئيس، الباجي قايد السبسي`: a name may
                    // start with the article.
                    let after = word_at(k + 2).map(|w| classify(lex, w));
                    let nisba_then_name = class == WordClass::Definite
                        && is_nisba(lex, next)
                        && matches!(after, Some(WordClass::Name));
                    let article_name = class == WordClass::Definite
                        && !is_nisba(lex, next)
                        && matches!(
                            after,
                            Some(WordClass::Name | WordClass::Definite | WordClass::Connector)
                        );
                    let name_like = matches!(class, WordClass::Name | WordClass::Connector)
                        || nisba_then_name
                        || article_name;
                    // The name must close where the apposition does
                    // (`، بشار الأسد، إن`), not run into a new clause
                    // (`وبحسب حاكم الولاية، قدم الركاب المساعدة`).
                    let name_follows = name_like
                        && head == Some(Head::Person)
                        && (np.name.is_none() || !name_first)
                        && closed();
                    if name_follows && article_name && np.name.is_none() {
                        // Start the name at the definite word itself.
                        let t2 = tokens[k + 1];
                        np.name = Some((t2.start as usize, t2.end as usize));
                        np.end = t2.end as usize;
                        np.end_tok = k + 2;
                        name_open = true;
                        plain_name_words = 1;
                        k += 2;
                        continue;
                    }
                    let title_follows = matches!(class, WordClass::Title(_))
                        && np.name.is_some()
                        && !title_after_name;
                    if name_follows || title_follows {
                        if name_follows && np.name.is_some() {
                            // The apposition's name replaces the chain's.
                            title_after_name = true;
                            renamed_by_apposition = true;
                        }
                        name_open = false;
                        k += 1;
                        continue;
                    }
                }
            }
            break;
        };
        if is_cue(k) {
            break;
        }
        let first = head.is_none();
        let start = if k == from {
            inner_start
                .unwrap_or(t.start as usize)
                .max(t.start as usize)
        } else {
            t.start as usize
        };
        // After `وفقا ل` the rest of `للبنك` is `لبنك`: the article's lam.
        let class = match (k == from && inner_start.is_some(), word.strip_prefix('ل')) {
            (true, Some(rest)) => {
                np.lost_alef = true;
                classify(lex, &format!("ال{rest}"))
            }
            _ => classify(lex, word),
        };
        // `باسم` links a spokesman to his body (`المتحدث باسم الوزارة`);
        // elsewhere it is the name Basem (`باسم أبوداود`).
        let class = match class {
            WordClass::Link if word == "باسم" => {
                let spokesman = k > from
                    && word_at(k - 1).is_some_and(|w| {
                        let key = noun_key(w);
                        key.starts_with("متحدث") || key.starts_with("ناطق")
                    });
                if spokesman {
                    class
                } else {
                    WordClass::Name
                }
            }
            other => other,
        };
        match class {
            // `رابطة اللاعبين المحترفين في إسبانيا`, `رئيس وكالة السياحة في
            // إقليم …`: where a body or an office is.
            WordClass::Stop
                if word == "في"
                    && head.is_some()
                    && np.name.is_none()
                    && word_at(k + 1).is_some_and(|w| is_place_like(lex, w)) =>
            {
                np.end = tokens[k + 1].end as usize;
                np.end_tok = k + 2;
                k += 2;
                continue;
            }
            // `مصدر قريب من ترامب`, `مصادر مقربة من الحكومة`: an unnamed
            // source is described by whom it is close to.
            WordClass::Stop
                if word == "من"
                    && unnamed_source
                    && np.name.is_none()
                    && word_at(k + 1).is_some_and(|w| {
                        matches!(
                            classify(lex, w),
                            WordClass::Name
                                | WordClass::Definite
                                | WordClass::Place
                                | WordClass::Organisation(_)
                                | WordClass::Title(_)
                        )
                    }) =>
            {
                np.descriptors
                    .push(noun_key(word_at(k + 1).unwrap_or_default()));
                np.end = tokens[k + 1].end as usize;
                np.end_tok = k + 2;
                k += 2;
                continue;
            }
            WordClass::Stop => break,
            WordClass::Title(fem) => {
                if np.name.is_some() {
                    // `كريج ريدي رئيس الوكالة` describes him; only a title
                    // joined by و may lead to the real name (`صديق فورمان
                    // ووكيل أعماله دنيس أسبلاند`).
                    title_after_name = true;
                    renamed_by_apposition = word.starts_with('و');
                    name_open = false;
                }
                if first {
                    np.feminine = fem;
                    indefinite_title_head = !word.starts_with("ال");
                    // `مصدر أمني`, not `الخبير الأمني أستاذ …`.
                    unnamed_source =
                        indefinite_title_head && lookup_noun(&lex.sources, word).is_some();
                }
                np.descriptors.push(key_of(lex, word));
                head.get_or_insert(Head::Person);
            }
            WordClass::Organisation(fem) => {
                if np.name.is_some() && !title_after_name {
                    break;
                }
                // `الجيش والشرطة`: two bodies joined, not one body's name.
                if !first
                    && head == Some(Head::Organisation)
                    && word.starts_with('و')
                    && np.name.is_none()
                {
                    break;
                }
                if first {
                    np.feminine = fem;
                    definite_organisation = word.starts_with("ال");
                }
                np.descriptors.push(key_of(lex, word));
                head.get_or_insert(Head::Organisation);
            }
            // `بيان صادر عن الوزارة`, `تقرير نشرته الهيئة`: the document's
            // phrase ends before the verb of publishing.
            _ if head == Some(Head::Document) && lex.publishing.contains(word) => break,
            WordClass::Document => {
                if !first {
                    break;
                }
                np.descriptors.push(noun_key(word));
                head = Some(Head::Document);
            }
            WordClass::Link => {
                if first || (np.name.is_some() && !title_after_name) {
                    break;
                }
                np.descriptors.push(noun_key(word));
            }
            WordClass::Place => {
                if first {
                    np.name = Some((start, t.end as usize));
                    name_first = true;
                    bare_definite = true;
                    head = Some(Head::Person);
                } else if name_open || (np.name.is_some() && !title_after_name) {
                    break;
                } else {
                    // `أمير قطر`, `سفير مصر`: the title's genitive.
                    np.descriptors.push(noun_key(word));
                }
            }
            // `لمكافحة`، `لمهرجان`: a prepositional genitive of a title.
            WordClass::Name
                if word.starts_with('ل')
                    && word.chars().count() > 3
                    && !first
                    && (np.name.is_none() || title_after_name) =>
            {
                np.descriptors.push(noun_key(word));
            }
            // `بي.بي.سي ومحطة …`: a conjunction inside a name starts another.
            WordClass::Name
                if name_open && word.starts_with('و') && !lex.waw_names.contains(word) =>
            {
                break
            }
            // `المرصد رامي عبد الرحمن`: a definite organisation is complete.
            WordClass::Name if definite_organisation && np.name.is_none() => break,
            // `المستثمر جورج سوروس`: a lone definite word before a name
            // was a description of him, not his name.
            WordClass::Name if bare_definite && np.name.is_some() && k == np.first_tok + 1 => {
                let first_word = word_at(np.first_tok).unwrap_or_default();
                np.descriptors.push(noun_key(first_word));
                np.name = Some((start, t.end as usize));
                bare_definite = false;
                name_first = false;
                name_open = true;
                plain_name_words = 1;
            }
            WordClass::Connector | WordClass::Name => {
                let after_connector = k > from
                    && word_at(k - 1).is_some_and(|w| classify(lex, w) == WordClass::Connector);
                let adjectival = unnamed_source
                    || (word.ends_with('ي') || word.ends_with("يه") || word.ends_with("ية"));
                if indefinite_title_head
                    && np.name.is_none()
                    && k == np.first_tok + np.descriptors.len()
                    && np.descriptors.len() == adjectives + 1
                    && adjectival
                {
                    adjectives += 1;
                    // `مصدر عسكري ميداني`, `مصدر أمني رفيع`: adjectives of
                    // an indefinite title.
                    np.descriptors.push(noun_key(word));
                } else if name_open {
                    // A name is two plain words, more only through
                    // connectors (`تميم بن حمد`, `خوان مارتن ديل بوترو`):
                    // `أكد الوزير فؤاد حسين دعم بلاده` stops at حسين; and a
                    // preposition glued to a word ends it (`فهمي لصحيفة`).
                    if class == WordClass::Name && !after_connector {
                        // `تركي بن عبدالله أسرة الشهيد`: a name joined by
                        // بن or آل ends with the part after it.
                        if is_dative(lex, word) || joined_by_lineage {
                            break;
                        }
                        // `أحسن أبو طالب بمراقبة المساجد`: a preposition
                        // glued to a noun, unless the name ends there
                        // (`فلاديمير بوتين،`).
                        let name_words = np.name.map_or(0, |(s, e)| text[s..e].split(' ').count());
                        if name_words >= 2
                            && word.starts_with(['ب', 'ل', 'ك'])
                            && word.chars().count() >= 4
                            && !ends_phrase(k + 1)
                        {
                            break;
                        }
                        // A third plain word only when the phrase ends with
                        // it (`جوسيب ماريا بارتوميو بأن`); otherwise it is
                        // the object or a preposition (`فؤاد حسين دعم بلاده`,
                        // `حسان بدر بأداء اللاعبين`).
                        if plain_name_words >= 3 || (plain_name_words == 2 && !ends_phrase(k + 1)) {
                            break;
                        }
                        plain_name_words += 1;
                    }
                    if class == WordClass::Connector && matches!(word, "بن" | "ابن" | "بنت" | "ال")
                    {
                        joined_by_lineage = true;
                    }
                    if let Some((s, _)) = np.name {
                        np.name = Some((s, t.end as usize));
                    }
                } else if np.name.is_none()
                    && head == Some(Head::Person)
                    && k > from
                    && word_at(k - 1).is_some_and(|w| {
                        // `نادي برشلونة`, `لنادي ريال`: after an indefinite
                        // organisation noun, with or without a preposition.
                        let bare = w.strip_prefix(['ل', 'ب']).unwrap_or(w);
                        !w.starts_with("ال")
                            && (matches!(classify(lex, w), WordClass::Organisation(_))
                                || lookup_noun(&lex.organisations, bare).is_some())
                    })
                {
                    // `رئيس نادي برشلونة جوسيب`: the club's name, then his.
                    np.descriptors.push(noun_key(word));
                } else if (np.name.is_none() || title_after_name)
                    && after_class(k).is_some_and(|c| matches!(c, WordClass::Title(_)))
                    && ["ه", "ها", "هم", "هما"].iter().any(|p| word.ends_with(p))
                {
                    // `ووكيل أعماله`, `زوجة نجله`: the title's genitive.
                    np.descriptors.push(noun_key(word));
                } else if head == Some(Head::Document)
                    && np.name.is_none()
                    && !word.contains('.')
                    && ["ة", "ي", "ية"].iter().any(|e| word.ends_with(e))
                {
                    // `وثيقة منفصلة`: an adjective of the document.
                    np.descriptors.push(noun_key(word));
                } else if head == Some(Head::Organisation) && np.name.is_none() {
                    // `هيئة الخدمات …` has no personal name; a bare word
                    // here is part of the organisation's name.
                    np.descriptors.push(noun_key(word));
                } else if np.name.is_none()
                    && k > from
                    && word_at(k - 1).is_some_and(|w| {
                        !w.starts_with("ال") && matches!(classify(lex, w), WordClass::Title(_))
                    })
                    && !unnamed_source
                {
                    // A title without the article is in construct: what
                    // follows is its genitive, not the speaker's name
                    // (`أستاذ علم الإجرام`, `صديق فورمان`).
                    np.descriptors.push(noun_key(word));
                } else if np.name.is_some()
                    && (name_first || !title_after_name || !renamed_by_apposition)
                {
                    // `فهد المفرج سعادته`: the name is complete; after
                    // `روحاني نظيره الأمريكي` comes another person.
                    break;
                } else {
                    // A new name after an appositive title replaces the
                    // genitive before it: `صديق فورمان ووكيل أعماله دنيس`.
                    np.name = Some((start, t.end as usize));
                    name_open = true;
                    name_first = first;
                    title_after_name = false;
                    plain_name_words = usize::from(class == WordClass::Name);
                    joined_by_lineage = false;
                }
                head.get_or_insert(Head::Person);
            }
            WordClass::Definite => {
                if name_open {
                    name_open = false;
                    if is_nisba(lex, word) {
                        np.descriptors.push(noun_key(word));
                    } else if sound_plural(word) {
                        // `علي حسن المعارضين`: an object, not a surname.
                        break;
                    } else if plain_name_words >= 2
                        && word_at(k + 1).is_some_and(|n| {
                            takes_bi(n)
                                || (n.starts_with("ال") && (n.ends_with('ي') || is_nisba(lex, n)))
                        })
                    {
                        // `ووصف سامي عادل الهجوم بـ"…"`، `بأنه`: the object
                        // of a verb that takes بـ, after a full name.
                        break;
                    } else if let Some((s, _)) = np.name {
                        // A surname with the article: `أحمد العمري`.
                        np.name = Some((s, t.end as usize));
                        let connector_before = k > from
                            && word_at(k - 1)
                                .is_some_and(|w| classify(lex, w) == WordClass::Connector);
                        name_open = connector_before;
                    }
                } else if first {
                    // A bare definite word: a name with the article
                    // (`الأسد`، `العراق`).
                    np.name = Some((start, t.end as usize));
                    name_first = true;
                    bare_definite = true;
                    head = Some(Head::Person);
                } else if bare_definite
                    && np.name.is_some()
                    && k == np.first_tok + 1
                    && !is_nisba(lex, word)
                {
                    // `المدعي العام`, `الكونفدرالية العامة`: two definite
                    // words are a description, not a name; a name may
                    // follow it (`المدعي العام، محمد منتظري`).
                    let first_word = word_at(np.first_tok).unwrap_or_default();
                    np.descriptors.push(noun_key(first_word));
                    np.descriptors.push(noun_key(word));
                    np.name = None;
                    name_first = false;
                    bare_definite = false;
                } else if np.name.is_some() && !title_after_name {
                    break;
                } else {
                    np.descriptors.push(noun_key(word));
                }
            }
        }
        if first {
            np.start = start;
            np.first_tok = k;
        }
        np.end = t.end as usize;
        np.end_tok = k + 1;
        k += 1;
    }
    np.head = head?;
    Some(np)
}

/// The key a descriptor is matched by: no conjunction, article or ـة.
pub(crate) fn noun_key(word: &str) -> String {
    let w = word
        .strip_prefix('و')
        .filter(|r| r.starts_with("ال"))
        .unwrap_or(word);
    let w = strip_article(w);
    w.strip_suffix('ه')
        .or_else(|| w.strip_suffix('ة'))
        .unwrap_or(w)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Additions;
    use crate::tokens::tokenize;

    #[test]
    fn verbal_nouns_of_derived_forms_are_told_from_names() {
        for w in ["اتخاذ", "اتصال", "اعتماد", "انسحاب", "استخدام", "تشغيل"]
        {
            assert!(is_verbal_noun(w), "{w}");
        }
        for w in [
            "انديراس",
            "اراك",
            "افروف",
            "اسم",
            "توماس",
            "امانويل",
            "اسكال",
        ] {
            assert!(!is_verbal_noun(w), "{w}");
        }
    }

    /// (mention, name, head) of the phrase at the text's start.
    fn np(text: &str) -> (String, Option<String>, Head) {
        let lex = Lexicons::build(&Additions::default()).unwrap();
        let text = crate::normalize::Normalized::new(text).text;
        let tokens = tokenize(&text);
        let p =
            parse_noun_phrase(&text, &tokens, &lex, 0, None, &|_| false).expect("a noun phrase");
        (
            text[p.start..p.end].to_owned(),
            p.name.map(|(s, e)| text[s..e].to_owned()),
            p.head,
        )
    }

    #[test]
    fn title_chain_then_name() {
        let (m, name, head) = np("وزير الخارجية العراقي فؤاد حسين، على أن");
        assert_eq!(m, "وزير الخارجية العراقي فؤاد حسين");
        assert_eq!(name.as_deref(), Some("فؤاد حسين"));
        assert_eq!(head, Head::Person);
    }

    #[test]
    fn appositive_name_between_commas() {
        let (_, name, _) = np("الرئيس السوري، بشار الأسد، إن");
        assert_eq!(name.as_deref(), Some("بشار الاسد"));
    }

    #[test]
    fn name_then_appositive_title() {
        let (m, name, _) = np("كريج ريدي رئيس الوكالة العالمية لمكافحة المنشطات للصحفيين");
        assert_eq!(name.as_deref(), Some("كريج ريدي"));
        assert_eq!(m, "كريج ريدي رئيس الوكالة العالمية لمكافحة المنشطات");
    }

    #[test]
    fn compound_names_with_connectors() {
        assert_eq!(
            np("مدير المرصد رامي عبد الرحمن لوكالة").1.as_deref(),
            Some("رامي عبد الرحمن")
        );
        assert_eq!(
            np("المستشار أحمد أبو زيد، المتحدث الرسمي، بأنه")
                .1
                .as_deref(),
            Some("احمد ابو زيد")
        );
    }

    #[test]
    fn unnamed_source_and_organisation() {
        let (m, name, head) = np("مصدر عسكري ميداني لوكالة فرانس برس");
        assert_eq!(
            (m.as_str(), name, head),
            ("مصدر عسكري ميداني", None, Head::Person)
        );
        let (m, name, head) = np("هيئة الخدمات الصحية البريطانية إن");
        assert_eq!(
            (m.as_str(), name, head),
            ("هيئة الخدمات الصحية البريطانية", None, Head::Organisation)
        );
    }

    #[test]
    fn a_bare_title_is_a_description() {
        let (m, name, head) = np("الوزير الأميركي إن");
        assert_eq!(
            (m.as_str(), name, head),
            ("الوزير الاميركي", None, Head::Person)
        );
    }
}
