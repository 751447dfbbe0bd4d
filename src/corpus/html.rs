//! HTML articles: the visible text, the title and the published date.
//!
//! A small tolerant tag scanner rather than a full HTML5 tree builder: it only needs the text
//! of the article's blocks and a few `<meta>`/`<time>`/JSON-LD values, it never fails, and it
//! runs in one linear pass (every step advances; unclosed comments, tags or quotes end the
//! document instead of looping). html5ever would add a large dependency tree for little gain.

use chrono::NaiveDate;

use super::dateline::parse_date_str;

/// What an HTML page yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Visible text, one block (paragraph, heading, list item, caption) per line, blank lines
    /// between blocks.
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Elements whose content is never visible article text.
const DROP_ALWAYS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "select", "button", "textarea", "dialog",
];
/// Page furniture dropped unless dropping it leaves nothing (a page wrapped in one `<header>`).
const DROP_FURNITURE: &[&str] = &["nav", "footer", "aside", "header", "form", "menu"];
/// Elements whose text is raw up to the matching end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "template",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "html",
];
/// `class`/`id` words that mark page furniture (related links, share bars, comments, ads).
const FURNITURE_CLASS_WORDS: &[&str] = &[
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "comment",
    "comments",
    "advert",
    "advertisement",
    "ad-slot",
    "promo",
    "cookie",
    "breadcrumb",
    "sidebar",
    "menu",
    "navbar",
    "nav",
    "footer",
    "masthead",
    "recommended",
    "trending",
    "most-read",
    "popular",
    "outbrain",
    "taboola",
    "paywall",
    "signup",
    "sign-up",
    "author-bio",
    "byline-social",
];
/// Meta names that give the publication date, best first.
const META_DATES: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dc.date.created",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "original-publish-date",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "cxenseparse:recs:publishtime",
    "live_date",
];

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, &'a str)>,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }
}

/// Parses the tag starting at `start` (`html[start] == '<'`, followed by a letter or `/`).
/// Returns the tag and the index after its `>`; `None` if the text there is not a tag.
fn parse_tag(html: &str, start: usize) -> Option<(Tag<'_>, usize)> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_'))
    {
        i += 1;
    }
    if i == name_start || !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name = html.get(name_start..i)?.to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match bytes.get(i) {
            None => {
                return Some((
                    Tag {
                        name,
                        closing,
                        self_closing,
                        attrs,
                    },
                    html.len(),
                ));
            }
            Some(b'>') => {
                return Some((
                    Tag {
                        name,
                        closing,
                        self_closing,
                        attrs,
                    },
                    i + 1,
                ));
            }
            Some(b'/') => {
                self_closing = bytes.get(i + 1) == Some(&b'>');
                i += 1;
                continue;
            }
            _ => {}
        }
        let an_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
        {
            i += 1;
        }
        if i == an_start {
            // A stray `=` or similar: skip it.
            i += 1;
            continue;
        }
        let attr_name = html
            .get(an_start..i)
            .unwrap_or_default()
            .to_ascii_lowercase();
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let v_start = i + 1;
                    match memchr::memchr(q, bytes.get(v_start..).unwrap_or_default()) {
                        Some(len) => {
                            value = html.get(v_start..v_start + len).unwrap_or_default();
                            i = v_start + len + 1;
                        }
                        None => {
                            // Unclosed quote: the tag ends at the next `>`.
                            let end =
                                memchr::memchr(b'>', bytes.get(v_start..).unwrap_or_default())
                                    .map_or(html.len(), |p| v_start + p + 1);
                            return Some((
                                Tag {
                                    name,
                                    closing,
                                    self_closing,
                                    attrs,
                                },
                                end,
                            ));
                        }
                    }
                }
                _ => {
                    let v_start = i;
                    while bytes
                        .get(i)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        i += 1;
                    }
                    value = html.get(v_start..i).unwrap_or_default();
                }
            }
        }
        attrs.push((attr_name, value));
    }
}

