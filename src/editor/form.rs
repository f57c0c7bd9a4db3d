//! What the editor's forms hold: every field of the news file (`docs/data-format.md`), with
//! its label in both languages and the kind of control that edits it. The views draw a form
//! from this description, so a field added to the format is one line here; a test holds the
//! description to the format's own schema.

use crate::model::{Lang, KNOWN_SECTIONS};

use super::tree::{Path, Step};

/// A label or hint in the editor's two interface languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct L(pub &'static str, pub &'static str);

impl L {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Bg => self.0,
            Lang::En => self.1,
        }
    }
}

/// The file's lists of things that events refer to by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Collection {
    Cities,
    Organisations,
    People,
    Topics,
}

impl Collection {
    pub const ALL: [Collection; 4] = [
        Collection::Cities,
        Collection::Organisations,
        Collection::People,
        Collection::Topics,
    ];

    /// The top-level key of the list.
    pub fn key(self) -> &'static str {
        match self {
            Collection::Cities => "cities",
            Collection::Organisations => "organisations",
            Collection::People => "people",
            Collection::Topics => "topics",
        }
    }

    /// The member that names an entry (`name` or, for topics, `label`).
    pub fn name_key(self) -> &'static str {
        match self {
            Collection::Topics => "label",
            _ => "name",
        }
    }

    pub fn title(self) -> L {
        match self {
            Collection::Cities => L("Градове", "Cities"),
            Collection::Organisations => L("Организации", "Organisations"),
            Collection::People => L("Хора", "People"),
            Collection::Topics => L("Теми", "Topics"),
        }
    }

    /// "New city" and so on: the button that adds one in place.
    pub fn new_label(self) -> L {
        match self {
            Collection::Cities => L("Нов град", "New city"),
            Collection::Organisations => L("Нова организация", "New organisation"),
            Collection::People => L("Нов човек", "New person"),
            Collection::Topics => L("Нова тема", "New topic"),
        }
    }

    /// The fields of one entry.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Collection::Cities => CITY,
            Collection::Organisations => ORGANISATION,
            Collection::People => PERSON,
            Collection::Topics => TOPIC,
        }
    }
}

/// A closed list of values: the JSON value and its label.
pub type Choices = &'static [(&'static str, L)];

/// What edits a field.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// Text in both languages, one line each.
    Text,
    /// Text in both languages, several lines (paragraphs, the body's markup).
    LongText,
    /// One string, the same in every language (an acronym, a publisher's name).
    Plain,
    /// Several lines of one string (the editor's note).
    Note,
    /// A URL-safe name.
    Slug,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// `HH:MM`.
    Time,
    /// An https address (or a site path where the format allows one).
    Url,
    /// A decimal number (latitude, longitude).
    Number,
    /// A whole number (an image's size in pixels).
    Integer,
    /// Yes or no.
    Bool,
    /// One of a closed list.
    Choice(Choices),
    /// The event's type, named as the site names it (the preview's badge says the same).
    EventType,
    /// The site's languages, in order.
    Languages,
    /// The id of one entry of a collection.
    Ref(Collection),
    /// Ids of entries of a collection.
    Refs(Collection),
    /// An object with fields of its own.
    Group(&'static [Field]),
    /// A list of objects; `L` names one item.
    List(&'static [Field], L),
}

/// One field of an object in the file.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: &'static str,
    pub label: L,
    pub kind: Kind,
    pub required: bool,
    pub hint: Option<L>,
}

const fn f(key: &'static str, label: L, kind: Kind, required: bool) -> Field {
    Field {
        key,
        label,
        kind,
        required,
        hint: None,
    }
}

const fn h(key: &'static str, label: L, kind: Kind, required: bool, hint: L) -> Field {
    Field {
        key,
        label,
        kind,
        required,
        hint: Some(hint),
    }
}

const DATE_HINT: L = L(
    "Година, година и месец или пълна дата: 2024, 2024-06 или 2024-06-18.",
    "A year, a year and month, or a full date: 2024, 2024-06 or 2024-06-18.",
);
const ID_HINT: L = L(
    "Малки латински букви, цифри и тирета; по него събитията се свързват със записа.",
    "Lowercase Latin letters, digits and hyphens; events refer to it.",
);

