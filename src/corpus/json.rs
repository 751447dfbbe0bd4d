//! Scraper output as JSON: one object, an array of objects, an object holding an array
//! (`articles`, `items`, …), or JSON Lines (one object per line).
//!
//! Fields, first found wins: text in `text`, `maintext`, `content`, `body`, `article`,
//! `articleBody`, `raw_text` (trafilatura, newspaper3k/news-please, common CMS exports; HTML in
//! a text field is reduced to its visible text); title in `title`, `headline`; date in `date`,
//! `published`, `date_publish`, `publish_date`, `datePublished`, `published_at`, `publishedAt`,
//! `pubDate`, `date_published` (a string in any form [`parse_date_str`] reads, or a Unix
//! timestamp); URL in `url`, `link`, `source_url`, `sourceURL`, `canonical_url`, `source`.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::dateline::{date_from_timestamp, parse_date_str};
use super::decode::normalize_newlines;
use super::error::ReadError;

const TEXT_FIELDS: &[&str] = &[
    "text",
    "maintext",
    "content",
    "body",
    "article",
    "articleBody",
    "article_body",
    "raw_text",
    "fulltext",
    "full_text",
];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "date_publish",
    "publish_date",
    "datePublished",
    "published_at",
    "publishedAt",
    "pubDate",
    "pub_date",
    "date_published",
    "published_date",
    "publication_date",
    "created_at",
];
const URL_FIELDS: &[&str] = &[
    "url",
    "link",
    "source_url",
    "sourceURL",
    "canonical_url",
    "source",
];
const COLLECTION_FIELDS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "entries",
    "posts",
    "docs",
    "documents",
];

/// One article of a JSON file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonArticle {
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
}

/// How a JSON file holds its articles.
#[derive(Debug)]
pub enum JsonFile {
    /// One object: one article.
    Single(Result<JsonArticle, ReadError>),
    /// An array, a wrapped array or JSON Lines: one result per element, in file order.
    Collection(Vec<Result<JsonArticle, ReadError>>),
}

/// Reads the articles in a JSON or JSON Lines document.
///
/// # Errors
/// [`ReadError::Json`] when the text is neither JSON nor JSON Lines, [`ReadError::NoTextField`]
/// for a single object without text.
pub fn parse(text: &str) -> Result<JsonFile, ReadError> {
    let trimmed = text.trim_start_matches('\u{FEFF}').trim();
    match serde_json::from_str::<Value>(trimmed) {
        Ok(value) => from_value(value),
        Err(whole_err) => {
            let mut lines = trimmed
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .peekable();
            let first_is_object = lines
                .peek()
                .is_some_and(|l| serde_json::from_str::<Map<String, Value>>(l).is_ok());
            if !first_is_object {
                return Err(ReadError::Json(whole_err.to_string()));
            }
            Ok(JsonFile::Collection(
                lines
                    .map(|line| {
                        serde_json::from_str::<Value>(line)
                            .map_err(|e| ReadError::Json(e.to_string()))
                            .and_then(|v| article(&v))
                    })
                    .collect(),
            ))
        }
    }
}

fn from_value(value: Value) -> Result<JsonFile, ReadError> {
    match value {
        Value::Array(items) => Ok(JsonFile::Collection(items.iter().map(article).collect())),
        Value::Object(map) => {
            if has_text(&map) {
                return Ok(JsonFile::Single(article_from_map(&map)));
            }
            for key in COLLECTION_FIELDS {
                if let Some(Value::Array(items)) = map.get(*key) {
                    return Ok(JsonFile::Collection(items.iter().map(article).collect()));
                }
            }
            Err(ReadError::NoTextField)
        }
        Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null => Err(ReadError::Json(
            "the document is a single value, not an article object".to_owned(),
        )),
    }
}

fn has_text(map: &Map<String, Value>) -> bool {
    TEXT_FIELDS
        .iter()
        .any(|k| map.get(*k).is_some_and(|v| v.is_string() || v.is_array()))
}

fn article(value: &Value) -> Result<JsonArticle, ReadError> {
    match value {
        Value::Object(map) => article_from_map(map),
        _ => Err(ReadError::NoTextField),
    }
}

fn string_field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| map.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_owned)
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => {
            let parts: Vec<&str> = parts.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

fn looks_like_html(s: &str) -> bool {
    let lower_head: String = s
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_lowercase();
    lower_head.contains("</p>")
        || lower_head.contains("<br")
        || lower_head.contains("</div>")
        || lower_head.trim_start().starts_with("<p")
}

fn article_from_map(map: &Map<String, Value>) -> Result<JsonArticle, ReadError> {
    let raw = TEXT_FIELDS
        .iter()
        .filter_map(|k| map.get(*k).and_then(text_of))
        .find(|t| !t.trim().is_empty());
    let Some(raw) = raw else {
        return Err(if has_text(map) {
            ReadError::NoText
        } else {
            ReadError::NoTextField
        });
    };
    let text = if looks_like_html(&raw) {
        super::html::parse(&raw).text
    } else {
        normalize_newlines(raw)
    };
    if text.trim().is_empty() {
        return Err(ReadError::NoText);
    }
    let published = DATE_FIELDS.iter().find_map(|k| match map.get(*k)? {
        Value::String(s) => parse_date_str(s),
        Value::Number(n) => n.as_f64().and_then(date_from_timestamp),
        _ => None,
    });
    Ok(JsonArticle {
        text,
        title: string_field(map, TITLE_FIELDS),
        url: string_field(map, URL_FIELDS),
        published,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(s: &str) -> JsonArticle {
        match parse(s) {
            Ok(JsonFile::Single(Ok(a))) => a,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn trafilatura_and_newspaper() {
        let a = single(
            r#"{"title":"T","date":"2024-03-12","text":"Body.","source":"https://x.org/a"}"#,
        );
        assert_eq!(a.text, "Body.");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 3, 12));
        assert_eq!(a.url.as_deref(), Some("https://x.org/a"));
        let b = single(
            r#"{"headline":"H","date_publish":"2024-03-12 10:31:00","maintext":"M.","url":"u"}"#,
        );
        assert_eq!(
            (b.text.as_str(), b.published),
            ("M.", NaiveDate::from_ymd_opt(2024, 3, 12))
        );
        let c =
            single(r#"{"content":"<p>One.</p><p>Two &amp; three.</p>","publishedAt":1710239460}"#);
        assert_eq!(c.text, "One.\n\nTwo & three.");
        assert_eq!(c.published, NaiveDate::from_ymd_opt(2024, 3, 12));
    }

    #[test]
    fn collections() {
        let Ok(JsonFile::Collection(v)) = parse(r#"[{"text":"a"},{"nope":1},{"text":"c"},5]"#)
        else {
            panic!()
        };
        assert_eq!(v.len(), 4);
        assert!(v[0].is_ok() && v[1].is_err() && v[2].is_ok() && v[3].is_err());
        let Ok(JsonFile::Collection(v)) = parse("{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n{broken\n")
        else {
            panic!()
        };
        assert_eq!(v.len(), 3);
        assert!(v[2].is_err());
        let Ok(JsonFile::Collection(v)) = parse(r#"{"articles":[{"body":"x"}]}"#) else {
            panic!()
        };
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn errors() {
        assert!(matches!(
            parse("{\"text\": \"unterminated"),
            Err(ReadError::Json(_))
        ));
        assert!(matches!(
            parse("{\"title\": \"no text\"}"),
            Err(ReadError::NoTextField)
        ));
        assert!(matches!(parse("42"), Err(ReadError::Json(_))));
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_err());
    }
}