/// Finds `</name` (ASCII case-insensitive) from `from`; returns its index.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    loop {
        let rel = memchr::memmem::find(bytes.get(at..)?, b"</")?;
        let pos = at + rel;
        let candidate = bytes.get(pos + 2..pos + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(pos + 2 + name.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
        {
            return Some(pos);
        }
        at = pos + 2;
    }
}

fn is_furniture(tag: &Tag<'_>) -> bool {
    // A standfirst (dek) sums up the story told below it, in any element.
    if has_class_word(tag, &["standfirst", "dek"]) {
        return true;
    }
    if matches!(
        tag.name.as_str(),
        "html" | "body" | "main" | "article" | "p"
    ) {
        return false;
    }
    if tag.attr("hidden").is_some() || tag.attr("aria-hidden") == Some("true") {
        return true;
    }
    if tag.attr("style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return true;
    }
    if let Some(role) = tag.attr("role")
        && matches!(
            role.to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "menu"
                | "dialog"
        )
    {
        return true;
    }
    has_class_word(tag, FURNITURE_CLASS_WORDS)
}

/// Whether the tag's `class` or `id` holds one of `words`, whole or as a part of a token
/// (`related-articles`, `share_bar`, `c-comments`).
fn has_class_word(tag: &Tag<'_>, words: &[&str]) -> bool {
    ["class", "id"].iter().filter_map(|a| tag.attr(a)).any(|v| {
        v.split_ascii_whitespace().any(|token| {
            let token = token.to_ascii_lowercase();
            token.split(['-', '_']).any(|w| words.contains(&w)) || words.contains(&token.as_str())
        })
    })
}

#[derive(Default)]
struct Scan {
    dropped_by_class: bool,
    blocks: Vec<(String, bool)>,
    current: String,
    in_main: usize,
    saw_main: bool,
    /// The element being skipped, and how deeply it nests in itself.
    skip: Option<(String, usize)>,
    title: Option<String>,
    h1: Option<String>,
    capturing_h1: Option<String>,
    meta: Vec<(String, String)>,
    canonical: Option<String>,
    /// `<time datetime>` dates with a preference score: 3 marked as the publication date
    /// (`pubdate`, `itemprop=datePublished`), 2 inside `<article>`/`<main>`, 1 outside
    /// skipped furniture, 0 elsewhere.
    time_dates: Vec<(NaiveDate, u8)>,
    ld_json: Vec<String>,
}

impl Scan {
    /// Ends the current block; its buffer is kept for the next one.
    fn flush(&mut self) {
        let trimmed = self.current.trim();
        if !trimmed.is_empty() {
            self.blocks.push((trimmed.to_owned(), self.in_main > 0));
        }
        self.current.clear();
    }

    fn push_text(&mut self, raw: &str) {
        let decoded;
        let text = if raw.contains('&') {
            decoded = decode_entities(raw);
            decoded.as_str()
        } else {
            raw
        };
        if let Some(h1) = self.capturing_h1.as_mut() {
            push_collapsed(h1, text);
        }
        if self.skip.is_none() {
            let mut current = std::mem::take(&mut self.current);
            push_collapsed(&mut current, text);
            self.current = current;
        }
    }
}

