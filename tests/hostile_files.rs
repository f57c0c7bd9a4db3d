//! Files made to be expensive or confusing: what they cost stays close to what a clean file of
//! the same size costs, and what the validator reports stays short and points at the right
//! place.

use std::sync::Arc;
use std::time::{Duration, Instant};

use project_news::api::News;
use project_news::context::Paths;
use project_news::model::{parse_news, Catalog, Lang, Severity, MAX_PROBLEMS};
use project_news::prerender::render_page;
use project_news::query::SearchIndex;
use serde_json::{json, Value};

fn shipped() -> Value {
    let path = format!("{}/public/data/news.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The shipped file with its first event copied `count` times (slugs `copy-N`), each copy
/// changed by `change`; minified, as a hostile file would be.
fn copies(count: usize, change: impl Fn(usize, &mut Value)) -> String {
    let mut doc = shipped();
    let first = doc["events"][0].clone();
    let events: Vec<Value> = (0..count)
        .map(|i| {
            let mut event = first.clone();
            event["slug"] = json!(format!("copy-{i}"));
            change(i, &mut event);
            event
        })
        .collect();
    doc["events"] = Value::Array(events);
    doc.to_string()
}

fn unknown_topics(event: &mut Value) {
    let ids: Vec<String> = (0..20).map(|k| format!("no-such-topic-{k}")).collect();
    event["topics"] = json!(ids);
}

fn bracket_runs(event: &mut Value) {
    let runs = format!(" {}{}", "[".repeat(3000), "[a](".repeat(300));
    for lang in ["bg", "en"] {
        if let Some(Value::String(body)) = event["body"].get_mut(lang) {
            body.push_str(&runs);
        }
    }
}

/// Plain text of the same length as [`bracket_runs`] adds.
fn plain_padding(event: &mut Value) {
    let padding = format!(" {}", "word ".repeat(840));
    for lang in ["bg", "en"] {
        if let Some(Value::String(body)) = event["body"].get_mut(lang) {
            body.push_str(&padding);
        }
    }
}

fn load(text: &str) -> Catalog {
    parse_news(text).unwrap()
}

#[test]
fn many_unknown_ids_in_one_list_are_one_problem() {
    let text = copies(1, |_, e| unknown_topics(e));
    let catalog = load(&text);
    assert_eq!(catalog.problems.len(), 1, "{:#?}", catalog.problems);
    let p = &catalog.problems[0];
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.path, "events[0].topics[0]");
    assert_eq!(
        p.message,
        "20 unknown topic ids: `no-such-topic-0`, `no-such-topic-1`, `no-such-topic-2` and 17 \
         more; the references were dropped"
    );
    assert!(catalog.events[0].topics.is_empty());
    // One unknown id still reads as before.
    let text = copies(1, |_, e| e["topics"] = json!(["no-such-topic"]));
    let p = &load(&text).problems[0];
    assert_eq!(
        p.message,
        "unknown topic `no-such-topic`; the reference was dropped"
    );
}

#[test]
fn problems_beyond_the_limit_are_counted_not_listed() {
    // 1,500 events without an English title (a warning each), then 200 with a bad slug (an
    // error each, the event left out): the first thousand problems are listed.
    let text = copies(1_700, |i, e| {
        if i < 1_500 {
            e["title"].as_object_mut().unwrap().remove("en");
        } else {
            e["slug"] = json!(format!("Bad Slug {i}"));
        }
    });
    let catalog = load(&text);
    assert_eq!(catalog.problems.len(), MAX_PROBLEMS);
    let counts = catalog.problems_not_listed;
    assert_eq!((counts.warnings, counts.errors), (500, 200));
    assert_eq!(counts.entries_dropped, 200);
    assert_eq!(catalog.dropped_entries(), 200);
    assert_eq!(catalog.events.len(), 1_500);
    // Listed in file order.
    let columns: Vec<usize> = catalog.problems.iter().map(|p| p.column).collect();
    assert!(columns.windows(2).all(|w| w[0] < w[1]), "not in file order");
}

#[test]
fn positions_in_a_one_line_file_count_characters() {
    let text = copies(30, |i, e| {
        if i == 27 {
            e["topics"] = json!(["no-such-topic"]);
        }
    });
    assert_eq!(text.lines().count(), 1);
    let catalog = load(&text);
    let p = &catalog.problems[0];
    let offset = text.find("\"no-such-topic\"").unwrap();
    // Cyrillic before it: characters, not bytes.
    assert!(text[..offset].chars().count() < offset);
    assert_eq!((p.line, p.column), (1, text[..offset].chars().count() + 1));
}

#[test]
fn a_bad_link_among_many_is_one_problem() {
    let text = copies(1, |_, e| {
        let links = "[x](javascript:alert(1)) ".repeat(50);
        e["body"]["en"] = json!(format!("Text. {links}"));
    });
    let catalog = load(&text);
    assert_eq!(catalog.problems.len(), 1, "{:#?}", catalog.problems);
    assert_eq!(
        catalog.problems[0].message,
        "link `javascript:alert(1)` is not allowed: use http(s) addresses or site paths (49 \
         more links in this text are not allowed either)"
    );
}

/// Each unknown id used to be a problem of its own, each problem's column counted from the
/// start of its line (a minified file is one line), and every `[` of a body scanned the
/// rest of its paragraph: this file took minutes. The goal (twice the clean file's time) is
/// measured by `benches/hostile.rs`; the bound here is far looser, so that a busy machine
/// never fails it while the old, quadratic reading always did.
#[test]
fn a_crafted_file_costs_about_what_a_clean_one_does() {
    let crafted = copies(1_000, |_, e| {
        unknown_topics(e);
        bracket_runs(e);
    });
    let clean = copies(1_000, |_, e| plain_padding(e));
    let difference = crafted.len().abs_diff(clean.len()) as f64 / clean.len() as f64;
    assert!(
        difference < 0.05,
        "sizes {} and {}",
        crafted.len(),
        clean.len()
    );

    let time = |text: &str| {
        let started = Instant::now();
        let catalog = load(text);
        (started.elapsed(), catalog)
    };
    let (clean_time, clean_catalog) = time(&clean);
    let (crafted_time, crafted_catalog) = time(&crafted);
    assert!(clean_catalog.problems.is_empty());
    assert_eq!(crafted_catalog.problems.len(), 1_000);
    assert_eq!(crafted_catalog.events.len(), 1_000);
    assert!(
        crafted_time < clean_time * 10 + Duration::from_secs(5),
        "crafted {crafted_time:?}, clean {clean_time:?}"
    );
}

/// The shipped file with `cities` more cities (their own names and places), each listed by the
/// first event when `listed`, else the same bytes as plain words in its body.
fn many_cities(cities: usize, listed: bool) -> String {
    let mut doc = shipped();
    let ids: Vec<String> = (0..cities).map(|i| format!("town-{i}")).collect();
    let added: Vec<Value> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            json!({
                "id": id,
                "name": {"bg": format!("Град {i}"), "en": format!("Town {i}")},
                "country": "BG",
                "role": "other",
                "lat": 41.0 + (i % 97) as f64 * 0.03,
                "lon": 22.5 + (i / 97) as f64 * 0.08,
            })
        })
        .collect();
    doc["cities"].as_array_mut().unwrap().extend(added);
    if listed {
        let list = &mut doc["events"][0]["participants"]["cities"];
        let mut all = list.as_array().cloned().unwrap_or_default();
        all.extend(ids.iter().map(|id| json!(id)));
        *list = Value::Array(all);
    } else {
        // Spread over the bodies of the first events: a text may not be longer than 40,000
        // characters.
        let mut bytes: usize = ids.iter().map(|id| id.len() + 3).sum();
        for event in doc["events"].as_array_mut().unwrap() {
            for lang in ["bg", "en"] {
                let words = "word ".repeat(bytes.min(20_000) / 5);
                bytes -= words.len();
                let body = event["body"][lang].as_str().unwrap_or_default().to_owned();
                event["body"][lang] = json!(format!("{body} {words}"));
            }
        }
    }
    doc.to_string()
}

