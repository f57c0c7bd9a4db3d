//! The editor's page: the file's parts on the left, the form of the part being edited, its
//! preview with the site's own views, and the validator's problems. Forms are drawn from
//! `form`'s description; every change goes through a [`Session`]. Browser only.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::event_card::event_card;
use crate::components::static_tree::Node;
use crate::context::Paths;
use crate::i18n::{event_type_label, plural};
use crate::model::{EventType, Lang, Problem, Severity};
use crate::pages::event::event_article;

use super::form::{Collection, Field, Kind, EVENT, L, SITE};
use super::io::{self, Handle};
use super::messages::in_language;
use super::session::{
    choices, event_rows, free_slug, missing_translations, new_event, new_item, saved_text,
    Analysis, Place, Session,
};
use super::tree::{Path, Tree, REPEATED};

/// The editor's state, shared by every part of the page.
#[derive(Clone, Copy)]
struct Ed {
    session: RwSignal<Session>,
    analysis: RwSignal<Arc<Analysis>>,
    /// Bumped when the file's structure changes: the forms are drawn again.
    version: RwSignal<u64>,
    place: RwSignal<Place>,
    ui: RwSignal<Lang>,
    preview: RwSignal<Lang>,
    name: RwSignal<String>,
    handle: StoredValue<Option<Handle>, LocalStorage>,
    /// The number of the last change typed; the check after a pause runs for it alone.
    typed: StoredValue<u64>,
    /// The number of the change the last check saw.
    checked: StoredValue<u64>,
    /// Whether the browser refused to keep the work (full, or private browsing).
    not_kept: RwSignal<bool>,
    dirty: RwSignal<bool>,
    /// The last message, in both languages: switching the interface says it again.
    status: RwSignal<(String, String)>,
    /// The work restored from an earlier visit, until kept or discarded.
    restored: RwSignal<bool>,
    /// The title and place of the event the last deletion took, for its undo button.
    deleted: RwSignal<Option<(String, usize)>>,
    /// How many texts lack one language, counted with each check.
    missing: RwSignal<usize>,
}

fn t(ed: Ed, l: L) -> &'static str {
    l.get(ed.ui.get())
}

impl Ed {
    fn new() -> Self {
        Self {
            session: RwSignal::new(Session::new(Tree::object())),
            analysis: RwSignal::new(Arc::new(Analysis::default())),
            version: RwSignal::new(0),
            place: RwSignal::new(Place::Site),
            ui: RwSignal::new(Lang::Bg),
            preview: RwSignal::new(Lang::Bg),
            name: RwSignal::new("news.json".to_owned()),
            handle: StoredValue::new_local(None),
            typed: StoredValue::new(0),
            checked: StoredValue::new(0),
            not_kept: RwSignal::new(false),
            dirty: RwSignal::new(false),
            status: RwSignal::new((String::new(), String::new())),
            restored: RwSignal::new(false),
            deleted: RwSignal::new(None),
            missing: RwSignal::new(0),
        }
    }

    fn say(&self, bg: impl Into<String>, en: impl Into<String>) {
        self.status.set((bg.into(), en.into()));
    }

    /// After a change of structure (add, delete, move, undo): checked at once, forms redrawn.
    /// After typing: checked once the editor pauses, so that a keystroke costs the same in a
    /// long archive as in a short file (the field shows what is typed at once).
    fn changed(&self, structure: bool) {
        self.dirty.set(true);
        let typed = self.typed.get_value() + 1;
        self.typed.set_value(typed);
        if structure {
            self.check_now();
            self.version.update(|v| *v += 1);
        } else {
            let ed = *self;
            io::after(CHECK_AFTER_MS, move || {
                if ed.typed.try_get_value() == Some(typed) {
                    ed.check_now();
                }
            });
        }
    }

    /// Runs the validator and keeps the work for a reload.
    fn check_now(&self) {
        self.checked.set_value(self.typed.get_value());
        let analysis = self.session.with_untracked(|s| Analysis::of(&s.tree));
        let (text, missing) = self.session.with_untracked(|s| {
            (
                saved_text(&s.tree, &analysis),
                missing_translations(&s.tree).len(),
            )
        });
        self.analysis.set(Arc::new(analysis));
        self.missing.set(missing);
        if self.dirty.get_untracked() {
            let kept = io::store_draft(&self.name.get_untracked(), &text);
            if self.not_kept.get_untracked() == kept {
                self.not_kept.set(!kept);
            }
        }
    }

    /// A check still waiting for a pause in typing, done now (the page is being left).
    fn flush(&self) {
        if self.checked.get_value() != self.typed.get_value() {
            self.check_now();
        }
    }

    fn type_into(&self, path: &Path, value: Tree, keep: usize) {
        self.session.update(|s| s.type_into(path, value, keep));
        self.changed(false);
    }

    /// Takes the last change back (a deletion's note goes with it).
    fn undo(&self) {
        self.session.update(|s| {
            s.undo();
        });
        self.deleted.set(None);
        self.changed(true);
    }

    fn change(&self, apply: impl FnOnce(&mut Tree)) {
        self.session.update(|s| s.change(apply));
        self.changed(true);
    }

    /// A file's text becomes the session; what cannot be read at all is refused, the
    /// session kept. `ask`: the file's name (in both languages) for the question before
    /// unsaved work gives way, asked once the file is known to open, so that a file that
    /// would be refused asks nothing.
    fn open(
        &self,
        name: String,
        text: io::Text,
        handle: Option<Handle>,
        restored: bool,
        ask: Option<(&str, &str)>,
    ) -> bool {
        let text = match text {
            Ok(text) => text,
            Err((line, column)) => {
                self.say(
                    format!("Файлът {name} не е в кодировка UTF-8 (ред {line}, колона {column}). Отворете го в текстов редактор и го запишете с кодировка UTF-8. Досегашният файл остава отворен."),
                    format!("{name} is not UTF-8 text (line {line}, column {column}): save it as UTF-8 in a text editor. The open file stays."),
                );
                return false;
            }
        };
        match Tree::parse(&text) {
            Ok(_) if ask.is_some_and(|opening| !self.may_replace(opening)) => false,
            Ok(tree) => {
                // A check still waiting for the file that was open is not for this one.
                let typed = self.typed.get_value() + 1;
                self.typed.set_value(typed);
                self.checked.set_value(typed);
                self.session.set(Session::new(tree));
                self.name.set(name.clone());
                self.handle.set_value(handle);
                self.place.set(Place::Site);
                self.deleted.set(None);
                let analysis = self.session.with_untracked(|s| Analysis::of(&s.tree));
                let errors = analysis.errors();
                self.analysis.set(Arc::new(analysis));
                self.missing.set(
                    self.session
                        .with_untracked(|s| missing_translations(&s.tree).len()),
                );
                self.version.update(|v| *v += 1);
                self.dirty.set(restored);
                self.restored.set(restored);
                self.say(
                    format!("Отворен е файлът {name}. Грешки: {errors}."),
                    format!(
                        "Opened {name}: {errors} {}.",
                        plural(errors, "error", "errors")
                    ),
                );
                true
            }
            Err(err) => {
                // The reader counted without a byte order mark, and its column in bytes from
                // 0 at a line's end: said in characters from 1, as `newsctl` says it.
                let read = text.strip_prefix('\u{feff}').unwrap_or(&text);
                let (line, column, _) = crate::model::json_error_at(read, &err);
                let message = err.to_string();
                if let Some(key) = message
                    .strip_prefix(REPEATED)
                    .and_then(|rest| rest.split('`').next())
                {
                    self.say(
                        format!("Във файла {name} полето „{key}“ се среща два пъти в един и същ запис (ред {line}, колона {column}). Отворете файла в текстов редактор и оставете само едното. Досегашният файл остава отворен."),
                        format!("{name} names “{key}” twice in one object (line {line}, column {column}): keep one of them in a text editor. The open file stays."),
                    );
                    return false;
                }
                if let Some((line, column, bracket)) =
                    crate::model::trailing_comma(read, err.line(), err.column())
                {
                    self.say(
                        format!("Във файла {name} има запетая преди „{bracket}“, след която няма нищо (ред {line}, колона {column}). Махнете я в текстов редактор. Досегашният файл остава отворен."),
                        format!("{name} has a comma before “{bracket}” with nothing after it (line {line}, column {column}): remove it in a text editor. The open file stays."),
                    );
                    return false;
                }
                self.say(
                    format!("Файлът {name} не е във формат JSON (ред {line}, колона {column}). Поправете го в текстов редактор. Досегашният файл остава отворен."),
                    format!("{name} is not JSON (line {line}, column {column}): fix it in a text editor. The open file stays."),
                );
                false
            }
        }
    }

