//! Rashomon builds event timelines from news articles and keeps every competing account of
//! each event side by side, with its source, without deciding who is right.
//!
//! The pipeline follows the folders: [`ingest`] reads articles, [`dates`] finds and
//! normalises temporal expressions, [`mentions`] extracts dated event mentions and who says
//! what, [`graph`] merges them into events, and [`render`] writes the page. [`timeline`] is
//! the model everything feeds: the YAML format people edit, `check`, derived disputes and its
//! JSON Schema. [`export`] and [`import`] trade timelines with the newsroom's other tools
//! (TimelineJS, spreadsheets, Markdown), and [`live`] serves a preview that follows the file.

pub mod cli;
mod cmd;
// With `rust-version` at 1.89 clippy suggests `is_multiple_of` (1.87); the tagger is being
// rewritten elsewhere, so its arithmetic is left as it is until then.
#[allow(clippy::manual_is_multiple_of)]
pub mod dates;
pub mod export;
pub mod gazetteer;
pub mod graph;
pub mod import;
pub mod ingest;
pub mod live;
pub mod mentions;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod syntax;
pub mod timeline;
