//! Runs the construction cases under `tests/cases/` (format in its README).

use isnad::{Attribution, QuoteExtractor, Resolution};

#[derive(Debug, Default)]
struct Expected {
    quote: String,
    cue: Option<String>,
    speaker: Option<String>,
    resolution: Option<String>,
}

#[derive(Debug, Default)]
struct Case {
    name: String,
    line: usize,
    text: String,
    expected: Vec<Expected>,
    not: Vec<String>,
}

fn parse(file: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut case = Case::default();
    for (n, line) in file.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            if !case.text.is_empty() {
                cases.push(std::mem::take(&mut case));
            }
            continue;
        }
        if let Some(name) = line.strip_prefix("# name:") {
            case.name = name.trim().to_owned();
            case.line = n + 1;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("line {}: expected `key: value`", n + 1));
        let value = value.trim().to_owned();
        let last = || panic!("line {}: `{key}` before any `quote:`", n + 1);
        match key {
            "text" => case.text = value.replace("\\n", "\n"),
            "quote" => case.expected.push(Expected {
                quote: value,
                ..Expected::default()
            }),
            "cue" => case.expected.last_mut().unwrap_or_else(last).cue = Some(value),
            "speaker" => case.expected.last_mut().unwrap_or_else(last).speaker = Some(value),
            "resolution" => case.expected.last_mut().unwrap_or_else(last).resolution = Some(value),
            "not" => case.not.push(value),
            _ => panic!("line {}: unknown key `{key}`", n + 1),
        }
    }
    if !case.text.is_empty() {
        cases.push(case);
    }
    cases
}

fn resolution_name(r: Resolution) -> &'static str {
    match r {
        Resolution::Explicit => "explicit",
        Resolution::Coreference => "coreference",
        Resolution::Implicit => "implicit",
    }
}

fn check(case: &Case, got: &[Attribution]) -> Result<(), String> {
    let shown: Vec<String> = got
        .iter()
        .map(|a| {
            format!(
                "«{}» cue={:?} speaker={:?}",
                a.quote.text,
                a.cue.as_ref().map(|c| &c.lemma),
                a.speaker.as_ref().map(|s| &s.name)
            )
        })
        .collect();
    if got.len() != case.expected.len() {
        return Err(format!(
            "expected {} attributions, got {shown:#?}",
            case.expected.len()
        ));
    }
    for (e, a) in case.expected.iter().zip(got) {
        if a.quote.text != e.quote {
            return Err(format!("expected quote «{}», got {shown:#?}", e.quote));
        }
        if let Some(cue) = &e.cue {
            let lemma = a.cue.as_ref().map_or("-", |c| c.lemma.as_str());
            if lemma != cue {
                return Err(format!("«{}»: expected cue {cue}, got {lemma}", e.quote));
            }
        }
        if let Some(speaker) = &e.speaker {
            let name = a.speaker.as_ref().map_or("-", |s| s.name.as_str());
            if name != speaker {
                return Err(format!(
                    "«{}»: expected speaker {speaker}, got {name}",
                    e.quote
                ));
            }
        }
        if let Some(resolution) = &e.resolution {
            let r = a
                .speaker
                .as_ref()
                .map_or("-", |s| resolution_name(s.resolution));
            if r != resolution {
                return Err(format!(
                    "«{}»: expected resolution {resolution}, got {r}",
                    e.quote
                ));
            }
        }
    }
    for not in &case.not {
        if got.iter().any(|a| &a.quote.text == not) {
            return Err(format!("«{not}» must not be returned"));
        }
    }
    Ok(())
}

#[test]
fn construction_cases() {
    let extractor = QuoteExtractor::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/cases exists")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (mut run, mut failures) = (0, Vec::new());
    for path in &files {
        let file = std::fs::read_to_string(path).expect("a readable case file");
        for case in parse(&file) {
            run += 1;
            let got = extractor.extract(&case.text);
            for a in &got {
                assert_eq!(
                    &case.text[a.quote.range()],
                    a.quote.text,
                    "offsets of {}",
                    case.name
                );
            }
            if let Err(why) = check(&case, &got) {
                failures.push(format!(
                    "{}:{} {}: {why}",
                    path.file_name().unwrap().to_string_lossy(),
                    case.line,
                    case.name
                ));
            }
        }
    }
    assert!(run >= 30, "only {run} cases were found");
    assert!(
        failures.is_empty(),
        "{} of {run} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
