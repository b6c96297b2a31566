//! Event mentions and who says what: sentences, attribution, stance and facets.

pub mod attribution;
pub mod claim;
pub mod docevent;
pub mod sentences;
pub mod triggers;
pub mod facets;
pub mod stance;

pub use attribution::attribute;
pub use claim::{Claim, ClaimantKind};
pub use sentences::{Sentence, Voice};
