//! Event mentions and who says what: sentences, attribution, stance and facets.

pub mod after;
pub mod anchor;
pub mod attribution;
pub mod claim;
pub mod dated;
pub mod detect;
pub mod docevent;
pub mod facets;
pub mod open;
pub mod predicate;
pub mod relational;
pub mod sentences;
pub mod stance;
pub mod tree;
pub mod triggers;

pub use attribution::attribute;
pub use claim::{Claim, ClaimantKind};
pub use sentences::{Sentence, Voice};
