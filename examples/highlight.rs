//! Who said what, as a page: run isnad over one article and write a
//! self-contained HTML page (right-to-left, no external resources) with every
//! quotation, its reporting cue and its speaker mention highlighted in one
//! colour per speaker, followed by a table of the article's speakers.
//!
//! ```text
//! cargo run --release --example highlight > page.html           # the bundled sample
//! cargo run --release --example highlight -- FILE -o page.html   # plain text, `-` for stdin
//! cargo run --release --example highlight -- --jsonl FILE [--id ID] [-o page.html]
//! cargo run --release --example highlight -- ... --speakers known_speakers.tsv
//! ```
//!
//! With `--jsonl` the input is JSON Lines of `{"id", "text", …}` (`-` reads
//! stdin); the page shows the first line, or the line whose `id` is `ID`.
//!
//! In the page, hovering a quotation shows its speaker, how the speaker was
//! resolved and the confidence; clicking it (or its cue or mention) lights up
//! the three together. Without JavaScript the colours and the tooltips still
//! link them, and the table's quotations still link to the text.
//!
//! Markup: each quotation is one `<span class="isnad-quote">` carrying
//! `data-speaker`, `data-resolution` and `data-confidence`; cues are
//! `isnad-cue` and mentions `isnad-mention`, and all three carry `data-attr`,
//! the attribution's index. A span that runs over a line break is cut at the
//! paragraph boundary; the later pieces get the class `isnad-quote-cont`
//! (`isnad-cue-cont`, `isnad-mention-cont`), so that the number of
//! `isnad-quote` elements is the number of attributions shown. `<body>`
//! carries `data-attributions`, the number the extractor returned.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use isnad::{Attribution, Cue, Excerpt, QuoteExtractor, QuoteKind, Resolution, Speaker};

#[path = "common/input.rs"]
mod input;
use input::{read_text, InputLine};

/// The seed article, bundled so that the example runs with no argument.
const SAMPLE_ARTICLE: &str = include_str!("sample_article.txt");

fn usage() -> ExitCode {
    eprintln!(
        "usage: highlight [FILE|-] [-o OUT.html] [--speakers FILE]\n       \
         highlight --jsonl FILE|- [--id ID] [-o OUT.html] [--speakers FILE]\n\n\
         With no FILE, runs on the bundled sample article. Writes HTML to stdout\n\
         unless -o is given."
    );
    ExitCode::from(2)
}

#[derive(Default)]
struct Options {
    input: Option<String>,
    jsonl: Option<String>,
    id: Option<String>,
    output: Option<String>,
    speakers: Option<String>,
    /// Hidden: render hand-made attributions over a built-in text, to check
    /// the page without the extractor.
    demo: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = std::env::args().skip(1);
    fn value(args: &mut dyn Iterator<Item = String>, flag: &str) -> Result<String, String> {
        args.next().ok_or_else(|| format!("{flag} needs a value"))
    }
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--jsonl" => options.jsonl = Some(value(&mut args, "--jsonl")?),
            "--id" => options.id = Some(value(&mut args, "--id")?),
            "-o" | "--output" => options.output = Some(value(&mut args, "-o")?),
            "--speakers" => options.speakers = Some(value(&mut args, "--speakers")?),
            "--demo" => options.demo = true,
            "-h" | "--help" => return Err(String::new()),
            "-" => set_input(&mut options, arg)?,
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ => set_input(&mut options, arg)?,
        }
    }
    if options.jsonl.is_some() && options.input.is_some() {
        return Err("give either FILE or --jsonl FILE, not both".to_owned());
    }
    if options.id.is_some() && options.jsonl.is_none() {
        return Err("--id only applies with --jsonl".to_owned());
    }
    Ok(options)
}

