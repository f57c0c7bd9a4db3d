//! Which links and image sources the file may hold: what reaches a page must stay on http(s)
//! or inside the site.

use super::report::Report;
use crate::model::problem::Severity;
use crate::model::types::Site;

/// `scheme://host[:port]` of an absolute http(s) address, lowercase; None for anything else.
pub(super) fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let colon = url.find("://")?;
    let scheme = url[..colon].to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let rest = &url[colon + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    (!host.is_empty()).then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// The site's own links end up in every page's header, footer and trail: an unsafe one is
/// dropped (emptied) and reported, like any other link from the file.
/// `languages` must list a language; without one, both are published (a warning).
pub(super) fn check_languages(report: &mut Report<'_>, raw: &str, site: &Site) {
    if site.languages.is_empty() {
        report.push_in(
            Severity::Warning,
            raw,
            "languages",
            "site.languages".to_owned(),
            None,
            "`languages` lists no language: list bg, en or both; the site is published in both"
                .to_owned(),
            false,
        );
    }
}

pub(super) fn check_site_links(report: &mut Report<'_>, raw: &str, site: &mut Site) {
    let mut drop_if = |ok: bool, path: &str, value: &str| {
        if !ok {
            report.push_in(
                Severity::Error,
                raw,
                path,
                format!("site.{path}"),
                None,
                format!("link `{value}` is not allowed: use an http(s) address; it was dropped"),
                false,
            );
        }
        ok
    };
    // The canonical address starts every link of the feeds and the sitemap: publishing takes
    // it by the same rule, so what it would refuse is refused here.
    let whole: fn(&str) -> bool = is_site_address;
    let web: fn(&str) -> bool = is_web_address;
    for (path, url, ok) in [
        ("url", &mut site.url, web),
        ("canonical_url", &mut site.canonical_url, whole),
        ("project.website", &mut site.project.website, web),
    ] {
        if !drop_if(ok(url), path, url) {
            url.clear();
        }
    }
    for (i, crumb) in site.breadcrumbs.iter_mut().enumerate() {
        if let Some(url) = &crumb.url {
            if !drop_if(is_safe_url(url), &format!("breadcrumbs[{i}].url"), url) {
                crumb.url = None;
            }
        }
    }
    if let Some(url) = &site.contact.url {
        if !drop_if(is_safe_url(url), "contact.url", url) {
            site.contact.url = None;
        }
    }
    // The enforcement body is another's: an address with a host, as for sources.
    if let Some(link) = &mut site.enforcement {
        if let Some(url) = &link.url {
            if !drop_if(is_web_address(url), "enforcement.url", url) {
                link.url = None;
            }
        }
    }
    let email: fn(&str) -> String = |v| {
        format!("e-mail address `{v}` is not one a mail program can open (name@example.org); it was dropped")
    };
    let phone: fn(&str) -> String = |v| {
        format!("telephone number `{v}` may hold only digits, spaces, hyphens, dots, brackets and a leading +; it was dropped")
    };
    for (path, value, ok, message) in [
        (
            "contact_email",
            &mut site.contact_email,
            is_email as fn(&str) -> bool,
            email,
        ),
        ("contact_phone", &mut site.contact_phone, is_phone, phone),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !ok(v)) {
            let message = message(&super::shown_slug(v));
            report.push_in(
                Severity::Error,
                raw,
                path,
                format!("site.{path}"),
                None,
                message,
                false,
            );
            *value = None;
        }
    }
    if let Some(logo) = &site.project.logo {
        if !is_image_src(logo) {
            let message = not_a_picture(logo);
            let path = "site.project.logo".to_owned();
            report.push_in(
                Severity::Error,
                raw,
                "project.logo",
                path,
                None,
                message,
                false,
            );
            site.project.logo = None;
        }
    }
    if let Some(warning) = site.project.logo.as_deref().and_then(not_a_picture_file) {
        let path = "site.project.logo".to_owned();
        report.push_in(
            Severity::Warning,
            raw,
            "project.logo",
            path,
            None,
            warning,
            false,
        );
    }
    let own = origin_of(&site.canonical_url);
    if let Some(logo) = &site.project.logo {
        if let Some(origin) = origin_of(logo).filter(|o| Some(o) != own.as_ref()) {
            report.push_in(
                Severity::Warning,
                raw,
                "project.logo",
                "site.project.logo".to_owned(),
                None,
                other_host(logo, &origin),
                false,
            );
        }
    }
}

