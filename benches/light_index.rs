//! What the light index weighs (`query::light`, written by publishing into `search/` for the
//! first answer; docs/performance.md, "The first answer"): how many files, a file's bytes at
//! the median, the 90th percentile and the largest, all of them, the words of more than
//! `MAX_WORD_CHARS` letters, and how many times the words the index weighs (publishing leaves
//! it out above `MAX_GROWTH`). Printed for the shipped file and synthetic archives, or for
//! the file named by `NEWS`. Run with `cargo bench --bench light_index`.

use project_news::model::{parse_news, Catalog};
use project_news::query::light::{LightIndex, MAX_GROWTH};
use project_news::query::synthetic::{shipped_catalog, synthetic_catalog};
use project_news::query::SearchIndex;

const SEED: u64 = 20221110;

fn percentile(sorted: &[usize], p: usize) -> usize {
    sorted
        .get((sorted.len() * p / 100).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0)
}

fn measure(name: &str, catalog: &Catalog) {
    let index = SearchIndex::new(catalog);
    match LightIndex::new(catalog) {
        Ok(light) => {
            let mut bytes: Vec<usize> = light.texts.iter().map(String::len).collect();
            bytes.sort_unstable();
            let all: usize = bytes.iter().sum::<usize>() + light.long.len();
            println!(
                "{name:<28} {:>7} {:>8} {:>6} {:>8} {:>8} {:>8} {:>9} {:>9} {:>7.1}",
                index.len(),
                index.word_count(),
                light.files,
                percentile(&bytes, 50),
                percentile(&bytes, 90),
                bytes.last().copied().unwrap_or(0),
                all / 1024,
                light.long.len(),
                all as f64 / light.words.max(1) as f64,
            );
        }
        Err(too_large) => println!(
            "{name:<28} {:>7} {:>8} left out: {} bytes, more than {MAX_GROWTH} times the words ({})",
            index.len(),
            index.word_count(),
            too_large.bytes,
            too_large.words,
        ),
    }
}

fn main() {
    println!(
        "{:<28} {:>7} {:>8} {:>6} {:>8} {:>8} {:>8} {:>9} {:>9} {:>7}",
        "archive",
        "events",
        "words",
        "files",
        "median",
        "p90",
        "largest",
        "all, KiB",
        "long",
        "growth"
    );
    println!(
        "{:>93}",
        "(a file's bytes raw; growth: the files against the words written once)"
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
