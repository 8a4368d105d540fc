//! Score isnad against a gold file: a faithful Rust port of the project's
//! Python scorer, `eval/score.py`.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl [PRED.jsonl] [--verbose] [--docs] [--json]
//! ```
//!
//! GOLD holds one annotated document a line, `{"id", "text", "quotes": [...]}`
//! (quote offsets are char offsets, see `eval/ANNOTATION.md`). PRED holds one
//! document a line, `{"id", "attributions": [...]}`, as printed by
//! `cargo run --release --example extract -- --jsonl GOLD.jsonl`. Without
//! PRED, this example runs [`isnad::QuoteExtractor`] over every gold text
//! itself and scores what it returns, through the same JSON as the `extract`
//! example prints, so the two routes give the same figures. Either file may
//! be `-` for standard input:
//! `extract --jsonl GOLD.jsonl | evaluate GOLD.jsonl -`.
//!
//! Output, the same as `score.py` prints:
//!
//! * with `--verbose`, one line for every gold quote that no prediction
//!   matched (`MISSED`), every matched one whose speaker is wrong
//!   (`WRONG SPEAKER`) and every prediction that matched nothing
//!   (`SPURIOUS`);
//! * with `--docs`, one line of counts per document;
//! * the metrics as a `key   value` table (or, with `--json`, as one JSON
//!   object);
//! * and, last, the summary line
//!   `e2e_f1=… quote_f1=… speaker_acc=… cue_acc=… offsets_ok=…`.
//!
//! Added here, between the table and the summary: a reliability table for
//! the `confidence` field. Every predicted direct or mixed quotation that is
//! scored (that is, after dropping those on spans the annotators marked
//! ambiguous) falls in one of ten buckets, `[0.0, 0.1)` … `[0.9, 1.0]`; each
//! line gives the bucket's count and the share of its predictions that are
//! right end to end (matched to a gold speech quote, with the right
//! speaker). A bucket with at least ten predictions whose share falls below
//! the bucket's lower bound is flagged as overconfident.
//!
//! The metrics (micro-averaged over the documents of GOLD):
//!
//! * quote P/R/F1: predicted direct/mixed quotes against gold speech quotes,
//!   matched one to one, greedily by decreasing overlap, where the trimmed
//!   spans overlap by at least half their union (Jaccard ≥ 0.5);
//! * speaker accuracy, on matched pairs: the predicted name holds one of the
//!   gold aliases as a run of whole words (after normalising letters) and is
//!   at most 12 words long; a gold null speaker matches a null prediction
//!   only;
//! * cue accuracy, on matched pairs whose gold names a cue;
//! * e2e P/R/F1: a true positive is a matched quote with the right speaker;
//! * offsets: the share of predicted spans whose char offsets (and byte
//!   offsets, where given) slice back to the text they claim.
//!
//! Exit status: 0 after printing the metrics, 1 when an input cannot be read
//! or is malformed (the message names the file and line), 2 on a usage
//! error.
//!
//! # How faithful the port is
//!
//! Every rule of `score.py` is reproduced, including Python's sort order, its
//! index and slice semantics (negative offsets count from the end), its
//! rounding and its float formatting. The one approximation is Unicode
//! normalisation: `score.py` applies full NFKC, and this example, which may
//! not depend on a normalisation crate, carries a table instead. It covers
//! what Arabic news text contains: the Arabic presentation forms (U+FB50–FDFF,
//! U+FE70–FEFF, ligatures such as `ﷺ` and `ﻻ` included), the composition of
//! hamza and madda with their base letter (`ي` + U+0654 → `ئ`), compatibility
//! spaces, punctuation, super- and subscripts, number forms, circled
//! numbers, Latin ligatures and full-width ASCII. It does not compose Latin
//! or other non-Arabic letters with combining marks (`e` + U+0301 stays two
//! characters, where NFKC gives `é`), and it leaves alone the compatibility
//! characters of other blocks (mathematical alphanumerics, CJK
//! compatibility ideographs, half-width Katakana and Hangul…). Text made of
//! those in a speaker name, an alias or a cue could score differently from
//! `score.py`; Arabic text cannot. The tables were generated from Python
//! 3.11's `unicodedata` (Unicode 14.0).
//!
//! Malformed predictions are handled as `score.py` handles them where it
//! skips or rejects them; where `score.py` would stop with a Python
//! traceback (an attribution that is not an object, a speaker name that is
//! a number…), this example stops with a message instead, and where the
//! offsets are strings or other non-numbers it skips the attribution. A
//! line holding `NaN` or `Infinity`, which Python's JSON parser accepts, is
//! rejected here.
//!
//! The scoring logic has unit tests: `cargo test --example evaluate`.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Read as _, Write as _};
use std::process::ExitCode;
use std::sync::OnceLock;

use serde_json::{Map, Value};

const USAGE: &str = "\
usage: evaluate GOLD.jsonl [PRED.jsonl] [--verbose] [--docs] [--json]

Scores predicted quote attributions against GOLD (the port of eval/score.py).
Without PRED, runs isnad's extractor over the gold texts and scores that.
Either file may be `-` for standard input.
  --verbose  list every missed quote, wrong speaker and spurious prediction
  --docs     one line of counts per document
  --json     the metrics as one JSON object instead of a table
";

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

/// What the command line asked for.
#[derive(Debug, Default)]
struct Options {
    gold: String,
    pred: Option<String>,
    verbose: bool,
    docs: bool,
    json: bool,
}

/// Parses the arguments after the program name; `Ok(None)` asks for help.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options::default();
    let mut paths = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--verbose" => options.verbose = true,
            "--docs" => options.docs = true,
            "--json" => options.json = true,
            "-h" | "--help" => return Ok(None),
            _ if arg.starts_with('-') && arg != "-" => {
                return Err(format!("unknown option {arg}"));
            }
            _ => paths.push(arg),
        }
    }
    let mut paths = paths.into_iter();
    options.gold = paths.next().ok_or("no GOLD file given")?;
    options.pred = paths.next();
    if let Some(extra) = paths.next() {
        return Err(format!("unexpected argument {extra}"));
    }
    Ok(Some(options))
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            let synopsis = USAGE.lines().next().unwrap_or_default();
            eprintln!("evaluate: {message}\n{synopsis}\n(--help for more)");
            return ExitCode::from(2);
        }
    };
    let report = match run(&options) {
        Ok(report) => report,
        Err(message) => {
            eprintln!("evaluate: {message}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(report.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: writing output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the inputs, scores every gold document and returns all the text to
/// print.
fn run(options: &Options) -> Result<String, String> {
    let gold = load_file(&options.gold)?;
    let pred = match &options.pred {
        Some(path) => load_file(path)?,
        None => extract_all(&gold)?,
    };
    let mut scorer = Scorer::new(options.verbose, options.docs);
    for doc in &gold.docs {
        scorer.score_doc(doc, pred.get(&doc.key))?;
    }
    Ok(scorer.finish(options.json))
}

/// Runs the library over every gold text, giving what `extract --jsonl`
/// would print for the gold file.
fn extract_all(gold: &Docs) -> Result<Docs, String> {
    let extractor = isnad::QuoteExtractor::new();
    let mut pred = Docs::default();
    for doc in &gold.docs {
        let text = doc
            .value
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}: no `text` string", doc.origin))?;
        let attributions = extractor.extract(text);
        // Through a JSON string, not `serde_json::to_value`: the `f32`
        // confidence must read back as the decimal that `extract` prints.
        let json = serde_json::to_string(&attributions).map_err(|e| e.to_string())?;
        let attributions: Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
        let mut line = Map::new();
        line.insert("id".to_owned(), doc.id.clone());
        line.insert("attributions".to_owned(), attributions);
        let origin = format!("extractor on {}", doc.origin);
        pred.insert(doc.key.clone(), doc.id.clone(), origin, Value::Object(line));
    }
    Ok(pred)
}

// ---------------------------------------------------------------------------
// Reading JSON Lines
// ---------------------------------------------------------------------------

/// A document id as a Python dict key: `1`, `1.0` and `true` are one key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    None,
    Int(i64),
    Big(u64),
    Float(u64),
    Str(String),
}

impl Key {
    /// The key for an id, or `None` where Python could not hash it.
    fn of(id: &Value) -> Option<Key> {
        Some(match id {
            Value::Null => Key::None,
            Value::Bool(b) => Key::Int(i64::from(*b)),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Key::Int(i)
                } else if let Some(u) = n.as_u64() {
                    Key::Big(u)
                } else {
                    let f = n.as_f64().unwrap_or(f64::NAN);
                    if f.fract() == 0.0 && f.abs() < 9.2e18 {
                        Key::Int(f as i64)
                    } else {
                        Key::Float(f.to_bits())
                    }
                }
            }
            Value::String(s) => Key::Str(s.clone()),
            Value::Array(_) | Value::Object(_) => return None,
        })
    }
}

/// One document of a JSON Lines file.
#[derive(Debug)]
struct Doc {
    key: Key,
    /// The id as first read (Python keeps the first key of a dict entry).
    id: Value,
    /// The id as Python's `str()` prints it.
    name: String,
    /// `FILE:LINE` of the line the document comes from, for messages.
    origin: String,
    value: Value,
}

/// The documents of a file by id, in the order their ids first appear; a
/// later line with the same id replaces the earlier document, as a Python
/// dict does.
#[derive(Debug, Default)]
struct Docs {
    docs: Vec<Doc>,
    index: HashMap<Key, usize>,
}

impl Docs {
    fn insert(&mut self, key: Key, id: Value, origin: String, value: Value) {
        if let Some(&i) = self.index.get(&key) {
            self.docs[i].origin = origin;
            self.docs[i].value = value;
        } else {
            self.index.insert(key.clone(), self.docs.len());
            let name = py_str(Some(&id));
            self.docs.push(Doc {
                key,
                id,
                name,
                origin,
                value,
            });
        }
    }

    fn get(&self, key: &Key) -> Option<&Doc> {
        self.index.get(key).map(|&i| &self.docs[i])
    }
}

