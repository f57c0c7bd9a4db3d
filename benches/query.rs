//! How fast the timeline answers on a large archive: index build time once, then median and
//! 95th-percentile time per query for typical filters. A keystroke must stay well under one
//! frame (16 ms); the aim is under 2 ms. Run with `cargo bench --bench query`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use project_news::model::Lang;
use project_news::query::synthetic::{shipped_catalog, synthetic_catalog};
use project_news::query::{
    empty_state_hint, highlight, matched_parts, run, EventFilter, SearchIndex,
};

const EVENTS: usize = 10_000;
const ROUNDS: usize = 300;
const SEED: u64 = 20221110;

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Times `work` over `ROUNDS` rounds; returns (median, p95) in microseconds.
fn measure(mut work: impl FnMut()) -> (f64, f64) {
    for _ in 0..5 {
        work();
    }
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let p95 = ((times.len() * 95).div_ceil(100)).saturating_sub(1);
    (micros(times[times.len() / 2]), micros(times[p95]))
}

fn main() {
    // The shipped file's cities, partners and topics, so the filters below find real values.
    let catalog = synthetic_catalog(&shipped_catalog(), EVENTS, SEED);

    let start = Instant::now();
    let index = SearchIndex::new(&catalog);
    let build = start.elapsed();
    println!(
        "index of {} events built in {:.1} ms",
        index.len(),
        build.as_secs_f64() * 1e3
    );

    let city = catalog
        .cities
        .iter()
        .find(|c| c.id == "smolyan")
        .or(catalog.cities.first())
        .map(|c| c.id.clone())
        .unwrap_or_default();
    let cases: Vec<(String, String)> = vec![
        ("no filter".into(), String::new()),
        (format!("one city ({city})"), format!("city={city}")),
        ("year + type".into(), "year=2022&type=workshop".into()),
        (
            "three facets".into(),
            format!("year=2021&year=2022&city={city}&topic=storytelling"),
        ),
        ("text \"pisek\"".into(), "q=pisek".into()),
        ("text \"смолян енергия\"".into(), "q=смолян енергия".into()),
        ("typing \"p\"".into(), "q=p".into()),
        ("typing \"pi\"".into(), "q=pi".into()),
        ("typing \"pis\"".into(), "q=pis".into()),
        ("typing \"смо\"".into(), "q=смо".into()),
        ("text with no match".into(), "q=zzzqqq".into()),
        (
            "text + facets".into(),
            format!("q=energy&year=2020&city={city}"),
        ),
    ];

    println!(
        "{:<36} {:>8} {:>10} {:>10}",
        "filter (run: results + facet counts)", "results", "median µs", "p95 µs"
    );
    let mut worst_p95: f64 = 0.0;
    for (name, query) in &cases {
        let filter = EventFilter::from_query(query);
        let results = run(&catalog, &index, &filter).events.len();
        let (median, p95) = measure(|| {
            black_box(run(black_box(&catalog), &index, black_box(&filter)));
        });
        worst_p95 = worst_p95.max(p95);
        println!("{name:<36} {results:>8} {median:>10.0} {p95:>10.0}");
    }

    let empty = EventFilter::from_query("q=zzzqqq&year=2022&type=workshop");
    let (median, p95) = measure(|| {
        black_box(empty_state_hint(&catalog, &index, black_box(&empty)));
    });
    println!(
        "{:<36} {:>8} {median:>10.0} {p95:>10.0}",
        "empty-state hint (3 constraints)", "-"
    );

    // What a keystroke does for each card it draws: its title, summary and cities with the
    // search words marked, and, for a card with no mark, where the event was found.
    for (name, word) in [
        ("marking \"pis\" on 40 cards", "pis"),
        ("marking \"смо\" on 40 cards", "смо"),
    ] {
        let filter = EventFilter::from_query(&format!("q={word}"));
        let shown: Vec<usize> = run(&catalog, &index, &filter)
            .events
            .into_iter()
            .take(40)
            .collect();
        let terms = vec![word.to_owned()];
        let (median, p95) = measure(|| {
            for &i in &shown {
                let event = &catalog.events[i];
                for lang in [Lang::Bg] {
                    let mut marked = highlight(event.title.get(lang), &terms).len();
                    marked += highlight(event.summary.get(lang), &terms).len();
                    for city in event
                        .all_city_ids()
                        .into_iter()
                        .filter_map(|id| catalog.city(id))
                    {
                        marked += highlight(city.name.get(lang), &terms).len();
                    }
                    if marked <= 3 {
                        black_box(matched_parts(&catalog, i, &terms));
                    }
                }
            }
        });
        println!("{name:<36} {:>8} {median:>10.0} {p95:>10.0}", shown.len());
    }

    println!(
        "worst p95 per query: {:.2} ms (frame budget 16 ms, aim < 2 ms)",
        worst_p95 / 1e3
    );
}
