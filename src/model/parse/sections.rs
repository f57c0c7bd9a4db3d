//! The file's top level: its sections, the version, and the lists split into raw entries
//! that are then parsed one by one.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashSet};

use std::fmt;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::is_slug;
use super::position::{offset_in, offset_of, position};
use super::report::Report;
use crate::model::problem::{FatalError, Severity};

/// The sections of the file by name, each still raw. Fails when the text is not JSON, the
/// top level is not an object, or the version is not 1.
pub(super) fn read(text: &str) -> Result<BTreeMap<String, &RawValue>, FatalError> {
    let Sections { sections, repeated } =
        serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => FatalError::Shape {
                message: "the file must hold one JSON object with `version`, `site` and `events`"
                    .to_owned(),
            },
            _ => match trailing_comma(text, e.line(), e.column()) {
                Some((line, column, bracket)) => FatalError::Syntax {
                    line,
                    column,
                    message: format!(
                        "a comma before `{bracket}` with nothing after it: remove the comma"
                    ),
                },
                None => {
                    let (line, column, message) = super::json_error_at(text, &e);
                    FatalError::Syntax {
                        line,
                        column,
                        message,
                    }
                }
            },
        })?;
    // A reader keeps one of the two, which one depends on the reader: the app and the
    // validator would read different files.
    if let Some((name, value)) = repeated {
        let (line, column) = position(text, name_before(text, offset_of(text, value.get())));
        return Err(FatalError::Repeated { line, column, name });
    }

    match sections.get("version").map(|v| v.get().trim()) {
        Some("1") => {}
        Some(other) => {
            return Err(FatalError::Version {
                found: other.to_owned(),
            })
        }
        None => {
            return Err(FatalError::Shape {
                message: "the file has no `version` (this app reads version 1)".to_owned(),
            })
        }
    }
    Ok(sections)
}

/// The line and column of a comma that has only blanks and a closing bracket after it, and
/// that bracket, when the JSON parser's syntax error at `line` and `column` (its own count) is
/// that bracket: JSON allows no comma after a list's or an object's last member, a slip that
/// hand-edited files often have, and the parser names neither the comma nor where it is.
pub fn trailing_comma(text: &str, line: usize, column: usize) -> Option<(usize, usize, char)> {
    // The parser's column is the bracket's (in bytes); anything else is no such slip.
    let at = offset_in(text, line, column);
    let upto = text.get(..at.saturating_add(1).min(text.len()))?.trim_end();
    let bracket = upto.chars().last().filter(|c| matches!(c, '}' | ']'))?;
    let before = upto[..upto.len() - 1].trim_end();
    before.strip_suffix(',').map(|rest| {
        let (line, column) = position(text, rest.len());
        (line, column, bracket)
    })
}

/// The top level's members, and the first name that comes a second time (with its second
/// value).
struct Sections<'a> {
    sections: BTreeMap<String, &'a RawValue>,
    repeated: Option<(String, &'a RawValue)>,
}