    /// Whether the work open may give way to `opening` (said in both languages): when it has
    /// changes that are not saved, the editor is asked first.
    fn may_replace(&self, opening: (&str, &str)) -> bool {
        if !self.dirty.get_untracked() {
            return true;
        }
        let name = self.name.get_untracked();
        let question = match self.ui.get_untracked() {
            Lang::Bg => format!(
                "Промените във файла {name} не са запазени. Ако отворите {}, те ще се загубят. Да се отвори ли въпреки това?",
                opening.0
            ),
            Lang::En => format!(
                "The changes to {name} are not saved. If you open {}, they will be lost. Open it?",
                opening.1
            ),
        };
        io::confirm(&question)
    }

    /// Shows the field of `path` (for a member the format does not know, named in `message`,
    /// that member) and moves focus to it.
    fn go(&self, path: &Path, message: &str) {
        let path = &match member_named(message, "unknown field `")
            .or_else(|| member_named(message, "missing field `"))
        {
            Some(member) => path.key(member),
            None => path.clone(),
        };
        let place = Place::of(path);
        if self.place.get_untracked() != place {
            self.place.set(place);
        }
        // A text in two languages: its first field, not the group around both.
        let mut ids = vec![
            path.key("bg").dom_id(),
            path.key("en").dom_id(),
            path.dom_id(),
        ];
        let mut up = path.parent();
        while let Some(p) = up {
            ids.push(p.dom_id());
            up = p.parent();
        }
        io::after_render(move || {
            io::focus_first(&ids);
        });
    }
}

/// How long typing must pause before the file is checked again.
const CHECK_AFTER_MS: i32 = 150;

/// Starts the editor: the work of an earlier visit when there is some, else the site's file.
pub fn start() {
    let ed = Ed::new();
    leptos::mount::mount_to_body(move || view! { <Editor ed=ed/> });
    if let Some((name, text)) = io::stored_draft() {
        if ed.open(name, Ok(text), None, true, None) {
            return;
        }
    }
    load_site_file(ed, false);
}

fn site_file_url() -> String {
    format!("{}/data/news.json", io::site_base())
}

/// The site's file, opened; `discarded`: in place of the restored work, which is said.
fn load_site_file(ed: Ed, discarded: bool) {
    leptos::task::spawn_local(async move {
        match io::fetch_site_file(&site_file_url()).await {
            Ok(text) => {
                let ask = (!discarded).then_some(("файла на сайта", "the site's file"));
                if ed.open("news.json".to_owned(), text, None, false, ask) && discarded {
                    let errors = ed.analysis.with_untracked(|a| a.errors());
                    ed.say(
                        format!("Незапазената работа е отхвърлена. Отворен е файлът на сайта. Грешки: {errors}."),
                        format!(
                            "The unsaved work was discarded. Opened the site's file: {errors} {}.",
                            plural(errors, "error", "errors")
                        ),
                    );
                    io::focus_first(&["f-site".to_owned(), "ed-form".to_owned()]);
                }
            }
            Err(err) => ed.say(
                format!(
                    "Файлът на сайта не можа да се зареди ({err}). Отворете файл от компютъра."
                ),
                format!(
                    "The site's file could not be loaded ({err}). Open a file from your computer."
                ),
            ),
        }
    });
}

async fn save(ed: Ed, ready: bool, ask_where: bool) {
    ed.flush();
    let analysis = ed.analysis.get_untracked();
    if ready && !analysis.is_ready() {
        let n = analysis.errors();
        ed.say(
            format!("Файлът има грешки ({n}): поправете ги или го запазете като чернова."),
            format!(
                "The file has {n} {}: fix them or save it as a draft.",
                plural(n, "error", "errors")
            ),
        );
        io::focus_first(&["ed-problems-h".to_owned()]);
        return;
    }
    let text = ed
        .session
        .with_untracked(|s| saved_text(&s.tree, &analysis));
    let name = ed.name.get_untracked();
    let handle = ed.handle.get_value();
    let outcome = match (handle, ask_where) {
        (Some(h), false) => io::write_in_place(&h, &text).await.map(|()| true),
        (_, true) => match io::save_as(&name, &text).await {
            Ok(Some(h)) => {
                ed.handle.set_value(Some(h));
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err(e) => Err(e),
        },
        (None, false) => io::download(&name, &text).map(|()| true),
    };
    match outcome {
        Ok(true) => {
            ed.dirty.set(false);
            ed.restored.set(false);
            io::forget_draft();
            if ready {
                ed.say(
                    format!("Файлът {name} е запазен и е готов за публикуване."),
                    format!("Saved: {name}, ready to publish."),
                );
            } else {
                ed.say(
                    format!("Файлът {name} е запазен като чернова."),
                    format!("Saved as a draft: {name}."),
                );
            }
        }
        Ok(false) => {}
        Err(err) => ed.say(
            format!("Файлът не можа да се запази: {err}"),
            format!("Could not save: {err}"),
        ),
    }
}

#[component]
fn Editor(ed: Ed) -> impl IntoView {
    // The page's language follows the interface's.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", ed.ui.get().code());
        }
        document().set_title(t(ed, L("Редактор на новините", "News editor")));
    });
    let drop = window_event_listener(leptos::ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        let file = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            open_file(ed, file);
        }
    });
    let over = window_event_listener(leptos::ev::dragover, |e: web_sys::DragEvent| {
        e.prevent_default();
    });
    // Work typed just before the page is left is kept too.
    let leave = window_event_listener_untyped("pagehide", move |_| ed.flush());
    let hide = window_event_listener_untyped("visibilitychange", move |_| ed.flush());
    // Work the browser could not keep goes with the page: leaving it asks first. (Kept work
    // comes back after a reload, so it asks nothing.) Some browsers ask only when
    // `returnValue` is set as well.
    let unload = window_event_listener_untyped("beforeunload", move |e| {
        ed.flush();
        if ed.dirty.get_untracked() && ed.not_kept.get_untracked() {
            e.prevent_default();
            let _ = js_sys::Reflect::set(&e, &"returnValue".into(), &"-".into());
        }
    });
    on_cleanup(move || {
        drop.remove();
        over.remove();
        leave.remove();
        hide.remove();
        unload.remove();
    });
    view! {
        <a class="skip-link" href="#ed-form">{move || t(ed, L("Към формуляра", "Skip to the form"))}</a>
        <a class="skip-link" href="#ed-problems-h">{move || t(ed, L("Към проблемите", "Skip to the problems"))}</a>
        <Bar ed=ed/>
        <div class="ed-layout">
            <Parts ed=ed/>
            <main id="ed-form" class="ed-main" tabindex="-1">
                {move || {
                    ed.version.get();
                    ed.ui.get();
                    form_for(ed, ed.place.get())
                }}
            </main>
            <aside class="ed-side">
                <Problems ed=ed/>
                <Preview ed=ed/>
            </aside>
        </div>
    }
}

fn open_file(ed: Ed, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        match io::read_file(file).await {
            Ok(text) => {
                ed.open(name.clone(), text, None, false, Some((&name, &name)));
            }
            Err(err) => ed.say(
                format!("Файлът не можа да се прочете: {err}"),
                format!("The file could not be read: {err}"),
            ),
        }
    });
}

