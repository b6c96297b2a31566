//! Writing files whole or not at all, and safely.
//!
//! [`write`] writes through a temporary file in the target's folder and a rename, so a crash
//! or a full disk never leaves a half-written file. Besides:
//!
//! - a file that exists keeps its permissions (and, where allowed, its owner and group); a
//!   new file gets the permissions the umask gives (`0644` with the usual `022`);
//! - a symbolic link is followed: the file it points to is written, and the link stays;
//! - a folder is never replaced; a device, a FIFO or a socket is refused, and with `force` is
//!   written into instead of replaced (`-o /dev/stdout`); a read-only file is refused, and
//!   with `force` replaced (it stays read-only).
//!
//! [`lock`] takes an advisory lock for a read-modify-write of a file (`extract --into`,
//! `merge`), so that two runs on one file take turns instead of one losing the other's work.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::input::FileType;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The system refused the write.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The path is a folder.
    #[error("cannot write {}: it is a folder", path.display())]
    Folder {
        /// The path.
        path: PathBuf,
    },
    #[error(
        "will not replace {}: it is {what} (--force writes into it instead)",
        path.display()
    )]
    /// A device, a FIFO or a socket, without `--force`.
    Special {
        /// The path.
        path: PathBuf,
        /// What it is.
        what: FileType,
    },
    /// A read-only file, without `--force`.
    #[error("will not replace {}: it is read-only (--force replaces it)", path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// A loop of symbolic links, or too long a chain.
    #[error("cannot write {}: too many symbolic links", path.display())]
    Links {
        /// The path.
        path: PathBuf,
    },
    /// The lock for a read-modify-write could not be taken.
    #[error("cannot lock {} for writing: {source}", path.display())]
    Lock {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Write `bytes` to `path`, whole or not at all (see the module documentation). `force`
/// replaces a read-only file and writes into a device or FIFO.
pub fn write(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    write_with(path, force, |out| out.write_all(bytes))
}

/// [`write`] of what `fill` writes, as it writes it: the text need not be held in memory
/// whole. When `fill` fails, the file is left as it was.
pub fn write_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let target = resolve(path)?;
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(meta) = &existing {
        match FileType::of(meta.file_type()) {
            None => {}
            Some(FileType::Folder) => {
                return Err(WriteError::Folder {
                    path: path.to_path_buf(),
                });
            }
            Some(what) if !force => {
                return Err(WriteError::Special {
                    path: path.to_path_buf(),
                    what,
                });
            }
            Some(_) => {
                // Into the device or pipe, as a shell's `>` would.
                let mut file = std::io::BufWriter::new(open_for_writing(&target).map_err(io)?);
                fill(&mut file).map_err(io)?;
                return file.flush().map_err(io);
            }
        }
        if meta.permissions().readonly() && !force {
            return Err(WriteError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created as `open(2)` with 0666 creates: the umask decides.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    if let Some(meta) = &existing {
        keep_owner_and_mode(tmp.as_file(), meta).map_err(io)?;
    }
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buffered).map_err(io)?;
        buffered.flush().map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(&target).map_err(|e| io(e.error))?;
    // The rename itself reaches the disk with the folder.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Open a device or FIFO to write into it. A FIFO that nobody reads is an error ("no such
/// device or address"), not a wait for ever; once open, writes block as usual.
fn open_for_writing(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
        let file = options.open(path)?;
        // SAFETY: fcntl on a descriptor we own, with flags it returned.
        unsafe {
            let flags = libc::fcntl(file.as_raw_fd(), libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

/// [`write`] without `force`, for callers that want an I/O error.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, false).map_err(|e| match e {
        WriteError::Io { source, .. } | WriteError::Lock { source, .. } => source,
        other => std::io::Error::other(other.to_string()),
    })
}

/// Give the new file the old one's mode, and its owner and group where the system lets us
/// (as root, or a group we are in).
fn keep_owner_and_mode(file: &File, old: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if new.uid() != old.uid() || new.gid() != old.gid() {
            // Best effort: without the right, the file is the writer's, as any new file.
            let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
            let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
        }
    }
    file.set_permissions(old.permissions())
}

/// The file a path names once symbolic links are followed (the path itself when it is not a
/// link). A dangling link gives the path it points to, which is then created.
pub fn resolve(path: &Path) -> Result<PathBuf, WriteError> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|source| WriteError::Io {
                    path: path.to_path_buf(),
                    source,
                })?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(WriteError::Links {
        path: path.to_path_buf(),
    })
}

/// An advisory lock held while a file is read, changed and written; released when dropped.
#[derive(Debug)]
pub struct Lock {
    _dir: File,
}

/// Lock `path` for a read-modify-write. The lock is taken on the folder the file is renamed
/// into (the file itself is replaced by each write, so a lock on it would not hold across
/// writers). Another Rashomon holding it is waited for, saying so on standard error.
pub fn lock(path: &Path) -> Result<Lock, WriteError> {
    let target = resolve(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let err = |source| WriteError::Lock {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(&dir).map_err(err)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "waiting for another rashomon to finish writing in {}",
                dir.display()
            );
            file.lock().map_err(err)?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(err(e)),
    }
    Ok(Lock { _dir: file })
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o7777
    }

    #[test]
    fn an_existing_file_keeps_its_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("t.yaml");
        std::fs::write(&file, "old").expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write(&file, b"new", false).expect("writes");
        assert_eq!(std::fs::read(&file).expect("read"), b"new");
        assert_eq!(mode(&file), 0o640);
    }

    #[test]
    fn a_write_that_fails_halfway_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("t.yaml");
        std::fs::write(&file, "old").expect("write");
        let failed = write_with(&file, false, |out| {
            out.write_all(&[b'x'; 100_000])?;
            Err(std::io::Error::other("the serialiser gave up"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&file).expect("read"), b"old");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1, "no temporary file left");
        write_with(&file, false, |out| out.write_all(b"new")).expect("writes");
        assert_eq!(std::fs::read(&file).expect("read"), b"new");
    }

    #[test]
    fn a_symbolic_link_is_written_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.yaml");
        let link = dir.path().join("link.yaml");
        std::fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink("real.yaml", &link).expect("symlink");
        write(&link, b"new", false).expect("writes");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
    }

    #[test]
    fn read_only_files_and_folders_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("t.yaml");
        std::fs::write(&file, "old").expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        assert!(matches!(
            write(&file, b"new", false),
            Err(WriteError::ReadOnly { .. })
        ));
        assert_eq!(std::fs::read(&file).expect("read"), b"old");
        write(&file, b"new", true).expect("forced");
        assert_eq!(std::fs::read(&file).expect("read"), b"new");
        assert_eq!(mode(&file), 0o444);
        assert!(matches!(
            write(dir.path(), b"x", true),
            Err(WriteError::Folder { .. })
        ));
    }

    #[test]
    fn devices_are_written_into_only_when_forced() {
        let err = write(Path::new("/dev/null"), b"x", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "will not replace /dev/null: it is a character device (--force writes into it instead)"
        );
        write(Path::new("/dev/null"), b"x", true).expect("writes into the device");
        use std::os::unix::fs::FileTypeExt;
        let meta = std::fs::metadata("/dev/null").expect("still there");
        assert!(meta.file_type().is_char_device());
    }

    #[test]
    fn a_lock_is_exclusive() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("t.yaml");
        let held = lock(&file).expect("locks");
        let other = File::open(dir.path()).expect("open");
        assert!(other.try_lock().is_err(), "a second writer must wait");
        drop(held);
        assert!(other.try_lock().is_ok());
    }
}
