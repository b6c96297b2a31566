use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;

use crate::dates::infer_dct;
use crate::gazetteer::Gazetteer;
use crate::ingest;
use crate::mentions::detect::document_events;

/// Arguments of `rashomon mentions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An article (.txt, .md, .html)
    pub file: PathBuf,
    /// The document date, when the inferred one is wrong
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::dates::parse_dct)]
    pub dct: Option<NaiveDate>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
    /// A gazetteer file that extends the built-in one
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
}

/// Prints what the extractor found in one article, for a person checking it.
pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let doc = ingest::read(&args.file)?;
    let gaz = match &args.gazetteer {
        Some(p) => Gazetteer::builtin().with_user(Gazetteer::load(p)?),
        None => Gazetteer::builtin().clone(),
    };
    let dct = args.dct.or_else(|| infer_dct(&doc).date);
    let events = document_events(&doc, dct, &gaz);
    if args.json {
        let out = serde_json::json!({ "document": doc.id, "dct": dct.map(|d| d.to_string()), "events": events });
        outln!(
            "{}",
            serde_json::to_string_pretty(&out).context("writing JSON")?
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{} (document date {})",
        doc.id,
        dct.map_or("unknown".to_string(), |d| d.to_string())
    )?;
    for (i, e) in events.iter().enumerate() {
        outln!()?;
        outln!("#{} {:?} {} [{:?}]", i + 1, e.kind, e.when, e.basis)?;
        if !e.places.is_empty() {
            outln!("   where: {}", e.places.join("; "))?;
        }
        if !e.actors.is_empty() {
            outln!("   who:   {}", e.actors.join("; "))?;
        }
        for m in &e.mentions {
            let via = if m.via.is_empty() {
                String::new()
            } else {
                format!(" via {}", m.via.join(" via "))
            };
            let comment = if m.comment { " (comment)" } else { "" };
            outln!(
                "   - {}{via}{comment} {} [{}..{}]",
                m.claimant,
                m.stance,
                m.start,
                m.end
            )?;
            let quote: String = m.quote.chars().take(160).collect();
            outln!(
                "     “{quote}{}”",
                if m.quote.chars().count() > 160 {
                    "…"
                } else {
                    ""
                }
            )?;
            if !m.facets.is_empty() {
                let f: Vec<String> = m.facets.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                outln!("     facets: {}", f.join(", "))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
