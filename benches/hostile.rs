//! What a hostile or merely large news file costs against a clean file of the same size:
//! `newsctl check` (the build's gate) and `parse_news` in this process (the validator's
//! parser; the browser reads a published file with `load_published`, timed in the browser by
//! `benches/hostile-browser.mjs`).
//!
//! Files, all minified and written to a temporary folder:
//! - `clean`: 10,000 generated events (as `newsctl synth --events 10000` writes them, about
//!   11 MB);
//! - `warnings`: the same events without their English title and summary (20,000 warnings),
//!   the bytes taken out put back as plain words, so it is as large as `clean`;
//! - `crafted`: 20 unknown topic ids per event and `[`×3000 + `[a](`×300 appended to each
//!   body, and `crafted-clean`, the same size with plain words instead.
//!
//! Run with
//!
//! ```text
//! cargo build --release --locked --bin newsctl && cargo bench --locked --bench hostile
//! ```
//!
//! The `newsctl` timed is `NEWSCTL`, or the release build in the target folder. (Built in
//! the same cargo run as the bench, the library would be compiled twice, for `panic =
//! "abort"` and for the bench, into the same file name: the cdylib crate type gives it no
//! hash.) `NEWSCTL_BEFORE=/path/to/newsctl` also times another build of newsctl on the same
//! files (each run stopped after `NEWSCTL_TIMEOUT_S` seconds, 120 by default), for
//! before/after figures.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use project_news::model::{parse_news, NewsFile};
use project_news::query::synthetic::{shipped_catalog, synthetic_catalog};
use serde_json::{json, Value};

const EVENTS: usize = 10_000;
/// `newsctl synth`'s default seed, so `clean` is the file that command writes.
const SEED: u64 = 2018;
const RUNS: usize = 3;

fn synthetic_file() -> Value {
    let catalog = synthetic_catalog(&shipped_catalog(), EVENTS, SEED);
    let file = NewsFile::from(catalog);
    serde_json::to_value(&file).expect("the generated file serialises")
}

/// Appends `extra` to every event's English body (made when the event has none).
fn append_to_bodies(doc: &mut Value, extra: &dyn Fn(usize) -> String) {
    let Some(events) = doc["events"].as_array_mut() else {
        return;
    };
    for (i, event) in events.iter_mut().enumerate() {
        if event.get("body").is_none_or(Value::is_null) {
            event["body"] = json!({"bg": "Текст.", "en": "Text."});
        }
        if let Some(Value::String(en)) = event["body"].get_mut("en") {
            en.push(' ');
            en.push_str(&extra(i));
        }
    }
}

fn for_each_event(doc: &mut Value, change: impl Fn(&mut Value)) {
    if let Some(events) = doc["events"].as_array_mut() {
        events.iter_mut().for_each(change);
    }
}

/// Plain words of about `bytes` bytes.
fn words(bytes: usize) -> String {
    "word ".repeat(bytes / 5)
}

struct Case {
    name: &'static str,
    what: &'static str,
    /// The clean file of the same size it is compared with.
    twin: Option<&'static str>,
    text: String,
}

fn cases() -> Vec<Case> {
    let base = synthetic_file();
    let clean = base.to_string();

    let mut warnings = base.clone();
    for_each_event(&mut warnings, |e| {
        let mut removed = 0;
        for field in ["title", "summary"] {
            if let Some(Value::String(en)) = e[field].as_object_mut().and_then(|t| t.remove("en")) {
                // The text, its quotes, the key and a comma.
                removed += en.len() + 8;
            }
        }
        if e.get("body").is_none_or(Value::is_null) {
            e["body"] = json!({"bg": "Текст.", "en": "Text."});
        }
        if let Some(Value::String(en)) = e["body"].get_mut("en") {
            en.push_str(&words(removed));
        }
    });

    let runs = format!("{}{}", "[".repeat(3000), "[a](".repeat(300));
    let ids: Vec<String> = (0..20).map(|k| format!("unknown-topic-{k:02}")).collect();
    let mut crafted = base.clone();
    append_to_bodies(&mut crafted, &|_| runs.clone());
    for_each_event(&mut crafted, |e| {
        if let Some(topics) = e["topics"].as_array_mut() {
            topics.extend(ids.iter().map(|id| json!(id)));
        }
    });
    // The ids' bytes (with quotes and commas) go into the plain twin's body instead.
    let id_bytes: usize = ids.iter().map(|id| id.len() + 3).sum();
    let mut crafted_clean = base.clone();
    append_to_bodies(&mut crafted_clean, &|_| words(runs.len() + id_bytes));

    vec![
        Case {
            name: "clean",
            what: "newsctl synth --events 10000",
            twin: None,
            text: clean,
        },
        Case {
            name: "warnings",
            what: "no English title and summary: 20,000 warnings",
            twin: Some("clean"),
            text: warnings.to_string(),
        },
        Case {
            name: "crafted-clean",
            what: "plain words to the crafted file's size",
            twin: None,
            text: crafted_clean.to_string(),
        },
        Case {
            name: "crafted",
            what: "20 unknown topic ids per event, `[`×3000 + `[a](`×300 per body",
            twin: Some("crafted-clean"),
            text: crafted.to_string(),
        },
    ]
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1000.0)
}