#[component]
fn Bar(ed: Ed) -> impl IntoView {
    let picker = NodeRef::<leptos::html::Input>::new();
    let in_place = io::can_save_in_place();
    let open = move |_| {
        if in_place {
            leptos::task::spawn_local(async move {
                match io::pick_file().await {
                    Ok(Some((name, text, handle))) => {
                        ed.open(
                            name.clone(),
                            text,
                            Some(handle),
                            false,
                            Some((&name, &name)),
                        );
                    }
                    Ok(None) => {}
                    Err(err) => ed.say(
                        format!("Файлът не можа да се отвори: {err}"),
                        format!("The file could not be opened: {err}"),
                    ),
                }
            });
        } else if let Some(input) = picker.get() {
            input.click();
        }
    };
    let picked = move |_| {
        let Some(input) = picker.get() else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(ed, file);
        }
        input.set_value("");
    };
    let counts = move || {
        let a = ed.analysis.get();
        (a.errors(), a.warnings(), ed.missing.get())
    };
    view! {
        <header class="ed-bar">
            <div class="ed-bar__title">
                <h1>{move || t(ed, L("Редактор на новините", "News editor"))}</h1>
                <p class="ed-bar__file">
                    {move || ed.name.get()}
                    {move || ed.dirty.get().then(|| view! {
                        <span class="ed-bar__unsaved">{t(ed, L(" · незапазени промени", " · unsaved changes"))}</span>
                    })}
                </p>
            </div>
            <div class="ed-bar__actions" role="group" aria-label=move || t(ed, L("Файл", "File"))>
                <button type="button" on:click=open>{move || t(ed, L("Отворете файл…", "Open a file…"))}</button>
                <input type="file" class="visually-hidden" accept=".json,application/json" tabindex="-1"
                    aria-hidden="true" node_ref=picker on:change=picked/>
                <button type="button" on:click=move |_| load_site_file(ed, false)>
                    {move || t(ed, L("Отворете файла на сайта", "Open the site's file"))}
                </button>
                <button type="button" class="ed-primary"
                    on:click=move |_| leptos::task::spawn_local(save(ed, true, false))>
                    {move || t(ed, L("Запазете за публикуване", "Save, ready to publish"))}
                </button>
                <button type="button" on:click=move |_| leptos::task::spawn_local(save(ed, false, false))>
                    {move || t(ed, L("Запазете като чернова", "Save as a draft"))}
                </button>
                {in_place.then(|| view! {
                    <button type="button" on:click=move |_| leptos::task::spawn_local(save(ed, false, true))>
                        {move || t(ed, L("Запазете като…", "Save as…"))}
                    </button>
                })}
            </div>
            <div class="ed-bar__actions" role="group" aria-label=move || t(ed, L("Промени", "Changes"))>
                <button type="button" disabled=move || !ed.session.with(Session::can_undo)
                    on:click=move |_| {
                        ed.undo();
                        ed.say("Последната промяна е отменена.", "The last change was undone.");
                    }>
                    {move || t(ed, L("Отменете", "Undo"))}
                </button>
                <button type="button" disabled=move || !ed.session.with(Session::can_redo)
                    on:click=move |_| {
                        ed.session.update(|s| { s.redo(); });
                        ed.changed(true);
                        ed.say("Отменената промяна е възстановена.", "The change was made again.");
                    }>
                    {move || t(ed, L("Повторете", "Redo"))}
                </button>
                <button type="button" lang=move || ed.ui.get().other().code()
                    on:click=move |_| ed.ui.update(|l| *l = l.other())>
                    {move || match ed.ui.get() { Lang::Bg => "English", Lang::En => "Български" }}
                </button>
            </div>
            <p class="ed-bar__counts" aria-live="polite">
                {move || {
                    let (e, w, m) = counts();
                    match ed.ui.get() {
                        Lang::Bg => format!("Грешки: {e} · Предупреждения: {w} · Липсващи преводи: {m}"),
                        Lang::En => format!("Errors: {e} · Warnings: {w} · Missing translations: {m}"),
                    }
                }}
            </p>
            <p class="ed-bar__status" role="status">
                {move || ed.status.with(|(bg, en)| match ed.ui.get() { Lang::Bg => bg.clone(), Lang::En => en.clone() })}
            </p>
            {move || ed.not_kept.get().then(|| view! {
                <p class="ed-notice" role="alert">{t(ed, L(
                    "Браузърът не може да пази тази работа при презареждане (файлът е твърде голям или прозорецът е поверителен): запазвайте по-често.",
                    "The browser cannot keep this work across a reload (the file is too large, or the window is private): save often.",
                ))}</p>
            })}
            {move || ed.restored.get().then(|| view! {
                <div class="ed-notice" role="region" aria-label=t(ed, L("Възстановена работа", "Restored work"))>
                    <p>{t(ed, L(
                        "Това е незапазената работа от предишното отваряне на редактора.",
                        "This is the unsaved work from the last time the editor was open.",
                    ))}</p>
                    <button type="button" on:click=move |_| {
                        let sure = io::confirm(t(ed, L(
                            "Незапазената работа ще бъде изтрита и ще се отвори файлът на сайта. Да се изтрие ли?",
                            "The unsaved work will be deleted and the site's file opened. Delete it?",
                        )));
                        if sure {
                            io::forget_draft();
                            ed.restored.set(false);
                            load_site_file(ed, true);
                        }
                    }>{t(ed, L("Отхвърлете я", "Discard it"))}</button>
                </div>
            })}
            {move || ed.deleted.get().map(|(title, at)| view! {
                <div class="ed-notice" role="region" aria-label=t(ed, L("Изтрито събитие", "Deleted event"))>
                    <p>{match ed.ui.get() { Lang::Bg => deleted(&title).0, Lang::En => deleted(&title).1 }}</p>
                    <button type="button" id="ed-undo-delete" on:click=move |_| {
                        ed.undo();
                        ed.say("Изтриването е отменено.", "The deletion was undone.");
                        // Back to the event, as it was before the deletion.
                        let event = Path::root().key("events").index(at);
                        ed.place.set(Place::Event(at));
                        io::after_render(move || { io::focus_first(&[event.dom_id()]); });
                    }>{t(ed, L("Отменете изтриването", "Undo the deletion"))}</button>
                </div>
            })}
        </header>
    }
}

/// How many events the list shows at first, and how many more each "show more" adds: a long
/// archive is found with the filter, not by scrolling thousands of buttons.
const EVENTS_SHOWN: usize = 200;

