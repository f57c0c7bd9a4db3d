//! The validator's messages in Bulgarian, for the editor's Bulgarian interface. The validator
//! speaks English (`newsctl` prints it for logs and CI); the editor matches each message
//! against the patterns below and says it again in Bulgarian. A message no pattern knows is
//! shown as it is, in English; a test runs every fixture of bad input through the patterns.

use std::borrow::Cow;

use crate::model::Lang;

/// (the English message with `{}` where it varies, the Bulgarian with `{0}`, `{1}`… there).
const PATTERNS: &[(&str, &str)] = &[
    ("slug `{}` must be lowercase letters, digits and single hyphens", "адресът „{0}“ може да съдържа само малки латински букви, цифри и единични тирета"),
    ("slug `{}` is longer than {} characters", "адресът „{0}“ е по-дълъг от {1} знака"),
    ("slug `{}` is used by an earlier event", "адресът „{0}“ вече е използван от друго събитие"),
    ("ends ({}) before it starts ({})", "краят ({0}) е преди началото ({1})"),
    ("every event must cite at least one source", "всяко събитие трябва да посочва поне един източник"),
    ("link `{}` is not allowed: use http(s) addresses or site paths ({} more links in this text are not allowed either)", "връзката „{0}“ не е разрешена: използвайте адреси с http(s) или пътища в сайта (още {1} връзки в този текст също не са разрешени)"),
    ("link `{}` is not allowed: use http(s) addresses or site paths", "връзката „{0}“ не е разрешена: използвайте адреси с http(s) или пътища в сайта"),
    ("link `{}` is not allowed: use an http(s) address; it was dropped", "връзката „{0}“ не е разрешена: използвайте адрес с http(s); сайтът я пропуска"),
    ("text longer than {} characters", "текстът е по-дълъг от {0} знака"),
    ("`$schema` must be a string: the address of the format's schema", "„$schema“ трябва да е текст: адресът на схемата на формата на файла"),
    ("nested deeper than {} levels", "има повече от {0} нива на влагане"),
    ("contains a control character ({}); remove it", "съдържа невидим управляващ знак ({0}); премахнете го"),
    ("contains a direction override ({}); remove it", "съдържа невидим знак ({0}), който обръща посоката на текста след него; премахнете знака"),
    ("contains HTML tags; they are shown as plain text", "съдържа HTML етикети; сайтът ги показва като обикновен текст"),
    ("must not be empty in both languages", "не може да е празно и на двата езика"),
    ("must not be empty", "не може да е празно"),
    ("no bg text; the other language is shown", "няма текст на български; сайтът показва английския"),
    ("no en text; the other language is shown", "няма текст на английски; сайтът показва българския"),
    ("source `{}` must be an http(s) address", "източникът „{0}“ трябва да е адрес с http(s)"),
    ("image `{}` must be a site path with no name starting with a dot, or an https address", "снимката „{0}“ трябва да е или път в сайта, в който никоя папка или файл не започва с точка, или адрес, започващ с https://"),
    ("image `{}` does not end in .jpg, .jpeg, .png, .gif, .webp, .avif or .svg: publishing does not copy it into the site", "снимката „{0}“ не завършва на .jpg, .jpeg, .png, .gif, .webp, .avif или .svg, затова няма да бъде копирана в сайта при публикуване"),
    ("image `{}` is on another host ({}), and the site's pages load images only from the site itself: put the file in the site (a path such as images/photo.jpg) or allow that host (img-src in docs/deployment.md)", "изображението „{0}“ е на друг сървър ({1}), а страниците на сайта зареждат изображения само от самия сайт: сложете файла в сайта (с път като images/photo.jpg) или разрешете този сървър (img-src в docs/deployment.md)"),
    ("every image needs alternative text", "всяка снимка трябва да има алтернативен текст"),
    ("time `{}` must be HH:MM, such as 09:30", "часът „{0}“ трябва да е във вида ЧЧ:ММ, например 09:30"),
    ("starts at {}, before the session above it ({}): a session after midnight belongs to the next day's programme", "започва в {0}, по-рано от предишната точка ({1}); ако е след полунощ, запишете я в програмата на следващия ден"),
    ("the day {} is outside the event's dates ({}): correct the day, or the event's start or end", "денят {0} е извън датите на събитието ({1}): поправете деня или датите на събитието"),
    ("latitude must be between -90 and 90", "географската ширина трябва да е от -90 до 90"),
    ("longitude must be between -180 and 180", "географската дължина трябва да е от -180 до 180"),
    ("width and height must be between 1 and 20000 pixels", "ширината и височината трябва да са между 1 и 20000 пиксела"),
    ("city `{}` is left out for problems of its own; the reference was dropped until they are fixed", "градът „{0}“ не се показва на сайта заради проблеми в собствения си запис (вижте частта „Градове“); сайтът пропуска препратката към него, докато проблемите не бъдат поправени"),
    ("organisation `{}` is left out for problems of its own; the reference was dropped until they are fixed", "организацията „{0}“ не се показва на сайта заради проблеми в собствения си запис (вижте частта „Организации“); сайтът пропуска препратката към нея, докато проблемите не бъдат поправени"),
    ("person `{}` is left out for problems of its own; the reference was dropped until they are fixed", "човекът „{0}“ не се показва на сайта заради проблеми в собствения си запис (вижте частта „Хора“); сайтът пропуска препратката към него, докато проблемите не бъдат поправени"),
    ("topic `{}` is left out for problems of its own; the reference was dropped until they are fixed", "темата „{0}“ не се показва на сайта заради проблеми в собствения си запис (вижте частта „Теми“); сайтът пропуска препратката към нея, докато проблемите не бъдат поправени"),
    ("unknown city `{}`; the reference was dropped", "във файла няма град „{0}“; сайтът пропуска препратката"),
    ("unknown organisation `{}`; the reference was dropped", "във файла няма организация „{0}“; сайтът пропуска препратката"),
    ("unknown person `{}`; the reference was dropped", "във файла няма човек „{0}“; сайтът пропуска препратката"),
    ("unknown topic `{}`; the reference was dropped", "във файла няма тема „{0}“; сайтът пропуска препратката"),
    ("unknown organisation `{}`", "във файла няма организация „{0}“"),
    ("{} unknown city ids: {}; the references were dropped", "непознати градове ({0}): {1}; сайтът пропуска препратките"),
    ("{} unknown organisation ids: {}; the references were dropped", "непознати организации ({0}): {1}; сайтът пропуска препратките"),
    ("{} unknown person ids: {}; the references were dropped", "непознати хора ({0}): {1}; сайтът пропуска препратките"),
    ("{} unknown topic ids: {}; the references were dropped", "непознати теми ({0}): {1}; сайтът пропуска препратките"),
    ("{} `{}` is listed twice; it is shown once", "„{1}“ се среща два пъти в този списък; на сайта се показва само веднъж"),
    ("{} `{}` and {} more are listed twice; each is shown once", "„{1}“ и още {2} се срещат по два пъти в този списък; на сайта се показват само по веднъж"),
    ("`{}` in {} is also the name of city `{}`: visitors would see one label for both; add something that tells them apart, such as the region, to the name", "„{0}“ ({1}) е и името на град „{2}“: посетителите ще виждат едно и също име за двата града. Добавете към името нещо, което ги отличава, например областта"),
    ("country `{}` is not a two-letter ISO 3166-1 code such as BG or CZ; it is shown as written", "„{0}“ не е двубуквен код на държава по ISO 3166-1 (например BG или CZ); сайтът показва държавата така, както е написана"),
    ("`languages` lists no language: list bg, en or both; the site is published in both", "в полето „Езици“ няма избран език: изберете български, английски или и двата; дотогава сайтът се публикува и на двата езика"),
    ("e-mail address `{}` is not one a mail program can open (name@example.org); it was dropped", "адресът на електронна поща „{0}“ не е верен (пример: name@example.org); сайтът го пропуска"),
    ("telephone number `{}` may hold only digits, spaces, hyphens, dots, brackets and a leading +; it was dropped", "телефонният номер „{0}“ може да съдържа само цифри, интервали, тирета, точки, скоби и + в началото; сайтът го пропуска"),
    ("website `{}` must be an http(s) address; it was dropped", "сайтът „{0}“ трябва да е адрес с http(s); сайтът го пропуска"),
    ("unknown section `{}` is ignored", "непознатият раздел „{0}“ се пропуска"),
    ("must be a list (a JSON array); the whole list was left out", "трябва да е списък (JSON масив); целият списък е пропуснат"),
    ("id `{}` must be lowercase letters, digits and single hyphens, at most {} characters", "идентификаторът „{0}“ може да съдържа само малки латински букви, цифри и единични тирета и да е дълъг най-много {1} знака"),
    ("id `{}` is used by an earlier entry", "идентификаторът „{0}“ вече е използван от друг запис"),
    ("`{}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", "„{0}“ не е дата: очаква се ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД"),
    ("`{}` is not a day of the calendar", "„{0}“ не е ден от календара"),
    ("missing field `{}`", "липсва полето „{0}“"),
    ("duplicate field `{}`", "полето „{0}“ е записано два пъти"),
    ("unknown field `{}`, expected one of {}", "непознато поле „{0}“; възможните са: {1}"),
    ("unknown field `{}`, there are no fields", "непознато поле „{0}“"),
    ("unknown variant ``, expected one of {}", "изберете една от стойностите: {0}"),
    ("unknown variant `{}`, expected one of {}", "непозната стойност „{0}“; възможните са: {1}"),
    ("invalid type: {}, expected {}", "неподходяща стойност: {0}, а се очаква {1}"),
    ("invalid value: {}, expected {}", "неподходяща стойност: {0}, а се очаква {1}"),
    ("invalid length {}, expected {}", "неподходяща дължина {0}, а се очаква {1}"),
    ("the file has no `site` object", "във файла няма обект „site“"),
    ("the `site` object is not valid: {}", "обектът „site“ не е валиден: {0}"),
    ("the `site` object is not valid", "обектът „site“ не е валиден"),
    ("the file has no `version` (this app reads version 1)", "във файла няма „version“ (приложението чете версия 1)"),
    ("the file has no `{}` list", "във файла няма списък „{0}“"),
    ("`{}` must be a list (a JSON array)", "„{0}“ трябва да е списък (JSON масив)"),
    ("the file must hold one JSON object with `version`, `site` and `events`", "файлът трябва да съдържа един JSON обект с „version“, „site“ и „events“"),
    ("the file has {} events; at most {} are read", "файлът има {0} събития; четат се най-много {1}"),
    ("format version {} is not supported: this app reads version 1", "версия {0} на формата не се поддържа: приложението чете версия 1"),
    ("the file has {} bytes; at most {} are read", "файлът има {0} байта; четат се най-много {1}"),
    ("`{}` is named a second time here: keep one of the two and remove the other", "„{0}“ се повтаря тук: оставете го само веднъж"),
    ("not valid JSON: a comma before `{}` with nothing after it: remove the comma", "невалиден JSON: запетая преди „{0}“, след която няма нищо: махнете запетаята"),
];

