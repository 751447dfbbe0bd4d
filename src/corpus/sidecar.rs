//! `dateline.json`, the sidecar at a folder's root: publication dates, titles and URLs for the
//! articles beside it, and the user's corrections.
//!
//! ```json
//! {"articles": {"<path relative to the folder>": {"published": "YYYY-MM-DD", "title": "...", "url": "..."}}}
//! ```
//! Unknown fields (anywhere) survive a load/save round trip. A sidecar that cannot be parsed is
//! reported, never silently replaced: [`Sidecar::save`] first copies it to `dateline.json.bak`
//! (or `.bak.1`, `.bak.2`, … when a backup exists) and only then writes the new file, atomically.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
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
    /// The whole document, for a lossless round trip.
    doc: Map<String, Value>,
    entries: HashMap<String, SidecarEntry>,
    /// The bytes of a file that could not be parsed, to back up before any rewrite.
    unparsed: Option<Vec<u8>>,
    /// The file exists but could not be read: never overwrite it.
    unreadable: bool,
}

/// `a\b`, `./a/b` and `a/b` are the same key.
fn normalize_key(key: &str) -> String {
    let key = key.replace('\\', "/");
    key.strip_prefix("./").unwrap_or(&key).to_owned()
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
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{FEFF}');
        let parsed = serde_json::from_str::<Value>(text);
        let mut problems = Vec::new();
        match parsed {
            Ok(Value::Object(doc)) if doc.get("articles").is_none_or(Value::is_object) => {
                sidecar.doc = doc;
                problems.extend(sidecar.index(&shown));
            }
            Ok(_) => {
                problems.push(Problem {
                    path: shown.clone(),
                    message: format!(
                        "could not read `{shown}`: expected {{\"articles\": {{\"<path>\": {{\"published\": \"YYYY-MM-DD\"}}}}}}; it is kept as it is and backed up before any change"
                    ),
                });
                sidecar.unparsed = Some(bytes);
            }
            Err(e) => {
                problems.push(Problem {
                    path: shown.clone(),
                    message: format!(
                        "could not read `{shown}`: it is not valid JSON ({e}); it is kept as it is and backed up before any change"
                    ),
                });
                sidecar.unparsed = Some(bytes);
            }
        }
        (sidecar, problems)
    }

    fn index(&mut self, shown: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.entries.clear();
        let Some(Value::Object(articles)) = self.doc.get("articles") else {
            return problems;
        };
        for (key, value) in articles {
            let Value::Object(fields) = value else {
                problems.push(Problem {
                    path: shown.to_owned(),
                    message: format!(
                        "`{shown}`: the entry for `{key}` is not an object; it is ignored"
                    ),
                });
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
                        problems.push(Problem {
                            path: shown.to_owned(),
                            message: format!(
                                "`{shown}`: the published date {v} of `{key}` is not a valid YYYY-MM-DD date; it is ignored"
                            ),
                        });
                    }
                    parsed
                }
            };
            self.entries.insert(
                normalize_key(key),
                SidecarEntry {
                    published,
                    title: text("title"),
                    url: text("url"),
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
        self.entries.get(&normalize_key(rel))
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
        let key = normalize_key(rel);
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
            .entry(normalize_key(rel))
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
        self.entries.entry(normalize_key(rel)).or_default().title = title.map(str::to_owned);
    }

    /// The document as pretty JSON (2-space indented, trailing newline).
    #[must_use]
    pub fn to_json_string(&self) -> String {
        let mut s =
            serde_json::to_string_pretty(&Value::Object(self.doc.clone())).unwrap_or_default();
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