#[component]
fn Parts(ed: Ed) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let shown = RwSignal::new(EVENTS_SHOWN);
    // Drawn again after a check (typing pauses) or a change of structure, not on every key.
    let rows = Memo::new(move |_| {
        ed.analysis.track();
        ed.version.track();
        let lang = ed.ui.get();
        let filter = filter.get();
        ed.session
            .with_untracked(|s| event_rows(&s.tree, lang, &filter))
    });
    let part = move |place: Place, label: L| {
        view! {
            <li>
                <button type="button" class="ed-part"
                    aria-current=move || (ed.place.get() == place).then_some("true")
                    on:click=move |_| { ed.place.set(place); io::focus_top("ed-form"); }>
                    {move || t(ed, label)}
                    {move || match place {
                        Place::Collection(c) => {
                            let n = ed.session.with(|s| s.tree.len_at(&Path::root().key(c.key())));
                            format!(" ({n})")
                        }
                        _ => String::new(),
                    }}
                </button>
            </li>
        }
    };
    let add_event = move |_| {
        let mut at = 0;
        ed.change(|tree| {
            let today = js_sys::Date::new_0();
            let start = format!(
                "{:04}-{:02}-{:02}",
                today.get_full_year(),
                today.get_month() + 1,
                today.get_date()
            );
            let event = new_event(tree, &start);
            at = tree.len_at(&Path::root().key("events"));
            tree.insert(&Path::root().key("events"), at, event);
        });
        ed.go(&Path::root().key("events").index(at).key("slug"), "");
        ed.say("Добавено е ново събитие.", "A new event was added.");
    };
    view! {
        <nav class="ed-parts" aria-label=move || t(ed, L("Части на файла", "Parts of the file"))>
            <ul class="ed-parts__list">
                {part(Place::Site, L("Сайт и проект", "Site and project"))}
                {Collection::ALL.map(|c| part(Place::Collection(c), c.title())).to_vec()}
            </ul>
            <h2 class="ed-parts__events">
                {move || {
                    let n = ed.session.with(|s| s.tree.len_at(&Path::root().key("events")));
                    format!("{} ({n})", t(ed, L("Събития", "Events")))
                }}
            </h2>
            <button type="button" class="ed-primary" on:click=add_event>
                {move || t(ed, L("Добавете събитие", "Add an event"))}
            </button>
            <label class="ed-label" for="ed-filter">{move || t(ed, L("Търсене на събитие", "Find an event"))}</label>
            <input id="ed-filter" type="search" prop:value=move || filter.get()
                on:input=move |e| filter.set(event_target_value(&e))/>
            <ul class="ed-events">
                <For each=move || rows.get().into_iter().take(shown.get())
                    key=|row| (row.index, row.start.clone(), row.title.clone(), row.slug.clone(), row.twin)
                    children=move |row| {
                        let place = Place::Event(row.index);
                        let title = entry_name(ed, &row.title, &row.slug, row.index);
                        view! {
                            <li>
                                <button type="button" class="ed-event"
                                    aria-current=move || (ed.place.get() == place).then_some("true")
                                    on:click=move |_| { ed.place.set(place); io::focus_top("ed-form"); }>
                                    <span class="ed-event__date">{row.start}</span>
                                    <span class="ed-event__title">{title}</span>
                                    {row.twin.then(|| view! { <span class="ed-event__slug">{row.slug.clone()}</span> })}
                                </button>
                            </li>
                        }
                    }/>
            </ul>
            {move || {
                let more = rows.with(Vec::len).saturating_sub(shown.get());
                (more > 0).then(|| view! {
                    <button type="button" on:click=move |_| shown.update(|n| *n += EVENTS_SHOWN)>
                        {match ed.ui.get() {
                            Lang::Bg => format!("Покажете още ({more})"),
                            Lang::En => format!("Show more ({more})"),
                        }}
                    </button>
                })
            }}
        </nav>
    }
}

/// What the list and the problems call an event: its title, else its address, else (an entry
/// that is not an event at all) its place in the file. Quoted in a sentence, it is set apart
/// from the words around it (U+2068…U+2069): a direction override left open in a title would
/// turn them around too.
fn entry_name(ed: Ed, title: &str, slug: &str, index: usize) -> String {
    if !title.trim().is_empty() {
        title.to_owned()
    } else if !slug.trim().is_empty() {
        slug.to_owned()
    } else {
        match ed.ui.get_untracked() {
            Lang::Bg => format!("Запис {} (без заглавие и адрес)", index + 1),
            Lang::En => format!("Entry {} (no title, no address)", index + 1),
        }
    }
}

/// The form of one part of the file.
fn form_for(ed: Ed, place: Place) -> AnyView {
    let lang = ed.ui.get_untracked();
    match place {
        Place::Site => view! {
            <h2 class="ed-form__title" id="f-site" tabindex="-1">{L("Сайт и проект", "Site and project").get(lang)}</h2>
            {fields(ed, SITE, Path::root().key("site"), 1)}
        }
        .into_any(),
        Place::Collection(c) => {
            let field: &'static Field = match c {
                Collection::Cities => &COLLECTION_FIELDS[0],
                Collection::Organisations => &COLLECTION_FIELDS[1],
                Collection::People => &COLLECTION_FIELDS[2],
                Collection::Topics => &COLLECTION_FIELDS[3],
            };
            view! {
                <h2 class="ed-form__title">{c.title().get(lang)}</h2>
                {list(ed, field, Path::root().key(c.key()))}
            }
            .into_any()
        }
        Place::Event(i) => {
            let path = Path::root().key("events").index(i);
            if ed.session.with_untracked(|s| s.tree.get(&path).is_none()) {
                return view! { <p>{L("Няма такова събитие.", "There is no such event.").get(lang)}</p> }
                    .into_any();
            }
            let title = ed
                .session
                .with_untracked(|s| s.tree.text_at(&path.key("slug")));
            view! {
                <h2 class="ed-form__title" id=path.dom_id() tabindex="-1">{L("Събитие", "Event").get(lang)}" "<code>{title}</code></h2>
                <div class="ed-form__tools" role="group" aria-label=L("Действия със събитието", "The event's actions").get(lang)>
                    <button type="button" on:click=move |_| duplicate_event(ed, i)>
                        {L("Направете копие", "Duplicate").get(lang)}
                    </button>
                    <button type="button" class="ed-danger" on:click=move |_| delete_event(ed, i)>
                        {L("Изтрийте", "Delete").get(lang)}
                    </button>
                </div>
                {fields(ed, EVENT, path.clone(), 2)}
            }
            .into_any()
        }
    }
}

const COLLECTION_FIELDS: [Field; 4] = [
    collection_field(Collection::Cities, L("Град", "City")),
    collection_field(Collection::Organisations, L("Организация", "Organisation")),
    collection_field(Collection::People, L("Човек", "Person")),
    collection_field(Collection::Topics, L("Тема", "Topic")),
];

const fn collection_field(c: Collection, item: L) -> Field {
    let fields = match c {
        Collection::Cities => super::form::CITY,
        Collection::Organisations => super::form::ORGANISATION,
        Collection::People => super::form::PERSON,
        Collection::Topics => super::form::TOPIC,
    };
    Field {
        key: "",
        label: item,
        kind: Kind::List(fields, item),
        required: false,
        hint: None,
    }
}

fn duplicate_event(ed: Ed, i: usize) {
    let events = Path::root().key("events");
    let mut at = i + 1;
    ed.change(|tree| {
        let Some(mut copy) = tree.get(&events.index(i)).cloned() else {
            return;
        };
        let slug = free_slug(
            tree,
            &format!("{}-copy", tree.text_at(&events.index(i).key("slug"))),
        );
        copy.set(&Path::root().key("slug"), Tree::string(slug));
        at = i + 1;
        tree.insert(&events, at, copy);
    });
    ed.place.set(Place::Event(at));
    ed.go(&events.index(at).key("slug"), "");
    ed.say(
        "Създадено е копие на събитието; сменете адреса на страницата му.",
        "The event was duplicated; change the copy's page address.",
    );
}

/// "The event … was deleted", in both languages.
fn deleted(title: &str) -> (String, String) {
    (
        format!("Събитието „\u{2068}{title}\u{2069}“ е изтрито."),
        format!("The event “\u{2068}{title}\u{2069}” was deleted."),
    )
}

fn delete_event(ed: Ed, i: usize) {
    let events = Path::root().key("events");
    let lang = ed.ui.get_untracked();
    let title = ed.session.with_untracked(|s| {
        let mine = s
            .tree
            .text_at(&events.index(i).key("title").key(lang.code()));
        entry_name(ed, &mine, &s.tree.text_at(&events.index(i).key("slug")), i)
    });
    ed.change(|tree| {
        tree.remove(&events.index(i));
    });
    ed.place.set(Place::Site);
    let (bg, en) = deleted(&title);
    ed.say(bg, en);
    ed.deleted.set(Some((title, i)));
    // Its undo, where the notice is: the one thing a deletion by mistake needs next.
    io::after_render(|| {
        io::focus_first(&["ed-undo-delete".to_owned(), "ed-form".to_owned()]);
    });
}

/// The fields of the object at `at`; `keep` is how many steps of a path clearing a value
/// must leave (see `Tree::clear`).
fn fields(ed: Ed, fields: &'static [Field], at: Path, keep: usize) -> AnyView {
    let known = fields
        .iter()
        .map(|f| field(ed, f, at.key(f.key), keep))
        .collect_view();
    view! { {known} {unknown_members(ed, fields, at)} }.into_any()
}

