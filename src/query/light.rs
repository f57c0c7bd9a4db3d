//! The light index: the search index's words in small files, written by publishing beside
//! the news file. The page's loader answers the first search typed on the timeline from these
//! files while the app is still on its way (on a phone the app's download alone takes longer
//! than the visitor's patience).
//!
//! A query form of three letters or more is found in exactly the words that hold it, and each
//! of those words holds the form's first three letters. So each word is written into the file
//! of each three-letter sequence inside it; the loader reads the file of a form's first three
//! letters and keeps the words that hold the whole form: the answer is exact, not a guess.
//! The sequences are spread over a fixed number of files ([`LightIndex::files`], a power of
//! two chosen for files of about [`FILE_BYTES`]) by a hash of their bytes ([`file_of`]), so
//! every file exists (a missing one would be an error in the browser's console) and an
//! archive of any size has few of them. A file lists each word once, on a line of its own:
//! the word, then its events (positions in the catalog, the same the app uses) as ascending
//! numbers, the first as it is and each other as the difference to the one before, separated
//! by spaces. A number may be followed by a colon and the parts of that event where the word
//! is (bits `1 << Part`, in base 36), written when they differ from the event before: a
//! result whose card shows no word found says where on its page it was found, as the app's
//! card does.
//!
//! A word is written once per sequence, so a word of thousands of letters (a made-up string)
//! would be written thousands of times: words longer than [`MAX_WORD_CHARS`] go into one file
//! of their own, [`LONG_FILE`], which the loader reads besides. The files then weigh at most
//! [`MAX_WORD_CHARS`] times the words, as for any text.

use std::fmt::Write;

use super::index::word_parts;
use crate::model::Catalog;

/// Letters a word may have before it goes into [`LONG_FILE`]: longer than the words of a
/// language, shorter than a made-up string.
pub const MAX_WORD_CHARS: usize = 40;

/// The name of the file of the words longer than [`MAX_WORD_CHARS`].
pub const LONG_FILE: &str = "long";

/// About how large a file of the index is made (raw; about a third after compression).
pub const FILE_BYTES: usize = 4096;

/// The most files an index is split into.
pub const MAX_FILES: u32 = 4096;

/// The light index, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LightIndex {
    /// How many files the sequences are spread over (a power of two).
    pub files: u32,
    /// The contents of file `n`, for each `n` below `files` (some may be empty).
    pub texts: Vec<String>,
    /// The words longer than [`MAX_WORD_CHARS`], in the same form; empty when there are none.
    pub long: String,
    /// The bytes of every word's line written once (what [`MAX_GROWTH`] is measured against).
    pub words: usize,
}

/// The file of a sequence among `files`: FNV-1a (32 bits) of its UTF-8 bytes, modulo `files`.
/// The loader computes the same.
pub fn file_of(sequence: &str, files: u32) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in sequence.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash % files.max(1)
}

/// `n` in base 36, lowercase.
fn push_base36(out: &mut String, n: u16) {
    if n >= 36 {
        push_base36(out, n / 36);
    }
    out.extend(char::from_digit(u32::from(n % 36), 36));
}

/// Each word's line, and the sequences inside the word (each once, as byte ranges of the
/// line, which begins with the word); long words apart.
struct Lines {
    lines: Vec<(String, Vec<(usize, usize)>)>,
    long: String,
}

fn lines(catalog: &Catalog) -> Lines {
    let mut out = Lines {
        lines: Vec::new(),
        long: String::new(),
    };
    for (word, events) in word_parts(catalog) {
        let mut line = String::with_capacity(word.len() + 6 * events.len());
        line.push_str(&word);
        let mut previous = 0;
        let mut previous_bits = None;
        for (i, &(event, bits)) in events.iter().enumerate() {
            let n = if i == 0 { event } else { event - previous };
            let _ = write!(line, " {n}");
            if previous_bits != Some(bits) {
                line.push(':');
                push_base36(&mut line, bits);
                previous_bits = Some(bits);
            }
            previous = event;
        }
        line.push('\n');
        if word.chars().nth(MAX_WORD_CHARS).is_some() {
            out.long.push_str(&line);
            continue;
        }
        // The bytes where the word's letters start, and its end.
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(at, _)| at)
            .chain([word.len()])
            .collect();
        let mut sequences: Vec<(usize, usize)> = Vec::new();
        for w in bounds.windows(4) {
            let sequence = &word[w[0]..w[3]];
            if !sequences.iter().any(|&(a, b)| &word[a..b] == sequence) {
                sequences.push((w[0], w[3]));
            }
        }
        if !sequences.is_empty() {
            out.lines.push((line, sequences));
        }
    }
    out
}

