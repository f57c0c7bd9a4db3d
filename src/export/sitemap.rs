//! The sitemap (sitemaps.org 0.9) with language alternates, and the robots.txt that points to it.

use crate::model::{Catalog, Lang};

use super::urls;
use super::xml::escape;

/// Every page in the site's languages: the timeline and each event, each listing its Bulgarian
/// and English versions (`xhtml:link rel="alternate" hreflang`), Bulgarian as the default; a
/// site in one language lists no alternates.
pub fn sitemap(catalog: &Catalog, base_url: &str) -> String {
    let both = catalog.site.publishes(Lang::Bg) && catalog.site.publishes(Lang::En);
    let root = catalog.site.root_lang();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let timeline = Lang::ALL.map(|lang| urls::timeline_url(base_url, lang, root));
    for lang in catalog.site.published_languages() {
        page(&mut out, lang, &timeline, None, both);
    }
    for event in &catalog.events {
        let versions = Lang::ALL.map(|lang| urls::event_url(base_url, lang, root, &event.slug));
        // W3C datetime accepts YYYY, YYYY-MM and YYYY-MM-DD: the date keeps its precision.
        let lastmod = event.published.map(|d| d.iso());
        for lang in catalog.site.published_languages() {
            page(&mut out, lang, &versions, lastmod.as_deref(), both);
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// One `<url>` entry; `versions` is the page's address per language, in `Lang::ALL` order;
/// with `alternates`, each is listed.
fn page(
    out: &mut String,
    lang: Lang,
    versions: &[String; 2],
    lastmod: Option<&str>,
    alternates: bool,
) {
    let index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    out.push_str("  <url>\n");
    out.push_str(&format!("    <loc>{}</loc>\n", escape(&versions[index])));
    if let Some(date) = lastmod {
        out.push_str(&format!("    <lastmod>{}</lastmod>\n", escape(date)));
    }
    if alternates {
        for (alternate, href) in Lang::ALL.iter().zip(versions) {
            alternate_link(out, alternate.code(), href);
        }
        alternate_link(out, "x-default", &versions[0]);
    }
    out.push_str("  </url>\n");
}

fn alternate_link(out: &mut String, hreflang: &str, href: &str) {
    out.push_str(&format!(
        "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>\n",
        escape(href)
    ));
}

/// Lets every crawler in and names the sitemap. Crawlers only read `/robots.txt` at the root
/// of a host: when the app is served from a sub-folder, the host's own file must carry the
/// `Sitemap:` line instead.
pub fn robots_txt(base_url: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        urls::with_slash(base_url)
    )
}
