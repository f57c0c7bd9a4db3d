//! Finding the value at a problem's JSON path (`a.b[2].c`) inside an entry's text, so that
//! its line and column point at what an editor must change.

/// One step of a problem path: `key` or `[index]`.
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Step::Key(key));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

/// The offset inside an entry's text of the value at `path` (`a.b[2].c`), or of the deepest
/// part of it that exists, so that a problem's line and column point at the value an editor
/// must change. The flag tells whether the whole path was found.
///
/// One forward scan: members before the wanted one are skipped over, the wanted one is
/// entered, nothing is parsed twice. The entry is valid JSON (serde has read it as a raw
/// value); should it not be, the scan stops at the deepest place it reached.
pub(super) fn walk(entry: &str, path: &str) -> (usize, bool) {
    let bytes = entry.as_bytes();
    let mut here = skip_space(bytes, 0);
    for step in steps(path) {
        match member(entry, here, &step) {
            Some(at) => here = at,
            None => return (here, false),
        }
    }
    (here, true)
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Just past the string that starts (with its quote) at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Just past the value that starts at `i`.
fn value_end(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => string_end(bytes, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match bytes.get(j)? {
                    b'"' => {
                        j = string_end(bytes, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while bytes
                .get(j)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Where the member `step` of the object or array starting at `at` starts.
fn member(text: &str, at: usize, step: &Step<'_>) -> Option<usize> {
    let bytes = text.as_bytes();
    match (bytes.get(at)?, step) {
        (b'{', Step::Key(key)) => {
            let mut i = skip_space(bytes, at + 1);
            loop {
                if bytes.get(i)? != &b'"' {
                    return None;
                }
                let end = string_end(bytes, i)?;
                let raw = text.get(i + 1..end - 1)?;
                let found = if raw.contains('\\') {
                    serde_json::from_str::<String>(text.get(i..end)?).is_ok_and(|k| k == *key)
                } else {
                    raw == *key
                };
                i = skip_space(bytes, end);
                if bytes.get(i)? != &b':' {
                    return None;
                }
                i = skip_space(bytes, i + 1);
                if found {
                    return Some(i);
                }
                i = skip_space(bytes, value_end(bytes, i)?);
                if bytes.get(i)? != &b',' {
                    return None;
                }
                i = skip_space(bytes, i + 1);
            }
        }
        (b'[', Step::Index(index)) => {
            let mut i = skip_space(bytes, at + 1);
            if bytes.get(i)? == &b']' {
                return None;
            }
            for _ in 0..*index {
                i = skip_space(bytes, value_end(bytes, i)?);
                if bytes.get(i)? != &b',' {
                    return None;
                }
                i = skip_space(bytes, i + 1);
            }
            Some(i)
        }
        _ => None,
    }
}
