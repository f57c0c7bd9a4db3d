//! The browser entry point: mounts the app, nothing else.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        project_news::app::start();
    }
}
