//! One editing session, without a browser: the file as a [`Tree`], undo and redo, what the
//! validator says of it, the missing translations, and the text that saving writes.

use std::collections::HashMap;

use crate::model::{
    parse_news, stable_json, Catalog, FatalError, Lang, NewsFile, Problem, ProblemCounts, Severity,
};
use crate::text::fold_for_search;

use super::form::{rank, Collection, Field, Kind, EVENT, SITE};
use super::tree::{Path, Step, Tree};

/// How many earlier states undo can go back to.
const UNDO_DEPTH: usize = 100;

/// What the validator says of the file as it is now.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// `None` when nothing could be read (the error says why).
    pub catalog: Option<Catalog>,
    pub fatal: Option<FatalError>,
    pub problems: Vec<Problem>,
    pub not_listed: ProblemCounts,
}

impl Analysis {
    /// `newsctl check`'s verdict, from the same code.
    pub fn of(tree: &Tree) -> Self {
        match parse_news(&tree.to_compact()) {
            Ok(mut catalog) => Self {
                problems: std::mem::take(&mut catalog.problems),
                not_listed: catalog.problems_not_listed,
                catalog: Some(catalog),
                fatal: None,
            },
            Err(fatal) => Self {
                catalog: None,
                fatal: Some(fatal),
                problems: Vec::new(),
                not_listed: ProblemCounts::default(),
            },
        }
    }

    pub fn errors(&self) -> usize {
        let listed = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        listed + self.not_listed.errors + usize::from(self.fatal.is_some())
    }

    pub fn warnings(&self) -> usize {
        let listed = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count();
        listed + self.not_listed.warnings
    }

    /// Whether the file may be saved as ready to publish.
    pub fn is_ready(&self) -> bool {
        self.errors() == 0
    }

    /// The problems at `path` (`inside`: or inside it), for the field drawn there.
    pub fn at<'a>(
        &'a self,
        path: &'a Path,
        inside: bool,
    ) -> impl Iterator<Item = &'a Problem> + 'a {
        self.problems.iter().filter(move |p| {
            let at = Path::parse(&p.path);
            if inside {
                at.starts_with(path)
            } else {
                at == *path
            }
        })
    }
}

/// The file's text as saving writes it. Without errors it is the stable form, byte for byte
/// what `newsctl fmt` writes; with errors the values stay as they are, keys in the order they
/// came, nothing dropped (a draft), since reading them into the format would lose what does
/// not fit it.
pub fn saved_text(tree: &Tree, analysis: &Analysis) -> String {
    if analysis.is_ready() {
        if let Ok(file) = serde_json::from_str::<NewsFile>(&tree.to_compact()) {
            return stable_json(&file);
        }
    }
    tree.to_pretty()
}

/// A text of the file with one language missing: where, and which language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingTranslation {
    pub path: Path,
    pub missing: Lang,
}

fn has_text(tree: &Tree, path: &Path) -> bool {
    !tree.text_at(path).trim().is_empty()
}

fn walk_texts(tree: &Tree, fields: &[Field], at: &Path, out: &mut Vec<MissingTranslation>) {
    for field in fields {
        let path = at.key(field.key);
        match field.kind {
            Kind::Text | Kind::LongText => {
                let bg = has_text(tree, &path.key("bg"));
                let en = has_text(tree, &path.key("en"));
                if bg != en {
                    let missing = if bg { Lang::En } else { Lang::Bg };
                    out.push(MissingTranslation { path, missing });
                }
            }
            Kind::Group(inner) => walk_texts(tree, inner, &path, out),
            Kind::List(inner, _) => {
                for i in 0..tree.len_at(&path) {
                    walk_texts(tree, inner, &path.index(i), out);
                }
            }
            _ => {}
        }
    }
}

/// Whether the file's site is published in `lang` (as `Site::publishes` reads it).
fn published_in(tree: &Tree, lang: Lang) -> bool {
    let langs = Path::root().key("site").key("languages");
    let listed =
        |code: &str| (0..tree.len_at(&langs)).any(|i| tree.text_at(&langs.index(i)) == code);
    listed(lang.code()) || (!listed("bg") && !listed("en"))
}

