//! Atom feeds (RFC 4287), one per language, newest event first.
//!
//! The feeds live at the site root as `feed.bg.xml` and `feed.en.xml` (see [`feed_path`]):
//! two plain files beside `index.html` need no folder and no server rule, and the language
//! stays visible in the name.

use crate::model::markup::plain_text;
use crate::model::{Catalog, Event, Lang, Resolved};

use super::labels;
use super::urls;
use super::xml::escape;

/// Where a language's feed is published, relative to the base URL.
pub fn feed_path(lang: Lang) -> &'static str {
    match lang {
        Lang::Bg => "feed.bg.xml",
        Lang::En => "feed.en.xml",
    }
}

/// The Atom feed of every event in one language.
///
/// Times are the day an event was announced (else its first day) at midnight UTC: the news
/// knows no times, and a clock would make the output differ from run to run.
pub fn atom_feed(catalog: &Catalog, lang: Lang, base_url: &str) -> String {
    let site = &catalog.site;
    let feed_url = format!("{}{}", urls::with_slash(base_url), feed_path(lang));
    let updated = catalog
        .events
        .iter()
        .map(labels::announced_day)
        .max()
        .unwrap_or_else(|| site.project.start.first_day());
    let title = format!("{} – {}", site.project.acronym, site.publisher.get(lang));

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    element(&mut out, 1, "id", &feed_url);
    element(&mut out, 1, "title", &title);
    let subtitle = site.project.name.get(lang);
    if !subtitle.trim().is_empty() {
        element(&mut out, 1, "subtitle", subtitle);
    }
    element(&mut out, 1, "updated", &timestamp(updated));
    out.push_str("  <author>\n");
    element(&mut out, 2, "name", site.publisher.get(lang));
    element(&mut out, 2, "uri", &site.url);
    out.push_str("  </author>\n");
    link(&mut out, 1, "self", "application/atom+xml", &feed_url);
    link(
        &mut out,
        1,
        "alternate",
        "text/html",
        &urls::timeline_url(base_url, lang, site.root_lang()),
    );
    // Catalog order is oldest first; a feed reads newest first.
    for event in catalog.events.iter().rev() {
        entry(&mut out, event, lang, site.root_lang(), base_url);
    }
    out.push_str("</feed>\n");
    out
}

fn entry(out: &mut String, event: &Event, lang: Lang, root: Lang, base_url: &str) {
    let url = urls::event_url(base_url, lang, root, &event.slug);
    let stamp = timestamp(labels::announced_day(event));
    out.push_str("  <entry>\n");
    element(out, 2, "id", &url);
    text_element(out, "title", event.title.resolve(lang), lang);
    element(out, 2, "updated", &stamp);
    element(out, 2, "published", &stamp);
    link(out, 2, "alternate", "text/html", &url);
    out.push_str(&format!(
        "    <category term=\"{}\" label=\"{}\"/>\n",
        event.kind.key(),
        escape(labels::event_type(event.kind, lang))
    ));
    let summary = event.summary.resolve(lang);
    if !summary.text.trim().is_empty() {
        text_element(out, "summary", summary, lang);
    }
    if let Some(body) = event.body.as_ref().map(|b| b.resolve(lang)) {
        let text = plain_text(body.text);
        if !text.is_empty() {
            let marked = if body.lang == lang {
                String::new()
            } else {
                format!(" xml:lang=\"{}\"", body.lang.code())
            };
            out.push_str(&format!(
                "    <content type=\"text\"{marked}>{}</content>\n",
                escape(&text)
            ));
        }
    }
    out.push_str("  </entry>\n");
}

/// `<name>text</name>` on its own line, indented by `depth` levels.
fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    out.push_str(&format!(
        "{}<{name}>{}</{name}>\n",
        "  ".repeat(depth),
        escape(text)
    ));
}

/// An entry's text; one shown in the other language (no translation yet) says which, so a
/// reader speaks it right.
fn text_element(out: &mut String, name: &str, text: Resolved<'_>, lang: Lang) {
    if text.lang == lang {
        element(out, 2, name, text.text);
    } else {
        out.push_str(&format!(
            "    <{name} xml:lang=\"{}\">{}</{name}>\n",
            text.lang.code(),
            escape(text.text)
        ));
    }
}

fn link(out: &mut String, depth: usize, rel: &str, media_type: &str, href: &str) {
    out.push_str(&format!(
        "{}<link rel=\"{rel}\" type=\"{media_type}\" href=\"{}\"/>\n",
        "  ".repeat(depth),
        escape(href)
    ));
}

/// An RFC 3339 timestamp at midnight UTC.
fn timestamp((y, m, d): (i32, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}T00:00:00Z")
}
