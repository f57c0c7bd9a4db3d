//! What a shared link shows in a social network or a messenger: the Open Graph and Twitter
//! card of a page and its canonical address, from the news file's `site` and the page's own
//! texts. Written into the page's HTML at publish time (`prerender`), outside the head tags the
//! app manages: the networks read the written page and run no script, so the visitor's wasm
//! carries none of this.

use crate::export::urls::{absolute_url, event_url, timeline_url, with_slash};
use crate::export::xml::escape;
use crate::i18n::{site as site_texts, ui};
use crate::model::{Catalog, Lang};

/// The page a card is for.
#[derive(Clone, Copy, Debug)]
pub enum SharedPage<'a> {
    Timeline,
    Event(&'a str),
    Statement,
}

/// The values of one page's card; absolute addresses throughout, as the networks want them.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareCard {
    /// `website` for the timeline and the statement, `article` for an event.
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    /// The page's own address, also its canonical link.
    pub url: String,
    pub site_name: String,
    pub locale: &'static str,
    /// The other language's, where the site is published in it too.
    pub alternate_locale: Option<&'static str>,
    /// The event's first photo that sharing sites show (not a drawing in SVG), else the
    /// site's card drawn at publish time.
    pub image: ShareImage,
}

/// The picture of a card: its absolute address, its text and its size in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareImage {
    pub src: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// Size of the site's own card, the Open Graph networks' preferred 1.91:1.
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// Where publishing writes the site's own card in `lang`, relative to the site's root: the
/// picture of every page without a photo of its own.
pub fn card_image_path(lang: Lang) -> &'static str {
    match lang {
        Lang::Bg => "share/card.bg.png",
        Lang::En => "share/card.en.png",
    }
}

/// The Open Graph locale of a language.
/// Whether an image is a drawing in SVG, which sharing sites do not show as a page's picture.
fn is_svg(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or(src);
    path.len() >= 4
        && path
            .get(path.len() - 4..)
            .is_some_and(|ext| ext.eq_ignore_ascii_case(".svg"))
}

pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Bg => "bg_BG",
        Lang::En => "en_GB",
    }
}

/// The card of `page` in `lang`, with the title and description the page shows.
pub fn share_card(
    catalog: &Catalog,
    lang: Lang,
    page: SharedPage<'_>,
    title: String,
    description: String,
) -> ShareCard {
    let site = &catalog.site;
    let base = &site.canonical_url;
    let own_card = || ShareImage {
        src: format!("{}{}", with_slash(base), card_image_path(lang)),
        alt: site.project.acronym_and_name(lang),
        width: CARD_SIZE.0,
        height: CARD_SIZE.1,
    };
    let root = site.root_lang();
    let (kind, url, image) = match page {
        SharedPage::Timeline => ("website", timeline_url(base, lang, root), None),
        SharedPage::Statement => {
            let prefix = if lang == root { "" } else { "en/" };
            let url = format!("{}{prefix}accessibility", with_slash(base));
            ("website", url, None)
        }
        SharedPage::Event(slug) => {
            let image = catalog
                .event(slug)
                .and_then(|e| e.images.iter().find(|img| !is_svg(&img.src)))
                .map(|img| ShareImage {
                    src: absolute_url(base, &img.src),
                    alt: img.alt.get(lang).to_owned(),
                    width: img.width,
                    height: img.height,
                });
            ("article", event_url(base, lang, root, slug), image)
        }
    };
    let image = image.unwrap_or_else(own_card);
    ShareCard {
        kind,
        title,
        description,
        url,
        site_name: format!("{} – {}", site.project.acronym, site.publisher.get(lang)),
        locale: og_locale(lang),
        alternate_locale: Lang::ALL
            .into_iter()
            .find(|&other| other != lang && site.publishes(other))
            .map(og_locale),
        image,
    }
}

