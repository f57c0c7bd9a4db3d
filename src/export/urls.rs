//! Addresses of the site's pages and files, built from the absolute base URL the app is served
//! from. Bulgarian pages sit at the root, English ones under `en/`.

use std::borrow::Cow;

use crate::model::Lang;

/// The base URL with exactly one trailing slash, so paths can be appended to it.
pub fn with_slash(base_url: &str) -> Cow<'_, str> {
    let trimmed = base_url.trim();
    if trimmed.ends_with('/') {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(format!("{trimmed}/"))
    }
}

/// The path prefix of a language's pages: empty for the root's language (`root`: Bulgarian,
/// or English on a site in English alone), `en/` for English beside Bulgarian.
fn prefix(lang: Lang, root: Lang) -> &'static str {
    if lang == root {
        ""
    } else {
        "en/"
    }
}

/// The timeline page. Route paths carry no trailing slash, so English is `<base>en`.
pub fn timeline_url(base_url: &str, lang: Lang, root: Lang) -> String {
    let base = with_slash(base_url);
    format!("{base}{}", prefix(lang, root).trim_end_matches('/'))
}

/// The detail page of an event: `<base>events/<slug>` or `<base>en/events/<slug>`.
pub fn event_url(base_url: &str, lang: Lang, root: Lang, slug: &str) -> String {
    format!(
        "{}{}events/{slug}",
        with_slash(base_url),
        prefix(lang, root)
    )
}

/// An image or file address made absolute: site paths (`images/…`) are resolved against the
/// base URL, absolute http(s) addresses are kept.
pub fn absolute_url(base_url: &str, src: &str) -> String {
    let src = src.trim();
    let lower = src.get(..8).unwrap_or(src).to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        src.to_owned()
    } else if let Some(rest) = src.strip_prefix("//") {
        format!("https://{rest}")
    } else {
        format!("{}{}", with_slash(base_url), src.trim_start_matches('/'))
    }
}

/// The host name of the base URL (no scheme, user, port or path), for iCalendar UIDs.
pub fn host_of(base_url: &str) -> &str {
    let url = base_url.trim();
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(after_scheme);
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    // An IPv6 literal keeps its colons; otherwise a colon starts the port.
    if host_port.starts_with('[') {
        return host_port
            .split(']')
            .next()
            .map_or(host_port, |h| &host_port[..h.len() + 1]);
    }
    host_port.split(':').next().unwrap_or(host_port)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://www.smolyan.bg/cityxchange/";

    #[test]
    fn bulgarian_pages_sit_at_the_root_and_english_under_en() {
        assert_eq!(timeline_url(BASE, Lang::Bg, Lang::Bg), BASE);
        assert_eq!(
            timeline_url(BASE, Lang::En, Lang::Bg),
            "https://www.smolyan.bg/cityxchange/en"
        );
        assert_eq!(
            event_url(BASE, Lang::Bg, Lang::Bg, "a-b"),
            "https://www.smolyan.bg/cityxchange/events/a-b"
        );
        assert_eq!(
            event_url(BASE, Lang::En, Lang::Bg, "a-b"),
            "https://www.smolyan.bg/cityxchange/en/events/a-b"
        );
    }

    #[test]
    fn base_without_trailing_slash_gets_one() {
        assert_eq!(
            event_url("https://example.org", Lang::Bg, Lang::Bg, "x"),
            "https://example.org/events/x"
        );
    }

    #[test]
    fn host_drops_scheme_user_port_and_path() {
        assert_eq!(host_of(BASE), "www.smolyan.bg");
        assert_eq!(host_of("http://user@example.org:8080/a?b"), "example.org");
        assert_eq!(host_of("https://[::1]:8080/"), "[::1]");
    }

    #[test]
    fn site_paths_become_absolute_and_full_urls_stay() {
        assert_eq!(
            absolute_url(BASE, "images/a.jpg"),
            "https://www.smolyan.bg/cityxchange/images/a.jpg"
        );
        assert_eq!(
            absolute_url(BASE, "/images/a.jpg"),
            "https://www.smolyan.bg/cityxchange/images/a.jpg"
        );
        assert_eq!(
            absolute_url(BASE, "https://x.org/a.png"),
            "https://x.org/a.png"
        );
    }
}
