//! `newsctl publish` as editors and the build use it: strict by default, loud with
//! `--allow-errors`, incremental, and removing what a deleted event left behind.

mod common;
use common::{fixture_path, newsctl};

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh folder for one test (removed at the start of the next run, not on failure, so a
/// failed test leaves its output to look at).
fn scratch(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("newsctl-publish-{}-{name}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The smallest shell: a page template with its marks, an app file with compressed siblings,
/// and a file that only the shell has.
fn shell(dir: &Path) -> PathBuf {
    let shell = dir.join("shell");
    fs::create_dir_all(&shell).unwrap();
    fs::write(
        shell.join("index.html"),
        "<!doctype html><html><head><meta charset=\"utf-8\"><base href=\"/\">\
         <!--HEAD--><!--/HEAD--></head><body><!--static--><!--/static--></body></html>",
    )
    .unwrap();
    fs::write(shell.join("app.js"), "console.log(1)").unwrap();
    fs::write(shell.join("app.js.br"), "ready-made br").unwrap();
    fs::write(shell.join("app.js.gz"), "ready-made gz").unwrap();
    shell
}

fn publish(shell: &Path, out: &Path, news: &str, extra: &[&str]) -> (i32, String, String) {
    let (shell, out) = (shell.to_str().unwrap(), out.to_str().unwrap());
    let mut args = vec!["publish", "--shell", shell, "--out", out];
    args.extend_from_slice(extra);
    args.push(news);
    newsctl(&args)
}

#[test]
fn a_file_with_errors_is_refused_with_positions_and_nothing_is_written() {
    let dir = scratch("refused");
    let shell = shell(&dir);
    let out = dir.join("site");
    let news = fixture_path("mixed-good-and-bad.json");
    let (code, stdout, stderr) = publish(&shell, &out, &news, &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let positioned = stdout
        .lines()
        .filter(|l| l.starts_with(&format!("{news}:")) && l.contains(": error: "))
        .count();
    assert!(positioned > 0, "{stdout}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!out.exists(), "a refused file writes nothing");
}

#[test]
fn allow_errors_publishes_the_valid_entries_and_says_what_was_left_out() {
    let dir = scratch("allowed");
    let shell = shell(&dir);
    let out = dir.join("site");
    let news = fixture_path("mixed-good-and-bad.json");
    let (code, stdout, stderr) = publish(&shell, &out, &news, &["--allow-errors"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("WARNING: published WITH"), "{stderr}");
    assert!(stderr.contains("[entry left out]"), "{stderr}");
    assert!(out.join("index.html").exists());
    // Visitors' file holds what the pages show: it checks clean, with an event page for each
    // of its events and none for the entries left out.
    let published = out.join("data/news.json");
    let (code, stdout, stderr) = newsctl(&["check", published.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("0 entries left out, 0 errors"),
        "{stdout}{stderr}"
    );
    let file: serde_json::Value = serde_json::from_slice(&fs::read(&published).unwrap()).unwrap();
    let field = |section: &str, key: &str| -> Vec<String> {
        let entries = file[section].as_array().unwrap().iter();
        entries
            .map(|e| e[key].as_str().unwrap().to_owned())
            .collect()
    };
    let slugs = field("events", "slug");
    assert_eq!(slugs.len(), 3, "{slugs:?}");
    for slug in &slugs {
        assert!(out.join(format!("events/{slug}.html")).exists(), "{slug}");
    }
    assert!(!slugs.iter().any(|s| s == "broken"));
    let cities = field("cities", "id");
    assert!(!cities.iter().any(|c| c == "Voru"), "{cities:?}");

    // An event the validator refuses but the browser's loader could read (it ends before it
    // starts) is left out of the site's file too.
    let out = dir.join("site-2");
    let news = fixture_path("end-before-start.json");
    let (code, stdout, stderr) = publish(&shell, &out, &news, &["--allow-errors"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let published = fs::read_to_string(out.join("data/news.json")).unwrap();
    assert!(
        !published.contains("smolyan-learning-session-2023"),
        "{published}"
    );
    assert!(
        published.contains("\"events\":[{"),
        "the other event is there"
    );
}

#[test]
fn publishing_again_rewrites_nothing_and_a_deleted_event_leaves_nothing_behind() {
    let dir = scratch("incremental");
    let shell = shell(&dir);
    let out = dir.join("site");
    let news = dir.join("news.json");
    fs::copy(fixture_path("valid-minimal.json"), &news).unwrap();
    let news_arg = news.to_str().unwrap();

    let (code, stdout, stderr) = publish(&shell, &out, news_arg, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // 3 events × 2 languages, the timeline, the statement and the not-found page in both.
    assert!(
        stdout.contains(": 12 pages written, 0 unchanged, 0 removed;"),
        "{stdout}"
    );
    for file in [
        "index.html",
        "en.html",
        "404.html",
        "events/climathon-smolyan-2021.html",
        "events/climathon-smolyan-2021.html.br",
        "events/climathon-smolyan-2021.html.gz",
        "data/news.json",
        "manifest.webmanifest",
        "feed.bg.xml",
        "sitemap.xml",
        "app.js",
        // The first answer's files: its tables, the light index, each event's entry.
        "search/meta.json",
        "search/0.txt",
        "search/bg/2.txt",
        "search/en/0.txt.br",
    ] {
        assert!(out.join(file).exists(), "{file} is missing");
    }
    let entry = fs::read_to_string(out.join("search/en/0.txt")).unwrap();
    assert!(
        entry.starts_with("<div class=\"timeline\"><section class=\"timeline-year\"")
            && entry.contains("class=\"timeline-entry\""),
        "{entry}"
    );
    assert_eq!(
        fs::read_to_string(out.join("app.js.br")).unwrap(),
        "ready-made br",
        "the shell's own siblings are copied, not made again"
    );
    assert!(!out.join("index.html.partial").exists());
    // Visitors get the news without the spaces between tokens: the same values, in order.
    let served = fs::read(out.join("data/news.json")).unwrap();
    let source = fs::read(&news).unwrap();
    assert!(!served.contains(&b'\n') && served.len() < source.len());
    let value = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).unwrap();
    assert_eq!(value(&served), value(&source));
    let page = out.join("events/climathon-smolyan-2021.html");
    let written_at = fs::metadata(&page).unwrap().modified().unwrap();

    let (_, again, _) = publish(&shell, &out, news_arg, &[]);
    assert!(
        again.contains(": 0 pages written, 12 unchanged, 0 removed; 0 other files written"),
        "{again}"
    );
    assert_eq!(fs::metadata(&page).unwrap().modified().unwrap(), written_at);

    // A changed title: that event's pages say it at once.
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&news).unwrap()).unwrap();
    value["events"][0]["title"]["en"] = "A title changed by the editor".into();
    let slug = value["events"][0]["slug"].as_str().unwrap().to_owned();
    fs::write(&news, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    let (_, changed, _) = publish(&shell, &out, news_arg, &[]);
    assert!(!changed.contains(": 0 pages written"), "{changed}");
    let page_en = fs::read_to_string(out.join(format!("en/events/{slug}.html"))).unwrap();
    assert!(page_en.contains("A title changed by the editor"));
    let listed = fs::read_to_string(out.join(".published")).unwrap();
    assert!(
        listed.lines().any(|l| l.starts_with("index.html\t")),
        "pages are listed with their fingerprint: {listed}"
    );

    // Leave one event out.
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&news).unwrap()).unwrap();
    let events = value["events"].as_array_mut().unwrap();
    events.retain(|e| e["slug"] != "climathon-smolyan-2021");
    fs::write(&news, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    let (code, fewer, stderr) = publish(&shell, &out, news_arg, &[]);
    assert_eq!(code, 0, "{fewer}{stderr}");
    assert!(fewer.contains(" 2 removed; "), "{fewer}");
    for gone in [
        "events/climathon-smolyan-2021.html",
        "events/climathon-smolyan-2021.html.br",
        "en/events/climathon-smolyan-2021.html.gz",
        "events/climathon-smolyan-2021.ics",
        // Two events are left: the entries are numbered 0 and 1.
        "search/bg/2.txt",
        "search/bg/2.txt.br",
        "search/en/2.txt",
    ] {
        assert!(!out.join(gone).exists(), "{gone} should be gone");
    }
    assert!(out.join("search/bg/1.txt").exists());
    assert!(out
        .join("events/pisek-consortium-meeting-2022.html")
        .exists());
}

#[test]
fn a_folder_that_is_not_a_shell_or_the_shell_itself_is_refused() {
    let dir = scratch("not-a-shell");
    let news = fixture_path("valid-minimal.json");
    let (code, _, stderr) = publish(&dir, &dir.join("site"), &news, &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("page template"), "{stderr}");
    let shell = shell(&dir);
    let (code, _, stderr) = publish(&shell, &shell, &news, &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("another folder than --shell"), "{stderr}");
    // A published site holds the template too, and another file's pages: refused, and the
    // folder it was to be published into is not made.
    let site = dir.join("site");
    let (code, stdout, stderr) = publish(&shell, &site, &news, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let again = dir.join("again");
    let (code, _, stderr) = publish(&site, &again, &news, &[]);
    assert_ne!(code, 0);
    assert!(
        stderr.contains("is a published site") && stderr.contains("shell/"),
        "{stderr}"
    );
    assert!(!again.exists());
}

#[test]
fn pages_made_for_another_path_than_the_sites_address_are_warned_about() {
    let dir = scratch("base-path");
    let shell = shell(&dir);
    // The fixture's address is https://example.org/cityxchange/; the shell's pages are for /.
    let news = fixture_path("valid-minimal.json");
    let (code, stdout, stderr) = publish(&shell, &dir.join("site"), &news, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("warning: site.canonical_url is https://example.org/cityxchange/")
            && stderr.contains("--base-path /cityxchange/"),
        "{stderr}"
    );
    // Told where the pages go, or given an address that fits them, it says nothing of it.
    for extra in [
        &["--base-path", "/cityxchange/"][..],
        &["--base-url", "http://127.0.0.1:8080/"][..],
    ] {
        let (code, stdout, stderr) = publish(&shell, &dir.join("other"), &news, extra);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(!stderr.contains("--base-path /"), "{extra:?}: {stderr}");
    }
}

#[test]
fn pictures_beside_the_news_file_are_published_and_a_missing_one_is_said() {
    let dir = scratch("pictures");
    let shell = shell(&dir);
    let out = dir.join("site");
    let mut doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture_path("valid-minimal.json")).unwrap())
            .unwrap();
    doc["site"]["canonical_url"] = serde_json::json!("https://example.org/");
    let image = |src: &str| serde_json::json!({ "src": src, "alt": { "bg": "Снимка", "en": "A photo" }, "width": 4, "height": 3 });
    doc["site"]["project"]["logo"] = serde_json::json!("images/logo.svg");
    doc["events"][0]["images"] = serde_json::json!([
        image("images/a.jpg"),
        image("images/gone.jpg"),
        image("/images/my%20photo.jpg"),
        image("images/plan.svg?v=2#top")
    ]);
    let news = dir.join("news.json");
    fs::write(&news, doc.to_string()).unwrap();
    fs::create_dir_all(dir.join("images")).unwrap();
    fs::write(dir.join("images/a.jpg"), b"jpeg").unwrap();
    fs::write(dir.join("images/logo.svg"), b"<svg/>").unwrap();
    fs::write(dir.join("images/my photo.jpg"), b"spaced").unwrap();
    fs::write(dir.join("images/plan.svg"), b"<svg>plan</svg>").unwrap();
    let (code, stdout, stderr) = publish(&shell, &out, news.to_str().unwrap(), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(fs::read(out.join("images/a.jpg")).unwrap(), b"jpeg");
    assert_eq!(fs::read(out.join("images/logo.svg")).unwrap(), b"<svg/>");
    // The file a server finds at the address: its escapes decoded.
    assert_eq!(
        fs::read(out.join("images/my photo.jpg")).unwrap(),
        b"spaced"
    );
    // A query or fragment (`?v=2` to have pages ask again after a change) is no part of it.
    assert_eq!(
        fs::read(out.join("images/plan.svg")).unwrap(),
        b"<svg>plan</svg>"
    );
    assert!(
        stderr.contains("warning: the picture `images/gone.jpg` (event `")
            && stderr.contains("images/gone.jpg, and publish again"),
        "{stderr}"
    );
    // Put into the site by hand, a picture is kept and no longer said; one published from
    // beside the file stays with the site when that copy goes.
    fs::write(out.join("images/gone.jpg"), b"by hand").unwrap();
    fs::remove_file(dir.join("images/a.jpg")).unwrap();
    let (code, stdout, stderr) = publish(&shell, &out, news.to_str().unwrap(), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("the picture"), "{stderr}");
    assert_eq!(fs::read(out.join("images/gone.jpg")).unwrap(), b"by hand");
    assert_eq!(fs::read(out.join("images/a.jpg")).unwrap(), b"jpeg");
}

#[test]
fn no_file_but_a_picture_is_taken_from_beside_the_news_file() {
    let dir = scratch("not-pictures");
    let shell = shell(&dir);
    let out = dir.join("site");
    let mut doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture_path("valid-minimal.json")).unwrap())
            .unwrap();
    let image = |src: &str| serde_json::json!({ "src": src, "alt": { "bg": "Снимка", "en": "A photo" }, "width": 4, "height": 3 });
    // A key and a repository's settings named as pictures, and a path out of the folder.
    doc["site"]["project"]["logo"] = serde_json::json!(".ssh/id_rsa");
    doc["events"][0]["images"] = serde_json::json!([
        image("%2Egit/config"),
        image("images/.secret.png"),
        image("../outside.jpg")
    ]);
    // Allowed as a path, but no picture: said, and not copied.
    doc["events"][1]["images"] = serde_json::json!([image("images/ok.png"), image("news.json")]);
    let news = dir.join("news.json");
    fs::write(&news, doc.to_string()).unwrap();
    for (file, bytes) in [
        (".ssh/id_rsa", &b"key"[..]),
        (".git/config", b"token"),
        ("images/.secret.png", b"hidden"),
        ("images/ok.png", b"png"),
    ] {
        fs::create_dir_all(dir.join(file).parent().unwrap()).unwrap();
        fs::write(dir.join(file), bytes).unwrap();
    }
    // Refused with each place named, and nothing written.
    let (code, stdout, stderr) = publish(&shell, &out, news.to_str().unwrap(), &[]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let said = format!("{stdout}{stderr}");
    assert!(said.contains("has 4 errors"), "{said}");
    assert!(
        said.contains("events[1].images[1].src: image `news.json` does not end in .jpg"),
        "{said}"
    );
    for place in [
        "images[0].src",
        "images[1].src",
        "images[2].src",
        "site.project.logo",
    ] {
        assert!(said.contains(place), "{place}: {said}");
    }
    assert!(!out.exists());
    // Published with its errors, the site holds the one picture and none of the others.
    let (code, stdout, stderr) = publish(&shell, &out, news.to_str().unwrap(), &["--allow-errors"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(fs::read(out.join("images/ok.png")).unwrap(), b"png");
    for file in [
        ".ssh/id_rsa",
        ".git/config",
        "images/.secret.png",
        "outside.jpg",
        "news.json",
    ] {
        assert!(!out.join(file).exists(), "{file} was published");
    }
    let news_out = fs::read_to_string(out.join("data/news.json")).unwrap();
    assert!(
        !news_out.contains("id_rsa") && !news_out.contains(".git"),
        "{news_out}"
    );
}

#[test]
fn a_large_archive_starts_search_with_the_first_answer_on_every_page() {
    let dir = scratch("search-first");
    let shell = shell(&dir);
    let out = dir.join("site");
    let news = dir.join("news.json");
    fs::copy(fixture_path("valid-minimal.json"), &news).unwrap();
    let news_arg = news.to_str().unwrap();
    let marked = |file: &str| {
        fs::read_to_string(out.join(file))
            .unwrap()
            .contains("<html data-start=\"search\"")
    };
    let (code, stdout, stderr) = publish(&shell, &out, news_arg, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        !marked("index.html"),
        "a small archive starts the app as before"
    );

    // The same events with long texts: the published file passes 1 MiB, and the pages that
    // did not change otherwise are drawn again too (the first event's keeps its text).
    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&news).unwrap()).unwrap();
    let first = value["events"][0]["slug"].as_str().unwrap().to_owned();
    let long = "Дълъг текст за събитието. ".repeat(1_400);
    for event in value["events"].as_array_mut().unwrap().iter_mut().skip(1) {
        event["body"] = serde_json::json!({ "bg": long, "en": long });
    }
    for n in 0..6 {
        let mut copy = value["events"][1].clone();
        copy["slug"] = format!("long-event-{n}").into();
        value["events"].as_array_mut().unwrap().push(copy);
    }
    let text = serde_json::to_string(&value).unwrap();
    assert!(text.len() > 1 << 20, "{}", text.len());
    fs::write(&news, text).unwrap();
    let (code, stdout, stderr) = publish(&shell, &out, news_arg, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for file in [
        "index.html".to_owned(),
        "en.html".to_owned(),
        format!("events/{first}.html"),
        "events/long-event-5.html".to_owned(),
    ] {
        assert!(marked(&file), "{file}");
    }
}
