//! The timeline: its model, the YAML format, `check`, and derived disputes.

pub mod check;
pub mod diagnostic;
pub mod disputes;
pub mod edit;
pub mod merge;
pub mod model;
pub mod schema;
pub mod when;
pub mod yaml;

use std::collections::BTreeSet;
use std::path::Path;

pub use diagnostic::Diagnostic;
pub use model::*;
pub use when::{Bound, Point, Precision, Season, Unspecified, When, WhenError};

/// Why a timeline could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    /// The file could not be read.
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    #[error("{}", render_problems(.0))]
    /// The problems, each located, as `check` prints them.
    Invalid(Vec<Diagnostic>),
}

fn render_problems(problems: &[Diagnostic]) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&p.to_string());
    }
    let n = problems.len();
    out.push_str(&format!("{n} problem{}", if n == 1 { "" } else { "s" }));
    out
}

/// Read, check and normalise a timeline file. Any problem is an error that lists them all.
pub fn load(path: &Path) -> Result<Timeline, LoadError> {
    let src = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    load_str(&path.display().to_string(), &src)
}

/// Check and normalise a timeline's text; `file` names it in messages.
pub fn load_str(file: &str, src: &str) -> Result<Timeline, LoadError> {
    let checked = check::check_str(file, src);
    match checked.timeline {
        Some(t) if checked.problems.is_empty() => Ok(t),
        _ => Err(LoadError::Invalid(checked.problems)),
    }
}

/// The normalised YAML text of a timeline, as Rashomon writes timeline files: the editor
/// modeline ([`schema::MODELINE`]) first.
pub fn to_yaml(timeline: &Timeline) -> Result<String, yaml::YamlError> {
    Ok(schema::with_modeline(&yaml::to_string(timeline)?))
}

/// Give every account an id and recompute every event's disputes.
pub fn normalize(timeline: &mut Timeline) {
    assign_account_ids(timeline);
    for event in &mut timeline.events {
        disputes::derive(event);
    }
}

/// Accounts without an id get `<source>-<n>`, the smallest n not yet taken.
fn assign_account_ids(timeline: &mut Timeline) {
    let mut taken: BTreeSet<String> = timeline
        .events
        .iter()
        .flat_map(|e| e.accounts.iter())
        .filter(|a| !a.id.is_empty())
        .map(|a| a.id.clone())
        .collect();
    for event in &mut timeline.events {
        for account in &mut event.accounts {
            if account.id.is_empty() {
                let id = (1..)
                    .map(|n| format!("{}-{n}", account.source))
                    .find(|id| !taken.contains(id))
                    .unwrap_or_default();
                taken.insert(id.clone());
                account.id = id;
            }
        }
    }
}

/// Events in timeline order: by date (earliest instant, then precision), then id.
pub fn sort_events(timeline: &mut Timeline) {
    timeline
        .events
        .sort_by(|a, b| a.when.cmp(&b.when).then_with(|| a.id.cmp(&b.id)));
}
