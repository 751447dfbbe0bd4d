//! `dateline.json`, the sidecar at a folder's root: publication dates, titles and URLs for the
//! articles beside it, and the user's corrections.
//!
//! ```json
//! {"articles": {"<path relative to the folder>": {"published": "YYYY-MM-DD", "title": "...", "url": "..."}}}
//! ```
//! Unknown fields (anywhere) survive a load/save round trip. A sidecar that cannot be parsed is
//! reported, never silently replaced: [`Sidecar::save`] first copies it to `dateline.json.bak`
//! (or `.bak.1`, `.bak.2`, … when a backup exists) and only then writes the new file, atomically.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::Problem;
use super::dateline::parse_date_str;

/// The sidecar's file name.
pub const SIDECAR_NAME: &str = "dateline.json";

/// What the sidecar says about one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SidecarEntry {
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Why the sidecar could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    #[error("could not save `{}`: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not back up the unreadable `{}` before replacing it: {source}", path.display())]
    Backup {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("this sidecar has no folder to be saved in")]
    NoPath,
    #[error("`{}` could not be read when loading, so it is not overwritten; check its permissions", path.display())]
    Unreadable { path: PathBuf },
}

/// A folder's `dateline.json`, loaded (or empty when there is none).
#[derive(Clone, Debug, Default)]
pub struct Sidecar {
    path: Option<PathBuf>,
    /// The whole document, for a lossless round trip; while `source` is set, not parsed yet.
    doc: Map<String, Value>,
    /// The text of the file as loaded: parsed into `doc` only when the sidecar is changed or
    /// written (loading reads only the entries, which is several times cheaper).
    source: Option<String>,
    entries: HashMap<String, SidecarEntry>,
    /// The bytes of a file that could not be parsed, to back up before any rewrite.
    unparsed: Option<Vec<u8>>,
    /// The file exists but could not be read: never overwrite it.
    unreadable: bool,
}

/// `a\b`, `./a/b` and `a/b` are the same key.
fn normalize_key(key: &str) -> Cow<'_, str> {
    if key.contains('\\') {
        let key = key.replace('\\', "/");
        Cow::Owned(key.strip_prefix("./").unwrap_or(&key).to_owned())
    } else {
        Cow::Borrowed(key.strip_prefix("./").unwrap_or(key))
    }
}

/// The sidecar's text without the byte order marks before it.
fn without_bom(text: &str) -> &str {
    text.trim_start_matches('\u{FEFF}')
}

/// The document's object, parsed from the text of a sidecar that loaded (empty if it does not
/// parse, which cannot happen for a text [`Sidecar::load`] accepted).
fn parse_doc(source: &str) -> Map<String, Value> {
    match serde_json::from_str::<Value>(without_bom(source)) {
        Ok(Value::Object(doc)) => doc,
        _ => Map::new(),
    }
}

/// A JSON value as loading reads it: a string (borrowed from the file where it has no
/// escapes), an object read as `T`, or anything else kept as a [`Value`]. Every value is
/// parsed exactly as `serde_json::Value` parses it, so a file gives the same errors as when
/// it was read as a `Value`.
enum Node<'a, T> {
    Str(Cow<'a, str>),
    Object(T),
    Other(Value),
}

/// Reading a JSON object into `T`, consuming all of it.
trait FromObject<'de>: Sized {
    fn from_object<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

impl<'de> FromObject<'de> for Value {
    fn from_object<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map))
    }
}

impl<'de, T: FromObject<'de>> Deserialize<'de> for Node<'de, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor(PhantomData))
    }
}

struct NodeVisitor<T>(PhantomData<T>);

impl<'de, T: FromObject<'de>> Visitor<'de> for NodeVisitor<T> {
    type Value = Node<'de, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Node::Other(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Node::Other(Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Node::Other(Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Node::Other(Value::from(v)))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Node::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Node::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Node::Str(Cow::Owned(v)))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Node::Other(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Node::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_object(map).map(Node::Object)
    }
}

impl Node<'_, Value> {
    /// The value as compact JSON, for a message.
    fn shown(&self) -> String {
        match self {
            Node::Str(s) => Value::String(s.to_string()).to_string(),
            Node::Object(v) | Node::Other(v) => v.to_string(),
        }
    }
}

