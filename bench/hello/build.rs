//! Plain tauri-build, as a new Tauri 2 project has it.
fn main() {
    tauri_build::build()
}