/// What serde names in "invalid type" messages, said in Bulgarian.
const WORDS: &[(&str, &str)] = &[
    ("a string", "текст"),
    ("a sequence", "списък"),
    ("a map", "обект"),
    ("a boolean", "да или не"),
    ("f64", "число"),
    ("u32", "цяло число"),
    ("u64", "цяло число"),
    ("a borrowed string", "текст"),
    ("sequence", "списък"),
    ("map", "обект"),
    ("null", "празна стойност (null)"),
    ("unit value", "празна стойност (null)"),
    ("PartialDate", "дата"),
];

/// The parts of `message` where `pattern` has `{}`, or `None` when it does not match the
/// whole message.
fn captures<'m>(pattern: &str, message: &'m str) -> Option<Vec<&'m str>> {
    let mut pieces = pattern.split("{}");
    let mut rest = message.strip_prefix(pieces.next()?)?;
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        return rest.is_empty().then(Vec::new);
    };
    let mut out = Vec::new();
    for piece in middle {
        let at = rest.find(piece)?;
        out.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    out.push(rest.strip_suffix(last)?);
    Some(out)
}

/// A varying part said in Bulgarian: ids in „“, serde's names of kinds, " and N more".
fn part(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some((before, n)) = out.rsplit_once(" and ").and_then(|(b, r)| {
        r.strip_suffix(" more")
            .map(|n| (b.to_owned(), n.to_owned()))
    }) {
        out = format!("{before} и още {n}");
    }
    if out.starts_with("struct ") {
        return "обект".to_owned();
    }
    if let Some((_, bg)) = WORDS.iter().find(|(en, _)| *en == out) {
        return (*bg).to_owned();
    }
    for (kind, bg) in [
        ("string ", "текстът "),
        ("integer ", "цялото число "),
        ("floating point ", "числото "),
        ("boolean ", "стойността "),
    ] {
        if let Some(value) = out.strip_prefix(kind) {
            out = format!("{bg}{value}");
            break;
        }
    }
    // `id` → „id“, "text" → „text“.
    let mut quoted = String::with_capacity(out.len());
    let mut open = true;
    for c in out.chars() {
        if c == '`' || c == '"' {
            quoted.push(if open { '„' } else { '“' });
            open = !open;
        } else {
            quoted.push(c);
        }
    }
    quoted
}

