//! Multi-core scaling: one `QuoteExtractor` shared by reference across
//! threads, over every text of a JSON Lines file.
//!
//! ```text
//! cargo run --release --example parallel [-- FILE.jsonl [THREADS]]
//! ```
//!
//! FILE defaults to `../shared/corpus/news.jsonl`; THREADS to the available
//! parallelism. All texts are parsed first, then `extract` runs over all of
//! them on one thread and on THREADS threads (`std::thread::scope`, documents
//! handed out one at a time through an atomic counter), best of 3 each
//! (`RUNS` overrides). Prints MB/s of text for both and the speed-up.

use std::hint::black_box;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use isnad::QuoteExtractor;

const CORPUS: &str = "../shared/corpus/news.jsonl";

#[derive(serde::Deserialize)]
struct InputLine {
    #[allow(dead_code)]
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
}

fn read_texts(path: &str) -> Result<Vec<String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut texts = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<InputLine>(line) {
            Ok(InputLine {
                text: Some(serde_json::Value::String(t)),
                ..
            }) => texts.push(t),
            _ => eprintln!("parallel: {path}:{}: no string `text`; skipped", i + 1),
        }
    }
    Ok(texts)
}

/// Runs `extract` over every text on `threads` threads; returns the wall
/// time and the total number of attributions.
fn run(extractor: &QuoteExtractor, texts: &[String], threads: usize) -> (Duration, usize) {
    let next = AtomicUsize::new(0);
    let found = AtomicUsize::new(0);
    let started = Instant::now();
    let work = || {
        let mut mine = 0;
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(text) = texts.get(i) else { break };
            mine += black_box(extractor.extract(black_box(text))).len();
        }
        found.fetch_add(mine, Ordering::Relaxed);
    };
    if threads <= 1 {
        work();
    } else {
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(work);
            }
        });
    }
    (started.elapsed(), found.into_inner())
}

fn best_of(
    extractor: &QuoteExtractor,
    texts: &[String],
    threads: usize,
    runs: usize,
) -> (Duration, usize) {
    (0..runs)
        .map(|_| run(extractor, texts, threads))
        .min_by_key(|&(t, _)| t)
        .expect("runs > 0")
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| CORPUS.to_owned());
    let threads = match args.next().map(|s| s.parse::<usize>()) {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: parallel [FILE.jsonl [THREADS]]");
            return ExitCode::from(2);
        }
    };
    let runs = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(3);
    let texts = match read_texts(&path) {
        Ok(t) if !t.is_empty() => t,
        Ok(_) => {
            eprintln!("parallel: {path}: no texts");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("parallel: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = QuoteExtractor::new();
    let mbps = |t: Duration| bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9);

    // Warm-up run, not measured.
    run(&extractor, &texts, 1);
    let (t1, n1) = best_of(&extractor, &texts, 1, runs);
    let (tn, nn) = best_of(&extractor, &texts, threads, runs);
    println!(
        "{} texts, {:.2} MB of text, best of {runs}",
        texts.len(),
        bytes as f64 / 1e6
    );
    println!(
        "1 thread  : {:>9.3} s  {:>8.1} MB/s  {n1} attributions",
        t1.as_secs_f64(),
        mbps(t1)
    );
    println!(
        "{threads} threads : {:>9.3} s  {:>8.1} MB/s  {nn} attributions",
        tn.as_secs_f64(),
        mbps(tn)
    );
    println!(
        "speed-up  : {:.2}x on {threads} threads",
        t1.as_secs_f64() / tn.as_secs_f64().max(1e-9)
    );
    if n1 != nn {
        eprintln!("parallel: FAIL: 1 thread found {n1} attributions, {threads} threads {nn}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
