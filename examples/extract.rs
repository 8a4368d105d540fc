//! Who said what: run isnad over an article or over JSON Lines of articles.
//!
//! ```text
//! cargo run --release --example extract                 # the bundled sample article
//! cargo run --release --example extract -- FILE         # plain text, `-` for stdin
//! cargo run --release --example extract -- --jsonl [FILE|-] [--speakers FILE]
//! ```
//!
//! In `--jsonl` mode each input line is `{"id", "text", …}` (other fields are
//! ignored) and each output line is `{"id", "attributions": [...]}`, in input
//! order. A bad line gets a message naming its line number on stderr, every
//! other line is still processed, and the exit status is non-zero. When
//! stderr is a terminal a progress line shows documents, MB/s and time left.

use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use isnad::{Attribution, QuoteExtractor};

#[path = "common/input.rs"]
mod input;
use input::{read_text, InputLine};

/// The seed article, bundled so that the example runs with no argument.
const SAMPLE_ARTICLE: &str = include_str!("sample_article.txt");

fn usage() -> ExitCode {
    eprintln!(
        "usage: extract [FILE|-]\n       extract --jsonl [FILE|-] [--speakers FILE]\n\n\
         With no FILE, runs on the bundled sample article."
    );
    ExitCode::from(2)
}

struct Options {
    jsonl: bool,
    input: Option<String>,
    speakers: Option<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        jsonl: false,
        input: None,
        speakers: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => options.jsonl = true,
            "--speakers" => {
                options.speakers = Some(args.next().ok_or("--speakers needs a FILE")?);
            }
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ if options.input.is_none() => options.input = Some(arg),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("extract: {message}");
            }
            return usage();
        }
    };
    let mut builder = QuoteExtractor::builder();
    if let Some(path) = &options.speakers {
        builder = builder.known_speakers_path(path);
    }
    let extractor = match builder.build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    if options.jsonl {
        return run_jsonl(&extractor, options.input.as_deref());
    }
    let text = match options.input.as_deref() {
        None => SAMPLE_ARTICLE.to_owned(),
        Some(path) => match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("extract: {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let attributions = extractor.extract(&text);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = serde_json::to_writer_pretty(&mut out, &attributions)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(out));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::FAILURE
        }
    }
}

#[derive(serde::Serialize)]
struct OutputLine<'a> {
    id: &'a serde_json::Value,
    attributions: &'a [Attribution],
}

/// The id and text of one input line, or what is wrong with it.
fn parse_line(bytes: &[u8]) -> Result<(serde_json::Value, String), String> {
    let line = InputLine::decode(bytes)?;
    let id = line.id.clone().unwrap_or(serde_json::Value::Null);
    Ok((id, line.into_text()?))
}

fn run_jsonl(extractor: &QuoteExtractor, input: Option<&str>) -> ExitCode {
    let name = input.unwrap_or("-");
    let (reader, total_bytes): (Box<dyn Read>, Option<u64>) = if name == "-" {
        (Box::new(io::stdin().lock()), None)
    } else {
        match std::fs::File::open(name) {
            Ok(f) => {
                let len = f.metadata().ok().map(|m| m.len());
                (Box::new(f), len)
            }
            Err(e) => {
                eprintln!("extract: {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut progress = Progress::new(total_bytes);
    let mut buf = Vec::new();
    let (mut line_no, mut failed, mut seen) = (0usize, 0usize, 0usize);
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("extract: {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
        line_no += 1;
        progress.advance(buf.len());
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        seen += 1;
        let (id, text) = match parse_line(&buf) {
            Ok(pair) => pair,
            Err(message) => {
                progress.clear();
                eprintln!("extract: {name}:{line_no}: {message}");
                failed += 1;
                continue;
            }
        };
        let attributions = extractor.extract(&text);
        let line = OutputLine {
            id: &id,
            attributions: &attributions,
        };
        let written = serde_json::to_writer(&mut out, &line)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("extract: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    progress.finish();
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("extract: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if seen == 0 {
        eprintln!("extract: {name}: the input holds no JSON lines");
        return ExitCode::FAILURE;
    }
    if failed > 0 {
        eprintln!("extract: {failed} of {seen} lines failed; the others were written");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// A progress line on stderr, drawn only when stderr is a terminal.
struct Progress {
    enabled: bool,
    total_bytes: Option<u64>,
    started: Instant,
    last_draw: Instant,
    bytes: u64,
    docs: u64,
}

impl Progress {
    fn new(total_bytes: Option<u64>) -> Self {
        let now = Instant::now();
        Progress {
            enabled: io::stderr().is_terminal(),
            total_bytes,
            started: now,
            last_draw: now,
            bytes: 0,
            docs: 0,
        }
    }

    fn advance(&mut self, bytes: usize) {
        self.bytes += bytes as u64;
        self.docs += 1;
        if self.enabled && self.last_draw.elapsed() >= Duration::from_millis(100) {
            self.last_draw = Instant::now();
            self.draw();
        }
    }

    fn draw(&self) {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let rate = self.bytes as f64 / secs;
        let mut line = format!(
            "\r{} docs  {:.1} MB  {:.1} MB/s",
            self.docs,
            self.bytes as f64 / 1e6,
            rate / 1e6
        );
        if let Some(total) = self.total_bytes.filter(|&t| t > 0) {
            let done = (self.bytes as f64 / total as f64).min(1.0);
            let width = 30;
            let filled = (done * width as f64) as usize;
            let left = (total.saturating_sub(self.bytes)) as f64 / rate.max(1.0);
            line = format!(
                "\r[{}{}] {:>3.0}%  {} docs  {:.1} MB/s  {:.0}s left",
                "#".repeat(filled),
                "-".repeat(width - filled),
                done * 100.0,
                self.docs,
                rate / 1e6,
                left
            );
        }
        let mut err = io::stderr().lock();
        let _ = write!(err, "{line}\x1b[K");
        let _ = err.flush();
    }

    fn clear(&self) {
        if self.enabled {
            let _ = write!(io::stderr().lock(), "\r\x1b[K");
        }
    }

    fn finish(&self) {
        if self.enabled {
            self.draw();
            let _ = writeln!(io::stderr().lock());
        }
    }
}