/// `message` in Bulgarian, when a pattern knows it.
pub fn in_bulgarian(message: &str) -> Option<String> {
    PATTERNS.iter().find_map(|(pattern, bg)| {
        let parts = captures(pattern, message)?;
        let mut out = (*bg).to_owned();
        for (i, p) in parts.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), &part(p));
        }
        Some(out)
    })
}

/// `message` for an interface in `lang`, with the language it is really in (English when no
/// pattern knows it).
pub fn in_language(message: &str, lang: Lang) -> (Cow<'_, str>, Lang) {
    match lang {
        Lang::Bg => match in_bulgarian(message) {
            Some(bg) => (Cow::Owned(bg), Lang::Bg),
            None => (Cow::Borrowed(message), Lang::En),
        },
        Lang::En => (Cow::Borrowed(message), Lang::En),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::parse_news;

    #[test]
    fn varying_parts_are_put_back_in_their_places() {
        assert_eq!(
            in_bulgarian("ends (2024-05) before it starts (2024-06-01)").as_deref(),
            Some("краят (2024-05) е преди началото (2024-06-01)")
        );
        assert_eq!(
            in_bulgarian("slug `Среща 1` must be lowercase letters, digits and single hyphens")
                .as_deref(),
            Some("адресът „Среща 1“ може да съдържа само малки латински букви, цифри и единични тирета")
        );
        assert_eq!(
            in_bulgarian("invalid type: string \"x\", expected f64").as_deref(),
            Some("неподходяща стойност: текстът „x“, а се очаква число")
        );
        assert_eq!(
            in_bulgarian("3 unknown city ids: `a`, `b` and 1 more; the references were dropped")
                .as_deref(),
            Some("непознати градове (3): „a“, „b“ и още 1; сайтът пропуска препратките")
        );
        assert_eq!(
            in_bulgarian("city `vratsa` and 2 more are listed twice; each is shown once")
                .as_deref(),
            Some("„vratsa“ и още 2 се срещат по два пъти в този списък; на сайта се показват само по веднъж")
        );
        assert_eq!(
            in_bulgarian("the day 2022-12 is outside the event's dates (2022-11-10–2022-11-11): correct the day, or the event's start or end").as_deref(),
            Some("денят 2022-12 е извън датите на събитието (2022-11-10–2022-11-11): поправете деня или датите на събитието")
        );
        assert_eq!(
            in_bulgarian("contains a direction override (U+202E); remove it").as_deref(),
            Some("съдържа невидим знак (U+202E), който обръща посоката на текста след него; премахнете знака")
        );
        // A choice not made yet (a new city's role) is asked for, not called unknown.
        assert_eq!(
            in_bulgarian("unknown variant ``, expected one of `partner`, `other`").as_deref(),
            Some("изберете една от стойностите: „partner“, „other“")
        );
        assert_eq!(
            in_bulgarian("unknown variant `x`, expected one of `partner`").as_deref(),
            Some("непозната стойност „x“; възможните са: „partner“")
        );
        assert_eq!(in_bulgarian("something new"), None);
        assert_eq!(in_language("something new", Lang::Bg).1, Lang::En);
        assert_eq!(
            in_language("must not be empty in both languages", Lang::En).1,
            Lang::En
        );
        // A pattern must match the whole message.
        assert_eq!(in_bulgarian("missing field `x` and more"), None);
    }

    #[test]
    fn every_problem_of_the_bad_input_fixtures_is_said_in_bulgarian() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut unknown = Vec::new();
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let messages: Vec<String> = match parse_news(&text) {
                Ok(catalog) => catalog.problems.iter().map(|p| p.message.clone()).collect(),
                Err(fatal) => vec![fatal.message()],
            };
            for m in messages {
                seen += 1;
                if in_bulgarian(&m).is_none() && !m.starts_with("not valid JSON") {
                    unknown.push(format!("{}: {m}", path.display()));
                }
            }
        }
        assert!(seen > 25, "the fixtures give problems to say");
        assert!(
            unknown.is_empty(),
            "no Bulgarian for:\n{}",
            unknown.join("\n")
        );
    }
}
