//! Reading input files with bounds: only regular files are read, never more than a limit.
//!
//! Every file Rashomon reads (articles, timelines, gazetteers, imported files)
//! goes through [`read`]. A folder, a FIFO (which would block until someone writes to it), a
//! device (`/dev/zero` never ends) or a socket is refused before it is opened, and a file is
//! never read past its limit, even if it grows while being read. The limits are generous for
//! what each kind of file really holds; `--max-file-size` raises (or lowers) them all for a
//! run ([`set_max_file_size`]).

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What a file is read as: each kind has its own limit and its own words in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A news article (`.txt`, `.md`, `.html`).
    Article,
    /// A timeline YAML file.
    Timeline,
    /// A gazetteer (`--gazetteer`).
    Gazetteer,
    /// A TimelineJS or spreadsheet file for `import`.
    Import,
}

impl Kind {
    /// The most a file of this kind may hold unless `--max-file-size` says otherwise. A
    /// timeline's limit is far above what 2,000 articles make (about 40 MB).
    pub const fn default_limit(self) -> u64 {
        match self {
            Kind::Article => 16 * MIB,
            Kind::Timeline => 256 * MIB,
            Kind::Gazetteer | Kind::Import => 64 * MIB,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Article => "an article",
            Kind::Timeline => "a timeline",
            Kind::Gazetteer => "a gazetteer",
            Kind::Import => "a file to import",
        }
    }
}

const MIB: u64 = 1024 * 1024;

/// 0: no override.
static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(0);

/// Replace every kind's limit for the rest of the process (`--max-file-size`); `None` goes
/// back to the defaults.
pub fn set_max_file_size(bytes: Option<u64>) {
    MAX_FILE_SIZE.store(bytes.unwrap_or(0), Ordering::Relaxed);
}

/// The limit in force for a kind of file.
pub fn limit(kind: Kind) -> u64 {
    match MAX_FILE_SIZE.load(Ordering::Relaxed) {
        0 => kind.default_limit(),
        n => n,
    }
}

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The system refused to read it.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A folder, a device, a FIFO or a socket.
    #[error("{} is {what}, not a file: give a regular file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is.
        what: FileType,
    },
    #[error(
        "{} is {}, more than the {} {} may be (raise the limit with --max-file-size)",
        path.display(),
        Size(*size),
        Size(*limit),
        kind.noun()
    )]
    /// Over the limit for its kind.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The file's size, or (when it grew while being read) how much was read.
        size: u64,
        /// The limit in force.
        limit: u64,
        /// What the file was read as.
        kind: Kind,
    },
}

impl InputError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            InputError::Io { path, .. }
            | InputError::NotAFile { path, .. }
            | InputError::TooLarge { path, .. } => path,
        }
    }
}

/// What a path is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    /// A folder.
    Folder,
    /// A named pipe.
    Fifo,
    /// A character device (`/dev/zero`, a terminal).
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// A Unix socket.
    Socket,
    /// Anything else that is not a regular file.
    Other,
}

impl fmt::Display for FileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileType::Folder => "a folder",
            FileType::Fifo => "a named pipe (FIFO)",
            FileType::CharDevice => "a character device",
            FileType::BlockDevice => "a block device",
            FileType::Socket => "a socket",
            FileType::Other => "not a regular file",
        })
    }
}

impl FileType {
    /// What a file type is, or `None` for a regular file.
    pub fn of(t: std::fs::FileType) -> Option<FileType> {
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(FileType::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Some(FileType::Fifo);
            }
            if t.is_char_device() {
                return Some(FileType::CharDevice);
            }
            if t.is_block_device() {
                return Some(FileType::BlockDevice);
            }
            if t.is_socket() {
                return Some(FileType::Socket);
            }
        }
        Some(FileType::Other)
    }
}

/// A byte count in words: "812 bytes", "3.2 MiB".
#[derive(Debug, Clone, Copy)]
pub struct Size(pub u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
        for (size, unit) in UNITS {
            if self.0 >= size {
                let whole = self.0 / size;
                let tenths = (self.0 % size) * 10 / size;
                return if tenths == 0 || whole >= 100 {
                    write!(f, "{whole} {unit}")
                } else {
                    write!(f, "{whole}.{tenths} {unit}")
                };
            }
        }
        write!(f, "{} byte{}", self.0, if self.0 == 1 { "" } else { "s" })
    }
}