fn set_input(options: &mut Options, arg: String) -> Result<(), String> {
    if options.input.is_some() {
        return Err(format!("unexpected argument {arg}"));
    }
    options.input = Some(arg);
    Ok(())
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("highlight: {message}");
            }
            return usage();
        }
    };

    let (label, text, attributions) = if options.demo {
        let (text, attributions) = demo();
        ("demo".to_owned(), text, attributions)
    } else {
        let mut builder = QuoteExtractor::builder();
        if let Some(path) = &options.speakers {
            builder = builder.known_speakers_path(path);
        }
        let extractor = match builder.build() {
            Ok(e) => e,
            Err(e) => {
                eprintln!("highlight: {e}");
                return ExitCode::from(2);
            }
        };
        let loaded = match (&options.jsonl, &options.input) {
            (Some(path), _) => read_jsonl(path, options.id.as_deref()),
            (None, Some(path)) => read_text(path)
                .map(|t| (if path == "-" { "stdin" } else { path }.to_owned(), t))
                .map_err(|e| format!("{path}: {e}")),
            (None, None) => Ok(("sample_article.txt".to_owned(), SAMPLE_ARTICLE.to_owned())),
        };
        let (label, text) = match loaded {
            Ok(pair) => pair,
            Err(message) => {
                eprintln!("highlight: {message}");
                return ExitCode::FAILURE;
            }
        };
        let attributions = extractor.extract(&text);
        (label, text, attributions)
    };

    let page = render_document(&label, &text, &attributions);
    let written = match &options.output {
        Some(path) if path != "-" => std::fs::write(path, page.as_bytes()),
        _ => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            out.write_all(page.as_bytes()).and_then(|()| out.flush())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let target = options.output.as_deref().unwrap_or("stdout");
            eprintln!("highlight: writing {target}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The id as a user would type it: a string's content, any other value's JSON.
fn id_string(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The label and text of the first line of a JSON Lines file, or of the line
/// whose id is `wanted`. Lines that fail to parse are an error when they are
/// the one asked for and are skipped with a warning while searching by id.
fn read_jsonl(path: &str, wanted: Option<&str>) -> Result<(String, String), String> {
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        if reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("{path}: {e}"))?
            == 0
        {
            break;
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = match InputLine::decode(&buf) {
            Ok(line) => line,
            Err(message) if wanted.is_some() => {
                eprintln!("highlight: {path}:{line_no}: {message} (skipped)");
                continue;
            }
            Err(message) => return Err(format!("{path}:{line_no}: {message}")),
        };
        let id = line.id.as_ref().map(id_string);
        if let Some(wanted) = wanted {
            if id.as_deref() != Some(wanted) {
                continue;
            }
        }
        let text = line
            .into_text()
            .map_err(|message| format!("{path}:{line_no}: {message}"))?;
        let label = match id {
            Some(id) => format!("{path} · {id}"),
            None => format!("{path}:{line_no}"),
        };
        return Ok((label, text));
    }
    match wanted {
        Some(id) => Err(format!("{path}: no line has id {id:?}")),
        None => Err(format!("{path}: the input holds no JSON lines")),
    }
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

/// Background and ink for each speaker, in order of first appearance; the
/// list repeats past its end.
const PALETTE: [(&str, &str); 10] = [
    ("#1f5fa8", "#dceaf8"),
    ("#b3261e", "#fadcd9"),
    ("#1e7b34", "#d9f0dd"),
    ("#7a3fb0", "#ece2f6"),
    ("#a85400", "#fde6cc"),
    ("#0b7f8c", "#d3f1f4"),
    ("#8a4b3a", "#f0e0da"),
    ("#b0237f", "#f9dcef"),
    ("#5f6a00", "#eef0c6"),
    ("#37379a", "#dfdff4"),
];
/// Ink and background for quotations with no speaker.
const NO_SPEAKER: (&str, &str) = ("#5c5c5c", "#ececec");

const STYLE: &str = r#"
:root { --ink: #1b1b1b; --muted: #6a6a6a; --rule: #d8d8d8; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 60rem; padding: 1.5rem 2rem 5rem;
  color: var(--ink); background: #fdfdfb;
  font-family: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Noto Sans Arabic",
    "Arial", sans-serif;
  font-size: 19px; line-height: 2.1;
}
header h1 { font-size: 1.5rem; margin: 0 0 .25rem; line-height: 1.6; }
header p { margin: 0; color: var(--muted); font-size: .9rem; line-height: 1.8; }
.latin { direction: ltr; unicode-bidi: isolate; font-family: "Arial", sans-serif; }
.legend { margin: .75rem 0 0; font-size: .9rem; color: var(--muted); }
.legend > span { margin-inline-end: .5rem; }
article { margin-top: 1.25rem; padding-top: .5rem; border-top: 1px solid var(--rule); }
article p { margin: 0 0 1rem; text-align: justify; }
.isnad-quote, .isnad-quote-cont {
  background: var(--bg); border-bottom: 2px solid var(--c);
  padding: .1em .05em; cursor: pointer; border-radius: 2px;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
.isnad-cue, .isnad-cue-cont {
  color: var(--c); font-weight: bold; cursor: pointer;
  text-decoration: underline dotted var(--c) 2px; text-underline-offset: .6em;
}
.isnad-mention, .isnad-mention-cont {
  color: var(--c); border: 1.5px solid var(--c); border-radius: .35em;
  padding: 0 .2em; cursor: pointer;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
.isnad-on, .isnad-quote:target {
  outline: 2px solid var(--c); outline-offset: 0; background: var(--bg);
}
.isnad-quote.isnad-on, .isnad-quote-cont.isnad-on, .isnad-quote:target { background: var(--c); color: #fff; }
.swatch {
  display: inline-block; width: .9em; height: .9em; margin-inline-end: .4em;
  vertical-align: -.1em; background: var(--bg); border: 2px solid var(--c); border-radius: 2px;
}
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; line-height: 1.8; }
th, td { border: 1px solid var(--rule); padding: .35rem .6rem; vertical-align: top; text-align: start; }
th { background: #f1f1ee; font-weight: bold; }
th small { display: block; color: var(--muted); font-weight: normal; }
td.num { text-align: center; }
td .aka { display: block; color: var(--muted); font-size: .85rem; }
td ol { margin: 0; padding-inline-start: 1.4rem; }
td li a { color: inherit; text-decoration: none; border-bottom: 1px solid var(--c); }
td li a:hover { background: var(--bg); }
.meta { color: var(--muted); font-size: .85rem; white-space: nowrap; }
.res { white-space: nowrap; }
.empty { color: var(--muted); }
#isnad-info {
  position: fixed; inset-inline: 0; bottom: 0; margin: 0; padding: .4rem 1rem;
  background: #222; color: #fff; font-size: .95rem; line-height: 1.8; text-align: center;
}
#isnad-info[hidden] { display: none; }
"#;

const SCRIPT: &str = r#"
(function () {
  var info = document.getElementById('isnad-info');
  function clear() {
    document.querySelectorAll('.isnad-on').forEach(function (el) { el.classList.remove('isnad-on'); });
    info.hidden = true;
  }
  function light(id) {
    clear();
    document.querySelectorAll('article [data-attr="' + id + '"]').forEach(function (el) {
      el.classList.add('isnad-on');
    });
    var head = document.getElementById('q' + id);
    if (head) { info.textContent = head.getAttribute('title'); info.hidden = false; }
  }
  document.addEventListener('click', function (ev) {
    var el = ev.target.closest('[data-attr]');
    if (el) { light(el.getAttribute('data-attr')); } else { clear(); }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') { clear(); }
    else if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.classList &&
             ev.target.classList.contains('isnad-quote')) {
      ev.preventDefault(); light(ev.target.getAttribute('data-attr'));
    }
  });
})();
"#;

/// Escapes text for HTML content and for quoted attribute values.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// What a highlighted range is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MarkKind {
    Quote,
    Cue,
    Mention,
}

impl MarkKind {
    fn class(self) -> &'static str {
        match self {
            MarkKind::Quote => "isnad-quote",
            MarkKind::Cue => "isnad-cue",
            MarkKind::Mention => "isnad-mention",
        }
    }
}

/// A byte range of the text to highlight, for attribution `attr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    kind: MarkKind,
    attr: usize,
}

/// The ranges to highlight, sorted by start and pairwise disjoint. Quotes
/// are placed first, then cues, then mentions, each in attribution order; a
/// range that is empty, out of bounds, off a char boundary or overlapping one
/// already placed is skipped with a warning on stderr.
fn plan_marks(text: &str, attributions: &[Attribution]) -> Vec<Mark> {
    let mut candidates = Vec::with_capacity(attributions.len() * 3);
    for (attr, a) in attributions.iter().enumerate() {
        candidates.push(Mark {
            start: a.quote.start,
            end: a.quote.end,
            kind: MarkKind::Quote,
            attr,
        });
        if let Some(cue) = &a.cue {
            candidates.push(Mark {
                start: cue.start,
                end: cue.end,
                kind: MarkKind::Cue,
                attr,
            });
        }
        if let Some(mention) = a.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            candidates.push(Mark {
                start: mention.start,
                end: mention.end,
                kind: MarkKind::Mention,
                attr,
            });
        }
    }
    candidates.sort_by_key(|m| (m.kind, m.attr));

    // start -> (end, index into candidates) of every placed range.
    let mut placed: BTreeMap<usize, usize> = BTreeMap::new();
    let mut marks = Vec::with_capacity(candidates.len());
    for m in candidates {
        let what = || {
            format!(
                "attribution {}: {:?} {}..{}",
                m.attr, m.kind, m.start, m.end
            )
        };
        if m.start >= m.end
            || m.end > text.len()
            || !text.is_char_boundary(m.start)
            || !text.is_char_boundary(m.end)
        {
            eprintln!(
                "highlight: {}: not a valid range of the text; skipped",
                what()
            );
            continue;
        }
        let before = placed.range(..=m.start).next_back();
        let after = placed.range(m.start..).next();
        let overlaps = before.is_some_and(|(_, &end)| end > m.start)
            || after.is_some_and(|(&start, _)| start < m.end);
        if overlaps {
            eprintln!("highlight: {}: overlaps another span; skipped", what());
            continue;
        }
        placed.insert(m.start, m.end);
        marks.push(m);
    }
    marks.sort_by_key(|m| m.start);
    marks
}

