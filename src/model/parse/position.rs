//! Where a problem points: lines and columns (in characters) of byte offsets in the file,
//! worked out only for the problems that are kept.

/// Where a borrowed slice of `text` starts.
pub(super) fn offset_of(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// 1-based lines and columns (in characters) of byte offsets, in one forward pass over the
/// text: `offsets` must be sorted. Each kept problem costs only the stretch of text since the
/// one before it, however long the lines (a minified file is one line).
pub(super) fn positions(
    text: &str,
    offsets: impl IntoIterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let (mut line, mut column, mut at) = (1, 1, 0);
    let mut out = Vec::new();
    for offset in offsets {
        let mut offset = offset.clamp(at, text.len());
        // serde counts columns in bytes; step back to the start of the character.
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let stretch = text.get(at..offset).unwrap_or_default();
        match stretch.rfind('\n') {
            Some(last) => {
                line += stretch.bytes().filter(|&b| b == b'\n').count();
                column = stretch[last + 1..].chars().count() + 1;
            }
            None => column += stretch.chars().count(),
        }
        at = offset;
        out.push((line, column));
    }
    out
}

/// Line and column of one offset.
pub(super) fn position(text: &str, offset: usize) -> (usize, usize) {
    positions(text, [offset]).pop().unwrap_or((1, 1))
}

/// Byte offset inside `text` of serde's 1-based line and byte column.
pub(super) fn offset_in(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// The bytes as text, or the line and column (1-based, in characters) of the first byte that
/// is not UTF-8, where an editor would look for it.
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, (usize, usize)> {
    // UTF-16 or UTF-32 without a byte order mark is UTF-8 byte for byte (each ASCII letter has
    // NULs beside it), and the JSON reader would fault its second byte. JSON starts with an
    // ASCII character (a space or a bracket), so a NUL among the first two bytes says the
    // file is in another encoding: not UTF-8, from its start.
    if bytes.iter().take(2).any(|&b| b == 0) {
        return Err((1, 1));
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        // Valid up to there, by the error's own word.
        let text = std::str::from_utf8(valid).unwrap_or_default();
        position(text, text.len())
    })
}

#[cfg(test)]
mod tests {
    use super::utf8_text;

    fn encoded(text: &str, big_endian: bool, mark: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        for unit in std::iter::once(0xfeff)
            .filter(|_| mark)
            .chain(text.encode_utf16())
        {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend(pair);
        }
        bytes
    }

    #[test]
    fn utf16_with_or_without_its_mark_is_not_utf8_from_its_start() {
        let json = "{\n  \"site\": {\"publisher\": {\"bg\": \"Ж\"}}}";
        for big_endian in [false, true] {
            for mark in [false, true] {
                let bytes = encoded(json, big_endian, mark);
                assert_eq!(utf8_text(bytes), Err((1, 1)), "{big_endian} {mark}");
            }
        }
        assert_eq!(utf8_text(json.as_bytes().to_vec()).as_deref(), Ok(json));
        // A byte that is not UTF-8 further on is placed where it stands.
        let mut bytes = b"{\n  \"a\": \"".to_vec();
        bytes.extend([0xff, b'"', b'}']);
        assert_eq!(utf8_text(bytes), Err((2, 9)));
    }
}
