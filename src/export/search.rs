//! The files of the first answer, under `search/`: the light index (`query::light`), what the
//! page's loader needs to fold a query as search does, and (written by publishing, which
//! draws them with the timeline's own view) each event's timeline entry in each language.
//! With these the loader answers a search typed on the timeline before the app has arrived;
//! the app then takes over with the same list. Pure: strings out.

use serde_json::{json, Map, Value};

use crate::export::found_part;
use crate::i18n::ui;
use crate::model::{Catalog, Lang};
use crate::query::light::{LightIndex, TooLarge, LONG_FILE};
use crate::query::Part;
use crate::text::{letter_table, COMBINING, ENDINGS, MAX_QUERY_CHARS, MIN_STEM};

/// The folder of the first answer's files, below the site's root.
pub const DIR: &str = "search";

/// Where event `number` (its position in the catalog) is published as a timeline entry.
pub fn entry_path(lang: Lang, number: usize) -> String {
    format!("{DIR}/{}/{number}.txt", lang.code())
}

/// The light index's files and `meta.json`, as (path below the site's root, contents): every
/// file of the index (`search/0.txt` …, some possibly empty, so the loader never asks for one
/// that is not there) and `search/long.txt` when there are long words. `page` is how many
/// entries the timeline draws at first. An index that would be too large for what the archive holds
/// ([`TooLarge`]) is left out: `meta.json` then says there are no files, the loader answers
/// nothing itself, and the error says why.
pub fn index_files(
    catalog: &Catalog,
    page: usize,
) -> (Vec<(String, String)>, Result<(), TooLarge>) {
    let (light, outcome) = match LightIndex::new(catalog) {
        Ok(light) => (light, Ok(())),
        Err(too_large) => (
            LightIndex {
                files: 0,
                texts: Vec::new(),
                long: String::new(),
                words: too_large.words,
            },
            Err(too_large),
        ),
    };
    let long = !light.long.is_empty();
    let mut out = Vec::with_capacity(light.texts.len() + 2);
    out.push((
        format!("{DIR}/meta.json"),
        meta_json(catalog.events.len(), light.files, long, page),
    ));
    for (n, text) in light.texts.into_iter().enumerate() {
        out.push((format!("{DIR}/{n}.txt"), text));
    }
    if long {
        out.push((format!("{DIR}/{LONG_FILE}.txt"), light.long));
    }
    (out, outcome)
}

/// What the loader reads first: how many events there are, how many files the index has and
/// whether [`LONG_FILE`] exists, the
/// folding's tables and the stemmer's endings (so a query is folded exactly as the app folds
/// it, from the same tables), and the few words the count, "show more", the empty state, the
/// search's chip and the line that says where a result was found are made of (the parts'
/// names in the order of their bits in the index).
fn meta_json(events: usize, files: u32, long: bool, page: usize) -> String {
    let letters: Map<String, Value> = letter_table()
        .into_iter()
        .map(|(c, latin)| (c.to_string(), Value::from(latin)))
        .collect();
    let mut words = Map::new();
    for lang in Lang::ALL {
        let u = ui(lang);
        words.insert(
            lang.code().to_owned(),
            json!({
                "one": u.event_one,
                "other": u.event_other,
                "of": u.results_of,
                "more": u.show_more,
                "show": u.show_results,
                "showNone": u.show_none,
                "emptyTitle": u.empty_title,
                "emptyAdvice": u.empty_advice,
                "foundIn": u.found_in,
                "parts": Part::ALL.map(|part| found_part(lang, part)),
                "activeFilters": u.active_filters,
                "searchLabel": u.search_label,
                "quoted": crate::i18n::quote("%", lang),
                "removeFilter": u.remove_filter,
                "clearAll": u.clear_all,
            }),
        );
    }
    json!({
        "events": events,
        "files": files,
        "long": long,
        "page": page,
        "maxQuery": MAX_QUERY_CHARS,
        "minStem": MIN_STEM,
        "endings": ENDINGS,
        "combining": COMBINING,
        "letters": letters,
        "words": words,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::synthetic::shipped_catalog;

    #[test]
    fn the_meta_file_carries_the_tables_and_the_count() {
        let catalog = shipped_catalog();
        let (files, outcome) = index_files(&catalog, 40);
        assert_eq!(outcome, Ok(()));
        let (path, meta) = &files[0];
        assert_eq!(path, "search/meta.json");
        let meta: Value = serde_json::from_str(meta).unwrap();
        assert_eq!(meta["events"], catalog.events.len());
        assert_eq!(meta["page"], 40);
        assert_eq!(meta["letters"]["ж"], "zh");
        assert_eq!(meta["endings"][0], ENDINGS[0]);
        assert_eq!(meta["words"]["bg"]["one"], ui(Lang::Bg).event_one);
        // The parts' names in the order of their bits in the index.
        let parts = meta["words"]["en"]["parts"].as_array().unwrap();
        assert_eq!(parts.len(), Part::ALL.len());
        assert_eq!(parts[Part::Agenda as usize], ui(Lang::En).found_agenda);
        assert_eq!(meta["words"]["en"]["foundIn"], ui(Lang::En).found_in);
        assert_eq!(meta["words"]["bg"]["show"], ui(Lang::Bg).show_results);
        assert_eq!(meta["words"]["en"]["showNone"], ui(Lang::En).show_none);
        assert_eq!(meta["words"]["bg"]["quoted"], "„%“");
        assert_eq!(meta["words"]["en"]["clearAll"], ui(Lang::En).clear_all);
        assert!(files[1..]
            .iter()
            .all(|(path, _)| path.starts_with("search/") && path.ends_with(".txt")));
        assert_eq!(files.len(), 1 + meta["files"].as_u64().unwrap() as usize);
    }
}
