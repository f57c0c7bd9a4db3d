//! Normalisation for search: case, diacritics, Cyrillic <-> Latin. Pure.
//!
//! Every searchable text and every query is folded to lowercase words of plain Latin letters
//! and digits, separated by single spaces: "Plovdiv" and "Пловдив" both become "plovdiv". Bulgarian
//! follows the official streamlined transliteration, which spells a word-final "ия" as "ia"
//! ("София" -> "sofia"); people also type it letter by letter ("sofiya"), so search keys carry
//! both spellings of such words (see [`push_search_key`] and [`search_words`]).

mod table;

use std::ops::Range;

/// How the Bulgarian word-final "ия" is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The official table: word-final "ия" -> "ia" ("България" -> "balgaria").
    Official,
    /// Letter by letter: "ия" -> "iya" everywhere ("България" -> "balgariya").
    LetterByLetter,
}

/// The official search form of a text: lowercase, Latin letters without marks, Cyrillic
/// transliterated, punctuation turned into single spaces, no leading or trailing space.
pub fn fold_for_search(text: &str) -> String {
    fold(text, Form::Official)
}

/// [`fold_for_search`] with a choice of spelling for word-final "ия".
pub fn fold(text: &str, form: Form) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text, form);
    out
}

/// [`fold`], appended to `out`: a caller folding many texts reuses one buffer.
pub fn fold_into(out: &mut String, text: &str, form: Form) {
    fold_with(text, form, |piece, _| out.push_str(piece));
}

/// How many characters a page's description (search results, shared links) has at most.
pub const DESCRIPTION_CHARS: usize = 200;

/// `text` in at most `max` characters: whole when it fits, else cut after its last whole word
/// that fits, with "…".
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.char_indices().nth(max).is_none() {
        return text.to_owned();
    }
    // Room for the "…".
    let cut = text
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..cut];
    // After the last whole word; a single word longer than `max` is cut where it must be.
    let end = head
        .rfind(char::is_whitespace)
        .filter(|&at| at > 0)
        .unwrap_or(head.len());
    let head = head[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:–—-".contains(c));
    format!("{head}…")
}

/// A key that orders names as a reader expects: lowercase, Latin letters without their marks
/// (as in search), every other letter as it is.
pub fn sort_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match table::latin(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// A folded text that remembers where each of its bytes came from, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the byte range of the source character that produced it.
    origins: Vec<(usize, usize)>,
}

impl Folded {
    /// The smallest range of whole source characters that produced `range` of the folded text.
    /// `None` for an empty or out-of-bounds range.
    pub fn source_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.start >= range.end || range.end > self.origins.len() {
            return None;
        }
        let start = self.origins[range.start].0;
        let end = self.origins[range.end - 1].1;
        Some(start..end)
    }
}

/// Folds `text` keeping the way back to the source, for mapping matches onto the original.
pub fn fold_mapped(text: &str, form: Form) -> Folded {
    let mut folded = String::with_capacity(text.len());
    let mut origins = Vec::with_capacity(text.len());
    fold_with(text, form, |piece, source| {
        folded.push_str(piece);
        origins.extend(std::iter::repeat_n((source.start, source.end), piece.len()));
    });
    Folded {
        text: folded,
        origins,
    }
}

/// Appends the folded `text` to a search key, space-separated, followed by the
/// letter-by-letter spelling of each word that has a different one ("sofia" then "sofiya").
pub fn push_search_key(key: &mut String, text: &str) {
    let official = fold(text, Form::Official);
    if official.is_empty() {
        return;
    }
    if !key.is_empty() {
        key.push(' ');
    }
    key.push_str(&official);
    if let Some(letterwise) = letter_by_letter_if_different(text, &official) {
        // Only "a" -> "ya" inside words differs, so the word boundaries line up.
        for (a, b) in official.split(' ').zip(letterwise.split(' ')) {
            if a != b {
                key.push(' ');
                key.push_str(b);
            }
        }
    }
}

/// One word of a query, with the other spelling it may have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchWord {
    /// The official fold.
    pub official: String,
    /// The letter-by-letter fold, when the word ends in Cyrillic "ия".
    pub alternative: Option<String>,
}

impl SearchWord {
    /// Every spelling of the word, each without its inflected ending ([`stem`]): a key matches
    /// the word when it contains any of them, so „срещи“ finds „среща“ and „енергия“ finds
    /// „енергийна“ and "energy".
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        let official = stem(&self.official);
        let alternative = self
            .alternative
            .as_deref()
            .map(stem)
            .filter(|a| *a != official);
        std::iter::once(official).chain(alternative)
    }
}

