//! The timeline: its model, the YAML format, `check`, and derived disputes.

pub mod check;
pub mod diagnostic;
pub mod disputes;
pub mod edit;
pub mod facets;
pub mod files;
pub mod merge;
pub mod model;
mod read;
pub mod schema;
pub mod when;
pub mod yaml;

use std::collections::BTreeSet;
use std::path::Path;

pub use diagnostic::{Diagnostic, Severity};
pub use facets::Facets;
pub use model::*;
pub use when::{Bound, Point, Precision, Season, Unspecified, When, WhenError};

/// Why a timeline could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read, or is over a limit.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
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

/// Read, check and normalise a timeline file (a regular file, within the timeline size
/// limit). Any problem is an error that lists them all.
pub fn load(path: &Path) -> Result<Timeline, LoadError> {
    let bytes = crate::input::read(path, crate::input::Kind::Timeline)?;
    load_bytes(&path.display().to_string(), &bytes)
}

/// [`load_str`] for bytes: text that is not UTF-8 is a problem located at its first bad byte.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Timeline, LoadError> {
    let mut checked = check::check_bytes_tree(file, bytes);
    if let Ok(src) = std::str::from_utf8(bytes) {
        check::read_timeline_from_tree(file, src, &mut checked);
    }
    match checked.timeline {
        Some(t) if !checked.problems.iter().any(Diagnostic::is_error) => Ok(t),
        _ => Err(LoadError::Invalid(errors_only(checked.problems))),
    }
}

/// Check and normalise a timeline's text; `file` names it in messages.
pub fn load_str(file: &str, src: &str) -> Result<Timeline, LoadError> {
    let mut checked = check::check_tree(file, src);
    check::read_timeline_from_tree(file, src, &mut checked);
    match checked.timeline {
        Some(t) if !checked.problems.iter().any(Diagnostic::is_error) => Ok(t),
        _ => Err(LoadError::Invalid(errors_only(checked.problems))),
    }
}

/// The errors among problems: warnings (ids that read alike) do not stop a load and are
/// `check`'s to show.
fn errors_only(problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.into_iter().filter(Diagnostic::is_error).collect()
}

/// The normalised YAML text of a timeline, as Rashomon writes timeline files: the editor
/// modeline ([`schema::MODELINE`]) first.
pub fn to_yaml(timeline: &Timeline) -> Result<String, yaml::YamlError> {
    Ok(schema::with_modeline(&yaml::to_string(timeline)?))
}

/// [`to_yaml`], written as it is made (the same bytes), for timelines too large to hold
/// twice: as the model and as its text.
pub fn write_yaml<W: std::io::Write>(timeline: &Timeline, out: &mut W) -> std::io::Result<()> {
    out.write_all(schema::MODELINE.as_bytes())?;
    yaml::to_writer(out, timeline)
}

/// Give every account an id and recompute every event's disputes.
pub fn normalize(timeline: &mut Timeline) {
    assign_account_ids(timeline);
    // Each event's disputes are its own: derived on all cores.
    use rayon::prelude::*;
    timeline.events.par_iter_mut().for_each(disputes::derive);
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
