//! `newsctl prerender`: writes every page of the site as HTML from the built page template
//! (see `cityxchange_news::prerender`).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cityxchange_news::api::News;
use cityxchange_news::app::Paths;
use cityxchange_news::model::Catalog;
use cityxchange_news::prerender::{pages, render_page};
use cityxchange_news::query::SearchIndex;

use crate::feeds::write_whole;

/// The base path a page template was built for, from its `<base href>` (Trunk's
/// `public_url`): "/" or "/projects/cityxchange/".
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

/// Renders every page into `out_dir` and returns the files written.
pub fn run(catalog: Catalog, template: &str, out_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let paths = Paths::new(&template_base(template)?);
    let index = SearchIndex::without_words(&catalog);
    let news = Arc::new(News { catalog, index });
    let mut written = Vec::new();
    for page in pages(&news) {
        let html = render_page(template, &news, &paths, &page.route)
            .map_err(|err| format!("{err} (it comes from scripts/post-build.mjs)"))?;
        let path = out_dir.join(&page.file);
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
}