/// An image on another host: the production build's Content-Security-Policy
/// (scripts/post-build.mjs) has img-src 'self' data:, so the browser would not load it.
pub(super) fn other_host(src: &str, origin: &str) -> String {
    format!(
        "image `{src}` is on another host ({origin}), and the site's pages load images only from \
         the site itself: put the file in the site (a path such as images/photo.jpg) or allow \
         that host (img-src in docs/deployment.md)"
    )
}

/// What is said of an image's source that is neither a path in the site nor an https address.
pub(super) fn not_a_picture(src: &str) -> String {
    format!(
        "image `{src}` must be a site path with no name starting with a dot, or an https address"
    )
}

/// Where an image may come from: a site path with nothing hidden on the way, or an https
/// address (an http one would be blocked as mixed content on an https site). A site path's
/// `%` escapes are whole and hide no slash or dot: publishing copies the file a server finds
/// at the decoded path, and `images%2F..%2Fx.svg` would be another folder's.
pub(crate) fn is_image_src(src: &str) -> bool {
    if !is_safe_url(src) {
        return false;
    }
    match site_path(src) {
        Some(path) => !has_hidden_name(path) && plain_escapes(path),
        None => !src.trim().to_ascii_lowercase().starts_with("http://") && is_web_address(src),
    }
}

/// The path of a source inside the site, without its query or fragment; None for an address.
fn site_path(src: &str) -> Option<&str> {
    let src = src.trim();
    (!src.contains("://")).then(|| src.split(['?', '#']).next().unwrap_or(src))
}

/// Whether every `%` of `path` starts an escape of two hex digits that is not a slash, a
/// backslash or a dot.
fn plain_escapes(path: &str) -> bool {
    let bytes = path.as_bytes();
    bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || bytes.get(i + 1..i + 3).is_some_and(|hex| {
                hex.iter().all(u8::is_ascii_hexdigit)
                    && !matches!(
                        [hex[0], hex[1].to_ascii_lowercase()],
                        [b'2', b'e'] | [b'2', b'f'] | [b'5', b'c']
                    )
            })
    })
}

/// The kinds of picture a page can show.
const PICTURE_EXTENSIONS: [&str; 7] = ["avif", "gif", "jpeg", "jpg", "png", "svg", "webp"];

/// Whether a path names something hidden on the way (`.git/config`, `../x.jpg`, also written
/// `%2e`): never a picture of the site, and naming one must not publish another file of the
/// editors' folder.
fn has_hidden_name(path: &str) -> bool {
    path.split('/').any(|segment| {
        segment.starts_with('.')
            || segment
                .get(..3)
                .is_some_and(|s| s.eq_ignore_ascii_case("%2e"))
    })
}

/// Whether a path inside the site names a picture that publishing may copy from beside the
/// news file: nothing hidden, and a picture's extension, so that no other file of the
/// editors' folder (the news file, notes, keys) is published by naming it.
pub fn is_picture_path(path: &str) -> bool {
    let extension = path.rsplit_once('.').map(|(_, ext)| ext);
    !has_hidden_name(path)
        && extension.is_some_and(|ext| {
            PICTURE_EXTENSIONS
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// The warning for a site path that names no picture file: publishing does not copy it.
pub(super) fn not_a_picture_file(src: &str) -> Option<String> {
    let path = site_path(src)?;
    (!is_picture_path(path)).then(|| {
        format!(
            "image `{src}` does not end in .jpg, .jpeg, .png, .gif, .webp, .avif or .svg: \
             publishing does not copy it into the site"
        )
    })
}

/// Links an editor may use: http(s) addresses and paths inside the site.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    // Browsers read `\\` as `/`, so `/\\host` would leave the site like `//host`.
    if url.is_empty() || url.starts_with("//") || has_backslash_or_control(url) {
        return false;
    }
    match url.find(':') {
        Some(colon) => {
            let scheme = &url[..colon];
            // A colon after a path separator belongs to the path, not to a scheme.
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http"))
                && url[colon..].starts_with("://")
        }
        // A path inside the site: no `.` or `..` step, which would climb out of a site
        // published below a path (`/events/../../x`).
        None => !url
            .split(['?', '#'])
            .next()
            .unwrap_or(url)
            .split('/')
            .any(is_dot_segment),
    }
}

/// An e-mail address a `mailto:` link can carry as it is: one `@`, a local part of letters,
/// digits and `.!$'*+-=^_{|}~` (nothing that would start a query or an escape in the link),
/// and a host name with a dot.
pub fn is_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || ".!$'*+-=^_{|}~".contains(c))
        && domain.contains('.')
        && !domain.contains(':')
        && is_host_and_port(domain)
}