/// An object key, borrowed from the file where it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The top-level object: only `articles` is read (the last one when the key repeats, as in a
/// `Value`); other members are parsed and dropped.
struct TopObject<'a> {
    articles: Option<Node<'a, Articles<'a>>>,
}

impl<'de> FromObject<'de> for TopObject<'de> {
    fn from_object<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut articles = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if key.0 == "articles" {
                articles = Some(map.next_value()?);
            } else {
                map.next_value::<Value>()?;
            }
        }
        Ok(Self { articles })
    }
}

/// The `articles` object: its members sorted by key, the last one kept for a repeated key
/// (the order and choice of a `serde_json::Map`).
struct Articles<'a>(Vec<(Cow<'a, str>, Node<'a, RawEntry<'a>>)>);

impl<'de> FromObject<'de> for Articles<'de> {
    fn from_object<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut members: Vec<(Cow<'de, str>, Node<'de, RawEntry<'de>>)> = Vec::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            members.push((key.0, map.next_value()?));
        }
        // A stable sort keeps repeated keys in file order: keep the last of each run.
        members.sort_by(|a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(Cow<'de, str>, Node<'de, RawEntry<'de>>)> =
            Vec::with_capacity(members.len());
        for member in members {
            match kept.last_mut() {
                Some(last) if last.0 == member.0 => *last = member,
                _ => kept.push(member),
            }
        }
        Ok(Self(kept))
    }
}

/// One entry's fields that loading uses; other members are parsed and dropped.
#[derive(Default)]
struct RawEntry<'a> {
    published: Option<Node<'a, Value>>,
    title: Option<Node<'a, Value>>,
    url: Option<Node<'a, Value>>,
}

impl<'de> FromObject<'de> for RawEntry<'de> {
    fn from_object<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut entry = Self::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let slot = match key.0.as_ref() {
                "published" => &mut entry.published,
                "title" => &mut entry.title,
                "url" => &mut entry.url,
                _ => {
                    map.next_value::<Value>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(entry)
    }
}

/// A string field, trimmed, when it is a non-empty string.
fn text_field(field: Option<&Node<'_, Value>>) -> Option<String> {
    match field {
        Some(Node::Str(s)) => Some(s.trim()).filter(|t| !t.is_empty()).map(str::to_owned),
        _ => None,
    }
}

impl Sidecar {
    /// A sidecar with no entries and no file.
    #[must_use]
    pub fn empty() -> Self {
        Self::default()
    }

