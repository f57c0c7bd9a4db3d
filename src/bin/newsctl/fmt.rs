//! `newsctl fmt`: rewrites news files in their one stable form (`model::to_stable_form`), so
//! that an editor's change shows in a diff as the lines it changed and nothing else.

use project_news::model::{json_error_at, to_stable_form, Severity};

use crate::check::{parse, print_text, read_text, Outcome};
use crate::feeds::write_whole;
use crate::output::{complain, say};
use crate::{HAS_ERRORS, OK, USAGE_OR_IO};

/// Runs `newsctl fmt [--check] FILE...`.
pub fn command(args: &[String]) -> u8 {
    let check_only = args.iter().any(|a| a == "--check");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--check").collect();
    if let Some(option) = files.iter().find(|f| f.starts_with("--")) {
        return crate::args::usage_error(&format!("unknown option `{option}`"));
    }
    if files.is_empty() {
        return crate::args::usage_error("`fmt` needs at least one file");
    }
    let mut code = OK;
    for file in files {
        code = code.max(format_file(file, check_only));
    }
    code
}

fn format_file(file: &str, check_only: bool) -> u8 {
    let text = match read_text(file) {
        Ok(text) => text,
        Err(outcome) => {
            print_text(file, &outcome);
            return if matches!(outcome, Outcome::Unreadable(_)) {
                USAGE_OR_IO
            } else {
                HAS_ERRORS
            };
        }
    };
    // A file with errors is refused as `publish` refuses it: every problem is printed and the
    // file is left as it is (rewriting it from what loads would drop what does not).
    let outcome = parse(&text);
    let refused = match &outcome {
        Outcome::Loaded(catalog) => catalog
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error),
        _ => true,
    };
    if refused {
        print_text(file, &outcome);
        complain(&format!("{file}: not rewritten: fix the errors first"));
        return HAS_ERRORS;
    }
    // A section the format does not know is only a warning to `check`, and the file is
    // published with it; the stable form holds the format's sections alone, so such a file is
    // left as it is rather than refused (or rewritten without it).
    let unknown: Vec<&str> = match &outcome {
        Outcome::Loaded(catalog) => catalog
            .problems
            .iter()
            .filter_map(|p| p.message.strip_prefix("unknown section `"))
            .filter_map(|rest| rest.split('`').next())
            .collect(),
        _ => Vec::new(),
    };
    if !unknown.is_empty() {
        say(&format!(
            "{file}: left as it is: the stable form is for the format's sections alone, and the file also has `{}`",
            unknown.join("`, `")
        ));
        return OK;
    }
    let stable = match to_stable_form(&text) {
        Ok(stable) => stable,
        Err(err) => {
            let (line, column, message) = json_error_at(&text, &err);
            complain(&format!("{file}:{line}:{column}: error: {message}"));
            return HAS_ERRORS;
        }
    };
    if stable == text {
        say(&format!("{file}: already in the stable form"));
        OK
    } else if check_only {
        complain(&format!(
            "{file}: not in the stable form (`newsctl fmt {file}` rewrites it)"
        ));
        HAS_ERRORS
    } else {
        match write_whole(std::path::Path::new(file), &stable) {
            Ok(()) => {
                say(&format!("{file}: rewritten in the stable form"));
                OK
            }
            Err(err) => {
                complain(&format!("{file}: cannot write: {err}"));
                USAGE_OR_IO
            }
        }
    }
}
