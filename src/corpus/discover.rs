//! Finding article files: folders recursively (iteratively, so any depth is fine), single
//! files, hidden files and the sidecar skipped, symlink loops cut, every failure a problem.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::{Format, Problem, SIDECAR_NAME};

/// A file to read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileEntry {
    /// Absolute path (symlinks not resolved), used to open the file.
    pub path: PathBuf,
    /// The folder given (or, for a file given alone, its folder): where the sidecar is.
    pub root: PathBuf,
    /// Path relative to `root`, `/`-separated; non-UTF-8 names are shown lossily. This is
    /// the article's path and its sidecar key.
    pub rel: String,
    /// Named by the user (not found in a folder): an unsupported extension is then a problem.
    pub explicit: bool,
}

fn problem(path: &str, message: String) -> Problem {
    Problem {
        path: path.to_owned(),
        message,
    }
}

fn is_hidden(name: &OsString) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn is_sidecar(name: &OsString) -> bool {
    name.to_str().is_some_and(|n| {
        n.eq_ignore_ascii_case(SIDECAR_NAME)
            || n.to_ascii_lowercase().starts_with("dateline.json.bak")
    })
}

/// Lists the article files under `paths`, in a deterministic order (each path in turn, a
/// folder's files sorted by path), with a problem for each path or folder that could not be
/// read. Files with other extensions inside folders are skipped silently; a file named
/// explicitly with an unsupported extension is a problem. A file reached twice is listed once.
#[must_use]
pub fn discover(paths: &[PathBuf]) -> (Vec<FileEntry>, Vec<Problem>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let mut seen_files = HashSet::new();
    for given in paths {
        let shown = given.display().to_string();
        let abs = std::path::absolute(given).unwrap_or_else(|_| given.clone());
        match std::fs::metadata(&abs) {
            Err(e) => problems.push(problem(&shown, format!("could not read `{shown}`: {e}"))),
            Ok(meta) if meta.is_dir() => {
                let mut found = walk(&abs, &mut problems);
                found.retain(|e| seen_files.insert(e.path.clone()));
                entries.extend(found);
            }
            Ok(meta) if meta.is_file() => {
                // The sidecar named with its articles is read as their sidecar, not an article.
                if abs
                    .file_name()
                    .is_some_and(|n| is_sidecar(&n.to_os_string()))
                {
                    continue;
                }
                let rel = abs
                    .file_name()
                    .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
                if Format::of(&abs).is_none() && abs.extension().is_some() {
                    problems.push(super::ReadError::Unsupported.into_problem(&rel));
                    continue;
                }
                let root = abs.parent().map_or_else(|| abs.clone(), Path::to_path_buf);
                if seen_files.insert(abs.clone()) {
                    entries.push(FileEntry {
                        path: abs,
                        root,
                        rel,
                        explicit: true,
                    });
                }
            }
            Ok(_) => problems.push(problem(
                &shown,
                format!("could not read `{shown}`: it is neither a regular file nor a folder"),
            )),
        }
    }
    (entries, problems)
}