/// Members of the object at `at` that the format does not know: kept as they are (nothing is
/// lost on the way through the editor), shown, and removable.
fn unknown_members(ed: Ed, fields: &'static [Field], at: Path) -> impl IntoView {
    let lang = ed.ui.get_untracked();
    let unknown: Vec<(String, String)> = ed.session.with_untracked(|s| match s.tree.get(&at) {
        Some(Tree::Object(members)) => members
            .iter()
            .filter(|(k, _)| !fields.iter().any(|f| f.key == k))
            .map(|(k, v)| (k.clone(), serde_json::to_string(v).unwrap_or_default()))
            .collect(),
        _ => Vec::new(),
    });
    unknown
        .into_iter()
        .map(|(key, value)| {
            let path = at.key(&key);
            let label = match lang {
                Lang::Bg => format!("Непознато поле: „{key}“"),
                Lang::En => format!("A member the format does not know: “{key}”"),
            };
            let rp = path.clone();
            let id = path.dom_id();
            view! {
                <div class="ed-unknown" id=id tabindex="-1">
                    <p class="ed-label">{label}</p>
                    <code class="ed-unknown__value">{value}</code>
                    <button type="button" class="ed-danger" on:click=move |_| {
                        ed.change(|t| { t.remove(&rp); });
                    }>{L("Премахнете", "Remove").get(lang)}</button>
                    {messages(ed, path, false)}
                </div>
            }
        })
        .collect_view()
}

/// The problems exactly at `path` (`inside`: or within it), as the field's message.
fn problems_at(ed: Ed, path: &Path, inside: bool) -> Vec<Problem> {
    ed.analysis.get().at(path, inside).cloned().collect()
}

fn messages(ed: Ed, path: Path, inside: bool) -> impl IntoView {
    let id = format!("{}-msg", path.dom_id());
    view! {
        <ul class="ed-msgs" id=id>
            {move || problems_at(ed, &path, inside).into_iter().map(|p| {
                let class = match p.severity { Severity::Error => "ed-msg ed-msg--error", Severity::Warning => "ed-msg ed-msg--warning" };
                let word = match (p.severity, ed.ui.get()) {
                    (Severity::Error, Lang::Bg) => "Грешка: ",
                    (Severity::Error, Lang::En) => "Error: ",
                    (Severity::Warning, Lang::Bg) => "Предупреждение: ",
                    (Severity::Warning, Lang::En) => "Warning: ",
                };
                let (text, said_in) = said(ed, &p);
                view! { <li class=class><strong>{word}</strong><span lang=said_in.code()>{text}</span></li> }
            }).collect_view()}
        </ul>
    }
}

/// The member a validator's message names after `prefix` ("missing field `type`" → "type").
fn member_named<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let (member, _) = message.strip_prefix(prefix)?.split_once('`')?;
    Some(member)
}

/// A problem's message in the interface's language (or in English, the validator's, when the
/// editor has no words for it), and that language. A missing field is named by its label in
/// the form, where the validator names it by its key in the file.
fn said(ed: Ed, problem: &Problem) -> (String, Lang) {
    let lang = ed.ui.get();
    if let Some(key) = member_named(&problem.message, "missing field `") {
        let path = Path::parse(&problem.path).key(key);
        let described = super::form::describe(&path, lang);
        let label = described.rsplit(" › ").next().unwrap_or(key);
        let text = match lang {
            Lang::Bg => format!("попълнете полето „{label}“"),
            Lang::En => format!("fill in “{label}”"),
        };
        return (text, lang);
    }
    let (text, said_in) = in_language(&problem.message, lang);
    (text.into_owned(), said_in)
}

fn label_text(ed: Ed, f: &Field) -> String {
    let lang = ed.ui.get_untracked();
    if f.required {
        format!("{} *", f.label.get(lang))
    } else {
        f.label.get(lang).to_owned()
    }
}

fn hint(ed: Ed, f: &Field, path: &Path) -> Option<impl IntoView> {
    let lang = ed.ui.get_untracked();
    f.hint.map(
        |h| view! { <p class="ed-hint" id=format!("{}-hint", path.dom_id())>{h.get(lang)}</p> },
    )
}

fn described_by(f: &Field, path: &Path) -> String {
    let id = path.dom_id();
    if f.hint.is_some() {
        format!("{id}-hint {id}-msg")
    } else {
        format!("{id}-msg")
    }
}

fn invalid(
    ed: Ed,
    path: &Path,
    inside: bool,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let path = path.clone();
    move || {
        problems_at(ed, &path, inside)
            .iter()
            .any(|p| p.severity == Severity::Error)
            .then_some("true")
    }
}

fn field(ed: Ed, f: &'static Field, path: Path, keep: usize) -> AnyView {
    // What clearing this field's values must leave: a required one keeps its own object.
    let inner_keep = if f.required { path.len() } else { keep };
    match f.kind {
        Kind::Text | Kind::LongText => text_field(ed, f, path, inner_keep),
        Kind::Group(inner) => {
            let id = path.dom_id();
            view! {
                <fieldset class="ed-group" id=id tabindex="-1">
                    <legend>{label_text(ed, f)}</legend>
                    {hint(ed, f, &path)}
                    {messages(ed, path.clone(), false)}
                    {fields(ed, inner, path, inner_keep)}
                </fieldset>
            }
            .into_any()
        }
        Kind::List(..) => list(ed, f, path),
        Kind::Refs(c) => refs_field(ed, f, c, path),
        Kind::Ref(c) => ref_field(ed, f, c, path, keep),
        Kind::Choice(choices) => {
            let lang = ed.ui.get_untracked();
            let options = choices
                .iter()
                .map(|(v, l)| ((*v).to_owned(), l.get(lang).to_owned()))
                .collect();
            choice_field(ed, f, options, path, keep, None, None)
        }
        Kind::EventType => {
            let lang = ed.ui.get_untracked();
            let options = EventType::ALL
                .into_iter()
                .map(|k| (k.key().to_owned(), event_type_label(lang, k).to_owned()))
                .collect();
            choice_field(ed, f, options, path, keep, None, None)
        }
        Kind::Bool => bool_field(ed, f, path, keep),
        Kind::Languages => languages_field(ed, f, path),
        _ => plain_field(ed, f, path, keep),
    }
}

fn plain_field(ed: Ed, f: &'static Field, path: Path, keep: usize) -> AnyView {
    let id = path.dom_id();
    let kind = f.kind;
    let inputmode = match kind {
        Kind::Number => Some("decimal"),
        Kind::Integer => Some("numeric"),
        Kind::Url => Some("url"),
        _ => None,
    };
    let value_path = path.clone();
    let value = move || ed.session.with(|s| s.tree.text_at(&value_path));
    let input_path = path.clone();
    let on_input = move |e: leptos::ev::Event| {
        let text = event_target_value(&e);
        let value = match kind {
            Kind::Number => match text.trim().parse::<i64>() {
                Ok(n) => Tree::number(n),
                Err(_) => text
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or_else(|| Tree::string(text.clone()), Tree::number),
            },
            Kind::Integer => text
                .trim()
                .parse::<u64>()
                .map_or_else(|_| Tree::string(text.clone()), Tree::number),
            _ => Tree::String(text),
        };
        ed.type_into(&input_path, value, keep);
    };
    // A number is shown as typed: drawn from the parsed value, "41." would turn into "41.0"
    // under the caret. The form is drawn again when the file's structure changes (undo).
    let numeric = matches!(kind, Kind::Number | Kind::Integer);
    let control = if numeric {
        let first = ed.session.with_untracked(|s| s.tree.text_at(&path));
        view! {
            <input id=id.clone() type="text" inputmode=inputmode spellcheck="false"
                aria-describedby=described_by(f, &path) aria-invalid=invalid(ed, &path, false)
                value=first on:input=on_input/>
        }
        .into_any()
    } else if matches!(kind, Kind::Note) {
        view! {
            <textarea id=id.clone() rows="3" aria-describedby=described_by(f, &path)
                aria-invalid=invalid(ed, &path, false)
                prop:value=value on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" inputmode=inputmode spellcheck=(!matches!(kind, Kind::Plain)).then_some("false")
                aria-describedby=described_by(f, &path) aria-invalid=invalid(ed, &path, false)
                prop:value=value on:input=on_input/>
        }
        .into_any()
    };
    view! {
        <div class="ed-field">
            <label class="ed-label" for=id>{label_text(ed, f)}</label>
            {hint(ed, f, &path)}
            {control}
            {messages(ed, path, false)}
        </div>
    }
    .into_any()
}

