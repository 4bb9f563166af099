//! The stylesheet and scripts of the pages `serve` shows, embedded in the binary.

/// An embedded file and its content type, by name.
pub fn get(name: &str) -> Option<(&'static [u8], &'static str)> {
    const CSS: &str = "text/css; charset=utf-8";
    const JS: &str = "text/javascript; charset=utf-8";
    Some(match name {
        "serve.css" => (include_bytes!("assets/serve.css").as_slice(), CSS),
        "live.js" => (include_bytes!("assets/live.js").as_slice(), JS),
        "index.js" => (include_bytes!("assets/index.js").as_slice(), JS),
        "preview.js" => (include_bytes!("assets/preview.js").as_slice(), JS),
        "edit.js" => (include_bytes!("assets/edit.js").as_slice(), JS),
        "edit-form.js" => (include_bytes!("assets/edit-form.js").as_slice(), JS),
        "site-reload.js" => (include_bytes!("assets/site-reload.js").as_slice(), JS),
        _ => return None,
    })
}
