//! The speed baseline for `extract --jsonl`: the same JSON Lines reading and
//! parsing, then ONE Aho-Corasick pass of the reporting-cue lexicon over each
//! text, counting matches. Whatever `extract` does beyond this costs time.
//!
//! ```text
//! cargo run --release --example ac_baseline -- FILE      # or `-`/nothing for stdin
//! ```
//!
//! Prints the number of documents, of matches and the MB/s (input bytes over
//! wall time, from start to end of input) to stderr.
//!
//! The patterns come from `data/reporting_verbs.txt`: every literal field of
//! every line (a leading `!` stripped, `-` skipped), matched
//! leftmost-longest.

use std::io::{self, BufRead, BufReader, Read};
use std::process::ExitCode;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};

const LEXICON: &str = include_str!("../data/reporting_verbs.txt");

/// One input line, parsed as cheaply as `examples/extract.rs` parses it.
#[derive(serde::Deserialize)]
struct InputLine {
    #[allow(dead_code)]
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
}

/// Every literal form in the lexicon, deduplicated.
fn patterns(lexicon: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lexicon.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        for (i, field) in line.split_whitespace().enumerate() {
            let field = if i == 0 {
                field.strip_prefix('!').unwrap_or(field)
            } else {
                field
            };
            if field.is_empty() || field == "-" {
                continue;
            }
            out.push(field.to_owned());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn main() -> ExitCode {
    let started = Instant::now();
    let pats = patterns(LEXICON);
    let ac = match AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&pats)
    {
        Ok(ac) => ac,
        Err(e) => {
            eprintln!("ac_baseline: cannot build the automaton: {e}");
            return ExitCode::FAILURE;
        }
    };

    let name = std::env::args().nth(1).unwrap_or_else(|| "-".to_owned());
    let reader: Box<dyn Read> = if name == "-" {
        Box::new(io::stdin().lock())
    } else {
        match std::fs::File::open(&name) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("ac_baseline: {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut buf = Vec::new();
    let (mut bytes, mut docs, mut matches, mut bad) = (0u64, 0u64, 0u64, 0u64);
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(n) => bytes += n as u64,
            Err(e) => {
                eprintln!("ac_baseline: {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Ok(line) = std::str::from_utf8(&buf) else {
            bad += 1;
            continue;
        };
        match serde_json::from_str::<InputLine>(line) {
            Ok(InputLine {
                text: Some(serde_json::Value::String(text)),
                ..
            }) => {
                docs += 1;
                matches += ac.find_iter(&text).count() as u64;
            }
            _ => bad += 1,
        }
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "ac_baseline: {} patterns, {docs} docs, {bad} bad lines, {matches} matches, \
         {:.2} MB in {secs:.3} s = {:.1} MB/s",
        pats.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    if docs == 0 {
        eprintln!("ac_baseline: {name}: the input holds no JSON lines with a text");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
