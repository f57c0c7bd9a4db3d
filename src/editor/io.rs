//! What the editor asks of the browser: reading a file (picker, drop, the site's own), saving
//! one (in place where the File System Access API is there, as a download elsewhere), and the
//! work kept in local storage across reloads. Browser only.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where unsaved work waits for the next visit.
const DRAFT_KEY: &str = "news-editor:draft";

/// A file opened with the File System Access API: saving writes it in place.
#[derive(Clone, Debug)]
pub struct Handle(JsValue);

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &name.into())?.dyn_into()?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    f.apply(target, &list)
}

async fn call_async(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let promise: js_sys::Promise = call(target, name, args)?.dyn_into()?;
    JsFuture::from(promise).await
}

fn message(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Whether the browser can open and save a file in place.
pub fn can_save_in_place() -> bool {
    window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &"showOpenFilePicker".into()).unwrap_or(false)
            && js_sys::Reflect::has(&w, &"showSaveFilePicker".into()).unwrap_or(false)
    })
}

fn json_picker_options(name: Option<&str>) -> JsValue {
    let accept = js_sys::Object::new();
    let exts = js_sys::Array::of1(&".json".into());
    let _ = js_sys::Reflect::set(&accept, &"application/json".into(), &exts);
    let kind = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&kind, &"description".into(), &"JSON".into());
    let _ = js_sys::Reflect::set(&kind, &"accept".into(), &accept);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&kind));
    if let Some(name) = name {
        let _ = js_sys::Reflect::set(&options, &"suggestedName".into(), &name.into());
    }
    options.into()
}

/// A file's text, or the line and column of its first byte that is not UTF-8 (the browser's
/// own reading would put a replacement character there without a word).
pub type Text = Result<String, (usize, usize)>;

/// The text of a file chosen in the browser.
pub async fn read_file(file: web_sys::File) -> Result<Text, String> {
    text_of(file.array_buffer()).await
}

async fn text_of(bytes: js_sys::Promise) -> Result<Text, String> {
    let buffer = JsFuture::from(bytes).await.map_err(message)?;
    Ok(crate::model::utf8_text(
        js_sys::Uint8Array::new(&buffer).to_vec(),
    ))
}

/// Asks for a file with the system's picker; `None` when the editor cancelled.
pub async fn pick_file() -> Result<Option<(String, Text, Handle)>, String> {
    let w: JsValue = window().ok_or("no window")?.into();
    let handles = match call_async(&w, "showOpenFilePicker", &[json_picker_options(None)]).await {
        Ok(h) => h,
        // Cancelling rejects with an AbortError: nothing to say.
        Err(e) if js_sys::Reflect::get(&e, &"name".into()).ok() == Some("AbortError".into()) => {
            return Ok(None)
        }
        Err(e) => return Err(message(e)),
    };
    let handle = js_sys::Array::from(&handles).get(0);
    let file: web_sys::File = call_async(&handle, "getFile", &[])
        .await
        .map_err(message)?
        .dyn_into()
        .map_err(message)?;
    let name = file.name();
    let text = read_file(file).await?;
    Ok(Some((name, text, Handle(handle))))
}

/// Writes `text` into the file behind `handle`.
pub async fn write_in_place(handle: &Handle, text: &str) -> Result<(), String> {
    let writable = call_async(&handle.0, "createWritable", &[])
        .await
        .map_err(message)?;
    call_async(&writable, "write", &[text.into()])
        .await
        .map_err(message)?;
    call_async(&writable, "close", &[]).await.map_err(message)?;
    Ok(())
}

/// Asks where to save (File System Access API); `None` when the editor cancelled.
pub async fn save_as(name: &str, text: &str) -> Result<Option<Handle>, String> {
    let w: JsValue = window().ok_or("no window")?.into();
    let handle = match call_async(&w, "showSaveFilePicker", &[json_picker_options(Some(name))])
        .await
    {
        Ok(h) => Handle(h),
        Err(e) if js_sys::Reflect::get(&e, &"name".into()).ok() == Some("AbortError".into()) => {
            return Ok(None)
        }
        Err(e) => return Err(message(e)),
    };
    write_in_place(&handle, text).await?;
    Ok(Some(handle))
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(message)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(message)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "no link element".to_owned())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The download has started from the click; the address can go after this task.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 0);
    }
    Ok(())
}

/// The site's own news file, next to the editor's folder.
pub async fn fetch_site_file(url: &str) -> Result<Text, String> {
    let w = window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(message)?
        .dyn_into()
        .map_err(message)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    // Checked as a chosen file is: a file copied to the server by hand, not published, may
    // be in another encoding.
    text_of(response.array_buffer().map_err(message)?).await
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Work kept from an earlier visit: the file's name and its text.
pub fn stored_draft() -> Option<(String, String)> {
    let value = storage()?.get_item(DRAFT_KEY).ok().flatten()?;
    let (name, text) = value.split_once('\n')?;
    Some((name.to_owned(), text.to_owned()))
}

/// Keeps the work for the next visit; false when the browser refused (full, private mode).
pub fn store_draft(name: &str, text: &str) -> bool {
    storage().is_some_and(|s| {
        s.set_item(DRAFT_KEY, &format!("{}\n{text}", name.replace('\n', " ")))
            .is_ok()
    })
}

pub fn forget_draft() {
    if let Some(s) = storage() {
        let _ = s.remove_item(DRAFT_KEY);
    }
}

/// Focuses the element with `id`, or the nearest one of `fallbacks` that exists.
pub fn focus_first(ids: &[String]) -> bool {
    let Some(document) = window().and_then(|w| w.document()) else {
        return false;
    };
    for id in ids {
        if let Some(el) = document
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // A field inside a closed <details> must be shown before it can take focus.
            let mut up = el.parent_element();
            while let Some(p) = up {
                if p.tag_name().eq_ignore_ascii_case("details") {
                    let _ = p.set_attribute("open", "");
                }
                up = p.parent_element();
            }
            // Focus scrolls the field into view when it is not.
            let _ = el.focus();
            return true;
        }
    }
    false
}

/// Focuses the element with `id` and brings its top into view when it is above the window: a
/// form chosen from the list is read from its top, wherever the last one was scrolled to
/// (focus alone scrolls only an element wholly out of view).
pub fn focus_top(id: &str) {
    if focus_first(&[id.to_owned()]) {
        let el = window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id));
        if let Some(el) = el.filter(|el| el.get_bounding_client_rect().top() < 0.0) {
            el.scroll_into_view();
        }
    }
}

/// Asks the browser's own yes-or-no question (keyboard and screen readers know it); no
/// answer counts as no.
pub fn confirm(question: &str) -> bool {
    window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false))
}

/// Runs `f` after the browser has drawn the next frame (the form for a new place exists).
pub fn after_render(f: impl FnOnce() + 'static) {
    after(30, f);
}

/// Runs `f` after `ms` milliseconds.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    if let Some(w) = window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}

/// The address of the site the editor belongs to: the editor's folder's parent.
pub fn site_base() -> String {
    let path = window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    match path.rfind("/editor") {
        Some(at) => path[..at].to_owned(),
        None => String::new(),
    }
}
