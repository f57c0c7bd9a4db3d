//! What `newsctl check` prints stays one line per problem, whatever the file holds: control
//! characters from its values are escaped, so they can neither drive the terminal nor forge
//! a line (such as a CI annotation).

use std::process::Command;

use serde_json::Value;

/// Runs `newsctl check` with `args` on a file holding `text`; stdout.
fn check(name: &str, text: &str, args: &[&str]) -> String {
    let file = std::env::temp_dir().join(format!("newsctl-{name}-{}.json", std::process::id()));
    std::fs::write(&file, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsctl"))
        .arg("check")
        .args(args)
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&file);
    assert_eq!(out.status.code(), Some(1), "errors were expected");
    String::from_utf8(out.stdout).unwrap()
}

/// The shipped file with control characters in the first event's slug and in a topic id.
fn hostile_file() -> String {
    let path = format!("{}/public/data/news.json", env!("CARGO_MANIFEST_DIR"));
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["events"][0]["slug"] = "a\u{1b}[31mred\r\n::error file=x::forged\u{202e}".into();
    doc["events"][1]["topics"] = serde_json::json!(["t\u{7}\u{8}\n"]);
    serde_json::to_string_pretty(&doc).unwrap()
}

fn assert_no_controls(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{bad:?} in {text}");
}

#[test]
fn text_report_escapes_control_characters() {
    let out = check("text", &hostile_file(), &[]);
    assert_no_controls(&out);
    // Two problems and the summary: three lines, none of them forged.
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(!out.lines().any(|l| l.starts_with("::")), "{out}");
    assert!(
        out.contains(r"a\u{1b}[31mred\u{d}\u{a}::error file=x::forged\u{202e}"),
        "{out}"
    );
    assert!(out.contains(r"t\u{7}\u{8}\u{a}"), "{out}");
}

#[test]
fn json_report_escapes_control_characters_in_its_strings() {
    let out = check("json", &hostile_file(), &["--format", "json"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    let problems = report[0]["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2);
    for p in problems {
        for field in ["message", "path", "slug"] {
            if let Some(text) = p[field].as_str() {
                assert_no_controls(text);
            }
        }
    }
    assert!(problems[0]["message"].as_str().unwrap().contains(r"\u{1b}"));
}