impl<'de> Deserialize<'de> for Sections<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Sections<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Sections {
                    sections: BTreeMap::new(),
                    repeated: None,
                };
                while let Some((name, value)) = map.next_entry::<String, &RawValue>()? {
                    match out.sections.entry(name) {
                        Entry::Occupied(first) => {
                            out.repeated.get_or_insert((first.key().clone(), value));
                        }
                        Entry::Vacant(place) => {
                            place.insert(value);
                        }
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// Where the member name before the value at `value` starts (its opening quote), so that a
/// problem of the name points at it; `value` itself when the text there is not `"name":`.
fn name_before(text: &str, value: usize) -> usize {
    let before = text[..value].trim_end();
    let Some(before) = before.strip_suffix(':').map(str::trim_end) else {
        return value;
    };
    let Some(inside) = before.strip_suffix('"') else {
        return value;
    };
    // The opening quote is the last one that is not escaped.
    let mut at = inside.len();
    while let Some(quote) = inside[..at].rfind('"') {
        let backslashes = inside[..quote].len() - inside[..quote].trim_end_matches('\\').len();
        if backslashes % 2 == 0 {
            return quote;
        }
        at = quote;
    }
    value
}

/// A warning for each section the format does not have, and an error for one nested deeper
/// than anything of the file may be (it is published as it is, and `newsctl fmt` would refuse
/// it); `$schema`, the address of the format's schema, must be a string.
pub(super) fn warn_unknown(report: &mut Report<'_>, sections: &BTreeMap<String, &RawValue>) {
    for (name, raw) in sections {
        let text = raw.get();
        let mut say = |severity, message: String| {
            report.push(severity, text, name.clone(), None, message, false);
        };
        if name == "$schema" && !text.starts_with('"') {
            say(
                Severity::Error,
                "`$schema` must be a string: the address of the format's schema".to_owned(),
            );
        } else if !KNOWN_SECTIONS.contains(&name.as_str()) {
            say(
                Severity::Warning,
                format!("unknown section `{name}` is ignored"),
            );
            if nested_deeper(text, MAX_DEPTH) {
                say(
                    Severity::Error,
                    format!("nested deeper than {MAX_DEPTH} levels"),
                );
            }
        }
    }
}

/// How deep lists and objects may be nested, as the JSON reader allows for every entry.
const MAX_DEPTH: usize = 128;

/// Whether the JSON value `text` opens more than `limit` lists or objects inside one another
/// (brackets inside strings are text).
fn nested_deeper(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Splits a section that should be an array into its raw entries.
pub(super) fn raw_list<'a>(
    report: &mut Report<'_>,
    sections: &BTreeMap<String, &'a RawValue>,
    name: &str,
    required: bool,
) -> Result<Vec<&'a RawValue>, FatalError> {
    let Some(raw) = sections.get(name) else {
        if required {
            return Err(FatalError::Shape {
                message: format!("the file has no `{name}` list"),
            });
        }
        return Ok(Vec::new());
    };
    match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
        Ok(list) => Ok(list),
        Err(_) if required => Err(FatalError::Shape {
            message: format!("`{name}` must be a list (a JSON array)"),
        }),
        Err(_) => {
            report.push(
                Severity::Error,
                raw.get(),
                name.to_owned(),
                None,
                "must be a list (a JSON array); the whole list was left out".to_owned(),
                true,
            );
            Ok(Vec::new())
        }
    }
}

/// The file's top-level members, in the format's order.
pub(crate) const KNOWN_SECTIONS: [&str; 8] = [
    "$schema",
    "version",
    "site",
    "cities",
    "organisations",
    "people",
    "topics",
    "events",
];

/// Parses a reference list entry by entry, checking ids. Each kept item comes with its index
/// in the file.
pub(super) fn parse_list<T: DeserializeOwned>(
    report: &mut Report<'_>,
    raws: &[&RawValue],
    section: &str,
    id: impl Fn(&T) -> &str,
) -> Vec<(usize, T)> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        let path = format!("{section}[{i}]");
        let Some(item) = report.entry::<T>(raw, &path) else {
            continue;
        };
        let item_id = id(&item).to_owned();
        if !is_slug(&item_id) {
            report.push_in(
                Severity::Error,
                raw.get(),
                "id",
                format!("{path}.id"),
                None,
                format!(
                    "id `{}` must be lowercase letters, digits and single hyphens, at most {} characters",
                    super::shown_slug(&item_id),
                    super::MAX_SLUG_BYTES
                ),
                true,
            );
        } else if !seen.insert(item_id.clone()) {
            report.push_in(
                Severity::Error,
                raw.get(),
                "id",
                format!("{path}.id"),
                None,
                format!("id `{item_id}` is used by an earlier entry"),
                true,
            );
        } else {
            out.push((i, item));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_name_is_found_at_its_opening_quote() {
        let at = |text: &str, value: &str| name_before(text, text.rfind(value).unwrap());
        assert_eq!(at(r#"{"a": 1, "events": [], "events" : []}"#, "[]"), 23);
        // An escaped quote inside the name is part of it.
        let text = r#"{"x\"y": 1, "x\"y":2}"#;
        assert_eq!(at(text, "2"), 12);
        // Not a name before the value (a hand-made offset): the value itself.
        assert_eq!(name_before("[1, 2]", 4), 4);
    }
}