/// Endings of Bulgarian nouns and adjectives (number, definiteness, gender) and of English
/// plurals and verb forms, as folded text spells them; the longest that fits is taken off.
/// Never "й" (folded "y") alone: „край“ and „краи“ stay apart.
pub const ENDINGS: &[&str] = &[
    "ovete", "ishta", "iyata", "iyat", "yata", "ata", "ite", "oto", "eto", "iya", "ove", "eve",
    "yat", "ies", "ing", "at", "ta", "to", "te", "ia", "ya", "es", "ed", "a", "e", "i", "o", "u",
    "s",
];

/// The fewest letters [`stem`] leaves of a word.
pub const MIN_STEM: usize = 4;

/// A light stemmer for search words: the word without its inflected ending, when what is left
/// still has four letters (short words are left as typed). Only query words are stemmed; the
/// index keeps whole words, and a key matches when it contains the stem, so every form of the
/// word (and the word itself) is found. Folding has already turned Cyrillic into Latin; no
/// letter is changed, so the transliteration and „й“ ≠ „и“ hold.
pub fn stem(word: &str) -> &str {
    ENDINGS
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .find(|rest| rest.len() >= MIN_STEM && rest.is_ascii())
        .unwrap_or(word)
}

/// How much of a query is searched for. Every word is compared with the words before it and
/// looked up in the whole vocabulary: a pasted or crafted query of any length costs no more
/// than one of this size, which is longer than anything typed into a search field.
pub const MAX_QUERY_CHARS: usize = 200;

/// The distinct words of a query's first [`MAX_QUERY_CHARS`] characters, folded, in the
/// order typed.
pub fn search_words(query: &str) -> Vec<SearchWord> {
    let query = query
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(query, |(end, _)| &query[..end]);
    let official = fold(query, Form::Official);
    let letterwise = letter_by_letter_if_different(query, &official);
    let alternatives: Vec<Option<&str>> = match &letterwise {
        Some(l) => l.split(' ').map(Some).collect(),
        None => Vec::new(),
    };
    let mut words: Vec<SearchWord> = Vec::new();
    for (i, word) in official.split(' ').filter(|w| !w.is_empty()).enumerate() {
        let alternative = alternatives
            .get(i)
            .copied()
            .flatten()
            .filter(|a| *a != word)
            .map(str::to_owned);
        if words.iter().any(|w| w.official == word) {
            continue;
        }
        words.push(SearchWord {
            official: word.to_owned(),
            alternative,
        });
    }
    words
}

fn letter_by_letter_if_different(text: &str, official: &str) -> Option<String> {
    if !text.contains(['я', 'Я']) {
        return None;
    }
    let letterwise = fold(text, Form::LetterByLetter);
    (letterwise != official).then_some(letterwise)
}

/// Every letter folding writes otherwise than as itself, with what it writes: Cyrillic in
/// Latin and Latin letters without their marks, lowercase (for the page's loader, which
/// folds a query as search does before the app has arrived).
pub fn letter_table() -> Vec<(char, &'static str)> {
    (0x80..=0xFFFF)
        .filter_map(char::from_u32)
        .filter_map(|c| {
            table::cyrillic(c)
                .or_else(|| table::latin(c))
                .map(|l| (c, l))
        })
        .collect()
}

pub use table::COMBINING;

/// The folding engine: calls `emit` with each output piece and the byte range of the source
/// character it comes from. Separators are collapsed and never lead or trail.
/// `c` in lowercase (one to three characters), written into `out`. Nearly every character of
/// a text is ASCII or basic Cyrillic, whose lowercase is a fixed offset: the general Unicode
/// lookup is left for the rest (every shown card's texts are folded on every keystroke, and
/// every text of the archive when the index is made).
fn lowercase(c: char, out: &mut [char; 3]) -> &[char] {
    match c {
        '\0'..='\x7f' => out[0] = c.to_ascii_lowercase(),
        // Ѐ–Џ and А–Я.
        '\u{400}'..='\u{40f}' => out[0] = char::from_u32(c as u32 + 0x50).unwrap_or(c),
        '\u{410}'..='\u{42f}' => out[0] = char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{430}'..='\u{45f}' => out[0] = c,
        _ => {
            let mut n = 0;
            for lower in c.to_lowercase() {
                out[n] = lower;
                n += 1;
            }
            return &out[..n];
        }
    }
    &out[..1]
}

