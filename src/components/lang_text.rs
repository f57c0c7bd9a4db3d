//! Text from the data in the page's language, or in the other one with a visible note and
//! its own `lang` attribute.

use leptos::prelude::*;

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

/// Inline text with a fallback marker where needed.
#[component]
pub fn LangText(text: Text, lang: Lang) -> impl IntoView {
    let resolved = text.resolve(lang);
    let content = resolved.text.to_owned();
    if resolved.is_fallback(lang) {
        let shown = resolved.lang;
        view! {
            <span lang=shown.code()>{content}</span>
            " "
            <small class="fallback-note">"("{fallback_note(shown, lang)}")"</small>
        }
        .into_any()
    } else {
        view! { <span>{content}</span> }.into_any()
    }
}