/// How many times the words with their events (each written once) the light index may weigh.
/// A word is written once per sequence: a language's words have a few each (the shipped file
/// comes to 5.7 times, the synthetic archives to 5.0–5.3), and a file made of long made-up
/// words of up to [`MAX_WORD_CHARS`] letters would come to nearly 40 times. Above this the
/// first answer is left out rather than written at a cost no real archive has; the app still
/// answers.
pub const MAX_GROWTH: usize = 12;

/// An index [`LightIndex::new`] would not write, with its weight and that of the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    pub bytes: usize,
    pub words: usize,
}

impl LightIndex {
    /// The light index of `catalog`'s words (the search index's, with where they are), or
    /// [`TooLarge`] when it would weigh more than [`MAX_GROWTH`] times the words (and more
    /// than 1 MiB).
    pub fn new(catalog: &Catalog) -> Result<Self, TooLarge> {
        let Lines { lines, long } = lines(catalog);
        let total: usize = lines
            .iter()
            .map(|(line, sequences)| line.len() * sequences.len())
            .sum();
        let words = lines.iter().map(|(line, _)| line.len()).sum::<usize>() + long.len();
        if total > (MAX_GROWTH * words).max(1 << 20) {
            return Err(TooLarge {
                bytes: total,
                words,
            });
        }
        let files = (total / FILE_BYTES)
            .max(1)
            .next_power_of_two()
            .min(MAX_FILES as usize) as u32;
        let mut texts = vec![String::new(); files as usize];
        let mut targets: Vec<u32> = Vec::new();
        for (line, sequences) in &lines {
            // A word goes into a file once, however many of its sequences land there.
            targets.clear();
            targets.extend(sequences.iter().map(|&(a, b)| file_of(&line[a..b], files)));
            targets.sort_unstable();
            targets.dedup();
            for &file in &targets {
                texts[file as usize].push_str(line);
            }
        }
        Ok(LightIndex {
            files,
            texts,
            long,
            words,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{event, site};
    use crate::model::{Catalog, EventType, PartialDate, Text};
    use crate::query::SearchIndex;

    /// The events a loader would find for `form`, each with the parts of its page where the
    /// form is (bits), read from the files as the loader reads them.
    fn found_parts(light: &LightIndex, form: &str) -> Vec<(u32, u16)> {
        let first: String = form.chars().take(3).collect();
        let file = &light.texts[file_of(&first, light.files) as usize];
        let mut events: Vec<(u32, u16)> = Vec::new();
        for line in file.lines().chain(light.long.lines()) {
            let mut parts = line.split(' ');
            if !parts.next().is_some_and(|word| word.contains(form)) {
                continue;
            }
            let (mut n, mut bits) = (0, 0);
            for part in parts {
                let (difference, written) = part.split_once(':').unwrap_or((part, ""));
                n += difference.parse::<u32>().unwrap();
                if !written.is_empty() {
                    bits = u16::from_str_radix(written, 36).unwrap();
                }
                match events.iter_mut().find(|(e, _)| *e == n) {
                    Some((_, all)) => *all |= bits,
                    None => events.push((n, bits)),
                }
            }
        }
        events.sort_unstable();
        events
    }

    fn found(light: &LightIndex, form: &str) -> Vec<u32> {
        found_parts(light, form)
            .into_iter()
            .map(|(e, _)| e)
            .collect()
    }

    fn catalog_of(titles: &[&str]) -> Catalog {
        let events = titles
            .iter()
            .enumerate()
            .map(|(i, title)| {
                let mut e = event(
                    &format!("e{i}"),
                    EventType::Workshop,
                    PartialDate::ym(2024, 1 + (i % 12) as u8),
                    Text::new(title, ""),
                );
                e.summary = Text::new("", "");
                e.sources.clear();
                e
            })
            .collect();
        Catalog::new(
            site("https://news.example/"),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            events,
            Vec::new(),
        )
    }

    fn light_of(titles: &[&str]) -> Result<LightIndex, TooLarge> {
        LightIndex::new(&catalog_of(titles))
    }

    #[test]
    fn a_form_is_found_inside_words_from_the_file_of_its_first_letters() {
        let light = light_of(&[
            "Лисек и Полянско",
            "Лисековски вести",
            "Нова Юлия",
            "лисица",
        ])
        .unwrap();
        // „лис“ folds to "lis": every word holding it, from one file.
        assert_eq!(found(&light, "lis"), vec![0, 1, 3]);
        assert_eq!(found(&light, "isek"), vec![0, 1]);
        assert_eq!(found(&light, "sekovski"), vec![1]);
        assert_eq!(found(&light, "yuliya"), vec![2]);
        assert_eq!(found(&light, "zzz"), Vec::<u32>::new());
    }

    #[test]
    fn the_files_agree_with_the_index_on_every_word_of_an_archive() {
        let catalog = crate::query::synthetic::synthetic_catalog(
            &crate::query::synthetic::shipped_catalog(),
            120,
            7,
        );
        let index = SearchIndex::new(&catalog);
        let light = LightIndex::new(&catalog).unwrap();
        // The same bytes each time: the files are published, and compared by their hashes.
        assert_eq!(LightIndex::new(&catalog).unwrap(), light);
        assert!(light.files > 1 && light.files.is_power_of_two());
        for (word, events) in index.words_and_events().filter(|(w, _)| w.len() >= 3) {
            // Each of its words finds at least its own events, and only events that hold a
            // word containing it, with the parts of the page where the app's card would
            // say the word is.
            let from_files = found_parts(&light, word);
            for e in events {
                assert!(from_files.iter().any(|(f, _)| f == e), "{word}: event {e}");
            }
            for &(e, bits) in &from_files {
                assert!(index.key(e as usize).contains(word), "{word}: event {e}");
                let parts = crate::query::matched_parts(&catalog, e as usize, &[word.to_owned()]);
                let expected = parts.iter().fold(0u16, |all, &p| all | 1 << p as u16);
                assert_eq!(bits, expected, "{word}: event {e}: {parts:?}");
            }
        }
        // Files of about the size asked for.
        let largest = light.texts.iter().map(String::len).max().unwrap();
        assert!(largest < 4 * FILE_BYTES, "{largest}");
    }

    #[test]
    fn a_made_up_long_word_goes_into_one_file_not_one_per_sequence() {
        let long = "abc".repeat(2000) + "xyzq";
        let light = light_of(&[&long, "xyzzy"]).unwrap();
        let total: usize = light.texts.iter().map(String::len).sum::<usize>() + light.long.len();
        // The long word is written once (and "xyzzy" into the files of its three sequences).
        assert!(total < long.len() + 100, "{total}");
        assert_eq!(found(&light, "cxyz"), vec![0]);
        assert_eq!(found(&light, "xyz"), vec![0, 1]);
    }

    #[test]
    fn an_archive_of_made_up_long_words_gets_no_light_index() {
        // Made-up words of 40 letters each, all different: each would be written 38 times.
        let mut rng = crate::query::synthetic::XorShift::new(5);
        let titles: Vec<String> = (0..3000)
            .map(|_| {
                (0..40)
                    .map(|_| char::from(b'a' + rng.below(26) as u8))
                    .collect()
            })
            .collect();
        let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
        let Err(too_large) = light_of(&refs) else {
            panic!("the index was made");
        };
        assert!(
            too_large.bytes > MAX_GROWTH * too_large.words,
            "{too_large:?}"
        );
        // A real archive's words are far from it.
        let catalog = crate::query::synthetic::shipped_catalog();
        assert!(LightIndex::new(&catalog).is_ok());
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        // src/first-answer.js computes the same; tests/e2e/first-answer.test.mjs checks that
        // it finds what the app finds.
        assert_eq!(file_of("", u32::MAX), 0x811c_9dc5);
        assert_eq!(file_of("a", u32::MAX), 0xe40c_292c);
        assert_eq!(file_of("pis", 1), 0);
    }
}
