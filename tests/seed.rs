//! The founding article (`examples/sample_article.txt`): every speech
//! quotation with its exact span, its speaker and its cue, as the gold
//! annotation gives them; and the scare-quoted `داعش` never returned.

use isnad::QuoteExtractor;

const ARTICLE: &str = include_str!("../examples/sample_article.txt");

/// (char start, char end, speaker, cue lemma or text) of each speech
/// quotation, from the seed article's gold annotation.
const GOLD: &[(usize, usize, &str, &str)] = &[
    (23, 37, "العراق", "شدد"),
    (132, 168, "أنتوني بلينكن", "قال"),
    (312, 431, "أنتوني بلينكن", "-"),
    (462, 592, "أنتوني بلينكن", "تابع"),
    (693, 735, "فؤاد حسين", "أكد"),
    (751, 1085, "فؤاد حسين", "أضاف"),
    (1122, 1253, "فؤاد حسين", "أوضح"),
    (1292, 1326, "فؤاد حسين", "شدد"),
    (1336, 1527, "فؤاد حسين", "شدد"),
    (1540, 1676, "فؤاد حسين", "استطرد"),
    (1709, 1876, "فؤاد حسين", "تابع"),
    (1967, 2101, "فؤاد حسين", "قال"),
];

#[test]
fn every_speech_quotation_with_span_speaker_and_cue() {
    let found = QuoteExtractor::new().extract(ARTICLE);
    let got: Vec<(usize, usize, &str, &str)> = found
        .iter()
        .map(|a| {
            (
                a.quote.char_start,
                a.quote.char_end,
                a.speaker.as_ref().map_or("-", |s| s.name.as_str()),
                a.cue.as_ref().map_or("-", |c| c.lemma.as_str()),
            )
        })
        .collect();
    assert_eq!(got, GOLD);
    for a in &found {
        assert_eq!(&ARTICLE[a.quote.range()], a.quote.text);
        assert_eq!(
            ARTICLE
                .chars()
                .skip(a.quote.char_start)
                .take(a.quote.char_end - a.quote.char_start)
                .collect::<String>(),
            a.quote.text
        );
    }
}

#[test]
fn the_scare_quoted_name_is_not_returned() {
    let found = QuoteExtractor::new().extract(ARTICLE);
    assert!(found.iter().all(|a| a.quote.text != "داعش"));
}
