use project_news::components::event_card::event_card;
use project_news::model::Lang;
use project_news::query::{run, EventFilter, SearchIndex};
#[test]
fn time_cards() {
    let catalog = project_news::query::synthetic::synthetic_catalog(
        &project_news::query::synthetic::shipped_catalog(),
        10_000,
        2018,
    );
    let index = SearchIndex::new(&catalog);
    let paths = project_news::context::Paths::new("");
    let mut total = std::time::Duration::ZERO;
    for word in ["p", "pi", "pis", "pise", "pisek"] {
        let filter = EventFilter::from_query(&format!("q={word}"));
        let result = run(&catalog, &index, &filter);
        let start = std::time::Instant::now();
        for _ in 0..20 {
            let mut n = 0;
            for &i in result.events.iter().take(40) {
                n += event_card(&catalog, &paths, i, Lang::Bg, &result.terms, 4).is_some() as usize;
            }
            assert!(n > 0);
        }
        let e = start.elapsed() / 20;
        total += e;
        println!("{word}: {e:?}");
    }
    println!("total {total:?}");
}
