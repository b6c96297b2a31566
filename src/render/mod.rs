//! Output for people: the self-contained HTML page.

pub mod html;
pub mod view;