/// Who a speaker is for colouring and grouping: the id when the
/// known-speakers file matched one, else the canonical name.
fn speaker_key(speaker: Option<&Speaker>) -> Option<String> {
    speaker.map(|s| match &s.id {
        Some(id) => format!("id:{id}"),
        None => format!("name:{}", s.name),
    })
}

fn resolution_name(r: Resolution) -> &'static str {
    match r {
        Resolution::Explicit => "explicit",
        Resolution::Coreference => "coreference",
        Resolution::Implicit => "implicit",
    }
}

fn resolution_ar(r: Resolution) -> &'static str {
    match r {
        Resolution::Explicit => "صريح",
        Resolution::Coreference => "إحالة",
        Resolution::Implicit => "ضمني",
    }
}

fn kind_ar(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "مباشر",
        QuoteKind::Mixed => "مدمج",
    }
}

const UNATTRIBUTED: &str = "غير منسوب";

/// The tooltip of a quotation: speaker, resolution, confidence, cue, kind.
fn tooltip(a: &Attribution) -> String {
    let mut tip = match &a.speaker {
        Some(s) => format!(
            "المتكلم: {} — الإسناد: {} ({}) — الثقة: {:.2}",
            s.name,
            resolution_ar(s.resolution),
            resolution_name(s.resolution),
            a.confidence
        ),
        None => format!("المتكلم: {UNATTRIBUTED} — الثقة: {:.2}", a.confidence),
    };
    if let Some(cue) = &a.cue {
        let _ = write!(tip, " — الفعل: {} ({})", cue.text, cue.lemma);
    }
    let _ = write!(tip, " — اقتباس {}", kind_ar(a.kind));
    tip
}

