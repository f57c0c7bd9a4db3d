//! Printing what comes from a news file: its control characters escaped, so that a file
//! cannot rewrite the terminal or forge a line.

use serde_json::Value;

/// Text from the file (slugs, ids, addresses, serde's quotes of bad values) with its control
/// characters written as `\u{1b}`: printed raw, an ESC could recolour or rewrite the terminal,
/// and a CR or LF could forge a line, such as a CI annotation. Bidirectional overrides and
/// marks and Unicode line separators, which can make a line read other than it is, likewise.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
                | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Every string in a JSON report with [`escape_controls`]: JSON escapes them for the parser,
/// but whoever prints a message from the report would print them raw.
pub fn escape_json_strings(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(escaped) = escape_controls(text) {
                *text = escaped;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(escape_json_strings),
        Value::Object(map) => map.values_mut().for_each(escape_json_strings),
        _ => {}
    }
}

/// Prints one line of the report, escaped.
pub fn say(line: &str) {
    println!("{}", escape_controls(line));
}

/// Prints one line to stderr, escaped.
pub fn complain(line: &str) {
    eprintln!("{}", escape_controls(line));
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn marks_that_turn_a_line_around_are_written_as_escapes() {
        assert_eq!(
            escape_controls("a\u{200f}b\u{61c}c\u{202e}d\u{1b}[2J"),
            "a\\u{200f}b\\u{61c}c\\u{202e}d\\u{1b}[2J"
        );
        assert!(matches!(
            escape_controls("Новини"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
