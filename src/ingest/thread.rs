//! Where a reader-comment thread starts, and who wrote what in it.
//!
//! A thread shows itself by its furniture: timestamps, "Reply to X" lines, a commenter's name
//! on a line of its own (repeated, or doubled by the page template), "N Comments" headings.
//! One such line proves little (an article can quote a name), so a thread needs two strong
//! signs close together. Its start is then pulled back over paragraphs that talk to someone
//! (the first comment often lost its name line), and a thread with no such signs at all is
//! still found as a run of chatty short paragraphs at the very end.

use std::collections::HashMap;
use std::ops::Range;

use super::caption;
use super::comment::{self, Meta, Talk};
use super::document::SegmentKind;
use super::furniture;
use super::lines::Line;

/// Signals further apart than this many blocks do not belong to one thread.
const MAX_GAP_BLOCKS: usize = 12;
/// Paragraphs longer than this are not pulled into a thread by their tone alone.
const MAX_CHAT_BYTES: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    /// "12 Comments", "Leave a Reply": enough on its own.
    Section,
    Strong,
    /// A comment timestamp: strong, but a live blog's entries look the same.
    Time,
    /// A date without a time of day.
    Weak,
    /// A name seen once.
    WeakName,
}

/// The first line of the comment thread, if there is one. Lines before `header_end` (the
/// top of the article) never start a thread.
pub(crate) fn detect(
    lines: &[Line],
    blocks: &[Range<usize>],
    header_end: usize,
    furniture: &[bool],
) -> Option<usize> {
    let signals = signals(lines, header_end, furniture);
    let start = from_signals(lines, blocks, &signals)
        .map(|start| pull_back(lines, blocks, header_end, furniture, start))
        .or_else(|| trailing_chat(lines, blocks, header_end, furniture))?;
    Some(start)
}

fn signals(lines: &[Line], header_end: usize, furniture: &[bool]) -> Vec<(usize, Signal)> {
    let mut names: HashMap<&str, usize> = HashMap::new();
    let mut is_name = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate().skip(header_end) {
        if line.hint.is_none() && !furniture[i] && comment::is_name_like(&line.plain, false) {
            is_name[i] = true;
            *names.entry(&line.plain).or_default() += 1;
        }
    }
    // "Reply to X" names X a second time: a commenter answered is a commenter.
    for line in lines.iter().skip(header_end) {
        let p: &str = &line.plain;
        if let Some(rest) = p
            .strip_prefix("Reply to")
            .or_else(|| p.strip_prefix("In reply to"))
            && let Some(n) = names.get_mut(rest.trim())
        {
            *n += 1;
        }
    }
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(header_end) {
        if line.hint.is_some() {
            continue;
        }
        let p: &str = &line.plain;
        let signal = if comment::is_section_header(p) && !furniture::has_strong_phrase(p) {
            Signal::Section
        } else if comment::is_button(p) || comment::ends_read_more(p) {
            Signal::Strong
        } else if furniture[i] {
            continue;
        } else if let Some(clear) = comment::is_timestamp(p) {
            if clear { Signal::Time } else { Signal::Weak }
        } else if comment::says(p).is_some() {
            Signal::Strong
        } else if doubled(lines, i) {
            // A comment template often prints the name twice.
            Signal::Strong
        } else if is_name[i] {
            // The same commenter coming back, or a name over a timestamp.
            let over_time = lines.get(i + 1).is_some_and(|n| {
                n.block == line.block && comment::is_timestamp(&n.plain).is_some()
            });
            if names.get(p).copied().unwrap_or(0) >= 2 || over_time {
                Signal::Strong
            } else {
                Signal::WeakName
            }
        } else {
            continue;
        };
        out.push((i, signal));
    }
    out
}

/// The same short line twice in a row within a block.
fn doubled(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    let neighbour = |j: usize| {
        lines
            .get(j)
            .filter(|o| o.block == line.block)
            .map(|o| &*o.plain)
    };
    comment::is_doubled_name(&line.plain, neighbour(i + 1))
        || (i > 0 && comment::is_doubled_name(&line.plain, neighbour(i - 1)))
}

