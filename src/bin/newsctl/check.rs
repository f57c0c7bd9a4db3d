//! `newsctl check`: loads news files and prints their problems, as text or JSON, with a
//! summary line per file; also how the other commands load a file and report one that fails.

use project_news::model::{
    parse_news, utf8_text, Catalog, FatalError, Problem, ProblemCounts, Severity, MAX_FILE_BYTES,
    MAX_PROBLEMS,
};
use serde_json::{json, Value};

use crate::args::{option, split_options, usage_error};
use crate::notes;
use crate::output::{complain, escape_json_strings, say};
use crate::{HAS_ERRORS, OK, USAGE_OR_IO};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// What became of one file.
pub enum Outcome {
    Loaded(Box<Catalog>),
    Fatal(FatalError),
    /// The file could not be read (the reason).
    Unreadable(String),
    /// Not UTF-8: where the first bad byte is.
    NotText {
        line: usize,
        column: usize,
    },
}

/// The catalog of a file that loads; otherwise the outcome goes to `report` and the exit
/// code comes back (a file that cannot be read is a usage or I/O error, the rest errors).
pub fn load_catalog(file: &str, report: fn(&str, &Outcome)) -> Result<Box<Catalog>, u8> {
    load_catalog_text(file, report).map(|(catalog, _)| catalog)
}

/// As `load_catalog`, with the text the catalog was read from, for the commands that publish
/// the file itself (read once).
pub fn load_catalog_text(
    file: &str,
    report: fn(&str, &Outcome),
) -> Result<(Box<Catalog>, String), u8> {
    let outcome = match read_text(file) {
        Ok(text) => match parse(&text) {
            Outcome::Loaded(catalog) => return Ok((catalog, text)),
            outcome => outcome,
        },
        Err(outcome) => outcome,
    };
    report(file, &outcome);
    Err(match outcome {
        Outcome::Unreadable(_) => USAGE_OR_IO,
        _ => HAS_ERRORS,
    })
}

/// The file's text, or why there is none.
pub fn read_text(path: &str) -> Result<String, Outcome> {
    let bytes = read_bounded(path).map_err(|err| Outcome::Unreadable(err.to_string()))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Outcome::Fatal(FatalError::TooLarge {
            // A device has no length: then what was read says it is too large.
            bytes: std::fs::metadata(path)
                .map_or(0, |m| m.len() as usize)
                .max(bytes.len()),
            limit: MAX_FILE_BYTES,
        }));
    }
    utf8_text(bytes).map_err(|(line, column)| Outcome::NotText { line, column })
}

/// The file's bytes up to one past the largest file read: a larger one (or an endless one,
/// such as a device) costs no more than that.
fn read_bounded(path: &str) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

pub fn parse(text: &str) -> Outcome {
    match parse_news(text) {
        Ok(catalog) => Outcome::Loaded(Box::new(catalog)),
        Err(fatal) => Outcome::Fatal(fatal),
    }
}

