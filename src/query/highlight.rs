//! Marking search words in the original text, through case, marks and script: the word
//! "plovdiv" marks "Plovdiv" and "Пловдив" as they are written.

use super::index::{for_each_part, Part};
use crate::model::Catalog;
use crate::text::{fold_for_search, fold_into, fold_mapped, Form};

/// The parts of event `index` where one of the (folded) `terms` is found, each once, in the
/// order of [`Part`]: what a result that shows no marked word can say about why it was found.
pub fn matched_parts(catalog: &Catalog, index: usize, terms: &[String]) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let Some(event) = catalog.events.get(index) else {
        return parts;
    };
    let terms = search_terms(terms);
    if terms.is_empty() {
        return parts;
    }
    let mut buffer = String::new();
    for_each_part(catalog, event, &mut |part, text| {
        if parts.last() != Some(&part) && holds(&mut buffer, text, &terms) {
            parts.push(part);
        }
    });
    parts
}

/// The terms as search words: folded, without empty ones and phrases.
fn search_terms(terms: &[String]) -> Vec<String> {
    terms
        .iter()
        .map(|t| fold_for_search(t))
        .filter(|t| !t.is_empty() && !t.contains(' '))
        .collect()
}

/// Whether the folded `text` (in either spelling) contains one of the folded `terms`, folded
/// into `buffer` (reused: this answers for every text of an event); no runs are made.
fn holds(buffer: &mut String, text: &str, terms: &[String]) -> bool {
    let mut has = |form: Form| {
        buffer.clear();
        fold_into(buffer, text, form);
        terms.iter().any(|t| buffer.contains(t.as_str()))
    };
    has(Form::Official) || (text.contains(['я', 'Я']) && has(Form::LetterByLetter))
}

