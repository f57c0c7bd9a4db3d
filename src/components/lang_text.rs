//! Text from the data in the page's language, or in the other one with a visible note and
//! its own `lang` attribute.

use crate::components::static_tree::{el, text, Node};
use crate::i18n::ui;
use crate::model::{Lang, Text};

/// The note shown beside text that is only available in `shown`.
pub fn fallback_note(shown: Lang, wanted: Lang) -> &'static str {
    let u = ui(wanted);
    match shown {
        Lang::Bg => u.fallback_note_bg,
        Lang::En => u.fallback_note_en,
    }
}

/// Inline text with a fallback marker where needed: a `span`, and when the text is in the
/// other language, its `lang` and a note after it.
pub fn lang_text(value: &Text, lang: Lang) -> Vec<Node> {
    let resolved = value.resolve(lang);
    let span = el("span");
    if resolved.is_fallback(lang) {
        let shown = resolved.lang;
        vec![
            span.attr("lang", shown.code()).text(resolved.text),
            text(" "),
            el("small")
                .attr("class", "fallback-note")
                .text(format!("({})", fallback_note(shown, lang))),
        ]
    } else {
        vec![span.text(resolved.text)]
    }
}

/// The `lang` attribute for text resolved from `value`: set only when the text is shown in
/// the other language than the page's.
pub fn fallback_lang(value: &Text, lang: Lang) -> Option<&'static str> {
    let resolved = value.resolve(lang);
    resolved.is_fallback(lang).then_some(resolved.lang.code())
}

/// A short label from the data (a name, a topic): plain text in the page's language, or a
/// span that says its own language when the label is only available in the other.
pub fn label(value: &Text, lang: Lang) -> Node {
    let resolved = value.resolve(lang);
    match fallback_lang(value, lang) {
        Some(code) => el("span").attr("lang", code).text(resolved.text),
        None => text(resolved.text),
    }
}