pub const LINK: &[Field] = &[
    f("label", L("Текст", "Text"), Kind::Text, true),
    f("url", L("Адрес", "Address"), Kind::Url, false),
];

pub const PROJECT: &[Field] = &[
    f("name", L("Име", "Name"), Kind::Text, true),
    f("acronym", L("Акроним", "Acronym"), Kind::Plain, true),
    f("programme", L("Програма за финансиране", "Funding programme"), Kind::Text, true),
    f(
        "grant_agreement",
        L("Номер на споразумението", "Grant agreement"),
        Kind::Plain,
        false,
    ),
    h("start", L("Начало", "Start"), Kind::Date, true, DATE_HINT),
    h("end", L("Край", "End"), Kind::Date, true, DATE_HINT),
    f("website", L("Сайт", "Website"), Kind::Url, true),
    f(
        "description",
        L("Описание", "Description"),
        Kind::LongText,
        false,
    ),
    h(
        "logo",
        L("Лого", "Logo"),
        Kind::Url,
        false,
        L(
            "Път в сайта (images/…) или адрес с https.",
            "A site path (images/…) or an https address.",
        ),
    ),
    h(
        "funding",
        L("Текст за финансирането", "Funding statement"),
        Kind::LongText,
        false,
        L(
            "Точно както го изисква споразумението; ако полето е празно, текстът в долната част на страницата се съставя автоматично.",
            "Exactly as the grant requires it; without it the footer composes one.",
        ),
    ),
];

pub const SITE: &[Field] = &[
    f("publisher", L("Издател", "Publisher"), Kind::Text, true),
    f(
        "url",
        L("Начална страница на издателя", "Publisher's home page"),
        Kind::Url,
        true,
    ),
    h(
        "canonical_url",
        L("Адрес на сайта", "Site address"),
        Kind::Url,
        true,
        L(
            "Адресът, на който се отваря сайтът; използва се в емисиите и в споделените връзки.",
            "Where the site is served from; for feeds and shared links.",
        ),
    ),
    f(
        "project",
        L("Проект", "Project"),
        Kind::Group(PROJECT),
        true,
    ),
    f(
        "breadcrumbs",
        L("Навигационна пътека", "Breadcrumb trail"),
        Kind::List(LINK, L("Ниво", "Step")),
        true,
    ),
    f("languages", L("Езици", "Languages"), Kind::Languages, true),
    f("contact", L("Контакт", "Contact"), Kind::Group(LINK), true),
    h(
        "home_city",
        L("Град на издателя", "Publisher's city"),
        Kind::Ref(Collection::Cities),
        false,
        L(
            "Отбелязва се на всяка карта. Ако градът е в България, декларацията за достъпност посочва българския закон.",
            "Marked on every map. When it is in Bulgaria, the accessibility statement names Bulgarian law.",
        ),
    ),
    h(
        "statement_date",
        L(
            "Дата на изготвяне на декларацията за достъпност",
            "Accessibility statement prepared",
        ),
        Kind::Date,
        false,
        DATE_HINT,
    ),
    h(
        "contact_email",
        L("Електронна поща за обратна връзка", "Feedback e-mail"),
        Kind::Plain,
        false,
        L(
            "Декларацията за достъпност я посочва до контакта. Например: obshtina@example.bg",
            "The accessibility statement gives it beside the contact. For example: office@example.org",
        ),
    ),
    h(
        "contact_phone",
        L("Телефон за обратна връзка", "Feedback telephone"),
        Kind::Plain,
        false,
        L(
            "Както се набира от чужбина, например +359 2 123 4567.",
            "As dialled from abroad, for example +359 2 123 4567.",
        ),
    ),
    h(
        "enforcement",
        L("Орган по прилагането", "Enforcement body"),
        Kind::Group(LINK),
        false,
        L(
            "Органът, който следи за достъпността на сайтовете на публичния сектор във вашата държава: декларацията го назовава и посочва сайта му.",
            "The body that monitors the accessibility of public-sector sites in your country: the statement names it and links its site.",
        ),
    ),
];

pub const CITY_ROLES: Choices = &[
    ("lighthouse", L("Водещ град", "Lighthouse city")),
    ("follower", L("Град последовател", "Follower city")),
    ("partner", L("Град партньор", "Partner city")),
    ("other", L("Друг град", "Other city")),
];

