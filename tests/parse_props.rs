//! Property tests: whatever text arrives, `parse_news` answers without panicking, and one
//! broken event never costs the others.

use project_news::model::parse_news;
use proptest::prelude::*;
use serde_json::Value;

fn valid_file() -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/valid-minimal.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
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
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_news(&text);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let _ = parse_news(&value.to_string());
    }

    #[test]
    fn arbitrary_json_as_any_section_never_panics(
        section in prop_oneof![
            Just("site"), Just("cities"), Just("organisations"), Just("people"),
            Just("topics"), Just("events"), Just("version"), Just("extra"),
        ],
        value in json_value(),
    ) {
        let mut doc: Value = serde_json::from_str(&valid_file()).unwrap();
        doc[section] = value;
        let _ = parse_news(&serde_json::to_string_pretty(&doc).unwrap());
    }

    #[test]
    fn damaged_valid_file_never_panics(mutations in prop::collection::vec(mutation(), 1..4)) {
        let text = apply(&valid_file(), &mutations);
        if let Ok(catalog) = parse_news(&text) {
            // Positions stay inside the file, whatever was damaged.
            let lines = text.lines().count().max(1);
            for p in &catalog.problems {
                prop_assert!(p.line >= 1 && p.line <= lines, "{p}");
                prop_assert!(p.column >= 1, "{p}");
            }
        }
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
        let catalog = parse_news(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
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
    let _ = parse_news(&text);
}
