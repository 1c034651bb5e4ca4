//! Where a link may lead. The window shows only Politely's own pages; a link to a web page
//! (https:) or an email address (mailto:) opens in the system's browser or mail program, and
//! nothing else (file:, javascript:, data:, another app's scheme) opens at all. The opening
//! itself is the shell's (tauri-plugin-opener); this module only decides.

/// Whether `url` is one of Politely's own pages (the bundled front end).
pub fn is_app_page(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("tauri://localhost")
        || lower.starts_with("http://tauri.localhost")
        || lower.starts_with("https://tauri.localhost")
        || lower == "about:blank"
}

/// Whether `url` may be handed to the system: a web page or an email address.
pub fn opens_outside(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("mailto:"))
        && !url.chars().any(|c| c.is_control() || c == ' ')
        && url.len() <= 32 * 1024
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_app_pages_stay_and_only_https_and_mailto_leave() {
        assert!(is_app_page("tauri://localhost/index.html#/history"));
        assert!(!is_app_page("https://evil.example/"));
        assert!(!is_app_page("file:///etc/passwd"));
        assert!(opens_outside("https://example.com/a?b=c"));
        assert!(opens_outside("mailto:dana@example.com?subject=Hi"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "http://plain.example/",
            "ssh://host",
            "https://x.example/\nrm -rf",
            "steam://run/1",
        ] {
            assert!(!opens_outside(bad), "{bad}");
            assert!(!is_app_page(bad), "{bad}");
        }
    }
}