pub const CITY: &[Field] = &[
    h("id", L("Идентификатор", "Id"), Kind::Slug, true, ID_HINT),
    f("name", L("Име", "Name"), Kind::Text, true),
    h(
        "country",
        L("Държава", "Country"),
        Kind::Plain,
        true,
        L(
            "Двубуквен код на държавата по ISO 3166-1, например BG, RO, GR",
            "ISO 3166-1 two-letter code, such as BG, RO, GR",
        ),
    ),
    f("role", L("Роля", "Role"), Kind::Choice(CITY_ROLES), true),
    f(
        "lat",
        L("Географска ширина", "Latitude"),
        Kind::Number,
        true,
    ),
    f(
        "lon",
        L("Географска дължина", "Longitude"),
        Kind::Number,
        true,
    ),
    f(
        "partner",
        L("Партньорска организация", "Partner organisation"),
        Kind::Ref(Collection::Organisations),
        false,
    ),
];

pub const ORGANISATION_KINDS: Choices = &[
    ("municipality", L("Община", "Municipality")),
    ("university", L("Университет", "University")),
    ("research", L("Научна организация", "Research body")),
    ("company", L("Фирма", "Company")),
    ("agency", L("Агенция", "Agency")),
    ("association", L("Сдружение", "Association")),
    ("other", L("Друга", "Other")),
];

pub const ORGANISATION_ROLES: Choices = &[
    ("coordinator", L("Координатор", "Coordinator")),
    ("partner", L("Партньор", "Partner")),
    (
        "external",
        L("Външна (не е партньор)", "External (not a partner)"),
    ),
];

pub const ORGANISATION: &[Field] = &[
    h("id", L("Идентификатор", "Id"), Kind::Slug, true, ID_HINT),
    f("name", L("Име", "Name"), Kind::Text, true),
    f(
        "short_name",
        L("Кратко име", "Short name"),
        Kind::Plain,
        false,
    ),
    f(
        "kind",
        L("Вид", "Kind"),
        Kind::Choice(ORGANISATION_KINDS),
        true,
    ),
    f(
        "role",
        L("Роля в проекта", "Role in the project"),
        Kind::Choice(ORGANISATION_ROLES),
        true,
    ),
    f(
        "city",
        L("Град", "City"),
        Kind::Ref(Collection::Cities),
        false,
    ),
    h(
        "country",
        L("Държава", "Country"),
        Kind::Plain,
        false,
        L(
            "Двубуквен код по ISO 3166-1.",
            "ISO 3166-1 two-letter code.",
        ),
    ),
    f("website", L("Сайт", "Website"), Kind::Url, false),
];

pub const PERSON: &[Field] = &[
    h("id", L("Идентификатор", "Id"), Kind::Slug, true, ID_HINT),
    f("name", L("Име", "Name"), Kind::Text, true),
    f("role", L("Длъжност", "Role"), Kind::Text, true),
    f(
        "organisation",
        L("Организация", "Organisation"),
        Kind::Ref(Collection::Organisations),
        true,
    ),
];

pub const TOPIC: &[Field] = &[
    h("id", L("Идентификатор", "Id"), Kind::Slug, true, ID_HINT),
    f("label", L("Име", "Label"), Kind::Text, true),
];

const LOCATION: &[Field] = &[
    f(
        "city",
        L("Град", "City"),
        Kind::Ref(Collection::Cities),
        false,
    ),
    f("venue", L("Зала", "Venue"), Kind::Text, false),
    f("address", L("Адрес", "Address"), Kind::Text, false),
    f("online", L("Онлайн", "Online"), Kind::Bool, false),
];

const HOST: &[Field] = &[
    f(
        "city",
        L("Град", "City"),
        Kind::Ref(Collection::Cities),
        false,
    ),
    f(
        "organisation",
        L("Организация", "Organisation"),
        Kind::Ref(Collection::Organisations),
        false,
    ),
];

const PARTICIPANTS: &[Field] = &[
    f(
        "cities",
        L("Градове", "Cities"),
        Kind::Refs(Collection::Cities),
        false,
    ),
    f(
        "organisations",
        L("Организации", "Organisations"),
        Kind::Refs(Collection::Organisations),
        false,
    ),
    f(
        "lead_partner",
        L("Водещ партньор", "Lead partner"),
        Kind::Ref(Collection::Organisations),
        false,
    ),
];

