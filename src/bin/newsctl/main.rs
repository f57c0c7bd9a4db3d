//! `newsctl`: the editors' command-line tool on the same model as the app — checks news files,
//! prints the format's JSON Schema and writes feeds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use project_news::model::{
    parse_news, Catalog, FatalError, Problem, ProblemCounts, Severity, MAX_PROBLEMS,
};
use serde_json::{json, Value};

mod feeds;
mod notes;
// Rendering pages needs the native (server-side) build of the views.
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
#[cfg(not(target_arch = "wasm32"))]
mod publish;
mod synth;

const USAGE: &str = "\
newsctl — tools for a project news file

USAGE:
    newsctl check [--format text|json] [--notes] FILE...
        Check news files. Prints each problem as
        FILE:LINE:COL: error|warning: JSON.PATH: message (event `slug`)
        and a summary line per file. Exit code 0: no errors (warnings allowed);
        1: errors; 2: wrong usage or a file that cannot be read.
        --notes: also list the editors' notes (never shown on the site), in file
        order among the problems, as FILE:LINE:COL: note: events[N].note: text
    newsctl schema
        Print the JSON Schema of the news file (public/data/news.schema.json).
    newsctl feeds [--base-url URL] [--out DIR] FILE
        Write the news feeds of FILE into DIR (default: the current directory).
    newsctl prerender --template HTML --out DIR [--routes /,/en] FILE
        Write every page of the site as HTML into DIR (index.html, en.html,
        events/SLUG.html, en/events/SLUG.html, accessibility pages, 404.html), each
        HTML built from the page template (the built index.html) and FILE.
        --routes: only these pages (comma-separated paths below the base, like
        /,/en or /events/SLUG; /404 is the not-found page).
    newsctl publish --shell DIR --out DIR [--allow-errors] [--base-url URL]
                    [--base-path /PATH/] [--no-compress] FILE
        Write the complete site of FILE into DIR: every page, the feeds and calendars,
        sitemap, robots.txt, manifest, the news file and .br/.gz siblings, with the app
        from the shell folder (a built app shell). A file with errors is refused: every
        problem is printed and nothing is written (exit code 1). --allow-errors publishes
        the valid entries and says loudly what was left out. Files that would not change
        are not rewritten; pages of deleted events are removed. --no-compress: no
        .br/.gz siblings (a local development build). --base-path: the site lives
        below this path of its host (/projects/news/), not where the shell was built for.
    newsctl synth --events N [--seed S] FILE
        Print a made-up news file of N generated events (for measuring; not news),
        built from FILE's cities, organisations, people and topics. Same seed, same file.
    newsctl --help
        Print this text.
";

/// Exit codes, worst last so that several files combine with `max`.
const OK: u8 = 0;
const HAS_ERRORS: u8 = 1;
const USAGE_OR_IO: u8 = 2;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&args))
}

fn run(args: &[String]) -> u8 {
    if args.iter().any(|a| a == "--help" || a == "-h") || args.first().is_some_and(|a| a == "help")
    {
        print!("{USAGE}");
        return OK;
    }
    let Some((command, rest)) = args.split_first() else {
        return usage_error("no command given");
    };
    match command.as_str() {
        "check" => check_command(rest),
        "schema" if rest.is_empty() => print_schema(),
        "schema" => usage_error("`schema` takes no arguments"),
        "feeds" => feeds_command(rest),
        #[cfg(not(target_arch = "wasm32"))]
        "prerender" => prerender_command(rest),
        #[cfg(not(target_arch = "wasm32"))]
        "publish" => publish_command(rest),
        "synth" => synth::command(rest),
        other => usage_error(&format!("unknown command `{other}`")),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn print_schema() -> u8 {
    print!("{}", project_news::model::schema::news_schema_json());
    OK
}

/// The schema generator is a native-only dependency; the tool is only ever run natively, but
/// the browser test build compiles every binary of the crate.
#[cfg(target_arch = "wasm32")]
fn print_schema() -> u8 {
    usage_error("`schema` is not available in this build")
}

fn usage_error(message: &str) -> u8 {
    complain(&format!("newsctl: {message}"));
    eprintln!("\n{USAGE}");
    USAGE_OR_IO
}

/// Options as `(name, value)` pairs, then positional arguments.
type Split<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);

/// Splits `--name value` / `--name=value` options from positional arguments.
/// `allowed` lists the option names that take a value.
fn split_options<'a>(args: &'a [String], allowed: &[&str]) -> Result<Split<'a>, String> {
    let mut options = Vec::new();
    let mut positional = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            positional.extend(iter.by_ref().map(String::as_str));
            break;
        }
        if let Some(option) = arg.strip_prefix("--") {
            let (name, inline) = match option.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (option, None),
            };
            if !allowed.contains(&name) {
                return Err(format!("unknown option `--{name}`"));
            }
            let value = match inline {
                Some(value) => value,
                None => iter
                    .next()
                    .map(String::as_str)
                    .ok_or_else(|| format!("option `--{name}` needs a value"))?,
            };
            options.push((name, value));
        } else if arg.starts_with('-') && arg.len() > 1 {
            return Err(format!("unknown option `{arg}`"));
        } else {
            positional.push(arg.as_str());
        }
    }
    Ok((options, positional))
}

