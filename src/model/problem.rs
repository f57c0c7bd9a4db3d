//! What can be wrong with a news file, said so that an editor can find and fix it.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file is still usable, but something should be fixed (a missing translation).
    Warning,
    /// Wrong data: an entry was left out, or a reference in it was dropped.
    Error,
}

/// One thing wrong with one place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path of the offending value, e.g. `events[3].participants.cities[1]`.
    pub path: String,
    /// 1-based line and column in the file, where known.
    pub line: usize,
    pub column: usize,
    /// The event's slug, when the problem is inside an event that has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub message: String,
    /// True when the whole entry was left out because of this problem.
    pub entry_dropped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {level}: {}: {}", self.line, self.column, self.path, self.message)?;
        if let Some(slug) = &self.slug {
            write!(f, " (event `{slug}`)")?;
        }
        if self.entry_dropped {
            write!(f, " [entry left out]")?;
        }
        Ok(())
    }
}

/// Why a news file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FatalError {
    /// The text is not JSON (or is cut off).
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The top level is not an object with the required sections.
    Shape { message: String },
    /// A format version this app does not know.
    Version { found: String },
    /// Larger than the app is willing to read.
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for FatalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FatalError::Syntax {
                line,
                column,
                message,
            } => write!(f, "{line}:{column}: not valid JSON: {message}"),
            FatalError::Shape { message } => write!(f, "1:1: {message}"),
            FatalError::Version { found } => write!(
                f,
                "1:1: format version {found} is not supported: this app reads version 1"
            ),
            FatalError::TooLarge { bytes, limit } => {
                write!(f, "the file has {bytes} bytes; the limit is {limit}")
            }
        }
    }
}

impl std::error::Error for FatalError {}
