//! `newsctl fmt` as an editor runs it: a file in any layout comes out in the stable form, a
//! second run changes nothing, `--check` tells without writing, and a file with errors is
//! left byte for byte as it was.

use std::path::PathBuf;
use std::process::{Command, Output};

fn shipped() -> String {
    std::fs::read_to_string(format!(
        "{}/public/data/news.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// A file of its own for each test, in the system's temporary folder.
fn file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("newsctl-fmt-{name}-{}.json", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

fn fmt(args: &[&str], path: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsctl"))
        .arg("fmt")
        .args(args)
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn any_layout_is_rewritten_in_the_stable_form_once() {
    let value: serde_json::Value = serde_json::from_str(&shipped()).unwrap();
    // Sorted keys on one line: another editor's tool.
    let path = file("layout", &serde_json::to_string(&value).unwrap());

    let check = fmt(&["--check"], &path);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stderr).contains("not in the stable form"));
    assert_ne!(
        std::fs::read_to_string(&path).unwrap(),
        shipped(),
        "--check writes nothing"
    );

    let out = fmt(&[], &path);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), shipped());

    let again = fmt(&["--check"], &path);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stdout).contains("already in the stable form"));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn a_file_with_errors_is_left_as_it_was_with_its_problems_told() {
    let broken = shipped().replacen("\"city\": \"trondheim\"", "\"city\": \"nowhere\"", 1);
    let text = broken.replace("  ", "\t");
    let path = file("errors", &text);
    let out = fmt(&[], &path);
    assert_eq!(out.status.code(), Some(1));
    let printed =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(printed.contains("unknown city `nowhere`"), "{printed}");
    assert!(
        printed.contains(&format!("{}:", path.display())),
        "problems name the file: {printed}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "nothing was written"
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn a_section_the_format_does_not_know_leaves_the_file_as_it_is_as_check_warns() {
    // `check` warns of such a section and `publish` publishes the file with it: `fmt` does
    // not fail it, nor rewrite it without the section.
    let value: serde_json::Value = serde_json::from_str(&shipped()).unwrap();
    let text = serde_json::to_string(&value).unwrap();
    let text = format!("{},\"zzz\":1}}", text.strip_suffix('}').unwrap());
    let path = file("unknown", &text);
    for args in [&[][..], &["--check"]] {
        let out = fmt(args, &path);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert!(
            stdout.contains("left as it is") && stdout.contains("`zzz`"),
            "{stdout}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}
