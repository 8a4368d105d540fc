//! Linearity check: `extract` on 500 copies of the seed article must take at
//! most 11.5 times as long as on 50 copies (ideal: 10).
//!
//! ```text
//! cargo run --release --example scaling [-- RUNS]     # best of RUNS (default 5)
//! ```
//!
//! Prints both times, the bytes/s of each and the ratio; exits non-zero when
//! the ratio exceeds the limit, so CI can use it.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use isnad::QuoteExtractor;

const SEED: &str = include_str!("sample_article.txt");
const LIMIT: f64 = 11.5;

fn copies(n: usize) -> String {
    vec![SEED; n].join("\n")
}

/// Best wall time of `runs` calls, and the number of attributions found.
fn best_of(extractor: &QuoteExtractor, text: &str, runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut found = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let out = extractor.extract(black_box(text));
        let took = started.elapsed();
        found = out.len();
        drop(black_box(out));
        best = best.min(took);
    }
    (best, found)
}

fn main() -> ExitCode {
    let runs = match std::env::args().nth(1).map(|s| s.parse::<usize>()) {
        None => 5,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("usage: scaling [RUNS]");
            return ExitCode::from(2);
        }
    };
    let extractor = QuoteExtractor::new();
    let small = copies(50);
    let large = copies(500);
    // Warm-up: first-touch page faults and lazy statics out of the way.
    black_box(extractor.extract(&small));

    let (t_small, n_small) = best_of(&extractor, &small, runs);
    let (t_large, n_large) = best_of(&extractor, &large, runs);
    let mbps = |bytes: usize, t: Duration| bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9);
    println!(
        "   50 copies: {:>9} bytes  {:>10.3} ms  {:>8.1} MB/s  {n_small} attributions",
        small.len(),
        t_small.as_secs_f64() * 1e3,
        mbps(small.len(), t_small)
    );
    println!(
        "  500 copies: {:>9} bytes  {:>10.3} ms  {:>8.1} MB/s  {n_large} attributions",
        large.len(),
        t_large.as_secs_f64() * 1e3,
        mbps(large.len(), t_large)
    );
    // A stub extractor takes ~0 ns on both; floor the small time so the ratio
    // stays finite (it is then meaningless, and says so).
    let floor = Duration::from_nanos(1000);
    let ratio = t_large.as_secs_f64() / t_small.max(floor).as_secs_f64();
    if t_small < floor {
        println!("  ratio 500/50: {ratio:.2} (50 copies took < 1 µs: nothing measured)");
    } else {
        println!("  ratio 500/50: {ratio:.2} (limit {LIMIT}, ideal 10)");
    }
    if ratio > LIMIT {
        eprintln!("scaling: FAIL: 500 copies took {ratio:.2}x the time of 50 (limit {LIMIT})");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