/// Median wall time of `newsctl check FILE` (output discarded), or None when a run took
/// longer than `limit` (then it is stopped).
fn time_check(newsctl: &Path, file: &Path, limit: Duration) -> Option<Duration> {
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let mut child = Command::new(newsctl)
            .arg("check")
            .arg(file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        loop {
            if child.try_wait().ok()?.is_some() {
                break;
            }
            if started.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        times.push(started.elapsed());
    }
    Some(median(times))
}

fn main() {
    // HOSTILE_DIR keeps the files (benches/hostile-browser.mjs loads them in the browser).
    let keep = std::env::var_os("HOSTILE_DIR").is_some();
    let dir = std::env::var_os("HOSTILE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::temp_dir().join(format!("news-hostile-{}", std::process::id()))
        });
    if let Err(err) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot make {}: {err}", dir.display());
        std::process::exit(2);
    }
    let before = std::env::var_os("NEWSCTL_BEFORE").map(PathBuf::from);
    let limit = Duration::from_secs(
        std::env::var("NEWSCTL_TIMEOUT_S")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(120),
    );
    let newsctl = std::env::var_os("NEWSCTL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
                .join("release")
                .join("newsctl")
        });
    if !newsctl.exists() {
        eprintln!(
            "no newsctl at {}: build it first (cargo build --release --locked --bin newsctl) or \
             set NEWSCTL",
            newsctl.display()
        );
        std::process::exit(2);
    }

    println!(
        "| file | size | problems (listed + counted) | parse_news | newsctl check |{}",
        if before.is_some() { " before |" } else { "" }
    );
    println!(
        "|---|---:|---:|---:|---:|{}",
        if before.is_some() { "---:|" } else { "" }
    );
    let mut checked: Vec<(&str, Duration)> = Vec::new();
    for case in cases() {
        let file = dir.join(format!("{}.json", case.name));
        if let Err(err) = std::fs::write(&file, &case.text) {
            eprintln!("cannot write {}: {err}", file.display());
            std::process::exit(2);
        }
        let mut times = Vec::new();
        let mut counts = (0, 0);
        for _ in 0..RUNS {
            let started = Instant::now();
            let catalog = parse_news(&case.text);
            times.push(started.elapsed());
            if let Ok(c) = catalog {
                counts = (c.problems.len(), c.problems_not_listed.total());
            }
        }
        let parse = median(times);
        let check = time_check(&newsctl, &file, limit);
        let twin = case
            .twin
            .and_then(|twin| checked.iter().find(|(name, _)| *name == twin));
        let ratio = match (check, twin) {
            (Some(time), Some((name, clean))) => {
                format!(" ({:.2}× {name})", time.as_secs_f64() / clean.as_secs_f64())
            }
            _ => String::new(),
        };
        if let Some(time) = check {
            checked.push((case.name, time));
        }
        let before_cell = before.as_ref().map(|b| match time_check(b, &file, limit) {
            Some(t) => format!(" {} ms |", ms(t)),
            None => format!(" > {} s |", limit.as_secs()),
        });
        println!(
            "| {} ({}) | {:.1} MB | {} + {} | {} ms | {} ms{ratio} |{}",
            case.name,
            case.what,
            case.text.len() as f64 / 1e6,
            counts.0,
            counts.1,
            ms(parse),
            check.map_or_else(|| format!("> {}", limit.as_secs()), ms),
            before_cell.unwrap_or_default(),
        );
        if !keep {
            let _ = std::fs::remove_file(&file);
        }
    }
    if !keep {
        let _ = std::fs::remove_dir(&dir);
    }
}
