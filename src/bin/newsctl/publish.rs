//! `newsctl publish`: the complete site from an app shell and a news file — every page,
//! feed and calendar, the manifest, the news file itself and compressed siblings — written
//! so that a second run changes only what changed.
//!
//! The shell is what the app build makes once (the page template `index.html`, wasm, JS glue,
//! print styles, icons, schema: nothing that depends on the news); the site is the shell
//! plus everything the news file decides.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

use project_news::api::News;
use project_news::context::Paths;
use project_news::export;
use project_news::model::relations::{neighbours, related};
use project_news::model::{compact_json, is_picture_path, Catalog, NewsFile};
use project_news::pages::event::RELATED_SHOWN;
use project_news::prerender::{
    mark_search_first, pages, render_page, search_files, search_first, Page,
};
use project_news::query::{percent_decode, SearchIndex};

use crate::args::{option, split_options, usage_error};
use crate::check::{load_catalog_text, print_text, summary_of, Outcome};
use crate::feeds::{checked_base_url, write_whole};
use crate::output::{complain, say};
use crate::prerender::{template_base, with_base};
use crate::{HAS_ERRORS, OK, USAGE_OR_IO};

/// The list of files the last publish wrote, so the next one removes what is gone; a page's
/// line also holds the fingerprint of what it was drawn from, so an unchanged page is not
/// drawn again.
pub const PUBLISHED_LIST: &str = ".published";

/// Files of the shell that the site writes itself (or that are not the site's).
const FROM_THE_NEWS: [&str; 4] = [
    "index.html",
    "manifest.webmanifest",
    "data/news.json",
    PUBLISHED_LIST,
];

/// Endings that get `.br` and `.gz` siblings (images other than SVG are compressed already).
const COMPRESSED: [&str; 11] = [
    "html",
    "js",
    "mjs",
    "wasm",
    "css",
    "json",
    "xml",
    "ics",
    "svg",
    "webmanifest",
    "txt",
];

/// Brotli quality and gzip level for what publish compresses: pages and feeds are many and
/// alike, and the middle levels give nearly the size of the highest at a fraction of the time
/// (docs/performance.md). The shell's large files come compressed at the highest level.
const BROTLI_QUALITY: u32 = 6;
const GZIP_LEVEL: u32 = 6;

