//! Rashomon builds event timelines from news articles and keeps every competing account of
//! each event side by side, with its source, without deciding who is right.
//!
//! The pipeline follows the folders: [`ingest`] reads articles, [`dates`] finds and
//! normalises temporal expressions, [`mentions`] extracts dated event mentions and who says
//! what, [`graph`] merges them into events, and [`render`] writes the page. [`timeline`] is
//! the model everything feeds: the YAML format people edit, `check`, and derived disputes.

pub mod cli;
mod cmd;
pub mod dates;
pub mod gazetteer;
pub mod graph;
pub mod ingest;
pub mod mentions;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod syntax;
pub mod timeline;
