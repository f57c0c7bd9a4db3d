//! `newsctl`: the editors' command-line tool on the same model as the app — checks news files,
//! prints the format's JSON Schema and writes feeds.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use project_news::model::Catalog;

use args::{option, split_options, usage_error, USAGE};
use check::{load_catalog, print_text, summary_of};
use output::{complain, say};

mod args;
mod check;
mod feeds;
mod notes;
mod output;
// Rendering pages needs the native (server-side) build of the views.
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
#[cfg(not(target_arch = "wasm32"))]
mod publish;
mod synth;

/// Exit codes, worst last so that several files combine with `max`.
const OK: u8 = 0;
const HAS_ERRORS: u8 = 1;
const USAGE_OR_IO: u8 = 2;

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
        "check" => check::command(rest),
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
        print_text(file, &check::Outcome::Loaded(Box::new(catalog.clone())));
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
