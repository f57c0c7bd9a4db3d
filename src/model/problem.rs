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
    /// True when the whole entry was left out because of this problem. When several problems
    /// leave out the same entry, only the first carries it, so the flags count entries.
    pub entry_dropped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}: {level}: {}: {}",
            self.line, self.column, self.path, self.message
        )?;
        if let Some(slug) = &self.slug {
            write!(f, " (event `{slug}`)")?;
        }
        if self.entry_dropped {
            write!(f, " [entry left out]")?;
        }
        Ok(())
    }
}

/// Problems found after the kept ones ran out (see [`super::MAX_PROBLEMS`]): counted, not
/// listed, so the totals stay right while a hostile file cannot make the list (and its cost)
/// grow without end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ProblemCounts {
    pub errors: usize,
    pub warnings: usize,
    /// Entries left out because of a problem that was not kept.
    pub entries_dropped: usize,
}

impl ProblemCounts {
    pub fn total(&self) -> usize {
        self.errors + self.warnings
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
    /// The `site` object cannot be read, at `line` and `column`: without it nothing can be
    /// shown. `message` names the field and what is wrong with it.
    Site {
        line: usize,
        column: usize,
        message: String,
    },
    /// A top-level member named twice: readers would keep different ones.
    Repeated {
        line: usize,
        column: usize,
        name: String,
    },
    /// A format version this app does not know.
    Version { found: String },
    /// Larger than the app is willing to read.
    TooLarge { bytes: usize, limit: usize },
}

impl FatalError {
    /// 1-based line and column the error points at; the top of the file when it concerns
    /// the file as a whole.
    pub fn position(&self) -> (usize, usize) {
        match self {
            FatalError::Syntax { line, column, .. }
            | FatalError::Repeated { line, column, .. }
            | FatalError::Site { line, column, .. } => ((*line).max(1), (*column).max(1)),
            _ => (1, 1),
        }
    }

    /// What is wrong, without the position.
    pub fn message(&self) -> String {
        match self {
            FatalError::Syntax { message, .. } => format!("not valid JSON: {message}"),
            FatalError::Shape { message } => message.clone(),
            FatalError::Site { message, .. } => {
                format!("the `site` object is not valid: {message}")
            }
            FatalError::Repeated { name, .. } => {
                format!("`{name}` is named a second time here: keep one of the two and remove the other")
            }
            FatalError::Version { found } => {
                format!("format version {found} is not supported: this app reads version 1")
            }
            FatalError::TooLarge { bytes, limit } => {
                format!("the file has {bytes} bytes; at most {limit} are read")
            }
        }
    }
}

impl fmt::Display for FatalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (line, column) = self.position();
        write!(f, "{line}:{column}: {}", self.message())
    }
}

impl std::error::Error for FatalError {}