/// Counts for the summary line.
pub struct Summary {
    pub events: usize,
    pub left_out: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Counts over the listed problems and those only counted.
fn summarise(problems: &[Problem], not_listed: &ProblemCounts, events: usize) -> Summary {
    Summary {
        events,
        left_out: problems.iter().filter(|p| p.entry_dropped).count() + not_listed.entries_dropped,
        errors: problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
            + not_listed.errors,
        warnings: problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count()
            + not_listed.warnings,
    }
}

pub fn summary_of(catalog: &Catalog) -> Summary {
    summarise(
        &catalog.problems,
        &catalog.problems_not_listed,
        catalog.events.len(),
    )
}

fn summary_line(file: &str, s: &Summary) -> String {
    format!(
        "{file}: {} events loaded, {} entries left out, {} errors, {} warnings",
        s.events, s.left_out, s.errors, s.warnings
    )
}

/// Runs `newsctl check [--format text|json] [--notes] FILE...`.
pub fn command(args: &[String]) -> u8 {
    // The option without a value.
    let show_notes = args.iter().any(|a| a == "--notes");
    let args: Vec<String> = args.iter().filter(|a| *a != "--notes").cloned().collect();
    let (options, files) = match split_options(&args, &["format"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let format = match option(&options, "format") {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some(other) => return usage_error(&format!("unknown format `{other}`: use text or json")),
    };
    if files.is_empty() {
        return usage_error("`check` needs at least one file");
    }
    let mut code = OK;
    let mut reports = Vec::new();
    for file in files {
        let (outcome, notes) = match read_text(file) {
            Ok(text) => {
                let outcome = parse(&text);
                // A file that cannot be loaded shows its fatal error alone.
                let notes = match &outcome {
                    Outcome::Loaded(_) if show_notes => Some(notes::editor_notes(&text)),
                    _ if show_notes => Some(Vec::new()),
                    _ => None,
                };
                (outcome, notes)
            }
            Err(outcome) => (outcome, show_notes.then(Vec::new)),
        };
        let file_code = match &outcome {
            Outcome::Loaded(catalog) => {
                let has_errors = catalog
                    .problems
                    .iter()
                    .any(|p| p.severity == Severity::Error);
                if has_errors {
                    HAS_ERRORS
                } else {
                    OK
                }
            }
            Outcome::Fatal(_) | Outcome::NotText { .. } => HAS_ERRORS,
            Outcome::Unreadable(_) => USAGE_OR_IO,
        };
        code = code.max(file_code);
        match format {
            Format::Text => print_check(file, &outcome, notes.as_deref()),
            Format::Json => reports.push(json_report(file, &outcome, notes.as_deref())),
        }
    }
    if format == Format::Json {
        let mut reports = Value::Array(reports);
        escape_json_strings(&mut reports);
        match serde_json::to_string_pretty(&reports) {
            Ok(text) => println!("{text}"),
            Err(err) => {
                complain(&format!("newsctl: cannot write the report: {err}"));
                return USAGE_OR_IO;
            }
        }
    }
    code
}

pub fn print_text(file: &str, outcome: &Outcome) {
    print_check(file, outcome, None);
}

/// Prints what `check` found in one file; `notes` are the editors' notes when they were
/// asked for, merged with the problems in file order.
fn print_check(file: &str, outcome: &Outcome, notes: Option<&[notes::Note]>) {
    let fatal_summary = Summary {
        events: 0,
        left_out: 0,
        errors: 1,
        warnings: 0,
    };
    match outcome {
        Outcome::Loaded(catalog) => {
            // Problem's Display starts with `LINE:COL:`, so the file name completes it.
            let mut lines: Vec<(usize, usize, String)> = catalog
                .problems
                .iter()
                .map(|p| (p.line, p.column, p.to_string()))
                .collect();
            lines.extend(
                notes
                    .unwrap_or_default()
                    .iter()
                    .map(|n| (n.line, n.column, notes::note_line(n))),
            );
            // Stable: at one place, problems keep their order and come before the note.
            lines.sort_by_key(|(line, column, _)| (*line, *column));
            for (_, _, text) in lines {
                say(&format!("{file}:{text}"));
            }
            let more = catalog.problems_not_listed.total();
            if more > 0 {
                say(&format!(
                    "{file}: {more} more problems not listed (only the first {MAX_PROBLEMS} are)"
                ));
            }
            let summary = summary_line(file, &summary_of(catalog));
            match notes {
                Some(notes) => say(&format!("{summary}, {} notes", notes.len())),
                None => say(&summary),
            }
        }
        Outcome::Fatal(fatal) => {
            let (line, column) = fatal.position();
            say(&format!(
                "{file}:{line}:{column}: error: {}",
                fatal_message(fatal)
            ));
            say(&summary_line(file, &fatal_summary));
        }
        Outcome::NotText { line, column } => {
            say(&format!(
                "{file}:{line}:{column}: error: the file is not UTF-8 text"
            ));
            say(&summary_line(file, &fatal_summary));
        }
        Outcome::Unreadable(message) => {
            complain(&format!("{file}: error: cannot read the file: {message}"));
        }
    }
}

/// The JSON parser's syntax messages, in words for someone who edits the file by hand.
const PLAIN_SYNTAX: &[(&str, &str)] = &[
    ("EOF while parsing a value", "the file ends where a value should come: it may have been cut off"),
    ("EOF while parsing a list", "the file ends inside a list (a `[` is not closed with `]`): it may have been cut off"),
    ("EOF while parsing an object", "the file ends inside an object (a `{` is not closed with `}`): it may have been cut off"),
    ("EOF while parsing a string", "the file ends inside a text (a `\"` is not closed)"),
    ("expected value", "a value should come here: a text in double quotes, a number, a list, an object, true, false or null"),
    ("expected ident", "a word here is misspelled: only true, false and null stand without quotes"),
    ("expected `:`", "a `:` should come here, after the field's name"),
    ("expected `,` or `]`", "a `,` (before the list's next item) or a `]` (its end) should come here"),
    ("expected `,` or `}`", "a `,` (before the next field) or a `}` (the object's end) should come here"),
    ("key must be a string", "a field's name must be in double quotes (`\"name\": …`)"),
    ("control character (\\u0000-\\u001F) found while parsing a string", "a text holds a line break or a tab: write a line break as `\\n` and a tab as `\\t`"),
    ("invalid escape", "a backslash in a text must start `\\n`, `\\t`, `\\\"`, `\\\\` or `\\u`: write a backslash itself as `\\\\`"),
    ("trailing characters", "more follows after the file's last `}`"),
];

/// What is wrong with a file that cannot be read, the parser's terse syntax messages said
/// plainly, its own words after them (the browser's editor says its own).
fn fatal_message(fatal: &FatalError) -> String {
    let message = fatal.message();
    let FatalError::Syntax {
        message: parser, ..
    } = fatal
    else {
        return message;
    };
    PLAIN_SYNTAX
        .iter()
        .find(|(said, _)| parser == said)
        .map_or(message, |(_, plain)| {
            format!("not valid JSON: {plain} ({parser})")
        })
}

fn json_report(file: &str, outcome: &Outcome, notes: Option<&[notes::Note]>) -> Value {
    let (events, problems, fatal) = match outcome {
        Outcome::Loaded(catalog) => (
            catalog.events.len(),
            serde_json::to_value(&catalog.problems).unwrap_or(Value::Null),
            Value::Null,
        ),
        Outcome::Fatal(fatal) => {
            let (line, column) = fatal.position();
            let mut value = serde_json::to_value(fatal).unwrap_or_else(|_| json!({}));
            if let Value::Object(map) = &mut value {
                map.insert("line".into(), line.into());
                map.insert("column".into(), column.into());
                map.insert("message".into(), fatal_message(fatal).into());
            }
            (0, json!([]), value)
        }
        Outcome::NotText { line, column } => (
            0,
            json!([]),
            json!({"kind": "encoding", "line": line, "column": column,
                   "message": "the file is not UTF-8 text"}),
        ),
        Outcome::Unreadable(message) => {
            complain(&format!("{file}: error: cannot read the file: {message}"));
            (
                0,
                json!([]),
                json!({"kind": "unreadable", "line": 0, "column": 0,
                       "message": format!("cannot read the file: {message}")}),
            )
        }
    };
    let not_listed = match outcome {
        Outcome::Loaded(catalog) => catalog.problems_not_listed.total(),
        _ => 0,
    };
    let summary = match outcome {
        Outcome::Loaded(catalog) => summary_of(catalog),
        _ => Summary {
            events: 0,
            left_out: 0,
            errors: 1,
            warnings: 0,
        },
    };
    let mut report = json!({
        "file": file,
        "events": events,
        "entries_left_out": summary.left_out,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "problems": problems,
        "problems_not_listed": not_listed,
        "fatal": fatal,
    });
    if let (Some(notes), Value::Object(map)) = (notes, &mut report) {
        map.insert(
            "notes".into(),
            serde_json::to_value(notes).unwrap_or_else(|_| json!([])),
        );
    }
    report
}