/// The first line of the first cluster of signals that makes a thread.
fn from_signals(
    lines: &[Line],
    blocks: &[Range<usize>],
    signals: &[(usize, Signal)],
) -> Option<usize> {
    let mut cluster_start = 0;
    for k in 0..signals.len() {
        let last = k + 1 == signals.len()
            || lines[signals[k + 1].0].block - lines[signals[k].0].block > MAX_GAP_BLOCKS;
        if !last {
            continue;
        }
        let cluster = &signals[cluster_start..=k];
        cluster_start = k + 1;
        let strong: usize = cluster
            .iter()
            .map(|(_, s)| match s {
                Signal::Section => 2,
                Signal::Strong | Signal::Time => 1,
                _ => 0,
            })
            .sum();
        let only_times = cluster
            .iter()
            .all(|(_, s)| matches!(s, Signal::Time | Signal::Weak));
        if strong >= 2 && (!only_times || opinionated(lines, blocks, cluster)) {
            // Start at the first strong sign, and the signs just above it in its block (a
            // name over a timestamp); weaker ones in earlier blocks are reached by pull_back
            // only through comment-like text.
            let first = cluster
                .iter()
                .position(|(_, s)| matches!(s, Signal::Section | Signal::Strong | Signal::Time))?;
            let mut k = first;
            while k > 0
                && cluster[k - 1].0 + 1 == cluster[k].0
                && lines[cluster[k - 1].0].block == lines[cluster[k].0].block
            {
                k -= 1;
            }
            return Some(cluster[k].0);
        }
        if let Some(start) = names_only(lines, blocks, cluster) {
            return Some(start);
        }
    }
    None
}

/// Timestamps alone also head a live blog's entries; comments under them speak in the first
/// or second person, ask and exclaim. At least a quarter of the paragraphs must.
fn opinionated(lines: &[Line], blocks: &[Range<usize>], cluster: &[(usize, Signal)]) -> bool {
    let (Some(first), Some(last)) = (cluster.first(), cluster.last()) else {
        return false;
    };
    let from = lines[first.0].block;
    let to = (lines[last.0].block + 3).min(blocks.len());
    let (mut total, mut talking) = (0, 0);
    for block in blocks.get(from..to).unwrap_or_default() {
        if block
            .clone()
            .any(|i| comment::is_timestamp(&lines[i].plain).is_some())
        {
            continue;
        }
        total += 1;
        talking += usize::from(block_talk(lines, block).0.score >= 3);
    }
    talking * 4 >= total && total > 0
}

/// A thread shown only by names, each seen once: at least three, each followed by one or two
/// short paragraphs, most of them chatty.
fn names_only(
    lines: &[Line],
    blocks: &[Range<usize>],
    cluster: &[(usize, Signal)],
) -> Option<usize> {
    let names: Vec<usize> = cluster
        .iter()
        .filter(|(_, s)| *s == Signal::WeakName)
        .map(|(i, _)| *i)
        .collect();
    if names.len() < 3 {
        return None;
    }
    let (mut chatty, mut total) = (0, 0);
    for (n, &i) in names.iter().enumerate() {
        let first_block = lines[i].block + 1;
        let end_block = names
            .get(n + 1)
            .map_or_else(|| (first_block + 2).min(blocks.len()), |&j| lines[j].block);
        let count = end_block.saturating_sub(first_block);
        if !(1..=2).contains(&count) && n + 1 < names.len() {
            return None;
        }
        for block in blocks.get(first_block..end_block).unwrap_or_default() {
            let (talk, bytes) = block_talk(lines, block);
            if bytes > MAX_CHAT_BYTES * 2 {
                return None;
            }
            total += 1;
            chatty += usize::from(talk.is_chat());
        }
    }
    (chatty * 2 >= total).then_some(names[0])
}

/// Move a thread's start back over the paragraphs just before it that read as comments (a
/// first comment whose name line was lost, a name seen once).
fn pull_back(
    lines: &[Line],
    blocks: &[Range<usize>],
    header_end: usize,
    furniture: &[bool],
    start: usize,
) -> usize {
    let mut start = start;
    let mut block = lines[start].block;
    for _ in 0..6 {
        if block == 0 {
            break;
        }
        let prev = &blocks[block - 1];
        if prev.start < header_end
            || prev
                .clone()
                .any(|i| furniture[i] || lines[i].hint.is_some())
        {
            break;
        }
        let single_name = prev.len() == 1 && comment::is_name_like(&lines[prev.start].plain, false);
        let (talk, bytes) = block_talk(lines, prev);
        if !(single_name || (talk.is_chat() && bytes <= MAX_CHAT_BYTES)) {
            break;
        }
        start = prev.start;
        block -= 1;
    }
    start
}

