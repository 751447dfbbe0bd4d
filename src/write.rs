//! Atomic file writes: everything Dateline writes goes through here.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written,
/// flushed and synced, then renamed over `path`. On any failure the old file is intact.
///
/// # Errors
/// Returns an error naming the file when the folder is not writable, the disk is full, or
/// the rename fails; the message says that an existing file was left unchanged.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomic`], but `fill` streams the content into the temporary file, so large
/// exports need not be held in memory.
///
/// # Errors
/// As [`write_atomic`], and whatever error `fill` returns (with the file named).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = temporary_path(dir, path);
    let result = write_then_rename(&tmp, path, fill);
    if result.is_err() {
        // The temporary file may not exist (it failed to be created); nothing to report then.
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| {
        let kept = if path.exists() {
            "; the existing file was left unchanged"
        } else {
            ""
        };
        std::io::Error::new(
            e.kind(),
            format!("could not write {}: {e}{kept}", path.display()),
        )
    })?;
    sync_dir(dir);
    Ok(())
}

/// A fresh hidden name beside `path`, unique per process and call.
fn temporary_path(dir: &Path, path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

fn write_then_rename(
    tmp: &Path,
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)?;
    // Keep the permissions of the file being replaced (for example a shared, group-writable
    // export); a new file gets the usual defaults.
    if let Ok(meta) = std::fs::metadata(path) {
        file.set_permissions(meta.permissions())?;
    }
    let mut out = BufWriter::with_capacity(1 << 16, file);
    fill(&mut out)?;
    let file = out
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(tmp, path)
}

/// Makes the rename itself durable where the platform allows syncing a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // Best effort: the data is already safe in the renamed file; a failed folder sync
        // only weakens durability across a power cut, which nothing here can repair.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.json");
        write_atomic(&path, b"old")?;
        write_atomic(&path, b"new")?;
        assert_eq!(std::fs::read(&path)?, b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())?
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
        Ok(())
    }

    #[test]
    fn a_failed_fill_keeps_the_old_file_and_says_so() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("out.csv");
        write_atomic(&path, b"precious")?;
        let err = write_atomic_with(&path, |out| {
            out.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("out.csv"), "{message}");
        assert!(message.contains("disk full"), "{message}");
        assert!(message.contains("left unchanged"), "{message}");
        assert_eq!(std::fs::read(&path)?, b"precious");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_a_clear_error() {
        let path = Path::new("/nonexistent-dateline-folder/sub/out.json");
        let message = write_atomic(path, b"x")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            message.contains("/nonexistent-dateline-folder/sub/out.json"),
            "{message}"
        );
    }
}