/// Runs `newsctl publish --shell DIR --out DIR [--allow-errors] [--base-url URL]
/// [--base-path /PATH/] [--no-compress] FILE`.
pub fn command(args: &[String]) -> u8 {
    // The options without a value.
    let flag = |name: &str| args.iter().any(|a| a == name);
    let (allow_errors, compress) = (flag("--allow-errors"), !flag("--no-compress"));
    let args: Vec<String> = args
        .iter()
        .filter(|a| *a != "--allow-errors" && *a != "--no-compress")
        .cloned()
        .collect();
    let (options, files) = match split_options(&args, &["shell", "out", "base-url", "base-path"]) {
        Ok(split) => split,
        Err(message) => return usage_error(&message),
    };
    let [file] = files.as_slice() else {
        return usage_error("`publish` needs exactly one news file");
    };
    let (Some(shell), Some(out)) = (option(&options, "shell"), option(&options, "out")) else {
        return usage_error("`publish` needs --shell and --out");
    };
    let (shell, out) = (Path::new(shell), Path::new(out));
    if let (Ok(a), Ok(b)) = (shell.canonicalize(), out.canonicalize()) {
        if a == b {
            return usage_error("--out must be another folder than --shell (the shell's index.html is the page template)");
        }
    }
    let (catalog, news_bytes) = match load_catalog_text(file, print_text) {
        Ok((catalog, text)) => (*catalog, text.into_bytes()),
        Err(code) => {
            eprintln!("newsctl: {file} was not published: nothing was written");
            return code;
        }
    };
    let summary = summary_of(&catalog);
    if summary.errors > 0 {
        print_text(file, &Outcome::Loaded(Box::new(catalog.clone())));
        if !allow_errors {
            eprintln!(
                "newsctl: {file} has {} errors: it was not published and nothing was written. \
                 Fix the errors above (`newsctl check {file}` lists them again), or publish the \
                 valid entries with --allow-errors.",
                summary.errors
            );
            return HAS_ERRORS;
        }
    } else {
        for problem in &catalog.problems {
            say(&format!("{file}:{problem}"));
        }
    }
    let left_out: Vec<String> = catalog
        .problems
        .iter()
        .filter(|p| p.entry_dropped)
        .map(|p| format!("  {file}:{p}"))
        .collect();
    // Visitors download the editors' file without its spaces. With errors allowed they get
    // the valid entries only, as the pages show them, so that the app and the first answer
    // never hold an entry the pages left out (or lack a reference the pages kept).
    let site_file = if summary.errors > 0 {
        let valid = NewsFile::from(catalog.clone());
        serde_json::to_vec(&valid).expect("the model's types always serialise")
    } else {
        compact_json(&news_bytes)
    };
    let options = Options {
        shell,
        out,
        news_dir: Path::new(file).parent(),
        news_bytes: &site_file,
        base_url: option(&options, "base-url"),
        base_path: option(&options, "base-path"),
        compress,
    };
    match run(catalog, &options) {
        Ok(t) => {
            println!(
                "published {file} into {}: {} pages written, {} unchanged, {} removed; \
                 {} other files written, {} unchanged, {} removed",
                out.display(),
                t.pages_written,
                t.pages_unchanged,
                t.pages_removed,
                t.files_written,
                t.files_unchanged,
                t.files_removed
            );
            if summary.errors > 0 {
                eprintln!(
                    "\nWARNING: published WITH {} ERRORS (--allow-errors). {} entries were LEFT \
                     OUT of the site and references to unknown ids were dropped:",
                    summary.errors, summary.left_out
                );
                for line in &left_out {
                    complain(line);
                }
            }
            OK
        }
        Err(message) => {
            eprintln!("newsctl: {message}");
            USAGE_OR_IO
        }
    }
}

pub struct Options<'a> {
    pub shell: &'a Path,
    pub out: &'a Path,
    /// The news file's folder, where the pictures it names by site path are looked for.
    pub news_dir: Option<&'a Path>,
    /// The news file as visitors download it (`data/news.json`).
    pub news_bytes: &'a [u8],
    pub base_url: Option<&'a str>,
    /// Where the site lives on its host (`/projects/news/`), when not where the shell was
    /// built for.
    pub base_path: Option<&'a str>,
    /// Writes `.br`/`.gz` siblings (not for a local development build).
    pub compress: bool,
}

/// What a publish did, for its closing line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub pages_written: usize,
    pub pages_unchanged: usize,
    pub pages_removed: usize,
    pub files_written: usize,
    pub files_unchanged: usize,
    pub files_removed: usize,
}

impl Tally {
    fn count(&mut self, file: &str, written: bool) {
        match (is_page(file), written) {
            (true, true) => self.pages_written += 1,
            (true, false) => self.pages_unchanged += 1,
            (false, true) => self.files_written += 1,
            (false, false) => self.files_unchanged += 1,
        }
    }
}

fn is_page(file: &str) -> bool {
    file.ends_with(".html")
}

fn compressible(file: &str) -> bool {
    file.rsplit_once('.')
        .is_some_and(|(_, ext)| COMPRESSED.contains(&ext.to_ascii_lowercase().as_str()))
}

