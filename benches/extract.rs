//! Criterion benchmarks for `QuoteExtractor::extract` and for building the
//! extractor.
//!
//! ```text
//! cargo bench --bench extract                 # everything
//! cargo bench --bench extract -- extract/news  # one group member
//! ```
//!
//! The `news` input is at least 1 MB of real news text, read at bench time
//! from `../shared/corpus/news.jsonl` (the research corpus, which is never
//! shipped with the crate; `ISNAD_CORPUS` names another JSON Lines file).
//! When that file is absent the seed article is repeated to 1 MB instead, and
//! the bench id says which one was measured (`news` or `seed_x1mb`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use isnad::QuoteExtractor;

/// One paragraph with a direct quotation, written for this bench.
const PARAGRAPH: &str = "وقال وزير الزراعة سامر الحلبي في مؤتمر صحافي عقده صباح \
الثلاثاء في العاصمة: «سنوزع البذور المحسنة على المزارعين قبل نهاية الشهر، \
ولن نسمح بارتفاع أسعار الأسمدة مرة أخرى»، مضيفا أن الوزارة تتابع الموسم \
الزراعي عن كثب.";

/// The seed article that ships with the crate.
const SEED: &str = include_str!("../examples/sample_article.txt");

/// Bytes of text in the large input.
const LARGE: usize = 1 << 20;

/// The default place of the research corpus, relative to the crate root
/// (cargo runs benches from there).
const CORPUS: &str = "../shared/corpus/news.jsonl";

#[derive(serde::Deserialize)]
struct Line {
    text: Option<serde_json::Value>,
}

/// Concatenated article texts (joined with a blank line) until at least
/// [`LARGE`] bytes, from the corpus if it can be read, and a label.
fn large_input() -> (String, &'static str) {
    let path = std::env::var("ISNAD_CORPUS").unwrap_or_else(|_| CORPUS.to_owned());
    if let Ok(raw) = std::fs::read_to_string(&path) {
        let mut text = String::with_capacity(LARGE + 64 * 1024);
        for line in raw.lines() {
            let Ok(Line {
                text: Some(serde_json::Value::String(t)),
            }) = serde_json::from_str::<Line>(line)
            else {
                continue;
            };
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&t);
            if text.len() >= LARGE {
                return (text, "news");
            }
        }
        if !text.is_empty() {
            eprintln!(
                "bench: {path} holds only {} bytes of text; repeating it",
                text.len()
            );
            return (repeat_to(&text, LARGE), "news");
        }
    }
    eprintln!("bench: {path} not readable; repeating the seed article to 1 MB instead");
    (repeat_to(SEED, LARGE), "seed_x1mb")
}

/// `unit` joined with newlines until the result has at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + unit.len() + 1);
    while text.len() < bytes {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(unit);
    }
    text
}

fn bench_extract(c: &mut Criterion) {
    let extractor = QuoteExtractor::new();
    let (large, large_name) = large_input();

    let mut group = c.benchmark_group("extract");
    for (name, text) in [
        ("paragraph", PARAGRAPH),
        ("seed_article", SEED),
        (large_name, large.as_str()),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() >= LARGE {
            // Keep the 1 MB run short on a shared 2-core machine.
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(10));
        }
        group.bench_function(name, |b| b.iter(|| extractor.extract(black_box(text))));
    }
    group.finish();
}

fn bench_build(c: &mut Criterion) {
    c.bench_function("build/new", |b| b.iter(QuoteExtractor::new));
}

criterion_group!(benches, bench_extract, bench_build);
criterion_main!(benches);
