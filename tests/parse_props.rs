//! Property tests: whatever text arrives, `parse_news` answers without panicking, the same
//! way each time, with places inside the text; every entry is kept or reported as left out,
//! and one broken event never costs the others.

use std::collections::{BTreeMap, BTreeSet};

use project_news::model::{parse_news, Catalog, FatalError, ProblemCounts};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::value::RawValue;
use serde_json::Value;

fn valid_file() -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/valid-minimal.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The answer for `text`, after checking what holds for any text: a second parse answers the
/// same; every line and column named is inside the text; in a catalog, every entry of every
/// list is either kept or left out with one problem that says so.
fn parse_checked(text: &str) -> Result<Result<Catalog, FatalError>, TestCaseError> {
    let answer = parse_news(text);
    prop_assert_eq!(
        &answer,
        &parse_news(text),
        "a second parse answered otherwise"
    );
    // Places count in the text as the loader reads it: without a byte order mark.
    let read = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = read.split('\n').collect();
    let places: Vec<(usize, usize, String)> = match &answer {
        Ok(catalog) => catalog
            .problems
            .iter()
            .map(|p| (p.line, p.column, p.to_string()))
            .collect(),
        Err(fatal @ FatalError::Syntax { line, column, .. }) => {
            vec![(*line, *column, fatal.to_string())]
        }
        Err(_) => Vec::new(),
    };
    for (line, column, what) in places {
        prop_assert!(
            (1..=lines.len()).contains(&line),
            "line {} of {}: {}",
            line,
            lines.len(),
            what
        );
        let width = lines[line - 1].chars().count();
        prop_assert!(
            (1..=width + 1).contains(&column),
            "column {} of a line of {} characters: {}",
            column,
            width,
            what
        );
    }
    if let Ok(catalog) = &answer {
        every_entry_kept_or_left_out(read, catalog)?;
    }
    Ok(answer)
}

/// [`parse_checked`] where only the checks matter.
fn check_parse(text: &str) -> Result<(), TestCaseError> {
    parse_checked(text).map(drop)
}

