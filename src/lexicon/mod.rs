//! The language knowledge extraction reads the parse with, kept as data a user can extend:
//! the event vocabulary (`data/events.yaml`, organised by PLOVER) and the vocabulary of
//! attribution (`data/speech.yaml`: speech verbs, claim nouns, speaker words).
//!
//! Both files are compiled in. A user file in the same format (`--events`, `--speech`)
//! extends the built-in one: its words join the lists, and a new event class joins the
//! classes.

mod events;
mod speech;

use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

pub use events::{Class, ClassId, Events, Phase};
pub use speech::{Act, PronounKind, Speech};

use crate::timeline::yaml;

/// A vocabulary file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A mistake in the file; `line` and `col` are 1-based, 0 when unknown.
    #[error("{}", located(file, *line, *col, message))]
    Invalid {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
}

fn located(file: &str, line: usize, col: usize, message: &str) -> String {
    if line == 0 {
        format!("{file}: {message}")
    } else {
        format!("{file}:{line}:{col}: {message}")
    }
}

impl LexiconError {
    fn yaml(file: &str, e: yaml::YamlError) -> LexiconError {
        let (line, col) = e.at.map_or((0, 0), |m| (m.line, m.col));
        LexiconError::Invalid {
            file: file.to_string(),
            line,
            col,
            message: e.message,
        }
    }

    fn invalid(file: &str, message: String) -> LexiconError {
        LexiconError::Invalid {
            file: file.to_string(),
            line: 0,
            col: 0,
            message,
        }
    }
}

/// The event and speech vocabularies together.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub events: Events,
    pub speech: Speech,
}

const EVENTS_FILE: &str = "data/events.yaml";
const EVENTS_TEXT: &str = include_str!("../../data/events.yaml");
const SPEECH_FILE: &str = "data/speech.yaml";
const SPEECH_TEXT: &str = include_str!("../../data/speech.yaml");

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    // The files are part of the program and tested; a mistake in them is a bug.
    let events = Events::parse(EVENTS_FILE, EVENTS_TEXT, None)
        .unwrap_or_else(|e| panic!("built-in event vocabulary: {e}"));
    let speech = Speech::parse(SPEECH_FILE, SPEECH_TEXT, None)
        .unwrap_or_else(|e| panic!("built-in speech vocabulary: {e}"));
    Lexicon { events, speech }
});

/// The vocabulary timelines are extracted with in this process, when a user's files extend
/// the built-in one (`extract --events FILE --speech FILE`), with those files' paths.
static ACTIVE: OnceLock<(Files, Lexicon)> = OnceLock::new();

/// A user's vocabulary files: events, speech.
type Files = (Option<PathBuf>, Option<PathBuf>);

impl Lexicon {
    /// The built-in vocabularies, parsed once.
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The vocabulary extraction uses: the built-in one, extended by the files given to
    /// [`Lexicon::use_files`] if any. Event kinds of the open vocabulary are indexes into
    /// it, so it is set once per process, before anything is extracted.
    pub fn active() -> &'static Lexicon {
        ACTIVE.get().map_or(&BUILTIN, |(_, lex)| lex)
    }

    /// Extend the vocabulary extraction uses with a user's event and speech vocabulary
    /// files, once per process: asking again for the same files is a no-op, for others an
    /// error. With neither, nothing changes.
    pub fn use_files(events: Option<&Path>, speech: Option<&Path>) -> Result<(), LexiconError> {
        if events.is_none() && speech.is_none() {
            return Ok(());
        }
        let files: Files = (events.map(Path::to_path_buf), speech.map(Path::to_path_buf));
        if let Some((set, _)) = ACTIVE.get() {
            if *set == files {
                return Ok(());
            }
            let shown = |f: &Files| {
                [&f.0, &f.1]
                    .into_iter()
                    .flatten()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(LexiconError::invalid(
                &shown(&files),
                format!(
                    "a vocabulary ({}) is already in use in this process",
                    shown(set)
                ),
            ));
        }
        let lex = Lexicon::load(events, speech)?;
        // A race with another thread setting the same vocabulary leaves one of the two.
        let _ = ACTIVE.set((files, lex));
        Ok(())
    }

    /// This lexicon with a user's event vocabulary file added.
    pub fn with_events_file(&self, path: &Path) -> Result<Lexicon, LexiconError> {
        let text = read(path)?;
        let events = Events::parse(&path.display().to_string(), &text, Some(&self.events))?;
        Ok(Lexicon {
            events,
            speech: self.speech.clone(),
        })
    }

    /// This lexicon with a user's speech vocabulary file added.
    pub fn with_speech_file(&self, path: &Path) -> Result<Lexicon, LexiconError> {
        let text = read(path)?;
        let speech = Speech::parse(&path.display().to_string(), &text, Some(&self.speech))?;
        Ok(Lexicon {
            events: self.events.clone(),
            speech,
        })
    }

    /// The built-in lexicon extended by the files given, if any.
    pub fn load(events: Option<&Path>, speech: Option<&Path>) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::builtin().clone();
        if let Some(p) = events {
            lex = lex.with_events_file(p)?;
        }
        if let Some(p) = speech {
            lex = lex.with_speech_file(p)?;
        }
        Ok(lex)
    }
}

/// Read a vocabulary file, refusing what is not a small regular file (a device or a FIFO
/// would be read without end).
fn read(path: &Path) -> Result<String, LexiconError> {
    const LIMIT: u64 = 16 << 20;
    let io = |source| LexiconError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(LexiconError::invalid(
            &path.display().to_string(),
            "not a regular file".to_string(),
        ));
    }
    if meta.len() > LIMIT {
        return Err(LexiconError::invalid(
            &path.display().to_string(),
            format!("larger than {} MiB", LIMIT >> 20),
        ));
    }
    std::fs::read_to_string(path).map_err(io)
}

/// Lower-cased words of a list entry, single-spaced: "Shoot  Down" → "shoot down".
fn norm(entry: &str) -> String {
    entry
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
