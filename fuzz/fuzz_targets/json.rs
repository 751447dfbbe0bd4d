//! The JSON / JSON Lines article reader on raw bytes: decoding and `corpus::json::parse`.
#![no_main]

use dateline::corpus::{decode, json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode::decode(data, None) else {
        return;
    };
    let articles = match json::parse(&text) {
        Ok(json::JsonFile::Single(r)) => vec![r],
        Ok(json::JsonFile::Collection(items)) => items,
        Err(_) => Vec::new(),
    };
    for a in articles.into_iter().flatten() {
        // The article text is what the pipeline segments: it must be usable as is.
        let _ = dateline::text::segment(&a.text);
    }
});