/// Each list's entries are the kept ones and those left out, each of these with exactly one
/// problem flagged `entry_dropped` at its path; a list that is not a list is left out whole.
fn every_entry_kept_or_left_out(text: &str, catalog: &Catalog) -> Result<(), TestCaseError> {
    if catalog.problems_not_listed != ProblemCounts::default() {
        // Past the cap on listed problems the flags are only counted, not by list.
        return Ok(());
    }
    let sections: BTreeMap<String, &RawValue> =
        serde_json::from_str(text).expect("the loader read these sections");
    let lists = [
        ("cities", catalog.cities.len()),
        ("organisations", catalog.organisations.len()),
        ("people", catalog.people.len()),
        ("topics", catalog.topics.len()),
        ("events", catalog.events.len()),
    ];
    for (name, kept) in lists {
        let prefix = format!("{name}[");
        let left_out: Vec<&str> = catalog
            .problems
            .iter()
            .filter(|p| p.entry_dropped && p.path.starts_with(&prefix))
            .map(|p| {
                let index = &p.path[prefix.len()..];
                &index[..index.find(']').unwrap_or(index.len())]
            })
            .collect();
        let distinct: BTreeSet<&str> = left_out.iter().copied().collect();
        prop_assert_eq!(
            distinct.len(),
            left_out.len(),
            "{}: an entry left out twice: {:?}",
            name,
            left_out
        );
        match sections
            .get(name)
            .map(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()))
        {
            None => prop_assert_eq!(kept + left_out.len(), 0, "{} is not in the file", name),
            Some(Ok(entries)) => prop_assert_eq!(
                kept + left_out.len(),
                entries.len(),
                "{}: {} kept and {} left out",
                name,
                kept,
                left_out.len()
            ),
            Some(Err(_)) => {
                prop_assert_eq!(kept, 0, "{} is not a list", name);
                prop_assert!(
                    catalog
                        .problems
                        .iter()
                        .any(|p| p.entry_dropped && p.path == name),
                    "{} is not a list and no problem says it was left out",
                    name
                );
            }
        }
    }
    Ok(())
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        // Strings the format gives meaning to, so that checks past the types get exercised.
        prop_oneof![
            Just("2022-11-10"),
            Just("2018-11"),
            Just("smolyan"),
            Just("javascript:alert(1)"),
            Just("https://cityxchange.eu/"),
            Just("workshop"),
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        let key = prop_oneof![
            Just("slug".to_owned()),
            Just("type".to_owned()),
            Just("start".to_owned()),
            Just("title".to_owned()),
            Just("bg".to_owned()),
            Just("sources".to_owned()),
            "[a-z]{1,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Ways to damage a valid file.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    FlipByte(usize, u8),
    DeleteByte(usize),
    DeleteBrace(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::FlipByte(i, b)),
        any::<usize>().prop_map(Mutation::DeleteByte),
        any::<usize>().prop_map(Mutation::DeleteBrace),
        (any::<usize>(), 1usize..64).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        let len = bytes.len();
        match *m {
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::FlipByte(i, b) => bytes[i % len] ^= b | 1,
            Mutation::DeleteByte(i) => {
                bytes.remove(i % len);
            }
            Mutation::DeleteBrace(i) => {
                let braces: Vec<usize> = (0..len)
                    .filter(|&k| matches!(bytes[k], b'{' | b'}' | b'[' | b']'))
                    .collect();
                if !braces.is_empty() {
                    bytes.remove(braces[i % braces.len()]);
                }
            }
            Mutation::Duplicate(i, n) => {
                let start = i % len;
                let part = bytes[start..(start + n).min(len)].to_vec();
                bytes.splice(start..start, part);
            }
        }
    }
    // Byte damage may break UTF-8; the loader only ever sees text.
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_is_answered_steadily_with_places_inside_it(text in any::<String>()) {
        check_parse(&text)?;
    }

    #[test]
    fn arbitrary_json_is_answered_steadily_with_places_inside_it(value in json_value()) {
        check_parse(&value.to_string())?;
    }

    #[test]
    fn arbitrary_json_as_any_section_leaves_every_entry_kept_or_reported(
        section in prop_oneof![
            Just("site"), Just("cities"), Just("organisations"), Just("people"),
            Just("topics"), Just("events"), Just("version"), Just("extra"),
        ],
        value in json_value(),
    ) {
        let mut doc: Value = serde_json::from_str(&valid_file()).unwrap();
        doc[section] = value;
        check_parse(&serde_json::to_string_pretty(&doc).unwrap())?;
    }

    #[test]
    fn damaged_valid_file_is_answered_steadily_with_places_inside_it(
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        check_parse(&apply(&valid_file(), &mutations))?;
    }

    #[test]
    fn an_event_with_several_faults_is_left_out_once(faults in prop::collection::vec(0u8..8, 3)) {
        let mut doc: Value = serde_json::from_str(&valid_file()).unwrap();
        let events = doc["events"].as_array_mut().unwrap();
        let mut faulty = BTreeSet::new();
        for (event, &fault) in events.iter_mut().zip(&faults) {
            if fault != 0 {
                faulty.insert(event["slug"].as_str().unwrap().to_owned());
            }
            if fault & 1 != 0 {
                event["slug"] = "Not A Slug".into();
            }
            if fault & 2 != 0 {
                event["sources"] = Value::Array(Vec::new());
            }
            if fault & 4 != 0 {
                event["end"] = "1999-01-01".into();
            }
        }
        let catalog = parse_checked(&serde_json::to_string_pretty(&doc).unwrap())?.unwrap();
        prop_assert_eq!(catalog.events.len(), 3 - faulty.len());
        prop_assert!(catalog.events.iter().all(|e| !faulty.contains(&e.slug)));
    }

    #[test]
    fn garbage_event_leaves_the_others_loaded(
        position in 0usize..3,
        garbage in json_value(),
    ) {
        let mut doc: Value = serde_json::from_str(&valid_file()).unwrap();
        let events = doc["events"].as_array_mut().unwrap();
        let replaced = events[position]["slug"].as_str().unwrap().to_owned();
        events[position] = garbage;
        let catalog = parse_checked(&serde_json::to_string_pretty(&doc).unwrap())?.unwrap();
        for slug in ["pisek-consortium-meeting-2022", "climathon-smolyan-2021",
                     "smolyan-learning-session-2023"] {
            if slug != replaced {
                prop_assert!(catalog.event(slug).is_some(), "{slug} was lost");
            }
        }
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse_news(&deep).is_err());
    let mut doc: Value = serde_json::from_str(&valid_file()).unwrap();
    doc["events"] = Value::Null;
    let text = serde_json::to_string(&doc).unwrap().replace(
        "\"events\":null",
        &format!("\"events\":[{}{}]", "[".repeat(5_000), "]".repeat(5_000)),
    );
    // Only the deep entry is refused: the rest of the file loads.
    let catalog = parse_news(&text).expect("the file loads without its deep entry");
    assert!(catalog.events.is_empty());
    let left_out: Vec<_> = catalog
        .problems
        .iter()
        .filter(|p| p.entry_dropped)
        .collect();
    assert_eq!(left_out.len(), 1, "{:?}", catalog.problems);
    assert!(left_out[0].path.starts_with("events[0]"), "{}", left_out[0]);
    let valid = parse_news(&valid_file()).unwrap();
    assert_eq!(catalog.cities, valid.cities);
    assert_eq!(catalog.organisations, valid.organisations);
}
