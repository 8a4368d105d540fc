//! Reading the examples' input: a plain-text file or `-`, and JSON Lines
//! of `{"id", "text", …}` articles. Shared by `extract` and `highlight`.

use std::io::{self, Read};

/// The whole of `path` (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &str) -> io::Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin().lock().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path)?;
    }
    String::from_utf8(bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()),
        )
    })
}

/// One input line as far as the examples care: other fields are skipped.
#[derive(serde::Deserialize)]
pub struct InputLine {
    pub id: Option<serde_json::Value>,
    pub text: Option<serde_json::Value>,
}

impl InputLine {
    /// One line of bytes, or what is wrong with it.
    pub fn decode(bytes: &[u8]) -> Result<InputLine, String> {
        let line = std::str::from_utf8(bytes)
            .map_err(|e| format!("not valid UTF-8 (at byte {} of the line)", e.valid_up_to()))?;
        serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))
    }

    /// The article's text, or what is wrong with its `text` field.
    pub fn into_text(self) -> Result<String, String> {
        match self.text {
            Some(serde_json::Value::String(text)) => Ok(text),
            Some(other) => Err(format!(
                "`text` must be a string, found {}",
                json_type_name(&other)
            )),
            None => Err("no `text` field".to_owned()),
        }
    }
}

fn json_type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
