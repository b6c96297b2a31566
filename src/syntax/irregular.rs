//! English irregular verbs (`data/syntax/irregular-verbs.tsv`): the lemma of a past tense or
//! participle the treebank never showed ("sank", "strove"), beside the learnt lemmatiser,
//! which knows only the forms it was trained on.

use std::collections::HashMap;
use std::sync::OnceLock;

const TEXT: &str = include_str!("../../data/syntax/irregular-verbs.tsv");

/// Lower-cased past forms and participles to their base forms.
struct Table {
    past: HashMap<&'static str, &'static str>,
    participle: HashMap<&'static str, &'static str>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            past: HashMap::new(),
            participle: HashMap::new(),
        };
        for line in TEXT
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut cols = line.split('\t');
            let (Some(base), Some(past), Some(part)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            for p in past.split('|') {
                t.past.entry(p).or_insert(base);
            }
            for p in part.split('|') {
                t.participle.entry(p).or_insert(base);
            }
        }
        t
    })
}

/// The base form of `form` read as `xpos` (VBD: a past tense, VBN: a participle), when the
/// table lists it; any case.
pub fn base(form: &str, xpos: &str) -> Option<&'static str> {
    let map = match xpos {
        "VBD" => &table().past,
        "VBN" => &table().participle,
        _ => return None,
    };
    if form.bytes().any(|b| b.is_ascii_uppercase()) {
        map.get(form.to_ascii_lowercase().as_str()).copied()
    } else {
        map.get(form).copied()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pasts_and_participles_give_their_base() {
        assert_eq!(super::base("sank", "VBD"), Some("sink"));
        assert_eq!(super::base("Sunk", "VBN"), Some("sink"));
        assert_eq!(super::base("learnt", "VBD"), Some("learn"));
        assert_eq!(super::base("learnt", "VBN"), Some("learn"));
        assert_eq!(super::base("sank", "NN"), None);
        assert_eq!(super::base("walked", "VBD"), None);
    }
}
