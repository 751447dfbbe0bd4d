//! Bytes to text: size limit, binary sniffing, encodings (UTF-8, UTF-16, Windows-1252) and
//! line endings.

use std::io::Read as _;
use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::error::ReadError;

/// Reads at most `limit` bytes of `path`; a larger file is refused before anything is read, and
/// a file that grows while it is read is refused too (memory stays bounded either way).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limit {
        return Err(ReadError::TooLarge { size: read, limit });
    }
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(bytes)
}

/// Known file signatures, checked at the start of the file.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive, e.g. a Word or EPUB document"),
    (b"PK\x05\x06", "ZIP archive"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "old Microsoft Office document",
    ),
    (b"\x7FELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"\xCF\xFA\xED\xFE", "macOS executable"),
    (b"\xCE\xFA\xED\xFE", "macOS executable"),
    (b"\xCA\xFE\xBA\xBE", "macOS executable or Java class"),
    (b"\x1F\x8B", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xFD7zXZ\x00", "xz archive"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1A\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg audio or video"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1A\x45\xDF\xA3", "Matroska or WebM video"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
];

/// What kind of binary file `bytes` looks like, if it does.
#[must_use]
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    if has_utf16_bom(bytes) || utf16_without_bom(bytes).is_some() {
        return None;
    }
    // "MZ" alone is too weak (an article may start with "MZ"): require the PE header offset
    // field to look plausible, i.e. binary bytes nearby.
    for (sig, name) in SIGNATURES {
        if bytes.starts_with(sig) {
            if *name == "Windows executable" && !bytes.iter().take(64).any(|&b| b == 0) {
                continue;
            }
            return Some(name);
        }
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some("MP4 or QuickTime video");
    }
    if bytes.starts_with(b"RIFF") && bytes.len() > 12 {
        return Some(match bytes.get(8..12) {
            Some(b"WEBP") => "WebP image",
            Some(b"WAVE") => "WAV audio",
            Some(b"AVI ") => "AVI video",
            _ => "RIFF media file",
        });
    }
    let head = bytes.get(..8192).unwrap_or(bytes);
    if memchr::memchr(0, head).is_some() {
        return Some("it contains NUL bytes");
    }
    // Many C0 control characters (other than tab, newline, carriage return, form feed,
    // escape) mean binary data rather than text in a legacy encoding. Text has few bytes
    // below 0x20 of any kind (mostly line breaks): when those are few enough, the controls
    // among them are too, and they need not be told apart.
    if count_below_space(head) * 20 > head.len().max(1)
        && count_controls(head) * 20 > head.len().max(1)
    {
        return Some("it contains control characters");
    }
    None
}

/// The number of C0 control bytes in `bytes` other than tab, newline, carriage return, form
/// feed and escape. Counted in blocks of 255 bytes with byte-sized counters and no branches,
/// which the compiler turns into vector code.
fn count_controls(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                let control = (b < 0x20)
                    & (b != b'\t')
                    & (b != b'\n')
                    & (b != b'\r')
                    & (b != 0x0C)
                    & (b != 0x1B);
                n.wrapping_add(u8::from(control))
            });
            usize::from(n)
        })
        .sum()
}

/// The number of bytes below 0x20 in `bytes` (an upper bound of [`count_controls`]), counted
/// as that function counts, with one comparison a byte.
fn count_below_space(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let n = block
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(b < 0x20)));
            usize::from(n)
        })
        .sum()
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

/// UTF-16 without a byte order mark, recognised by the zero high bytes of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let pairs = head.len() / 2;
    // Without a NUL byte both counts below are zero: not UTF-16.
    if pairs < 8 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if let [a, b] = pair {
            zero_even += usize::from(*a == 0);
            zero_odd += usize::from(*b == 0);
        }
    }
    if zero_odd * 10 >= pairs * 7 && zero_even * 20 <= pairs {
        Some(UTF_16LE)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes `bytes` to text with `\n` line endings.
///
/// UTF-8 (a BOM is dropped), UTF-16 with a BOM (or plainly UTF-16 without one), else the
/// `declared` encoding (an HTML `<meta charset>`) when the bytes are not valid UTF-8, else
/// Windows-1252 (a superset of Latin-1 as browsers treat it). Text that is mostly valid UTF-8
/// with a few broken bytes keeps its UTF-8 and gets U+FFFD for the broken bytes.
///
/// # Errors
/// [`ReadError::Binary`] when the bytes are not text.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, ReadError> {
    if let Some(kind) = sniff_binary(bytes) {
        return Err(ReadError::Binary(kind));
    }
    let text: String = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        enc.decode_without_bom_handling(body).0.into_owned()
    } else if let Some(enc) = utf16_without_bom(bytes) {
        enc.decode_without_bom_handling(bytes).0.into_owned()
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_owned()
    } else if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        enc.decode_without_bom_handling(bytes).0.into_owned()
    } else if mostly_utf8(bytes) {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    };
    Ok(normalize_newlines(text))
}