const PRESENTER: &[Field] = HOST;

const SESSION: &[Field] = &[
    h(
        "time",
        L("Час", "Time"),
        Kind::Time,
        false,
        L("ЧЧ:ММ, местно време.", "HH:MM, local time."),
    ),
    f("title", L("Заглавие", "Title"), Kind::Text, true),
    f(
        "presenter",
        L("Представя", "Presented by"),
        Kind::Group(PRESENTER),
        false,
    ),
    f(
        "description",
        L("Описание", "Description"),
        Kind::LongText,
        false,
    ),
];

const AGENDA_DAY: &[Field] = &[
    h("date", L("Дата", "Date"), Kind::Date, true, DATE_HINT),
    f(
        "sessions",
        L("Точки", "Sessions"),
        Kind::List(SESSION, L("Точка", "Session")),
        true,
    ),
];

const SITE_VISIT: &[Field] = &[
    f("title", L("Заглавие", "Title"), Kind::Text, true),
    f(
        "description",
        L("Описание", "Description"),
        Kind::LongText,
        false,
    ),
];

const IMAGE: &[Field] = &[
    h(
        "src",
        L("Файл", "File"),
        Kind::Url,
        true,
        L(
            "Път в сайта (images/…) или адрес с https.",
            "A site path (images/…) or an https address.",
        ),
    ),
    h(
        "alt",
        L("Алтернативен текст", "Alternative text"),
        Kind::Text,
        true,
        L(
            "Какво показва снимката – за хората, които не могат да я видят.",
            "What the picture shows, for those who cannot see it.",
        ),
    ),
    f("width", L("Ширина (px)", "Width (px)"), Kind::Integer, true),
    f(
        "height",
        L("Височина (px)", "Height (px)"),
        Kind::Integer,
        true,
    ),
    f("caption", L("Надпис", "Caption"), Kind::Text, false),
    f("credit", L("Автор", "Credit"), Kind::Plain, false),
];

const SOURCE: &[Field] = &[
    f("url", L("Адрес", "Address"), Kind::Url, true),
    f("title", L("Заглавие", "Title"), Kind::Text, true),
    f("publisher", L("Издател", "Publisher"), Kind::Plain, true),
    h("date", L("Дата", "Date"), Kind::Date, false, DATE_HINT),
];

pub const EVENT: &[Field] = &[
    h(
        "slug",
        L("Адрес на страницата", "Page address"),
        Kind::Slug,
        true,
        L(
            "Малки латински букви, цифри и тирета; става част от адреса: events/…",
            "Lowercase Latin letters, digits and hyphens; it becomes the address: events/…",
        ),
    ),
    f("type", L("Вид", "Type"), Kind::EventType, true),
    h("start", L("Начало", "Start"), Kind::Date, true, DATE_HINT),
    h("end", L("Край", "End"), Kind::Date, false, DATE_HINT),
    h(
        "published",
        L("Публикувано", "Published"),
        Kind::Date,
        false,
        DATE_HINT,
    ),
    f("title", L("Заглавие", "Title"), Kind::Text, true),
    f("summary", L("Резюме", "Summary"), Kind::LongText, true),
    h(
        "body",
        L("Основен текст", "Body"),
        Kind::LongText,
        false,
        L(
            "Абзаците се отделят с празен ред. За **получер**, *курсив* и връзки: [текст](адрес).",
            "Paragraphs are separated by a blank line; **bold**, *italic* and [text](address).",
        ),
    ),
    f(
        "location",
        L("Място", "Location"),
        Kind::Group(LOCATION),
        false,
    ),
    f("host", L("Домакин", "Host"), Kind::Group(HOST), false),
    f("opened_by", L("Открито от", "Opened by"), Kind::Text, false),
    f(
        "participants",
        L("Участници", "Participants"),
        Kind::Group(PARTICIPANTS),
        false,
    ),
    h(
        "delegates",
        L("Представители на издателя", "The publisher's delegates"),
        Kind::Refs(Collection::People),
        false,
        L(
            "Хората, които бяха на събитието от името на издателя на сайта.",
            "The people who represented the site's publisher.",
        ),
    ),
    f(
        "agenda",
        L("Програма", "Agenda"),
        Kind::List(AGENDA_DAY, L("Ден", "Day")),
        false,
    ),
    f(
        "site_visits",
        L("Посещения на терен", "Site visits"),
        Kind::List(SITE_VISIT, L("Посещение", "Visit")),
        false,
    ),
    f(
        "topics",
        L("Теми", "Topics"),
        Kind::Refs(Collection::Topics),
        false,
    ),
    f(
        "images",
        L("Снимки", "Images"),
        Kind::List(IMAGE, L("Снимка", "Image")),
        false,
    ),
    f(
        "sources",
        L("Източници", "Sources"),
        Kind::List(SOURCE, L("Източник", "Source")),
        true,
    ),
    h(
        "note",
        L("Бележка за редакторите", "Note for editors"),
        Kind::Note,
        false,
        L(
            "Не се показва на сайта, но файлът е публичен – не пишете нищо поверително.",
            "Never shown on the site, but the file is public: nothing confidential.",
        ),
    ),
];

