//! The editor's browser entry point (`/editor/`): mounts the editor, nothing else.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        project_news::editor::start();
    }
}
