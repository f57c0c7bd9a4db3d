//! The web app manifest, named after the project and its publisher (written at publish time).

use serde_json::json;

use crate::i18n::site::{site_title, timeline_intro};
use crate::model::Site;

/// `manifest.webmanifest` in the language of the site's root, where it starts: Bulgarian,
/// whatever order `languages` lists them in, or English for a site in English alone.
pub fn web_manifest(site: &Site) -> String {
    let lang = site.root_lang();
    let manifest = json!({
        "name": site_title(site, lang),
        "short_name": site.project.acronym,
        "description": timeline_intro(site, lang),
        "lang": lang.code(),
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b5c7a",
        "icons": [{ "src": "favicon.svg", "sizes": "any", "type": "image/svg+xml" }],
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::site;
    use crate::model::Lang;

    #[test]
    fn the_manifest_names_the_files_project_and_publisher() {
        let mut s = site("https://example.org/");
        s.project.acronym = "ACME".into();
        let value: serde_json::Value = serde_json::from_str(&web_manifest(&s)).unwrap();
        assert_eq!(value["short_name"], "ACME");
        let name = value["name"].as_str().unwrap();
        assert!(name.starts_with("ACME – ") && name.ends_with(s.publisher.get(Lang::Bg)));
        assert_eq!(value["lang"], "bg");
        s.languages = vec![Lang::En, Lang::Bg];
        let value: serde_json::Value = serde_json::from_str(&web_manifest(&s)).unwrap();
        assert_eq!(value["lang"], "bg");
        assert!(value["name"]
            .as_str()
            .unwrap()
            .ends_with(s.publisher.get(Lang::Bg)));
        // A site in English alone starts in English.
        s.languages = vec![Lang::En];
        let value: serde_json::Value = serde_json::from_str(&web_manifest(&s)).unwrap();
        assert_eq!(value["lang"], "en");
    }
}