fn text_field(ed: Ed, f: &'static Field, path: Path, keep: usize) -> AnyView {
    let long = matches!(f.kind, Kind::LongText);
    let id = path.dom_id();
    let box_path = path.clone();
    let lang_box = move |lang: Lang| {
        let path = box_path.clone();
        let p = path.key(lang.code());
        let other = path.key(lang.other().code());
        let input_id = p.dom_id();
        let vp = p.clone();
        let value = move || ed.session.with(|s| s.tree.text_at(&vp));
        let ip = p.clone();
        let on_input = move |e: leptos::ev::Event| {
            ed.type_into(&ip, Tree::String(event_target_value(&e)), keep);
        };
        let name = match lang {
            Lang::Bg => "Български",
            Lang::En => "English",
        };
        let copy_label = match (ed.ui.get_untracked(), lang) {
            (Lang::Bg, Lang::Bg) => "Копирайте от английски",
            (Lang::Bg, Lang::En) => "Копирайте от български",
            (Lang::En, Lang::Bg) => "Copy from English",
            (Lang::En, Lang::En) => "Copy from Bulgarian",
        };
        let cp = p.clone();
        let op = other.clone();
        let copy = move |_| {
            let from = ed.session.with_untracked(|s| s.tree.text_at(&op));
            if !from.is_empty() {
                ed.session.update(|s| {
                    s.change(|t| {
                        t.set_ranked(&cp, Tree::String(from), &super::form::rank);
                    })
                });
                ed.changed(false);
            }
        };
        let ep = other.clone();
        let nothing_to_copy = move || ed.session.with(|s| s.tree.text_at(&ep).trim().is_empty());
        let mp = p.clone();
        let op2 = other.clone();
        let hp = p.clone();
        let missing_here = move || ed.session.with(|s| s.tree.text_at(&hp).trim().is_empty());
        let missing = move || {
            ed.session.with(|s| {
                s.tree.text_at(&mp).trim().is_empty() && !s.tree.text_at(&op2).trim().is_empty()
            })
        };
        let control = if long {
            view! {
                <textarea id=input_id.clone() lang=lang.code() rows="5" aria-describedby=described_by(f, &path)
                    aria-invalid=invalid(ed, &p, false) prop:value=value on:input=on_input></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=input_id.clone() type="text" lang=lang.code() aria-describedby=described_by(f, &path)
                    aria-invalid=invalid(ed, &p, false) prop:value=value on:input=on_input/>
            }
            .into_any()
        };
        view! {
            <div class="ed-lang">
                <label class="ed-label" for=input_id>
                    {name}
                    {move || missing().then(|| view! {
                        <span class="ed-missing">{t(ed, L(" — липсва превод", " — translation missing"))}</span>
                    })}
                </label>
                {control}
                {move || (missing_here() && !nothing_to_copy()).then(|| view! {
                    <button type="button" class="ed-copy" on:click=copy.clone()>{copy_label}</button>
                })}
                {messages(ed, p, false)}
            </div>
        }
    };
    view! {
        <fieldset class="ed-text" id=id tabindex="-1">
            <legend>{label_text(ed, f)}</legend>
            {hint(ed, f, &path)}
            <div class="ed-langs">
                {lang_box.clone()(Lang::Bg)}
                {lang_box(Lang::En)}
            </div>
            {messages(ed, path.clone(), false)}
        </fieldset>
    }
    .into_any()
}

/// One of a closed list of (value, label); a value outside the list is shown as it is (with
/// `unknown`'s note), so that the field says what the file holds. `extra` goes under the list.
fn choice_field(
    ed: Ed,
    f: &'static Field,
    list: Vec<(String, String)>,
    path: Path,
    keep: usize,
    unknown: Option<L>,
    extra: Option<AnyView>,
) -> AnyView {
    let id = path.dom_id();
    let current = ed.session.with_untracked(|s| s.tree.text_at(&path));
    let outside = (!current.is_empty() && !list.iter().any(|(v, _)| *v == current)).then(|| {
        let label = match unknown {
            Some(note) => format!("{current} ({})", note.get(ed.ui.get_untracked())),
            None => current.clone(),
        };
        view! { <option value=current.clone()>{label}</option> }
    });
    let vp = path.clone();
    let ip = path.clone();
    view! {
        <div class="ed-field">
            <label class="ed-label" for=id.clone()>{label_text(ed, f)}</label>
            {hint(ed, f, &path)}
            <select id=id aria-describedby=described_by(f, &path) aria-invalid=invalid(ed, &path, false)
                prop:value=move || ed.session.with(|s| s.tree.text_at(&vp))
                on:change=move |e| ed.type_into(&ip, Tree::String(event_target_value(&e)), keep)>
                <option value="">"—"</option>
                {outside}
                {list.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
            {extra}
            {messages(ed, path, false)}
        </div>
    }
    .into_any()
}

fn bool_field(ed: Ed, f: &'static Field, path: Path, keep: usize) -> AnyView {
    let id = path.dom_id();
    let vp = path.clone();
    let ip = path.clone();
    view! {
        <div class="ed-field ed-check">
            <input id=id.clone() type="checkbox"
                prop:checked=move || ed.session.with(|s| s.tree.get(&vp) == Some(&Tree::Bool(true)))
                on:change=move |e| {
                    let value = if event_target_checked(&e) { Tree::Bool(true) } else { Tree::string("") };
                    ed.type_into(&ip, value, keep);
                }/>
            <label for=id>{label_text(ed, f)}</label>
            {messages(ed, path, false)}
        </div>
    }
    .into_any()
}

fn languages_field(ed: Ed, f: &'static Field, path: Path) -> AnyView {
    let id = path.dom_id();
    let boxes = Lang::ALL.map(|lang| {
        let vp = path.clone();
        let ip = path.clone();
        let box_id = format!("{id}-{}", lang.code());
        let has = move |s: &Session, l: Lang| {
            s.tree
                .get(&vp)
                .and_then(Tree::as_array)
                .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(l.code())))
        };
        let has2 = has.clone();
        view! {
            <div class="ed-check">
                <input id=box_id.clone() type="checkbox" prop:checked=move || ed.session.with(|s| has(s, lang))
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        let chosen: Vec<Tree> = Lang::ALL
                            .into_iter()
                            .filter(|l| if *l == lang { on } else { ed.session.with_untracked(|s| has2(s, *l)) })
                            .map(|l| Tree::string(l.code()))
                            .collect();
                        ed.session.update(|s| s.change(|t| { t.set(&ip, Tree::Array(chosen)); }));
                        ed.changed(false);
                    }/>
                <label for=box_id>{match lang { Lang::Bg => "Български", Lang::En => "English" }}</label>
            </div>
        }
    });
    view! {
        <fieldset class="ed-group" id=id tabindex="-1">
            <legend>{label_text(ed, f)}</legend>
            {boxes.to_vec()}
            {messages(ed, path, true)}
        </fieldset>
    }
    .into_any()
}

fn entry_label(id: &str, name: &str) -> String {
    if name.trim().is_empty() {
        id.to_owned()
    } else {
        format!("{name} ({id})")
    }
}

fn ref_field(ed: Ed, f: &'static Field, c: Collection, path: Path, keep: usize) -> AnyView {
    let lang = ed.ui.get_untracked();
    let list = ed
        .session
        .with_untracked(|s| choices(&s.tree, c, lang))
        .into_iter()
        .map(|(v, name)| {
            let label = entry_label(&v, &name);
            (v, label)
        })
        .collect();
    let np = path.clone();
    let new = new_entry(ed, c, path.clone(), move |tree, new_id| {
        tree.set_ranked(&np, Tree::string(new_id), &super::form::rank);
    })
    .into_any();
    choice_field(ed, f, list, path, keep, Some(NOT_IN_FILE), Some(new))
}