/// The colour class of every attribution, and the speakers in order of
/// first appearance with the indices of their attributions (`None` collects
/// the quotations nobody is credited with).
struct Speakers<'a> {
    colour: Vec<String>,
    groups: Vec<(Option<&'a Speaker>, Vec<usize>)>,
}

fn group_speakers(attributions: &[Attribution]) -> Speakers<'_> {
    let mut index: HashMap<Option<String>, usize> = HashMap::new();
    let mut groups: Vec<(Option<&Speaker>, Vec<usize>)> = Vec::new();
    let mut group_colour: Vec<String> = Vec::new();
    let mut colour = Vec::with_capacity(attributions.len());
    let mut named = 0usize;
    for (i, a) in attributions.iter().enumerate() {
        let key = speaker_key(a.speaker.as_ref());
        let g = *index.entry(key).or_insert_with(|| {
            groups.push((a.speaker.as_ref(), Vec::new()));
            group_colour.push(if a.speaker.is_some() {
                named += 1;
                format!("sp-{}", (named - 1) % PALETTE.len())
            } else {
                "sp-none".to_owned()
            });
            groups.len() - 1
        });
        groups[g].1.push(i);
        colour.push(group_colour[g].clone());
    }
    Speakers { colour, groups }
}

/// The article with its highlights: one `<p>` per non-blank line, spans cut
/// at line ends, everything escaped.
fn render_article(out: &mut String, text: &str, attributions: &[Attribution], colour: &[String]) {
    let marks = plan_marks(text, attributions);
    let mut head_done = vec![false; marks.len()];
    let mut first = 0usize; // first mark that may still reach the current line
    let mut line_start = 0usize;
    let mut paragraphs = 0usize;
    while line_start <= text.len() {
        let line_end_nl = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let mut line_end = line_end_nl;
        if text[line_start..line_end].ends_with('\r') {
            line_end -= 1;
        }
        let line = &text[line_start..line_end];
        while first < marks.len() && marks[first].end <= line_start {
            first += 1;
        }
        if !line.trim().is_empty() {
            paragraphs += 1;
            out.push_str("<p>");
            let mut pos = line_start;
            let mut j = first;
            while j < marks.len() && marks[j].start < line_end {
                let m = marks[j];
                let (s, e) = (m.start.max(line_start), m.end.min(line_end));
                if s < e {
                    escape_into(out, &text[pos..s]);
                    let a = &attributions[m.attr];
                    let class = m.kind.class();
                    let colour = &colour[m.attr];
                    if head_done[j] {
                        let _ = write!(
                            out,
                            r#"<span class="{class}-cont {colour}" data-attr="{}">"#,
                            m.attr
                        );
                    } else if m.kind == MarkKind::Quote {
                        let (speaker, resolution) = match &a.speaker {
                            Some(s) => (s.name.as_str(), resolution_name(s.resolution)),
                            None => ("", "none"),
                        };
                        let _ = write!(
                            out,
                            r#"<span class="{class} {colour}" id="q{attr}" data-attr="{attr}" data-speaker="{}" data-resolution="{resolution}" data-confidence="{:.2}" data-kind="{}" title="{}" tabindex="0">"#,
                            escape(speaker),
                            a.confidence,
                            match a.kind {
                                QuoteKind::Direct => "direct",
                                QuoteKind::Mixed => "mixed",
                            },
                            escape(&tooltip(a)),
                            attr = m.attr,
                        );
                    } else {
                        let title = match (&a.speaker, m.kind) {
                            (Some(s), MarkKind::Mention) => format!("المتكلم: {}", s.name),
                            (_, _) => match &a.cue {
                                Some(c) => format!("فعل القول: {}", c.lemma),
                                None => String::new(),
                            },
                        };
                        let _ = write!(
                            out,
                            r#"<span class="{class} {colour}" data-attr="{}" title="{}">"#,
                            m.attr,
                            escape(&title)
                        );
                    }
                    head_done[j] = true;
                    escape_into(out, &text[s..e]);
                    out.push_str("</span>");
                    pos = e;
                }
                j += 1;
            }
            escape_into(out, &text[pos..line_end]);
            out.push_str("</p>\n");
        }
        line_start = line_end_nl + 1;
    }
    if paragraphs == 0 {
        out.push_str("<p class=\"empty\">(النص فارغ)</p>\n");
    }
    for (j, m) in marks.iter().enumerate() {
        if !head_done[j] {
            eprintln!(
                "highlight: attribution {}: {:?} {}..{} holds only line breaks; not shown",
                m.attr, m.kind, m.start, m.end
            );
        }
    }
}