/// The last value given for an option.
fn option<'a>(options: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    options
        .iter()
        .rev()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
}

/// What became of one file.
enum Outcome {
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
fn load_catalog(file: &str, report: fn(&str, &Outcome)) -> Result<Box<Catalog>, u8> {
    match load(file) {
        Outcome::Loaded(catalog) => Ok(catalog),
        outcome => {
            report(file, &outcome);
            Err(match outcome {
                Outcome::Unreadable(_) => USAGE_OR_IO,
                _ => HAS_ERRORS,
            })
        }
    }
}

fn load(path: &str) -> Outcome {
    match read_text(path) {
        Ok(text) => parse(&text),
        Err(outcome) => outcome,
    }
}

/// The file's text, or why there is none.
fn read_text(path: &str) -> Result<String, Outcome> {
    let bytes = std::fs::read(path).map_err(|err| Outcome::Unreadable(err.to_string()))?;
    String::from_utf8(bytes).map_err(|err| {
        // Point at the first byte that is not UTF-8, as an editor would look for it.
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Outcome::NotText { line, column }
    })
}

fn parse(text: &str) -> Outcome {
    match parse_news(text) {
        Ok(catalog) => Outcome::Loaded(Box::new(catalog)),
        Err(fatal) => Outcome::Fatal(fatal),
    }
}

/// Counts for the summary line.
struct Summary {
    events: usize,
    left_out: usize,
    errors: usize,
    warnings: usize,
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

fn summary_of(catalog: &Catalog) -> Summary {
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

/// Text from the file (slugs, ids, addresses, serde's quotes of bad values) with its control
/// characters written as `\u{1b}`: printed raw, an ESC could recolour or rewrite the terminal,
/// and a CR or LF could forge a line, such as a CI annotation. Bidirectional overrides and
/// Unicode line separators, which can make a line read other than it is, likewise.
fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Every string in a JSON report with [`escape_controls`]: JSON escapes them for the parser,
/// but whoever prints a message from the report would print them raw.
fn escape_json_strings(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(escaped) = escape_controls(text) {
                *text = escaped;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(escape_json_strings),
        Value::Object(map) => map.values_mut().for_each(escape_json_strings),
        _ => {}
    }
}

/// Prints one line of the report, escaped.
fn say(line: &str) {
    println!("{}", escape_controls(line));
}

/// Prints one line to stderr, escaped.
fn complain(line: &str) {
    eprintln!("{}", escape_controls(line));
}

fn check_command(args: &[String]) -> u8 {
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

fn print_text(file: &str, outcome: &Outcome) {
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
                fatal.message()
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
                map.insert("message".into(), fatal.message().into());
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

fn feeds_command(args: &[String]) -> u8 {
    let (options, files) = match split_options(args, &["base-url", "out"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let [file] = files.as_slice() else {
        return usage_error("`feeds` needs exactly one news file");
    };
    let out_dir = PathBuf::from(option(&options, "out").unwrap_or("."));
    let base_url = option(&options, "base-url");
    let catalog = match load_catalog(file, print_text) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    let errors = summary_of(&catalog).errors;
    if errors > 0 {
        // Feeds still carry the good events, as the site does; the editor should know.
        complain(&format!(
            "{file}: {errors} errors; run `newsctl check {file}` for details"
        ));
    }
    write_feeds(&catalog, &out_dir, base_url)
}

#[cfg(not(target_arch = "wasm32"))]
fn prerender_command(args: &[String]) -> u8 {
    let (options, files) = match split_options(args, &["template", "out", "routes"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let [file] = files.as_slice() else {
        return usage_error("`prerender` needs exactly one news file");
    };
    let (Some(template_file), Some(out_dir)) =
        (option(&options, "template"), option(&options, "out"))
    else {
        return usage_error("`prerender` needs --template and --out");
    };
    let routes = match option(&options, "routes").map(prerender::parse_routes) {
        None => None,
        Some(Ok(routes)) => Some(routes),
        Some(Err(message)) => return usage_error(&message),
    };
    let template = match std::fs::read_to_string(template_file) {
        Ok(text) => text,
        Err(err) => {
            complain(&format!(
                "newsctl: cannot read the template {template_file}: {err}"
            ));
            return USAGE_OR_IO;
        }
    };
    let catalog = match load_catalog(file, print_text) {
        Ok(catalog) => *catalog,
        Err(code) => return code,
    };
    match prerender::run(catalog, &template, Path::new(out_dir), routes.as_deref()) {
        Ok(written) => {
            say(&format!(
                "prerendered {} pages into {out_dir}",
                written.len()
            ));
            OK
        }
        Err(message) => {
            complain(&format!("newsctl: {message}"));
            USAGE_OR_IO
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn publish_command(args: &[String]) -> u8 {
    // The options without a value.
    let flag = |name: &str| args.iter().any(|a| a == name);
    let (allow_errors, compress) = (flag("--allow-errors"), !flag("--no-compress"));
    let args: Vec<String> = args
        .iter()
        .filter(|a| *a != "--allow-errors" && *a != "--no-compress")
        .cloned()
        .collect();
    let (options, files) = match split_options(&args, &["shell", "out", "base-url", "base-path"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let [file] = files.as_slice() else {
        return usage_error("`publish` needs exactly one news file");
    };
    let (Some(shell), Some(out)) = (option(&options, "shell"), option(&options, "out")) else {
        return usage_error("`publish` needs --shell and --out");
    };
    let (shell, out) = (Path::new(shell), Path::new(out));
    if let (Ok(a), Ok(b)) = (shell.canonicalize(), out.canonicalize()) {
        if a == b {
            return usage_error("--out must be another folder than --shell (the shell's index.html is the page template)");
        }
    }
    let news_bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("{file}: error: cannot read the file: {err}");
            return USAGE_OR_IO;
        }
    };
    let catalog = match load_catalog(file, print_text) {
        Ok(catalog) => *catalog,
        Err(code) => {
            eprintln!("newsctl: {file} was not published: nothing was written");
            return code;
        }
    };
    let summary = summary_of(&catalog);
    if summary.errors > 0 {
        print_text(file, &Outcome::Loaded(Box::new(catalog.clone())));
        if !allow_errors {
            eprintln!(
                "newsctl: {file} has {} errors: it was not published and nothing was written. \
                 Fix the errors above (`newsctl check {file}` lists them again), or publish the \
                 valid entries with --allow-errors.",
                summary.errors
            );
            return HAS_ERRORS;
        }
    } else {
        for problem in &catalog.problems {
            say(&format!("{file}:{problem}"));
        }
    }
    let left_out: Vec<String> = catalog
        .problems
        .iter()
        .filter(|p| p.entry_dropped)
        .map(|p| format!("  {file}:{p}"))
        .collect();
    let options = publish::Options {
        shell,
        out,
        news_bytes: &news_bytes,
        base_url: option(&options, "base-url"),
        base_path: option(&options, "base-path"),
        compress,
    };
    match publish::run(catalog, &options) {
        Ok(t) => {
            println!(
                "published {file} into {}: {} pages written, {} unchanged, {} removed; \
                 {} other files written, {} unchanged, {} removed",
                out.display(),
                t.pages_written,
                t.pages_unchanged,
                t.pages_removed,
                t.files_written,
                t.files_unchanged,
                t.files_removed
            );
            if summary.errors > 0 {
                eprintln!(
                    "\nWARNING: published WITH {} ERRORS (--allow-errors). {} entries were LEFT \
                     OUT of the site and references to unknown ids were dropped:",
                    summary.errors, summary.left_out
                );
                for line in &left_out {
                    complain(line);
                }
            }
            OK
        }
        Err(message) => {
            eprintln!("newsctl: {message}");
            USAGE_OR_IO
        }
    }
}

/// Writes the feeds and lists what was written.
fn write_feeds(catalog: &Catalog, out_dir: &Path, base_url: Option<&str>) -> u8 {
    match feeds::run(catalog, out_dir, base_url) {
        Ok(paths) => {
            for path in paths {
                say(&format!("wrote {}", path.display()));
            }
            OK
        }
        Err(message) => {
            complain(&format!("newsctl: {message}"));
            USAGE_OR_IO
        }
    }
}