/// A thread without any names or timestamps: three or more chatty short paragraphs ending
/// the text (furniture aside), after a real article.
fn trailing_chat(
    lines: &[Line],
    blocks: &[Range<usize>],
    header_end: usize,
    furniture: &[bool],
) -> Option<usize> {
    let mut run = 0;
    let mut start = None;
    for b in blocks.iter().rev() {
        if b.start < header_end {
            break;
        }
        if b.clone().all(|i| furniture[i]) {
            if run == 0 {
                continue;
            }
            break;
        }
        if b.clone().any(|i| lines[i].hint.is_some()) {
            break;
        }
        let (talk, bytes) = block_talk(lines, b);
        if !(talk.is_chat() && bytes <= MAX_CHAT_BYTES) {
            break;
        }
        run += 1;
        start = Some(b.start);
    }
    let start = start.filter(|_| run >= 3)?;
    let article_blocks = blocks
        .iter()
        .filter(|b| b.end <= start)
        .filter(|b| {
            let (talk, bytes) = block_talk(lines, b);
            bytes >= 100 && !talk.is_chat()
        })
        .count();
    (article_blocks >= 3).then_some(start)
}

fn block_talk(lines: &[Line], block: &Range<usize>) -> (Talk, usize) {
    block.clone().fold((Talk::default(), 0), |(t, n), i| {
        (
            t.add(comment::talk(&lines[i].plain)),
            n + lines[i].plain.len(),
        )
    })
}

/// Label the lines of a thread from `start`: names, times and buttons are `CommentMeta`;
/// text is a `Comment` by the last named commenter; furniture ends the thread (what follows
/// it is page footer) until comment furniture shows up again.
pub(crate) fn label(lines: &[Line], start: usize, furniture: &[bool]) -> Vec<SegmentKind> {
    let mut out = Vec::with_capacity(lines.len() - start);
    let mut author: Option<String> = None;
    let mut posted = None;
    let mut in_text = false;
    let mut footer = false;
    for (i, line) in lines.iter().enumerate().skip(start) {
        if let Some(hint) = &line.hint {
            out.push(hint.clone());
            continue;
        }
        // Two blank lines after a comment: the next one has lost its header.
        if in_text && line.blanks_before >= 2 {
            author = None;
            posted = None;
            in_text = false;
        }
        if caption::is_credit(&line.plain) {
            // A page's photo credit printed after the comments.
            out.push(SegmentKind::Caption);
            continue;
        }
        let truncated = comment::ends_read_more(&line.plain) && !comment::is_button(&line.plain);
        let meta = if truncated {
            // A comment cut short by "Read more": text, not furniture.
            None
        } else if doubled(lines, i) {
            Some(Meta::Name(line.plain.to_string()))
        } else if furniture[i]
            && (furniture::has_strong_phrase(&line.plain)
                || !(comment::is_section_header(&line.plain) || comment::is_button(&line.plain)))
        {
            None
        } else {
            comment::meta(&line.plain)
        };
        match meta {
            Some(meta) => {
                if in_text {
                    author = None;
                    posted = None;
                    in_text = false;
                }
                match meta {
                    Meta::Name(name) => author = Some(name),
                    Meta::Time(time) => posted = time.or(posted),
                    Meta::Header {
                        author: a,
                        posted: p,
                    } => {
                        author = Some(a);
                        posted = p.or(posted);
                    }
                    Meta::Other => {}
                }
                footer = false;
                out.push(SegmentKind::CommentMeta);
            }
            None if (furniture[i] && !truncated) || footer => {
                footer = true;
                in_text = false;
                out.push(SegmentKind::Boilerplate);
            }
            None => {
                in_text = true;
                out.push(SegmentKind::Comment {
                    author: author.clone(),
                    posted,
                });
            }
        }
    }
    out
}
