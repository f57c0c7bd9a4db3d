//! The command line: the usage text, and `--name value` options split from positional
//! arguments.

use crate::output::complain;
use crate::USAGE_OR_IO;

pub const USAGE: &str = "\
newsctl — tools for a project news file

USAGE:
    newsctl check [--format text|json] [--notes] FILE...
        Check news files. Prints each problem as
        FILE:LINE:COL: error|warning: JSON.PATH: message (event `slug`)
        and a summary line per file. Exit code 0: no errors (warnings allowed);
        1: errors; 2: wrong usage or a file that cannot be read.
        --notes: also list the editors' notes (never shown on the site), in file
        order among the problems, as FILE:LINE:COL: note: events[N].note: text
    newsctl fmt [--check] FILE...
        Rewrite news files in their one stable form: keys in the order of the format's
        description, two-space indentation, a final newline, defaults left away. An
        unchanged file keeps its bytes; a changed field changes its own lines. A file
        with errors is left as it is (its problems are printed, exit code 1).
        --check: change nothing; exit code 1 when a file is not in that form.
    newsctl schema
        Print the JSON Schema of the news file (public/data/news.schema.json).
    newsctl feeds [--base-url URL] [--out DIR] FILE
        Write the news feeds of FILE into DIR (default: the current directory).
    newsctl prerender --template HTML --out DIR [--routes /,/en] FILE
        Write every page of the site as HTML into DIR (index.html, en.html,
        events/SLUG.html, en/events/SLUG.html, accessibility pages, 404.html), each
        HTML built from the page template (the built index.html) and FILE; with a
        timeline among them, the files its search answers from before the app has
        arrived (search/).
        --routes: only these pages (comma-separated paths below the base, like
        /,/en or /events/SLUG; /404 is the not-found page).
    newsctl publish --shell DIR --out DIR [--allow-errors] [--base-url URL]
                    [--base-path /PATH/] [--no-compress] FILE
        Write the complete site of FILE into DIR: every page, the feeds and calendars,
        sitemap, robots.txt, manifest, the news file, the search files (search/) and
        .br/.gz siblings, with the app from the shell folder (a built app shell). A
        file with errors is refused: every problem is printed and nothing is written
        (exit code 1). --allow-errors publishes the valid entries and says loudly what
        was left out. Files that would not change are not rewritten; pages of deleted
        events are removed. --no-compress: no .br/.gz siblings (a local development
        build). --base-path: the site lives below this path of its host
        (/projects/news/), not where the shell was built for.
    newsctl synth --events N [--seed S] FILE
        Print a made-up news file of N generated events (for measuring; not news),
        built from FILE's cities, organisations, people and topics. Same seed, same file.
    newsctl --help
        Print this text.
";

pub fn usage_error(message: &str) -> u8 {
    complain(&format!("newsctl: {message}"));
    eprintln!("\n{USAGE}");
    USAGE_OR_IO
}

/// Options as `(name, value)` pairs, then positional arguments.
pub type Split<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);

/// Splits `--name value` / `--name=value` options from positional arguments.
/// `allowed` lists the option names that take a value.
pub fn split_options<'a>(args: &'a [String], allowed: &[&str]) -> Result<Split<'a>, String> {
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
pub fn option<'a>(options: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    options
        .iter()
        .rev()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
}
