//! The public API's promises: sharing, serialization, offsets, errors,
//! user lexicons and known speakers.

use isnad::{Attribution, Error, QuoteExtractor, QuoteKind, Resolution};

const SENTENCE: &str = "وقالَ وزير الخارجية فؤاد حسين: «نحتاج إلى عملٍ دولي».";

#[test]
fn the_extractor_is_clone_send_sync_and_shared_across_threads() {
    fn assert_shareable<T: Clone + Send + Sync + 'static>() {}
    assert_shareable::<QuoteExtractor>();
    let extractor = QuoteExtractor::new();
    let results: Vec<Vec<Attribution>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| extractor.extract(SENTENCE)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(results.iter().all(|r| r == &results[0] && r.len() == 1));
}

#[test]
fn attributions_serialize_to_the_documented_json() {
    let found = QuoteExtractor::new().extract(SENTENCE);
    let json = serde_json::to_value(&found[0]).unwrap();
    assert_eq!(json["kind"], "direct");
    assert_eq!(json["quote"]["text"], "نحتاج إلى عملٍ دولي");
    for key in ["text", "start", "end", "char_start", "char_end"] {
        assert!(json["quote"].get(key).is_some(), "quote.{key}");
        assert!(json["cue"].get(key).is_some(), "cue.{key}");
        assert!(
            json["speaker"]["mention"].get(key).is_some(),
            "mention.{key}"
        );
    }
    assert_eq!(json["cue"]["lemma"], "قال");
    assert_eq!(json["speaker"]["name"], "فؤاد حسين");
    assert_eq!(json["speaker"]["resolution"], "explicit");
    assert!(
        json["speaker"].get("id").is_none(),
        "no id without known speakers"
    );
    let c = json["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&c));
    let back: Attribution = serde_json::from_value(json).unwrap();
    assert_eq!(back, found[0]);
}

#[test]
fn byte_and_char_offsets_point_into_the_original_text() {
    let found = QuoteExtractor::new().extract(SENTENCE);
    let a = &found[0];
    let cue = a.cue.as_ref().unwrap();
    let mention = a.speaker.as_ref().unwrap().mention.as_ref().unwrap();
    // Diacritics are kept in what is returned: normalisation never leaks.
    assert_eq!(cue.text, "وقالَ");
    assert_eq!(&SENTENCE[cue.start..cue.end], "وقالَ");
    assert_eq!(mention.text, "وزير الخارجية فؤاد حسين");
    let chars: Vec<char> = SENTENCE.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    assert_eq!(slice(a.quote.char_start, a.quote.char_end), a.quote.text);
    assert_eq!(slice(cue.char_start, cue.char_end), cue.text);
    assert_eq!(slice(mention.char_start, mention.char_end), mention.text);
    assert_eq!(a.kind, QuoteKind::Direct);
    assert_eq!(a.speaker.as_ref().unwrap().resolution, Resolution::Explicit);
}

#[test]
fn text_without_quotation_marks_gives_nothing() {
    let extractor = QuoteExtractor::new();
    assert!(extractor.extract("").is_empty());
    assert!(extractor
        .extract("قال الوزير إن الاقتصاد سيتعافى.")
        .is_empty());
}

#[test]
fn user_reporting_verbs_become_cues() {
    let text = "وغمغم المدرب سامي نور: «سنفوز غدا بلا شك».";
    let plain = QuoteExtractor::new().extract(text);
    assert!(plain.iter().all(|a| a.cue.is_none()));
    let extended = QuoteExtractor::builder()
        .reporting_verbs("# whispered\nغمغم يغمغم مغمغم\n")
        .build()
        .unwrap();
    let found = extended.extract(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].cue.as_ref().unwrap().lemma, "غمغم");
    assert_eq!(found[0].speaker.as_ref().unwrap().name, "سامي نور");
}

#[test]
fn user_titles_join_the_title_chain() {
    let text = "وقال الشيف كمال زيدان: «الطعام الجيد يحتاج إلى وقت».";
    let extended = QuoteExtractor::builder().titles("شيف\n").build().unwrap();
    let found = extended.extract(text);
    let speaker = found[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.name, "كمال زيدان");
    assert_eq!(speaker.mention.as_ref().unwrap().text, "الشيف كمال زيدان");
}

#[test]
fn a_malformed_user_lexicon_line_is_an_error_naming_it() {
    let err = QuoteExtractor::builder()
        .reporting_verbs("غمغم يغمغم مغمغم\nهمس\n")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Lexicon { line: 2, .. }), "{err}");
    assert!(err.to_string().contains("line 2"), "{err}");
    let err = QuoteExtractor::builder()
        .titles("شيف\nمدير عام\n")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn known_speakers_give_an_id_and_the_canonical_name() {
    let tsv = "# id\tname\taliases\nQ5580\tفؤاد محمد حسين\tفؤاد حسين\tحسين\n";
    let extractor = QuoteExtractor::builder()
        .known_speakers(tsv)
        .build()
        .unwrap();
    let found = extractor.extract(SENTENCE);
    let speaker = found[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.id.as_deref(), Some("Q5580"));
    assert_eq!(speaker.name, "فؤاد محمد حسين");
    let json = serde_json::to_value(speaker).unwrap();
    assert_eq!(json["id"], "Q5580");
}

#[test]
fn a_malformed_known_speakers_line_or_missing_file_is_an_error() {
    let err = QuoteExtractor::builder()
        .known_speakers("Q1\tاسم\n\nQ2 بلا تبويب\n")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("line 3"), "{err}");
    let err = QuoteExtractor::builder()
        .known_speakers_path("/nonexistent/speakers.tsv")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err}");
}

#[test]
fn many_distinct_speakers_cost_linear_time() {
    // Thousands of unnamed sources, each with its own adjective, must not
    // make coreference compare each with all the others.
    let words = [
        "عسكري",
        "أمني",
        "رسمي",
        "محلي",
        "قضائي",
        "طبي",
        "حكومي",
        "دبلوماسي",
    ];
    let doc = |n: usize| -> String {
        (0..n)
            .map(|i| {
                format!(
                    "وقال مصدر {}{} \"نعم نعم نعم نعم\".\n",
                    words[i % 8],
                    "ي".repeat(i % 50)
                )
            })
            .collect()
    };
    let extractor = QuoteExtractor::new();
    let time = |n: usize| {
        let text = doc(n);
        let start = std::time::Instant::now();
        let found = extractor.extract(&text);
        assert_eq!(found.len(), n);
        start.elapsed()
    };
    let small = time(500).max(std::time::Duration::from_micros(200));
    let large = time(4000);
    // 8x the input: linear work stays well under 40x even on a noisy machine.
    assert!(
        large < small * 40,
        "{small:?} for 500 sources, {large:?} for 4000"
    );
}