/// The pictures the file names by a path in the site (`images/x.jpg`): found beside the news
/// file, they are published with it; already in the shell or in the site's folder (put there
/// by hand), they stay. One found nowhere is said: its pages would show a broken picture.
fn pictures(
    catalog: &Catalog,
    options: &Options,
    last: &BTreeMap<String, Option<u64>>,
    outputs: &mut Vec<Output>,
) -> Result<(), String> {
    let logo = catalog
        .site
        .project
        .logo
        .iter()
        .map(|src| (src, "site.project.logo".to_owned()));
    let images = catalog.events.iter().flat_map(|event| {
        event
            .images
            .iter()
            .map(move |image| (&image.src, format!("event `{}`", event.slug)))
    });
    let mut seen = BTreeSet::new();
    for (src, whose) in logo.chain(images) {
        // An address, or a path that would leave the site's folder, is not a file of it.
        if src.contains("://") || src.contains('\\') {
            continue;
        }
        // The file a server finds at that address: without the query or fragment (a `?v=2`
        // that has pages ask again after a change), escapes decoded (`%20` is a space), a
        // `+` kept.
        let file = src.split(['?', '#']).next().unwrap_or(src);
        let Some(path) = percent_decode(&file.trim().trim_start_matches('/').replace('+', "%2B"))
        else {
            continue;
        };
        let inside = !path.contains('\\')
            && Path::new(&path)
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
        // Only a picture, and nothing hidden, is taken from the editors' folder (the checks
        // refuse any other; this holds for a file published with its errors too).
        if !inside
            || !is_picture_path(&path)
            || outputs.iter().any(|o| o.file == path)
            || !seen.insert(path.clone())
        {
            continue;
        }
        let path = path.as_str();
        let beside = options.news_dir.map(|dir| dir.join(path));
        let published = options.out.join(path);
        // Beside the news file, or published from there last time (the site keeps it).
        let from = beside
            .clone()
            .filter(|b| b.is_file())
            .or_else(|| Some(published.clone()).filter(|p| p.is_file() && last.contains_key(path)));
        if let Some(from) = from {
            let bytes = fs::read(&from)
                .map_err(|err| format!("cannot read the picture {}: {err}", from.display()))?;
            outputs.push(generated(path, bytes));
        } else if !published.is_file() {
            let beside = beside.map_or_else(|| path.to_owned(), |b| b.display().to_string());
            complain(&format!(
                "newsctl: warning: the picture `{path}` ({whose}) is not in the site: put the \
                 file at {beside}, and publish again; until then its pages show no picture"
            ));
        }
    }
    Ok(())
}

/// The path of an absolute address that ends in `/` (`https://host/a/b/` → `/a/b/`).
fn path_of(base: &str) -> &str {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |at| &after_scheme[at..]);
    path.split(['?', '#']).next().unwrap_or("/")
}

/// One file of the site, below the output folder.
struct Output {
    file: String,
    bytes: Vec<u8>,
    /// Siblings that come ready-made from the shell (`.br`, `.gz`), if any.
    siblings: Vec<(String, Vec<u8>)>,
}

