//! Typed values read from the located tree, so that a timeline is parsed once, not twice.
//!
//! The tree does not keep tags, anchors or a `%YAML` directive, so [`super::from_tree`] uses
//! this only for a document without them. Scalars resolve as serde-saphyr resolves them with
//! [`super::options`]: the common forms (text, plain whole numbers, `true`, `false`, null)
//! here, anything else number-like by serde-saphyr itself. Whatever this reader does not
//! take (an error of any kind) is read again by serde-saphyr, whose message is the one
//! shown, so this reader may be strict but must never accept a value differently.

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::{Node, Value};

/// Why a value could not be read from the tree, and the byte offset of the node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeError {
    /// What is wrong.
    pub message: String,
    /// Byte offset of the node it is about.
    pub at: Option<usize>,
}

impl fmt::Display for NodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NodeError {}

impl de::Error for NodeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        NodeError {
            message: message.to_string(),
            at: None,
        }
    }
}

/// Read a `T` from a node of the located tree.
pub fn from_node<T: de::DeserializeOwned>(node: &Node<'_>) -> Result<T, NodeError> {
    T::deserialize(De(node))
}

/// A plain scalar's value, resolved as serde-saphyr resolves it.
#[derive(Debug, Clone, PartialEq)]
enum Resolved {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    U128(u128),
    I128(i128),
    F64(f64),
    Text(String),
}

impl Resolved {
    fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match self {
            Resolved::Null => visitor.visit_unit(),
            Resolved::Bool(b) => visitor.visit_bool(b),
            Resolved::U64(n) => visitor.visit_u64(n),
            Resolved::I64(n) => visitor.visit_i64(n),
            Resolved::U128(n) => visitor.visit_u128(n),
            Resolved::I128(n) => visitor.visit_i128(n),
            Resolved::F64(x) => visitor.visit_f64(x),
            Resolved::Text(s) => visitor.visit_string(s),
        }
    }
}

