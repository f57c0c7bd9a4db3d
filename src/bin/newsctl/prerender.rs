//! `newsctl prerender`: writes every page of the site as HTML from the built page template
//! (see `project_news::prerender`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use project_news::api::News;
use project_news::context::Paths;
use project_news::model::compact_json;
use project_news::model::Catalog;
use project_news::prerender::{
    mark_search_first, pages, render_page, search_files, search_first, Page,
};
use project_news::query::SearchIndex;

use crate::args::{option, split_options, usage_error};
use crate::check::{load_catalog_text, print_text};
use crate::feeds::write_whole;
use crate::output::{complain, say};
use crate::{OK, USAGE_OR_IO};

/// Runs `newsctl prerender --template HTML --out DIR [--routes /,/en] FILE`.
pub fn command(args: &[String]) -> u8 {
    let (options, files) = match split_options(args, &["template", "out", "routes"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let [file] = files.as_slice() else {
        return usage_error("`prerender` needs exactly one news file");
    };
    let (Some(template_file), Some(out_dir)) =
        (option(&options, "template"), option(&options, "out"))
    else {
        return usage_error("`prerender` needs --template and --out");
    };
    let routes = match option(&options, "routes").map(parse_routes) {
        None => None,
        Some(Ok(routes)) => Some(routes),
        Some(Err(message)) => return usage_error(&message),
    };
    let template = match std::fs::read_to_string(template_file) {
        Ok(text) => text,
        Err(err) => {
            complain(&format!(
                "newsctl: cannot read the template {template_file}: {err}"
            ));
            return USAGE_OR_IO;
        }
    };
    let (catalog, text) = match load_catalog_text(file, print_text) {
        Ok((catalog, text)) => (*catalog, text),
        Err(code) => return code,
    };
    // The file as publishing writes it, which the app downloads.
    let published_bytes = compact_json(text.as_bytes()).len();
    let site = Site {
        template: &template,
        published_bytes,
    };
    match run(catalog, site, Path::new(out_dir), routes.as_deref()) {
        Ok(written) => {
            say(&format!(
                "prerendered {} pages into {out_dir}",
                written.len()
            ));
            OK
        }
        Err(message) => {
            complain(&format!("newsctl: {message}"));
            USAGE_OR_IO
        }
    }
}

/// The base path a page template was built for, from its `<base href>` (Trunk's
/// `public_url`): "/" or "/projects/news/".
pub fn template_base(template: &str) -> Result<String, String> {
    let lower = template.to_ascii_lowercase();
    let at = lower
        .find("<base ")
        .ok_or("the template has no <base href> (build it with trunk, which writes one)")?;
    let tag_end = lower[at..].find('>').map_or(lower.len(), |i| at + i);
    let tag = &template[at..tag_end];
    let href = tag
        .to_ascii_lowercase()
        .find("href=")
        .map(|i| &tag[i + 5..])
        .ok_or("the template's <base> has no href")?;
    let value = match href.chars().next() {
        Some(quote @ ('"' | '\'')) => href[1..].split(quote).next().unwrap_or(""),
        // Unquoted: up to a space; a minified `<base href=/>` ends at the `>`.
        _ => href.split(char::is_whitespace).next().unwrap_or(""),
    };
    if !value.starts_with('/') {
        return Err(format!(
            "the template's <base href> `{value}` is not a path from the site root"
        ));
    }
    Ok(value.to_owned())
}

/// The template with its `<base href>` set to `base` (a path from the site's root that ends
/// in "/"): the shell's files are named below the base, so this alone moves the site.
pub fn with_base(template: &str, base: &str) -> Result<String, String> {
    let safe = base.starts_with('/')
        && base.ends_with('/')
        && !base.starts_with("//")
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.~".contains(&b))
        && !base.split('/').any(|part| part == "..");
    if !safe {
        return Err(format!(
            "--base-path `{base}` must be a path from the site's root that starts and ends with \
             /, such as /projects/news/ (letters, digits, - _ . ~)"
        ));
    }
    template_base(template)?;
    let lower = template.to_ascii_lowercase();
    let at = lower.find("<base ").unwrap_or(0);
    let end = lower[at..].find('>').map_or(lower.len(), |i| at + i + 1);
    Ok(format!(
        "{}<base href=\"{base}\">{}",
        &template[..at],
        &template[end..]
    ))
}

/// The routes of `--routes /,/en`: comma-separated paths below the base, each starting with
/// "/"; a trailing slash is dropped ("/en/" is "/en") so that they compare with the pages'.
pub fn parse_routes(list: &str) -> Result<Vec<String>, String> {
    let mut routes: Vec<String> = Vec::new();
    for part in list.split(',').map(str::trim) {
        if part.is_empty() {
            return Err(format!("--routes `{list}` has an empty entry"));
        }
        if !part.starts_with('/') {
            return Err(format!(
                "the route `{part}` does not start with / (routes are paths below the base, like /en)"
            ));
        }
        let route = match part.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        if !routes.iter().any(|r| r == route) {
            routes.push(route.to_owned());
        }
    }
    Ok(routes)
}

/// The pages to write: all of them, or those whose route was asked for. A route that no page
/// has is an error rather than silently nothing written.
pub fn select(all: Vec<Page>, wanted: Option<&[String]>) -> Result<Vec<Page>, String> {
    let Some(wanted) = wanted else {
        return Ok(all);
    };
    if let Some(missing) = wanted.iter().find(|w| !all.iter().any(|p| &p.route == *w)) {
        return Err(format!("no page has the route `{missing}`"));
    }
    Ok(all
        .into_iter()
        .filter(|page| wanted.contains(&page.route))
        .collect())
}

/// What the pages are drawn into: the shell's page template, and the size of the news file
/// the site publishes (which decides how its search starts: `prerender::search_first`).
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub template: &'a str,
    pub published_bytes: usize,
}

/// Every page (or only those of the `routes` given) as its file below the site and its HTML;
/// with a timeline among them, the files of its first answer too (`search/`).
pub fn render_all(
    catalog: Catalog,
    site: Site,
    routes: Option<&[String]>,
) -> Result<Vec<(String, String)>, String> {
    let Site {
        template,
        published_bytes,
    } = site;
    let paths = Paths::new(&template_base(template)?);
    let index = SearchIndex::without_words(&catalog);
    let news = Arc::new(News { catalog, index });
    let selected = select(pages(&news), routes)?;
    // The timeline's first answer reads the light index and the entries beside it; a large
    // archive's pages say whether it was written.
    let timeline = selected
        .iter()
        .any(|page| page.route == "/" || page.route == "/en");
    let search =
        (timeline || search_first(published_bytes, true)).then(|| search_files(&news, &paths));
    let search_first = search_first(
        published_bytes,
        search.as_ref().is_some_and(|(_, note)| note.is_none()),
    );
    let mut files = selected
        .into_iter()
        .map(|page| {
            render_page(template, &news, &paths, &page.route)
                .map(|html| (page.file, mark_search_first(html, search_first)))
                .map_err(|err| format!("{err} (the shell's index.html is not a page template)"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    if let Some((search, note)) = search {
        if let Some(note) = note {
            complain(&format!("newsctl: warning: {note}"));
        }
        if timeline {
            files.extend(search);
        }
    }
    Ok(files)
}

/// Renders every page (or only the `routes` given) into `out_dir` and returns the files
/// written.
pub fn run(
    catalog: Catalog,
    site: Site,
    out_dir: &Path,
    routes: Option<&[String]>,
) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for (file, html) in render_all(catalog, site, routes)? {
        let path = out_dir.join(&file);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .map_err(|err| format!("cannot create the folder {}: {err}", dir.display()))?;
        }
        write_whole(&path, &html)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_is_read_from_quoted_and_minified_tags() {
        assert_eq!(template_base("<head><base href=/></head>").unwrap(), "/");
        assert_eq!(
            template_base(r#"<base href="/projects/cityxchange/">"#).unwrap(),
            "/projects/cityxchange/"
        );
        assert_eq!(template_base("<BASE HREF='/p/' >").unwrap(), "/p/");
        assert!(template_base("<head></head>").is_err());
        assert!(template_base(r#"<base href="https://x.org/">"#).is_err());
    }

    #[test]
    fn the_base_can_be_moved_to_a_safe_sub_path_only() {
        let template = "<head><base href=/><script>x</script></head>";
        let moved = with_base(template, "/projects/news/").unwrap();
        assert_eq!(
            moved,
            r#"<head><base href="/projects/news/"><script>x</script></head>"#
        );
        assert_eq!(template_base(&moved).unwrap(), "/projects/news/");
        for bad in [
            "news/",
            "/news",
            "//evil.example/",
            "/a/../b/",
            "/a b/",
            "/\"x/",
        ] {
            assert!(with_base(template, bad).is_err(), "{bad}");
        }
        assert!(with_base("<head></head>", "/news/").is_err());
    }

    #[test]
    fn routes_are_split_on_commas_trimmed_and_lose_a_trailing_slash() {
        assert_eq!(parse_routes("/").unwrap(), ["/"]);
        assert_eq!(parse_routes("/, /en/ ,/en").unwrap(), ["/", "/en"]);
        assert_eq!(
            parse_routes("/events/a,/en/events/a").unwrap(),
            ["/events/a", "/en/events/a"]
        );
    }

    #[test]
    fn routes_without_a_leading_slash_or_empty_entries_are_refused() {
        assert!(parse_routes("en").is_err());
        assert!(parse_routes("/,").is_err());
        assert!(parse_routes("").is_err());
    }

    fn page(route: &str, file: &str) -> Page {
        Page {
            route: route.into(),
            file: file.into(),
        }
    }

    #[test]
    fn select_keeps_only_the_asked_routes_in_site_order() {
        let all = vec![
            page("/", "index.html"),
            page("/en", "en.html"),
            page("/events/a", "events/a.html"),
        ];
        let wanted = vec!["/en".to_owned(), "/".to_owned()];
        let chosen = select(all.clone(), Some(&wanted)).unwrap();
        assert_eq!(chosen, [page("/", "index.html"), page("/en", "en.html")]);
        assert_eq!(select(all.clone(), None).unwrap(), all);
    }

    #[test]
    fn select_refuses_a_route_no_page_has() {
        let all = vec![page("/", "index.html")];
        let wanted = vec!["/nowhere".to_owned()];
        let err = select(all, Some(&wanted)).unwrap_err();
        assert!(err.contains("/nowhere"), "{err}");
    }
}
