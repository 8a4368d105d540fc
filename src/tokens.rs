//! Words and punctuation of the folded text, with sentence ends marked.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A run of letters and digits.
    Word,
    /// One punctuation char (quotation marks included).
    Punct(char),
    /// A paragraph break.
    Newline,
}

/// A token: its kind and its byte range in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    /// Is it a word?
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Does it end a sentence (`.`, `!`, `?`, `؟`, a paragraph break)?
    #[inline]
    pub fn ends_sentence(&self, text: &str) -> bool {
        match self.kind {
            TokenKind::Newline => true,
            TokenKind::Punct('!' | '?' | '؟' | '…') => true,
            TokenKind::Punct('.') => {
                // `بي.بي.سي` and `3.5` keep going; `… الأمر. وقال` ends.
                let after = text[self.end as usize..].chars().next();
                after.is_none_or(|c| !is_word_char(c))
            }
            _ => false,
        }
    }
}

/// Is `c` part of a word? Letters and digits, with a fast answer for ASCII
/// and the Arabic block, which make up almost all of the text (the Unicode
/// lookup for Arabic letters is slow).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    static ARABIC: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{0600}'..='\u{06FF}' => {
            let table = ARABIC.get_or_init(|| {
                let mut table = [false; 256];
                for (i, slot) in table.iter_mut().enumerate() {
                    *slot = char::from_u32(0x0600 + i as u32).is_some_and(char::is_alphanumeric);
                }
                table
            });
            table[c as usize - 0x0600]
        }
        c => c.is_alphanumeric(),
    }
}

/// Splits folded text into tokens; whitespace other than `\n` is dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut word_start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        // A dot between letters or digits stays inside the word:
        // `بي.بي.سي`, `3.5`.
        if c == '.' && word_start.is_some() && chars.peek().is_some_and(|&(_, n)| is_word_char(n)) {
            continue;
        }
        if let Some(s) = word_start.take() {
            tokens.push(Token {
                start: s as u32,
                end: i as u32,
                kind: TokenKind::Word,
            });
        }
        let kind = match c {
            '\n' => TokenKind::Newline,
            c if c.is_whitespace() => continue,
            c => TokenKind::Punct(c),
        };
        tokens.push(Token {
            start: i as u32,
            end: (i + c.len_utf8()) as u32,
            kind,
        });
    }
    if let Some(s) = word_start {
        tokens.push(Token {
            start: s as u32,
            end: text.len() as u32,
            kind: TokenKind::Word,
        });
    }
    tokens
}

/// The index of the token that contains byte `pos`, or the first token
/// after it.
pub(crate) fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| (t.end as usize) <= pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_punctuation_and_breaks() {
        let text = "قال: «نعم».\nبي.بي.سي";
        let tokens = tokenize(text);
        let shown: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(shown, ["قال", ":", "«", "نعم", "»", ".", "\n", "بي.بي.سي"]);
        assert!(tokens[5].ends_sentence(text));
        assert!(tokens[6].ends_sentence(text));
        assert!(!tokens[1].ends_sentence(text));
    }

    #[test]
    fn the_fast_word_test_agrees_with_the_unicode_one() {
        for c in '\0'..='\u{07FF}' {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn finds_the_token_at_an_offset() {
        let text = "قال نعم";
        let tokens = tokenize(text);
        assert_eq!(token_at(&tokens, 0), 0);
        assert_eq!(token_at(&tokens, "قال ".len()), 1);
        assert_eq!(token_at(&tokens, text.len()), 2);
    }
}
