//! Output for people: the self-contained HTML page.

pub mod chart;
pub mod html;
pub mod search;
pub mod view;
