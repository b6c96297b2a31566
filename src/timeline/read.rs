//! The typed timeline from its located tree, without parsing the text again.
//!
//! A large timeline is mostly its lists of sources and events: their items are read on all
//! cores, each item's nodes dropped once read, so that the file is not held as the whole tree
//! and the whole timeline at once.

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::model::Timeline;
use super::yaml::{self, Node, Value, YamlError};

/// The timeline in `tree`, the located tree of `src`; `plain` as [`yaml::from_tree`] takes
/// it. Whatever the tree cannot give is read from `src` by serde-saphyr, as there.
pub fn timeline(src: &str, mut tree: Node<'_>, plain: bool) -> Result<Timeline, YamlError> {
    if !plain {
        drop(tree);
        return yaml::from_str(src);
    }
    let sources = take_items(&mut tree, "sources");
    let events = take_items(&mut tree, "events");
    let read = yaml::from_node::<Timeline>(&tree).and_then(|mut t| {
        drop(tree);
        t.sources = items(sources)?;
        t.events = items(events)?;
        Ok(t)
    });
    read.or_else(|_| yaml::from_str(src))
}

/// The items of the list under `key` in a mapping, taken out (the list left empty).
fn take_items<'a>(tree: &mut Node<'a>, key: &str) -> Vec<Node<'a>> {
    let Value::Map(entries) = &mut tree.value else {
        return Vec::new();
    };
    let Some(entry) = entries.iter_mut().find(|e| e.key.as_str() == Some(key)) else {
        return Vec::new();
    };
    match &mut entry.value.value {
        Value::Seq(items) => std::mem::take(items),
        _ => Vec::new(),
    }
}

fn items<T: DeserializeOwned + Send>(nodes: Vec<Node<'_>>) -> Result<Vec<T>, yaml::NodeError> {
    nodes
        .into_par_iter()
        .map(|node| yaml::from_node(&node))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_serde_saphyr_reads() {
        let src = "title: T\nsources:\n  - id: s\n    kind: report\nevents:\n  - id: e\n    title: E\n    when: 2016-09\n    accounts:\n      - source: s\n        facets: {killed: 62}\n  - id: f\n    title: F\nrelations:\n  - {from: e, to: f, kind: before}\n";
        let (tree, plain) = yaml::parse(src).unwrap();
        assert!(plain);
        let fast = timeline(src, tree, plain).unwrap();
        assert_eq!(fast, yaml::from_str::<Timeline>(src).unwrap());
        assert_eq!(fast.events.len(), 2);
    }

    #[test]
    fn what_the_tree_cannot_give_is_read_from_the_text() {
        // A tag: the tree does not keep it, and it changes the value.
        let src = "title: T\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: s\n        facets: {killed: !!str 62}\n";
        let (tree, plain) = yaml::parse(src).unwrap();
        assert!(!plain);
        let t = timeline(src, tree, plain).unwrap();
        assert_eq!(t, yaml::from_str::<Timeline>(src).unwrap());
        // An error is serde-saphyr's, with its place.
        let src = "title: T\nevents:\n  - id: e\n    title: E\n    when: 2016-13-45\n";
        let (tree, plain) = yaml::parse(src).unwrap();
        let err = timeline(src, tree, plain).unwrap_err();
        assert_eq!(err, yaml::from_str::<Timeline>(src).unwrap_err());
    }
}