/// Writes the site for `catalog` into `options.out` and returns what it did.
pub fn run(catalog: Catalog, options: &Options) -> Result<Tally, String> {
    let template_path = options.shell.join("index.html");
    let template = fs::read_to_string(&template_path).map_err(|err| {
        format!(
            "cannot read the shell's page template {}: {err} (give --shell the folder of a \
             built app shell: it holds index.html, the wasm and the JS glue)",
            template_path.display()
        )
    })?;
    if !template.contains("<!--static-->") || !template.contains("<!--HEAD-->") {
        return Err(format!(
            "{} is not a page template: build the shell with `trunk build --release` \
             (its post-build step makes the template)",
            template_path.display()
        ));
    }
    // A published site still holds the template, but also another file's pages, maps and
    // index, which would all be copied into the new site as if they were the app's.
    if options.shell.join(PUBLISHED_LIST).exists() {
        return Err(format!(
            "{} is a published site (it has {PUBLISHED_LIST}), not an app shell: its pages \
             and search index would be carried into the new site. Give --shell the shell \
             folder (the release kit's shell/, or target/shell after `trunk build --release`)",
            options.shell.display()
        ));
    }
    let template = match options.base_path {
        Some(path) if template_base(&template)? != path => with_base(&template, path)?,
        _ => template,
    };
    let base = checked_base_url(options.base_url.unwrap_or(&catalog.site.canonical_url))?;
    // The file says where the site lives; pages made for another path would lose every link
    // there. Said, not refused: a copy for a test server may live elsewhere on purpose.
    let built = template_base(&template)?;
    let wanted = path_of(&base);
    if options.base_path.is_none() && built != wanted {
        let named = if options.base_url.is_some() {
            "--base-url"
        } else {
            "site.canonical_url"
        };
        complain(&format!(
            "newsctl: warning: {named} is {base}, below the path {wanted}, but the pages are \
             made for {built}: uploaded to {base}, their links would miss the site. Publish \
             with --base-path {wanted} (or correct {named})"
        ));
    }

    let last = last_published(options.out);
    let mut outputs = shell_files(options.shell)?;
    pictures(&catalog, options, &last, &mut outputs)?;
    outputs.push(generated("data/news.json", options.news_bytes.to_vec()));
    outputs.push(generated(
        "manifest.webmanifest",
        export::manifest::web_manifest(&catalog.site).into_bytes(),
    ));
    for (file, text) in export::site_files(&catalog, &base) {
        outputs.push(generated(&file, text.into_bytes()));
    }
    // The picture of shared links to pages without a photo of their own.
    for lang in catalog.site.published_languages() {
        outputs.push(generated(
            export::share::card_image_path(lang),
            crate::card::card_png(&catalog.site, lang),
        ));
    }

    let mut writer = Writer {
        out: options.out,
        compress: options.compress,
        tally: Tally::default(),
        listed: BTreeSet::new(),
        to_compress: Vec::new(),
        waiting: 0,
    };
    let mut fingerprints = BTreeMap::new();
    let paths = Paths::new(&template_base(&template)?).with_root(catalog.site.root_lang());
    let index = SearchIndex::without_words(&catalog);
    let news = Arc::new(News { catalog, index });
    // The first answer to a search typed before the app has arrived; on a large archive the
    // search itself, if its index was written.
    let (search, note) = search_files(&news, &paths);
    if let Some(note) = &note {
        complain(&format!("newsctl: warning: {note}"));
    }
    let search_first = search_first(options.news_bytes.len(), note.is_none());
    let keys = Fingerprints::new(&news.catalog, &template, search_first);
    // Each page is written as it is drawn (a site of 10,000 events held every page in memory
    // at once: a gigabyte), the files above once the first page has drawn, so that a
    // template that draws no page writes nothing.
    let mut before = Some(outputs);
    for page in pages(&news) {
        let key = keys.page(&news.catalog, &page);
        writer.listed.insert(page.file.clone());
        fingerprints.insert(page.file.clone(), key);
        // Drawn from the same inputs as last time, and still there: nothing to do.
        if last.get(&page.file) == Some(&Some(key)) && still_there(options, &page.file) {
            writer.tally.count(&page.file, false);
            continue;
        }
        let html = render_page(&template, &news, &paths, &page.route)
            .map_err(|err| format!("{err} (the shell's index.html is not a page template)"))?;
        let html = mark_search_first(html, search_first);
        for output in before.take().into_iter().flatten() {
            writer.emit(output)?;
        }
        writer.emit(generated(&page.file, html.into_bytes()))?;
    }
    let mut outputs = before.unwrap_or_default();

    for (file, text) in search {
        outputs.push(generated(&file, text.into_bytes()));
    }

    // The outlines under the event maps: a frame's file depends only on the frame (its name)
    // and this program's data, so one drawn by this program before is kept as it is.
    for frame in export::map::frames(&news.catalog) {
        let file = frame.file();
        let key = hash_of((keys.program, &file));
        writer.listed.insert(file.clone());
        fingerprints.insert(file.clone(), key);
        if last.get(&file) == Some(&Some(key)) && still_there(options, &file) {
            writer.tally.count(&file, false);
            continue;
        }
        outputs.push(generated(
            &file,
            export::map::outlines::outline_svg(&frame).into_bytes(),
        ));
    }

    for output in outputs {
        writer.emit(output)?;
    }
    writer.compress_waiting()?;
    let Writer {
        mut tally, listed, ..
    } = writer;
    remove_gone(options.out, &listed, &last, &mut tally)?;
    let list: String = listed
        .iter()
        .map(|f| match fingerprints.get(f) {
            Some(key) => format!("{f}\t{key:016x}\n"),
            None => format!("{f}\n"),
        })
        .collect();
    write_if_changed(options.out, PUBLISHED_LIST, list.as_bytes())?;
    Ok(tally)
}