/// Parse a size as given on the command line: `512K`, `64M`, `2G` (powers of 1024, with or
/// without `iB`/`B`), or bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size: give bytes or a number with K, M or G"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "`{text}` is not a size: give bytes or a number with K, M or G"
            ));
        }
    };
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is not a size Rashomon can use"))
}

/// Check that `path` is a regular file within the limit for its kind, without opening it.
pub fn check(path: &Path, kind: Kind) -> Result<u64, InputError> {
    let meta = std::fs::metadata(path).map_err(|source| InputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(what) = FileType::of(meta.file_type()) {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
            what,
        });
    }
    let limit = limit(kind);
    if meta.len() > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit,
            kind,
        });
    }
    Ok(meta.len())
}

/// Read a whole file of a kind: a regular file, at most the kind's limit.
pub fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = check(path, kind)?;
    let file = open_nonblocking(path).map_err(io)?;
    // The path may have been swapped for something else since it was looked at.
    let meta = file.metadata().map_err(io)?;
    if let Some(what) = FileType::of(meta.file_type()) {
        return Err(InputError::NotAFile {
            path: path.to_path_buf(),
            what,
        });
    }
    let limit = limit(kind);
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
            kind,
        });
    }
    Ok(bytes)
}

/// Where a text stops being UTF-8: the first bad byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "not UTF-8 text: byte 0x{byte:02X} at offset {offset} (line {line}, column {col}) cannot be read; save the file as UTF-8"
)]
pub struct NotUtf8 {
    /// The byte.
    pub byte: u8,
    /// Its offset in bytes from the start of the file.
    pub offset: usize,
    /// 1-based; the column counts characters.
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
}

/// The bytes as text, or where the first byte that is not UTF-8 is.
pub fn utf8(bytes: &[u8]) -> Result<&str, NotUtf8> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // The prefix is valid, so lines and columns are counted in it.
        let good = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line_start = good.rfind('\n').map_or(0, |i| i + 1);
        NotUtf8 {
            byte: bytes[offset],
            offset,
            line: good.matches('\n').count() + 1,
            col: good[line_start..].chars().count() + 1,
        }
    })
}

/// Open for reading without waiting: opening a FIFO that nobody writes to would otherwise
/// block for ever.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_print() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999G").is_err());
        assert_eq!(Size(1).to_string(), "1 byte");
        assert_eq!(Size(812).to_string(), "812 bytes");
        assert_eq!(Size(16 << 20).to_string(), "16 MiB");
        assert_eq!(Size((52 << 20) + (1 << 19)).to_string(), "52.5 MiB");
        assert_eq!(Size(300 << 20).to_string(), "300 MiB");
    }

    #[test]
    fn the_first_byte_that_is_not_utf8_is_located() {
        let bad = utf8(b"title: a\nnote: caf\xe9\n").unwrap_err();
        assert_eq!((bad.offset, bad.line, bad.col, bad.byte), (18, 2, 10, 0xe9));
        assert_eq!(
            bad.to_string(),
            "not UTF-8 text: byte 0xE9 at offset 18 (line 2, column 10) cannot be read; save the file as UTF-8"
        );
        assert_eq!(utf8("é".as_bytes()), Ok("é"));
    }

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "words").expect("write");
        assert_eq!(read(&file, Kind::Article).expect("reads"), b"words");
        let err = read(dir.path(), Kind::Article).unwrap_err();
        assert!(matches!(
            err,
            InputError::NotAFile {
                what: FileType::Folder,
                ..
            }
        ));
        #[cfg(unix)]
        {
            let err = read(Path::new("/dev/zero"), Kind::Gazetteer).unwrap_err();
            assert!(
                err.to_string()
                    .ends_with("/dev/zero is a character device, not a file: give a regular file"),
                "{err}"
            );
        }
    }
}
