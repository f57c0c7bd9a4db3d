//! `newsctl synth`: writes a made-up news file of any size, built from a real file's cities,
//! organisations, people and topics, for measuring the app with large archives.

use project_news::model::{Catalog, NewsFile};
use project_news::query::synthetic::synthetic_catalog;

use crate::args::{option, split_options, usage_error};
use crate::check::{load_catalog, Outcome};
use crate::output::complain;
use crate::{OK, USAGE_OR_IO};

/// The seed when none is given, so that two runs without `--seed` write the same file.
pub const DEFAULT_SEED: u64 = 2018;

/// The loader refuses files with more events than this; a bigger synthetic file would only
/// measure the refusal.
pub const MAX_SYNTH_EVENTS: usize = 100_000;

/// The news file (format version 1) of `events` generated events over `base`'s reference
/// lists, as compact JSON: the size a real archive of that length would have on the wire.
pub fn synth_news_json(base: &Catalog, events: usize, seed: u64) -> Result<String, String> {
    let catalog = synthetic_catalog(base, events, seed);
    let file = NewsFile::from(catalog);
    serde_json::to_string(&file).map_err(|err| format!("cannot write the news file: {err}"))
}

/// Runs `newsctl synth --events N [--seed S] FILE`, printing the file to stdout.
pub fn command(args: &[String]) -> u8 {
    let (options, files) = match split_options(args, &["events", "seed"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let [file] = files.as_slice() else {
        return usage_error("`synth` needs exactly one news file to take the reference lists from");
    };
    let Some(events) = option(&options, "events") else {
        return usage_error("`synth` needs `--events N`");
    };
    let events = match events.parse::<usize>() {
        Ok(n) if n <= MAX_SYNTH_EVENTS => n,
        _ => {
            return usage_error(&format!(
                "`--events` must be a whole number from 0 to {MAX_SYNTH_EVENTS}"
            ))
        }
    };
    let seed = match option(&options, "seed").map(str::parse::<u64>) {
        None => DEFAULT_SEED,
        Some(Ok(seed)) => seed,
        Some(Err(_)) => return usage_error("`--seed` must be a whole number"),
    };
    // Say why on stderr: stdout is the generated file.
    let base = match load_catalog(file, report_unusable) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    match synth_news_json(&base, events, seed) {
        Ok(json) => {
            println!("{json}");
            OK
        }
        Err(message) => {
            complain(&format!("newsctl: {message}"));
            USAGE_OR_IO
        }
    }
}

/// Says on stderr why `file` gave no reference lists: stdout is reserved for the generated file.
fn report_unusable(file: &str, outcome: &Outcome) {
    match outcome {
        Outcome::Loaded(_) => {}
        Outcome::Fatal(fatal) => {
            let (line, column) = fatal.position();
            complain(&format!(
                "{file}:{line}:{column}: error: {}",
                fatal.message()
            ));
        }
        Outcome::NotText { line, column } => {
            complain(&format!(
                "{file}:{line}:{column}: error: the file is not UTF-8 text"
            ));
        }
        Outcome::Unreadable(message) => {
            complain(&format!("{file}: error: cannot read the file: {message}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use project_news::model::{parse_news, Severity};
    use project_news::query::synthetic::shipped_catalog;

    fn error_count(catalog: &Catalog) -> usize {
        catalog
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    #[test]
    fn fifty_synthetic_events_load_without_errors() {
        let json = synth_news_json(&shipped_catalog(), 50, DEFAULT_SEED).unwrap();
        let catalog = parse_news(&json).unwrap();
        assert_eq!(error_count(&catalog), 0, "{:#?}", catalog.problems);
        assert_eq!(catalog.events.len(), 50);
    }

    #[test]
    fn synthetic_file_names_its_schema_and_version() {
        let json = synth_news_json(&shipped_catalog(), 3, 7).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["$schema"], "news.schema.json");
        assert_eq!(value["version"], 1);
    }

    #[test]
    fn synthetic_file_is_compact_single_line() {
        let json = synth_news_json(&shipped_catalog(), 5, 7).unwrap();
        assert!(!json.contains('\n'));
    }

    #[test]
    fn same_seed_gives_same_file_and_another_seed_differs() {
        let base = shipped_catalog();
        let a = synth_news_json(&base, 20, 11).unwrap();
        assert_eq!(a, synth_news_json(&base, 20, 11).unwrap());
        assert_ne!(a, synth_news_json(&base, 20, 12).unwrap());
    }

    #[test]
    fn shipped_news_file_serves_as_reference() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/news.json"
        ))
        .unwrap();
        let base = parse_news(&text).unwrap();
        let json = synth_news_json(&base, 50, DEFAULT_SEED).unwrap();
        let catalog = parse_news(&json).unwrap();
        assert_eq!(error_count(&catalog), 0, "{:#?}", catalog.problems);
        assert_eq!(catalog.cities.len(), base.cities.len());
    }

    #[test]
    fn event_count_above_the_loader_limit_is_a_usage_error() {
        let args = vec![
            "--events".to_owned(),
            (MAX_SYNTH_EVENTS + 1).to_string(),
            "news.json".to_owned(),
        ];
        assert_eq!(command(&args), USAGE_OR_IO);
    }
}