/// Writes the site's files one after the other, and compresses them in batches.
struct Writer<'a> {
    out: &'a Path,
    compress: bool,
    tally: Tally,
    listed: BTreeSet<String>,
    /// Written, their compressed siblings still to make.
    to_compress: Vec<Output>,
    /// Their bytes.
    waiting: usize,
}

impl Writer<'_> {
    /// What waits to be compressed at most: enough for every core to have work, and a bound
    /// on the memory a large site's pages take.
    const BATCH_BYTES: usize = 64 << 20;

    fn emit(&mut self, output: Output) -> Result<(), String> {
        let written = write_if_changed(self.out, &output.file, &output.bytes)?;
        self.tally.count(&output.file, written);
        self.listed.insert(output.file.clone());
        if !self.compress || !compressible(&output.file) {
            return Ok(());
        }
        if output.siblings.is_empty() {
            let missing = ["br", "gz"]
                .iter()
                .any(|ext| !self.out.join(format!("{}.{ext}", output.file)).exists());
            if written || missing {
                self.waiting += output.bytes.len();
                self.to_compress.push(output);
                if self.waiting > Self::BATCH_BYTES {
                    self.compress_waiting()?;
                }
            }
        } else {
            for (file, bytes) in &output.siblings {
                write_if_changed(self.out, file, bytes)?;
            }
        }
        Ok(())
    }

    fn compress_waiting(&mut self) -> Result<(), String> {
        compress_all(self.out, &self.to_compress)?;
        self.to_compress.clear();
        self.waiting = 0;
        Ok(())
    }
}

/// Whether a file written before is in the output folder, with its compressed siblings when
/// publishing makes them.
fn still_there(options: &Options, file: &str) -> bool {
    options.out.join(file).exists()
        && (!options.compress
            || ["br", "gz"]
                .iter()
                .all(|ext| options.out.join(format!("{file}.{ext}")).exists()))
}

fn generated(file: &str, bytes: Vec<u8>) -> Output {
    Output {
        file: file.to_owned(),
        bytes,
        siblings: Vec::new(),
    }
}

/// Every file of the shell but those the news decides, each with its compressed siblings.
fn shell_files(shell: &Path) -> Result<Vec<Output>, String> {
    let mut files = Vec::new();
    list_files(shell, shell, &mut files)?;
    files.sort();
    let set: BTreeSet<&String> = files.iter().collect();
    let mut outputs = Vec::new();
    for file in &files {
        let is_sibling = [".br", ".gz"].iter().any(|ext| {
            file.strip_suffix(ext)
                .is_some_and(|source| set.contains(&source.to_owned()))
        });
        if is_sibling || FROM_THE_NEWS.contains(&file.as_str()) || file.ends_with(".partial") {
            continue;
        }
        let read = |f: &str| {
            fs::read(shell.join(f)).map_err(|err| format!("cannot read {f} of the shell: {err}"))
        };
        let mut siblings = Vec::new();
        for ext in ["br", "gz"] {
            let sibling = format!("{file}.{ext}");
            if set.contains(&sibling) {
                siblings.push((sibling.clone(), read(&sibling)?));
            }
        }
        // Both or none: a lone sibling would be served stale beside a new file.
        if siblings.len() == 1 {
            siblings.clear();
        }
        outputs.push(Output {
            file: file.clone(),
            bytes: read(file)?,
            siblings,
        });
    }
    Ok(outputs)
}

