//! Minimal model values for tests, benchmarks and generated catalogs: one builder each, so
//! that a new required field is added in one place.
//!
//! Hidden from the docs: nothing a visitor sees is built here.
#![doc(hidden)]

use super::date::PartialDate;
use super::types::{
    City, CityRole, Event, EventType, Image, Lang, Link, Participants, Project, Site, Source, Text,
};

/// A source at `url`, published by a project office, with a neutral title.
pub fn source(url: &str) -> Source {
    Source {
        url: url.into(),
        title: Text::new("Източник", "Source"),
        publisher: "Project office".into(),
        date: None,
    }
}

/// An event with only the required parts: a neutral summary and the project's site as its one
/// source. Callers set any other field on the value returned.
pub fn event(slug: &str, kind: EventType, start: PartialDate, title: Text) -> Event {
    Event {
        slug: slug.into(),
        kind,
        start,
        end: None,
        published: None,
        title,
        summary: Text::new("Кратко описание.", "A short summary."),
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
        sources: vec![source("https://project.example.org/")],
        note: None,
    }
}

/// A partner city at a place, in a made-up country code, with no organisation.
pub fn city(id: &str, bg: &str, en: &str, lat: f64, lon: f64) -> City {
    City {
        id: id.into(),
        name: Text::new(bg, en),
        country: "XX".into(),
        role: CityRole::Partner,
        lat,
        lon,
        partner: None,
    }
}

/// An 800×600 photo at `src` with its alt text, no caption or credit.
pub fn image(src: &str, alt: Text) -> Image {
    Image {
        src: src.into(),
        alt,
        width: 800,
        height: 600,
        caption: None,
        credit: None,
    }
}

/// The municipality's site serving the app from `canonical_url`, in both languages.
pub fn site(canonical_url: &str) -> Site {
    Site {
        publisher: Text::new("Община Пловдив", "Plovdiv Municipality"),
        url: "https://www.plovdiv.example/".into(),
        canonical_url: canonical_url.into(),
        project: Project {
            name: Text::new("Отворен град", "Open City"),
            acronym: "OPEN-CITY".into(),
            programme: Text::new("Хоризонт Европа", "Horizon Europe"),
            grant_agreement: Some("101000001".into()),
            start: PartialDate::ym(2018, 11),
            end: PartialDate::ym(2023, 10),
            website: "https://project.example.org/".into(),
            description: None,
            logo: None,
            funding: None,
        },
        breadcrumbs: Vec::new(),
        languages: vec![Lang::Bg, Lang::En],
        contact: Link {
            label: Text::new("Обратна връзка", "Feedback"),
            url: Some("https://www.plovdiv.example/".into()),
        },
        home_city: None,
        statement_date: None,
        contact_email: None,
        contact_phone: None,
        enforcement: None,
    }
}