impl<'de> de::Deserialize<'de> for Resolved {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Resolved, D::Error> {
        struct Capture;
        impl Visitor<'_> for Capture {
            type Value = Resolved;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a scalar")
            }
            fn visit_unit<E>(self) -> Result<Resolved, E> {
                Ok(Resolved::Null)
            }
            fn visit_none<E>(self) -> Result<Resolved, E> {
                Ok(Resolved::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Resolved, E> {
                Ok(Resolved::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Resolved, E> {
                Ok(Resolved::U64(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Resolved, E> {
                Ok(Resolved::I64(v))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Resolved, E> {
                Ok(Resolved::U128(v))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Resolved, E> {
                Ok(Resolved::I128(v))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Resolved, E> {
                Ok(Resolved::F64(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Resolved, E> {
                Ok(Resolved::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Resolved, E> {
                Ok(Resolved::Text(v))
            }
        }
        d.deserialize_any(Capture)
    }
}

/// Plain `null`, `~` or nothing.
fn nullish(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// A plain whole number in its one canonical spelling (no sign `+`, no leading zero, no
/// `_`), small enough for 64 bits whatever its sign.
fn simple_int(text: &str) -> Option<Resolved> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text),
    };
    let canonical = !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !canonical {
        return None;
    }
    let n: i64 = text.parse().ok()?;
    Some(if negative {
        Resolved::I64(n)
    } else {
        Resolved::U64(n.unsigned_abs())
    })
}

/// What a plain scalar means. Text with white space in it, or starting with a letter and
/// not one of the words a YAML reader may take for something else, is text; other forms
/// that may be numbers are resolved by serde-saphyr on the scalar alone.
fn resolve_plain(text: &str) -> Result<Resolved, NodeError> {
    if nullish(text) {
        return Ok(Resolved::Null);
    }
    match text {
        "true" => return Ok(Resolved::Bool(true)),
        "false" => return Ok(Resolved::Bool(false)),
        _ => {}
    }
    if let Some(n) = simple_int(text) {
        return Ok(n);
    }
    // No number, boolean or null has white space inside.
    if text.contains(char::is_whitespace) {
        return Ok(Resolved::Text(text.to_string()));
    }
    let first = text.chars().next().unwrap_or(' ');
    const WORDS: [&str; 12] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "inf", "nan", "infinity",
    ];
    let word = |t: &str| WORDS.iter().any(|w| t.eq_ignore_ascii_case(w));
    if (first.is_ascii_alphabetic() && !word(text)) || !first.is_ascii() {
        return Ok(Resolved::Text(text.to_string()));
    }
    // The scalar alone is a document with that one plain scalar, unless it starts a marker.
    if text.starts_with("---") || text.starts_with("...") {
        return Err(de::Error::custom(
            "a scalar this reader leaves to serde-saphyr",
        ));
    }
    serde_saphyr::from_str_with_options::<Resolved>(text, super::options()).map_err(|e| NodeError {
        message: e.to_string(),
        at: None,
    })
}

/// Places an error without a place at `node`.
fn at<T>(node: &Node<'_>, r: Result<T, NodeError>) -> Result<T, NodeError> {
    r.map_err(|mut e| {
        e.at.get_or_insert(node.start);
        e
    })
}

fn unexpected(node: &Node<'_>, wanted: &str) -> NodeError {
    NodeError {
        message: format!("expected {wanted}, found {}", node.kind()),
        at: Some(node.start),
    }
}

/// The deserializer over one node.
struct De<'n, 'a>(&'n Node<'a>);

impl De<'_, '_> {
    /// A scalar's text and whether it was written plain.
    fn scalar(&self, wanted: &str) -> Result<(&str, bool), NodeError> {
        match &self.0.value {
            Value::Scalar { text, plain } => Ok((text, *plain)),
            _ => Err(unexpected(self.0, wanted)),
        }
    }

    fn resolved(&self, wanted: &str) -> Result<Resolved, NodeError> {
        match self.scalar(wanted)? {
            (text, true) => at(self.0, resolve_plain(text)),
            (text, false) => Ok(Resolved::Text(text.to_string())),
        }
    }
}

impl<'de> de::Deserializer<'de> for De<'_, '_> {
    type Error = NodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        let node = self.0;
        match &node.value {
            Value::Scalar { .. } => at(node, self.resolved("a value")?.visit(visitor)),
            Value::Seq(items) => at(node, visitor.visit_seq(Seq(items.iter()))),
            Value::Map(entries) => {
                check_keys(node)?;
                at(node, visitor.visit_map(Map::new(entries)))
            }
            Value::Alias => Err(unexpected(node, "a value")),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match self.resolved("true or false")? {
            Resolved::Bool(b) => at(self.0, visitor.visit_bool(b)),
            _ => Err(unexpected(self.0, "true or false")),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match self.scalar("a whole number")? {
            (text, true) => match simple_int(text) {
                Some(n) => at(self.0, n.visit(visitor)),
                None => Err(unexpected(self.0, "a whole number")),
            },
            _ => Err(unexpected(self.0, "a whole number")),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match self.scalar("text")? {
            (text, true) if nullish(text) => Err(unexpected(self.0, "text")),
            (text, _) => at(self.0, visitor.visit_str(text)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        if self.0.is_null() {
            at(self.0, visitor.visit_none())
        } else {
            at(self.0, visitor.visit_some(self))
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        if self.0.is_null() {
            at(self.0, visitor.visit_unit())
        } else {
            Err(unexpected(self.0, "nothing"))
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match &self.0.value {
            Value::Seq(items) => at(self.0, visitor.visit_seq(Seq(items.iter()))),
            _ => Err(unexpected(self.0, "a list")),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        match &self.0.value {
            Value::Seq(items) if items.len() == len => {
                at(self.0, visitor.visit_seq(Seq(items.iter())))
            }
            _ => Err(unexpected(self.0, &format!("a list of {len}"))),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        match &self.0.value {
            Value::Map(entries) => {
                check_keys(self.0)?;
                at(self.0, visitor.visit_map(Map::new(entries)))
            }
            _ => Err(unexpected(self.0, "keys and values")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        // Unit variants only: the timeline's enums are words.
        match self.scalar("a word")? {
            (text, true) if nullish(text) => Err(unexpected(self.0, "a word")),
            (text, _) => at(self.0, visitor.visit_enum(text.into_deserializer())),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        at(self.0, visitor.visit_newtype_struct(self))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        at(self.0, visitor.visit_unit())
    }

    // Forms the timeline does not use are left to serde-saphyr.
    fn deserialize_f64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, NodeError> {
        Err(unexpected(self.0, "a number"))
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, NodeError> {
        Err(unexpected(self.0, "a character"))
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, NodeError> {
        Err(unexpected(self.0, "bytes"))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, NodeError> {
        Err(unexpected(self.0, "bytes"))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, NodeError> {
        self.deserialize_tuple(len, visitor)
    }

    serde::forward_to_deserialize_any! { i128 u128 }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NodeError> {
        self.deserialize_f64(visitor)
    }
}

/// Keys must be single values, each once, and not the merge key `<<` (serde-saphyr merges
/// it; the tree does not).
fn check_keys(node: &Node<'_>) -> Result<(), NodeError> {
    let entries = node.entries();
    let mut seen = std::collections::HashSet::with_capacity(entries.len());
    for e in entries {
        match &e.key.value {
            Value::Scalar { text, plain } if !(*plain && text == "<<") => {
                if !seen.insert(text.as_ref()) {
                    return Err(NodeError {
                        message: "duplicate key".into(),
                        at: Some(e.key.start),
                    });
                }
            }
            _ => return Err(unexpected(&e.key, "a key")),
        }
    }
    Ok(())
}

struct Seq<'n, 'a>(std::slice::Iter<'n, Node<'a>>);

impl<'de> SeqAccess<'de> for Seq<'_, '_> {
    type Error = NodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, NodeError> {
        self.0.next().map(|n| seed.deserialize(De(n))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Map<'n, 'a> {
    entries: std::slice::Iter<'n, super::Entry<'a>>,
    value: Option<&'n Node<'a>>,
}

impl<'n, 'a> Map<'n, 'a> {
    fn new(entries: &'n [super::Entry<'a>]) -> Self {
        Map {
            entries: entries.iter(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Map<'_, '_> {
    type Error = NodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, NodeError> {
        let Some(e) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(&e.value);
        seed.deserialize(De(&e.key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, NodeError> {
        match self.value.take() {
            Some(v) => seed.deserialize(De(v)),
            None => Err(de::Error::custom("a value without its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::diagnostic::Lines;
    use crate::timeline::model::{FacetValue, Stance, Timeline};
    use crate::timeline::when::When;
    use crate::timeline::yaml::{from_str, parse_tree};

    fn read<T: de::DeserializeOwned>(src: &str) -> Result<T, NodeError> {
        let tree = parse_tree(src).map_err(|e| NodeError {
            message: e.message,
            at: None,
        })?;
        from_node(&tree)
    }

    /// Every plain form a facet may take reads as serde-saphyr reads it.
    #[test]
    fn scalars_resolve_as_serde_saphyr_resolves_them() {
        let values = [
            "62",
            "-3",
            "0",
            "007",
            "+5",
            "0x1F",
            "0o17",
            "1_000",
            "0.5",
            "1e3",
            "-0.0",
            ".5",
            ".inf",
            "-.inf",
            ".nan",
            ".NaN",
            "true",
            "false",
            "True",
            "FALSE",
            "yes",
            "no",
            "on",
            "y",
            "~",
            "null",
            "Null",
            "deliberate",
            "2016-09-17",
            "12:30",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999",
            "inf",
            "nan",
            "Infinity",
            "1 000",
            "5 people",
            "é",
            "-",
            "-x",
            "'q'",
            "\"q\"",
            "a: b",
            "[1, 2]",
            "{a: 1}",
            "",
            "--- x",
            "x --- y",
            "1.",
            "1e",
            "0b101",
            "e5",
            "°5",
        ];
        for v in values {
            let src = format!("k: {v}\n");
            let fast: Result<std::collections::BTreeMap<String, Option<FacetValue>>, _> =
                read(&src);
            let slow: Result<std::collections::BTreeMap<String, Option<FacetValue>>, _> =
                from_str(&src);
            // This reader may refuse what serde-saphyr takes (that is read again), never
            // take it differently.
            if let Ok(fast) = fast {
                assert_eq!(Ok(fast), slow.map_err(|e| e.message), "{v:?}");
            }
            let fast: Result<std::collections::BTreeMap<String, When>, _> = read(&src);
            let slow: Result<std::collections::BTreeMap<String, When>, _> = from_str(&src);
            if let Ok(fast) = fast {
                assert_eq!(Ok(fast), slow.map_err(|e| e.message), "when {v:?}");
            }
            let fast: Result<std::collections::BTreeMap<String, String>, _> = read(&src);
            let slow: Result<std::collections::BTreeMap<String, String>, _> = from_str(&src);
            if let Ok(fast) = fast {
                assert_eq!(Ok(fast), slow.map_err(|e| e.message), "text {v:?}");
            }
        }
    }

    #[test]
    fn typed_values_read_from_the_tree() {
        let src = "title: T\nsources:\n  - id: s\n    published: \"2016-09-17\"\n    kind: report\n    extracted: [[1, 2]]\nevents:\n  - id: e\n    title: E\n    when: 2016\n    where: Aleppo\n    accounts:\n      - source: s\n        stance: denies\n        span: [3, 40]\n        facets: {killed: 62, intent: deliberate, ratio: 0.5, ok: true}\n        comment: true\n        quote: ~\n";
        let fast: Timeline = read(src).unwrap();
        let slow: Timeline = from_str(src).unwrap();
        assert_eq!(fast, slow);
        let a = &fast.events[0].accounts[0];
        assert_eq!(a.stance, Stance::Denies);
        assert_eq!(a.span, Some([3, 40]));
        assert_eq!(a.facets.get("killed"), Some(&FacetValue::Int(62)));
        assert_eq!(a.facets.get("ratio"), Some(&FacetValue::Text("0.5".into())));
        assert_eq!(fast.events[0].places, ["Aleppo"]);
        assert_eq!(fast.events[0].when.to_string(), "2016");
    }

    #[test]
    fn errors_name_the_node() {
        let src = "title: T\nevents:\n  - id: e\n    title: E\n    when: 2016-13-45\n";
        let err = read::<Timeline>(src).unwrap_err();
        let at = Lines::new(src).place(err.at.unwrap());
        assert_eq!((at.line, at.col), (5, 11), "{err:?}");
        let src = "title: T\nevents:\n  - id: e\n    title: E\n    colour: red\n";
        let err = read::<Timeline>(src).unwrap_err();
        let at = Lines::new(src).place(err.at.unwrap());
        assert_eq!((at.line, at.col), (5, 5), "{err:?}");
        let src = "title: T\nsources:\n  - id: s\n    extracted: [[1, 2, 3]]\n";
        let err = read::<Timeline>(src).unwrap_err();
        let at = Lines::new(src).place(err.at.unwrap());
        assert_eq!((at.line, at.col), (4, 17), "{err:?}");
    }

    #[test]
    fn refuses_what_the_tree_cannot_say() {
        for src in [
            "a: 1\na: 2\n",
            "<<: {a: 1}\n",
            "? [a]\n: 1\n",
            "a: &x 1\nb: *x\n",
        ] {
            assert!(
                read::<std::collections::BTreeMap<String, FacetValue>>(src).is_err(),
                "{src:?}"
            );
        }
    }
}
