//! Where commands read their input and write their output, so that they compose in pipes:
//! `-` as an input file is standard input, and a missing `-o` (or `-o -`) is standard output.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::input::{self, InputError, Kind};
use crate::output;

/// The name standard input goes by in messages (`<stdin>:3:7: ...`).
pub const STDIN_NAME: &str = "<stdin>";

/// Whether a path argument stands for standard input or output.
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Read a file of a kind, or standard input for `-`, within the kind's size limit
/// ([`input::read`]); returns the name to use in messages and the bytes.
pub fn read_input_bytes(path: &Path, kind: Kind) -> anyhow::Result<(String, Vec<u8>)> {
    if is_dash(path) {
        let limit = input::limit(kind);
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        if bytes.len() as u64 > limit {
            return Err(InputError::TooLarge {
                path: PathBuf::from(STDIN_NAME),
                size: bytes.len() as u64,
                limit,
                kind,
            }
            .into());
        }
        return Ok((STDIN_NAME.to_string(), bytes));
    }
    let bytes = input::read(path, kind)?;
    Ok((path.display().to_string(), bytes))
}

/// [`read_input_bytes`] as text: bytes that are not UTF-8 are an error that locates the first
/// bad one (`file:line:column`).
pub fn read_input(path: &Path, kind: Kind) -> anyhow::Result<(String, String)> {
    let (name, bytes) = read_input_bytes(path, kind)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let bad = input::utf8(e.as_bytes()).expect_err("not UTF-8");
            anyhow::bail!("{name}:{}:{}: {bad}", bad.line, bad.col)
        }
    }
}

/// Call `each` with every line of standard input (its 1-based number and its text, without
/// the line break). A line may be as long as a file of `kind` may be, and no longer: a line
/// past the limit is an error naming it, read no further than the limit.
pub fn each_stdin_line(
    kind: Kind,
    mut each: impl FnMut(usize, &str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::io::BufRead;
    let limit = input::limit(kind);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut bytes = Vec::new();
    for n in 1.. {
        bytes.clear();
        let read = (&mut input)
            .take(limit + 1)
            .read_until(b'\n', &mut bytes)
            .with_context(|| format!("cannot read standard input line {n}"))?;
        if read == 0 {
            break;
        }
        if bytes.len() as u64 > limit && !bytes.ends_with(b"\n") {
            anyhow::bail!(
                "standard input line {n} is longer than {} (raise the limit with --max-file-size)",
                input::Size(limit)
            );
        }
        while matches!(bytes.last(), Some(b'\n' | b'\r')) {
            bytes.pop();
        }
        let line = match std::str::from_utf8(&bytes) {
            Ok(line) => line,
            Err(_) => {
                let bad = input::utf8(&bytes).expect_err("not UTF-8");
                anyhow::bail!("{STDIN_NAME}:{n}:{}: {bad}", bad.col);
            }
        };
        each(n, line)?;
    }
    Ok(())
}

/// The folder that relative paths inside an input are relative to: the file's own folder, or
/// the current folder for standard input.
pub fn input_base(path: &Path) -> PathBuf {
    if is_dash(path) {
        return PathBuf::new();
    }
    path.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Where a command's result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    /// `-o FILE`, with no `-o` and `-o -` meaning standard output.
    pub fn from_arg(arg: Option<&Path>) -> Output {
        match arg {
            Some(p) if !is_dash(p) => Output::File(p.to_path_buf()),
            _ => Output::Stdout,
        }
    }

    /// The file, when the output is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Output::Stdout => None,
            Output::File(p) => Some(p),
        }
    }

    /// The folder that relative paths written into the output are relative to.
    pub fn base(&self) -> PathBuf {
        match self {
            Output::Stdout => PathBuf::new(),
            Output::File(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
        }
    }

    /// How messages name the output.
    pub fn name(&self) -> String {
        match self {
            Output::Stdout => "<stdout>".to_string(),
            Output::File(p) => p.display().to_string(),
        }
    }

    /// Write the whole result: a file whole or not at all ([`output::write`]: permissions
    /// kept, links followed; `force` replaces a read-only file and writes into a device), or
    /// standard output.
    pub fn write(&self, bytes: &[u8], force: bool) -> anyhow::Result<()> {
        self.write_with(force, |out| out.write_all(bytes))
    }

    /// Write what `fill` writes, as it writes it (a file whole or not at all).
    pub fn write_with(
        &self,
        force: bool,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Output::Stdout => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                fill(&mut out)?;
                out.flush()?;
                Ok(())
            }
            Output::File(p) => Ok(output::write_with(p, force, fill)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_and_nothing_are_standard_output() {
        assert_eq!(Output::from_arg(None), Output::Stdout);
        assert_eq!(Output::from_arg(Some(Path::new("-"))), Output::Stdout);
        let file = Output::from_arg(Some(Path::new("out/page.html")));
        assert_eq!(file.file(), Some(Path::new("out/page.html")));
        assert_eq!(file.base(), PathBuf::from("out"));
        assert_eq!(Output::Stdout.base(), PathBuf::new());
        assert_eq!(input_base(Path::new("-")), PathBuf::new());
        assert_eq!(input_base(Path::new("t/x.yaml")), PathBuf::from("t"));
    }
}