/// A telephone number as people write it: digits with spaces, hyphens, dots, brackets and a
/// leading `+`, 5 to 20 digits.
pub fn is_phone(number: &str) -> bool {
    let body = number.strip_prefix('+').unwrap_or(number);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (5..=20).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}

/// The `tel:` address of a number [`is_phone`] accepts: its digits and its leading `+`.
pub fn phone_href(number: &str) -> String {
    let mut href = String::from("tel:");
    href.extend(number.chars().filter(|c| c.is_ascii_digit() || *c == '+'));
    href
}

/// `.` or `..`, also written with `%2e`, as browsers read them.
fn is_dot_segment(segment: &str) -> bool {
    fn after_dot(s: &str) -> Option<&str> {
        s.strip_prefix('.').or_else(|| {
            s.get(..3)
                .filter(|e| e.eq_ignore_ascii_case("%2e"))
                .map(|_| &s[3..])
        })
    }
    after_dot(segment).is_some_and(|rest| rest.is_empty() || after_dot(rest) == Some(""))
}

/// Whether `url` holds a backslash or a control character (C0, DEL or C1), read as bytes: the
/// app checks every source of every event when it starts, and decoding each character cost
/// more than the rest of the check. A C1 control is U+0080–U+009F, in UTF-8 0xC2 0x80–0x9F.
fn has_backslash_or_control(url: &str) -> bool {
    let bytes = url.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b < 0x20
            || b == 0x7f
            || b == b'\\'
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    })
}

/// Whether `url` can start every link of a published site (`site.canonical_url`, or the
/// address given to `newsctl publish`): an http(s) address with a host, and no space in it.
pub fn is_site_address(url: &str) -> bool {
    let url = url.trim();
    // Written as it is into robots.txt, the feeds and the sitemap: none of the characters an
    // address must escape, which could end the text it stands in.
    is_web_address(url)
        && !url
            .contains(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '`' | '?' | '#'))
}

/// An absolute http(s) address with a host, for sources and websites (site paths are not
/// enough there).
pub(crate) fn is_web_address(url: &str) -> bool {
    // Compared in place: the app checks every source of every event when it starts.
    let url = url.trim();
    let after = |prefix: &str| {
        url.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
            .then(|| &url[prefix.len()..])
    };
    let Some(rest) = after("https://").or_else(|| after("http://")) else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    is_host_and_port(authority) && is_safe_url(url)
}

