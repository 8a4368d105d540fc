//! Development aid: prints each reporting cue of the documents in a JSON
//! Lines file with the subject isnad gave it. `trace FILE ID…`
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((path, ids)) = args.split_first() else {
        eprintln!("usage: trace FILE ID…");
        std::process::exit(2);
    };
    let extractor = isnad::QuoteExtractor::new();
    let file = std::fs::read_to_string(path).expect("readable file");
    for line in file.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let id = doc["id"].as_str().unwrap_or_default();
        if !ids.is_empty() && !ids.iter().any(|i| i == id) {
            continue;
        }
        println!("== {id}");
        for line in extractor.trace_cues(doc["text"].as_str().unwrap_or_default()) {
            println!("  {line}");
        }
    }
}
