//! `newsctl`: the editors' command-line tool on the same model as the app — checks news files,
//! writes them in their stable form, prints the format's JSON Schema and publishes the site.
//!
//! Each command lives in its own module (`check`, `feeds`, `fmt`, `prerender`, `publish`,
//! `synth`), with the shared option parsing in `args`; this file only picks the command.

use std::process::ExitCode;

use args::{usage_error, USAGE};

mod args;
#[cfg(not(target_arch = "wasm32"))]
mod card;
mod check;
mod feeds;
mod fmt;
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
        "feeds" => feeds::command(rest),
        "fmt" => fmt::command(rest),
        #[cfg(not(target_arch = "wasm32"))]
        "prerender" => prerender::command(rest),
        #[cfg(not(target_arch = "wasm32"))]
        "publish" => publish::command(rest),
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
