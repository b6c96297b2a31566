//! Where commands read their input and write their output, so that they compose in pipes:
//! `-` as an input file is standard input, and a missing `-o` (or `-o -`) is standard output.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::output::write_atomic;

/// The name standard input goes by in messages (`<stdin>:3:7: ...`).
pub const STDIN_NAME: &str = "<stdin>";

/// Whether a path argument stands for standard input or output.
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Read a file, or standard input for `-`; returns the name to use in messages and the text.
pub fn read_input(path: &Path) -> anyhow::Result<(String, String)> {
    if is_dash(path) {
        let mut text = String::new();
        std::io::stdin()
            .lock()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
        return Ok((STDIN_NAME.to_string(), text));
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok((path.display().to_string(), text))
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

    /// Write the whole result: a file whole or not at all, or standard output.
    pub fn write(&self, bytes: &[u8]) -> anyhow::Result<()> {
        match self {
            Output::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)?;
                out.flush()?;
                Ok(())
            }
            Output::File(p) => {
                write_atomic(p, bytes).with_context(|| format!("cannot write {}", p.display()))
            }
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
