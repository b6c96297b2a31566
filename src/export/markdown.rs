//! A briefing document in GitHub-flavoured Markdown: each event with its accounts as a list
//! and its disputes as tables, then the sources. It says what the page says, in the same
//! order, and like the page it marks no position as the answer.

use super::text::{facet_list, md, md_paragraphs, md_url};
use crate::render::view::{AccountView, EventView, Holder, Page, SourceView};
use crate::timeline::Timeline;

/// The briefing for a timeline whose events are in date order.
pub fn export(timeline: &Timeline) -> String {
    let page = Page::new(timeline);
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", md(&page.title)));
    if let Some(d) = &page.description {
        out.push_str(&md_paragraphs(d));
        out.push_str("\n\n");
    }
    let c = &page.counts;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{} · {} · {} · {}\n\n",
        plural(c.events, "event"),
        plural(c.accounts, "account"),
        plural(c.sources, "source"),
        plural(c.disputed, "disputed event")
    ));
    out.push_str(
        "Every account is shown with who gave it and where it was published. Where accounts \
         disagree, each position is listed in the order it first appears. None is marked as \
         correct.\n",
    );
    for e in &page.events {
        out.push('\n');
        event(&mut out, e);
    }
    if !page.sources.is_empty() {
        out.push_str("\n## Sources\n\n");
        for (i, s) in page.sources.iter().enumerate() {
            source(&mut out, i + 1, s);
        }
    }
    out
}

fn event(out: &mut String, e: &EventView) {
    out.push_str(&format!("## {} — {}\n\n", md(&e.when.text), md(&e.title)));
    let mut meta = Vec::new();
    for (label, list) in [("Where", &e.places), ("Who", &e.actors), ("Tags", &e.tags)] {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(|x| md(x)).collect();
            meta.push(format!("**{label}:** {}", items.join("; ")));
        }
    }
    if !meta.is_empty() {
        out.push_str(&meta.join(" · "));
        out.push_str("\\\n");
    }
    out.push_str(&format!("*{}*\n", md(&e.tally)));
    if let Some(n) = &e.notes {
        out.push_str(&format!("\n**Note:** {}\n", md(n)));
    }
    if !e.disputes.is_empty() || !e.dispute_notes.is_empty() {
        out.push_str("\n**Where accounts disagree** (positions in the order they first appear):\n");
    }
    for d in &e.disputes {
        out.push_str(&format!(
            "\n| {} | Held by |\n| --- | --- |\n",
            md(&d.facet)
        ));
        for p in &d.positions {
            let holders: Vec<String> = p.holders.iter().map(holder).collect();
            out.push_str(&format!("| {} | {} |\n", md(&p.value), holders.join("; ")));
        }
        if let Some(n) = &d.note {
            out.push_str(&format!("\n*Note on {}:* {}\n", md(&d.facet), md(n)));
        }
    }
    for (facet, note) in &e.dispute_notes {
        out.push_str(&format!("\n*Note on {}:* {}\n", md(facet), md(note)));
    }
    if !e.accounts.is_empty() {
        out.push_str("\n**Accounts:**\n\n");
        for a in &e.accounts {
            account(out, a);
        }
    }
    if !e.relations.is_empty() {
        out.push_str("\n**Links to other events:**\n\n");
        for r in &e.relations {
            let mut line = format!("- {} {}", md(&r.label), md(&r.other.text));
            if let Some(w) = &r.other_when {
                line.push_str(&format!(" ({})", md(&w.text)));
            }
            if r.claimed_by.is_empty() {
                line.push_str(", not attributed to any account");
            } else {
                let by: Vec<String> = r.claimed_by.iter().map(holder).collect();
                line.push_str(&format!(", claimed by {}", by.join("; ")));
            }
            if let Some(n) = &r.note {
                line.push_str(&format!(" ({})", md(n)));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
}

fn holder(h: &Holder) -> String {
    let mut s = md(&h.claimant);
    if !h.source.is_empty() {
        s.push_str(&format!(" in {}", md(&h.source)));
    }
    if h.comment {
        s.push_str(", a reader comment");
    }
    if let Some(w) = &h.wording {
        s.push_str(&format!(": “{}”", md(w)));
    }
    if !h.also.is_empty() {
        s.push_str(&format!(" ({} accounts)", h.also.len() + 1));
    }
    s
}

fn account(out: &mut String, a: &AccountView) {
    let mut line = format!(
        "- **{}**{} — *{}*",
        md(&a.claimant),
        md(&a.via_text),
        md(&a.stance)
    );
    if a.comment {
        line.push_str(" — reader comment");
    }
    let name = md(&a.source.name);
    let source = match a.source.link.as_deref().and_then(md_url) {
        Some(url) => format!("[{name}](<{url}>)"),
        None => name,
    };
    line.push_str(&format!(" — {source}"));
    if let Some(p) = &a.source.published {
        line.push_str(&format!(", {}", md(&p.text)));
    }
    if let Some(r) = &a.source.republishes {
        line.push_str(&format!(" (a copy of {})", md(&r.text)));
    }
    // Lines of the item, joined by hard breaks (a backslash at the end of a line). A quote
    // is a block of its own, and a line right after it would continue it: a blank line
    // separates what follows.
    let mut lines = vec![line];
    if let Some(s) = &a.summary {
        lines.push(md(s));
    }
    let mut after: Vec<String> = Vec::new();
    if !a.facets.is_empty() {
        after.push(facet_list(&a.facets, md, " ≠"));
    }
    if let Some(w) = &a.stated_on {
        after.push(format!("Said {}", md(&w.text)));
    }
    match &a.quote {
        Some(q) => {
            out.push_str(&lines.join("\\\n  "));
            out.push_str(&format!("\n  > {}\n", md(q)));
            if !after.is_empty() {
                out.push_str(&format!("\n  {}\n", after.join("\\\n  ")));
            }
        }
        None => {
            lines.extend(after);
            out.push_str(&lines.join("\\\n  "));
            out.push('\n');
        }
    }
}

fn source(out: &mut String, n: usize, s: &SourceView) {
    let heading = md(&s.heading);
    let mut line = match s.link.as_deref().and_then(md_url) {
        Some(url) => format!("{n}. [{heading}](<{url}>)"),
        None => format!("{n}. {heading}"),
    };
    let mut meta: Vec<String> = Vec::new();
    meta.extend(s.outlet.iter().map(|o| md(o)));
    meta.extend(s.author.iter().map(|a| md(a)));
    meta.extend(s.published.iter().map(|p| md(&p.text)));
    meta.extend(s.kind.iter().map(|k| md(k)));
    if !meta.is_empty() {
        line.push_str(&format!(" — {}", meta.join(" · ")));
    }
    line.push_str(&format!(" (id `{}`)", s.id.replace('`', "'")));
    if let Some(r) = &s.republishes {
        line.push_str(&format!(
            ". Republishes {}, so it does not count as an independent source",
            md(&r.text)
        ));
    }
    out.push_str(&line);
    out.push('\n');
}