    /// Loads `root/dateline.json`. A missing file gives an empty sidecar that can still be saved
    /// there; an unreadable or malformed one gives an empty sidecar, a problem, and a backup on
    /// the next save. Entries with impossible dates are ignored with a problem each.
    #[must_use]
    pub fn load(root: &Path) -> (Self, Vec<Problem>) {
        let path = root.join(SIDECAR_NAME);
        let mut sidecar = Self {
            path: Some(path.clone()),
            ..Self::default()
        };
        let shown = path.display().to_string();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (sidecar, Vec::new()),
            Err(e) => {
                let problem = Problem {
                    path: shown.clone(),
                    message: format!(
                        "could not read `{shown}`: {e}; article dates from it are missing"
                    ),
                };
                // Unreadable: it cannot be backed up, so it is never overwritten.
                sidecar.unreadable = true;
                return (sidecar, vec![problem]);
            }
        };
        // Checking UTF-8 first is much cheaper than a lossy conversion of valid text.
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(&bytes),
        };
        let parsed = serde_json::from_str::<Node<'_, TopObject<'_>>>(without_bom(&text));
        let problem = match parsed {
            Ok(Node::Object(TopObject { articles: None })) => None,
            Ok(Node::Object(TopObject {
                articles: Some(Node::Object(articles)),
            })) => {
                let problems = sidecar.index(articles, &shown);
                sidecar.source = Some(text.into_owned());
                return (sidecar, problems);
            }
            Ok(_) => Some(Problem {
                path: shown.clone(),
                message: format!(
                    "could not read `{shown}`: expected {{\"articles\": {{\"<path>\": {{\"published\": \"YYYY-MM-DD\"}}}}}}; it is kept as it is and backed up before any change"
                ),
            }),
            Err(e) => Some(Problem {
                path: shown.clone(),
                message: format!(
                    "could not read `{shown}`: it is not valid JSON ({e}); it is kept as it is and backed up before any change"
                ),
            }),
        };
        match problem {
            None => {
                sidecar.source = Some(text.into_owned());
                (sidecar, Vec::new())
            }
            Some(p) => {
                sidecar.unparsed = Some(bytes);
                (sidecar, vec![p])
            }
        }
    }

    /// Indexes the entries of the `articles` object, in key order (later entries win when two
    /// keys name the same file); returns the problems of entries that are ignored.
    fn index(&mut self, articles: Articles<'_>, shown: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.entries.clear();
        self.entries.reserve(articles.0.len());
        for (key, value) in articles.0 {
            let Node::Object(fields) = value else {
                problems.push(Problem {
                    path: shown.to_owned(),
                    message: format!(
                        "`{shown}`: the entry for `{key}` is not an object; it is ignored"
                    ),
                });
                continue;
            };
            let published = match &fields.published {
                None | Some(Node::Other(Value::Null)) => None,
                Some(Node::Str(s)) if s.trim().is_empty() => None,
                Some(v) => {
                    let parsed = match v {
                        Node::Str(s) => parse_date_str(s),
                        _ => None,
                    };
                    if parsed.is_none() {
                        problems.push(Problem {
                            path: shown.to_owned(),
                            message: format!(
                                "`{shown}`: the published date {} of `{key}` is not a valid YYYY-MM-DD date; it is ignored",
                                v.shown()
                            ),
                        });
                    }
                    parsed
                }
            };
            self.entries.insert(
                normalize_key(&key).into_owned(),
                SidecarEntry {
                    published,
                    title: text_field(fields.title.as_ref()),
                    url: text_field(fields.url.as_ref()),
                },
            );
        }
        problems
    }

    /// Where this sidecar is saved, if anywhere.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the file exists but could not be parsed (it will be backed up on save).
    #[must_use]
    pub fn is_malformed(&self) -> bool {
        self.unparsed.is_some() || self.unreadable
    }

    /// The entry for an article path relative to the folder (`a/b.txt`, `c.json#2`).
    #[must_use]
    pub fn get(&self, rel: &str) -> Option<&SidecarEntry> {
        self.entries.get(normalize_key(rel).as_ref())
    }

    /// The number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn entry_object(&mut self, rel: &str) -> &mut Map<String, Value> {
        let key = normalize_key(rel).into_owned();
        if let Some(source) = self.source.take() {
            self.doc = parse_doc(&source);
        }
        let articles = self
            .doc
            .entry("articles")
            .or_insert_with(|| Value::Object(Map::new()));
        if !articles.is_object() {
            *articles = Value::Object(Map::new());
        }
        let Value::Object(articles) = articles else {
            unreachable!("articles was just made an object")
        };
        let entry = articles
            .entry(key)
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        match entry {
            Value::Object(m) => m,
            _ => unreachable!("entry was just made an object"),
        }
    }

    /// Records the user's publication date for `rel` (`None` removes it).
    pub fn set_published(&mut self, rel: &str, date: Option<NaiveDate>) {
        let obj = self.entry_object(rel);
        match date {
            Some(d) => {
                obj.insert(
                    "published".into(),
                    Value::String(d.format("%Y-%m-%d").to_string()),
                );
            }
            None => {
                obj.remove("published");
            }
        }
        self.entries
            .entry(normalize_key(rel).into_owned())
            .or_default()
            .published = date;
    }

    /// Records the user's title for `rel` (`None` removes it).
    pub fn set_title(&mut self, rel: &str, title: Option<&str>) {
        let title = title.map(str::trim).filter(|t| !t.is_empty());
        let obj = self.entry_object(rel);
        match title {
            Some(t) => {
                obj.insert("title".into(), Value::String(t.to_owned()));
            }
            None => {
                obj.remove("title");
            }
        }
        self.entries
            .entry(normalize_key(rel).into_owned())
            .or_default()
            .title = title.map(str::to_owned);
    }

    /// The document as pretty JSON (2-space indented, trailing newline).
    #[must_use]
    pub fn to_json_string(&self) -> String {
        let doc = match &self.source {
            Some(source) => parse_doc(source),
            None => self.doc.clone(),
        };
        let mut s = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Writes the sidecar atomically; a malformed original is first copied to a backup.
    ///
    /// # Errors
    /// When the backup or the write fails; the old file is then intact.
    pub fn save(&mut self) -> Result<(), SidecarError> {
        let path = self.path.clone().ok_or(SidecarError::NoPath)?;
        if self.unreadable {
            return Err(SidecarError::Unreadable { path });
        }
        if let Some(original) = &self.unparsed {
            let backup = free_backup_path(&path);
            crate::write::write_atomic(&backup, original).map_err(|source| {
                SidecarError::Backup {
                    path: backup.clone(),
                    source,
                }
            })?;
        }
        crate::write::write_atomic(&path, self.to_json_string().as_bytes()).map_err(|source| {
            SidecarError::Write {
                path: path.clone(),
                source,
            }
        })?;
        self.unparsed = None;
        Ok(())
    }
}

