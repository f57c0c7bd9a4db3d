//! The browser entry point: mounts the app, nothing else.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(cityxchange_news::app::App);
    }
}
