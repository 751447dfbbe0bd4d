//! Saving the user's date corrections to `dateline.json` in the opened folder.
//!
//! Only the entry for the corrected article is touched; every other field of the file is
//! kept. A file that cannot be parsed is never replaced: the correction then stays for the
//! session and the user is told why. Writes are atomic ([`crate::write::write_atomic`]).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{Map, Value};

/// The sidecar file name.
pub const FILE_NAME: &str = "dateline.json";

/// Records `article`'s publication date in `folder/dateline.json`.
///
/// # Errors
/// A sentence naming the file when it is malformed or cannot be written.
pub fn save_date(folder: &Path, article: &str, date: NaiveDate) -> Result<PathBuf, String> {
    let path = folder.join(FILE_NAME);
    let mut root = match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str::<Value>(&text).map_err(|e| {
            format!(
                "{} is not valid JSON ({e}); it was left untouched and the date of {article} applies to this session only.",
                path.display()
            )
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Value::Object(Map::new()),
        Err(e) => return Err(format!("Could not read {}: {e}.", path.display())),
    };
    let Some(obj) = root.as_object_mut() else {
        return Err(format!(
            "{} does not hold a JSON object; it was left untouched.",
            path.display()
        ));
    };
    let articles = obj
        .entry("articles")
        .or_insert_with(|| Value::Object(Map::new()));
    let Some(articles) = articles.as_object_mut() else {
        return Err(format!(
            "\"articles\" in {} is not an object; it was left untouched.",
            path.display()
        ));
    };
    let entry = articles
        .entry(article.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    if let Some(e) = entry.as_object_mut() {
        e.insert("published".to_owned(), Value::String(date.to_string()));
    }
    let mut bytes = serde_json::to_vec_pretty(&root)
        .map_err(|e| format!("Could not encode {}: {e}.", path.display()))?;
    bytes.push(b'\n');
    crate::write::write_atomic(&path, &bytes).map_err(|e| format!("{e}."))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_one_entry_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        std::fs::write(
            &p,
            r#"{"articles": {"a.txt": {"published": "2024-01-01", "title": "A"}}, "x": 1}"#,
        )
        .unwrap();
        let d = NaiveDate::from_ymd_opt(2024, 5, 6).unwrap();
        save_date(dir.path(), "a.txt", d).unwrap();
        save_date(dir.path(), "b.txt", d).unwrap();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        assert_eq!(v["x"], 1);
        assert_eq!(v["articles"]["a.txt"]["title"], "A");
        assert_eq!(v["articles"]["a.txt"]["published"], "2024-05-06");
        assert_eq!(v["articles"]["b.txt"]["published"], "2024-05-06");
    }

    #[test]
    fn malformed_file_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        std::fs::write(&p, "{ broken").unwrap();
        let err = save_date(
            dir.path(),
            "a.txt",
            NaiveDate::from_ymd_opt(2024, 5, 6).unwrap(),
        )
        .unwrap_err();
        assert!(err.contains("left untouched"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "{ broken");
    }
}