/// Appends `text` with runs of whitespace collapsed to one space: every white space
/// character adds a space unless `out` is empty or already ends with one. Printable ASCII and
/// single spaces between words are copied whole, in runs.
fn push_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // Whether `out`, with the run not yet copied, is empty or ends with a space.
    let mut after_space = out.is_empty() || out.ends_with(' ');
    let (mut start, mut i) = (0, 0);
    loop {
        let run = bytes
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_graphic())
            .count();
        if run > 0 {
            after_space = false;
            i += run;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b' ' && !after_space {
            after_space = true;
            i += 1;
            continue;
        }
        out.push_str(text.get(start..i).unwrap_or_default());
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        if !c.is_whitespace() {
            out.push(c);
            after_space = false;
        } else if !after_space {
            out.push(' ');
            after_space = true;
        }
        i += c.len_utf8();
        start = i;
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

/// Extracts the article from an HTML document.
#[must_use]
pub fn parse(html: &str) -> HtmlArticle {
    let (mut article, dropped_by_class) = scan(html, Drop::Furniture);
    // A `class`/`id` word can sit on a wrapper of the whole article (`layout-with-sidebar`):
    // when dropping by class loses most of the text, drop by element only.
    if dropped_by_class {
        let (by_element, _) = scan(html, Drop::Elements);
        if article.text.len() * 10 < by_element.text.len() * 4 {
            article.text = by_element.text;
        }
    }
    if article.text.trim().is_empty() {
        // Everything sat in page furniture (or an unclosed `<nav>` swallowed the page):
        // keep the furniture rather than lose the article.
        article.text = scan(html, Drop::Nothing).0.text;
    }
    article
}

/// How much page furniture a scan drops (scripts and styles always go).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Drop {
    /// `nav`, `footer`, `aside`, `header`, `form`, and elements whose `class`, `id`, `role`
    /// or `hidden` mark them as furniture.
    Furniture,
    /// Only the furniture elements.
    Elements,
    Nothing,
}

#[allow(clippy::too_many_lines)] // one linear state machine reads best in one place
/// Also says whether anything was dropped for its `class`, `id`, `role` or `hidden` marks.
fn scan(html: &str, level: Drop) -> (HtmlArticle, bool) {
    let bytes = html.as_bytes();
    let mut s = Scan::default();
    let mut i = 0;
    while i < bytes.len() {
        let Some(rel) = memchr::memchr(b'<', bytes.get(i..).unwrap_or_default()) else {
            s.push_text(html.get(i..).unwrap_or_default());
            break;
        };
        let lt = i + rel;
        if lt > i {
            s.push_text(html.get(i..lt).unwrap_or_default());
        }
        let rest = bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(bytes.get(lt + 4..).unwrap_or_default(), b"-->")
                .map_or(bytes.len(), |p| lt + 4 + p + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', bytes.get(lt..).unwrap_or_default())
                .map_or(bytes.len(), |p| lt + p + 1);
            continue;
        }
        let Some((tag, end)) = parse_tag(html, lt) else {
            // A lone `<` in text.
            s.push_text("<");
            i = lt + 1;
            continue;
        };
        i = end.max(lt + 1);
        let name = tag.name.as_str();
        let is_block = BLOCK.contains(&name);

        if tag.closing {
            if let Some((skip_name, depth)) = s.skip.as_mut() {
                if skip_name == name {
                    *depth = depth.saturating_sub(1);
                    if *depth == 0 {
                        s.skip = None;
                    }
                }
                continue;
            }
            if is_block {
                s.flush();
            }
            if matches!(name, "article" | "main") {
                s.in_main = s.in_main.saturating_sub(1);
            }
            if name == "h1"
                && let Some(h1) = s.capturing_h1.take()
                && s.h1.is_none()
                && !h1.trim().is_empty()
            {
                s.h1 = Some(h1.trim().to_owned());
            }
            continue;
        }

        // An opening tag.
        match name {
            "meta" => {
                let key = tag
                    .attr("property")
                    .or_else(|| tag.attr("name"))
                    .or_else(|| tag.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, tag.attr("content")) {
                    s.meta
                        .push((key.to_ascii_lowercase(), decode_entities(content)));
                }
            }
            "link"
                if tag
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                s.canonical = tag.attr("href").map(decode_entities);
            }
            "time" => {
                if let Some(date) = tag.attr("datetime").and_then(parse_date_str) {
                    let marked = tag.attr("pubdate").is_some()
                        || tag
                            .attr("itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    let score = if marked {
                        3
                    } else if s.in_main > 0 {
                        2
                    } else {
                        u8::from(s.skip.is_none())
                    };
                    s.time_dates.push((date, score));
                }
            }
            "h1" if s.h1.is_none() => {
                s.capturing_h1 = Some(String::new());
            }
            _ => {}
        }

        if RAW_TEXT.contains(&name) && !tag.self_closing {
            let content_end = find_end_tag(html, i, name).unwrap_or(bytes.len());
            let content = html.get(i..content_end).unwrap_or_default();
            match name {
                "title" if s.title.is_none() => {
                    let mut t = String::new();
                    push_collapsed(&mut t, &decode_entities(content));
                    s.title = Some(t.trim().to_owned()).filter(|t| !t.is_empty());
                }
                "script"
                    if tag
                        .attr("type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
                {
                    s.ld_json.push(content.to_owned());
                }
                "textarea" | "xmp" => {}
                _ => {}
            }
            i = memchr::memchr(b'>', bytes.get(content_end..).unwrap_or_default())
                .map_or(bytes.len(), |p| content_end + p + 1);
            continue;
        }

        let void = VOID.contains(&name) || tag.self_closing;
        if let Some((skip_name, depth)) = s.skip.as_mut() {
            if skip_name == name && !void {
                *depth += 1;
            }
            continue;
        }
        if is_block {
            s.flush();
        }
        if void {
            continue;
        }
        let by_class = level == Drop::Furniture
            && !DROP_ALWAYS.contains(&name)
            && !DROP_FURNITURE.contains(&name)
            && is_furniture(&tag);
        s.dropped_by_class |= by_class;
        let drop = DROP_ALWAYS.contains(&name)
            || (level != Drop::Nothing && DROP_FURNITURE.contains(&name))
            || by_class;
        if drop {
            s.skip = Some((name.to_owned(), 1));
            continue;
        }
        if matches!(name, "article" | "main") {
            s.in_main += 1;
            s.saw_main = true;
        }
    }
    s.flush();
    let dropped_by_class = s.dropped_by_class;
    (finish(s), dropped_by_class)
}

