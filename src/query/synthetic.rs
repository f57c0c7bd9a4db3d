//! Catalogs for tests and benchmarks: the shipped news file, compiled in, and a seeded
//! generator of many plausible events over a catalog's own cities, partners and topics.
//!
//! Nothing here is shown to visitors; the generated events are not news.

use crate::model::testing::event;
use crate::model::{parse_news, Catalog, EventType, Lang, Location, PartialDate, Text};

/// A tiny xorshift generator: deterministic across platforms, no dependency.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        // Zero is xorshift's one fixed point; mixing the seed avoids it for every seed but one.
        let state = seed ^ 0x9E37_79B9_7F4A_7C15;
        Self(if state == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            state
        })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with a chance of `percent` in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// The shipped news file, compiled in so tests and benchmarks need no file system.
const SHIPPED_NEWS: &str = include_str!("../../public/data/news.json");

/// The shipped news file, parsed: the one catalog of real project facts that tests and
/// benchmarks share.
///
/// # Panics
/// When the shipped file does not load at all (its own content tests say why in detail): an
/// empty stand-in would let every test over it pass without checking anything.
pub fn shipped_catalog() -> Catalog {
    match parse_news(SHIPPED_NEWS) {
        Ok(catalog) => catalog,
        Err(fatal) => panic!("the shipped news file does not load: {}", fatal.message()),
    }
}

/// Phrases for generated titles and summaries, per event type: Bulgarian, English.
const TITLES: [(&str, &str); 11] = [
    ("Среща на консорциума", "Consortium meeting"),
    ("Работилница", "Workshop"),
    ("Обучителна сесия", "Learning session"),
    ("Посещение на място", "Site visit"),
    ("Уебинар", "Webinar"),
    ("Местно събитие", "Local event"),
    ("Изложба", "Exhibition"),
    ("Хакатон", "Hackathon"),
    ("Обществена консултация", "Public consultation"),
    ("Публикация", "Publication"),
    ("Етап от проекта", "Project milestone"),
];

const SENTENCES: [(&str, &str); 8] = [
    (
        "Партньорите обсъдиха позитивните енергийни квартали.",
        "Partners discussed positive energy districts.",
    ),
    (
        "Гражданите дадоха идеи за мобилност и енергия.",
        "Citizens gave ideas on mobility and energy.",
    ),
    (
        "Бяха представени резултатите от последната година.",
        "Results from the last year were presented.",
    ),
    (
        "Учениците работиха в отбори по теми за климата.",
        "Students worked in teams on climate topics.",
    ),
    (
        "Градовете последователи споделиха своя опит.",
        "The follower cities shared their experience.",
    ),
    (
        "Беше показано приложение за споделена мобилност.",
        "A shared mobility app was shown.",
    ),
    (
        "Обсъдена беше визията на града до 2050\u{a0}г.",
        "The city's vision to 2050 was discussed.",
    ),
    (
        "Разказването на истории помага на общностите.",
        "Storytelling helps communities.",
    ),
];

/// `count` generated events over the cities, organisations, people and topics of `base`
/// (the shipped file's when `base` has no cities), the same for the same `seed`.
pub fn synthetic_catalog(base: &Catalog, count: usize, seed: u64) -> Catalog {
    let fallback;
    let base = if base.cities.is_empty() {
        fallback = parse_news(SHIPPED_NEWS).ok();
        fallback.as_ref().unwrap_or(base)
    } else {
        base
    };
    let mut rng = XorShift::new(seed);
    let mut events = Vec::with_capacity(count);
    for n in 0..count {
        let kind_index = rng.below(EventType::ALL.len());
        let kind = EventType::ALL[kind_index];
        let year = 2018 + rng.below(6) as i32;
        let month = 1 + rng.below(12) as u8;
        let start = match rng.below(10) {
            0 => PartialDate {
                year,
                month: None,
                day: None,
            },
            1 | 2 => PartialDate::ym(year, month),
            _ => PartialDate::ymd(year, month, 1 + rng.below(28) as u8),
        };
        let host = rng.pick(&base.cities);
        let (title_bg, title_en) = TITLES[kind_index];
        let (place_bg, place_en) = match host {
            Some(c) => (
                c.name.get(Lang::Bg).to_owned(),
                c.name.get(Lang::En).to_owned(),
            ),
            None => (String::new(), String::new()),
        };
        let (s1_bg, s1_en) = SENTENCES[rng.below(SENTENCES.len())];
        let (s2_bg, s2_en) = SENTENCES[rng.below(SENTENCES.len())];
        let (s3_bg, s3_en) = SENTENCES[rng.below(SENTENCES.len())];
        let mut e = event(
            &format!("generated-{n:05}"),
            kind,
            start,
            Text::new(
                &format!("{title_bg} в {place_bg} №{n}"),
                &format!("{title_en} in {place_en} no. {n}"),
            ),
        );
        e.summary = Text::new(&format!("{s1_bg} {s2_bg}"), &format!("{s1_en} {s2_en}"));
        if rng.chance(60) {
            e.body = Some(Text::new(
                &format!("{s2_bg} **{s3_bg}**\n\n{s1_bg} {s3_bg}"),
                &format!("{s2_en} **{s3_en}**\n\n{s1_en} {s3_en}"),
            ));
        }
        if let Some(c) = host {
            e.location = Some(Location {
                city: Some(c.id.clone()),
                venue: None,
                address: None,
                online: rng.chance(20),
            });
        }
        for _ in 0..rng.below(4) {
            if let Some(c) = rng.pick(&base.cities) {
                if !e.participants.cities.contains(&c.id) {
                    e.participants.cities.push(c.id.clone());
                }
            }
        }
        for _ in 0..rng.below(4) {
            if let Some(o) = rng.pick(&base.organisations) {
                if !e.participants.organisations.contains(&o.id) {
                    e.participants.organisations.push(o.id.clone());
                }
            }
        }
        for _ in 0..rng.below(3) {
            if let Some(t) = rng.pick(&base.topics) {
                if !e.topics.contains(&t.id) {
                    e.topics.push(t.id.clone());
                }
            }
        }
        if rng.chance(30) {
            if let Some(p) = rng.pick(&base.people) {
                e.delegates.push(p.id.clone());
            }
        }
        events.push(e);
    }
    Catalog::new(
        base.site.clone(),
        base.cities.clone(),
        base.organisations.clone(),
        base.people.clone(),
        base.topics.clone(),
        events,
        Vec::new(),
    )
}