/// Every text that has one language and not the other, in file order; a site in Bulgarian
/// alone misses no English.
pub fn missing_translations(tree: &Tree) -> Vec<MissingTranslation> {
    let mut out = Vec::new();
    walk_texts(tree, SITE, &Path::root().key("site"), &mut out);
    for c in Collection::ALL {
        let list = Path::root().key(c.key());
        for i in 0..tree.len_at(&list) {
            walk_texts(tree, c.fields(), &list.index(i), &mut out);
        }
    }
    let events = Path::root().key("events");
    for i in 0..tree.len_at(&events) {
        walk_texts(tree, EVENT, &events.index(i), &mut out);
    }
    // A site in one language misses none of the other.
    out.retain(|m| published_in(tree, m.missing));
    out
}

/// One line of the editor's list of events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRow {
    /// The event's place in the file's `events` array.
    pub index: usize,
    pub start: String,
    pub title: String,
    pub slug: String,
    /// Whether another row has the same date and title (a copy just made): the list then
    /// shows the slug too, to tell them apart.
    pub twin: bool,
}

/// The file's events, newest first, those matching `filter` (words of the title in either
/// language or of the slug, Cyrillic and Latin alike).
pub fn event_rows(tree: &Tree, lang: Lang, filter: &str) -> Vec<EventRow> {
    let events = Path::root().key("events");
    let words: Vec<String> = fold_for_search(filter)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let mut rows: Vec<EventRow> = (0..tree.len_at(&events))
        .map(|index| {
            let event = events.index(index);
            let title = event.key("title");
            let mine = tree.text_at(&title.key(lang.code()));
            let title_text = if mine.trim().is_empty() {
                tree.text_at(&title.key(lang.other().code()))
            } else {
                mine
            };
            EventRow {
                index,
                start: tree.text_at(&event.key("start")),
                title: title_text,
                slug: tree.text_at(&event.key("slug")),
                twin: false,
            }
        })
        .filter(|row| {
            if words.is_empty() {
                return true;
            }
            let event = events.index(row.index).key("title");
            let hay = fold_for_search(&format!(
                "{} {} {}",
                tree.text_at(&event.key("bg")),
                tree.text_at(&event.key("en")),
                row.slug
            ));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect();
    rows.sort_by(|a, b| b.start.cmp(&a.start).then(a.index.cmp(&b.index)));
    // Sorted by date, rows of one date and title may still have others between them. (A map
    // of the one type the validator has already: another type adds its own code to the wasm.)
    let mut seen: HashMap<String, usize> = HashMap::new();
    for i in 0..rows.len() {
        let key = format!("{}\n{}", rows[i].start, rows[i].title);
        if let Some(&first) = seen.get(&key) {
            rows[first].twin = true;
            rows[i].twin = true;
        } else {
            seen.insert(key, i);
        }
    }
    rows
}

/// The entries of a collection as (id, name in `lang`), in file order.
pub fn choices(tree: &Tree, collection: Collection, lang: Lang) -> Vec<(String, String)> {
    let list = Path::root().key(collection.key());
    (0..tree.len_at(&list))
        .map(|i| {
            let entry = list.index(i);
            let name = entry.key(collection.name_key());
            let mine = tree.text_at(&name.key(lang.code()));
            let shown = if mine.trim().is_empty() {
                tree.text_at(&name.key(lang.other().code()))
            } else {
                mine
            };
            (tree.text_at(&entry.key("id")), shown)
        })
        .collect()
}

/// A slug not yet taken by an event: `base`, else `base-2`, `base-3`…
pub fn free_slug(tree: &Tree, base: &str) -> String {
    let events = Path::root().key("events");
    let taken: Vec<String> = (0..tree.len_at(&events))
        .map(|i| tree.text_at(&events.index(i).key("slug")))
        .collect();
    let base = if base.is_empty() { "event" } else { base };
    if !taken.iter().any(|s| s == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s))
        .unwrap_or_default()
}

/// A new event with what every event needs (the validator lists what is still empty).
pub fn new_event(tree: &Tree, start: &str) -> Tree {
    let mut event = new_item(EVENT);
    event.set(
        &Path::root().key("slug"),
        Tree::string(free_slug(tree, "new-event")),
    );
    event.set(&Path::root().key("type"), Tree::string("local_event"));
    event.set(&Path::root().key("start"), Tree::string(start));
    event
}

/// An entry of a list, with each required member there (empty) for the form to fill.
pub fn new_item(fields: &[Field]) -> Tree {
    let mut item = Tree::object();
    for field in fields.iter().filter(|f| f.required) {
        let value = match field.kind {
            Kind::Text | Kind::LongText | Kind::Group(_) => Tree::object(),
            Kind::List(..) | Kind::Refs(_) | Kind::Languages => Tree::Array(Vec::new()),
            _ => Tree::string(""),
        };
        item.set(&Path::root().key(field.key), value);
    }
    item
}

/// The undo history around a tree.
#[derive(Clone, Debug)]
pub struct Session {
    pub tree: Tree,
    undo: Vec<Tree>,
    redo: Vec<Tree>,
    /// The field last typed into: typing on in it adds no new undo step.
    typing_in: Option<Path>,
}

impl Session {
    pub fn new(tree: Tree) -> Self {
        Self {
            tree,
            undo: Vec::new(),
            redo: Vec::new(),
            typing_in: None,
        }
    }

    fn remember(&mut self) {
        self.undo.push(self.tree.clone());
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// A change of the whole structure (add, delete, move): one undo step of its own.
    pub fn change(&mut self, apply: impl FnOnce(&mut Tree)) {
        self.remember();
        self.typing_in = None;
        apply(&mut self.tree);
    }

    /// A value typed into the field at `path`; an empty value clears it (see
    /// [`Tree::clear`], `keep` steps stay). Letters typed into one field are one undo step.
    pub fn type_into(&mut self, path: &Path, value: Tree, keep: usize) {
        if self.typing_in.as_ref() != Some(path) {
            self.remember();
            self.typing_in = Some(path.clone());
        }
        let empty = matches!(&value, Tree::String(s) if s.is_empty());
        if empty {
            self.tree.clear(path, keep);
        } else {
            self.tree.set_ranked(path, value, &rank);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> bool {
        let Some(before) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(&mut self.tree, before));
        self.typing_in = None;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(after) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.tree, after));
        self.typing_in = None;
        true
    }
}

/// Where a problem's field is drawn: the site, a collection, or an event (by file index).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Site,
    Collection(Collection),
    Event(usize),
}

