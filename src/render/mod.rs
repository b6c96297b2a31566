//! Output for people: the self-contained HTML page.

// The page's view models: every field is a text the template prints. Their field docs wait for
// the change to element ids under way in this folder, to keep the two changes apart.
#[allow(missing_docs)]
pub mod chart;
pub mod html;
pub mod search;
#[allow(missing_docs)]
pub mod view;
