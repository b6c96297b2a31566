//! Document creation time (DCT) inference.

use chrono::NaiveDate;

use crate::ingest::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DctSource {
    FrontMatter,
    PageMeta,
    Byline,
    Dateline,
    Copyright,
    TextEvidence,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dct {
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    pub source: DctSource,
    pub confidence: Confidence,
    pub evidence: Vec<String>,
    pub conflict: Option<String>,
}

pub fn infer_dct(doc: &Document) -> Dct {
    let _ = doc;
    Dct {
        date: None,
        source: DctSource::None,
        confidence: Confidence::Low,
        evidence: Vec::new(),
        conflict: None,
    }
}

fn iso_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}