/// Paths below `root` with `/` between their parts, whatever the system's separator.
fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir)
        .map_err(|err| format!("cannot read the folder {}: {err}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|err| format!("cannot read {}: {err}", dir.display()))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|err| format!("cannot read {}: {err}", path.display()))?;
        if kind.is_dir() {
            list_files(root, &path, out)?;
        } else if kind.is_file() {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// Writes `bytes` to `out/file` unless the file holds them already (so that an upload by
/// date or checksum sends only what changed); true when it wrote.
fn write_if_changed(out: &Path, file: &str, bytes: &[u8]) -> Result<bool, String> {
    let path = out.join(file);
    if fs::read(&path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|err| {
            format!(
                "cannot create the folder {}: {err} (check that --out is a folder you may \
                 write to)",
                dir.display()
            )
        })?;
    }
    write_whole(&path, bytes).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    Ok(true)
}

/// Brotli and gzip siblings of each output, on every core.
fn compress_all(out: &Path, outputs: &[Output]) -> Result<(), String> {
    if outputs.is_empty() {
        return Ok(());
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(outputs.len());
    let chunk = outputs.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = outputs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || -> Result<(), String> {
                    let mut gzip = Gzip::new();
                    for output in part {
                        let failed =
                            |err: std::io::Error| format!("cannot compress {}: {err}", output.file);
                        let br = brotli_bytes(&output.bytes).map_err(failed)?;
                        let gz = gzip.compress(&output.bytes).map_err(failed)?;
                        write_if_changed(out, &format!("{}.br", output.file), &br)?;
                        write_if_changed(out, &format!("{}.gz", output.file), &gz)?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| {
            h.join()
                .unwrap_or_else(|_| Err("a compression worker failed".into()))
        })
    })
}

/// Brotli at the publish quality. (A window cut to the file's size was measured three times
/// slower with this encoder, so the default stays.)
fn brotli_bytes(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut br = Vec::with_capacity(bytes.len() / 4 + 64);
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)?;
    Ok(br)
}

/// A gzip writer that keeps its deflate state from file to file (setting one up per file was
/// much of the time spent on small files).
struct Gzip {
    deflate: flate2::Compress,
}

impl Gzip {
    fn new() -> Self {
        Self {
            deflate: flate2::Compress::new(flate2::Compression::new(GZIP_LEVEL), false),
        }
    }

    /// One gzip member (RFC 1952): a header without name or time, the deflate stream, the
    /// CRC-32 and the length.
    fn compress(&mut self, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        // ID1 ID2, deflate, no flags, no time, no extra flags, OS unknown.
        let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
        out.reserve(bytes.len() / 3 + 64);
        self.deflate.reset();
        let mut input = bytes;
        loop {
            let before = self.deflate.total_in();
            let status = self
                .deflate
                .compress_vec(input, &mut out, flate2::FlushCompress::Finish)
                .map_err(std::io::Error::other)?;
            input = &input[(self.deflate.total_in() - before) as usize..];
            if status == flate2::Status::StreamEnd {
                break;
            }
            out.reserve(out.capacity().max(4096));
        }
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        out.extend_from_slice(&crc.sum().to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        Ok(out)
    }
}

/// What the last publish listed: each file with its fingerprint, if it had one.
fn last_published(out: &Path) -> BTreeMap<String, Option<u64>> {
    let Ok(text) = fs::read_to_string(out.join(PUBLISHED_LIST)) else {
        return BTreeMap::new();
    };
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            let file = parts.next()?.trim();
            let key = parts
                .next()
                .and_then(|k| u64::from_str_radix(k.trim(), 16).ok());
            (!file.is_empty()).then(|| (file.to_owned(), key))
        })
        .collect()
}

