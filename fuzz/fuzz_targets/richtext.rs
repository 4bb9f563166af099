//! Any text as a rich-text field: Markdown parsing never panics, the tree serialises to the
//! JSON the layouts read, and its plain text never invents characters the input lacks.
#![no_main]

use drukwerk::richtext;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rich = richtext::parse(text);
    serde_json::to_string(&rich).expect("rich text serialises");
    let plain = richtext::plain_text(&rich);
    // Every letter or digit the reader sees was typed by the user (Markdown may remove
    // syntax and decode entities, but never adds words). Entity references such as `&eacute;`
    // produce letters from ASCII, so only inputs without `&` are checked.
    if !text.contains('&') {
        for c in plain.chars().filter(|c| c.is_alphanumeric()) {
            assert!(
                text.contains(c),
                "{c:?} in {plain:?} does not occur in {text:?}"
            );
        }
    }
});