/// The note on an id the file has no entry for.
const NOT_IN_FILE: L = L("липсва във файла", "not in the file");

fn refs_field(ed: Ed, f: &'static Field, c: Collection, path: Path) -> AnyView {
    let lang = ed.ui.get_untracked();
    let id = path.dom_id();
    let mut list = ed.session.with_untracked(|s| choices(&s.tree, c, lang));
    // Ids the file does not have stay visible (and can be unticked).
    let chosen: Vec<String> = ed.session.with_untracked(|s| {
        s.tree
            .get(&path)
            .and_then(Tree::as_array)
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    });
    for v in chosen {
        if !list.iter().any(|(id, _)| *id == v) {
            let name = L("липсва във файла", "not in the file")
                .get(lang)
                .to_owned();
            list.push((v, name));
        }
    }
    let boxes = list
        .into_iter()
        .map(|(value, name)| {
            // Named by the id it stands for: a new entry's box can be found and focused.
            let box_id = path.key(&value).dom_id();
            let vp = path.clone();
            let ip = path.clone();
            let v1 = value.clone();
            let v2 = value.clone();
            let is_on = move |s: &Session| {
                s.tree
                    .get(&vp)
                    .and_then(Tree::as_array)
                    .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(v1.as_str())))
            };
            view! {
                <li class="ed-check">
                    <input id=box_id.clone() type="checkbox" prop:checked=move || ed.session.with(&is_on)
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            let v = v2.clone();
                            ed.session.update(|s| s.change(|t| {
                                let mut items: Vec<Tree> = t.get(&ip).and_then(Tree::as_array).map(<[Tree]>::to_vec).unwrap_or_default();
                                items.retain(|x| x.as_str() != Some(v.as_str()));
                                if on { items.push(Tree::string(v.clone())); }
                                if items.is_empty() {
                                    t.remove(&ip);
                                } else {
                                    t.set_ranked(&ip, Tree::Array(items), &super::form::rank);
                                }
                            }));
                            ed.changed(false);
                        }/>
                    <label for=box_id>{entry_label(&value, &name)}</label>
                </li>
            }
        })
        .collect_view();
    let np = path.clone();
    view! {
        <fieldset class="ed-group ed-refs" id=id tabindex="-1">
            <legend>{label_text(ed, f)}</legend>
            {hint(ed, f, &path)}
            <ul class="ed-refs__list">{boxes}</ul>
            {new_entry(ed, c, path.clone(), move |tree, new_id| {
                let at = tree.len_at(&np);
                tree.insert_ranked(&np, at, Tree::string(new_id), &super::form::rank);
            })}
            {messages(ed, path, true)}
        </fieldset>
    }
    .into_any()
}

/// "New city" and the like, in place: an id and a name make the entry, `then` refers to it.
fn new_entry(
    ed: Ed,
    c: Collection,
    at: Path,
    then: impl Fn(&mut Tree, &str) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let lang = ed.ui.get_untracked();
    let id = RwSignal::new(String::new());
    let bg = RwSignal::new(String::new());
    let en = RwSignal::new(String::new());
    let add = move |_| {
        let new_id = id.get_untracked().trim().to_owned();
        if new_id.is_empty() {
            ed.say("Въведете идентификатор.", "Give an id.");
            return;
        }
        let then = then.clone();
        ed.change(|tree| {
            let list = Path::root().key(c.key());
            let mut item = new_item(c.fields());
            item.set(&Path::root().key("id"), Tree::string(new_id.clone()));
            for (lang, value) in [("bg", bg.get_untracked()), ("en", en.get_untracked())] {
                if !value.trim().is_empty() {
                    item.set(
                        &Path::root().key(c.name_key()).key(lang),
                        Tree::String(value),
                    );
                }
            }
            let at = tree.len_at(&list);
            tree.insert_ranked(&list, at, item, &super::form::rank);
            then(tree, &new_id);
        });
        // The form is drawn again with the new entry chosen: focus goes to it (the box of a
        // list of ids, or the select of a single one).
        let ids = vec![at.key(&new_id).dom_id(), at.dom_id()];
        io::after_render(move || {
            io::focus_first(&ids);
        });
        ed.say(
            format!(
                "Добавен е запис „{new_id}“. Попълнете останалите полета в частта „{}“.",
                c.title().0
            ),
            format!(
                "Added “{new_id}”; fill in the rest under “{}”.",
                c.title().1
            ),
        );
    };
    let base = format!("ed-new-{}-{}", c.key(), js_sys::Math::random().to_bits());
    let (id_id, bg_id, en_id) = (
        format!("{base}-id"),
        format!("{base}-bg"),
        format!("{base}-en"),
    );
    view! {
        <details class="ed-new">
            <summary>{c.new_label().get(lang)}</summary>
            <div class="ed-new__fields">
                <label class="ed-label" for=id_id.clone()>{L("Идентификатор", "Id").get(lang)}</label>
                <input id=id_id type="text" spellcheck="false" on:input=move |e| id.set(event_target_value(&e))/>
                <label class="ed-label" for=bg_id.clone()>{L("Име на български", "Name in Bulgarian").get(lang)}</label>
                <input id=bg_id type="text" lang="bg" on:input=move |e| bg.set(event_target_value(&e))/>
                <label class="ed-label" for=en_id.clone()>{L("Име на английски", "Name in English").get(lang)}</label>
                <input id=en_id type="text" lang="en" on:input=move |e| en.set(event_target_value(&e))/>
                <button type="button" on:click=add>{L("Добавете", "Add").get(lang)}</button>
            </div>
        </details>
    }
}

fn list(ed: Ed, f: &'static Field, path: Path) -> AnyView {
    let lang = ed.ui.get_untracked();
    let Kind::List(inner, item_label) = f.kind else {
        return ().into_any();
    };
    let id = path.dom_id();
    let n = ed.session.with_untracked(|s| s.tree.len_at(&path));
    let items = (0..n)
        .map(|i| {
            let item = path.index(i);
            let p1 = path.clone();
            let p2 = path.clone();
            let p3 = path.clone();
            let legend = format!("{} {}", item_label.get(lang), i + 1);
            let focus_to = |path: Path| move || {
                io::focus_first(&[path.dom_id()]);
            };
            let up = i.checked_sub(1);
            view! {
                <fieldset class="ed-item" id=item.dom_id() tabindex="-1">
                    <legend>{legend}</legend>
                    <div class="ed-item__tools">
                        <button type="button" disabled=up.is_none() on:click=move |_| {
                            if let Some(to) = up {
                                ed.change(|t| { t.move_item(&p1, i, to); });
                                io::after_render(focus_to(p1.index(to)));
                            }
                        }>{L("Нагоре", "Move up").get(lang)}</button>
                        <button type="button" disabled={i + 1 >= n} on:click=move |_| {
                            ed.change(|t| { t.move_item(&p2, i, i + 1); });
                            io::after_render(focus_to(p2.index(i + 1)));
                        }>{L("Надолу", "Move down").get(lang)}</button>
                        <button type="button" class="ed-danger" on:click=move |_| {
                            ed.change(|t| { t.remove(&p3.index(i)); });
                            ed.say("Записът е премахнат. Можете да го върнете с „Отменете“.", "Removed. “Undo” brings it back.");
                            io::after_render(focus_to(p3.clone()));
                        }>{L("Премахнете", "Remove").get(lang)}</button>
                    </div>
                    {fields(ed, inner, item.clone(), item.len())}
                </fieldset>
            }
        })
        .collect_view();
    let ap = path.clone();
    let add = move |_| {
        let at = ed.session.with_untracked(|s| s.tree.len_at(&ap));
        ed.change(|t| t.insert_ranked(&ap, at, new_item(inner), &super::form::rank));
        let first = inner.first().map(|f| ap.index(at).key(f.key));
        let target = ap.index(at);
        io::after_render(move || {
            let mut ids = Vec::new();
            // A text in two languages: its first field, not the group around both.
            if let Some(p) = first {
                ids.push(p.key("bg").dom_id());
                ids.push(p.dom_id());
            }
            ids.push(target.dom_id());
            io::focus_first(&ids);
        });
    };
    let heading = if f.key.is_empty() {
        None
    } else {
        Some(view! { <legend>{label_text(ed, f)}</legend> })
    };
    view! {
        <fieldset class="ed-list" id=id tabindex="-1">
            {heading}
            {hint(ed, f, &path)}
            {messages(ed, path.clone(), false)}
            {items}
            <button type="button" class="ed-add" on:click=add>
                {format!("{} {}", L("Добавете", "Add").get(lang), item_label.get(lang).to_lowercase())}
            </button>
        </fieldset>
    }
    .into_any()
}

