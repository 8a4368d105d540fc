//! Pathological inputs: about 1 MB each of text built to make a quotation
//! extractor go quadratic (runs of unmatched or nested marks, no spaces, a
//! cue in every word, one giant paragraph), timed against ordinary news.
//!
//! ```text
//! cargo run --release --example pathological [-- CORPUS.jsonl]
//! ```
//!
//! The reference is ordinary news: the first 1 MB of article texts from
//! `CORPUS.jsonl` (default `../shared/corpus/news.jsonl`), or copies of the
//! seed article to 1 MB when that file is absent, each article its own
//! `extract` call, as in real use. Each pathological input is one document,
//! timed best of 3 (`RUNS` overrides) and printed as ns/byte beside the
//! reference figure and the ratio. The same news joined into one 1 MB
//! document is checked too, so a cost superlinear in document length fails
//! here as well.
//! Exits non-zero when any ratio is 3 or more, or when `extract` panics on an
//! input, so CI can use it.

use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use isnad::QuoteExtractor;

const SEED: &str = include_str!("sample_article.txt");
const CORPUS: &str = "../shared/corpus/news.jsonl";
const SIZE: usize = 1 << 20;
const LIMIT: f64 = 3.0;
/// Times under this are timer noise (1 MB in 100 µs is 10 GB/s, faster than
/// any extractor that reads its input); both sides of a ratio are floored
/// to it so that a do-nothing extractor does not fail on noise.
const FLOOR: Duration = Duration::from_micros(100);

/// A small deterministic generator (xorshift64*), so every run sees the same
/// inputs without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// `unit` repeated (with `sep` between copies) until at least `bytes` long.
fn repeat_to(unit: &str, sep: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + unit.len() + sep.len());
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str(sep);
        }
        text.push_str(unit);
    }
    text
}

fn curly_marks(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(SIZE + 4);
    while s.len() < SIZE {
        s.push(rng.pick(&['“', '”']));
    }
    s
}

fn glued(rng: &mut Rng) -> String {
    // Arabic letters, diacritics, tatweel, quotation marks and punctuation,
    // with no space or newline anywhere.
    let mut extra: Vec<char> = "«»“”\"‘’:،.؛".chars().collect();
    extra.extend('\u{064B}'..='\u{0652}');
    extra.push('\u{0640}');
    let letters: Vec<char> = ('\u{0621}'..='\u{064A}').collect();
    let mut s = String::with_capacity(SIZE + 4);
    while s.len() < SIZE {
        let c = if rng.below(4) == 0 {
            rng.pick(&extra)
        } else {
            rng.pick(&letters)
        };
        s.push(c);
    }
    s
}

fn nested(depth: usize) -> String {
    let unit = format!(
        "{}قال الوزير: نحن هنا{}",
        "«".repeat(depth),
        "»".repeat(depth)
    );
    repeat_to(&unit, " ", SIZE)
}

#[derive(serde::Deserialize)]
struct Line {
    text: Option<serde_json::Value>,
}

/// At least 1 MB of ordinary news as separate documents, and where it came
/// from: corpus articles, or copies of the seed article when the corpus is
/// absent.
fn news(path: &str) -> (Vec<String>, String) {
    let mut docs = Vec::new();
    let mut bytes = 0;
    if let Ok(raw) = std::fs::read_to_string(path) {
        for line in raw.lines() {
            if let Ok(Line {
                text: Some(serde_json::Value::String(t)),
            }) = serde_json::from_str::<Line>(line)
            {
                bytes += t.len();
                docs.push(t);
                if bytes >= SIZE {
                    break;
                }
            }
        }
    }
    if bytes >= SIZE / 2 {
        return (docs, format!("news, per article ({path})"));
    }
    let copies = SIZE.div_ceil(SEED.len());
    (
        vec![SEED.to_owned(); copies],
        "news, per article (seed article; corpus absent)".to_owned(),
    )
}

/// Best time of `runs` passes over `docs` (one `extract` call each), or
/// `None` if `extract` panicked.
fn time(extractor: &QuoteExtractor, docs: &[&str], runs: usize) -> Option<(Duration, usize)> {
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let mut n = 0;
        for text in docs {
            let out = catch_unwind(AssertUnwindSafe(|| extractor.extract(black_box(text)))).ok()?;
            n += out.len();
            drop(black_box(out));
        }
        best = best.min(started.elapsed());
        found = n;
    }
    Some((best, found))
}

fn ns_per_byte(t: Duration, bytes: usize) -> f64 {
    t.as_nanos() as f64 / bytes.max(1) as f64
}

fn main() -> ExitCode {
    let corpus = std::env::args().nth(1).unwrap_or_else(|| CORPUS.to_owned());
    let runs = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(3);
    let extractor = QuoteExtractor::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    let (news_docs, news_name) = news(&corpus);
    let news_refs: Vec<&str> = news_docs.iter().map(String::as_str).collect();
    let news_bytes: usize = news_docs.iter().map(String::len).sum();
    let news_joined = news_docs.join("\n\n");
    let inputs: Vec<(&str, String)> = vec![
        ("curly marks only “”", curly_marks(&mut rng)),
        ("straight quotes only \"", "\"".repeat(SIZE)),
        ("500k « never closed", "«".repeat(SIZE / 2)),
        ("no spaces (letters+marks glued)", glued(&mut rng)),
        (
            "every word a cue (and quoted)",
            repeat_to("قال أكد أضاف وقالت قائلا: «قال أكد أضاف»", " ", SIZE),
        ),
        (
            "one giant paragraph",
            repeat_to(&SEED.replace(['\n', '\r'], " "), " ", SIZE),
        ),
        ("quotes nested 1000 deep", nested(1000)),
    ];

    // Warm-up so that the first measured input does not pay for page faults.
    let _ = time(&extractor, &news_refs, 1);
    let Some((news_t, news_found)) = time(&extractor, &news_refs, runs) else {
        eprintln!("pathological: FAIL: extract panicked on ordinary news");
        return ExitCode::FAILURE;
    };
    let news_ns = ns_per_byte(news_t.max(FLOOR), news_bytes);
    println!("best of {runs}; ratios are ns/byte over the per-article news figure, times floored at {FLOOR:?}");
    println!(
        "{:<50} {:>9} bytes {:>8.2} ns/byte  {:>6} attributions  (reference)",
        news_name,
        news_bytes,
        ns_per_byte(news_t, news_bytes),
        news_found
    );
    // The same news as one document: shows superlinear cost in document
    // length, which the per-article reference does not.
    let mut inputs = inputs;
    inputs.insert(0, ("the same news as one document", news_joined));

    let mut failed = false;
    for (name, text) in &inputs {
        match time(&extractor, &[text.as_str()], runs) {
            None => {
                println!("{name:<50} PANICKED");
                failed = true;
            }
            Some((t, found)) => {
                let ns = ns_per_byte(t, text.len());
                let ratio = ns_per_byte(t.max(FLOOR), text.len()) / news_ns;
                let verdict = if ratio >= LIMIT { "  FAIL" } else { "" };
                println!(
                    "{name:<50} {:>9} bytes {ns:>8.2} ns/byte  {found:>6} attributions  \
                     ratio {ratio:>5.2}{verdict}",
                    text.len()
                );
                failed |= ratio >= LIMIT;
            }
        }
    }
    if failed {
        eprintln!(
            "pathological: FAIL: an input panicked or ran {LIMIT}x slower per byte than news"
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