/// An event that lists thousands of cities: its page placed each name on the map against
/// every name before it, and the timeline's search hint looked each city up in every event's
/// list (half a minute to publish 20,000).
#[test]
fn an_event_with_thousands_of_cities_renders_in_about_the_time_of_a_clean_file() {
    let render = |text: &str| {
        let catalog = load(text);
        assert!(catalog.problems.is_empty(), "{:#?}", catalog.problems);
        let slug = catalog.events[0].slug.clone();
        let index = SearchIndex::without_words(&catalog);
        let news = Arc::new(News { catalog, index });
        let paths = Paths::new("");
        let template = "<html><head><!--HEAD--><!--/HEAD--></head>\
                        <body><!--static--><!--/static--></body></html>";
        let started = Instant::now();
        let timeline = render_page(template, &news, &paths, "/").unwrap();
        let page = render_page(template, &news, &paths, &paths.event(Lang::En, &slug)).unwrap();
        (started.elapsed(), timeline, page)
    };
    let (clean_time, _, clean_page) = render(&many_cities(8_000, false));
    let (crafted_time, _, page) = render(&many_cities(8_000, true));
    assert!(page.contains("Town 7999"), "the list names every city");
    assert!(!clean_page.contains("Town 7999"));
    // Tighter than above: here the old cost was 7.7 s against the clean file's 15 ms (a test
    // build), the new one 0.2 s (each city a list entry, a marker and, then, a card's label).
    assert!(
        crafted_time < clean_time * 5 + Duration::from_secs(2),
        "crafted {crafted_time:?}, clean {clean_time:?}"
    );
}