/// An address's host, and its port if it names one, as a browser can open them: a name of
/// letters, digits, hyphens and dots (in any script), an IPv4 address, or an IPv6 address in
/// brackets; no user name or password (they would be published in every link).
fn is_host_and_port(authority: &str) -> bool {
    let (host, port) = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => (&authority[..i], Some(&authority[i + 1..])),
        _ => (authority, None),
    };
    // Counted by hand: parsing numbers of two more types would add their code to the wasm.
    let number = |digits: &str, max: u32| {
        digits.len() <= 5
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')) <= max
    };
    let port_ok = port.is_none_or(|p| number(p, 65535));
    let host_ok = match host.strip_prefix('[') {
        Some(inner) => inner.strip_suffix(']').is_some_and(|ip| {
            ip.contains(':')
                && ip
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        }),
        None => {
            let last = host.rsplit('.').find(|l| !l.is_empty()).unwrap_or(host);
            !host.is_empty()
                && host.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
                // A name whose last part is a number is an IPv4 address to a browser.
                && (!last.bytes().all(|b| b.is_ascii_digit())
                    || (host.split('.').count() == 4
                        && host.split('.').all(|n| !n.is_empty() && number(n, 255))))
        }
    };
    port_ok && host_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_address_and_a_phone_number_as_their_links_carry_them() {
        for ok in ["a@example.org", "first.last+news@пример.бг", "o'neil@e.ie"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a@b",
            "@example.org",
            "a b@example.org",
            "a@example.org?cc=x",
            "a%40@example.org",
            "a@@example.org",
            "a@exa mple.org",
            "a@example.org:25",
            "<a@example.org>",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for ok in ["+359 301 67 111", "(02) 123-45-67", "0301.67111"] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "1234",
            "+",
            "call 0301 67111",
            "++359 301 67 111",
            "0301 67111 ext. 5",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
        assert_eq!(phone_href("+359 (301) 67-111"), "tel:+35930167111");
    }

    #[test]
    fn a_site_address_has_a_host_and_no_space() {
        for ok in [
            "https://www.example.org/news/",
            "HTTP://example.org",
            " https://e.org/ ",
        ] {
            assert!(is_site_address(ok), "{ok}");
        }
        for bad in [
            "https://",
            "https:///news/",
            "https://?x",
            "https://e.org/a b",
            "https://e.org/\"><script>",
            "/news/",
            "ftp://e.org/",
        ] {
            assert!(!is_site_address(bad), "{bad}");
        }
    }

    #[test]
    fn a_web_address_has_a_host_and_port_a_browser_can_open() {
        for ok in [
            "https://example.org:8443/a",
            "http://127.0.0.1/",
            "https://[::1]:8080/x",
            "https://община.бг/новини",
            "https://e.org:/",
            "https://e.org./a",
            "https://a-b_c.e.org?x=1",
        ] {
            assert!(is_web_address(ok), "{ok}");
        }
        for bad in [
            "https://exa mple.org/",
            "http://example.org:99999/",
            "https://example.org:-1/",
            "https://[::1/",
            "https://ex<ample.org/",
            "https://example.org\u{3000}/",
            "https://%zz/",
            "https:// /",
            "http://999.999.999.999/",
            "https://exa\u{a0}mple.org/",
            "https://\u{202e}example.org/",
            "http://user:pass@example.org/",
        ] {
            assert!(!is_web_address(bad), "{bad:?}");
        }
        assert!(!is_site_address("https://e.org/#x/") && !is_site_address("https://e.org/?x=1/"));
    }

    #[test]
    fn a_site_path_neither_climbs_nor_escapes() {
        for bad in ["/events/../../evil", "/a/./b", "/%2E%2e/x", "/a/..", "/.."] {
            assert!(!is_safe_url(bad), "{bad}");
        }
        for good in [
            "/events/a..b",
            "/.well",
            "/a/...",
            "https://e.org/../x",
            "/?q=../x",
        ] {
            assert!(is_safe_url(good), "{good}");
        }
        for bad in [
            "images%2F..%2Fx.svg",
            "images/b%.jpg",
            "images/a%5Cb.png",
            "a%2.png",
        ] {
            assert!(!is_image_src(bad), "{bad}");
        }
        for good in [
            "https://e.org/a.png?w=800",
            "images/a b.jpg",
            "images/a%20b.jpg",
        ] {
            assert!(is_image_src(good), "{good}");
        }
    }

    #[test]
    fn a_web_address_has_a_host() {
        assert!(is_web_address("https://e.org") && is_web_address("http://e.org/a b"));
        for bad in ["https://", "http:///x", "https://?q", "https://#f", "e.org"] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn the_byte_check_agrees_with_the_characters() {
        let has = |s: &str| s.contains('\\') || s.chars().any(char::is_control);
        for c in (0..0x800).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("/a{c}b"), format!("https://x/é{c}")] {
                assert_eq!(has_backslash_or_control(&s), has(&s), "{c:?}");
            }
        }
    }

    #[test]
    fn links_with_a_backslash_or_a_control_character_are_refused() {
        for bad in [
            "/a\\b",
            "https://x/\u{7}",
            "/a\u{7f}",
            "/a\u{85}b",
            "/\u{9f}",
            "/a\tb",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
        for good in ["/a b", "https://example.org/é", "/\u{a0}", "/путь"] {
            assert!(is_safe_url(good), "{good:?}");
        }
        assert!(is_web_address(" HTTPS://example.org"));
        assert!(!is_web_address("/events/x"));
        assert!(!is_image_src("HTTP://example.org/a.png"));
        assert!(is_image_src("/a.png"));
        for good in [
            "images/a b.JPG",
            "/x/y.webp?v=2",
            "a.svg#m",
            "https://example.org/p",
        ] {
            assert!(is_image_src(good), "{good:?}");
            assert!(not_a_picture_file(good).is_none(), "{good:?}");
        }
        for hidden in [
            ".ssh/id_rsa",
            "%2Egit/config",
            "images/.hidden.png",
            "images/%2e%2e/x.png",
            "../x.jpg",
        ] {
            assert!(!is_image_src(hidden), "{hidden:?}");
        }
        // Allowed, but no picture: said, and not copied by publishing.
        for other in ["news.json", "images/photo", "notes.txt", "a.png/"] {
            assert!(is_image_src(other) && !is_picture_path(other), "{other:?}");
            assert!(not_a_picture_file(other).is_some(), "{other:?}");
        }
    }
}