/// Reads a JSON Lines file (`-` for standard input).
fn load_file(path: &str) -> Result<Docs, String> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes).map(drop)
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    read.map_err(|e| format!("{path}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path}: not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    load_str(path, &text)
}

/// Parses JSON Lines the way `score.py`'s `load` does: lines end at `\n`,
/// `\r\n` or `\r` (Python's universal newlines), blank lines are skipped and
/// every other line must be a JSON object with an `id`.
fn load_str(path: &str, text: &str) -> Result<Docs, String> {
    let mut docs = Docs::default();
    for (n, line) in python_lines(text).enumerate() {
        let n = n + 1;
        let line = line.trim_matches(py_isspace);
        if line.is_empty() {
            continue;
        }
        let value: Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{n}: not JSON: {e}"))?;
        let Value::Object(object) = &value else {
            return Err(format!("{path}:{n}: not a JSON object"));
        };
        let id = object
            .get("id")
            .ok_or_else(|| format!("{path}:{n}: no `id`"))?
            .clone();
        let key = Key::of(&id).ok_or_else(|| format!("{path}:{n}: `id` is a list or object"))?;
        docs.insert(key, id, format!("{path}:{n}"), value);
    }
    Ok(docs)
}

/// Splits at `\n`, `\r\n` and `\r`, as Python's text files do.
fn python_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            usize::from(end < rest.len())
        };
        rest = &rest[end + skip..];
        Some(line)
    })
}

/// Python's `str.isspace`: Unicode white space plus the separators U+001C–1F.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

// ---------------------------------------------------------------------------
// Python semantics the scorer relies on
// ---------------------------------------------------------------------------

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `x or y` on optional JSON values: the value when present and truthy.
fn truthy_get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key).filter(|v| truthy(v))
}

/// What Python's `str()` prints for a JSON value (`None` for a missing one).
fn py_str(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a JSON value, near enough for messages.
fn py_repr(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".to_owned(),
        Some(Value::Bool(true)) => "True".to_owned(),
        Some(Value::Bool(false)) => "False".to_owned(),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(f) if !n.is_i64() && !n.is_u64() => py_float(f),
            _ => n.to_string(),
        },
        Some(Value::String(s)) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Some(Value::Array(a)) => {
            let items: Vec<String> = a.iter().map(|x| py_repr(Some(x))).collect();
            format!("[{}]", items.join(", "))
        }
        Some(Value::Object(o)) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, x)| format!("'{k}': {}", py_repr(Some(x))))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// Python's `repr()` of a float: the shortest digits that read back, with
/// `.0` on whole numbers and an exponent below 1e-4 or from 1e16.
fn py_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    let magnitude = f.abs();
    if magnitude != 0.0 && !(1e-4..1e16).contains(&magnitude) {
        let s = format!("{f:e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        let sign = if exponent < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exponent.abs());
    }
    if f.fract() == 0.0 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

/// Python's `round(x, 4)`. Rust's fixed-precision formatting rounds the exact
/// binary value half to even, as CPython does, and both read the digits back.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// An offset as Python sees a JSON number: `5` indexes a string, `5.0` does
/// not. `true`/`false` are the ints 1 and 0.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    /// `None` for anything Python would refuse to compare with a number.
    fn of(v: &Value) -> Option<Num> {
        match v {
            Value::Bool(b) => Some(Num::Int(i64::from(*b))),
            Value::Number(n) => Some(if let Some(i) = n.as_i64() {
                Num::Int(i)
            } else if n.is_u64() {
                // beyond any text: Python would fail to index with it
                Num::Int(i64::MAX)
            } else {
                Num::Float(n.as_f64().unwrap_or(f64::NAN))
            }),
            _ => None,
        }
    }

    fn get(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => f.write_str(&py_float(*x)),
        }
    }
}

/// The Python exceptions that `score.py` catches around a prediction's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PyError {
    /// Indexing with a float.
    Type,
    /// An index outside the text.
    Index,
}

/// `text[i]` in Python: negative indices count from the end.
fn py_index(chars: &[char], i: Num) -> Result<char, PyError> {
    let Num::Int(i) = i else {
        return Err(PyError::Type);
    };
    let len = chars.len() as i64;
    let i = if i < 0 { i.saturating_add(len) } else { i };
    if (0..len).contains(&i) {
        Ok(chars[i as usize])
    } else {
        Err(PyError::Index)
    }
}

/// The bounds of Python's `seq[start:end]` on a sequence of `len` items.
fn py_slice(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len = len as i64;
    let clamp = |i: i64| {
        if i < 0 {
            i.saturating_add(len).max(0)
        } else {
            i.min(len)
        }
    };
    let lo = start.map_or(0, clamp);
    let hi = end.map_or(len, clamp).max(lo);
    (lo as usize, hi as usize)
}

/// `text[a:b]` in Python, for display; empty where Python would raise.
fn py_char_slice(chars: &[char], a: Num, b: Num) -> String {
    match (a, b) {
        (Num::Int(a), Num::Int(b)) => {
            let (lo, hi) = py_slice(chars.len(), Some(a), Some(b));
            chars[lo..hi].iter().collect()
        }
        _ => String::new(),
    }
}

/// The first `n` chars of a string, as Python's `s[:n]`.
fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

// ---------------------------------------------------------------------------
// Spans
// ---------------------------------------------------------------------------

/// Punctuation, quotation marks and spaces trimmed off both ends of a span
/// (`TRIM` in `score.py`).
const TRIM: &[char] = &[
    ' ', '\t', '\n', '\r', '\u{a0}', '\u{200f}', '\u{200e}', '.', ',', '،', '؛', ';', ':', '!',
    '?', '؟', '…', '"', '\'', '“', '”', '«', '»', '‘', '’', '„', '‹', '›', '(', ')', '[', ']', '-',
    '–', '—', 'ـ',
];

/// A span of char offsets, as `score.py` holds it: usually ints, possibly
/// negative or floats when a prediction says so.
type Span = (Num, Num);

/// `score.py`'s `trimmed`: moves the ends of `[a, b)` inward past [`TRIM`]
/// characters, with Python's comparisons and indexing.
fn trimmed(chars: &[char], mut a: Num, mut b: Num) -> Result<Span, PyError> {
    while a.get() < b.get() && TRIM.contains(&py_index(chars, a)?) {
        a = match a {
            Num::Int(i) => Num::Int(i.saturating_add(1)),
            Num::Float(f) => Num::Float(f + 1.0),
        };
    }
    while b.get() > a.get() {
        let last = match b {
            Num::Int(i) => Num::Int(i.saturating_sub(1)),
            Num::Float(f) => Num::Float(f - 1.0),
        };
        if !TRIM.contains(&py_index(chars, last)?) {
            break;
        }
        b = last;
    }
    Ok((a, b))
}

/// Overlap of two spans over their union (0 when the union is empty).
fn jaccard(x: Span, y: Span) -> f64 {
    let (x0, x1, y0, y1) = (x.0.get(), x.1.get(), y.0.get(), y.1.get());
    let inter = (x1.min(y1) - x0.max(y0)).max(0.0);
    let union = x1.max(y1) - x0.min(y0);
    if union > 0.0 {
        inter / union
    } else {
        0.0
    }
}

// ---------------------------------------------------------------------------
// Normalisation and words
// ---------------------------------------------------------------------------