fn finish(s: Scan) -> HtmlArticle {
    let main_len: usize = s
        .blocks
        .iter()
        .filter(|(_, m)| *m)
        .map(|(b, _)| b.len())
        .sum();
    let use_main = s.saw_main && main_len >= 200;
    let text = s
        .blocks
        .iter()
        .filter(|(_, m)| !use_main || *m)
        .map(|(b, _)| b.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");

    let meta = |key: &str| {
        s.meta
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
    };
    let ld = ld_json_fields(&s.ld_json);

    let published = META_DATES
        .iter()
        .take(3)
        .find_map(|k| meta(k).and_then(|v| parse_date_str(&v)))
        .or(ld.published)
        .or_else(|| {
            META_DATES
                .iter()
                .skip(3)
                .find_map(|k| meta(k).and_then(|v| parse_date_str(&v)))
        })
        .or_else(|| {
            // The best-scored `<time>`, the first of equals.
            let best = s.time_dates.iter().map(|(_, score)| *score).max()?;
            s.time_dates
                .iter()
                .find(|(_, score)| *score == best)
                .map(|(d, _)| *d)
        });

    let title = meta("og:title")
        .or_else(|| meta("twitter:title"))
        .or(ld.headline)
        .or(s.h1)
        .or_else(|| s.title.map(|t| strip_site_suffix(&t)));
    let url = meta("og:url").or(s.canonical).or(ld.url);
    HtmlArticle {
        text,
        title,
        url,
        published,
    }
}

/// `Headline | Site` → `Headline` (only ` | `, which is unambiguous; ` - ` may be the title's).
fn strip_site_suffix(title: &str) -> String {
    match title.rsplit_once(" | ") {
        Some((head, site)) if site.len() <= 40 && head.len() >= 10 => head.trim().to_owned(),
        _ => title.to_owned(),
    }
}

#[derive(Default)]
struct LdFields {
    published: Option<NaiveDate>,
    headline: Option<String>,
    url: Option<String>,
}

fn ld_json_fields(scripts: &[String]) -> LdFields {
    let mut out = LdFields::default();
    for script in scripts {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(script.trim()) {
            walk_ld(&value, &mut out, 0);
        }
    }
    out
}

fn walk_ld(v: &serde_json::Value, out: &mut LdFields, depth: usize) {
    if depth > 16 {
        return;
    }
    match v {
        serde_json::Value::Object(map) => {
            if out.published.is_none() {
                out.published = map
                    .get("datePublished")
                    .or_else(|| map.get("dateCreated"))
                    .and_then(serde_json::Value::as_str)
                    .and_then(parse_date_str);
            }
            if out.headline.is_none() {
                out.headline = map
                    .get("headline")
                    .and_then(serde_json::Value::as_str)
                    .map(|h| decode_entities(h.trim()))
                    .filter(|h| !h.is_empty());
            }
            if out.url.is_none() && out.headline.is_some() {
                out.url = map
                    .get("url")
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned);
            }
            for child in map.values() {
                walk_ld(child, out, depth + 1);
            }
        }
        serde_json::Value::Array(items) => {
            for child in items {
                walk_ld(child, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Decodes character references: numeric (`&#8217;`, `&#x2019;`) and the named ones news pages
/// use. Unknown names are kept as written.
#[must_use]
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| !c.is_ascii_alphanumeric() && *c != '#')
            .map(|(i, _)| i);
        let (name, consumed) = match end {
            Some(e) if after.get(e..).is_some_and(|r| r.starts_with(';')) => {
                (after.get(..e).unwrap_or_default(), e + 1)
            }
            // `&amp` without `;` is common in sloppy HTML.
            Some(e) => (after.get(..e).unwrap_or_default(), e),
            None => (after.get(..after.len().min(12)).unwrap_or_default(), 0),
        };
        if let Some(c) = entity_char(name).filter(|_| consumed > 0 || name.len() == after.len()) {
            out.push(c);
            rest = after.get(consumed.max(name.len())..).unwrap_or_default();
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn entity_char(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        // Windows-1252 code points that pages emit as numeric references.
        let code = match code {
            0x91 => 0x2018,
            0x92 => 0x2019,
            0x93 => 0x201C,
            0x94 => 0x201D,
            0x96 => 0x2013,
            0x97 => 0x2014,
            0x85 => 0x2026,
            0 => 0xFFFD,
            c => c,
        };
        return char::from_u32(code).or(Some('\u{FFFD}'));
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "sbquo" => '‚',
        "bdquo" => '„',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "times" => '×',
        "frac12" => '½',
        "thinsp" | "ensp" | "emsp" => ' ',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "shy" => '\u{AD}',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "ecirc" => 'ê',
        "iacute" => 'í',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "uacute" => 'ú',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character collapsing that [`push_collapsed`] does in runs.
    fn push_collapsed_by_char(out: &mut String, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn collapsing_in_runs_agrees_with_char_by_char(
            before in "[a ]{0,3}",
            text in "[ab \t\n\r\u{0B}\u{0C}\u{1}\u{7F}\u{A0}\u{2003}\u{3000}é.,]{0,30}",
        ) {
            let (mut ours, mut theirs) = (before.clone(), before);
            push_collapsed(&mut ours, &text);
            push_collapsed_by_char(&mut theirs, &text);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn collapsing_matches_a_char_by_char_copy() {
        for start in ["", "a", "a ", "a\n"] {
            for text in [
                "",
                " ",
                "  x  y ",
                "\t\u{B}\u{C}\r\n",
                "é\u{A0}ü\u{2003}\u{3000}z\u{85}",
                "Kim’s visit — “talks”  ended.",
                "\u{2028}\u{2029}\u{202F}\u{205F}\u{1680}",
            ] {
                let (mut a, mut b) = (start.to_owned(), start.to_owned());
                push_collapsed(&mut a, text);
                push_collapsed_by_char(&mut b, text);
                assert_eq!(a, b, "{start:?} {text:?}");
            }
        }
    }

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<meta charset="utf-8"><title>Kim meets Putin | Example News</title>
<meta property="og:title" content="Kim meets Putin in Vostochny">
<meta property="article:published_time" content="2023-09-13T08:00:00+09:00">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-09-12"}</script>
<style>p { color: red }</style></head>
<body><header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<article><h1>Kim meets Putin</h1>
<p>SEOUL, Sept. 13 (Yonhap) -- North Korean leader Kim Jong&nbsp;Un met Russian President
Vladimir Putin on Wednesday, the Kremlin said.</p>
<figure><img src="x.jpg"><figcaption>Kim and Putin. (Photo: KCNA via Reuters)</figcaption></figure>
<p>The talks lasted &ldquo;four hours&rdquo; &amp; ended with a dinner.<br>They discussed weapons.</p>
<div class="related-articles"><a href="/a">Related: Kim boards train</a></div>
<script>document.write("<p>not text</p>")</script>
</article><aside>Most read</aside><footer>&copy; 2024 Example</footer></body></html>"#;

    #[test]
    fn page_text_title_date() {
        let a = parse(PAGE);
        assert_eq!(a.title.as_deref(), Some("Kim meets Putin in Vostochny"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 9, 13));
        assert!(
            a.text
                .contains("Kim Jong Un met Russian President Vladimir Putin on Wednesday")
        );
        assert!(a.text.contains("“four hours” & ended"));
        assert!(a.text.contains("\n\nThey discussed weapons."));
        assert!(a.text.contains("(Photo: KCNA via Reuters)"));
        for gone in [
            "Home",
            "Related",
            "not text",
            "Most read",
            "2024 Example",
            "color",
        ] {
            assert!(!a.text.contains(gone), "{gone} in {}", a.text);
        }
    }

    #[test]
    fn date_fallbacks() {
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2024-01-16T10:00:00Z"}]}</script><p>x</p>"#;
        assert_eq!(parse(ld).published, NaiveDate::from_ymd_opt(2024, 1, 16));
        assert_eq!(parse(ld).title.as_deref(), Some("H"));
        let time = r#"<p>Posted <time datetime="2024-02-03">Feb 3</time></p>"#;
        assert_eq!(parse(time).published, NaiveDate::from_ymd_opt(2024, 2, 3));
        let meta = r#"<meta name="pubdate" content="20240304"><p>x</p>"#;
        assert_eq!(parse(meta).published, NaiveDate::from_ymd_opt(2024, 3, 4));
    }

    #[test]
    fn malformed_html_never_panics() {
        for bad in [
            "<",
            "<<<<",
            "<p",
            "<p class='x",
            "<!--",
            "<!-- never closed <p>text",
            "<script>",
            "<a href=\"x>text",
            "</",
            "</p>",
            "<nav><p>only nav text",
            "&",
            "&#",
            "&#x;",
            "&#99999999;",
            "&amp",
            "<p>é</p><",
            "<div><div><div>",
            "<p =x>y</p>",
            "<titl",
            "<title>t",
            "<script>a</scrip",
            "<<p>>text<</p>>",
            "\u{0}<p>\u{0}</p>",
        ] {
            let a = parse(bad);
            let _ = a.text.len();
        }
        assert_eq!(parse("<nav><p>only nav text").text, "only nav text");
        assert_eq!(
            parse("<a href=\"x>text</a><p>after</p>").text,
            "text\n\nafter"
        );
    }

    #[test]
    fn a_standfirst_is_no_part_of_the_story() {
        let page = "<article><h1>Protest</h1><p class=\"standfirst\">Manila lodges its 12th protest this year.</p><p>The Philippines accused China's coast guard of firing water cannon at two fisheries vessels on Sunday, officials said.</p><p>China rejected the protest.</p></article>";
        let a = parse(page);
        assert!(!a.text.contains("lodges"), "{}", a.text);
        assert!(a.text.contains("water cannon"), "{}", a.text);
    }

    #[test]
    fn a_furniture_class_on_the_wrapper_does_not_lose_the_article() {
        let page = "<div class=\"layout-with-sidebar\"><p>North Korea fired a missile on Tuesday, Seoul said, in its third launch this month.</p><p>Japan protested.</p></div><div class=\"sidebar\">Most read</div>";
        let a = parse(page);
        assert!(a.text.starts_with("North Korea fired"), "{}", a.text);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2019; &#150; &foo; &amp"),
            "a & b ’ ’ – &foo; &"
        );
        assert_eq!(decode_entities("AT&T"), "AT&T");
    }
}