/// Splits `text` into runs, `true` where a run matches one of the (folded) `terms`.
/// Adjacent and overlapping matches merge into one run; an empty text gives no runs.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let terms = search_terms(terms);
    // Most texts of a page hold no match: found out by folding alone, without the map back to
    // the source (every visible card's texts are asked on every keystroke).
    if terms.is_empty() || !holds(&mut String::new(), text, &terms) {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![(text.to_owned(), false)]
        };
    }
    let mut marked = vec![false; text.len()];
    {
        for form in [Form::Official, Form::LetterByLetter] {
            // The two spellings differ only around "я".
            if form == Form::LetterByLetter && !text.contains(['я', 'Я']) {
                continue;
            }
            let folded = fold_mapped(text, form);
            for term in &terms {
                let mut from = 0;
                while let Some(found) = folded.text[from..].find(term.as_str()) {
                    let at = from + found;
                    if let Some(source) = folded.source_range(at..at + term.len()) {
                        marked[source].fill(true);
                    }
                    // Step one character, so overlapping matches ("aa" in "aaa") all count.
                    from = at + folded.text[at..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }
    // A match in the folded text that maps to no source character leaves nothing marked.
    if !marked.contains(&true) {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![(text.to_owned(), false)]
        };
    }
    // A run is cut where the mark changes, and copied once (this runs for every visible
    // card on every keystroke).
    let mut runs = Vec::new();
    let mut start = 0;
    for (at, _) in text.char_indices().skip(1) {
        if marked[at] != marked[start] {
            runs.push((text[start..at].to_owned(), marked[start]));
            start = at;
        }
    }
    runs.push((text[start..].to_owned(), marked[start]));
    runs
}

#[cfg(test)]
mod tests {
    use crate::model::{Catalog, Lang, Text};
    use crate::query::synthetic::shipped_catalog;
    use crate::query::Part;

    /// The shipped catalog with `word` put into one part of the first event that has an
    /// agenda and delegates: its first session's title, or (when `delegate`) the name of its
    /// first delegate.
    fn with_word(word: &str, delegate: bool) -> (Catalog, usize) {
        let mut catalog = shipped_catalog();
        let index = catalog
            .events
            .iter()
            .position(|e| !e.agenda.is_empty() && !e.delegates.is_empty())
            .unwrap();
        if delegate {
            let id = catalog.events[index].delegates[0].clone();
            let person = catalog.people.iter_mut().find(|p| p.id == id).unwrap();
            person.name = Text::new(word, word);
        } else {
            catalog.events[index].agenda[0].sessions[0].title = Text::new(word, word);
        }
        (catalog, index)
    }

    #[test]
    fn a_word_found_in_one_part_is_reported_there_only() {
        let (catalog, index) = with_word("Квазиплощ", false);
        let terms = vec!["kvaziplosht".to_owned()];
        assert_eq!(matched_parts(&catalog, index, &terms), [Part::Agenda]);
        let (catalog, index) = with_word("Zorbanov", true);
        let terms = vec!["зорбанов".to_owned()];
        assert_eq!(matched_parts(&catalog, index, &terms), [Part::Delegates]);
        assert!(matched_parts(&catalog, index, &[]).is_empty());
        assert!(matched_parts(&catalog, usize::MAX, &terms).is_empty());
    }

    #[test]
    fn roles_and_source_titles_are_searched_as_the_page_shows_them() {
        let mut catalog = shipped_catalog();
        let (index, delegate) = catalog
            .events
            .iter()
            .enumerate()
            .find_map(|(i, e)| Some((i, e.delegates.first()?.clone())))
            .unwrap();
        let person = catalog
            .people
            .iter_mut()
            .find(|p| p.id == delegate)
            .unwrap();
        person.role = Text::new("Главен квазиинженер", "Chief quasiengineer");
        catalog.events[index].sources[0].title = Text::new("Бюлетин Зорба", "Zorba bulletin");
        catalog.events[index].images = vec![crate::model::Image {
            src: "images/a.jpg".into(),
            alt: Text::new("Пингвинарий", "Penguinarium"),
            width: 4,
            height: 3,
            caption: Some(Text::new("Курсистите", "The trainees")),
            credit: Some("Фотостудио Квант".into()),
        }];
        let parts = |word: &str| matched_parts(&catalog, index, &[word.to_owned()]);
        assert_eq!(parts("kvaziinzhener"), [Part::Delegates]);
        assert_eq!(parts("quasiengineer"), [Part::Delegates]);
        assert_eq!(parts("зорба"), [Part::Sources]);
        // Under a photo: its caption in either language and its credit; not its alt text,
        // which the page does not show.
        assert_eq!(parts("курсист"), [Part::Photos]);
        assert_eq!(parts("trainees"), [Part::Photos]);
        assert_eq!(parts("kvant"), [Part::Photos]);
        assert_eq!(parts("penguinarium"), []);
        let index_words = crate::query::SearchIndex::new(&catalog);
        let filter = crate::query::EventFilter {
            text: "quasiengineer".into(),
            ..Default::default()
        };
        let found = crate::query::run(&catalog, &index_words, &filter);
        assert_eq!(
            found.events,
            [index],
            "the search finds what the page shows"
        );
    }

    #[test]
    fn parts_come_once_each_in_order() {
        let catalog = shipped_catalog();
        let (index, event) = catalog
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| e.participants.cities.len() > 1)
            .unwrap();
        let city = catalog.city(&event.participants.cities[0]).unwrap();
        let terms = vec![crate::text::fold_for_search(city.name.get(Lang::Bg))];
        let parts = matched_parts(&catalog, index, &terms);
        assert!(parts.contains(&Part::Cities), "{parts:?}");
        let mut sorted = parts.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(parts, sorted);
    }

    use super::*;

    fn terms(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn runs(text: &str, words: &[&str]) -> Vec<(String, bool)> {
        highlight(text, &terms(words))
    }

    fn run(text: &str, hit: bool) -> (String, bool) {
        (text.to_owned(), hit)
    }

    #[test]
    fn marks_through_diacritics() {
        assert_eq!(
            runs("Meeting in Hradec Králové, 2022", &["kralove"]),
            vec![
                run("Meeting in Hradec ", false),
                run("Králové", true),
                run(", 2022", false)
            ]
        );
    }

    #[test]
    fn marks_through_cyrillic() {
        assert_eq!(
            runs("Среща в Габрово", &["gabrovo"]),
            vec![run("Среща в ", false), run("Габрово", true)]
        );
        assert_eq!(
            runs("Щастие", &["sht"]),
            vec![run("Щ", true), run("астие", false)]
        );
    }

    #[test]
    fn marks_both_spellings_of_word_final_iya() {
        assert_eq!(runs("София", &["sofia"]), vec![run("София", true)]);
        assert_eq!(runs("София", &["sofiya"]), vec![run("София", true)]);
        assert_eq!(
            runs("Вила Юлия, Румъния", &["yuliya"]),
            vec![
                run("Вила ", false),
                run("Юлия", true),
                run(", Румъния", false)
            ]
        );
    }

    #[test]
    fn partial_words_and_several_terms() {
        assert_eq!(
            runs("Gabrovo and Pärnu", &["gab", "parnu"]),
            vec![
                run("Gab", true),
                run("rovo and ", false),
                run("Pärnu", true)
            ]
        );
    }

    #[test]
    fn overlapping_and_adjacent_matches_merge() {
        assert_eq!(
            runs("aaab", &["aa"]),
            vec![run("aaa", true), run("b", false)]
        );
        assert_eq!(runs("abcd", &["ab", "cd"]), vec![run("abcd", true)]);
    }

    #[test]
    fn unfolded_terms_are_folded_first() {
        assert_eq!(runs("Kůrovka", &["KŮROVKA"]), vec![run("Kůrovka", true)]);
    }

    #[test]
    fn no_terms_or_no_match_gives_one_plain_run() {
        assert_eq!(runs("Трондхайм", &[]), vec![run("Трондхайм", false)]);
        assert_eq!(
            runs("Трондхайм", &["limerick"]),
            vec![run("Трондхайм", false)]
        );
        assert_eq!(
            runs("Трондхайм", &["", "  "]),
            vec![run("Трондхайм", false)]
        );
        assert!(runs("", &["a"]).is_empty());
    }

    #[test]
    fn i_short_is_not_marked_by_i() {
        assert_eq!(runs("Йордан", &["iordan"]), vec![run("Йордан", false)]);
        assert_eq!(runs("Йордан", &["yordan"]), vec![run("Йордан", true)]);
    }
}
