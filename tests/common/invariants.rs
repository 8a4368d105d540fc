//! The invariants the API documents for the output of `extract(text)`,
//! checked by the property tests (`tests/properties.rs`) and the fuzz
//! target (`fuzz/fuzz_targets/extract.rs`) alike.

use isnad::Attribution;

/// A violated invariant, described.
pub type Violation = String;

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Fails with `message` unless `holds`.
fn ensure(holds: bool, message: impl FnOnce() -> String) -> Result<(), Violation> {
    if holds {
        Ok(())
    } else {
        Err(message())
    }
}

/// One span against `text`: inside it, on char boundaries, equal to its
/// text field, with char offsets that count the chars before it.
pub fn check_span(
    text: &str,
    what: &str,
    field: &str,
    (start, end, char_start, char_end): (usize, usize, usize, usize),
) -> Result<(), Violation> {
    ensure(start <= end && end <= text.len(), || {
        format!("{what}: span {start}..{end} outside 0..{}", text.len())
    })?;
    ensure(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        || format!("{what}: span {start}..{end} not on char boundaries"),
    )?;
    ensure(&text[start..end] == field, || {
        format!("{what}: text field {field:?} differs from its span")
    })?;
    let counted = text[..start].chars().count();
    ensure(char_start == counted, || {
        format!("{what}: char_start {char_start}, expected {counted}")
    })?;
    let counted = text[..end].chars().count();
    ensure(char_end == counted, || {
        format!("{what}: char_end {char_end}, expected {counted}")
    })
}

/// Every invariant of one call's output: spans, confidence in [0, 1], no
/// quote overlapping its cue or speaker mention, quotes sorted and apart.
pub fn check_output(text: &str, found: &[Attribution]) -> Result<(), Violation> {
    for (i, a) in found.iter().enumerate() {
        let q = &a.quote;
        check_span(
            text,
            &format!("#{i} quote"),
            &q.text,
            (q.start, q.end, q.char_start, q.char_end),
        )?;
        ensure((0.0..=1.0).contains(&a.confidence), || {
            format!("#{i} confidence {} outside [0, 1]", a.confidence)
        })?;
        if let Some(c) = &a.cue {
            check_span(
                text,
                &format!("#{i} cue"),
                &c.text,
                (c.start, c.end, c.char_start, c.char_end),
            )?;
            ensure(!overlaps((q.start, q.end), (c.start, c.end)), || {
                format!(
                    "#{i}: quote {}..{} overlaps its cue {}..{}",
                    q.start, q.end, c.start, c.end
                )
            })?;
        }
        if let Some(m) = a.speaker.as_ref().and_then(|s| s.mention.as_ref()) {
            check_span(
                text,
                &format!("#{i} speaker mention"),
                &m.text,
                (m.start, m.end, m.char_start, m.char_end),
            )?;
            ensure(!overlaps((q.start, q.end), (m.start, m.end)), || {
                format!(
                    "#{i}: quote {}..{} overlaps its speaker mention {}..{}",
                    q.start, q.end, m.start, m.end
                )
            })?;
        }
    }
    for (i, pair) in found.windows(2).enumerate() {
        let (a, b) = (&pair[0].quote, &pair[1].quote);
        ensure(a.start <= b.start, || {
            format!(
                "#{i} and #{} not sorted by quote start ({} > {})",
                i + 1,
                a.start,
                b.start
            )
        })?;
        ensure(a.end <= b.start, || {
            format!(
                "quotes #{i} ({}..{}) and #{} ({}..{}) overlap",
                a.start,
                a.end,
                i + 1,
                b.start,
                b.end
            )
        })?;
    }
    Ok(())
}
