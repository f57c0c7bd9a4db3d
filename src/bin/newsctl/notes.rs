//! `newsctl check --notes`: the editors' notes of a file (the events' `note` fields), each with
//! the place it is written, so that an editor reads them beside the problems, in file order.
//!
//! The loader keeps no positions for values that are not problems, so the notes are found in
//! the text itself; a note the loader refuses (not a string) is its problem, not a note.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// One event's note and where it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The note's place in the JSON, named as problems name theirs: `events[3].note`.
    pub path: String,
    /// 1-based line and column (in characters) of the note's value.
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub text: String,
}

#[derive(Deserialize)]
struct Events<'a> {
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct NoteOf<'a> {
    #[serde(default)]
    slug: Option<serde_json::Value>,
    #[serde(borrow, default)]
    note: Option<&'a RawValue>,
}

/// Line and column of byte offsets met in increasing order, without rescanning the text.
struct Cursor<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn position(&mut self, offset: usize) -> (usize, usize) {
        if let Some(passed) = self.text.get(self.offset..offset) {
            for c in passed.chars() {
                if c == '\n' {
                    self.line += 1;
                    self.column = 1;
                } else {
                    self.column += 1;
                }
            }
            self.offset = offset;
        }
        (self.line, self.column)
    }
}

/// Every event's note, in file order. A file the loader cannot read has none to show.
pub fn editor_notes(text: &str) -> Vec<Note> {
    // Positions count as the loader's do: after a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(file) = serde_json::from_str::<Events>(text) else {
        return Vec::new();
    };
    let mut cursor = Cursor {
        text,
        offset: 0,
        line: 1,
        column: 1,
    };
    let mut notes = Vec::new();
    for (i, raw) in file.events.iter().enumerate() {
        let Ok(entry) = serde_json::from_str::<NoteOf>(raw.get()) else {
            continue;
        };
        let Some(raw_note) = entry.note else {
            continue;
        };
        let Ok(note) = serde_json::from_str::<String>(raw_note.get()) else {
            continue;
        };
        let offset = (raw_note.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let (line, column) = cursor.position(offset);
        notes.push(Note {
            path: format!("events[{i}].note"),
            line,
            column,
            slug: entry
                .slug
                .as_ref()
                .and_then(|s| s.as_str())
                .map(str::to_owned),
            text: note,
        });
    }
    notes
}

/// A note as one line of `newsctl check` output (without the file name): its line breaks
/// folded into spaces so that each note stays one line, and characters that could drive the
/// terminal or turn the line around (controls, bidirectional marks) written as `\u{..}`.
pub fn note_line(note: &Note) -> String {
    let text: String = note
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect();
    let mut line = format!("{}:{}: note: {}: {text}", note.line, note.column, note.path);
    if let Some(slug) = &note.slug {
        line.push_str(&format!(" (event `{slug}`)"));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_come_with_their_place_in_file_order() {
        let text = "{\n  \"events\": [\n    {\"slug\": \"a\", \"note\": \"Ден – не е даден.\"},\n    {\"slug\": \"b\"},\n    {\"note\": \"two\\nlines\", \"slug\": \"c\"}\n  ]\n}\n";
        let notes = editor_notes(text);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].path, "events[0].note");
        assert_eq!((notes[0].line, notes[0].column), (3, 27));
        assert_eq!(notes[0].slug.as_deref(), Some("a"));
        assert_eq!(notes[0].text, "Ден – не е даден.");
        assert_eq!(notes[1].path, "events[2].note");
        assert_eq!((notes[1].line, notes[1].column), (5, 14));
        assert_eq!(
            note_line(&notes[1]),
            "5:14: note: events[2].note: two lines (event `c`)"
        );
    }

    #[test]
    fn a_note_cannot_drive_the_terminal() {
        let text = "{\"events\": [{\"note\": \"a\\u001b[2Jb\\u202ec\"}]}";
        let notes = editor_notes(text);
        assert_eq!(notes[0].text, "a\u{1b}[2Jb\u{202e}c");
        assert_eq!(
            note_line(&notes[0]),
            "1:22: note: events[0].note: a\\u{1b}[2Jb\\u{202e}c"
        );
    }

    #[test]
    fn a_note_that_is_not_text_is_left_to_the_loader() {
        assert!(editor_notes(r#"{"events": [{"slug": "a", "note": 3}]}"#).is_empty());
        assert!(editor_notes(r#"{"events": 3}"#).is_empty());
        assert!(editor_notes("not json").is_empty());
    }
}
