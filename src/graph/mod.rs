//! The event graph: mentions of many documents merged into events, with relations,
//! republication and disputes.

pub mod adopt;
pub mod build;
pub mod cluster;
pub mod credit;
pub mod matcher;
pub mod relations;
pub mod republish;
