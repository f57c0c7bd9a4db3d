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
    let mut parens = None;
    while i < bytes.len() {
        let found =
            match bytes[i] {
                b'*' if bytes.get(i + 1) == Some(&b'*') => closed(text, i + 2, "**")
                    .map(|end| (Inline::Strong(&text[i + 2..end]), end + 2)),
                b'*' => closed(text, i + 1, "*")
                    .map(|end| (Inline::Emphasis(&text[i + 1..end]), end + 1)),
                b'[' => link(text, i, &mut parens),
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

/// The longest link label read as one; a longer `[…](…)` stays text.
pub const MAX_LABEL_BYTES: usize = 300;
/// The longest link address read as one; a longer `[…](…)` stays text.
pub const MAX_URL_BYTES: usize = 2048;

/// The `(`…`)` pairs of a paragraph, by the position of the `(`, with no white space between
/// (an address has none). One pass with a stack, so finding where any link's address ends
/// costs a lookup, not a scan of the rest of the paragraph.
fn parenthesis_pairs(text: &str) -> Vec<(usize, usize)> {
    let mut open = Vec::new();
    let mut pairs = Vec::new();
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' => {
                if let Some(start) = open.pop() {
                    pairs.push((start, i));
                }
            }
            b if b.is_ascii_whitespace() => open.clear(),
            _ => {}
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The link that starts at the `[` at `open`, if one does. The label ends at the first `](`
/// and holds no `[`, so its search stops at the next `[` (and at the size limit): each `[`
/// costs a bounded stretch of text. The address ends at the `)` that balances the `(` after
/// the label (`…/wiki/Name_(city)`), found in `parens`, made once per paragraph when needed.
fn link<'a>(
    text: &'a str,
    open: usize,
    parens: &mut Option<Vec<(usize, usize)>>,
) -> Option<(Inline<'a>, usize)> {
    let bytes = text.as_bytes();
    let label_start = open + 1;
    let mut close = None;
    for (k, &b) in bytes.get(label_start..)?.iter().enumerate() {
        if k > MAX_LABEL_BYTES {
            return None;
        }
        match b {
            b'[' => return None,
            b']' if bytes.get(label_start + k + 1) == Some(&b'(') => {
                close = Some(label_start + k);
                break;
            }
            _ => {}
        }
    }
    let close = close?;
    let label = text.get(label_start..close)?;
    if label.is_empty() {
        return None;
    }
    let pairs = parens.get_or_insert_with(|| parenthesis_pairs(text));
    let paren = close + 1;
    let url_end = pairs
        .binary_search_by_key(&paren, |&(start, _)| start)
        .ok()
        .map(|at| pairs[at].1)?;
    let url_start = paren + 1;
    if url_end - url_start > MAX_URL_BYTES {
        return None;
    }
    let url = text.get(url_start..url_end)?;
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

    #[test]
    fn long_labels_and_addresses_stay_text() {
        let label = "a".repeat(MAX_LABEL_BYTES + 1);
        assert!(link_targets(&format!("[{label}](/events/x)")).is_empty());
        let label = "a".repeat(MAX_LABEL_BYTES);
        assert_eq!(link_targets(&format!("[{label}](/x)")), vec!["/x"]);
        let url = format!("https://x.org/{}", "a".repeat(MAX_URL_BYTES));
        assert!(link_targets(&format!("[a]({url})")).is_empty());
        let url = format!("https://x.org/{}", "a".repeat(MAX_URL_BYTES - 20));
        assert_eq!(link_targets(&format!("[a]({url})")), vec![url.as_str()]);
    }

    #[test]
    fn a_label_ends_at_the_first_closing_bracket_before_a_parenthesis() {
        assert_eq!(link_targets("[a]b](/x)"), vec!["/x"]);
        assert!(link_targets("[a [b](/x)").len() == 1);
        assert_eq!(plain_text("[a [b](/x)"), "[a b");
    }

    /// `[` runs and unclosed `[a](` used to cost a scan of the rest of the paragraph each
    /// (seconds for this text, a tenth of the largest body); read linearly, it takes a few
    /// milliseconds. The bound is loose on purpose: it catches the quadratic reading, not noise.
    #[test]
    fn bracket_runs_are_read_in_linear_time() {
        let body = format!("{}{}", "[".repeat(100_000), "[a](".repeat(2_000));
        let started = std::time::Instant::now();
        assert!(link_targets(&body).is_empty());
        assert_eq!(plain_text(&body), body);
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    }

    /// The reading as first written (a scan per `[`), for short texts where the limits do not
    /// come into play: the linear reading must find the same links.
    fn link_by_scanning(text: &str, open: usize) -> Option<(Inline<'_>, usize)> {
        let close = open + text[open..].find("](")?;
        let label = &text[open + 1..close];
        if label.is_empty() || label.contains('[') {
            return None;
        }
        let url_start = close + 2;
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
        let url = &text[url_start..url_end?];
        if url.is_empty() || url.contains(char::is_whitespace) {
            return None;
        }
        Some((Inline::Link { text: label, url }, url_end? + 1))
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn linear_links_match_the_scanning_ones(text in "[\\[\\]()a /:]{0,40}") {
            let mut parens = None;
            for (open, _) in text.match_indices('[') {
                proptest::prop_assert_eq!(
                    link(&text, open, &mut parens),
                    link_by_scanning(&text, open),
                    "at {}", open
                );
            }
        }
    }
}
