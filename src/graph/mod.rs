//! The event graph: mentions of many documents merged into events, with relations,
//! republication and disputes.

pub mod republish;
