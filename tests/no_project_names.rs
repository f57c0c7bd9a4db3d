//! The app is a product for any project: the shipped news file is one input among many, so
//! nothing of it may be written into code, templates, styles or build files. The names come
//! from the shipped file itself (project, grant, publisher, cities, organisations, hosts), so
//! the test follows the file, not a list that could age.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Strings that name the shipped project, folded to lower case.
fn shipped_names() -> Vec<String> {
    let raw = fs::read_to_string(Path::new(ROOT).join("public/data/news.json")).unwrap();
    let news: Value = serde_json::from_str(&raw).unwrap();
    let mut names = Vec::new();
    let mut text = |v: &Value| {
        for lang in ["bg", "en"] {
            if let Some(s) = v.get(lang).and_then(Value::as_str) {
                names.push(s.to_owned());
            }
        }
    };
    let site = &news["site"];
    text(&site["publisher"]);
    text(&site["project"]["name"]);
    for list in ["cities", "organisations"] {
        for item in news[list].as_array().into_iter().flatten() {
            text(&item["name"]);
        }
    }
    let mut names: Vec<String> = names;
    let project = &site["project"];
    let acronym = project["acronym"].as_str().unwrap_or_default();
    names.push(acronym.to_owned());
    // "+CityxChange" is also written without its sign, in crate names and paths.
    names.push(
        acronym
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned(),
    );
    if let Some(grant) = project["grant_agreement"].as_str() {
        names.push(grant.to_owned());
    }
    for url in [&site["url"], &site["canonical_url"], &project["website"]] {
        if let Some(host) = url.as_str().and_then(host_of) {
            names.push(host.to_owned());
        }
    }
    let mut names: Vec<String> = names
        .into_iter()
        .map(|n| n.trim().to_lowercase())
        // Short or common words ("Project", a two-letter acronym) are not names.
        .filter(|n| n.chars().count() >= 5)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `www.example.org` → `example.org`: the registrable part is what a copy would keep.
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

/// The product's own files: code, templates, styles and build files, without tests.
fn product_files() -> Vec<PathBuf> {
    let root = Path::new(ROOT);
    let mut files: Vec<PathBuf> = [
        "index.html",
        "Cargo.toml",
        "Trunk.toml",
        "package.json",
        "public/manifest.webmanifest",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    for dir in ["src", "style", "editor"] {
        collect(&root.join(dir), &mut files);
    }
    files.retain(|f| {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        // Test builders and test-only modules name real places on purpose.
        !matches!(name, "testing.rs" | "tests.rs")
    });
    files
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A Rust file without its `#[cfg(test)]` modules (they stand at the end of a file here).
fn without_tests(path: &Path, text: String) -> String {
    if path.extension().is_some_and(|e| e == "rs") {
        if let Some(at) = text.find("#[cfg(test)]\nmod ") {
            return text[..at].to_owned();
        }
    }
    text
}

#[test]
fn no_name_of_the_shipped_project_is_written_into_the_product() {
    let names = shipped_names();
    assert!(
        names.len() > 10,
        "the shipped file should give names: {names:?}"
    );
    let mut found = Vec::new();
    for path in product_files() {
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let text = without_tests(&path, text).to_lowercase();
        for (line_no, line) in text.lines().enumerate() {
            for name in &names {
                if line.contains(name.as_str()) {
                    let shown = path.strip_prefix(ROOT).unwrap_or(&path).display();
                    found.push(format!("{shown}:{}: {name}", line_no + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the shipped project's names belong in its news file, not in the product:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_reads_names_and_skips_only_test_modules() {
    let names = shipped_names();
    let raw = fs::read_to_string(Path::new(ROOT).join("public/data/news.json")).unwrap();
    let news: Value = serde_json::from_str(&raw).unwrap();
    let acronym = news["site"]["project"]["acronym"]
        .as_str()
        .unwrap()
        .to_lowercase();
    assert!(names.contains(&acronym), "{names:?}");
    assert_eq!(host_of("https://www.example.org/a/b"), Some("example.org"));
    let code = "fn a() {}\n#[cfg(test)]\nmod tests { Name }".to_owned();
    assert_eq!(
        without_tests(Path::new("x.rs"), code.clone()),
        "fn a() {}\n"
    );
    assert_eq!(without_tests(Path::new("x.css"), code.clone()), code);
}