/// The card of the page at `route` (below the base: "/", "/en/events/x"); `None` for an
/// address no page has (the not-found page is not for sharing).
pub fn card_for_route(catalog: &Catalog, route: &str) -> Option<ShareCard> {
    let root = catalog.site.root_lang();
    let (lang, rest) = match route.strip_prefix("/en") {
        // A site in English alone has its pages at the root, none under `/en`.
        Some(rest) if root != Lang::En && (rest.is_empty() || rest.starts_with('/')) => {
            (Lang::En, rest)
        }
        _ => (root, route),
    };
    let u = ui(lang);
    let site = &catalog.site;
    match rest {
        "" | "/" => Some(share_card(
            catalog,
            lang,
            SharedPage::Timeline,
            u.timeline_title.to_owned(),
            site_texts::timeline_intro(site, lang),
        )),
        "/accessibility" => Some(share_card(
            catalog,
            lang,
            SharedPage::Statement,
            u.a11y_title.to_owned(),
            site_texts::statement_intro(catalog, lang),
        )),
        _ => {
            let event = catalog.event(rest.strip_prefix("/events/")?)?;
            Some(share_card(
                catalog,
                lang,
                SharedPage::Event(&event.slug),
                event.title.get(lang).to_owned(),
                // As the page's own description says it.
                crate::text::excerpt(event.summary.get(lang), crate::text::DESCRIPTION_CHARS),
            ))
        }
    }
}