fn fold_with(text: &str, form: Form, mut emit: impl FnMut(&str, Range<usize>)) {
    let mut pending_space: Option<Range<usize>> = None;
    let mut wrote = false;
    // Set on the "и" of a word-final "ия", so the "я" that follows is written "a".
    let mut final_ya = false;
    let mut chars = text.char_indices();
    let mut lowered = ['\0'; 3];
    while let Some((at, c)) = chars.next() {
        let source = at..at + c.len_utf8();
        let lowers = lowercase(c, &mut lowered);
        for &lower in lowers {
            if table::is_combining(lower) {
                continue;
            }
            let mut buf = [0u8; 4];
            let piece: Option<&str> = if lower.is_ascii_alphanumeric() {
                Some(lower.encode_utf8(&mut buf))
            } else if lower.is_ascii() {
                None
            } else if let Some(latin) = table::cyrillic(lower) {
                if lower == 'и' && form == Form::Official && ends_word_with_ya(chars.clone()) {
                    final_ya = true;
                    Some("i")
                } else if lower == 'я' && final_ya {
                    final_ya = false;
                    Some("a")
                } else {
                    Some(latin)
                }
            } else if let Some(plain) = table::latin(lower) {
                Some(plain)
            } else if lower.is_alphanumeric() {
                // Other scripts stay as they are, lowercased.
                Some(lower.encode_utf8(&mut buf))
            } else {
                None
            };
            match piece {
                Some(piece) => {
                    if let Some(space) = pending_space.take() {
                        if wrote {
                            emit(" ", space);
                        }
                    }
                    emit(piece, source.clone());
                    wrote = true;
                }
                None => {
                    if pending_space.is_none() {
                        pending_space = Some(source.clone());
                    }
                }
            }
        }
    }
}

