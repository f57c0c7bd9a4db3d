//! The library's layers, as `docs/architecture.md` draws them, read from the code: every
//! `crate::…` path in a module may name only a module of a lower layer (or its own), and the
//! files of one module do not import each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level modules from the bottom up. A module may use those of lower rank; modules
/// of the same rank know nothing of each other.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("model", 1),
    ("i18n", 2),
    ("query", 2),
    ("export", 3),
    ("api", 4),
    ("browser", 5),
    ("context", 6),
    ("components", 7),
    ("pages", 8),
    ("app", 9),
    ("prerender", 10),
    ("editor", 10),
];

fn rank(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

/// `src/components/event_card.rs` → ["components", "event_card"]; `src/model/mod.rs` →
/// ["model"].
fn module_path(file: &str) -> Vec<String> {
    let inner = file.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = inner.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every `crate::a::b::…` path in the source, as its segments (lowercase ones only: the
/// modules, not the items they hold). `use crate::{a, b}` is not used here and is refused.
fn crate_paths(source: &str) -> Result<Vec<Vec<String>>, String> {
    let mut paths = Vec::new();
    for (at, _) in source.match_indices("crate::") {
        // `project_news::crate::` cannot occur; `$crate::` in macros is not ours to check.
        if source[..at].ends_with('$') {
            continue;
        }
        let rest = &source[at + "crate::".len()..];
        if rest.starts_with('{') {
            return Err("`use crate::{…}` hides which layer is used; name each path".into());
        }
        let mut segments = Vec::new();
        for segment in rest.split("::") {
            let name: String = segment
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let is_module = name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if !is_module {
                break;
            }
            let whole = name.len() == segment.len();
            segments.push(name);
            if !whole {
                break;
            }
        }
        if !segments.is_empty() {
            paths.push(segments);
        }
    }
    Ok(paths)
}

/// What is wrong with the sources, one line per finding; empty when the layers hold.
fn check(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut problems = Vec::new();
    // The module files, for turning a path into the file it names.
    let modules: BTreeMap<Vec<String>, &String> =
        files.keys().map(|f| (module_path(f), f)).collect();
    let mut edges: BTreeMap<&String, BTreeSet<&String>> = BTreeMap::new();
    for (file, source) in files {
        let own = module_path(file);
        let Some(top) = own.first() else { continue };
        if top == "lib" || top == "main" || top == "bin" {
            continue;
        }
        let Some(own_rank) = rank(top) else {
            problems.push(format!("{file}: module `{top}` has no layer in LAYERS"));
            continue;
        };
        let paths = match crate_paths(source) {
            Ok(paths) => paths,
            Err(why) => {
                problems.push(format!("{file}: {why}"));
                continue;
            }
        };
        for path in paths {
            let used = &path[0];
            match rank(used) {
                None => problems.push(format!("{file}: `crate::{used}` has no layer in LAYERS")),
                Some(r) if used != top && r >= own_rank => problems.push(format!(
                    "{file}: `crate::{}` reaches up or across ({top} is layer {own_rank}, \
                     {used} is layer {r})",
                    path.join("::")
                )),
                _ => {}
            }
            // The longest prefix that is a file; a module's `mod.rs` only re-exports, so
            // paths through it are not edges between files.
            let target = (1..=path.len())
                .rev()
                .find_map(|n| modules.get(&path[..n]).filter(|_| n > 1 || used != top));
            if let Some(target) = target {
                if *target != file && !target.ends_with("mod.rs") && path[0] == *top {
                    edges.entry(file).or_default().insert(target);
                }
            }
        }
    }
    if let Some(cycle) = find_cycle(&edges) {
        problems.push(format!(
            "files import each other in a circle: {}",
            cycle.join(" → ")
        ));
    }
    problems
}

fn find_cycle(edges: &BTreeMap<&String, BTreeSet<&String>>) -> Option<Vec<String>> {
    fn visit<'a>(
        node: &'a String,
        edges: &BTreeMap<&'a String, BTreeSet<&'a String>>,
        stack: &mut Vec<&'a String>,
        done: &mut BTreeSet<&'a String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = stack[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        stack.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|start| visit(start, edges, &mut Vec::new(), &mut done))
}

fn read_sources(dir: &Path, files: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_sources(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.to_string_lossy().replace('\\', "/");
            let name = name[name.find("src/").unwrap()..].to_owned();
            files.insert(name, fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let mut files = BTreeMap::new();
    read_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.contains_key("src/components/event_card.rs"));
    for file in files.keys() {
        let top = &module_path(file)[0];
        assert!(
            rank(top).is_some() || ["lib", "main", "bin"].contains(&top.as_str()),
            "{file}: a new top-level module needs its place in LAYERS"
        );
    }
    let problems = check(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_an_upward_import_and_a_circle() {
    let files = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(f, s)| (f.to_string(), s.to_string()))
            .collect()
    };
    let upward = files(&[
        ("src/context.rs", "use crate::components::card::Card;"),
        ("src/components/card.rs", "use crate::context::Paths;"),
    ]);
    let found = check(&upward);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("src/context.rs"), "{found:?}");

    let across = files(&[("src/query/run.rs", "fn f() { crate::i18n::ui(); }")]);
    assert_eq!(check(&across).len(), 1);

    let circle = files(&[
        ("src/components/a.rs", "use crate::components::b::B;"),
        ("src/components/b.rs", "use crate::components::a::A;"),
        ("src/components/mod.rs", "pub mod a; pub mod b;"),
    ]);
    let found = check(&circle);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("circle"), "{found:?}");

    let fine = files(&[
        (
            "src/components/a.rs",
            "use crate::components::b::B; use crate::model::Lang;",
        ),
        ("src/components/b.rs", "use crate::context::use_paths;"),
    ]);
    assert!(check(&fine).is_empty(), "{:?}", check(&fine));

    let unnamed = files(&[("src/widgets.rs", "")]);
    assert_eq!(check(&unnamed).len(), 1);
}
