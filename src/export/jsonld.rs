//! schema.org `Event` structured data (JSON-LD) for an event's page.

use serde_json::{json, Map, Value};

use crate::model::{Catalog, Event, Lang};

use super::urls;

/// The event as a schema.org `Event`, ready to sit inside `<script type="application/ld+json">`.
///
/// `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`: JSON reads them the same,
/// but text such as `</script>` or `<!--` in the news can then never end the element early.
pub fn event_jsonld(catalog: &Catalog, event: &Event, lang: Lang, base_url: &str) -> String {
    let url = urls::event_url(base_url, lang, catalog.site.root_lang(), &event.slug);
    let mut doc = Map::new();
    doc.insert("@context".into(), json!("https://schema.org"));
    doc.insert("@type".into(), json!("Event"));
    doc.insert("name".into(), json!(event.title.get(lang)));
    let summary = event.summary.get(lang);
    if !summary.trim().is_empty() {
        doc.insert("description".into(), json!(summary));
    }
    doc.insert("startDate".into(), json!(event.start.iso()));
    doc.insert("endDate".into(), json!(event.last().iso()));
    doc.insert(
        "eventStatus".into(),
        json!("https://schema.org/EventScheduled"),
    );
    if let Some((mode, location)) = attendance(catalog, event, lang, &url) {
        doc.insert(
            "eventAttendanceMode".into(),
            json!(format!("https://schema.org/{mode}")),
        );
        doc.insert("location".into(), location);
    }
    if let Some(organizer) = organizer(catalog, event, lang) {
        doc.insert("organizer".into(), organizer);
    }
    if !event.images.is_empty() {
        let images: Vec<String> = event
            .images
            .iter()
            .map(|image| urls::absolute_url(base_url, &image.src))
            .collect();
        doc.insert("image".into(), json!(images));
    }
    doc.insert("url".into(), json!(url));
    // The language the name is really written in: a title shown as fallback is in the other.
    doc.insert(
        "inLanguage".into(),
        json!(event.title.resolve(lang).lang.code()),
    );
    script_safe(&Value::Object(doc).to_string())
}

/// The attendance mode's name and the location: a `Place`, a `VirtualLocation`, or both for a
/// mixed event. `None` when the event names no place at all.
fn attendance(
    catalog: &Catalog,
    event: &Event,
    lang: Lang,
    url: &str,
) -> Option<(&'static str, Value)> {
    let location = event.location.as_ref()?;
    let venue = location
        .venue
        .as_ref()
        .map(|v| v.get(lang).trim())
        .filter(|v| !v.is_empty());
    let city_id = location.city.as_deref();
    let physical = (venue.is_some() || city_id.is_some()).then(|| {
        let city_name = city_id.map(|id| catalog.city_name(id, lang));
        let mut address = Map::new();
        address.insert("@type".into(), json!("PostalAddress"));
        if let Some(street) = location.address.as_ref().map(|a| a.get(lang).trim()) {
            if !street.is_empty() {
                address.insert("streetAddress".into(), json!(street));
            }
        }
        if let Some(name) = &city_name {
            address.insert("addressLocality".into(), json!(name));
        }
        if let Some(city) = city_id.and_then(|id| catalog.city(id)) {
            // The EU's own codes for Greece and the United Kingdom are not ISO 3166's.
            let country = match city.country.as_str() {
                "EL" => "GR",
                "UK" => "GB",
                code => code,
            };
            address.insert("addressCountry".into(), json!(country));
        }
        let name = venue.map(str::to_owned).or(city_name).unwrap_or_default();
        json!({ "@type": "Place", "name": name, "address": address })
    });
    // The news holds no meeting link, so the event's page stands for the online place.
    let virtual_place = || json!({ "@type": "VirtualLocation", "url": url });
    match (physical, location.online) {
        (Some(place), true) => Some(("MixedEventAttendanceMode", json!([place, virtual_place()]))),
        (Some(place), false) => Some(("OfflineEventAttendanceMode", place)),
        (None, true) => Some(("OnlineEventAttendanceMode", virtual_place())),
        (None, false) => None,
    }
}

/// The host organisation when the news names a known one. Without one the organiser is not
/// said: the publisher tells of events that others held.
fn organizer(catalog: &Catalog, event: &Event, lang: Lang) -> Option<Value> {
    let org = event
        .host
        .as_ref()
        .and_then(|h| h.organisation.as_deref())
        .and_then(|id| catalog.organisation(id))?;
    let mut value = json!({ "@type": "Organization", "name": org.name.get(lang) });
    if let (Some(site), Value::Object(map)) = (&org.website, &mut value) {
        map.insert("url".into(), json!(site));
    }
    Some(value)
}

/// Replaces the characters HTML's script parsing reacts to with JSON escapes. They can only
/// occur inside JSON strings, where the escapes mean the same character.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}
