//! Made-up catalogs for tests and benchmarks: a small catalog of real project facts, and a
//! seeded generator of many plausible events over a catalog's own cities, partners and topics.
//!
//! Nothing here is shown to visitors; the generated events are not news.

use crate::model::{
    AgendaDay, Catalog, City, CityRole, Event, EventType, Host, Lang, Link, Location, Organisation,
    OrganisationKind, OrganisationRole, PartialDate, Participants, Person, Project, Session, Site,
    Source, Text, Topic,
};

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

fn text(bg: &str, en: &str) -> Text {
    Text::new(bg, en)
}

fn site() -> Site {
    Site {
        publisher: text("Община Смолян", "Smolyan Municipality"),
        url: "https://www.smolyan.bg/".into(),
        canonical_url: "https://www.smolyan.bg/cityxchange/".into(),
        project: Project {
            name: text(
                "+CityxChange (Positive City ExChange)",
                "+CityxChange (Positive City ExChange)",
            ),
            acronym: "+CityxChange".into(),
            programme: text("Хоризонт 2020", "Horizon 2020"),
            grant_agreement: Some("824260".into()),
            start: PartialDate::ym(2018, 11),
            end: PartialDate::ym(2023, 10),
            website: "https://cityxchange.eu/".into(),
            description: None,
        },
        breadcrumbs: vec![Link {
            label: text("Начало", "Home"),
            url: Some("https://www.smolyan.bg/".into()),
        }],
        languages: vec![Lang::Bg, Lang::En],
        contact: Link {
            label: text("Община Смолян", "Smolyan Municipality"),
            url: Some("https://www.smolyan.bg/".into()),
        },
    }
}

fn city(id: &str, bg: &str, en: &str, country: &str, role: CityRole, lat: f64, lon: f64) -> City {
    City {
        id: id.into(),
        name: text(bg, en),
        country: country.into(),
        role,
        lat,
        lon,
        partner: None,
    }
}

fn organisation(
    id: &str,
    bg: &str,
    en: &str,
    short: Option<&str>,
    kind: OrganisationKind,
    city: Option<&str>,
) -> Organisation {
    Organisation {
        id: id.into(),
        name: text(bg, en),
        short_name: short.map(str::to_owned),
        kind,
        role: if id == "ntnu" {
            OrganisationRole::Coordinator
        } else {
            OrganisationRole::Partner
        },
        city: city.map(str::to_owned),
        country: None,
        website: None,
    }
}

fn source(url: &str, publisher: &str) -> Source {
    Source {
        url: url.into(),
        title: text("Източник", "Source"),
        publisher: publisher.into(),
        date: None,
    }
}

/// An event with only the required parts; callers add the rest.
fn event(slug: &str, kind: EventType, start: PartialDate, title: Text, summary: Text) -> Event {
    Event {
        slug: slug.into(),
        kind,
        start,
        end: None,
        published: None,
        title,
        summary,
        body: None,
        location: None,
        host: None,
        opened_by: None,
        participants: Participants::default(),
        delegates: Vec::new(),
        agenda: Vec::new(),
        site_visits: Vec::new(),
        topics: Vec::new(),
        images: Vec::new(),
        sources: vec![source("https://cityxchange.eu/", "+CityxChange")],
    }
}

