//! iCalendar, Atom feeds, sitemap, schema.org JSON-LD and shared-link cards, from the model.
//! Pure: strings out.
//!
//! Every function takes the absolute URL the app is served from (`base_url`, ending in `/`;
//! callers default it to `site.canonical_url`). Nothing reads a clock, so the same news always
//! gives the same bytes and regenerated files only change when the news does.

pub mod feed;
pub mod ics;
pub mod jsonld;
mod labels;
pub mod manifest;
pub mod map;
pub mod search;
pub mod share;
pub mod sitemap;
pub mod urls;
pub(crate) mod xml;

use crate::model::{Catalog, Lang};

pub use feed::{atom_feed, feed_path};
pub use ics::{calendar_ics, event_ics, ics_file_name};
pub use jsonld::event_jsonld;
pub use labels::found_part;
pub use sitemap::{robots_txt, sitemap};

/// Where a language's whole calendar is published, relative to the base URL: beside the
/// feeds (`events.ics`, `events.en.ics`). No `en/` folder: it would clash with the `/en` route
/// on servers that look for folders first.
pub fn calendar_path(lang: Lang) -> &'static str {
    match lang {
        Lang::Bg => "events.ics",
        Lang::En => "events.en.ics",
    }
}

/// Where one event's calendar file is published, relative to the base URL: beside its page
/// (`events/<slug>.ics`, `events/<slug>.en.ics`), so "add to calendar" is a plain link that
/// works before and without the app.
pub fn event_calendar_path(lang: Lang, slug: &str) -> String {
    match lang {
        Lang::Bg => format!("events/{slug}.ics"),
        Lang::En => format!("events/{slug}.en.ics"),
    }
}

/// The files a static host serves beside the app, as (path relative to the site root,
/// contents): the calendar and the Atom feed of each of the site's languages, the sitemap,
/// robots.txt, then each event's calendar file in those languages. (The outlines under the
/// event maps are drawn by publishing, which skips those it drew before: `map::frames`.)
pub fn site_files(catalog: &Catalog, base_url: &str) -> Vec<(String, String)> {
    let base = urls::with_slash(base_url);
    let mut files = Vec::with_capacity(6 + 2 * catalog.events.len());
    for lang in catalog.site.published_languages() {
        files.push((
            calendar_path(lang).to_owned(),
            calendar_ics(catalog, lang, &base),
        ));
    }
    for lang in catalog.site.published_languages() {
        files.push((feed_path(lang).to_owned(), atom_feed(catalog, lang, &base)));
    }
    files.push(("sitemap.xml".to_owned(), sitemap(catalog, &base)));
    files.push(("robots.txt".to_owned(), robots_txt(&base)));
    for event in &catalog.events {
        for lang in catalog.site.published_languages() {
            files.push((
                event_calendar_path(lang, &event.slug),
                event_ics(catalog, event, lang, &base),
            ));
        }
    }
    files
}
