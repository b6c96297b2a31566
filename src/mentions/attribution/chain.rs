//! The attribution chain: which frame a frame sits inside, and the speakers it passes
//! through on the way to the outlet, nearest first ("the article says the ministry quoted a
//! commander who said ..." → commander via [ministry, BBC]).

use super::cues::Frame;

/// How many frames on either side of a frame may hold it, and how deep a chain is followed.
/// A paragraph of prose has a handful of frames and chains of two or three; a "paragraph" of
/// thousands of cues (text that is not prose) is read in time linear in its length.
pub const REACH: usize = 256;

/// For each frame, the innermost other frame whose content holds it (among the [`REACH`]
/// frames on either side: frames are in text order, and one whose content holds a frame
/// hundreds of frames away does not occur in prose).
pub fn parents(frames: &[Frame]) -> Vec<Option<usize>> {
    frames
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let near = i.saturating_sub(REACH)..(i + REACH + 1).min(frames.len());
            frames[near.clone()]
                .iter()
                .zip(near)
                .map(|(g, j)| (j, g))
                .filter(|&(j, g)| {
                    j != i
                        && g.content.0 <= f.extent.0
                        && f.extent.1 <= g.content.1
                        && g.content.0 < g.content.1
                        // Two frames over the same text: the later cue is inside.
                        && (g.extent != f.extent || j < i)
                })
                .min_by_key(|&(_, g)| (g.content.1 - g.content.0, usize::MAX - g.cue.0))
                .map(|(j, _)| j)
        })
        .collect()
}

/// Is `inner` nested, at any depth, inside `outer`?
pub fn descends(parents: &[Option<usize>], inner: usize, outer: usize) -> bool {
    let mut cur = parents[inner];
    let mut steps = 0;
    while let Some(p) = cur {
        if p == outer {
            return true;
        }
        steps += 1;
        if steps > parents.len() {
            return false;
        }
        cur = parents[p];
    }
    false
}

/// The chain of frame `i`: its own channel ("reported by X as"), then the speakers of the
/// frames that relay it, nearest first. A frame that denies or questions what it holds is
/// not a channel for it.
pub fn via(
    frames: &[Frame],
    parents: &[Option<usize>],
    speakers: &[Option<usize>],
    channels: &[Option<usize>],
    i: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    let own = speakers[i];
    let push = |id: Option<usize>, out: &mut Vec<usize>| {
        if let Some(id) = id
            && Some(id) != own
            && !out.contains(&id)
        {
            out.push(id);
        }
    };
    push(channels[i], &mut out);
    let mut cur = parents[i];
    let mut steps = 0;
    while let Some(p) = cur {
        if !frames[p].relays() {
            break;
        }
        push(speakers[p], &mut out);
        push(channels[p], &mut out);
        cur = parents[p];
        steps += 1;
        if steps > frames.len().min(REACH) {
            break;
        }
    }
    out
}