/// What the object at `path` is, as far as the forms know it.
enum Shape {
    Top,
    Fields(&'static [Field]),
    Text,
}

fn shape(path: &Path) -> Option<Shape> {
    let mut steps = path.0.iter();
    let mut here = match steps.next() {
        None => return Some(Shape::Top),
        Some(Step::Key(k)) if k == "site" => Shape::Fields(SITE),
        Some(Step::Key(k)) => {
            let fields = if k == "events" {
                EVENT
            } else {
                Collection::ALL.into_iter().find(|c| c.key() == k)?.fields()
            };
            match steps.next() {
                None => return None,
                Some(Step::Index(_)) => Shape::Fields(fields),
                Some(Step::Key(_)) => return None,
            }
        }
        Some(Step::Index(_)) => return None,
    };
    while let Some(step) = steps.next() {
        let (Shape::Fields(fields), Step::Key(key)) = (&here, step) else {
            return None;
        };
        let field = fields.iter().find(|f| f.key == key)?;
        here = match field.kind {
            Kind::Text | Kind::LongText => Shape::Text,
            Kind::Group(inner) => Shape::Fields(inner),
            Kind::List(inner, _) => match steps.next() {
                Some(Step::Index(_)) => Shape::Fields(inner),
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(here)
}

/// Where `key` goes among the members of the object at `path`: its place in the format's
/// order, `None` for a member the format does not know (it stays after the known ones).
pub fn rank(path: &Path, key: &str) -> Option<usize> {
    match shape(path)? {
        Shape::Top => KNOWN_SECTIONS.iter().position(|k| *k == key),
        Shape::Fields(fields) => fields.iter().position(|f| f.key == key),
        Shape::Text => ["bg", "en"].iter().position(|k| *k == key),
    }
}

/// Where `path` is, in the form's words: "Програма › Ден 1 › Точка 2 › Заглавие › English".
/// The steps the forms do not know are left as they are written.
pub fn describe(path: &Path, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut here: Option<&'static [Field]> = None;
    let mut item: Option<L> = None;
    let mut text = false;
    for (i, step) in path.0.iter().enumerate() {
        match step {
            Step::Key(k) if i == 0 => {
                here = match k.as_str() {
                    "site" => Some(SITE),
                    "events" => Some(EVENT),
                    _ => Collection::ALL
                        .into_iter()
                        .find(|c| c.key() == k)
                        .map(Collection::fields),
                };
                if let Some(c) = Collection::ALL.into_iter().find(|c| c.key() == k) {
                    parts.push(c.title().get(lang).to_owned());
                }
            }
            Step::Key(k) if text => {
                parts.push(match k.as_str() {
                    "bg" => "Български".to_owned(),
                    "en" => "English".to_owned(),
                    other => other.to_owned(),
                });
            }
            Step::Key(k) => match here.and_then(|fields| fields.iter().find(|f| f.key == k)) {
                Some(field) => {
                    parts.push(field.label.get(lang).to_owned());
                    match field.kind {
                        Kind::Group(inner) => here = Some(inner),
                        Kind::List(inner, one) => {
                            here = Some(inner);
                            item = Some(one);
                        }
                        Kind::Text | Kind::LongText => text = true,
                        _ => here = None,
                    }
                }
                None => {
                    parts.push(k.clone());
                    here = None;
                }
            },
            Step::Index(n) if i == 1 => {
                if path.0.first() != Some(&Step::Key("events".to_owned())) {
                    parts.push(format!("{}", n + 1));
                }
            }
            Step::Index(n) => match item.take() {
                Some(one) => parts.push(format!("{} {}", one.get(lang), n + 1)),
                None => parts.push(format!("{}", n + 1)),
            },
        }
    }
    parts.join(" › ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The definition a property's schema names, through `Option` and `Vec`.
    fn definition<'s>(schema: &'s Value, property: &'s Value) -> Option<&'s Value> {
        if let Some(r) = property.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next()?;
            return schema["$defs"].get(name);
        }
        for key in ["items", "anyOf", "allOf", "oneOf"] {
            match property.get(key) {
                Some(Value::Array(options)) => {
                    if let Some(found) = options.iter().find_map(|o| definition(schema, o)) {
                        return Some(found);
                    }
                }
                Some(inner @ Value::Object(_)) => return definition(schema, inner),
                _ => {}
            }
        }
        None
    }

    fn check(schema: &Value, def: &Value, fields: &[Field], at: &str, out: &mut Vec<String>) {
        let props = def["properties"].as_object().expect("an object definition");
        let required: Vec<&str> = def["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let ours: Vec<&str> = fields.iter().map(|f| f.key).collect();
        for key in props.keys() {
            if !ours.contains(&key.as_str()) {
                out.push(format!("{at}: the editor has no field `{key}`"));
            }
        }
        for field in fields {
            let Some(prop) = props.get(field.key) else {
                out.push(format!("{at}: `{}` is not in the format", field.key));
                continue;
            };
            if field.required != required.contains(&field.key) {
                out.push(format!("{at}.{}: required differs", field.key));
            }
            if let Kind::Group(inner) | Kind::List(inner, _) = field.kind {
                match definition(schema, prop) {
                    Some(d) => check(schema, d, inner, &format!("{at}.{}", field.key), out),
                    None => out.push(format!("{at}.{}: no definition", field.key)),
                }
            }
        }
    }

    #[test]
    fn the_forms_hold_every_field_of_the_format_and_no_other() {
        let schema: Value =
            serde_json::from_str(&crate::model::schema::news_schema_json()).unwrap();
        let root = &schema;
        let mut problems = Vec::new();
        let site = definition(&schema, &root["properties"]["site"]).unwrap();
        check(&schema, site, SITE, "site", &mut problems);
        let event = definition(&schema, &root["properties"]["events"]).unwrap();
        check(&schema, event, EVENT, "events[]", &mut problems);
        for c in Collection::ALL {
            let def = definition(&schema, &root["properties"][c.key()]).unwrap();
            check(&schema, def, c.fields(), c.key(), &mut problems);
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn members_rank_in_the_formats_order() {
        let event = Path::parse("events[2]");
        assert!(rank(&event, "slug") < rank(&event, "start"));
        assert!(rank(&event, "sources") < rank(&event, "note"));
        assert_eq!(rank(&event, "colour"), None);
        assert_eq!(rank(&Path::parse("events[2].title"), "en"), Some(1));
        assert_eq!(
            rank(
                &Path::parse("events[0].agenda[1].sessions[0].presenter"),
                "organisation"
            ),
            Some(1)
        );
        assert_eq!(rank(&Path::parse("site.project"), "acronym"), Some(1));
        assert_eq!(rank(&Path::root(), "events"), Some(7));
        assert_eq!(rank(&Path::parse("cities[0]"), "lat"), Some(4));
    }

    #[test]
    fn paths_are_said_in_the_forms_words() {
        let said = |p: &str, l| describe(&Path::parse(p), l);
        assert_eq!(
            said("events[3].agenda[0].sessions[1].title.en", Lang::Bg),
            "Програма › Ден 1 › Точки › Точка 2 › Заглавие › English"
        );
        assert_eq!(said("events[3].slug", Lang::En), "Page address");
        assert_eq!(said("cities[2].lat", Lang::En), "Cities › 3 › Latitude");
        assert_eq!(said("site.project.start", Lang::Bg), "Проект › Начало");
        assert_eq!(said("events[0].colour", Lang::En), "colour");
        assert_eq!(said("events[0]", Lang::En), "");
    }
}