/// The card as head tags, every value escaped.
pub fn card_html(card: &ShareCard) -> String {
    let mut out = String::new();
    let mut tag = |attr: &str, key: &str, value: &str| {
        out.push_str(&format!(
            "<meta {attr}=\"{key}\" content=\"{}\">",
            escape(value)
        ));
    };
    tag("property", "og:type", card.kind);
    tag("property", "og:site_name", &card.site_name);
    tag("property", "og:title", &card.title);
    tag("property", "og:description", &card.description);
    tag("property", "og:url", &card.url);
    tag("property", "og:locale", card.locale);
    if let Some(other) = card.alternate_locale {
        tag("property", "og:locale:alternate", other);
    }
    let image = &card.image;
    tag("property", "og:image", &image.src);
    tag("property", "og:image:width", &image.width.to_string());
    tag("property", "og:image:height", &image.height.to_string());
    tag("property", "og:image:alt", &image.alt);
    tag("name", "twitter:image", &image.src);
    tag("name", "twitter:image:alt", &image.alt);
    tag("name", "twitter:card", "summary_large_image");
    tag("name", "twitter:title", &card.title);
    tag("name", "twitter:description", &card.description);
    out.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\">",
        escape(&card.url)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{event, image, site};
    use crate::model::{EventType, PartialDate, Text};

    fn catalog() -> Catalog {
        let mut meeting = event(
            "meeting-plovdiv",
            EventType::ConsortiumMeeting,
            PartialDate::ymd(2021, 5, 4),
            Text::new("Среща в Пловдив", "Meeting in Plovdiv"),
        );
        meeting.images = vec![image("images/hall.jpg", Text::new("Залата", "The hall"))];
        let plain = event(
            "webinar",
            EventType::Webinar,
            PartialDate::ym(2021, 6),
            Text::new("Уебинар", "Webinar"),
        );
        Catalog::new(
            site("https://news.example.org/p/"),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            vec![meeting, plain],
            Vec::new(),
        )
    }

    #[test]
    fn an_event_card_has_absolute_addresses_its_photo_and_both_locales() {
        let catalog = catalog();
        let card = share_card(
            &catalog,
            Lang::En,
            SharedPage::Event("meeting-plovdiv"),
            "Meeting in Plovdiv".into(),
            "A short summary.".into(),
        );
        assert_eq!(card.kind, "article");
        assert_eq!(
            card.url,
            "https://news.example.org/p/en/events/meeting-plovdiv"
        );
        assert_eq!(
            card.image,
            ShareImage {
                src: "https://news.example.org/p/images/hall.jpg".to_owned(),
                alt: "The hall".to_owned(),
                width: 800,
                height: 600,
            }
        );
        assert_eq!(
            (card.locale, card.alternate_locale),
            ("en_GB", Some("bg_BG"))
        );
        assert_eq!(
            card.site_name,
            format!(
                "{} – {}",
                catalog.site.project.acronym,
                catalog.site.publisher.get(Lang::En)
            )
        );
        let plain = share_card(
            &catalog,
            Lang::Bg,
            SharedPage::Event("webinar"),
            String::new(),
            String::new(),
        );
        // Without a photo: the site's own card, in the page's language.
        assert_eq!(
            plain.image.src,
            "https://news.example.org/p/share/card.bg.png"
        );
        assert_eq!(
            plain.image.alt,
            format!(
                "{} – {}",
                catalog.site.project.acronym,
                catalog.site.project.name.get(Lang::Bg)
            )
        );
        // A project whose name is its acronym is not named twice.
        let mut same = catalog.clone();
        same.site.project.name = Text::new("Sharing Cities", "Sharing Cities");
        same.site.project.acronym = "Sharing Cities".into();
        let card = share_card(
            &same,
            Lang::En,
            SharedPage::Timeline,
            String::new(),
            String::new(),
        );
        assert_eq!(card.image.alt, "Sharing Cities");
        assert_eq!((plain.image.width, plain.image.height), CARD_SIZE);
        // A drawing in SVG is passed over for the next photo, else for the site's card.
        let mut drawn = catalog.clone();
        drawn.events[0]
            .images
            .insert(0, image("images/Plan.SVG?v=2", Text::new("План", "Plan")));
        let card = |c: &Catalog| {
            share_card(
                c,
                Lang::En,
                SharedPage::Event("meeting-plovdiv"),
                String::new(),
                String::new(),
            )
        };
        assert_eq!(card(&drawn).image.alt, "The hall");
        drawn.events[0].images.truncate(1);
        assert!(card(&drawn).image.src.ends_with("share/card.en.png"));
        // A site in Bulgarian alone names no other locale.
        let mut alone = catalog.clone();
        alone.site.languages = vec![Lang::Bg];
        let bg = share_card(
            &alone,
            Lang::Bg,
            SharedPage::Timeline,
            String::new(),
            String::new(),
        );
        assert_eq!(bg.alternate_locale, None);
        assert!(!card_html(&bg).contains("og:locale:alternate"));
        let timeline = share_card(
            &catalog,
            Lang::En,
            SharedPage::Timeline,
            String::new(),
            String::new(),
        );
        assert_eq!(
            timeline.image.src,
            "https://news.example.org/p/share/card.en.png"
        );
    }

    #[test]
    fn the_timeline_and_the_statement_are_websites_at_their_addresses() {
        let catalog = catalog();
        let card = |lang, page| share_card(&catalog, lang, page, String::new(), String::new());
        assert_eq!(
            card(Lang::Bg, SharedPage::Timeline).url,
            "https://news.example.org/p/"
        );
        assert_eq!(
            card(Lang::En, SharedPage::Timeline).url,
            "https://news.example.org/p/en"
        );
        assert_eq!(
            card(Lang::En, SharedPage::Statement).url,
            "https://news.example.org/p/en/accessibility"
        );
        assert_eq!(card(Lang::Bg, SharedPage::Statement).kind, "website");
    }

    #[test]
    fn routes_find_their_cards_and_the_html_escapes_every_value() {
        let mut catalog = catalog();
        catalog.events[0].summary = Text::new("„Кавички“ & <тагове>", "\"Quotes\" & <tags>");
        let card = card_for_route(&catalog, "/en/events/meeting-plovdiv").unwrap();
        assert_eq!(card.title, "Meeting in Plovdiv");
        let html = card_html(&card);
        assert!(html.contains(r#"<meta property="og:description" content="&quot;Quotes&quot; &amp; &lt;tags&gt;">"#), "{html}");
        assert!(html.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
        assert!(
            html.contains(r#"<meta property="og:image:width" content="800">"#),
            "{html}"
        );
        assert!(html.ends_with(
            r#"<link rel="canonical" href="https://news.example.org/p/en/events/meeting-plovdiv">"#
        ));
        assert_eq!(card_for_route(&catalog, "/").unwrap().kind, "website");
        assert_eq!(card_for_route(&catalog, "/en").unwrap().locale, "en_GB");
        assert_eq!(
            card_for_route(&catalog, "/en/accessibility")
                .unwrap()
                .locale,
            "en_GB"
        );
        assert!(card_for_route(&catalog, "/events/no-such-event").is_none());
        assert!(card_for_route(&catalog, "/enrich").is_none());
        assert!(card_for_route(&catalog, "/no/such/page").is_none());
    }
}
