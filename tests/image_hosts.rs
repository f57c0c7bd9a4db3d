//! An image from another host passes the URL rules but is blocked by the production build's
//! Content-Security-Policy (img-src 'self' data:): the validator says so before a visitor
//! sees a broken image.

use project_news::model::{parse_news, Severity};
use serde_json::{json, Value};

/// The shipped file with one image on its first event.
fn with_image(src: &str) -> String {
    let path = format!("{}/public/data/news.json", env!("CARGO_MANIFEST_DIR"));
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["site"]["canonical_url"] = json!("https://www.example.org/news/");
    doc["events"][0]["images"] = json!([{
        "src": src,
        "alt": {"bg": "Снимка", "en": "A photo"},
        "width": 800,
        "height": 600
    }]);
    doc.to_string()
}

#[test]
fn an_image_on_another_host_is_a_warning() {
    let catalog = parse_news(&with_image("https://cdn.example.net/a.jpg")).unwrap();
    assert_eq!(catalog.problems.len(), 1, "{:#?}", catalog.problems);
    let p = &catalog.problems[0];
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.path, "events[0].images[0].src");
    assert!(p.message.contains("https://cdn.example.net"), "{p}");
    assert!(p.message.contains("img-src"), "{p}");
    // The image is kept: a wider policy may allow it.
    assert_eq!(catalog.events[0].images.len(), 1);
}

#[test]
fn images_of_the_site_itself_pass() {
    for src in [
        "images/a.jpg",
        "/images/a.jpg",
        "https://www.example.org/news/images/a.jpg",
        "HTTPS://WWW.EXAMPLE.ORG/images/a.jpg",
    ] {
        let catalog = parse_news(&with_image(src)).unwrap();
        assert!(
            catalog.problems.is_empty(),
            "{src}: {:#?}",
            catalog.problems
        );
    }
}

#[test]
fn a_logo_on_another_host_is_a_warning_and_one_of_the_site_passes() {
    let with_logo = |logo: &str| {
        let mut doc: Value = serde_json::from_str(&with_image("images/a.jpg")).unwrap();
        doc["site"]["project"]["logo"] = json!(logo);
        parse_news(&doc.to_string()).unwrap()
    };
    let catalog = with_logo("https://upload.example.net/logo.svg");
    assert_eq!(catalog.problems.len(), 1, "{:#?}", catalog.problems);
    let p = &catalog.problems[0];
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.path, "site.project.logo");
    assert!(p.message.contains("https://upload.example.net"), "{p}");
    // Kept, as an event's image is.
    assert!(catalog.site.project.logo.is_some());
    for logo in ["images/logo.svg", "https://www.example.org/logo.svg"] {
        let catalog = with_logo(logo);
        assert!(
            catalog.problems.is_empty(),
            "{logo}: {:#?}",
            catalog.problems
        );
    }
}