#[component]
fn Preview(ed: Ed) -> impl IntoView {
    let paths = Paths::new(&io::site_base());
    // A site in one language has only that language's page to preview.
    let only = move || {
        ed.analysis.with(|a| {
            let site = &a.catalog.as_ref()?.site;
            let both = site.publishes(Lang::Bg) && site.publishes(Lang::En);
            (!both).then(|| site.root_lang())
        })
    };
    let both = move || only().is_none();
    let body = move || {
        let Place::Event(i) = ed.place.get() else {
            return None;
        };
        let lang = only().unwrap_or_else(|| ed.preview.get());
        let ui = ed.ui.get();
        // Drawn again after each check (the analysis), not on every key.
        let slug = ed.session.with_untracked(|s| {
            s.tree
                .text_at(&Path::root().key("events").index(i).key("slug"))
        });
        let analysis = ed.analysis.get();
        let shown = analysis.catalog.as_ref().and_then(|c| {
            let index = c.event_index(&slug)?;
            let card = for_preview(event_card(c, &paths, index, lang, &[], 3)?);
            let page = for_preview(event_article(c, &paths, index, lang)?);
            Some((card, page))
        });
        Some(match shown {
            Some((card, page)) => view! {
                <h3 class="ed-preview__part">{L("Изглед в хронологията", "The card on the timeline").get(ui)}</h3>
                <div class="ed-preview__card" lang=lang.code()>{card}</div>
                <h3 class="ed-preview__part">{L("Страницата на събитието", "The event's page").get(ui)}</h3>
                <div class="ed-preview__page" lang=lang.code()>{page}</div>
            }
            .into_any(),
            None => view! {
                <p class="ed-notice">{L(
                    "Събитието ще се покаже тук, когато бъдат поправени грешките, заради които не се показва на сайта.",
                    "The event shows here once the errors that leave it out are fixed.",
                ).get(ui)}</p>
            }
            .into_any(),
        })
    };
    let switch = move |lang: Lang| {
        view! {
            <button type="button" aria-pressed=move || (ed.preview.get() == lang).to_string()
                on:click=move |_| ed.preview.set(lang)>
                {match lang { Lang::Bg => "Български", Lang::En => "English" }}
            </button>
        }
    };
    view! {
        {move || matches!(ed.place.get(), Place::Event(_)).then(|| { let body = body.clone(); view! {
            <section class="ed-preview" aria-labelledby="ed-preview-h">
                <h2 id="ed-preview-h">{t(ed, L("Преглед", "Preview"))}</h2>
                {move || both().then(|| view! {
                    <div class="ed-preview__langs" role="group" aria-label=t(ed, L("Език на прегледа", "Language of the preview"))>
                        {switch(Lang::Bg)}
                        {switch(Lang::En)}
                    </div>
                })}
                {body}
            </section>
        }})}
    }
}

/// `node` as the preview shows it: without the map's land (publish draws it for the published
/// file's frames; a frame of the file being edited may have none yet, so the preview shows the
/// drawing alone), and with its links' addresses taken out. Links lead nowhere in a preview:
/// followed, they would leave the editor for a page not published yet; without them each reads
/// as its text, and Tab goes from the form to the problems past a few controls, not dozens.
fn for_preview(node: Node) -> Node {
    match node {
        Node::Element {
            tag,
            svg,
            mut attrs,
            children,
            key,
        } => {
            if tag == "a" {
                attrs.retain(|(k, _)| !matches!(*k, "href" | "hreflang" | "rel"));
            }
            let land = |c: &Node| {
                matches!(c, Node::Element { attrs, .. }
                    if attrs.iter().any(|(k, v)| *k == "class" && v.split_whitespace().any(|w| w == "city-map__land")))
            };
            Node::Element {
                tag,
                svg,
                attrs,
                key,
                children: children
                    .into_iter()
                    .filter(|c| !land(c))
                    .map(for_preview)
                    .collect(),
            }
        }
        text => text,
    }
}

fn where_label(ed: Ed, problem: &Problem) -> String {
    let lang = ed.ui.get();
    let path = Path::parse(&problem.path);
    let field = super::form::describe(&path, lang);
    let part = match Place::of(&path) {
        Place::Event(i) => {
            let (title, slug) = ed.session.with_untracked(|s| {
                let event = Path::root().key("events").index(i);
                let title = s.tree.text_at(&event.key("title").key(lang.code()));
                (title, s.tree.text_at(&event.key("slug")))
            });
            if title.trim().is_empty() && slug.trim().is_empty() {
                // "Запис 3 (без заглавие и адрес)" is no title to quote.
                entry_name(ed, "", "", i)
            } else {
                let title = entry_name(ed, &title, &slug, i);
                match lang {
                    Lang::Bg => format!("Събитие „\u{2068}{title}\u{2069}“"),
                    Lang::En => format!("Event “\u{2068}{title}\u{2069}”"),
                }
            }
        }
        Place::Collection(_) => String::new(),
        Place::Site => L("Сайт и проект", "Site and project").get(lang).to_owned(),
    };
    [part, field]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" › ")
}

#[component]
fn Problems(ed: Ed) -> impl IntoView {
    let rows = move || {
        let a = ed.analysis.get();
        let fatal = a.fatal.as_ref().map(|f| {
            let message = f.message();
            let (text, said_in) = in_language(&message, ed.ui.get());
            let text = text.into_owned();
            view! { <li class="ed-msg ed-msg--error"><span lang=said_in.code()>{text}</span></li> }
        });
        let listed = a
            .problems
            .iter()
            .map(|p| {
                let path = Path::parse(&p.path);
                let class = match p.severity {
                    Severity::Error => "ed-problem ed-problem--error",
                    Severity::Warning => "ed-problem ed-problem--warning",
                };
                let word = match (p.severity, ed.ui.get()) {
                    (Severity::Error, Lang::Bg) => "Грешка",
                    (Severity::Error, Lang::En) => "Error",
                    (Severity::Warning, Lang::Bg) => "Предупреждение",
                    (Severity::Warning, Lang::En) => "Warning",
                };
                let place = where_label(ed, p);
                let raw = p.path.clone();
                let (message, said_in) = said(ed, p);
                let said = p.message.clone();
                view! {
                    <li>
                        <button type="button" class=class on:click=move |_| ed.go(&path, &said)>
                            <strong>{word}</strong>" · "{place}" "<code class="ed-problem__path">{raw}</code>
                            <br/><span lang=said_in.code()>{message}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let more = a.not_listed.total();
        let more = (more > 0).then(|| {
            view! { <li>{match ed.ui.get() {
                Lang::Bg => format!("…и още {more}, които не са изброени."),
                Lang::En => format!("…and {more} more, not listed."),
            }}</li> }
        });
        (fatal, listed, more)
    };
    view! {
        <section class="ed-problems" aria-labelledby="ed-problems-h">
            <h2 id="ed-problems-h" tabindex="-1">
                {move || {
                    let a = ed.analysis.get();
                    format!("{} ({})", t(ed, L("Проблеми", "Problems")), a.errors() + a.warnings())
                }}
            </h2>
            {move || (ed.analysis.get().errors() + ed.analysis.get().warnings() == 0).then(|| view! {
                <p>{t(ed, L("Няма проблеми: файлът е готов за публикуване.", "No problems: the file is ready to publish."))}</p>
            })}
            <ul class="ed-problems__list">{rows}</ul>
        </section>
    }
}
