//! An account's facets: names and values in name order, in a list sized to what it holds.
//! A map node is over half a kilobyte, and a hundred thousand articles give two million
//! accounts, most with one or two facets.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::model::FacetValue;

/// Names and values, in name order, each name once: read and written as a map.
#[derive(Clone, Default, PartialEq)]
pub struct Facets(Vec<(String, FacetValue)>);

impl Facets {
    /// No facets.
    pub fn new() -> Facets {
        Facets(Vec::new())
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    /// The value of the facet of that name.
    pub fn get(&self, name: &str) -> Option<&FacetValue> {
        self.find(name).ok().map(|i| &self.0[i].1)
    }

    /// Whether a facet of that name is given.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets a facet; returns the value it replaces.
    pub fn insert(&mut self, name: String, value: FacetValue) -> Option<FacetValue> {
        match self.find(&name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.reserve_exact(1);
                self.0.insert(i, (name, value));
                None
            }
        }
    }

    /// Takes the facet of that name out; returns its value.
    pub fn remove(&mut self, name: &str) -> Option<FacetValue> {
        self.find(name).ok().map(|i| self.0.remove(i).1)
    }

    /// Whether no facet is given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many facets.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Names and values, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &FacetValue)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

/// As a map's: a later value for a name replaces an earlier one.
impl FromIterator<(String, FacetValue)> for Facets {
    fn from_iter<I: IntoIterator<Item = (String, FacetValue)>>(iter: I) -> Facets {
        Facets::from(iter.into_iter().collect::<BTreeMap<_, _>>())
    }
}

impl From<BTreeMap<String, FacetValue>> for Facets {
    fn from(map: BTreeMap<String, FacetValue>) -> Facets {
        let mut list = Vec::with_capacity(map.len());
        list.extend(map);
        Facets(list)
    }
}

impl<const N: usize> From<[(String, FacetValue); N]> for Facets {
    fn from(list: [(String, FacetValue); N]) -> Facets {
        list.into_iter().collect()
    }
}

impl IntoIterator for Facets {
    type Item = (String, FacetValue);
    type IntoIter = std::vec::IntoIter<(String, FacetValue)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Facets {
    type Item = (&'a String, &'a FacetValue);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, FacetValue)>,
        fn(&'a (String, FacetValue)) -> (&'a String, &'a FacetValue),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl fmt::Debug for Facets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Facets {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Facets {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Facets, D::Error> {
        BTreeMap::<String, FacetValue>::deserialize(d).map(Facets::from)
    }
}

/// The schema of the map it is read and written as.
impl schemars::JsonSchema for Facets {
    fn inline_schema() -> bool {
        <BTreeMap<String, FacetValue>>::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        <BTreeMap<String, FacetValue>>::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        <BTreeMap<String, FacetValue>>::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, FacetValue>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_by_name_kept_in_order_and_read_as_a_map() {
        let mut facets: Facets = [
            ("target".to_string(), FacetValue::Text("convoy".into())),
            ("killed".to_string(), FacetValue::Text("20".into())),
        ]
        .into();
        assert_eq!(
            facets.get("killed").map(ToString::to_string).as_deref(),
            Some("20")
        );
        assert!(facets.contains_key("target") && !facets.contains_key("place"));
        assert_eq!(facets.keys().collect::<Vec<_>>(), ["killed", "target"]);
        assert_eq!(
            facets.insert("killed".into(), FacetValue::Int(21)),
            Some(FacetValue::Text("20".into()))
        );
        facets.insert("intent".into(), FacetValue::Text("deliberate".into()));
        assert_eq!(
            facets.remove("target"),
            Some(FacetValue::Text("convoy".into()))
        );
        assert_eq!(
            serde_json::to_string(&facets).expect("json"),
            r#"{"intent":"deliberate","killed":21}"#
        );
        let back: Facets = serde_json::from_str(r#"{"b":1,"a":true}"#).expect("json");
        assert_eq!(format!("{back:?}"), r#"{"a": Bool(true), "b": Int(1)}"#);
    }
}