/// The table of speakers: name, resolutions, number of quotes, the quotes.
fn render_table(out: &mut String, attributions: &[Attribution], speakers: &Speakers<'_>) {
    out.push_str("<h2>المتكلمون <span class=\"latin\">· speakers</span></h2>\n");
    if attributions.is_empty() {
        out.push_str("<p class=\"empty\">لم يُعثر على اقتباسات في هذا النص.</p>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr>\
         <th>المتكلم<small class=\"latin\">speaker</small></th>\
         <th>الإسناد<small class=\"latin\">resolution</small></th>\
         <th>الاقتباسات<small class=\"latin\">quotes</small></th>\
         <th>النصوص<small class=\"latin\">quotations</small></th>\
         </tr></thead>\n<tbody>\n",
    );
    for (speaker, members) in &speakers.groups {
        let colour = &speakers.colour[members[0]];
        let _ = write!(
            out,
            r#"<tr class="{colour}"><td><span class="swatch"></span>"#
        );
        match speaker {
            Some(s) => {
                escape_into(out, &s.name);
                if let Some(id) = &s.id {
                    out.push_str(" <span class=\"meta latin\">");
                    escape_into(out, id);
                    out.push_str("</span>");
                }
                let mut aka: Vec<&str> = Vec::new();
                for &i in members {
                    let mention = attributions[i]
                        .speaker
                        .as_ref()
                        .and_then(|s| s.mention.as_ref());
                    if let Some(m) = mention {
                        if m.text != s.name && !aka.contains(&m.text.as_str()) {
                            aka.push(&m.text);
                        }
                    }
                }
                if !aka.is_empty() {
                    out.push_str("<span class=\"aka\">ذُكر بـ: ");
                    escape_into(out, &aka.join("، "));
                    out.push_str("</span>");
                }
            }
            None => out.push_str(UNATTRIBUTED),
        }
        out.push_str("</td><td>");
        let mut counts: Vec<(Resolution, usize)> = Vec::new();
        for &i in members {
            if let Some(s) = &attributions[i].speaker {
                match counts.iter_mut().find(|(r, _)| *r == s.resolution) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((s.resolution, 1)),
                }
            }
        }
        if counts.is_empty() {
            out.push('—');
        }
        for (k, (r, n)) in counts.iter().enumerate() {
            if k > 0 {
                out.push_str("، ");
            }
            let _ = write!(
                out,
                r#"<span class="res" title="{}">{}"#,
                resolution_name(*r),
                resolution_ar(*r)
            );
            if counts.len() > 1 {
                let _ = write!(out, " ×{n}");
            }
            out.push_str("</span>");
        }
        let _ = write!(out, "</td><td class=\"num\">{}</td><td><ol>", members.len());
        for &i in members {
            let a = &attributions[i];
            let _ = write!(out, r##"<li><a href="#q{i}" data-attr="{i}">«"##);
            escape_into(out, &a.quote.text);
            out.push_str("»</a> <span class=\"meta\">(");
            if let Some(s) = &a.speaker {
                let _ = write!(out, "{}، ", resolution_ar(s.resolution));
            }
            let _ = write!(out, "{:.2})</span></li>", a.confidence);
        }
        out.push_str("</ol></td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The body of the page for `text` and its attributions: the article with
/// its highlights, then the table of speakers. Everything is escaped; spans
/// never overlap (see [`plan_marks`]).
fn render_page(text: &str, attributions: &[Attribution]) -> String {
    let speakers = group_speakers(attributions);
    let mut out = String::with_capacity(text.len() * 2 + attributions.len() * 400 + 4096);
    out.push_str("<article>\n");
    render_article(&mut out, text, attributions, &speakers.colour);
    out.push_str("</article>\n");
    render_table(&mut out, attributions, &speakers);
    out
}

/// The whole self-contained page: head, style, header, body, script.
fn render_document(label: &str, text: &str, attributions: &[Attribution]) -> String {
    let speakers = group_speakers(attributions).groups.len();
    let body = render_page(text, attributions);
    let mut out = String::with_capacity(body.len() + STYLE.len() + SCRIPT.len() + 4096);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"isnad highlight example\">\n<title>");
    out.push_str("isnad — ");
    escape_into(&mut out, label);
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    for (k, (ink, bg)) in PALETTE.iter().enumerate() {
        let _ = writeln!(out, ".sp-{k} {{ --c: {ink}; --bg: {bg}; }}");
    }
    let _ = writeln!(
        out,
        ".sp-none {{ --c: {}; --bg: {}; }}",
        NO_SPEAKER.0, NO_SPEAKER.1
    );
    out.push_str("</style>\n</head>\n");
    let _ = writeln!(out, r#"<body data-attributions="{}">"#, attributions.len());
    out.push_str("<header>\n<h1>من قال ماذا؟ <span class=\"latin\">isnad</span></h1>\n<p>");
    let _ = write!(
        out,
        "المصدر: <span class=\"latin\">{}</span> · الاقتباسات: {} · المتكلمون: {}",
        escape(label),
        attributions.len(),
        speakers
    );
    out.push_str(
        "</p>\n<p class=\"legend\">\
         <span class=\"isnad-quote-cont sp-0\">اقتباس</span> \
         <span class=\"isnad-cue-cont sp-0\">فعل القول</span> \
         <span class=\"isnad-mention-cont sp-0\">ذكر المتكلم</span> \
         <span>لون لكل متكلم؛ انقر على اقتباس لإبراز فعله ومتكلمه، ومرّر المؤشر فوقه لرؤية التفاصيل.</span>\
         </p>\n</header>\n",
    );
    out.push_str(&body);
    out.push_str("<p id=\"isnad-info\" role=\"status\" hidden></p>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------------------
// Demo: hand-made attributions, to see the page without the extractor.
// ---------------------------------------------------------------------------

const DEMO_TEXT: &str = "\
اجتماع في بغداد يبحث “التنسيق الدولي” ضد الإرهاب
قال وزير الخارجية فؤاد حسين: «نحتاج إلى عمل دولي منسق <الآن> & بلا تأخير».
وأضاف أن بلاده “ماضية في الإصلاح”.
من جهتها، أكدت المتحدثة باسم الأمم المتحدة سارة علي أن المنظمة “تتابع الوضع عن كثب”، وقالت: «ندعو جميع الأطراف إلى ضبط النفس».
وشددت علي على أن “الحل سياسي
ولا بديل عن الحوار”.
وبحسب مصدر أمني، فإن “الوضع تحت السيطرة”.
وانتشر على مواقع التواصل وسم “لا للحرب”.
";

/// The `nth` occurrence (from 0) of `needle` in `text`, as an excerpt.
fn find(text: &str, needle: &str, nth: usize) -> Excerpt {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("demo: {needle:?} #{nth} not in the text"))
        .0;
    let end = start + needle.len();
    Excerpt {
        text: needle.to_owned(),
        start,
        end,
        char_start: text[..start].chars().count(),
        char_end: text[..end].chars().count(),
    }
}

fn cue(text: &str, word: &str, nth: usize, lemma: &str) -> Option<Cue> {
    let e = find(text, word, nth);
    Some(Cue {
        text: e.text,
        lemma: lemma.to_owned(),
        start: e.start,
        end: e.end,
        char_start: e.char_start,
        char_end: e.char_end,
    })
}

fn speaker(name: &str, mention: Option<Excerpt>, resolution: Resolution) -> Option<Speaker> {
    Some(Speaker {
        name: name.to_owned(),
        mention,
        resolution,
        id: None,
    })
}

/// A text of our own with one attribution of each shape: direct and mixed,
/// the three resolutions, a quote across a line break, no cue, no speaker,
/// markup characters to escape.
fn demo() -> (String, Vec<Attribution>) {
    let t = DEMO_TEXT;
    let hussein = "فؤاد حسين";
    let sara = "سارة علي";
    let attributions = vec![
        Attribution {
            kind: QuoteKind::Direct,
            quote: find(t, "نحتاج إلى عمل دولي منسق <الآن> & بلا تأخير", 0),
            cue: cue(t, "قال", 0, "قال"),
            speaker: speaker(
                hussein,
                Some(find(t, "وزير الخارجية فؤاد حسين", 0)),
                Resolution::Explicit,
            ),
            confidence: 0.95,
        },
        Attribution {
            kind: QuoteKind::Mixed,
            quote: find(t, "ماضية في الإصلاح", 0),
            cue: cue(t, "وأضاف", 0, "أضاف"),
            speaker: speaker(hussein, None, Resolution::Implicit),
            confidence: 0.78,
        },
        Attribution {
            kind: QuoteKind::Mixed,
            quote: find(t, "تتابع الوضع عن كثب", 0),
            cue: cue(t, "أكدت", 0, "أكد"),
            speaker: speaker(
                sara,
                Some(find(t, "المتحدثة باسم الأمم المتحدة سارة علي", 0)),
                Resolution::Explicit,
            ),
            confidence: 0.9,
        },
        Attribution {
            kind: QuoteKind::Direct,
            quote: find(t, "ندعو جميع الأطراف إلى ضبط النفس", 0),
            cue: cue(t, "وقالت", 0, "قال"),
            speaker: speaker(sara, None, Resolution::Implicit),
            confidence: 0.84,
        },
        Attribution {
            kind: QuoteKind::Mixed,
            quote: find(t, "الحل سياسي\nولا بديل عن الحوار", 0),
            cue: cue(t, "وشددت", 0, "شدد"),
            speaker: speaker(sara, Some(find(t, "علي", 1)), Resolution::Coreference),
            confidence: 0.66,
        },
        Attribution {
            kind: QuoteKind::Mixed,
            quote: find(t, "الوضع تحت السيطرة", 0),
            cue: cue(t, "وبحسب", 0, "بحسب"),
            speaker: speaker(
                "مصدر أمني",
                Some(find(t, "مصدر أمني", 0)),
                Resolution::Explicit,
            ),
            confidence: 0.6,
        },
        Attribution {
            kind: QuoteKind::Mixed,
            quote: find(t, "لا للحرب", 0),
            cue: None,
            speaker: None,
            confidence: 0.25,
        },
    ];
    (t.to_owned(), attributions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_excerpts_point_into_the_text() {
        let (text, attributions) = demo();
        for a in &attributions {
            assert_eq!(&text[a.quote.range()], a.quote.text);
        }
    }

    #[test]
    fn every_quote_is_one_isnad_quote_element() {
        let (text, attributions) = demo();
        let page = render_page(&text, &attributions);
        assert_eq!(
            page.matches("class=\"isnad-quote ").count(),
            attributions.len()
        );
        assert_eq!(page.matches("class=\"isnad-quote-cont ").count(), 1);
        assert!(page.contains("&lt;الآن&gt; &amp; بلا"));
        assert!(!page.contains("<الآن>"));
    }

    #[test]
    fn overlapping_and_broken_ranges_are_skipped() {
        let text = "قال: «أهلا وسهلا» ثم مضى.";
        let (mut attributions, good) = (Vec::new(), find(text, "أهلا وسهلا", 0));
        let quote = |start: usize, end: usize| Attribution {
            kind: QuoteKind::Direct,
            quote: Excerpt {
                text: String::new(),
                start,
                end,
                char_start: 0,
                char_end: 0,
            },
            cue: None,
            speaker: None,
            confidence: 0.5,
        };
        attributions.push(quote(good.start, good.end));
        attributions.push(quote(good.start + 2, good.end + 4)); // overlaps
        attributions.push(quote(good.start + 1, good.end)); // inside a char
        attributions.push(quote(text.len() - 1, text.len() + 5)); // out of bounds
        attributions.push(quote(5, 5)); // empty
        let marks = plan_marks(text, &attributions);
        assert_eq!(marks.len(), 1);
        assert_eq!((marks[0].start, marks[0].end), (good.start, good.end));
        let page = render_page(text, &attributions);
        assert_eq!(page.matches("class=\"isnad-quote ").count(), 1);
    }

    #[test]
    fn no_attributions_renders_the_text() {
        let page = render_document("x", "سطر أول\r\n\r\nسطر <ثان>", &[]);
        assert!(page.contains("<p>سطر أول</p>"));
        assert!(page.contains("<p>سطر &lt;ثان&gt;</p>"));
        assert!(page.contains("data-attributions=\"0\""));
    }
}