/// True when the characters after an "и" are "я" and then the end of the word.
fn ends_word_with_ya(mut rest: impl Iterator<Item = (usize, char)>) -> bool {
    let mut next_letter = || {
        rest.by_ref()
            .map(|(_, c)| c)
            .find(|c| !table::is_combining(*c))
    };
    match next_letter() {
        Some('я' | 'Я') => {}
        _ => return false,
    }
    !matches!(next_letter(), Some(c) if c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_ends_after_a_whole_word() {
        assert_eq!(excerpt("  Кратко.  ", 10), "Кратко.");
        assert_eq!(
            excerpt("Една среща в Габрово, за енергията", 24),
            "Една среща в Габрово…"
        );
        assert_eq!(excerpt("Дума", 4), "Дума");
        assert_eq!(excerpt("Donaudampfschifffahrt", 6), "Donau…");
        let long = "дума ".repeat(100);
        let cut = excerpt(&long, DESCRIPTION_CHARS);
        assert!(cut.chars().count() <= DESCRIPTION_CHARS, "{cut}");
        assert!(cut.ends_with("дума…"), "{cut}");
    }

    #[test]
    fn the_short_way_to_lowercase_agrees_with_unicode() {
        let mut out = ['\0'; 3];
        for c in (0..0x600).filter_map(char::from_u32) {
            let ours: String = lowercase(c, &mut out).iter().collect();
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn the_combining_ranges_are_the_marks_folding_drops() {
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            let listed = COMBINING
                .iter()
                .any(|&(first, last)| (first..=last).contains(&(c as u32)));
            assert_eq!(listed, table::is_combining(c), "{c:?}");
        }
    }

    #[test]
    fn the_letter_table_is_what_folding_writes_for_each_letter() {
        let letters = letter_table();
        assert!(letters.contains(&('ж', "zh")) && letters.contains(&('á', "a")));
        for (c, latin) in letters {
            // A letter alone is a word of its own; "ия" aside, it folds to its entry.
            assert_eq!(official(&c.to_string()), latin, "{c:?}");
        }
    }

    fn official(text: &str) -> String {
        fold(text, Form::Official)
    }

    fn letterwise(text: &str) -> String {
        fold(text, Form::LetterByLetter)
    }

    fn key(text: &str) -> String {
        let mut key = String::new();
        push_search_key(&mut key, text);
        key
    }

    /// What a search box does: every query word must be in the key in one of its spellings.
    fn finds(query: &str, text: &str) -> bool {
        let key = key(text);
        let words = search_words(query);
        !words.is_empty() && words.iter().all(|w| w.forms().any(|f| key.contains(f)))
    }

    #[test]
    fn bulgarian_words_follow_the_official_table() {
        assert_eq!(official("София"), "sofia");
        assert_eq!(official("Щастие"), "shtastie");
        assert_eq!(official("Хасково"), "haskovo");
        assert_eq!(official("Ъгъл"), "agal");
        assert_eq!(official("Йордан"), "yordan");
        assert_eq!(official("Полянско"), "polyansko");
        assert_eq!(official("България"), "balgaria");
        assert_eq!(official("Лисек"), "lisek");
        assert_eq!(official("Гъру"), "garu");
        assert_eq!(official("Норхайм"), "norhaym");
        assert_eq!(official("Лиморик"), "limorik");
        assert_eq!(official("Нова Юлия"), "nova yulia");
        assert_eq!(official("Жечо Цачев Чолаков"), "zhecho tsachev cholakov");
        assert_eq!(official("Пьотр Юрий"), "pyotr yuriy");
    }

    #[test]
    fn word_final_iya_is_ia_only_at_the_end_of_a_word() {
        assert_eq!(official("БЪЛГАРИЯ"), "balgaria");
        assert_eq!(official("Българията"), "balgariyata");
        assert_eq!(official("ия"), "ia");
        assert_eq!(official("София, Нова Юлия."), "sofia nova yulia");
        assert_eq!(letterwise("София"), "sofiya");
        assert_eq!(letterwise("България"), "balgariya");
        assert_eq!(letterwise("Нова Юлия"), "nova yuliya");
    }

    #[test]
    fn latin_letters_lose_their_marks() {
        assert_eq!(official("Lísek"), "lisek");
        assert_eq!(official("Mõru"), "moru");
        assert_eq!(official("Nova Iulia"), "nova iulia");
        assert_eq!(official("Vetrovo"), "vetrovo");
        assert_eq!(official("Nordheim"), "nordheim");
        assert_eq!(official("FjørdEnergi"), "fjordenergi");
        assert_eq!(official("Æ Ø Å ß ẞ"), "ae o a ss ss");
        assert_eq!(
            official("Łódź Škoda Čech Řeka Žižkov"),
            "lodz skoda cech reka zizkov"
        );
        assert_eq!(
            official("ý á é í ú ů ő ö ü ä õ ñ ç"),
            "y a e i u u o o u a o n c"
        );
        assert_eq!(
            official("Brașov Timişoara Constanța Ţara Câmpina Târgu Mureș"),
            "brasov timisoara constanta tara campina targu mures"
        );
        assert_eq!(official("Straße"), "strasse");
    }

    #[test]
    fn decomposed_marks_fold_like_composed_letters() {
        assert_eq!(official("Li\u{301}sek"), "lisek");
        assert_eq!(official("Mo\u{303}ru"), "moru");
        assert_eq!(official("Софи\u{300}я"), "sofia");
    }

    #[test]
    fn punctuation_becomes_single_spaces() {
        assert_eq!(
            official("  Среща в Lísek, 10–11.11.2022 (+ProjectX)! "),
            "sreshta v lisek 10 11 11 2022 projectx"
        );
        assert_eq!(official("„СПИПТ“ — дирекция"), "spipt direktsia");
        assert_eq!(official("...!?"), "");
        assert_eq!(official(""), "");
    }

    #[test]
    fn other_scripts_are_kept_lowercased() {
        assert_eq!(official("ΑΘΉΝΑ"), "αθήνα");
    }

    #[test]
    fn mixed_scripts_match_each_other() {
        assert!(finds("Polyansko", "Община Полянско"));
        assert!(finds("полянско", "Polyansko Municipality"));
        assert!(finds("лисек", "Consortium meeting in Lísek"));
        assert!(finds("lisek", "Lísek"));
        assert!(finds("LÍSEK", "Лисек"));
        assert!(finds("moru", "Mõru"));
        assert!(finds("Sofia", "София"));
        assert!(finds("Sofiya", "София"));
        assert!(finds("софия", "Sofiya"));
        assert!(finds("shtastie", "Щастие"));
        assert!(finds("Щастие", "shtastie"));
        assert!(finds("haskovo", "Хасково"));
        assert!(finds("Хасково", "Haskovo"));
        assert!(finds("agal", "Ъгъл"));
        assert!(finds("yordan", "Йордан"));
        assert!(finds("Йордан", "Yordan"));
        assert!(finds("balgaria", "България"));
        assert!(finds("balgariya", "България"));
        assert!(finds("nordheim", "Nordheim"));
        assert!(finds("limorik", "Лиморик"));
        assert!(finds("nova yulia", "Нова Юлия"));
        assert!(finds("юлия нова", "Nova Yulia"));
    }

    #[test]
    fn i_short_and_i_stay_distinct() {
        assert!(!finds("иордан", "Йордан"));
        assert!(!finds("iordan", "Йордан"));
        assert!(finds("иордан", "Иордан"));
    }

    #[test]
    fn official_table_does_not_invent_spellings() {
        // "ъ" is "a": a visitor's "bulgaria" is not the official spelling and does not match.
        assert!(!finds("bulgaria", "България"));
        assert!(finds("bulgaria", "Bulgaria"));
    }

    #[test]
    fn search_key_carries_both_spellings_of_word_final_iya() {
        assert_eq!(
            key("Нова Юлия, Румъния"),
            "nova yulia rumania yuliya rumaniya"
        );
        assert_eq!(key("Polyansko"), "polyansko");
        let mut both = String::from("first");
        push_search_key(&mut both, "  ");
        push_search_key(&mut both, "second");
        assert_eq!(both, "first second");
    }

    #[test]
    fn only_the_start_of_a_long_query_is_searched() {
        let query: Vec<String> = (0..5_000).map(|i| format!("w{i}")).collect();
        let words = search_words(&query.join(" "));
        let typed: usize = words.iter().map(|w| w.official.chars().count() + 1).sum();
        assert!(typed <= MAX_QUERY_CHARS + 1, "{} words", words.len());
        assert_eq!(words[0].official, "w0");
        // A query within the limit is searched whole.
        assert_eq!(search_words("лисек полянско").len(), 2);
    }

    #[test]
    fn word_forms_find_each_other() {
        // Number and definiteness of nouns, gender of adjectives.
        assert!(finds("срещи", "Годишна среща на консорциума"));
        assert!(finds("среща", "Срещите в Лисек"));
        assert!(finds("енергия", "енергийна ефективност"));
        assert!(finds("енергия", "Positive energy districts"));
        assert!(finds("годишната", "Годишна среща"));
        assert!(finds("консорциума", "Консорциумът се събра"));
        assert!(finds("градовете", "седемте града"));
        // English plurals and verb forms.
        assert!(finds("meetings", "The annual meeting"));
        assert!(finds("partners", "Our partner city"));
        assert!(finds("workshops", "A workshop on mobility"));
        // Short words are searched as typed; „й“ and „и“ stay apart.
        assert!(!finds("край", "краища"));
        assert!(!finds("стойна", "стоина"));
        assert_eq!(stem("kray"), "kray");
        assert_eq!(stem("lisek"), "lisek");
        assert_eq!(stem("sreshti"), "sresht");
        assert_eq!(stem("energiya"), "energ");
        assert_eq!(stem("tai"), "tai");
    }

    #[test]
    fn search_words_are_distinct_and_know_their_other_spelling() {
        let words = search_words("София sofia Полянско");
        assert_eq!(words.len(), 2);
        assert_eq!(words[0].official, "sofia");
        assert_eq!(words[0].alternative.as_deref(), Some("sofiya"));
        assert_eq!(words[1].official, "polyansko");
        assert_eq!(words[1].alternative, None);
        assert!(search_words(" ,. ").is_empty());
    }

    #[test]
    fn mapped_fold_points_back_at_whole_source_characters() {
        let folded = fold_mapped("Щука в Lísek", Form::Official);
        assert_eq!(folded.text, "shtuka v lisek");
        // "sht" is the single letter "Щ" (two bytes).
        assert_eq!(folded.source_range(0..3), Some(0..2));
        // "ht" alone still maps to the whole letter.
        assert_eq!(folded.source_range(1..3), Some(0..2));
        let start = folded.text.find("lisek").unwrap();
        let source = folded.source_range(start..start + 5).unwrap();
        assert_eq!(&"Щука в Lísek"[source], "Lísek");
        assert_eq!(folded.source_range(3..3), None);
        assert_eq!(folded.source_range(0..99), None);
    }
}