/// More valid multi-byte UTF-8 characters than broken sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > broken * 2
}

/// `\r\n` and lone `\r` become `\n`; NUL characters (possible in decoded UTF-16) are dropped.
#[must_use]
pub fn normalize_newlines(text: String) -> String {
    if memchr::memchr2(b'\r', 0, text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\0' => {}
            _ => out.push(c),
        }
    }
    out
}

/// The encoding an HTML document declares in its first 2 KB (`<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`).
#[must_use]
pub fn html_declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..2048).unwrap_or(bytes);
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(lower.get(from..)?, b"charset") {
        let after = from + pos + b"charset".len();
        let rest = lower.get(after..)?;
        let rest = rest.trim_ascii_start();
        if let Some(rest) = rest.strip_prefix(b"=") {
            let rest = rest.trim_ascii_start();
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
                .unwrap_or(rest.len());
            if let Some(enc) = rest.get(..end).and_then(Encoding::for_label) {
                return Some(enc);
            }
        }
        from = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick count bounds the control count, so skipping the latter when the former
        /// is small never lets a binary file through.
        #[test]
        fn bytes_below_space_bound_the_controls(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![0u8, 1, 7, 9, 10, 12, 13, 27, 31, 32, b'a', 0x80, 0xFF]),
                0..2000,
            ),
        ) {
            proptest::prop_assert!(count_below_space(&bytes) >= count_controls(&bytes));
            let expected = bytes.iter().filter(|&&b| b < 0x20).count();
            proptest::prop_assert_eq!(count_below_space(&bytes), expected);
        }
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFHello", None).ok().as_deref(),
            Some("Hello")
        );
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "\u{FEFF}Seoul, Jan. 2 — talks"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(&le, None).ok().as_deref(),
            Some("Seoul, Jan. 2 — talks")
        );
        let be: Vec<u8> = "Pyongyang said on Tuesday"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&be, None).ok().as_deref(),
            Some("Pyongyang said on Tuesday")
        );
    }

    #[test]
    fn windows_1252_is_decoded() {
        let bytes = b"Caf\xE9 \x93quoted\x94 \x96 dash";
        assert_eq!(
            decode(bytes, None).ok().as_deref(),
            Some("Café \u{201C}quoted\u{201D} \u{2013} dash")
        );
    }

    #[test]
    fn mostly_utf8_keeps_utf8() {
        let bytes = "Kim’s “visit” — Seoul’s view \u{2014} ok ".as_bytes();
        let mut v = bytes.to_vec();
        v.push(0xFF);
        let s = decode(&v, None).unwrap_or_default();
        assert!(s.starts_with("Kim’s “visit”"), "{s}");
    }

    #[test]
    fn declared_charset() {
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(html_declared_charset(html), Some(WINDOWS_1252));
        assert_eq!(
            html_declared_charset(b"<meta charset='shift_jis'>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(html_declared_charset(b"<p>charset</p>"), None);
    }

    #[test]
    fn binaries_are_recognised() {
        assert_eq!(sniff_binary(b"%PDF-1.7\n..."), Some("PDF"));
        assert_eq!(sniff_binary(b"\x89PNG\r\n\x1a\n\0\0"), Some("PNG image"));
        assert_eq!(sniff_binary(b"\x7FELF\x02\x01\x01\0"), Some("executable"));
        assert_eq!(sniff_binary(b"MZ Holdings said on Monday"), None);
        assert!(sniff_binary(b"text\0with nul").is_some());
        assert_eq!(sniff_binary(b"plain text\r\n"), None);
    }

    #[test]
    fn control_count_matches_a_plain_count() {
        let bytes: Vec<u8> = (0..2000u32)
            .map(|i| u8::try_from(i.wrapping_mul(37) % 256).unwrap_or(0))
            .collect();
        for len in [0, 1, 254, 255, 256, 1000, 2000] {
            let part = &bytes[..len];
            let plain = part
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
                .count();
            assert_eq!(count_controls(part), plain, "{len}");
        }
        assert_eq!(count_controls(&[1u8; 600]), 600);
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n".into()), "a\nb\nc\n");
    }
}