fn free_backup_path(path: &Path) -> PathBuf {
    let base = format!("{}.bak", path.display());
    let first = PathBuf::from(&base);
    if !first.exists() {
        return first;
    }
    (1..u32::MAX)
        .map(|n| PathBuf::from(format!("{base}.{n}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
    }

    #[test]
    fn round_trip_keeps_unknown_fields() {
        let d = dir();
        let original = r#"{"version": 2, "articles": {"a.txt": {"published": "2024-04-24", "note": "x"}, "./b\\c.txt": {"title": "B"}}, "extra": [1]}"#;
        std::fs::write(d.path().join(SIDECAR_NAME), original).unwrap_or_default();
        let (mut s, problems) = Sidecar::load(d.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            s.get("a.txt").and_then(|e| e.published),
            NaiveDate::from_ymd_opt(2024, 4, 24)
        );
        assert_eq!(
            s.get("b/c.txt").and_then(|e| e.title.clone()).as_deref(),
            Some("B")
        );
        s.set_published("a.txt", NaiveDate::from_ymd_opt(2024, 4, 25));
        s.set_title("new.txt", Some("New"));
        assert!(s.save().is_ok());
        let saved: Value = serde_json::from_str(
            &std::fs::read_to_string(d.path().join(SIDECAR_NAME)).unwrap_or_default(),
        )
        .unwrap_or_default();
        assert_eq!(saved["version"], 2);
        assert_eq!(saved["extra"][0], 1);
        assert_eq!(saved["articles"]["a.txt"]["note"], "x");
        assert_eq!(saved["articles"]["a.txt"]["published"], "2024-04-25");
        assert_eq!(saved["articles"]["new.txt"]["title"], "New");
        assert!(!d.path().join("dateline.json.bak").exists());
    }

    #[test]
    fn malformed_is_reported_kept_and_backed_up() {
        let d = dir();
        let broken = b"{\"articles\": {\"a.txt\": {\"published\": \"2024-";
        std::fs::write(d.path().join(SIDECAR_NAME), broken).unwrap_or_default();
        let (mut s, problems) = Sidecar::load(d.path());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("not valid JSON"),
            "{problems:?}"
        );
        assert!(s.is_malformed());
        // Loading did not touch it.
        assert_eq!(
            std::fs::read(d.path().join(SIDECAR_NAME)).unwrap_or_default(),
            broken
        );
        s.set_published("a.txt", NaiveDate::from_ymd_opt(2024, 1, 2));
        assert!(s.save().is_ok());
        assert_eq!(
            std::fs::read(d.path().join("dateline.json.bak")).unwrap_or_default(),
            broken
        );
        let (again, problems) = Sidecar::load(d.path());
        assert!(problems.is_empty());
        assert_eq!(
            again.get("a.txt").and_then(|e| e.published),
            NaiveDate::from_ymd_opt(2024, 1, 2)
        );
        // A second broken file gets its own backup.
        std::fs::write(d.path().join(SIDECAR_NAME), b"[]").unwrap_or_default();
        let (mut s, problems) = Sidecar::load(d.path());
        assert_eq!(problems.len(), 1);
        assert!(s.save().is_ok());
        assert_eq!(
            std::fs::read(d.path().join("dateline.json.bak.1")).unwrap_or_default(),
            b"[]"
        );
    }

    /// What loading gave before it read entries straight from the text: the problems and the
    /// entries, from a `serde_json::Value`.
    fn load_via_value(text: &str, shown: &str) -> (Vec<String>, Vec<(String, SidecarEntry)>) {
        let mut problems = Vec::new();
        let mut entries = HashMap::new();
        match serde_json::from_str::<Value>(without_bom(text)) {
            Ok(Value::Object(doc)) if doc.get("articles").is_none_or(Value::is_object) => {
                if let Some(Value::Object(articles)) = doc.get("articles") {
                    for (key, value) in articles {
                        let Value::Object(fields) = value else {
                            problems.push(format!(
                                "`{shown}`: the entry for `{key}` is not an object; it is ignored"
                            ));
                            continue;
                        };
                        let text = |k: &str| {
                            fields
                                .get(k)
                                .and_then(Value::as_str)
                                .map(str::trim)
                                .filter(|s| !s.is_empty())
                                .map(str::to_owned)
                        };
                        let published = match fields.get("published") {
                            None | Some(Value::Null) => None,
                            Some(Value::String(s)) if s.trim().is_empty() => None,
                            Some(v) => {
                                let parsed = v.as_str().and_then(parse_date_str);
                                if parsed.is_none() {
                                    problems.push(format!(
                                        "`{shown}`: the published date {v} of `{key}` is not a valid YYYY-MM-DD date; it is ignored"
                                    ));
                                }
                                parsed
                            }
                        };
                        entries.insert(
                            normalize_key(key).into_owned(),
                            SidecarEntry {
                                published,
                                title: text("title"),
                                url: text("url"),
                            },
                        );
                    }
                }
            }
            Ok(_) => problems.push(format!(
                "could not read `{shown}`: expected {{\"articles\": {{\"<path>\": {{\"published\": \"YYYY-MM-DD\"}}}}}}; it is kept as it is and backed up before any change"
            )),
            Err(e) => problems.push(format!(
                "could not read `{shown}`: it is not valid JSON ({e}); it is kept as it is and backed up before any change"
            )),
        }
        let mut entries: Vec<(String, SidecarEntry)> = entries.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        (problems, entries)
    }

    #[test]
    fn loading_matches_reading_a_value() {
        let d = dir();
        let path = d.path().join(SIDECAR_NAME);
        let shown = path.display().to_string();
        let cases: &[&str] = &[
            "",
            "   ",
            "null",
            "[]",
            "[1, {\"a\": 2}]",
            "\"articles\"",
            "{}",
            "\u{FEFF}{}",
            "\u{FEFF}\u{FEFF}{\"articles\": {}}",
            "{\"articles\": []}",
            "{\"articles\": null}",
            "{\"articles\": {}, \"articles\": 3}",
            "{\"articles\": 3, \"articles\": {\"a.txt\": {\"published\": \"2024-01-02\"}}}",
            "{\"articles\": {\"b.txt\": 1, \"a.txt\": [1], \"c.txt\": \"x\", \"d.txt\": null, \"e.txt\": true}}",
            "{\"articles\": {\"a.txt\": {\"published\": \"2024-01-02\"}, \"a.txt\": {\"title\": \"Second\"}}}",
            "{\"articles\": {\"a.txt\": {\"published\": \"2024-01-02\", \"published\": \"2024-02-30\"}}}",
            "{\"articles\": {\"./a.txt\": {\"title\": \"One\"}, \"a.txt\": {\"title\": \"Two\"}, \"a\\\\b.txt\": {\"url\": \" u \"}, \"a/b.txt\": {\"url\": \"v\"}}}",
            "{\"articles\": {\"\\u0061.txt\": {\"title\": \"Esc\\u00e9\\n\", \"url\": 5}}}",
            "{\"articles\": {\"a.txt\": {\"published\": 20240102, \"title\": [\"t\"], \"url\": {\"x\": 1}}}}",
            "{\"articles\": {\"a.txt\": {\"published\": {\"y\": 2024, \"s\": \"\\\"q\"}}}}",
            "{\"articles\": {\"a.txt\": {\"published\": [2024, 1.5, -3, true, null]}}}",
            "{\"articles\": {\"a.txt\": {\"published\": \"  \"}, \"b.txt\": {\"published\": \"2024-13-01\"}}}",
            "{\"articles\": {\"a.txt\": {\"published\": \"March 12, 2024\", \"title\": \"  \", \"note\": 1e400}}}",
            "{\"articles\": {\"a.txt\": {\"note\": \"\\ud800\"}}}",
            "{\"articles\": {\"a.txt\": {\"title\": \"\\ud800\"}}}",
            "{\"x\": 1e400, \"articles\": {}}",
            "{\"articles\": {\"a.txt\": {}}} trailing",
            "{\"articles\": {\"a.txt\": {\"published\": \"2024-01-02\",}}}",
            "{\"articles\": {\"a.txt\": {\"published\": \"2024-",
            "{\"articles\": {1: 2}}",
            "{\"articles\": {\"a.txt\": {\"title\": \"tab\there\"}}}",
            "{\"articles\": 5, \"broken\": }",
        ];
        let deep = format!(
            "{{\"articles\": {{\"a\": {}{}}}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let deep_ok = format!(
            "{{\"articles\": {{\"a\": {{\"x\": {}{}}}}}}}",
            "[".repeat(100),
            "]".repeat(100)
        );
        for text in cases
            .iter()
            .copied()
            .chain([deep.as_str(), deep_ok.as_str()])
        {
            std::fs::write(&path, text).unwrap_or_default();
            let (s, problems) = Sidecar::load(d.path());
            let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
            let mut entries: Vec<(String, SidecarEntry)> = s
                .entries
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!((messages, entries), load_via_value(text, &shown), "{text}");
            assert_eq!(
                s.is_malformed(),
                load_via_value(text, &shown)
                    .0
                    .first()
                    .is_some_and(|m| m.starts_with("could not read")),
                "{text}"
            );
        }
        // Invalid UTF-8 is read lossily, as before.
        std::fs::write(
            &path,
            b"{\"articles\": {\"a\xFF.txt\": {\"title\": \"T\"}}}",
        )
        .unwrap_or_default();
        let (s, problems) = Sidecar::load(d.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            s.get("a\u{FFFD}.txt").and_then(|e| e.title.as_deref()),
            Some("T")
        );
    }

    #[test]
    fn unchanged_sidecar_saves_its_document() {
        let d = dir();
        let original = "\u{FEFF}{\"articles\": {\"b.txt\": {\"x\": [1, 2]}, \"a.txt\": {\"published\": \"2024-01-02\"}}, \"v\": 1}";
        std::fs::write(d.path().join(SIDECAR_NAME), original).unwrap_or_default();
        let (mut s, problems) = Sidecar::load(d.path());
        assert!(problems.is_empty(), "{problems:?}");
        let expected = serde_json::to_string_pretty(
            &serde_json::from_str::<Value>(without_bom(original)).unwrap_or_default(),
        )
        .unwrap_or_default()
            + "\n";
        assert_eq!(s.to_json_string(), expected);
        assert!(s.save().is_ok());
        assert_eq!(
            std::fs::read_to_string(d.path().join(SIDECAR_NAME)).unwrap_or_default(),
            expected
        );
    }

    #[test]
    fn bad_dates_are_reported() {
        let d = dir();
        std::fs::write(
            d.path().join(SIDECAR_NAME),
            r#"{"articles": {"a.txt": {"published": "2024-02-30"}, "b.txt": 5, "c.txt": {"published": null}}}"#,
        )
        .unwrap_or_default();
        let (s, problems) = Sidecar::load(d.path());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(s.get("a.txt").and_then(|e| e.published), None);
        assert!(s.get("c.txt").is_some());
    }
}
