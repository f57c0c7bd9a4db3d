//! Escaping for the XML the exports write (Atom, sitemap).

/// Escapes text for element content and attribute values alike, and drops characters that
/// XML 1.0 does not allow at all (most C0 controls, U+FFFE, U+FFFF), so a stray control
/// character in the news cannot make a feed unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_and_quotes_are_escaped() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
    }

    #[test]
    fn characters_forbidden_in_xml_are_dropped() {
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFF}d\ne"), "abcd\ne");
    }
}
