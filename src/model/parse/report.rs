//! The problems of one load: each entry is parsed into its type, and what is wrong with it
//! is collected with the place in the file it points at.

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::json_path::walk;
use super::position::{offset_in, offset_of, positions};
use super::{MAX_ENTRY_BYTES, MAX_PROBLEMS};
use crate::model::problem::{Problem, ProblemCounts, Severity};

/// Collects problems, each with the byte offset it points at; lines and columns are worked
/// out at the end, for the kept problems only ([`Report::finish`]).
pub(super) struct Report<'a> {
    text: &'a str,
    pub(super) problems: Vec<(usize, Problem)>,
    not_listed: ProblemCounts,
}

impl<'a> Report<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            problems: Vec::new(),
            not_listed: ProblemCounts::default(),
        }
    }

    /// Whether one more problem is listed; if not, it is counted.
    fn keeps(&mut self, severity: Severity, entry_dropped: bool) -> bool {
        if self.problems.len() < MAX_PROBLEMS {
            return true;
        }
        match severity {
            Severity::Error => self.not_listed.errors += 1,
            Severity::Warning => self.not_listed.warnings += 1,
        }
        if entry_dropped {
            self.not_listed.entries_dropped += 1;
        }
        false
    }

    fn add(
        &mut self,
        severity: Severity,
        offset: usize,
        path: String,
        slug: Option<&str>,
        message: String,
        entry_dropped: bool,
    ) {
        let problem = Problem {
            severity,
            path,
            line: 0,
            column: 0,
            slug: slug.map(str::to_owned),
            message,
            entry_dropped,
        };
        self.problems.push((offset, problem));
    }

    /// A problem that points at `at`, a slice of the file.
    pub(super) fn push(
        &mut self,
        severity: Severity,
        at: &str,
        path: String,
        slug: Option<&str>,
        message: String,
        entry_dropped: bool,
    ) {
        if self.keeps(severity, entry_dropped) {
            let offset = offset_of(self.text, at);
            self.add(severity, offset, path, slug, message, entry_dropped);
        }
    }

    /// A problem that points at the value `sub` (`a.b[2]`) inside `entry`, a slice of the file.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn push_in(
        &mut self,
        severity: Severity,
        entry: &str,
        sub: &str,
        path: String,
        slug: Option<&str>,
        message: String,
        entry_dropped: bool,
    ) {
        if self.keeps(severity, entry_dropped) {
            let offset = offset_of(self.text, entry) + walk(entry, sub).0;
            self.add(severity, offset, path, slug, message, entry_dropped);
        }
    }

    /// Parses one entry; a failure becomes a problem that points into the entry.
    pub(super) fn entry<T: DeserializeOwned>(&mut self, raw: &RawValue, path: &str) -> Option<T> {
        let text = raw.get();
        if text.len() > MAX_ENTRY_BYTES {
            self.push(
                Severity::Error,
                text,
                path.to_owned(),
                None,
                format!(
                    "entry has {} bytes; at most {MAX_ENTRY_BYTES} are read",
                    text.len()
                ),
                true,
            );
            return None;
        }
        match deserialize_tracked::<T>(text) {
            Ok(value) => Some(value),
            Err((inner_path, inner)) => {
                if !self.keeps(Severity::Error, true) {
                    return None;
                }
                let full_path = if inner_path == "." || inner_path.is_empty() {
                    path.to_owned()
                } else if inner_path.starts_with('[') {
                    format!("{path}{inner_path}")
                } else {
                    format!("{path}.{inner_path}")
                };
                // serde stops at the end of the bad value (or of its object, for a missing
                // field); an editor looks for the value's start.
                let local = match walk(text, &inner_path) {
                    (value, true) => value,
                    _ => offset_in(text, inner.line(), inner.column()),
                };
                let offset = offset_of(self.text, text) + local;
                let slug = slug_of(text);
                let message = describe_serde_error(&inner);
                self.add(
                    Severity::Error,
                    offset,
                    full_path,
                    slug.as_deref(),
                    message,
                    true,
                );
                None
            }
        }
    }

    /// The kept problems in file order (as an editor walks the file; stable, so one place
    /// keeps its check order), with their lines and columns.
    pub(super) fn finish(mut self) -> (Vec<Problem>, ProblemCounts) {
        self.problems.sort_by_key(|(offset, _)| *offset);
        let found = positions(self.text, self.problems.iter().map(|(offset, _)| *offset));
        let problems = self
            .problems
            .into_iter()
            .zip(found)
            .map(|((_, mut problem), (line, column))| {
                problem.line = line;
                problem.column = column;
                problem
            })
            .collect();
        (problems, self.not_listed)
    }
}

/// The slug of an entry that failed to parse, to help find it.
fn slug_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct SlugOnly {
        slug: Option<String>,
    }
    serde_json::from_str::<SlugOnly>(text)
        .ok()
        .and_then(|s| s.slug)
}

/// Deserializes one entry, with the JSON path of the first error where it can be had.
///
/// The path tracker doubles the deserialisation code, so only the validator's builds (newsctl,
/// the editor) carry it; the visitors' browser reports the entry and the line and column.
#[cfg(feature = "tracked-paths")]
fn deserialize_tracked<T: DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|err| {
        let path = err.path().to_string();
        (path, err.into_inner())
    })
}

#[cfg(not(feature = "tracked-paths"))]
fn deserialize_tracked<T: DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    serde_json::from_str(text).map_err(|err| (String::new(), err))
}

/// serde's message without its own " at line X column Y" tail (we give positions ourselves).
pub(super) fn describe_serde_error(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}
