//! What an index split by three-letter sequences would weigh: the shape proposed for a light
//! start in docs/performance.md ("What a light index has to decide"). Each sequence of three
//! letters that occurs inside a folded word gets a file: the words that hold it, and for each
//! word the events that have it, as ascending numbers written as differences in LEB128 bytes.
//! Printed for the shipped file and synthetic archives (or the file named by `NEWS`), from
//! the search index's own words, so the folding is the app's. Run with
//! `cargo bench --bench light_index`.

use std::collections::HashMap;

use project_news::model::{parse_news, Catalog};
use project_news::query::synthetic::{shipped_catalog, synthetic_catalog};
use project_news::query::SearchIndex;

const SEED: u64 = 20221110;

/// Bytes of `n` as LEB128.
fn leb128(mut n: u32) -> usize {
    let mut bytes = 1;
    while n >= 0x80 {
        n >>= 7;
        bytes += 1;
    }
    bytes
}

/// Bytes of a word's entry in a file: the word, a separator, its events as differences.
fn entry_bytes(word: &str, events: &[u32]) -> usize {
    let mut previous = 0;
    let mut bytes = word.len() + 1 + leb128(events.len() as u32);
    for &event in events {
        bytes += leb128(event - previous);
        previous = event;
    }
    bytes
}

fn percentile(sorted: &[usize], p: usize) -> usize {
    sorted
        .get((sorted.len() * p / 100).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0)
}

fn measure(name: &str, catalog: &Catalog) {
    let index = SearchIndex::new(catalog);
    let mut pairs = 0;
    // Per sequence: its file's bytes and word–event pairs.
    let mut files: HashMap<String, (usize, usize)> = HashMap::new();
    for (word, events) in index.words_and_events() {
        pairs += events.len();
        let bytes = entry_bytes(word, events);
        let chars: Vec<char> = word.chars().collect();
        let mut seen: Vec<String> = Vec::new();
        for three in chars.windows(3) {
            let key: String = three.iter().collect();
            if seen.contains(&key) {
                continue;
            }
            let file = files.entry(key.clone()).or_default();
            file.0 += bytes;
            file.1 += events.len();
            seen.push(key);
        }
    }
    let mut bytes: Vec<usize> = files.values().map(|f| f.0).collect();
    let mut per_file: Vec<usize> = files.values().map(|f| f.1).collect();
    bytes.sort_unstable();
    per_file.sort_unstable();
    println!(
        "{name:<28} {:>7} {:>8} {:>9} {:>9} {:>6} {:>6} {:>7} {:>8} {:>8} {:>8} {:>9}",
        index.len(),
        index.word_count(),
        pairs,
        files.len(),
        percentile(&per_file, 50),
        percentile(&per_file, 90),
        per_file.last().copied().unwrap_or(0),
        percentile(&bytes, 50),
        percentile(&bytes, 90),
        bytes.last().copied().unwrap_or(0),
        bytes.iter().sum::<usize>() / 1024,
    );
}

fn main() {
    println!(
        "{:<28} {:>7} {:>8} {:>9} {:>9} {:>6} {:>6} {:>7} {:>8} {:>8} {:>8} {:>9}",
        "archive",
        "events",
        "words",
        "pairs",
        "sequences",
        "pairs",
        "p90",
        "max",
        "bytes",
        "p90",
        "max",
        "all, KiB"
    );
    println!(
        "{:>94}",
        "(a sequence's file: median, 90th percentile, largest; bytes raw)"
    );
    let shipped = shipped_catalog();
    match std::env::var("NEWS") {
        Ok(path) => {
            let text = std::fs::read_to_string(&path).expect("NEWS names a readable file");
            let catalog = parse_news(&text).expect("NEWS is a news file");
            measure(&path, &catalog);
        }
        Err(_) => {
            measure("shipped file", &shipped);
            for n in [200, 10_000] {
                let catalog = synthetic_catalog(&shipped, n, SEED);
                measure(&format!("synthetic, {n} events"), &catalog);
            }
        }
    }
}
