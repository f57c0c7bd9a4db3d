//! The file's top level: its sections, the version, and the lists split into raw entries
//! that are then parsed one by one.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::is_slug;
use super::position::{offset_in, position};
use super::report::{describe_serde_error, Report};
use crate::model::problem::{FatalError, Severity};

/// The sections of the file by name, each still raw. Fails when the text is not JSON, the
/// top level is not an object, or the version is not 1.
pub(super) fn read(text: &str) -> Result<BTreeMap<String, &RawValue>, FatalError> {
    let sections: BTreeMap<String, &RawValue> =
        serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => FatalError::Shape {
                message: "the file must hold one JSON object with `version`, `site` and `events`"
                    .to_owned(),
            },
            _ => {
                let (line, column) = position(text, offset_in(text, e.line(), e.column()));
                FatalError::Syntax {
                    line,
                    column,
                    message: describe_serde_error(&e),
                }
            }
        })?;

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

/// A warning for each section the format does not have.
pub(super) fn warn_unknown(report: &mut Report<'_>, sections: &BTreeMap<String, &RawValue>) {
    for (name, raw) in sections {
        if !KNOWN_SECTIONS.contains(&name.as_str()) {
            report.push(
                Severity::Warning,
                raw.get(),
                name.clone(),
                None,
                format!("unknown section `{name}` is ignored"),
                false,
            );
        }
    }
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
                format!("id `{item_id}` must be lowercase letters, digits and hyphens"),
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