/// What pages are drawn from, hashed once per publish.
struct Fingerprints {
    /// The template (and so the app's version), this program, how search starts (the file's
    /// size: `prerender::search_first`) and everything of the file but the events: a change
    /// there draws every page again.
    shared: u64,
    /// This program: another build of it may draw otherwise.
    program: u64,
    /// Each event as the file has it.
    events: Vec<u64>,
    /// All events together, for the pages that list any of them.
    all: u64,
    /// Each event's related events, found once for its two pages.
    related: std::cell::RefCell<BTreeMap<usize, Vec<usize>>>,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl Fingerprints {
    fn new(catalog: &Catalog, template: &str, search_first: bool) -> Self {
        let json = |v: Result<String, serde_json::Error>| v.unwrap_or_default();
        // This program itself draws the pages: another build of it may draw them otherwise.
        // Its size and time stand for it (reading a debug build's 200 MB would cost seconds).
        let program = std::env::current_exe()
            .and_then(fs::metadata)
            .map_or(0, |m| hash_of((m.len(), m.modified().ok())));
        let shared = hash_of((
            template,
            program,
            search_first,
            json(serde_json::to_string(&catalog.site)),
            json(serde_json::to_string(&catalog.cities)),
            json(serde_json::to_string(&catalog.organisations)),
            json(serde_json::to_string(&catalog.people)),
            json(serde_json::to_string(&catalog.topics)),
        ));
        let events: Vec<u64> = catalog
            .events
            .iter()
            .map(|e| hash_of(json(serde_json::to_string(e))))
            .collect();
        let all = hash_of(&events);
        Self {
            shared,
            program,
            events,
            all,
            related: Default::default(),
        }
    }

    /// An event page shows its event, the previous and next ones and the related ones; every
    /// other page (timeline, statement, not found) lists or may list any event.
    fn page(&self, catalog: &Catalog, page: &Page) -> u64 {
        let slug = page
            .route
            .strip_prefix("/en")
            .unwrap_or(&page.route)
            .strip_prefix("/events/");
        let inputs: Vec<u64> = match slug.and_then(|s| catalog.event_index(s)) {
            Some(i) => {
                let (previous, next) = neighbours(catalog, i);
                // Both languages' pages of an event show the same related events.
                let related = self
                    .related
                    .borrow_mut()
                    .entry(i)
                    .or_insert_with(|| related(catalog, i, RELATED_SHOWN))
                    .clone();
                std::iter::once(i)
                    .chain(previous)
                    .chain(next)
                    .chain(related)
                    .map(|j| self.events[j])
                    .collect()
            }
            None => vec![self.all],
        };
        hash_of((self.shared, &page.route, inputs))
    }
}

/// Removes what the last publish wrote and this one did not (the pages of deleted events),
/// with their compressed siblings.
fn remove_gone(
    out: &Path,
    listed: &BTreeSet<String>,
    last: &BTreeMap<String, Option<u64>>,
    tally: &mut Tally,
) -> Result<(), String> {
    for file in last.keys() {
        // Only plain paths below the folder: the list is ours, but it sits in a public folder.
        let safe = !file.starts_with('/')
            && !file.contains('\\')
            && file.split('/').all(|part| !part.is_empty() && part != "..");
        if !safe || listed.contains(file) {
            continue;
        }
        let mut removed = false;
        for name in [file.to_owned(), format!("{file}.br"), format!("{file}.gz")] {
            match fs::remove_file(out.join(&name)) {
                Ok(()) => removed |= name == *file,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => return Err(format!("cannot remove {name}: {err}")),
            }
        }
        if removed {
            if is_page(file) {
                tally.pages_removed += 1;
            } else {
                tally.files_removed += 1;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_siblings_read_back_to_the_original() {
        use std::io::Read;
        let text = "<p>Новини и събития</p>".repeat(200);
        let br = brotli_bytes(text.as_bytes()).unwrap();
        let mut gzip = Gzip::new();
        // The same writer twice: its state must not leak from one file into the next.
        let _ = gzip.compress(b"another file first").unwrap();
        let gz = gzip.compress(text.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        assert!(br.len() < text.len() / 10);
    }

    #[test]
    fn how_search_starts_draws_every_page_again() {
        let news = project_news::api::news_from_text(include_str!(
            "../../../tests/fixtures/valid-minimal.json"
        ))
        .unwrap();
        let page = &pages(&news)[0];
        let key = |search_first| {
            Fingerprints::new(&news.catalog, "<html>", search_first).page(&news.catalog, page)
        };
        assert_eq!(key(false), key(false));
        assert_ne!(key(false), key(true));
    }

    #[test]
    fn only_text_assets_are_compressed() {
        assert!(compressible("events/a.html") && compressible("app_bg.wasm"));
        assert!(compressible("feed.bg.xml") && compressible("events/a.en.ics"));
        assert!(!compressible("images/photo.jpg") && !compressible("README"));
    }
}
