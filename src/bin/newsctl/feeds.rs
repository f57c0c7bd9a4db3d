//! `newsctl` feeds: writes the calendars, Atom feeds, sitemap and robots.txt a static host
//! serves beside the app.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use project_news::export;
use project_news::model::Catalog;

use crate::args::{option, split_options, usage_error};
use crate::check::{load_catalog, print_text, summary_of};
use crate::output::{complain, say};
use crate::{OK, USAGE_OR_IO};

/// Runs `newsctl feeds [--base-url URL] [--out DIR] FILE`.
pub fn command(args: &[String]) -> u8 {
    let (options, files) = match split_options(args, &["base-url", "out"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let [file] = files.as_slice() else {
        return usage_error("`feeds` needs exactly one news file");
    };
    let out_dir = PathBuf::from(option(&options, "out").unwrap_or("."));
    let base_url = option(&options, "base-url");
    let catalog = match load_catalog(file, print_text) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    let errors = summary_of(&catalog).errors;
    if errors > 0 {
        // Feeds still carry the good events, as the site does; the editor should know.
        complain(&format!(
            "{file}: {errors} errors; run `newsctl check {file}` for details"
        ));
    }
    write_feeds(&catalog, &out_dir, base_url)
}

/// Writes the feeds and lists what was written.
fn write_feeds(catalog: &Catalog, out_dir: &Path, base_url: Option<&str>) -> u8 {
    match run(catalog, out_dir, base_url) {
        Ok(paths) => {
            for path in paths {
                say(&format!("wrote {}", path.display()));
            }
            OK
        }
        Err(message) => {
            complain(&format!("newsctl: {message}"));
            USAGE_OR_IO
        }
    }
}

/// Writes [`export::site_files`] under `out_dir`, creating folders as needed, and returns the
/// paths written. `base_url` defaults to the news file's `site.canonical_url`.
pub fn run(
    catalog: &Catalog,
    out_dir: &Path,
    base_url: Option<&str>,
) -> Result<Vec<PathBuf>, String> {
    let base = checked_base_url(base_url.unwrap_or(&catalog.site.canonical_url))?;
    let mut written = Vec::new();
    for (relative, contents) in export::site_files(catalog, &base) {
        let path = out_dir.join(&relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|err| {
                format!(
                    "cannot create the folder {}: {err} (check that the output path is a \
                     folder you may write to)",
                    dir.display()
                )
            })?;
        }
        write_whole(&path, &contents)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The base URL every link in the files starts with: absolute http(s), ending in `/`.
pub fn checked_base_url(url: &str) -> Result<String, String> {
    let trimmed = url.trim();
    // The validator's rule for `site.canonical_url`: what `check` passes, publishing takes.
    if !project_news::model::is_site_address(trimmed) {
        return Err(format!(
            "the base URL `{url}` is not an absolute http(s) address; give the address the app \
             is served from, such as https://www.example.org/news/ (set site.canonical_url \
             in the news file or pass --base-url)"
        ));
    }
    Ok(if trimmed.ends_with('/') {
        trimmed.to_owned()
    } else {
        format!("{trimmed}/")
    })
}

/// Writes beside the target first and renames, so a host never serves a half-written feed.
/// A file that is there already keeps what the renaming would lose: a link stays a link (its
/// target is written) and the file's permissions stay (a news file only its owner may read).
pub fn write_whole(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    let linked = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if linked {
        fs::canonicalize(path)?
    } else {
        path.to_owned()
    };
    let path = target.as_path();
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    // The permissions first, so that the words are never readable by more than the file's.
    let result = fs::File::create(&partial)
        .and_then(|mut file| {
            if let Some(permissions) = permissions {
                file.set_permissions(permissions)?;
            }
            io::Write::write_all(&mut file, contents.as_ref())
        })
        .and_then(|()| fs::rename(&partial, path));
    if result.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = fs::remove_file(&partial);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use project_news::model::testing::site;

    fn catalog(canonical_url: &str) -> Catalog {
        Catalog::new(
            site(canonical_url),
            vec![],
            vec![],
            vec![],
            vec![],
            vec![],
            vec![],
        )
    }

    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsctl-feeds-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn writes_every_site_file_and_creates_folders() {
        let dir = scratch_dir("all");
        let paths = run(&catalog("https://example.org/news/"), &dir, None).unwrap();
        let names: Vec<_> = paths
            .iter()
            .map(|p| {
                p.strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            names,
            [
                "events.ics",
                "events.en.ics",
                "feed.bg.xml",
                "feed.en.xml",
                "sitemap.xml",
                "robots.txt"
            ]
        );
        for path in &paths {
            assert!(path.is_file(), "{} missing", path.display());
        }
        let robots = fs::read_to_string(dir.join("robots.txt")).unwrap();
        assert!(robots.contains("Sitemap: https://example.org/news/sitemap.xml"));
        assert!(!dir.join("robots.txt.partial").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn given_base_url_wins_and_gets_a_trailing_slash() {
        let dir = scratch_dir("base");
        run(
            &catalog("https://example.org/"),
            &dir,
            Some("https://other.example/x"),
        )
        .unwrap();
        let robots = fs::read_to_string(dir.join("robots.txt")).unwrap();
        assert!(robots.contains("Sitemap: https://other.example/x/sitemap.xml"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn relative_or_empty_base_url_is_refused_with_a_hint() {
        for bad in [
            "",
            "/news/",
            "example.org",
            "https://",
            "ftp://example.org/",
        ] {
            let err = run(&catalog(bad), Path::new("unused"), None).unwrap_err();
            assert!(err.contains("canonical_url"), "{err}");
        }
    }

    #[test]
    fn unwritable_output_names_the_path() {
        let dir = scratch_dir("file");
        fs::write(&dir, "a file, not a folder").unwrap();
        let err = run(&catalog("https://example.org/"), &dir, None).unwrap_err();
        assert!(err.contains(&dir.display().to_string()), "{err}");
        fs::remove_file(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn writing_again_keeps_a_link_and_the_permissions() {
        use std::os::unix::fs::{symlink, PermissionsExt};
        let dir = scratch_dir("link");
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("news.json");
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.join("link.json");
        symlink(&file, &link).unwrap();
        write_whole(&link, "new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&file).unwrap(), "new");
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // A new file is made as any other.
        write_whole(&dir.join("fresh.json"), "x").unwrap();
        assert_eq!(fs::read_to_string(dir.join("fresh.json")).unwrap(), "x");
        fs::remove_dir_all(&dir).unwrap();
    }
}
