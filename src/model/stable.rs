//! The news file's one stable form: keys in the order of `docs/data-format.md` (the model's
//! field order), two-space indentation, a final newline, defaults left away. `newsctl fmt`
//! writes it, so that an unchanged file keeps its bytes and one changed field changes one
//! line of a diff.

use super::types::NewsFile;

/// The file's text in the stable form.
pub fn stable_json(file: &NewsFile) -> String {
    // Serialising the model's own types cannot fail: no map has keys that are not strings.
    let mut text = serde_json::to_string_pretty(file).unwrap_or_default();
    text.push('\n');
    text
}

/// `text` read strictly as a news file and written in the stable form; the reader's error
/// (with its line and column) when it does not read.
pub fn to_stable_form(text: &str) -> Result<String, serde_json::Error> {
    // A byte order mark (some Windows editors write one) is not part of the form.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<NewsFile>(text).map(|file| stable_json(&file))
}

/// The JSON `bytes` without the whitespace between its tokens (and without a byte order
/// mark): the same values in the same order, for the copy visitors download. A pretty file is
/// a quarter larger, 7 % more after brotli at 10,000 events, and every byte is read again
/// when the app starts. Strings are copied whole: in UTF-8 no byte of a multi-byte character
/// is a quote, a backslash or whitespace.
pub fn compact_json(bytes: &[u8]) -> Vec<u8> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut out = Vec::with_capacity(bytes.len());
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_copy_has_the_same_values_and_no_space_between_tokens() {
        let compact = compact_json(SHIPPED.as_bytes());
        let value = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).unwrap();
        assert_eq!(value(&compact), value(SHIPPED.as_bytes()));
        assert!(compact.len() * 5 < SHIPPED.len() * 4, "{}", compact.len());
        assert!(!compact.contains(&b'\n'));
        let tricky =
            "\u{feff}{ \"a b\" : [ \"x \\\" y\\\\\" , \"\\\\\" ,\n\t\"é ё\\n\" ] , \"c\":1 }";
        assert_eq!(
            String::from_utf8(compact_json(tricky.as_bytes())).unwrap(),
            "{\"a b\":[\"x \\\" y\\\\\",\"\\\\\",\"é ё\\n\"],\"c\":1}"
        );
    }

    const SHIPPED: &str = include_str!("../../public/data/news.json");

    #[test]
    fn the_shipped_file_is_in_the_stable_form_and_the_form_is_stable() {
        let once = to_stable_form(SHIPPED).unwrap();
        assert_eq!(
            once, SHIPPED,
            "public/data/news.json: run `newsctl fmt` on it"
        );
        assert_eq!(to_stable_form(&once).unwrap(), once);
    }

    #[test]
    fn any_layout_comes_out_the_same_and_keeps_every_value() {
        let value: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        // Keys in another order (serde_json's own map sorts them), on one line, with the
        // defaults written out.
        let mut with_defaults = value.clone();
        let event = &mut with_defaults["events"][0];
        event["delegates"] = serde_json::json!([]);
        event["images"] = serde_json::json!([]);
        let text = serde_json::to_string(&with_defaults).unwrap();
        assert_ne!(text, SHIPPED);
        assert_eq!(to_stable_form(&text).unwrap(), SHIPPED);
        let back: serde_json::Value =
            serde_json::from_str(&to_stable_form(&text).unwrap()).unwrap();
        assert_eq!(back, value, "nothing lost, nothing added");
    }

    #[test]
    fn a_changed_field_changes_one_line() {
        // One city's Bulgarian name, whichever the file's first city is.
        let value: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        let name = value["cities"][0]["name"]["bg"].as_str().unwrap();
        let changed = SHIPPED.replacen(
            &format!("\"bg\": \"{name}\""),
            &format!("\"bg\": \"{name} (град)\""),
            1,
        );
        assert_ne!(changed, SHIPPED);
        let before: Vec<&str> = SHIPPED.lines().collect();
        let stable = to_stable_form(&changed).unwrap();
        let after: Vec<&str> = stable.lines().collect();
        assert_eq!(before.len(), after.len());
        let differing = before.iter().zip(&after).filter(|(a, b)| a != b).count();
        assert_eq!(differing, 1);
    }

    #[test]
    fn a_byte_order_mark_and_windows_line_ends_are_not_part_of_the_form() {
        let windows = format!("\u{feff}{}", SHIPPED.replace('\n', "\r\n"));
        assert_eq!(to_stable_form(&windows).unwrap(), SHIPPED);
    }

    #[test]
    fn what_does_not_read_says_where() {
        let err = to_stable_form("{\n  \"version\": 1,\n  \"sites\": {}\n}").unwrap_err();
        assert_eq!(err.line(), 3, "{err}");
        assert!(err.to_string().contains("sites"), "{err}");
    }
}
