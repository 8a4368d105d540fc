//! Linearity check: `extract` on 500 copies of the seed article must take at
//! most 11.5 times as long as on 50 copies (ideal: 10).
//!
//! ```text
//! cargo run --release --example scaling [-- RUNS]     # best of RUNS (default 5)
//! cargo run --release --example scaling -- 3 500 5000  # other copy counts
//! ```
//!
//! Prints both times, the bytes/s of each and the ratio; exits non-zero when
//! the ratio exceeds the limit (11.5 for 50 and 500; for other counts the
//! count ratio times 1.15), so CI can use it.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use isnad::QuoteExtractor;

const SEED: &str = include_str!("sample_article.txt");
/// Allowed slowdown over perfectly linear: 11.5 / 10.
const SLACK: f64 = 1.15;

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

fn usage() -> ExitCode {
    eprintln!("usage: scaling [RUNS [SMALL_COPIES LARGE_COPIES]]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<usize> = match std::env::args().skip(1).map(|s| s.parse()).collect() {
        Ok(a) => a,
        Err(_) => return usage(),
    };
    let (runs, n_small, n_large) = match args[..] {
        [] => (5, 50, 500),
        [r] => (r, 50, 500),
        [r, s, l] if s < l => (r, s, l),
        _ => return usage(),
    };
    if runs == 0 || n_small == 0 {
        return usage();
    }
    let limit = n_large as f64 / n_small as f64 * SLACK;
    let extractor = QuoteExtractor::new();
    let small = copies(n_small);
    let large = copies(n_large);
    // Warm-up: first-touch page faults and lazy statics out of the way.
    black_box(extractor.extract(&small));

    let (t_small, found_small) = best_of(&extractor, &small, runs);
    let (t_large, found_large) = best_of(&extractor, &large, runs);
    let mbps = |bytes: usize, t: Duration| bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9);
    println!(
        "{n_small:>5} copies: {:>9} bytes  {:>10.3} ms  {:>8.1} MB/s  {found_small} attributions",
        small.len(),
        t_small.as_secs_f64() * 1e3,
        mbps(small.len(), t_small)
    );
    println!(
        "{n_large:>5} copies: {:>9} bytes  {:>10.3} ms  {:>8.1} MB/s  {found_large} attributions",
        large.len(),
        t_large.as_secs_f64() * 1e3,
        mbps(large.len(), t_large)
    );
    // A stub extractor takes ~0 ns on both; floor the small time so the ratio
    // stays finite (it is then meaningless, and says so).
    let floor = Duration::from_nanos(1000);
    let ratio = t_large.as_secs_f64() / t_small.max(floor).as_secs_f64();
    if t_small < floor {
        println!("  ratio {n_large}/{n_small}: {ratio:.2} (the small input took < 1 µs: nothing measured)");
    } else {
        println!(
            "  ratio {n_large}/{n_small}: {ratio:.2} (limit {limit:.2}, ideal {:.2})",
            n_large as f64 / n_small as f64
        );
    }
    if ratio > limit {
        eprintln!(
            "scaling: FAIL: {n_large} copies took {ratio:.2}x the time of {n_small} (limit {limit:.2})"
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
