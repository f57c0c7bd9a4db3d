//! The body text's tiny markup: paragraphs split by blank lines, `**strong**`, `*emphasis*` and
//! `[text](url)`. Everything else is literal text; nothing is ever passed on as HTML.

/// A run of text in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    Strong(&'a str),
    Emphasis(&'a str),
    /// `url` is checked with [`super::is_safe_url`] by the validator and again by the view.
    Link {
        text: &'a str,
        url: &'a str,
    },
}

/// Paragraphs of a body text, each a list of runs.
pub fn paragraphs(text: &str) -> Vec<Vec<Inline<'_>>> {
    split_paragraphs(text).map(inlines).collect()
}

/// Paragraphs as plain text, markup removed (for summaries, feeds and search).
pub fn plain_text(text: &str) -> String {
    split_paragraphs(text)
        .map(|p| {
            inlines(p)
                .into_iter()
                .map(|run| match run {
                    Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) => t,
                    Inline::Link { text, .. } => text,
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A paragraph ends at a line that is empty or only spaces, whatever the line endings: editors
/// cannot see the difference, so the reader must not either.
fn split_paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            parts.push(&text[start..pos]);
            start = pos + line.len();
        }
        pos += line.len();
    }
    parts.push(&text[start..]);
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty())
}

/// Every link target in a text.
pub fn link_targets(text: &str) -> Vec<&str> {
    split_paragraphs(text)
        .flat_map(inlines)
        .filter_map(|run| match run {
            Inline::Link { url, .. } => Some(url),
            _ => None,
        })
        .collect()
}

fn inlines(text: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let found =
            match bytes[i] {
                b'*' if bytes.get(i + 1) == Some(&b'*') => closed(text, i + 2, "**")
                    .map(|end| (Inline::Strong(&text[i + 2..end]), end + 2)),
                b'*' => closed(text, i + 1, "*")
                    .map(|end| (Inline::Emphasis(&text[i + 1..end]), end + 1)),
                b'[' => link(text, i),
                _ => None,
            };
        match found {
            Some((run, next)) => {
                if plain_start < i {
                    out.push(Inline::Text(&text[plain_start..i]));
                }
                out.push(run);
                i = next;
                plain_start = next;
            }
            None => i += 1,
        }
    }
    if plain_start < text.len() {
        out.push(Inline::Text(&text[plain_start..]));
    }
    out
}

/// The end of a non-empty span closed by `marker` on the same paragraph.
fn closed(text: &str, from: usize, marker: &str) -> Option<usize> {
    let end = from + text.get(from..)?.find(marker)?;
    let inner = &text[from..end];
    (!inner.is_empty() && !inner.starts_with(' ') && !inner.contains('*')).then_some(end)
}

fn link(text: &str, open: usize) -> Option<(Inline<'_>, usize)> {
    let close = open + text[open..].find("](")?;
    let label = &text[open + 1..close];
    if label.is_empty() || label.contains('[') {
        return None;
    }
    let url_start = close + 2;
    // Balanced parentheses belong to the address (`…/wiki/Name_(city)`).
    let mut depth = 0usize;
    let mut url_end = None;
    for (k, b) in text[url_start..].bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' if depth == 0 => {
                url_end = Some(url_start + k);
                break;
            }
            b')' => depth -= 1,
            _ => {}
        }
    }
    let url_end = url_end?;
    let url = &text[url_start..url_end];
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    Some((Inline::Link { text: label, url }, url_end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_and_marks_runs() {
        let p = paragraphs("First **bold** and *it*.\n\nSee [the page](https://example.org/a).");
        assert_eq!(p.len(), 2);
        assert_eq!(
            p[0],
            vec![
                Inline::Text("First "),
                Inline::Strong("bold"),
                Inline::Text(" and "),
                Inline::Emphasis("it"),
                Inline::Text("."),
            ]
        );
        assert_eq!(
            p[1][1],
            Inline::Link {
                text: "the page",
                url: "https://example.org/a"
            }
        );
    }

    #[test]
    fn html_stays_literal_text() {
        let p = paragraphs("<script>alert(1)</script> <b>x</b>");
        assert_eq!(
            p,
            vec![vec![Inline::Text("<script>alert(1)</script> <b>x</b>")]]
        );
    }

    #[test]
    fn unclosed_markers_are_text() {
        assert_eq!(
            paragraphs("2 * 3 = 6"),
            vec![vec![Inline::Text("2 * 3 = 6")]]
        );
        assert_eq!(
            paragraphs("[not a link] (x)"),
            vec![vec![Inline::Text("[not a link] (x)")]]
        );
    }

    #[test]
    fn link_targets_are_found_for_validation() {
        assert_eq!(
            link_targets("a [x](javascript:alert(1)) b\n\n[y](/events/a)"),
            vec!["javascript:alert(1)", "/events/a"]
        );
    }

    #[test]
    fn blank_lines_with_spaces_or_crlf_split_paragraphs() {
        assert_eq!(plain_text("a\r\n\r\nb\n   \nc\n\n\n"), "a\n\nb\n\nc");
        assert_eq!(paragraphs("one\nline").len(), 1);
    }

    #[test]
    fn link_address_keeps_balanced_parentheses() {
        assert_eq!(
            link_targets("[P](https://en.wikipedia.org/wiki/P_(town)) end"),
            vec!["https://en.wikipedia.org/wiki/P_(town)"]
        );
        assert!(link_targets("[open](https://x.org/(a").is_empty());
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(plain_text("**A** [b](https://x.org)\n\n*c*"), "A b\n\nc");
    }
}