fn located(city: &str, venue: Option<Text>, online: bool) -> Option<Location> {
    Some(Location {
        city: Some(city.into()),
        venue,
        address: None,
        online,
    })
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// A small catalog of the project's cities, some partners and a dozen of its events.
pub fn sample_catalog() -> Catalog {
    use CityRole::{Follower, Lighthouse};
    use OrganisationKind::{Association, Municipality, Research, University};
    let cities = vec![
        city(
            "trondheim",
            "Тронхайм",
            "Trondheim",
            "NO",
            Lighthouse,
            63.4297,
            10.3933,
        ),
        city(
            "limerick",
            "Лимерик",
            "Limerick",
            "IE",
            Lighthouse,
            52.6652,
            -8.6238,
        ),
        city(
            "alba-iulia",
            "Алба Юлия",
            "Alba Iulia",
            "RO",
            Follower,
            46.0669,
            23.57,
        ),
        city("pisek", "Писек", "Písek", "CZ", Follower, 49.309, 14.1478),
        city(
            "sestao",
            "Сестао",
            "Sestao",
            "ES",
            Follower,
            43.3108,
            -3.0056,
        ),
        city("voru", "Въру", "Võru", "EE", Follower, 57.8486, 26.9928),
        city("smolyan", "Смолян", "Smolyan", "BG", Follower, 41.583, 24.7),
    ];
    let organisations = vec![
        organisation(
            "ntnu",
            "Норвежки университет за наука и технологии",
            "Norwegian University of Science and Technology",
            Some("NTNU"),
            University,
            Some("trondheim"),
        ),
        organisation(
            "trondheim-kommune",
            "Община Тронхайм",
            "Trondheim Kommune",
            None,
            Municipality,
            Some("trondheim"),
        ),
        organisation(
            "limerick-council",
            "Градски и областен съвет на Лимерик",
            "Limerick City and County Council",
            None,
            Municipality,
            Some("limerick"),
        ),
        organisation(
            "pisek-municipality",
            "Община Писек",
            "Písek municipality",
            None,
            Municipality,
            Some("pisek"),
        ),
        organisation(
            "smolyan-municipality",
            "Община Смолян",
            "Smolyan Municipality",
            None,
            Municipality,
            Some("smolyan"),
        ),
        organisation(
            "isocarp",
            "ISOCARP",
            "ISOCARP",
            Some("ISOCARP"),
            Association,
            None,
        ),
        organisation(
            "eap",
            "Енергийна агенция – Пловдив",
            "Energy Agency of Plovdiv",
            Some("EAP"),
            Research,
            None,
        ),
    ];
    let people = vec![
        Person {
            id: "eftima-petkova".into(),
            name: text("Ефтима Петкова", "Eftima Petkova"),
            role: text(
                "директор на дирекция „СПИПТ“",
                "director of the SPIPT directorate",
            ),
            organisation: "smolyan-municipality".into(),
        },
        Person {
            id: "borislava-spasova".into(),
            name: text("Борислава Спасова", "Borislava Spasova"),
            role: text("експерт, европейски проекти", "expert, EU projects"),
            organisation: "smolyan-municipality".into(),
        },
        Person {
            id: "anastasia-daskalova".into(),
            name: text("Анастасия Даскалова", "Anastasia Daskalova"),
            role: text("технически сътрудник", "technical assistant"),
            organisation: "smolyan-municipality".into(),
        },
    ];
    let topics = vec![
        Topic {
            id: "storytelling".into(),
            label: text("Разказване на истории", "Storytelling"),
        },
        Topic {
            id: "positive-energy".into(),
            label: text("Позитивна енергия", "Positive energy"),
        },
        Topic {
            id: "citizens".into(),
            label: text("Участие на гражданите", "Citizen participation"),
        },
        Topic {
            id: "mobility".into(),
            label: text("Мобилност", "Mobility"),
        },
        Topic {
            id: "education".into(),
            label: text("Образование", "Education"),
        },
        Topic {
            id: "vision".into(),
            label: text("Визия 2050", "Vision 2050"),
        },
    ];

    let mut events = Vec::new();

    let mut e = event(
        "kick-off-trondheim",
        EventType::ConsortiumMeeting,
        PartialDate::ym(2018, 11),
        text("Начална среща в Тронхайм", "Kick-off meeting in Trondheim"),
        text(
            "Около 90 души откриха проекта.",
            "About 90 people opened the project.",
        ),
    );
    e.location = located("trondheim", None, false);
    e.host = Some(Host {
        city: Some("trondheim".into()),
        organisation: Some("ntnu".into()),
    });
    e.opened_by = Some(text(
        "Гунар Бовим, ректор на NTNU",
        "Gunnar Bovim, rector of NTNU",
    ));
    e.sources = vec![source(
        "https://cityxchange.eu/author/edvertised_media/",
        "+CityxChange",
    )];
    events.push(e);

    let mut e = event(
        "smolyan-joins",
        EventType::Milestone,
        PartialDate::ymd(2018, 11, 28),
        text(
            "Смолян започва работа по проекта",
            "Smolyan starts work on the project",
        ),
        text(
            "Общината обяви участието си.",
            "The municipality announced it is taking part.",
        ),
    );
    e.location = located("smolyan", None, false);
    e.sources = vec![source(
        "https://www.smolyan.bg/bg/menu/subcontent/2360",
        "Община Смолян",
    )];
    events.push(e);

    let mut e = event(
        "limerick-consortium-meeting",
        EventType::ConsortiumMeeting,
        PartialDate::ymd(2019, 10, 23),
        text(
            "Втора среща на консорциума в Лимерик",
            "Second consortium meeting in Limerick",
        ),
        text(
            "Около 70 представители и 8 работилници.",
            "About 70 representatives and 8 workshops.",
        ),
    );
    e.end = Some(PartialDate::ymd(2019, 10, 25));
    e.location = located("limerick", None, false);
    e.host = Some(Host {
        city: Some("limerick".into()),
        organisation: Some("limerick-council".into()),
    });
    events.push(e);

    let mut e = event(
        "voru-energy-day",
        EventType::LocalEvent,
        PartialDate::ymd(2020, 8, 22),
        text("Ден на енергията във Въру", "+Energy Day in Võru"),
        text("Празник в центъра на града.", "A day in the town centre."),
    );
    e.location = located("voru", None, false);
    e.topics = ids(&["positive-energy"]);
    events.push(e);

    let mut e = event(
        "storytelling-workshop-2020",
        EventType::Workshop,
        PartialDate::ymd(2020, 10, 20),
        text(
            "Трета работилница за разказване на истории",
            "Third storytelling workshop",
        ),
        text("Онлайн, със Сестао.", "Online, with Sestao."),
    );
    e.location = located("sestao", None, true);
    e.participants.cities = ids(&["sestao"]);
    e.topics = ids(&["storytelling"]);
    events.push(e);

    let mut e = event(
        "climathon-smolyan",
        EventType::Hackathon,
        PartialDate::ymd(2021, 11, 25),
        text("Климатон Смолян", "Climathon Smolyan"),
        text(
            "Над 50 ученици в шест отбора търсиха идеи за климата.",
            "More than 50 high-school students in six teams.",
        ),
    );
    e.end = Some(PartialDate::ymd(2021, 11, 26));
    e.location = located("smolyan", None, true);
    e.topics = ids(&["education"]);
    events.push(e);

    let mut e = event(
        "pisek-consortium-meeting",
        EventType::ConsortiumMeeting,
        PartialDate::ymd(2022, 11, 10),
        text(
            "Годишна среща на консорциума в Писек",
            "Annual consortium meeting in Písek",
        ),
        text(
            "Резултатите досега и планът за петата година на проекта.",
            "Results so far and the plan for the project's fifth year.",
        ),
    );
    e.end = Some(PartialDate::ymd(2022, 11, 11));
    e.body = Some(text(
        "Домакин беше залата на **градската библиотека**.\n\nТронхайм говори за позитивни енергийни квартали, Лимерик за енергийни общности.",
        "The **city library** hall hosted it.\n\nTrondheim spoke on positive energy districts, Limerick on energy communities.",
    ));
    e.location = located(
        "pisek",
        Some(text("Залата на градската библиотека", "City library hall")),
        false,
    );
    e.host = Some(Host {
        city: Some("pisek".into()),
        organisation: Some("pisek-municipality".into()),
    });
    e.opened_by = Some(text("Заместник-кметът на Писек", "Písek's deputy mayor"));
    e.participants = Participants {
        cities: ids(&[
            "alba-iulia",
            "pisek",
            "sestao",
            "voru",
            "smolyan",
            "trondheim",
            "limerick",
        ]),
        organisations: ids(&["ntnu", "smolyan-municipality"]),
        lead_partner: Some("ntnu".into()),
    };
    e.delegates = ids(&["eftima-petkova", "borislava-spasova", "anastasia-daskalova"]);
    e.agenda = vec![AgendaDay {
        date: PartialDate::ymd(2022, 11, 10),
        sessions: vec![Session {
            time: None,
            title: text(
                "Как се прави позитивен енергиен квартал?",
                "How to make a PEB?",
            ),
            presenter: None,
            description: None,
        }],
    }];
    e.topics = ids(&["storytelling", "positive-energy", "citizens"]);
    e.sources = vec![
        source(
            "https://www.smolyan.bg/bg/menu/subcontent/3205",
            "Община Смолян",
        ),
        source("https://cityxchange.eu/2022/11/23/", "+CityxChange"),
    ];
    events.push(e);

    let mut e = event(
        "city-facility",
        EventType::Milestone,
        PartialDate::ym(2022, 12),
        text(
            "Успешно кандидатстване по EU City Facility",
            "Successful EU City Facility bid",
        ),
        text("Смолян спечели подкрепа.", "Smolyan's bid succeeded."),
    );
    e.location = located("smolyan", None, false);
    events.push(e);

    let mut e = event(
        "childrens-designathon",
        EventType::Hackathon,
        PartialDate::ymd(2023, 3, 25),
        text("Първи детски дизайнатон", "First Children's Designathon"),
        text("25 деца в 8 отбора.", "25 children in 8 teams."),
    );
    e.location = located(
        "smolyan",
        Some(text("Скай Хъб Смолян", "Sky Hub Smolyan")),
        false,
    );
    e.topics = ids(&["education"]);
    events.push(e);

    let mut e = event(
        "smolyan-learning-session",
        EventType::LearningSession,
        PartialDate::ymd(2023, 6, 6),
        text(
            "Смолян е домакин на обучителна сесия",
            "Smolyan hosts a learning session",
        ),
        text(
            "Два дни с градовете последователи.",
            "Two days with the follower cities.",
        ),
    );
    e.end = Some(PartialDate::ymd(2023, 6, 7));
    e.location = located("smolyan", None, false);
    e.participants.organisations = ids(&["ntnu", "isocarp"]);
    e.participants.cities = ids(&["alba-iulia", "pisek", "sestao", "voru"]);
    e.topics = ids(&["positive-energy"]);
    events.push(e);

    let mut e = event(
        "vision-consultation",
        EventType::PublicConsultation,
        PartialDate::ymd(2023, 9, 1),
        text(
            "Обществена консултация: Визия Смолян 2050",
            "Public consultation: Vision Smolyan 2050",
        ),
        text(
            "Четиринадесет дни за мнения.",
            "Fourteen days for comments.",
        ),
    );
    e.location = located("smolyan", None, false);
    e.topics = ids(&["vision"]);
    e.sources = vec![source(
        "https://www.smolyan.bg/bg/menu/content/4690",
        "Община Смолян",
    )];
    events.push(e);

    let mut e = event(
        "final-event",
        EventType::ConsortiumMeeting,
        PartialDate::ymd(2023, 10, 3),
        text(
            "Заключително събитие в Тронхайм",
            "Final event in Trondheim",
        ),
        text("Наследството на проекта.", "The project's legacy."),
    );
    e.end = Some(PartialDate::ymd(2023, 10, 5));
    e.location = located("trondheim", None, false);
    e.sources = vec![source(
        "https://cityxchange.eu/the-legacy-of-cityxchange/",
        "+CityxChange",
    )];
    events.push(e);

    let mut e = event(
        "project-end",
        EventType::Milestone,
        PartialDate {
            year: 2023,
            month: None,
            day: None,
        },
        text("Краят на проекта", "End of the project"),
        text(
            "Проектът приключи през 2023 г.",
            "The project ended in 2023.",
        ),
    );
    e.topics = ids(&["vision"]);
    events.push(e);

    Catalog::new(
        site(),
        cities,
        organisations,
        people,
        topics,
        events,
        Vec::new(),
    )
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
        "Обсъдена беше визията на града до 2050 г.",
        "The city's vision to 2050 was discussed.",
    ),
    (
        "Разказването на истории помага на общностите.",
        "Storytelling helps communities.",
    ),
];

/// `count` generated events over the cities, organisations, people and topics of `base`
/// (the sample catalog's when `base` has no cities), the same for the same `seed`.
pub fn synthetic_catalog(base: &Catalog, count: usize, seed: u64) -> Catalog {
    let fallback;
    let base = if base.cities.is_empty() {
        fallback = sample_catalog();
        &fallback
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
            text(
                &format!("{title_bg} в {place_bg} №{n}"),
                &format!("{title_en} in {place_en} no. {n}"),
            ),
            text(&format!("{s1_bg} {s2_bg}"), &format!("{s1_en} {s2_en}")),
        );
        if rng.chance(60) {
            e.body = Some(text(
                &format!("{s2_bg} **{s3_bg}**\n\n{s1_bg} {s3_bg}"),
                &format!("{s2_en} **{s3_en}**\n\n{s1_en} {s3_en}"),
            ));
        }
        if let Some(c) = host {
            e.location = located(&c.id, None, rng.chance(20));
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