/// Walks `root` with an explicit stack. Returns its article files sorted by relative path.
fn walk(root: &Path, problems: &mut Vec<Problem>) -> Vec<FileEntry> {
    let mut found: Vec<(Vec<OsString>, FileEntry)> = Vec::new();
    let mut visited: HashSet<PathBuf> = HashSet::new();
    // (folder, its components relative to root)
    let mut stack: Vec<(PathBuf, Vec<OsString>)> = vec![(root.to_path_buf(), Vec::new())];
    while let Some((dir, rel)) = stack.pop() {
        let shown_dir = if rel.is_empty() {
            root.display().to_string()
        } else {
            join_lossy(&rel)
        };
        match std::fs::canonicalize(&dir) {
            Ok(canonical) => {
                if !visited.insert(canonical) {
                    problems.push(problem(
                        &shown_dir,
                        format!(
                            "skipped the folder `{shown_dir}`: it links back to a folder already read (a symlink loop or a duplicate link)"
                        ),
                    ));
                    continue;
                }
            }
            Err(e) => {
                problems.push(problem(
                    &shown_dir,
                    format!("could not open the folder `{shown_dir}`: {e}"),
                ));
                continue;
            }
        }
        let read = match std::fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(
                    &shown_dir,
                    format!("could not open the folder `{shown_dir}`: {e}"),
                ));
                continue;
            }
        };
        let mut children: Vec<(OsString, PathBuf)> = Vec::new();
        for item in read {
            match item {
                Ok(item) => children.push((item.file_name(), item.path())),
                Err(e) => problems.push(problem(
                    &shown_dir,
                    format!("could not list everything in the folder `{shown_dir}`: {e}"),
                )),
            }
        }
        children.sort();
        let mut subdirs = Vec::new();
        for (name, path) in children {
            if is_hidden(&name) {
                continue;
            }
            let mut child_rel = rel.clone();
            child_rel.push(name.clone());
            let shown = join_lossy(&child_rel);
            // Follows symlinks: a link to a file is read as that file.
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink());
                    let message = if is_link {
                        format!(
                            "could not read `{shown}`: it is a link to something that does not exist or cannot be reached ({e})"
                        )
                    } else {
                        format!("could not read `{shown}`: {e}")
                    };
                    problems.push(problem(&shown, message));
                    continue;
                }
            };
            if meta.is_dir() {
                subdirs.push((path, child_rel));
            } else if let Some(kind) = document_format(&path) {
                problems.push(problem(
                    &shown,
                    format!(
                        "could not read `{shown}`: it is a {kind}; Dateline reads text, Markdown, HTML and JSON articles (convert it to one of those first)"
                    ),
                ));
            } else if Format::of(&path).is_some() && !is_sidecar(&name) {
                if meta.is_file() {
                    found.push((
                        child_rel,
                        FileEntry {
                            path,
                            root: root.to_path_buf(),
                            rel: shown,
                            explicit: false,
                        },
                    ));
                } else {
                    problems.push(problem(
                        &shown,
                        format!("could not read `{shown}`: it is not a regular file (a pipe, socket or device)"),
                    ));
                }
            }
        }
        // Reverse so the first subfolder is walked first (the order is fixed by the final sort
        // anyway; this keeps problems in a natural order).
        stack.extend(subdirs.into_iter().rev());
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, e)| e).collect()
}

/// Document formats a user may expect to be read: reported rather than skipped silently.
fn document_format(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "pdf" => "PDF document",
        "doc" | "docx" => "Word document",
        "odt" => "OpenDocument text",
        "rtf" => "RTF document",
        "epub" => "EPUB book",
        "pages" => "Pages document",
        "mht" | "mhtml" | "webarchive" => "saved web archive",
        _ => return None,
    })
}

fn join_lossy(parts: &[OsString]) -> String {
    let mut s = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            s.push('/');
        }
        s.push_str(&p.to_string_lossy());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_hidden_and_sidecar_skipped() {
        let d = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = d.path();
        for f in [
            "b.txt",
            "a.md",
            ".hidden.txt",
            "dateline.json",
            "x.pdf",
            "sub/c.html",
            ".git/d.txt",
            "sub/z/e.json",
        ] {
            let path = p.join(f);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_default();
            }
            std::fs::write(path, "x").unwrap_or_default();
        }
        let (entries, problems) = discover(&[p.to_path_buf()]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("`x.pdf`: it is a PDF document"),
            "{problems:?}"
        );
        let rels: Vec<&str> = entries.iter().map(|e| e.rel.as_str()).collect();
        assert_eq!(rels, ["a.md", "b.txt", "sub/c.html", "sub/z/e.json"]);
        assert!(entries.iter().all(|e| e.root == p && e.path.is_absolute()));
        let (single, problems) =
            discover(&[p.join("x.pdf"), p.join("b.txt"), p.join("missing.txt")]);
        assert_eq!(single.len(), 1);
        assert_eq!(single[0].rel, "b.txt");
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