/// `score.py`'s `normalize`: NFKC (see [`nfkc`]), then drop the Arabic
/// diacritics and tatweel, fold the alef forms `أ إ آ ٱ` to `ا`, `ى` to `ي`
/// and `ة` to `ه`.
fn normalize(s: &str) -> String {
    nfkc(s)
        .into_iter()
        .filter(|&c| !is_diacritic(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

/// `[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]`.
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{610}'..='\u{61a}' | '\u{64b}'..='\u{65f}' | '\u{670}' | '\u{6d6}'..='\u{6ed}' | '\u{640}')
}

/// The runs of `[\w\u0600-\u06ff]+` in the normalised text (`words`).
fn words(s: &str) -> Vec<String> {
    normalize(s)
        .split(|c: char| !is_token_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `[\w\u0600-\u06ff]`, with Python's `\w`: `_` or any char that
/// `str.isalnum` accepts.
fn is_token_char(c: char) -> bool {
    if c == '_' || ('\u{600}'..='\u{6ff}').contains(&c) {
        return true;
    }
    if !c.is_alphanumeric() {
        return false;
    }
    static NOT: OnceLock<Vec<(u32, u32, u8)>> = OnceLock::new();
    lookup(NOT.get_or_init(|| parse_ranges(NOT_WORD)), c).is_none()
}

/// The Arabic letters that Unicode composes with a following hamza or madda
/// (the only canonical compositions this port performs), as
/// (composite, base, mark).
const ARABIC_COMPOSITES: [(char, char, char); 8] = [
    ('\u{622}', '\u{627}', '\u{653}'),
    ('\u{623}', '\u{627}', '\u{654}'),
    ('\u{624}', '\u{648}', '\u{654}'),
    ('\u{625}', '\u{627}', '\u{655}'),
    ('\u{626}', '\u{64a}', '\u{654}'),
    ('\u{6c0}', '\u{6d5}', '\u{654}'),
    ('\u{6c2}', '\u{6c1}', '\u{654}'),
    ('\u{6d3}', '\u{6d2}', '\u{654}'),
];

/// NFKC as far as this port knows it (the limits are in the module
/// documentation): every char is replaced by its compatibility form from
/// [`NFKC_FOLDS`], the Arabic composites are decomposed, combining marks are
/// put in canonical order and composed again with their base letter.
fn nfkc(s: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(s.len());
    let mut push = |c: char| match ARABIC_COMPOSITES.iter().find(|x| x.0 == c) {
        Some(&(_, base, mark)) => chars.extend([base, mark]),
        None => chars.push(c),
    };
    for c in s.chars() {
        match nfkc_fold(c) {
            Some(folded) => folded.iter().copied().for_each(&mut push),
            None => push(c),
        }
    }
    // Canonical ordering: every run of marks sorted (stably) by class.
    let mut i = 0;
    while i < chars.len() {
        if combining_class(chars[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && combining_class(chars[i]) != 0 {
            i += 1;
        }
        chars[start..i].sort_by_key(|&c| combining_class(c));
    }
    compose(&chars)
}

/// Canonical composition (UAX #15), for the pairs in [`ARABIC_COMPOSITES`].
fn compose(chars: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    let mut last_class = 0u8;
    for &c in chars {
        let class = combining_class(c);
        if let Some(s) = starter {
            let adjacent = s + 1 == out.len();
            if adjacent || (last_class != 0 && last_class < class) {
                let base = out[s];
                if let Some(&(composite, ..)) =
                    ARABIC_COMPOSITES.iter().find(|x| x.1 == base && x.2 == c)
                {
                    out[s] = composite;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
        }
        last_class = class;
        out.push(c);
    }
    out
}

/// The NFKC form of one char, when [`NFKC_FOLDS`] changes it.
fn nfkc_fold(c: char) -> Option<&'static [char]> {
    static TABLE: OnceLock<HashMap<char, Vec<char>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let hex = |h: &str| u32::from_str_radix(h, 16).expect("hex in NFKC_FOLDS");
        let chr = |u: u32| char::from_u32(u).expect("a char in NFKC_FOLDS");
        let mut table = HashMap::new();
        for entry in NFKC_FOLDS.split_whitespace() {
            let at = entry.find(['=', '>']).expect("`=` or `>` in NFKC_FOLDS");
            let (range, target) = (&entry[..at], &entry[at + 1..]);
            let (lo, hi) = range.split_once('-').unwrap_or((range, range));
            let target: Vec<u32> = target.split('.').map(hex).collect();
            for (k, u) in (hex(lo)..=hex(hi)).enumerate() {
                let folded = if entry.as_bytes()[at] == b'>' {
                    vec![chr(target[0] + k as u32)]
                } else {
                    target.iter().map(|&t| chr(t)).collect()
                };
                table.insert(chr(u), folded);
            }
        }
        table
    });
    table.get(&c).map(Vec::as_slice)
}

/// The canonical combining class of a char (0 for starters and for marks
/// outside [`COMBINING_CLASSES`]).
fn combining_class(c: char) -> u8 {
    static TABLE: OnceLock<Vec<(u32, u32, u8)>> = OnceLock::new();
    lookup(TABLE.get_or_init(|| parse_ranges(COMBINING_CLASSES)), c).unwrap_or(0)
}

/// Parses `A-B:n` / `A` entries (hex ranges, optional decimal value).
fn parse_ranges(table: &str) -> Vec<(u32, u32, u8)> {
    let hex = |h: &str| u32::from_str_radix(h, 16).expect("hex range in a table");
    table
        .split_whitespace()
        .map(|entry| {
            let (range, value) = entry.split_once(':').unwrap_or((entry, "0"));
            let (lo, hi) = range.split_once('-').unwrap_or((range, range));
            (hex(lo), hex(hi), value.parse().expect("a class in a table"))
        })
        .collect()
}

/// The value of the sorted range holding `c`.
fn lookup(ranges: &[(u32, u32, u8)], c: char) -> Option<u8> {
    let c = c as u32;
    let i = ranges.partition_point(|r| r.1 < c);
    ranges.get(i).filter(|r| r.0 <= c).map(|r| r.2)
}

// ---------------------------------------------------------------------------
// Speakers, cues, offsets
// ---------------------------------------------------------------------------

/// A string that `normalize` accepts: Python's `s or ''` takes `None` too.
fn text_arg<'a>(v: Option<&'a Value>, what: &str) -> Result<&'a str, String> {
    match v {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(v) if !truthy(v) => Ok(""),
        Some(other) => Err(format!("{what} is not a string: {other}")),
    }
}

/// `score.py`'s `speaker_ok`: is the predicted speaker the gold one?
fn speaker_ok(gold: &Map<String, Value>, pred: Option<&Value>) -> Result<bool, String> {
    let gold_speaker = gold.get("speaker").filter(|v| !v.is_null());
    let Some(gold_speaker) = gold_speaker else {
        return Ok(matches!(pred, None | Some(Value::Null)));
    };
    let Some(pred) = pred.filter(|v| truthy(v)) else {
        return Ok(false);
    };
    let pred = pred
        .as_object()
        .ok_or("a predicted speaker is not an object")?;
    // name or mention.text or text, the first that is truthy
    let mut name = truthy_get(pred, "name");
    if name.is_none() {
        name = match truthy_get(pred, "mention") {
            None => None,
            Some(Value::Object(mention)) => truthy_get(mention, "text"),
            Some(_) => return Err("a speaker's mention is not an object".to_owned()),
        };
    }
    let name = name.or_else(|| truthy_get(pred, "text"));
    let pw = words(text_arg(name, "a predicted speaker name")?);
    if pw.is_empty() || pw.len() > 12 {
        return Ok(false);
    }
    let aliases: Vec<String> = match truthy_get(gold, "aliases") {
        None => vec![text_arg(Some(gold_speaker), "a gold speaker")?.to_owned()],
        Some(Value::Array(list)) => list
            .iter()
            .map(|a| text_arg(Some(a), "a gold alias").map(str::to_owned))
            .collect::<Result<_, _>>()?,
        // Python iterates what it is given: a string's chars, a dict's keys
        Some(Value::String(s)) => s.chars().map(String::from).collect(),
        Some(Value::Object(o)) => o.keys().cloned().collect(),
        Some(other) => return Err(format!("gold aliases are not a list: {other}")),
    };
    for alias in &aliases {
        let aw = words(alias);
        if !aw.is_empty() && pw.windows(aw.len()).any(|w| w == aw.as_slice()) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The clitics a cue may carry in front (`وقال`, `فقال`).
const CLITICS: [char; 2] = ['و', 'ف'];

/// `score.py`'s `cue_ok`: does the predicted cue name the gold cue (or one
/// of them, when the gold lists several)?
fn cue_ok(gold: &Value, pred: Option<&Value>) -> Result<bool, String> {
    let Some(pred) = pred.filter(|v| truthy(v)) else {
        return Ok(false);
    };
    if let Value::Array(golds) = gold {
        for g in golds {
            if cue_ok(g, Some(pred))? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let g = normalize(text_arg(Some(gold), "a gold cue")?);
    let pred = pred.as_object().ok_or("a predicted cue is not an object")?;
    let candidates = [
        text_arg(pred.get("text"), "a predicted cue text")?,
        text_arg(pred.get("lemma"), "a predicted cue lemma")?,
    ];
    for candidate in candidates {
        let c = normalize(candidate);
        if c.is_empty() {
            continue;
        }
        let mut forms = vec![c.as_str()];
        if c.starts_with(CLITICS) {
            forms.push(&c[c.chars().next().map_or(0, char::len_utf8)..]);
        }
        for w in forms {
            if w.contains(g.as_str()) || (w.chars().count() >= 3 && g.contains(w)) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Python's `'char_start' in obj` for a truthy value: a key of an object, an
/// item of a list, a substring of a string; a `TypeError` otherwise.
fn has_char_start(obj: &Value) -> Result<bool, String> {
    const KEY: &str = "char_start";
    match obj {
        Value::Object(o) => Ok(o.contains_key(KEY)),
        Value::Array(a) => Ok(a.iter().any(|x| x.as_str() == Some(KEY))),
        Value::String(s) => Ok(s.contains(KEY)),
        other => Err(format!("a span is neither an object nor null: {other}")),
    }
}

/// `score.py`'s `offsets_ok`: do `char_start`/`char_end` slice the text back
/// to the span's `text`, and `start`/`end`, where given, the UTF-8 bytes?
fn offsets_ok(chars: &[char], bytes: &[u8], obj: &Value) -> bool {
    let Value::Object(obj) = obj else {
        return false;
    };
    let int = |key: &str| match obj.get(key).and_then(Num::of) {
        Some(Num::Int(i)) => Some(i),
        _ => None,
    };
    let (Some(cs), Some(ce)) = (int("char_start"), int("char_end")) else {
        return false;
    };
    if !(0 <= cs && cs <= ce && ce <= chars.len() as i64) {
        return false;
    }
    let slice: String = chars[cs as usize..ce as usize].iter().collect();
    if obj.get("text").is_some_and(|t| t.as_str() != Some(&slice)) {
        return false;
    }
    let start = obj.get("start");
    if start.is_some_and(|s| !s.is_null()) && obj.contains_key("end") {
        let Some(start) = int("start") else {
            return false;
        };
        let end = match obj.get("end") {
            Some(Value::Null) => None,
            _ => match int("end") {
                Some(end) => Some(end),
                None => return false,
            },
        };
        let (lo, hi) = py_slice(bytes.len(), Some(start), end);
        if std::str::from_utf8(&bytes[lo..hi]) != Ok(slice.as_str()) {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// The running totals of `score.py`'s `c` dict.
#[derive(Debug, Default)]
struct Counts {
    gold: usize,
    pred: usize,
    matched: usize,
    speaker: usize,
    e2e: usize,
    cue_n: usize,
    cue: usize,
    off_n: usize,
    off: usize,
    other_hit: usize,
    hard: usize,
    hard_e2e: usize,
    missing_docs: usize,
}

/// Lower bounds of the confidence buckets, as decimal literals so that a
/// confidence printed as `0.7` falls in `[0.7, 0.8)`.
const BUCKETS: [f64; 10] = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// Predictions and end-to-end hits per confidence bucket.
#[derive(Debug, Default)]
struct Reliability {
    n: [usize; 10],
    correct: [usize; 10],
    /// Predictions whose `confidence` is missing or not a number.
    missing: usize,
    /// Predictions whose `confidence` lies outside `[0, 1]`.
    out_of_range: usize,
}

impl Reliability {
    fn add(&mut self, confidence: Option<&Value>, correct: bool) {
        let Some(c) = confidence.and_then(Value::as_f64) else {
            self.missing += 1;
            return;
        };
        if !(0.0..=1.0).contains(&c) {
            self.out_of_range += 1;
            return;
        }
        let bucket = BUCKETS.iter().rposition(|&lo| c >= lo).unwrap_or(0);
        self.n[bucket] += 1;
        self.correct[bucket] += usize::from(correct);
    }

    fn write(&self, out: &mut String) {
        for (i, &lo) in BUCKETS.iter().enumerate() {
            let n = self.n[i];
            let _ = write!(out, "confidence  {lo:.1}-{:.1}  n={n:4}", lo + 0.1);
            if n == 0 {
                out.push_str("  accurate=-\n");
                continue;
            }
            let accuracy = self.correct[i] as f64 / n as f64;
            let _ = write!(out, "  accurate={accuracy:.3}");
            if n >= 10 && accuracy < lo {
                let _ = write!(out, "  <- overconfident: below {lo:.1}");
            }
            out.push('\n');
        }
        if self.missing > 0 {
            let _ = writeln!(out, "confidence  missing  n={:4}", self.missing);
        }
        if self.out_of_range > 0 {
            let _ = writeln!(out, "confidence  not 0-1  n={:4}", self.out_of_range);
        }
    }
}

/// Scores documents one by one and prints the report at the end.
#[derive(Debug)]
struct Scorer {
    verbose: bool,
    per_doc: bool,
    docs: usize,
    c: Counts,
    reliability: Reliability,
    /// Everything printed so far.
    out: String,
}

/// One gold quote, with the offsets `score.py` reads.
fn gold_span(chars: &[char], q: &Map<String, Value>, origin: &str) -> Result<Span, String> {
    let bad = |what: &str| format!("{origin}: a quote's {what}");
    let start = Num::of(q.get("start").ok_or_else(|| bad("`start` is missing"))?);
    let end = Num::of(q.get("end").ok_or_else(|| bad("`end` is missing"))?);
    let (Some(start), Some(end)) = (start, end) else {
        return Err(bad("offsets are not numbers"));
    };
    trimmed(chars, start, end).map_err(|_| bad("offsets do not index the text"))
}

impl Scorer {
    fn new(verbose: bool, per_doc: bool) -> Self {
        Scorer {
            verbose,
            per_doc,
            docs: 0,
            c: Counts::default(),
            reliability: Reliability::default(),
            out: String::new(),
        }
    }

    /// Scores one gold document against its prediction line, if any: the
    /// body of the loop in `score.py`'s `main`.
    fn score_doc(&mut self, doc: &Doc, pred: Option<&Doc>) -> Result<(), String> {
        let did = doc.name.as_str();
        // where to point messages about the gold and the prediction line
        let gold_at = doc.origin.as_str();
        let pred_at = pred.map_or("", |p| p.origin.as_str());
        let pred = pred.map(|p| &p.value);
        self.docs += 1;
        let text = doc
            .value
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{gold_at}: no `text` string"))?;
        let chars: Vec<char> = text.chars().collect();
        let bytes = text.as_bytes();
        if pred.is_none() {
            self.c.missing_docs += 1;
        }
        let attributions: &[Value] = match pred.and_then(|p| p.get("attributions")) {
            Some(Value::Array(list)) => list,
            Some(v) if truthy(v) => return Err(format!("{pred_at}: `attributions` is not a list")),
            _ => &[],
        };

        // Offsets of every span, then the direct/mixed quotes with their
        // trimmed spans.
        let mut preds: Vec<(Span, &Map<String, Value>)> = Vec::new();
        for a in attributions {
            let a = a
                .as_object()
                .ok_or_else(|| format!("{pred_at}: an attribution is not an object"))?;
            let quote = truthy_get(a, "quote");
            let mention = match truthy_get(a, "speaker") {
                None => None,
                Some(Value::Object(speaker)) => speaker.get("mention"),
                Some(_) => return Err(format!("{pred_at}: a speaker is not an object")),
            };
            for obj in [quote, mention, a.get("cue")].into_iter().flatten() {
                if truthy(obj) && has_char_start(obj).map_err(|e| format!("{pred_at}: {e}"))? {
                    self.c.off_n += 1;
                    self.c.off += usize::from(offsets_ok(&chars, bytes, obj));
                }
            }
            if !matches!(
                a.get("kind").and_then(Value::as_str),
                Some("direct" | "mixed")
            ) {
                continue;
            }
            // A KeyError or TypeError here skips the attribution.
            let Some(Value::Object(quote)) = quote else {
                continue;
            };
            let bounds = (
                quote.get("char_start").and_then(Num::of),
                quote.get("char_end").and_then(Num::of),
            );
            let (Some(cs), Some(ce)) = bounds else {
                continue;
            };
            if let Ok(span) = trimmed(&chars, cs, ce) {
                preds.push((span, a));
            }
        }

        // Spans the annotators could not settle are neither rewarded nor
        // punished.
        let mut unsure = Vec::new();
        let mut golds = Vec::new();
        let mut others = Vec::new();
        let quotes = match doc.value.get("quotes") {
            Some(Value::Array(quotes)) => quotes.as_slice(),
            _ => return Err(format!("{gold_at}: `quotes` is not a list")),
        };
        for q in quotes {
            let q = q
                .as_object()
                .ok_or_else(|| format!("{gold_at}: a quote is not an object"))?;
            match q.get("type").map(|t| t.as_str()) {
                None => return Err(format!("{gold_at}: a quote has no `type`")),
                Some(Some("ambiguous")) => unsure.push(gold_span(&chars, q, gold_at)?),
                Some(Some("speech")) => golds.push(q),
                Some(Some("other")) => others.push(q),
                Some(_) => {}
            }
        }
        preds.retain(|(span, _)| !unsure.iter().any(|&u| jaccard(u, *span) >= 0.5));
        self.c.gold += golds.len();
        self.c.hard += golds
            .iter()
            .filter(|q| truthy_get(q, "hard").is_some())
            .count();

        // Every (gold, prediction) pair, best overlap first; ties go to the
        // higher indices, as Python's reverse sort of (j, gi, pi) tuples.
        let mut pairs = Vec::new();
        if !preds.is_empty() {
            for (gi, q) in golds.iter().enumerate() {
                let gs = gold_span(&chars, q, gold_at)?;
                for (pi, (ps, _)) in preds.iter().enumerate() {
                    pairs.push((jaccard(gs, *ps), gi, pi));
                }
            }
        }
        pairs.sort_by(|x, y| y.partial_cmp(x).unwrap_or(Ordering::Equal));
        let mut used_p = vec![false; preds.len()];
        let mut matched: Vec<Option<usize>> = vec![None; golds.len()];
        let mut n_matched = 0;
        for (j, gi, pi) in pairs {
            if j < 0.5 {
                break;
            }
            if matched[gi].is_some() || used_p[pi] {
                continue;
            }
            used_p[pi] = true;
            matched[gi] = Some(pi);
            n_matched += 1;
        }

        // Predictions that hit a scare quote or a title (type `other`) are
        // false positives too.
        for (pi, (ps, _)) in preds.iter().enumerate() {
            if used_p[pi] {
                continue;
            }
            for o in &others {
                if jaccard(gold_span(&chars, o, gold_at)?, *ps) >= 0.5 {
                    self.c.other_hit += 1;
                    break;
                }
            }
        }
        self.c.pred += preds.len();
        self.c.matched += n_matched;

        let mut doc_e2e = 0;
        let mut correct = vec![false; preds.len()];
        for (gi, q) in golds.iter().enumerate() {
            let Some(pi) = matched[gi] else {
                if self.verbose {
                    let _ = writeln!(
                        self.out,
                        "[{did}] MISSED quote {}-{} speaker={}: {}",
                        py_str(q.get("start")),
                        py_str(q.get("end")),
                        py_str(q.get("speaker")),
                        prefix(&py_str(q.get("text")), 60)
                    );
                }
                continue;
            };
            let a = preds[pi].1;
            let ok = speaker_ok(q, a.get("speaker")).map_err(|e| format!("{pred_at}: {e}"))?;
            correct[pi] = ok;
            let ok = usize::from(ok);
            self.c.speaker += ok;
            self.c.e2e += ok;
            doc_e2e += ok;
            if truthy_get(q, "hard").is_some() {
                self.c.hard_e2e += ok;
            }
            if let Some(gold_cue) = truthy_get(q, "cue") {
                self.c.cue_n += 1;
                let cue_right =
                    cue_ok(gold_cue, a.get("cue")).map_err(|e| format!("{pred_at}: {e}"))?;
                self.c.cue += usize::from(cue_right);
            }
            if self.verbose && ok == 0 {
                let got = match truthy_get(a, "speaker") {
                    Some(Value::Object(s)) => s.get("name"),
                    _ => None,
                };
                let _ = writeln!(
                    self.out,
                    "[{did}] WRONG SPEAKER {}-{} gold={} got={}: {}",
                    py_str(q.get("start")),
                    py_str(q.get("end")),
                    py_str(q.get("speaker")),
                    py_str(got),
                    prefix(&py_str(q.get("text")), 50)
                );
            }
        }
        if self.verbose {
            for (pi, (ps, _)) in preds.iter().enumerate() {
                if !used_p[pi] {
                    let _ = writeln!(
                        self.out,
                        "[{did}] SPURIOUS quote {}-{}: {}",
                        ps.0,
                        ps.1,
                        prefix(&py_char_slice(&chars, ps.0, ps.1), 60)
                    );
                }
            }
        }
        if self.per_doc {
            let _ = writeln!(
                self.out,
                "{did}\tgold={}\tpred={}\tmatched={n_matched}\te2e={doc_e2e}",
                golds.len(),
                preds.len()
            );
        }
        for (pi, (_, a)) in preds.iter().enumerate() {
            self.reliability.add(a.get("confidence"), correct[pi]);
        }
        Ok(())
    }

    /// The metrics table (or JSON), the reliability table and, last, the
    /// summary line.
    fn finish(mut self, json: bool) -> String {
        let c = &self.c;
        let (qp, qr, qf) = prf(c.matched, c.pred, c.gold);
        let (ep, er, ef) = prf(c.e2e, c.pred, c.gold);
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let sacc = ratio(c.speaker, c.matched);
        let cacc = ratio(c.cue, c.cue_n);
        let offs = ratio(c.off, c.off_n);
        let int = |n: usize| n.to_string();
        let float = |x: f64| py_float(round4(x));
        let results = [
            ("docs", int(self.docs)),
            ("missing_docs", int(c.missing_docs)),
            ("gold_quotes", int(c.gold)),
            ("pred_quotes", int(c.pred)),
            ("matched", int(c.matched)),
            ("scare_quote_false_positives", int(c.other_hit)),
            ("quote_p", float(qp)),
            ("quote_r", float(qr)),
            ("quote_f1", float(qf)),
            ("speaker_acc", float(sacc)),
            ("cue_acc", float(cacc)),
            ("e2e_p", float(ep)),
            ("e2e_r", float(er)),
            ("e2e_f1", float(ef)),
            ("hard_gold", int(c.hard)),
            ("hard_e2e", int(c.hard_e2e)),
            ("offsets_ok", float(offs)),
        ];
        let out = &mut self.out;
        if json {
            let fields: Vec<String> = results
                .iter()
                .map(|(k, v)| format!("\"{k}\": {v}"))
                .collect();
            let _ = writeln!(out, "{{{}}}", fields.join(", "));
        } else {
            for (k, v) in &results {
                let _ = writeln!(out, "{k:30} {v}");
            }
        }
        self.reliability.write(out);
        let _ = writeln!(
            out,
            "e2e_f1={ef:.3} quote_f1={qf:.3} speaker_acc={sacc:.3} cue_acc={cacc:.3} offsets_ok={offs:.3}"
        );
        self.out
    }
}

/// Precision, recall and F1, computed in `score.py`'s order.
fn prf(tp: usize, npred: usize, ngold: usize) -> (f64, f64, f64) {
    let p = if npred > 0 {
        tp as f64 / npred as f64
    } else {
        0.0
    };
    let r = if ngold > 0 {
        tp as f64 / ngold as f64
    } else {
        0.0
    };
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

// ---------------------------------------------------------------------------
// Unicode tables
// ---------------------------------------------------------------------------

/// NFKC of the compatibility characters this port knows (see [`nfkc_fold`]).
///
/// Whitespace-separated entries. `A-B=X.Y` maps every code point from `A` to
/// `B` onto the sequence `X Y`; `A-B>X` maps them onto consecutive code
/// points starting at `X`; a lone `A` stands for `A-A`. All numbers are hex.
/// Generated from Python 3.11 (`unicodedata`, Unicode 14.0) by taking
/// `unicodedata.normalize("NFKC", chr(c))` for every `c` in: U+00A0–00BF,
/// U+0300–036F, U+0600–06FF, U+2000–218F, U+2460–24FF, U+3000,
/// U+FB00–FB06, U+FB50–FDFF, U+FE10–FE19, U+FE50–FE6B, U+FE70–FEFF,
/// U+FF01–FF60 and U+FFE0–FFEE, keeping those it changes.
const NFKC_FOLDS: &str = "\
    A0=20 A8=20.308 AA=61 AF=20.304 B2-B3>32 B4=20.301 B5=3BC B8=20.327 B9=31 BA=6F \
    BC=31.2044.34 BD=31.2044.32 BE=33.2044.34 340-341>300 343=313 344=308.301 675=627.674 \
    676=648.674 677=6C7.674 678=64A.674 2000-200A=20 2011=2010 2017=20.333 2024=2E 2025=2E.2E \
    2026=2E.2E.2E 202F=20 2033=2032.2032 2034=2032.2032.2032 2036=2035.2035 2037=2035.2035.2035 \
    203C=21.21 203E=20.305 2047=3F.3F 2048=3F.21 2049=21.3F 2057=2032.2032.2032.2032 205F=20 \
    2070=30 2071=69 2074-2079>34 207A=2B 207B=2212 207C=3D 207D-207E>28 207F=6E 2080-2089>30 \
    208A=2B 208B=2212 208C=3D 208D-208E>28 2090=61 2091=65 2092=6F 2093=78 2094=259 2095=68 \
    2096-2099>6B 209A=70 209B-209C>73 20A8=52.73 2100=61.2F.63 2101=61.2F.73 2102=43 2103=B0.43 \
    2105=63.2F.6F 2106=63.2F.75 2107=190 2109=B0.46 210A=67 210B-210D=48 210E=68 210F=127 \
    2110-2111=49 2112=4C 2113=6C 2115=4E 2116=4E.6F 2119-211B>50 211C-211D=52 2120=53.4D \
    2121=54.45.4C 2122=54.4D 2124=5A 2126=3A9 2128=5A 212A=4B 212B=C5 212C-212D>42 212F=65 \
    2130-2131>45 2133=4D 2134=6F 2135-2138>5D0 2139=69 213B=46.41.58 213C=3C0 213D=3B3 213E=393 \
    213F=3A0 2140=2211 2145=44 2146-2147>64 2148-2149>69 2150=31.2044.37 2151=31.2044.39 \
    2152=31.2044.31.30 2153=31.2044.33 2154=32.2044.33 2155=31.2044.35 2156=32.2044.35 \
    2157=33.2044.35 2158=34.2044.35 2159=31.2044.36 215A=35.2044.36 215B=31.2044.38 \
    215C=33.2044.38 215D=35.2044.38 215E=37.2044.38 215F=31.2044 2160=49 2161=49.49 \
    2162=49.49.49 2163=49.56 2164=56 2165=56.49 2166=56.49.49 2167=56.49.49.49 2168=49.58 \
    2169=58 216A=58.49 216B=58.49.49 216C=4C 216D-216E>43 216F=4D 2170=69 2171=69.69 \
    2172=69.69.69 2173=69.76 2174=76 2175=76.69 2176=76.69.69 2177=76.69.69.69 2178=69.78 \
    2179=78 217A=78.69 217B=78.69.69 217C=6C 217D-217E>63 217F=6D 2189=30.2044.33 2460-2468>31 \
    2469=31.30 246A=31.31 246B=31.32 246C=31.33 246D=31.34 246E=31.35 246F=31.36 2470=31.37 \
    2471=31.38 2472=31.39 2473=32.30 2474=28.31.29 2475=28.32.29 2476=28.33.29 2477=28.34.29 \
    2478=28.35.29 2479=28.36.29 247A=28.37.29 247B=28.38.29 247C=28.39.29 247D=28.31.30.29 \
    247E=28.31.31.29 247F=28.31.32.29 2480=28.31.33.29 2481=28.31.34.29 2482=28.31.35.29 \
    2483=28.31.36.29 2484=28.31.37.29 2485=28.31.38.29 2486=28.31.39.29 2487=28.32.30.29 \
    2488=31.2E 2489=32.2E 248A=33.2E 248B=34.2E 248C=35.2E 248D=36.2E 248E=37.2E 248F=38.2E \
    2490=39.2E 2491=31.30.2E 2492=31.31.2E 2493=31.32.2E 2494=31.33.2E 2495=31.34.2E \
    2496=31.35.2E 2497=31.36.2E 2498=31.37.2E 2499=31.38.2E 249A=31.39.2E 249B=32.30.2E \
    249C=28.61.29 249D=28.62.29 249E=28.63.29 249F=28.64.29 24A0=28.65.29 24A1=28.66.29 \
    24A2=28.67.29 24A3=28.68.29 24A4=28.69.29 24A5=28.6A.29 24A6=28.6B.29 24A7=28.6C.29 \
    24A8=28.6D.29 24A9=28.6E.29 24AA=28.6F.29 24AB=28.70.29 24AC=28.71.29 24AD=28.72.29 \
    24AE=28.73.29 24AF=28.74.29 24B0=28.75.29 24B1=28.76.29 24B2=28.77.29 24B3=28.78.29 \
    24B4=28.79.29 24B5=28.7A.29 24B6-24CF>41 24D0-24E9>61 24EA=30 3000=20 FB00=66.66 FB01=66.69 \
    FB02=66.6C FB03=66.66.69 FB04=66.66.6C FB05-FB06=73.74 FB50-FB51=671 FB52-FB55=67B \
    FB56-FB59=67E FB5A-FB5D=680 FB5E-FB61=67A FB62-FB65=67F FB66-FB69=679 FB6A-FB6D=6A4 \
    FB6E-FB71=6A6 FB72-FB75=684 FB76-FB79=683 FB7A-FB7D=686 FB7E-FB81=687 FB82-FB83=68D \
    FB84-FB85=68C FB86-FB87=68E FB88-FB89=688 FB8A-FB8B=698 FB8C-FB8D=691 FB8E-FB91=6A9 \
    FB92-FB95=6AF FB96-FB99=6B3 FB9A-FB9D=6B1 FB9E-FB9F=6BA FBA0-FBA3=6BB FBA4-FBA5=6C0 \
    FBA6-FBA9=6C1 FBAA-FBAD=6BE FBAE-FBAF=6D2 FBB0-FBB1=6D3 FBD3-FBD6=6AD FBD7-FBD8=6C7 \
    FBD9-FBDA=6C6 FBDB-FBDC=6C8 FBDD=6C7.674 FBDE-FBDF=6CB FBE0-FBE1=6C5 FBE2-FBE3=6C9 \
    FBE4-FBE7=6D0 FBE8-FBE9=649 FBEA-FBEB=626.627 FBEC-FBED=626.6D5 FBEE-FBEF=626.648 \
    FBF0-FBF1=626.6C7 FBF2-FBF3=626.6C6 FBF4-FBF5=626.6C8 FBF6-FBF8=626.6D0 FBF9-FBFB=626.649 \
    FBFC-FBFF=6CC FC00=626.62C FC01=626.62D FC02=626.645 FC03=626.649 FC04=626.64A FC05=628.62C \
    FC06=628.62D FC07=628.62E FC08=628.645 FC09=628.649 FC0A=628.64A FC0B=62A.62C FC0C=62A.62D \
    FC0D=62A.62E FC0E=62A.645 FC0F=62A.649 FC10=62A.64A FC11=62B.62C FC12=62B.645 FC13=62B.649 \
    FC14=62B.64A FC15=62C.62D FC16=62C.645 FC17=62D.62C FC18=62D.645 FC19=62E.62C FC1A=62E.62D \
    FC1B=62E.645 FC1C=633.62C FC1D=633.62D FC1E=633.62E FC1F=633.645 FC20=635.62D FC21=635.645 \
    FC22=636.62C FC23=636.62D FC24=636.62E FC25=636.645 FC26=637.62D FC27=637.645 FC28=638.645 \
    FC29=639.62C FC2A=639.645 FC2B=63A.62C FC2C=63A.645 FC2D=641.62C FC2E=641.62D FC2F=641.62E \
    FC30=641.645 FC31=641.649 FC32=641.64A FC33=642.62D FC34=642.645 FC35=642.649 FC36=642.64A \
    FC37=643.627 FC38=643.62C FC39=643.62D FC3A=643.62E FC3B=643.644 FC3C=643.645 FC3D=643.649 \
    FC3E=643.64A FC3F=644.62C FC40=644.62D FC41=644.62E FC42=644.645 FC43=644.649 FC44=644.64A \
    FC45=645.62C FC46=645.62D FC47=645.62E FC48=645.645 FC49=645.649 FC4A=645.64A FC4B=646.62C \
    FC4C=646.62D FC4D=646.62E FC4E=646.645 FC4F=646.649 FC50=646.64A FC51=647.62C FC52=647.645 \
    FC53=647.649 FC54=647.64A FC55=64A.62C FC56=64A.62D FC57=64A.62E FC58=64A.645 FC59=64A.649 \
    FC5A=64A.64A FC5B=630.670 FC5C=631.670 FC5D=649.670 FC5E=20.64C.651 FC5F=20.64D.651 \
    FC60=20.64E.651 FC61=20.64F.651 FC62=20.650.651 FC63=20.651.670 FC64=626.631 FC65=626.632 \
    FC66=626.645 FC67=626.646 FC68=626.649 FC69=626.64A FC6A=628.631 FC6B=628.632 FC6C=628.645 \
    FC6D=628.646 FC6E=628.649 FC6F=628.64A FC70=62A.631 FC71=62A.632 FC72=62A.645 FC73=62A.646 \
    FC74=62A.649 FC75=62A.64A FC76=62B.631 FC77=62B.632 FC78=62B.645 FC79=62B.646 FC7A=62B.649 \
    FC7B=62B.64A FC7C=641.649 FC7D=641.64A FC7E=642.649 FC7F=642.64A FC80=643.627 FC81=643.644 \
    FC82=643.645 FC83=643.649 FC84=643.64A FC85=644.645 FC86=644.649 FC87=644.64A FC88=645.627 \
    FC89=645.645 FC8A=646.631 FC8B=646.632 FC8C=646.645 FC8D=646.646 FC8E=646.649 FC8F=646.64A \
    FC90=649.670 FC91=64A.631 FC92=64A.632 FC93=64A.645 FC94=64A.646 FC95=64A.649 FC96=64A.64A \
    FC97=626.62C FC98=626.62D FC99=626.62E FC9A=626.645 FC9B=626.647 FC9C=628.62C FC9D=628.62D \
    FC9E=628.62E FC9F=628.645 FCA0=628.647 FCA1=62A.62C FCA2=62A.62D FCA3=62A.62E FCA4=62A.645 \
    FCA5=62A.647 FCA6=62B.645 FCA7=62C.62D FCA8=62C.645 FCA9=62D.62C FCAA=62D.645 FCAB=62E.62C \
    FCAC=62E.645 FCAD=633.62C FCAE=633.62D FCAF=633.62E FCB0=633.645 FCB1=635.62D FCB2=635.62E \
    FCB3=635.645 FCB4=636.62C FCB5=636.62D FCB6=636.62E FCB7=636.645 FCB8=637.62D FCB9=638.645 \
    FCBA=639.62C FCBB=639.645 FCBC=63A.62C FCBD=63A.645 FCBE=641.62C FCBF=641.62D FCC0=641.62E \
    FCC1=641.645 FCC2=642.62D FCC3=642.645 FCC4=643.62C FCC5=643.62D FCC6=643.62E FCC7=643.644 \
    FCC8=643.645 FCC9=644.62C FCCA=644.62D FCCB=644.62E FCCC=644.645 FCCD=644.647 FCCE=645.62C \
    FCCF=645.62D FCD0=645.62E FCD1=645.645 FCD2=646.62C FCD3=646.62D FCD4=646.62E FCD5=646.645 \
    FCD6=646.647 FCD7=647.62C FCD8=647.645 FCD9=647.670 FCDA=64A.62C FCDB=64A.62D FCDC=64A.62E \
    FCDD=64A.645 FCDE=64A.647 FCDF=626.645 FCE0=626.647 FCE1=628.645 FCE2=628.647 FCE3=62A.645 \
    FCE4=62A.647 FCE5=62B.645 FCE6=62B.647 FCE7=633.645 FCE8=633.647 FCE9=634.645 FCEA=634.647 \
    FCEB=643.644 FCEC=643.645 FCED=644.645 FCEE=646.645 FCEF=646.647 FCF0=64A.645 FCF1=64A.647 \
    FCF2=640.64E.651 FCF3=640.64F.651 FCF4=640.650.651 FCF5=637.649 FCF6=637.64A FCF7=639.649 \
    FCF8=639.64A FCF9=63A.649 FCFA=63A.64A FCFB=633.649 FCFC=633.64A FCFD=634.649 FCFE=634.64A \
    FCFF=62D.649 FD00=62D.64A FD01=62C.649 FD02=62C.64A FD03=62E.649 FD04=62E.64A FD05=635.649 \
    FD06=635.64A FD07=636.649 FD08=636.64A FD09=634.62C FD0A=634.62D FD0B=634.62E FD0C=634.645 \
    FD0D=634.631 FD0E=633.631 FD0F=635.631 FD10=636.631 FD11=637.649 FD12=637.64A FD13=639.649 \
    FD14=639.64A FD15=63A.649 FD16=63A.64A FD17=633.649 FD18=633.64A FD19=634.649 FD1A=634.64A \
    FD1B=62D.649 FD1C=62D.64A FD1D=62C.649 FD1E=62C.64A FD1F=62E.649 FD20=62E.64A FD21=635.649 \
    FD22=635.64A FD23=636.649 FD24=636.64A FD25=634.62C FD26=634.62D FD27=634.62E FD28=634.645 \
    FD29=634.631 FD2A=633.631 FD2B=635.631 FD2C=636.631 FD2D=634.62C FD2E=634.62D FD2F=634.62E \
    FD30=634.645 FD31=633.647 FD32=634.647 FD33=637.645 FD34=633.62C FD35=633.62D FD36=633.62E \
    FD37=634.62C FD38=634.62D FD39=634.62E FD3A=637.645 FD3B=638.645 FD3C-FD3D=627.64B \
    FD50=62A.62C.645 FD51-FD52=62A.62D.62C FD53=62A.62D.645 FD54=62A.62E.645 FD55=62A.645.62C \
    FD56=62A.645.62D FD57=62A.645.62E FD58-FD59=62C.645.62D FD5A=62D.645.64A FD5B=62D.645.649 \
    FD5C=633.62D.62C FD5D=633.62C.62D FD5E=633.62C.649 FD5F-FD60=633.645.62D FD61=633.645.62C \
    FD62-FD63=633.645.645 FD64-FD65=635.62D.62D FD66=635.645.645 FD67-FD68=634.62D.645 \
    FD69=634.62C.64A FD6A-FD6B=634.645.62E FD6C-FD6D=634.645.645 FD6E=636.62D.649 \
    FD6F-FD70=636.62E.645 FD71-FD72=637.645.62D FD73=637.645.645 FD74=637.645.64A \
    FD75=639.62C.645 FD76-FD77=639.645.645 FD78=639.645.649 FD79=63A.645.645 FD7A=63A.645.64A \
    FD7B=63A.645.649 FD7C-FD7D=641.62E.645 FD7E=642.645.62D FD7F=642.645.645 FD80=644.62D.645 \
    FD81=644.62D.64A FD82=644.62D.649 FD83-FD84=644.62C.62C FD85-FD86=644.62E.645 \
    FD87-FD88=644.645.62D FD89=645.62D.62C FD8A=645.62D.645 FD8B=645.62D.64A FD8C=645.62C.62D \
    FD8D=645.62C.645 FD8E=645.62E.62C FD8F=645.62E.645 FD92=645.62C.62E FD93=647.645.62C \
    FD94=647.645.645 FD95=646.62D.645 FD96=646.62D.649 FD97-FD98=646.62C.645 FD99=646.62C.649 \
    FD9A=646.645.64A FD9B=646.645.649 FD9C-FD9D=64A.645.645 FD9E=628.62E.64A FD9F=62A.62C.64A \
    FDA0=62A.62C.649 FDA1=62A.62E.64A FDA2=62A.62E.649 FDA3=62A.645.64A FDA4=62A.645.649 \
    FDA5=62C.645.64A FDA6=62C.62D.649 FDA7=62C.645.649 FDA8=633.62E.649 FDA9=635.62D.64A \
    FDAA=634.62D.64A FDAB=636.62D.64A FDAC=644.62C.64A FDAD=644.645.64A FDAE=64A.62D.64A \
    FDAF=64A.62C.64A FDB0=64A.645.64A FDB1=645.645.64A FDB2=642.645.64A FDB3=646.62D.64A \
    FDB4=642.645.62D FDB5=644.62D.645 FDB6=639.645.64A FDB7=643.645.64A FDB8=646.62C.62D \
    FDB9=645.62E.64A FDBA=644.62C.645 FDBB=643.645.645 FDBC=644.62C.645 FDBD=646.62C.62D \
    FDBE=62C.62D.64A FDBF=62D.62C.64A FDC0=645.62C.64A FDC1=641.645.64A FDC2=628.62D.64A \
    FDC3=643.645.645 FDC4=639.62C.645 FDC5=635.645.645 FDC6=633.62E.64A FDC7=646.62C.64A \
    FDF0=635.644.6D2 FDF1=642.644.6D2 FDF2=627.644.644.647 FDF3=627.643.628.631 \
    FDF4=645.62D.645.62F FDF5=635.644.639.645 FDF6=631.633.648.644 FDF7=639.644.64A.647 \
    FDF8=648.633.644.645 FDF9=635.644.649 \
    FDFA=635.644.649.20.627.644.644.647.20.639.644.64A.647.20.648.633.644.645 \
    FDFB=62C.644.20.62C.644.627.644.647 FDFC=631.6CC.627.644 FE10=2C FE11-FE12>3001 FE13-FE14>3A \
    FE15=21 FE16=3F FE17-FE18>3016 FE19=2E.2E.2E FE50=2C FE51=3001 FE52=2E FE54=3B FE55=3A \
    FE56=3F FE57=21 FE58=2014 FE59-FE5A>28 FE5B=7B FE5C=7D FE5D-FE5E>3014 FE5F=23 FE60=26 \
    FE61-FE62>2A FE63=2D FE64=3C FE65=3E FE66=3D FE68=5C FE69-FE6A>24 FE6B=40 FE70=20.64B \
    FE71=640.64B FE72=20.64C FE74=20.64D FE76=20.64E FE77=640.64E FE78=20.64F FE79=640.64F \
    FE7A=20.650 FE7B=640.650 FE7C=20.651 FE7D=640.651 FE7E=20.652 FE7F=640.652 FE80-FE81>621 \
    FE82-FE83>622 FE84-FE85>623 FE86-FE87>624 FE88-FE89>625 FE8A-FE8C=626 FE8D-FE8E=627 \
    FE8F-FE92=628 FE93-FE94=629 FE95-FE98=62A FE99-FE9C=62B FE9D-FEA0=62C FEA1-FEA4=62D \
    FEA5-FEA8=62E FEA9-FEAA=62F FEAB-FEAC=630 FEAD-FEAE=631 FEAF-FEB0=632 FEB1-FEB4=633 \
    FEB5-FEB8=634 FEB9-FEBC=635 FEBD-FEC0=636 FEC1-FEC4=637 FEC5-FEC8=638 FEC9-FECC=639 \
    FECD-FED0=63A FED1-FED4=641 FED5-FED8=642 FED9-FEDC=643 FEDD-FEE0=644 FEE1-FEE4=645 \
    FEE5-FEE8=646 FEE9-FEEC=647 FEED-FEEE=648 FEEF-FEF0=649 FEF1-FEF4=64A FEF5-FEF6=644.622 \
    FEF7-FEF8=644.623 FEF9-FEFA=644.625 FEFB-FEFC=644.627 FF01-FF5E>21 FF5F-FF60>2985 \
    FFE0-FFE1>A2 FFE2=AC FFE3=20.304 FFE4=A6 FFE5=A5 FFE6=20A9 FFE8=2502 FFE9-FFEC>2190 \
    FFED=25A0 FFEE=25CB \
";

/// Canonical combining classes of the marks in U+0300–08FF, U+1AB0–1AFF,
/// U+1DC0–1DFF, U+20D0–20FF, U+FB1E and U+FE20–FE2F (`A-B:class`, hex
/// ranges, decimal class), from Python 3.11's `unicodedata.combining`.
/// Anything else counts as a starter (class 0).
const COMBINING_CLASSES: &str = "\
    300-314:230 315:232 316-319:220 31A:232 31B:216 31C-320:220 321-322:202 323-326:220 \
    327-328:202 329-333:220 334-338:1 339-33C:220 33D-344:230 345:240 346:230 347-349:220 \
    34A-34C:230 34D-34E:220 350-352:230 353-356:220 357:230 358:232 359-35A:220 35B:230 35C:233 \
    35D-35E:234 35F:233 360-361:234 362:233 363-36F:230 483-487:230 591:220 592-595:230 596:220 \
    597-599:230 59A:222 59B:220 59C-5A1:230 5A2-5A7:220 5A8-5A9:230 5AA:220 5AB-5AC:230 5AD:222 \
    5AE:228 5AF:230 5B0:10 5B1:11 5B2:12 5B3:13 5B4:14 5B5:15 5B6:16 5B7:17 5B8:18 5B9-5BA:19 \
    5BB:20 5BC:21 5BD:22 5BF:23 5C1:24 5C2:25 5C4:230 5C5:220 5C7:18 610-617:230 618:30 619:31 \
    61A:32 64B:27 64C:28 64D:29 64E:30 64F:31 650:32 651:33 652:34 653-654:230 655-656:220 \
    657-65B:230 65C:220 65D-65E:230 65F:220 670:35 6D6-6DC:230 6DF-6E2:230 6E3:220 6E4:230 \
    6E7-6E8:230 6EA:220 6EB-6EC:230 6ED:220 711:36 730:230 731:220 732-733:230 734:220 \
    735-736:230 737-739:220 73A:230 73B-73C:220 73D:230 73E:220 73F-741:230 742:220 743:230 \
    744:220 745:230 746:220 747:230 748:220 749-74A:230 7EB-7F1:230 7F2:220 7F3:230 7FD:220 \
    816-819:230 81B-823:230 825-827:230 829-82D:230 859-85B:220 898:230 899-89B:220 89C-89F:230 \
    8CA-8CE:230 8CF-8D3:220 8D4-8E1:230 8E3:220 8E4-8E5:230 8E6:220 8E7-8E8:230 8E9:220 \
    8EA-8EC:230 8ED-8EF:220 8F0:27 8F1:28 8F2:29 8F3-8F5:230 8F6:220 8F7-8F8:230 8F9-8FA:220 \
    8FB-8FF:230 1AB0-1AB4:230 1AB5-1ABA:220 1ABB-1ABC:230 1ABD:220 1ABF-1AC0:220 1AC1-1AC2:230 \
    1AC3-1AC4:220 1AC5-1AC9:230 1ACA:220 1ACB-1ACE:230 1DC0-1DC1:230 1DC2:220 1DC3-1DC9:230 \
    1DCA:220 1DCB-1DCC:230 1DCD:234 1DCE:214 1DCF:220 1DD0:202 1DD1-1DF5:230 1DF6:232 \
    1DF7-1DF8:228 1DF9:220 1DFA:218 1DFB:230 1DFC:233 1DFD:220 1DFE:230 1DFF:220 20D0-20D1:230 \
    20D2-20D3:1 20D4-20D7:230 20D8-20DA:1 20DB-20DC:230 20E1:230 20E5-20E6:1 20E7:230 20E8:220 \
    20E9:230 20EA-20EB:1 20EC-20EF:220 20F0:230 FB1E:26 FE20-FE26:230 FE27-FE2D:220 \
    FE2E-FE2F:230 \
";

/// Code points outside U+0600–06FF that Rust's `char::is_alphanumeric` accepts
/// but Python 3.11's `str.isalnum` (and so its regex `\w`) does not: combining
/// marks with the Alphabetic property, circled and squared letters (`So`),
/// and letters Unicode assigned after 14.0. Hex ranges, generated by
/// comparing the two over every code point.
const NOT_WORD: &str = "\
    345 363-36F 5B0-5BD 5BF 5C1-5C2 5C4-5C5 5C7 711 730-73F 7A6-7B0 816-817 81B-823 825-827 \
    829-82C 88F 897 8D4-8DF 8E3-8E9 8F0-903 93A-93B 93E-94C 94E-94F 955-957 962-963 981-983 \
    9BE-9C4 9C7-9C8 9CB-9CC 9D7 9E2-9E3 A01-A03 A3E-A42 A47-A48 A4B-A4C A51 A70-A71 A75 A81-A83 \
    ABE-AC5 AC7-AC9 ACB-ACC AE2-AE3 AFA-AFC B01-B03 B3E-B44 B47-B48 B4B-B4C B56-B57 B62-B63 B82 \
    BBE-BC2 BC6-BC8 BCA-BCC BD7 C00-C04 C3E-C44 C46-C48 C4A-C4C C55-C56 C5C C62-C63 C81-C83 \
    CBE-CC4 CC6-CC8 CCA-CCC CD5-CD6 CDC CE2-CE3 CF3 D00-D03 D3E-D44 D46-D48 D4A-D4C D57 D62-D63 \
    D81-D83 DCF-DD4 DD6 DD8-DDF DF2-DF3 E31 E34-E3A E4D EB1 EB4-EB9 EBB-EBC ECD F71-F83 F8D-F97 \
    F99-FBC 102B-1036 1038 103B-103E 1056-1059 105E-1060 1062-1064 1067-106D 1071-1074 1082-108D \
    108F 109A-109D 1712-1713 1732-1733 1752-1753 1772-1773 17B6-17C8 1885-1886 18A9 1920-192B \
    1930-1938 1A17-1A1B 1A55-1A5E 1A61-1A74 1ABF-1AC0 1ACC-1ACE 1B00-1B04 1B35-1B43 1B80-1B82 \
    1BA1-1BA9 1BAC-1BAD 1BE7-1BF1 1C24-1C36 1C89-1C8A 1DD3-1DF4 24B6-24E9 2DE0-2DFF A674-A67B \
    A69E-A69F A7CB-A7CF A7D2 A7D4 A7DA-A7DC A7F1 A802 A80B A823-A827 A880-A881 A8B4-A8C3 A8C5 \
    A8FF A926-A92A A947-A952 A980-A983 A9B4-A9BF A9E5 AA29-AA36 AA43 AA4C-AA4D AA7B-AA7D AAB0 \
    AAB2-AAB4 AAB7-AAB8 AABE AAEB-AAEF AAF5 ABE3-ABEA FB1E 10376-1037A 105C0-105F3 10940-10959 \
    10A01-10A03 10A05-10A06 10A0C-10A0F 10D24-10D27 10D40-10D65 10D69 10D6F-10D85 10EAB-10EAC \
    10EC2-10EC7 10EFA-10EFC 11000-11002 11038-11045 11073-11074 11080-11082 110B0-110B8 110C2 \
    11100-11102 11127-11132 11145-11146 11180-11182 111B3-111BF 111CE-111CF 1122C-11234 11237 \
    1123E-11241 112DF-112E8 11300-11303 1133E-11344 11347-11348 1134B-1134C 11357 11362-11363 \
    11380-11389 1138B 1138E 11390-113B5 113B7-113C0 113C2 113C5 113C7-113CA 113CC-113CD 113D1 \
    113D3 11435-11441 11443-11445 114B0-114C1 115AF-115B5 115B8-115BE 115DC-115DD 11630-1163E \
    11640 116AB-116B5 116D0-116E3 1171D-1172A 1182C-11838 11930-11935 11937-11938 1193B-1193C \
    11940 11942 119D1-119D7 119DA-119DF 119E4 11A01-11A0A 11A35-11A39 11A3B-11A3E 11A51-11A5B \
    11A8A-11A97 11B60-11B67 11BC0-11BE0 11BF0-11BF9 11C2F-11C36 11C38-11C3E 11C92-11CA7 \
    11CA9-11CB6 11D31-11D36 11D3A 11D3C-11D3D 11D3F-11D41 11D43 11D47 11D8A-11D8E 11D90-11D91 \
    11D93-11D96 11DB0-11DDB 11DE0-11DE9 11EF3-11EF6 11F00-11F10 11F12-11F3A 11F3E-11F40 \
    11F50-11F59 1342F 13441-13446 13460-143FA 16100-1612E 16130-16139 16D40-16D6C 16D70-16D79 \
    16EA0-16EB8 16EBB-16ED3 16F4F 16F51-16F87 16F8F-16F92 16FF0-16FF6 187F8-187FF 18CFF \
    18D09-18D1E 18D80-18DF2 1B132 1B155 1BC9E 1CCF0-1CCF9 1D2C0-1D2D3 1DF25-1DF2A 1E000-1E006 \
    1E008-1E018 1E01B-1E021 1E023-1E024 1E026-1E02A 1E030-1E06D 1E08F 1E4D0-1E4EB 1E4F0-1E4F9 \
    1E5D0-1E5ED 1E5F0-1E5FA 1E6C0-1E6DE 1E6E0-1E6F5 1E6FE-1E6FF 1E947 1F130-1F149 1F150-1F169 \
    1F170-1F189 2B739-2B73F 2CEA2-2CEAD 2EBF0-2EE5D 31350-33479 \
";

// ---------------------------------------------------------------------------
// Tests: `cargo test --example evaluate`
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An excerpt object for the first occurrence of `needle` in `text`
    /// (after byte `from`), with correct byte and char offsets.
    fn excerpt(text: &str, needle: &str, from: usize) -> Value {
        let start = from + text[from..].find(needle).expect("needle in text");
        let end = start + needle.len();
        json!({
            "text": needle,
            "start": start,
            "end": end,
            "char_start": text[..start].chars().count(),
            "char_end": text[..end].chars().count(),
        })
    }

    fn span(a: i64, b: i64) -> Span {
        (Num::Int(a), Num::Int(b))
    }

    #[test]
    fn normalize_folds_arabic_like_score_py() {
        assert_eq!(normalize("مُحَمَّد"), "محمد");
        assert_eq!(normalize("أحمد إبراهيم آل ٱلشيخ"), "احمد ابراهيم ال الشيخ");
        assert_eq!(normalize("مصطفى فاطمة"), "مصطفي فاطمه");
        assert_eq!(normalize("قـــال"), "قال");
        // presentation forms and ligatures
        assert_eq!(normalize("\u{fefb}"), "لا");
        assert_eq!(normalize("\u{fdfa}"), "صلي الله عليه وسلم");
        assert_eq!(normalize("\u{fe8b}\u{fee4}"), "ئم");
        // hamza written as a separate mark composes with its base
        assert_eq!(normalize("ي\u{654}"), "ئ");
        assert_eq!(normalize("و\u{651}\u{654}"), "ؤ");
        assert_eq!(normalize("ا\u{654}"), "ا");
        // compatibility characters
        assert_eq!(normalize("\u{ff21}\u{a0}\u{2026}\u{2460}"), "A ...1");
    }

    #[test]
    fn words_follow_python_regex() {
        assert_eq!(
            words("قال: «مرحبا» abc_d 12، x-y"),
            ["قال", "مرحبا", "abc_d", "12،", "x", "y"]
        );
        // Python's \w takes letters and digits but not combining marks
        assert_eq!(words("क\u{903}ख"), ["क", "ख"]);
        assert_eq!(words("\u{24d0}b"), ["ab"]);
        // anything in U+0600–06FF is part of a word, punctuation included
        assert_eq!(words("أ،ب"), ["ا،ب"]);
    }

    #[test]
    fn trimmed_uses_python_indexing() {
        let chars: Vec<char> = "« نعم »".chars().collect();
        assert_eq!(trimmed(&chars, Num::Int(0), Num::Int(7)), Ok(span(2, 5)));
        // negative offsets count from the end
        assert_eq!(trimmed(&chars, Num::Int(-7), Num::Int(7)), Ok(span(-5, 5)));
        assert_eq!(
            trimmed(&chars, Num::Int(9), Num::Int(12)),
            Err(PyError::Index)
        );
        assert_eq!(
            trimmed(&chars, Num::Float(0.0), Num::Int(3)),
            Err(PyError::Type)
        );
        // an empty or reversed span is never indexed
        assert_eq!(
            trimmed(&chars, Num::Float(9.0), Num::Int(3)),
            Ok((Num::Float(9.0), Num::Int(3)))
        );
    }

    #[test]
    fn jaccard_of_spans() {
        assert_eq!(jaccard(span(0, 10), span(5, 15)), 5.0 / 15.0);
        assert_eq!(jaccard(span(0, 10), span(0, 10)), 1.0);
        assert_eq!(jaccard(span(0, 4), span(6, 9)), 0.0);
        assert_eq!(jaccard(span(3, 3), span(3, 3)), 0.0);
    }

    #[test]
    fn speaker_rules() {
        let gold = json!({"speaker": "فؤاد حسين", "aliases": ["فؤاد حسين", "حسين"]});
        let gold = gold.as_object().unwrap();
        let ok = |pred: Value| speaker_ok(gold, Some(&pred)).unwrap();
        assert!(ok(json!({"name": "وزير الخارجية فؤاد حسين"})));
        assert!(ok(json!({"name": "حُسَين"})));
        assert!(!ok(json!({"name": "حسينية"})));
        assert!(ok(json!({"name": "", "mention": {"text": "الوزير حسين"}})));
        assert!(!ok(json!({"name": "حسين ".repeat(13)})));
        assert!(!ok(json!(null)));
        assert!(!ok(json!({})));
        let nobody = json!({"speaker": null});
        let nobody = nobody.as_object().unwrap();
        assert!(speaker_ok(nobody, None).unwrap());
        assert!(!speaker_ok(nobody, Some(&json!({"name": "حسين"}))).unwrap());
    }

    #[test]
    fn cue_rules() {
        let ok = |gold: Value, pred: Value| cue_ok(&gold, Some(&pred)).unwrap();
        assert!(ok(json!("قال"), json!({"text": "فقال", "lemma": ""})));
        assert!(ok(json!("قالت"), json!({"text": "وقالت", "lemma": "قال"})));
        assert!(ok(json!(["أضاف", "قائلا"]), json!({"text": "قائلاً"})));
        assert!(!ok(json!("أكد"), json!({"text": "قال", "lemma": "قال"})));
        // a prediction of three letters or more may sit inside the gold cue
        assert!(ok(json!("نقلا عن"), json!({"text": "نقلا"})));
        assert!(!ok(json!("بحسب"), json!({"text": "حس"})));
        assert!(!cue_ok(&json!("قال"), None).unwrap());
    }

    #[test]
    fn offsets_check_chars_and_bytes() {
        let text = "قال: «نعم»";
        let chars: Vec<char> = text.chars().collect();
        let bytes = text.as_bytes();
        let mut e = excerpt(text, "نعم", 0);
        assert!(offsets_ok(&chars, bytes, &e));
        e["start"] = json!(6);
        assert!(!offsets_ok(&chars, bytes, &e));
        e["start"] = Value::Null;
        assert!(offsets_ok(&chars, bytes, &e));
        let mut e = excerpt(text, "نعم", 0);
        // Python clamps the slice, which then runs past the quote
        e["end"] = json!(1000);
        assert!(!offsets_ok(&chars, bytes, &e));
        e["char_end"] = json!(99);
        assert!(!offsets_ok(&chars, bytes, &e));
        let mut e = excerpt(text, "نعم", 0);
        e["char_start"] = json!(6.0);
        assert!(!offsets_ok(&chars, bytes, &e));
    }

    #[test]
    fn python_number_formatting() {
        assert_eq!(py_float(round4(2.0 / 3.0)), "0.6667");
        assert_eq!(py_float(round4(0.03125)), "0.0312"); // half to even
        assert_eq!(py_float(round4(1.0)), "1.0");
        assert_eq!(py_float(round4(0.0)), "0.0");
        assert_eq!(py_float(1e-5), "1e-05");
        assert_eq!(format!("{:.3}", 0.0625), "0.062");
    }

    #[test]
    fn loading_follows_python() {
        let docs = load_str(
            "x",
            "{\"id\": 1, \"a\": 1}\r\n\r{\"id\": \"b\"}\n \n{\"id\": 1.0, \"a\": 2}",
        )
        .unwrap();
        assert_eq!(docs.docs.len(), 2);
        assert_eq!(docs.docs[0].name, "1");
        assert_eq!(docs.get(&Key::Int(1)).unwrap().value["a"], 2);
        let err = load_str("f.jsonl", "{\"id\": 1}\n\nnope\n").unwrap_err();
        assert!(err.starts_with("f.jsonl:3: not JSON"), "{err}");
        let err = load_str("f.jsonl", "[1]\n").unwrap_err();
        assert!(err.starts_with("f.jsonl:1:"), "{err}");
    }

    #[test]
    fn arguments() {
        let parse = |args: &[&str]| parse_args(args.iter().map(|s| s.to_string()));
        let o = parse(&["g", "p", "--verbose"]).unwrap().unwrap();
        assert_eq!(
            (o.gold.as_str(), o.pred.as_deref(), o.verbose),
            ("g", Some("p"), true)
        );
        assert!(parse(&["g"]).unwrap().unwrap().pred.is_none());
        assert!(parse(&[]).is_err());
        assert!(parse(&["g", "p", "q"]).is_err());
        assert!(parse(&["g", "--nope"]).is_err());
        assert!(parse(&["--help"]).unwrap().is_none());
    }

    /// A small document scored end to end; the figures were checked against
    /// `score.py` on the same two lines.
    #[test]
    fn scores_a_document() {
        let text = "قال الوزير أحمد علي: «سنعمل على الحل». وأضاف: \"لا تراجع\". \
                    وشاهد فيلم \"النمر\". وقال مصدر إن الوضع «صعب جدا».";
        let at = |needle: &str| excerpt(text, needle, 0);
        let gold_quote = |needle: &str, kind: &str, speaker: Value, cue: Value| {
            let e = at(needle);
            json!({"start": e["char_start"], "end": e["char_end"], "text": needle,
                   "type": kind, "speaker": speaker, "cue": cue, "hard": false})
        };
        let gold = json!({"id": "t1", "text": text, "quotes": [
            gold_quote("سنعمل على الحل", "speech", json!("أحمد علي"), json!("قال")),
            gold_quote("لا تراجع", "speech", json!("أحمد علي"), json!("أضاف")),
            gold_quote("النمر", "other", Value::Null, Value::Null),
            gold_quote("صعب جدا", "ambiguous", json!("مصدر"), json!("قال")),
        ]});
        let attribution = |needle: &str, name: &str, cue: &str, confidence: f64| {
            json!({"kind": "direct", "quote": at(needle),
                   "cue": at(cue), "confidence": confidence,
                   "speaker": {"name": name, "mention": null, "resolution": "implicit"}})
        };
        let pred = json!({"id": "t1", "attributions": [
            attribution("«سنعمل على الحل»", "أحمد علي", "قال", 0.95),
            attribution("لا تراجع", "الوزير", "وأضاف", 0.7),
            attribution("النمر", "أحمد علي", "قال", 0.3),
            attribution("صعب جدا", "مصدر", "قال", 0.3),
        ]});
        let gold = load_str("gold", &gold.to_string()).unwrap();
        let pred = load_str("pred", &pred.to_string()).unwrap();
        let mut scorer = Scorer::new(true, true);
        for doc in &gold.docs {
            scorer.score_doc(doc, pred.get(&doc.key)).unwrap();
        }
        let out = scorer.finish(false);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("[t1] WRONG SPEAKER 47-55 gold=أحمد علي got=الوزير: لا تراجع"));
        assert!(lines[1].starts_with("[t1] SPURIOUS quote 70-75: النمر"));
        assert_eq!(lines[2], "t1\tgold=2\tpred=3\tmatched=2\te2e=1");
        assert!(lines.contains(&"scare_quote_false_positives    1"));
        assert!(lines.contains(&"quote_p                        0.6667"));
        assert!(lines.contains(&"confidence  0.9-1.0  n=   1  accurate=1.000"));
        assert!(lines.contains(&"confidence  0.7-0.8  n=   1  accurate=0.000"));
        assert_eq!(
            lines.last().unwrap(),
            &"e2e_f1=0.400 quote_f1=0.800 speaker_acc=0.500 cue_acc=1.000 offsets_ok=1.000"
        );
    }
}