impl Place {
    /// The part of the editor that holds `path`.
    pub fn of(path: &Path) -> Place {
        match path.0.as_slice() {
            [Step::Key(k), Step::Index(i), ..] if k == "events" => Place::Event(*i),
            [Step::Key(k), ..] => Collection::ALL
                .into_iter()
                .find(|c| c.key() == k)
                .map_or(Place::Site, Place::Collection),
            [] | [Step::Index(_), ..] => Place::Site,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::to_stable_form;

    const SHIPPED: &str = include_str!("../../public/data/news.json");
    const SECOND: &str = include_str!("../../tests/fixtures/second-project/news.json");

    #[test]
    fn an_unchanged_file_saves_as_newsctl_fmt_writes_it() {
        for text in [SHIPPED, SECOND] {
            let tree = Tree::parse(text).unwrap();
            let analysis = Analysis::of(&tree);
            assert!(analysis.is_ready(), "{:?}", analysis.problems);
            assert_eq!(saved_text(&tree, &analysis), to_stable_form(text).unwrap());
        }
        // Another layout of the same file comes out in the stable form too.
        let value: serde_json::Value = serde_json::from_str(SECOND).unwrap();
        let compact = serde_json::to_string(&value).unwrap();
        let tree = Tree::parse(&compact).unwrap();
        assert_eq!(
            saved_text(&tree, &Analysis::of(&tree)),
            to_stable_form(SECOND).unwrap()
        );
    }

    #[test]
    fn a_file_with_errors_keeps_everything_and_only_what_was_fixed_changes() {
        // A date that is not one, a member the format does not know, an unknown city.
        let at = SECOND.find("\"events\": [").unwrap();
        let (head, events) = SECOND.split_at(at);
        let broken = format!(
            "{head}{}",
            events.replacen("\"start\": \"", "\"start\": \"soon-", 1)
        )
        .replacen(
            "\"version\": 1,",
            "\"version\": 1,\n  \"comment\": \"kept\",",
            1,
        );
        let tree = Tree::parse(&broken).unwrap();
        let analysis = Analysis::of(&tree);
        assert!(!analysis.is_ready());
        let saved = saved_text(&tree, &analysis);
        assert_eq!(saved, Tree::parse(&broken).unwrap().to_pretty());
        assert!(saved.contains("\"comment\": \"kept\"") && saved.contains("soon-"));

        // Fixing the date changes that line only.
        let problem = analysis
            .problems
            .iter()
            .find(|p| p.path.ends_with("].start"))
            .expect("the date is reported");
        let path = Path::parse(&problem.path);
        let mut session = Session::new(tree);
        let fixed = session.tree.text_at(&path).replace("soon-", "");
        session.type_into(&path, Tree::string(fixed), path.len());
        let after = saved_text(&session.tree, &Analysis::of(&session.tree));
        let changed = saved
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(changed, 1, "{after}");
    }

    #[test]
    fn typing_is_one_undo_step_per_field_and_structure_changes_are_their_own() {
        let mut s = Session::new(Tree::parse(SECOND).unwrap());
        let original = s.tree.clone();
        let title = Path::parse("events[0].title.en");
        for word in ["A", "Ab", "Abc"] {
            s.type_into(&title, Tree::string(word), 3);
        }
        s.change(|t| {
            let e = new_event(t, "2030-01");
            t.insert(&Path::root().key("events"), 0, e);
        });
        assert!(s.undo(), "the new event goes");
        assert_eq!(s.tree.text_at(&title), "Abc");
        assert!(s.undo(), "the typing goes in one step");
        assert_eq!(s.tree, original);
        assert!(!s.can_undo());
        assert!(s.redo() && s.redo());
        assert_eq!(
            s.tree.len_at(&Path::root().key("events")),
            original.len_at(&Path::root().key("events")) + 1
        );
    }

    #[test]
    fn a_new_event_is_reported_for_what_it_lacks_and_nothing_else_breaks() {
        let mut tree = Tree::parse(SECOND).unwrap();
        let before = Analysis::of(&tree).catalog.unwrap().events.len();
        let event = new_event(&tree, "2031-05-04");
        tree.insert(&Path::root().key("events"), 0, event);
        let analysis = Analysis::of(&tree);
        assert!(!analysis.is_ready());
        let errors: Vec<&Problem> = analysis
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 3, "title, summary, sources: {errors:?}");
        let event = Path::parse("events[0]");
        assert_eq!(analysis.at(&event, true).count(), 3, "inside the event");
        assert_eq!(
            analysis.at(&event, false).count(),
            0,
            "none at the event itself"
        );
        assert_eq!(analysis.at(&event.key("title"), false).count(), 1);
        assert!(errors.iter().all(|p| p.path.starts_with("events[0].")));
        assert_eq!(
            analysis.catalog.unwrap().events.len(),
            before,
            "the others stay"
        );
        assert!(matches!(
            Place::of(&Path::parse(&analysis.problems[0].path)),
            Place::Event(0)
        ));
    }

    #[test]
    fn an_event_filled_in_any_order_is_in_the_stable_form() {
        let mut tree = Tree::parse(SECOND).unwrap();
        let city = choices(&tree, Collection::Cities, Lang::En)[0].0.clone();
        let org = choices(&tree, Collection::Organisations, Lang::En)[0]
            .0
            .clone();
        let n = tree.len_at(&Path::root().key("events"));
        let event = new_event(&tree, "2031-05-04");
        tree.insert(&Path::root().key("events"), n, event);
        let s = |v: &str| Tree::string(v);
        let n_ = |v: u32| Tree::number(v);
        // Every field of an event, last ones first, as an editor may fill them.
        let fields: Vec<(&str, Tree)> = vec![
            ("note", s("From the minutes.")),
            ("sources[0].date", s("2031-05-06")),
            ("sources[0].publisher", s("Example")),
            ("sources[0].title.en", s("News")),
            ("sources[0].title.bg", s("Новина")),
            ("sources[0].url", s("https://example.org/news")),
            ("images[0].credit", s("A. Photographer")),
            ("images[0].caption.en", s("The hall")),
            ("images[0].height", n_(600)),
            ("images[0].width", n_(800)),
            ("images[0].alt.bg", s("Снимка")),
            ("images[0].alt.en", s("Photo")),
            ("images[0].src", s("images/x.jpg")),
            ("topics[0]", s("none-yet")),
            ("site_visits[0].description.bg", s("Пеша")),
            ("site_visits[0].title.en", s("Tour")),
            ("agenda[0].sessions[0].description.en", s("D")),
            ("agenda[0].sessions[0].presenter.organisation", s(&org)),
            ("agenda[0].sessions[0].presenter.city", s(&city)),
            ("agenda[0].sessions[0].title.en", s("Opening")),
            ("agenda[0].sessions[0].time", s("09:30")),
            ("agenda[0].date", s("2031-05-04")),
            ("delegates[0]", s("nobody-yet")),
            ("participants.lead_partner", s(&org)),
            ("participants.organisations[0]", s(&org)),
            ("participants.cities[0]", s(&city)),
            ("opened_by.en", s("The mayor")),
            ("host.organisation", s(&org)),
            ("host.city", s(&city)),
            ("location.online", Tree::Bool(true)),
            ("location.address.en", s("1 Street")),
            ("location.venue.bg", s("Зала")),
            ("location.city", s(&city)),
            ("body.en", s("Body")),
            ("summary.en", s("Summary")),
            ("title.en", s("Title")),
            ("published", s("2031-05-06")),
            ("end", s("2031-05-05")),
            ("type", s("workshop")),
        ];
        let event = Path::root().key("events").index(n);
        let mut session = Session::new(tree);
        for (field, value) in fields {
            let path = Path(
                event
                    .0
                    .iter()
                    .cloned()
                    .chain(Path::parse(field).0)
                    .collect(),
            );
            session.type_into(&path, value, 0);
        }
        let tree = session.tree;
        // The references to people and topics the file may not have are errors; the order
        // is what this test is about, so the stable form comes from the model directly.
        let file: NewsFile = serde_json::from_str(&tree.to_compact()).unwrap();
        assert_eq!(
            tree.to_pretty(),
            stable_json(&file),
            "the form's order is the format's"
        );
    }

    #[test]
    fn a_site_in_bulgarian_alone_misses_no_english() {
        let both = Tree::parse(SECOND).unwrap();
        assert!(missing_translations(&both)
            .iter()
            .any(|m| m.missing == Lang::En));
        let bg = SECOND.replacen(
            "\"languages\": [\n      \"bg\",\n      \"en\"\n    ]",
            "\"languages\": [\n      \"bg\"\n    ]",
            1,
        );
        assert_ne!(bg, SECOND, "the fixture lists its languages as expected");
        let tree = Tree::parse(&bg).unwrap();
        assert!(missing_translations(&tree)
            .iter()
            .all(|m| m.missing == Lang::Bg));
    }

    #[test]
    fn missing_translations_are_found_wherever_a_text_is() {
        let mut tree = Tree::parse(SECOND).unwrap();
        let before = missing_translations(&tree);
        // The validator's warnings name the same texts.
        let warned: Vec<String> = Analysis::of(&tree)
            .problems
            .iter()
            .filter(|p| p.message.starts_with("no "))
            .map(|p| Path::parse(&p.path).parent().unwrap().to_string())
            .collect();
        let found: Vec<String> = before.iter().map(|m| m.path.to_string()).collect();
        assert_eq!(found, warned);
        tree.clear(&Path::parse("events[1].title.en"), 3);
        tree.clear(&Path::parse("site.project.name.bg"), 4);
        let missing: Vec<MissingTranslation> = missing_translations(&tree)
            .into_iter()
            .filter(|m| !before.contains(m))
            .collect();
        assert_eq!(
            missing,
            vec![
                MissingTranslation {
                    path: Path::parse("site.project.name"),
                    missing: Lang::Bg
                },
                MissingTranslation {
                    path: Path::parse("events[1].title"),
                    missing: Lang::En
                },
            ]
        );
    }

    #[test]
    fn every_text_with_one_language_is_counted_where_the_validator_warns() {
        // Every text of the file in Bulgarian alone: the editor's count and the validator's
        // warnings must name the same texts, whatever part of the file they are in.
        fn drop_english(value: &mut serde_json::Value) {
            match value {
                serde_json::Value::Object(map) => {
                    let text = map.len() == 2 && map.contains_key("bg") && map.contains_key("en");
                    if text && map.values().all(serde_json::Value::is_string) {
                        map.remove("en");
                    } else {
                        map.values_mut().for_each(drop_english);
                    }
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(drop_english),
                _ => {}
            }
        }
        let mut file: serde_json::Value = serde_json::from_str(SECOND).unwrap();
        drop_english(&mut file);
        let tree = Tree::parse(&file.to_string()).unwrap();
        let mut warned: Vec<String> = Analysis::of(&tree)
            .problems
            .iter()
            .filter(|p| p.message.starts_with("no ") && p.message.ends_with("is shown"))
            .map(|p| Path::parse(&p.path).parent().unwrap().to_string())
            .collect();
        let mut found: Vec<String> = missing_translations(&tree)
            .iter()
            .map(|m| m.path.to_string())
            .collect();
        warned.sort();
        found.sort();
        assert!(found.len() > 100, "{}", found.len());
        assert_eq!(found, warned);
    }

    #[test]
    fn the_list_of_events_is_newest_first_and_filters_in_either_script() {
        let tree = Tree::parse(SECOND).unwrap();
        let rows = event_rows(&tree, Lang::Bg, "");
        assert_eq!(rows.len(), tree.len_at(&Path::root().key("events")));
        assert!(rows.windows(2).all(|w| w[0].start >= w[1].start));
        let first = &rows[rows.len() / 2];
        let word = first
            .title
            .split_whitespace()
            .max_by_key(|w| w.len())
            .unwrap();
        let found = event_rows(&tree, Lang::Bg, &word.to_uppercase());
        assert!(found.iter().any(|r| r.index == first.index));
        assert!(event_rows(&tree, Lang::En, "zzqx-nothing").is_empty());
        assert!(rows.iter().all(|r| !r.twin));
        // A copy has the date and title of its original: both rows say which is which.
        let mut copied = tree.clone();
        let events = Path::root().key("events");
        let mut copy = copied.get(&events.index(first.index)).unwrap().clone();
        copy.set(&Path::root().key("slug"), Tree::string("a-copy"));
        copied.insert(&events, 0, copy);
        let rows = event_rows(&copied, Lang::Bg, "");
        let twins: Vec<&str> = rows
            .iter()
            .filter(|r| r.twin)
            .map(|r| r.slug.as_str())
            .collect();
        assert_eq!(twins.len(), 2);
        assert!(twins.contains(&"a-copy") && twins.contains(&first.slug.as_str()));
    }

    #[test]
    fn places_follow_the_path() {
        assert_eq!(
            Place::of(&Path::parse("events[4].title.bg")),
            Place::Event(4)
        );
        assert_eq!(
            Place::of(&Path::parse("cities[0].lat")),
            Place::Collection(Collection::Cities)
        );
        assert_eq!(Place::of(&Path::parse("site.url")), Place::Site);
        assert_eq!(Place::of(&Path::parse("version")), Place::Site);
    }
}
