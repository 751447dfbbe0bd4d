//! The HTML reader on raw bytes: charset sniffing, decoding and `corpus::html::parse`.
#![no_main]

use dateline::corpus::{decode, html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let declared = decode::html_declared_charset(data);
    let Ok(text) = decode::decode(data, declared) else {
        return;
    };
    let page = html::parse(&text);
    // The article text is what the pipeline segments: it must be usable as is.
    let _ = dateline::text::segment(&page.text);
    let _ = html::decode_entities(&text);
});
