//! A timeline as a spreadsheet: one row per account (RFC 4180 CSV, CRLF line ends, fields
//! quoted only when they must be). An event without accounts still has one row, with the
//! account columns empty, so that no event is lost. `rashomon import csv` reads the same
//! columns back.
//!
//! Lists in one cell (`via`, `facets`) are separated by `; `; facets are `key=value`. A value
//! is written as it is unless it would read back as something else: text that looks like a
//! number or `true`/`false`, or holds `;`, `=`, `"` or `\`, or starts or ends with a space,
//! is written in double quotes with `\"` and `\\` escapes (`note="a; b"`, `killed="62"`
//! for the text 62 rather than the number).

use super::ExportError;
use crate::timeline::{Account, Event, FacetValue, Timeline};

/// The columns, in order.
pub const COLUMNS: [&str; 13] = [
    "event_id",
    "event_date",
    "event_title",
    "claimant",
    "via",
    "source",
    "outlet",
    "published",
    "stance",
    "summary",
    "quote",
    "facets",
    "disputed",
];

/// The CSV text of a timeline whose events are in date order.
pub fn export(timeline: &Timeline) -> Result<String, ExportError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for event in &timeline.events {
        if event.accounts.is_empty() {
            w.write_record(row(timeline, event, None))?;
        }
        for account in &event.accounts {
            w.write_record(row(timeline, event, Some(account)))?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::CsvBuffer(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::CsvBuffer(e.to_string()))
}

fn row(timeline: &Timeline, event: &Event, account: Option<&Account>) -> [String; 13] {
    let event_cells = [
        event.id.clone(),
        event.when.to_string(),
        event.title.clone(),
    ];
    let Some(a) = account else {
        let mut r: [String; 13] = Default::default();
        r[..3].clone_from_slice(&event_cells);
        return r;
    };
    let source = timeline.source(&a.source);
    let disputed: Vec<String> = event
        .disputes
        .iter()
        .filter(|d| d.positions.len() >= 2 && a.facets.contains_key(&d.facet))
        .map(|d| d.facet.clone())
        .collect();
    let [id, date, title] = event_cells;
    [
        id,
        date,
        title,
        a.claimant.clone(),
        list(&a.via),
        a.source.clone(),
        source.and_then(|s| s.outlet.clone()).unwrap_or_default(),
        source
            .and_then(|s| s.published)
            .map(|w| w.to_string())
            .unwrap_or_default(),
        a.stance.to_string(),
        a.summary.clone().unwrap_or_default(),
        a.quote.clone().unwrap_or_default(),
        facets(a),
        list(&disputed),
    ]
}

/// `a; b; c`, each item quoted when it must be.
pub fn list(items: &[String]) -> String {
    items.iter().map(|i| text(i)).collect::<Vec<_>>().join("; ")
}

/// `killed=62; intent=deliberate`.
pub fn facets(account: &Account) -> String {
    account
        .facets
        .iter()
        .map(|(k, v)| {
            let value = match v {
                FacetValue::Bool(b) => b.to_string(),
                FacetValue::Int(n) => n.to_string(),
                FacetValue::Text(t) => text(t),
            };
            format!("{}={value}", text(k))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A text item as written in a list cell: bare when it reads back as the same text.
fn text(s: &str) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.contains([';', '=', '"', '\\'])
        && s != "true"
        && s != "false"
        && s.parse::<i64>().is_err();
    if plain {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// One item of a list cell as read back: its text and whether it was quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item's text, unquoted.
    pub text: String,
    /// Whether it was written in quotes (so `"62"` stays text).
    pub quoted: bool,
}

/// Why a list cell could not be read; `at` is the character position in the cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at character {at})")]
pub struct CellError {
    /// What is wrong.
    pub message: String,
    /// The character position in the cell.
    pub at: usize,
}

/// Read a list cell (`a; "b; c"`): items separated by `;`, bare items trimmed.
pub fn read_list(cell: &str) -> Result<Vec<Item>, CellError> {
    let mut reader = Cells::new(cell);
    let mut out = Vec::new();
    if cell.trim().is_empty() {
        return Ok(out);
    }
    loop {
        out.push(reader.item(&[';'])?);
        if !reader.separator(';')? {
            return Ok(out);
        }
    }
}

/// Read a facets cell (`killed=62; intent=deliberate`).
pub fn read_facets(cell: &str) -> Result<Vec<(String, FacetValue)>, CellError> {
    let mut reader = Cells::new(cell);
    let mut out = Vec::new();
    if cell.trim().is_empty() {
        return Ok(out);
    }
    loop {
        let key = reader.item(&['=', ';'])?;
        if key.text.is_empty() {
            return Err(reader.error("a facet needs a name before `=`"));
        }
        if !reader.separator('=')? {
            return Err(reader.error(&format!(
                "facet `{}` needs `=` and a value (`{}=value`)",
                key.text, key.text
            )));
        }
        let value = reader.item(&[';'])?;
        let value = if value.quoted {
            FacetValue::Text(value.text)
        } else if value.text == "true" || value.text == "false" {
            FacetValue::Bool(value.text == "true")
        } else if let Ok(n) = value.text.parse::<i64>() {
            FacetValue::Int(n)
        } else if value.text.is_empty() {
            return Err(reader.error(&format!("facet `{}` has no value", key.text)));
        } else {
            FacetValue::Text(value.text)
        };
        out.push((key.text, value));
        if !reader.separator(';')? {
            return Ok(out);
        }
    }
}

struct Cells<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    cell: &'a str,
}

impl<'a> Cells<'a> {
    fn new(cell: &'a str) -> Cells<'a> {
        Cells {
            chars: cell.char_indices().peekable(),
            cell,
        }
    }

    fn pos(&mut self) -> usize {
        let byte = self.chars.peek().map_or(self.cell.len(), |(i, _)| *i);
        self.cell[..byte].chars().count() + 1
    }

    fn error(&mut self, message: &str) -> CellError {
        CellError {
            message: message.to_string(),
            at: self.pos(),
        }
    }

    fn skip_spaces(&mut self) {
        while self.chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
    }

    /// An item up to one of `stops` (not consumed) or the end.
    fn item(&mut self, stops: &[char]) -> Result<Item, CellError> {
        self.skip_spaces();
        if self.chars.next_if(|(_, c)| *c == '"').is_some() {
            let mut text = String::new();
            loop {
                match self.chars.next() {
                    Some((_, '"')) => break,
                    Some((_, '\\')) => match self.chars.next() {
                        Some((_, c)) => text.push(c),
                        None => return Err(self.error("a `\\` ends the cell")),
                    },
                    Some((_, c)) => text.push(c),
                    None => return Err(self.error("a quoted item is not closed with `\"`")),
                }
            }
            self.skip_spaces();
            return Ok(Item { text, quoted: true });
        }
        let mut text = String::new();
        while let Some((_, c)) = self.chars.next_if(|(_, c)| !stops.contains(c)) {
            if c == '"' || c == '\\' {
                return Err(self.error(&format!(
                    "`{c}` inside an item: quote the whole item (\"...\") and write \\{c}"
                )));
            }
            text.push(c);
        }
        Ok(Item {
            text: text.trim().to_string(),
            quoted: false,
        })
    }

    /// Consume `sep` if it comes next; false at the end of the cell.
    fn separator(&mut self, sep: char) -> Result<bool, CellError> {
        self.skip_spaces();
        match self.chars.peek() {
            None => Ok(false),
            Some((_, c)) if *c == sep => {
                self.chars.next();
                Ok(true)
            }
            Some((_, c)) => {
                let c = *c;
                Err(self.error(&format!("expected `{sep}`, found `{c}`")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_round_trip() {
        let items: Vec<String> = ["BBC", "a; b", " x", "62", "say \"no\"", "back\\slash", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let cell = list(&items);
        assert_eq!(
            cell,
            r#"BBC; "a; b"; " x"; "62"; "say \"no\""; "back\\slash"; """#
        );
        let back: Vec<String> = read_list(&cell)
            .unwrap()
            .into_iter()
            .map(|i| i.text)
            .collect();
        assert_eq!(back, items);
    }

    #[test]
    fn facets_keep_their_types() {
        let mut a = Account::default();
        a.facets.insert("killed".into(), FacetValue::Int(62));
        a.facets.insert("warned".into(), FacetValue::Bool(false));
        a.facets
            .insert("count".into(), FacetValue::Text("62".into()));
        a.facets
            .insert("intent".into(), "by mistake; they say".into());
        let cell = facets(&a);
        assert_eq!(
            cell,
            r#"count="62"; intent="by mistake; they say"; killed=62; warned=false"#
        );
        let back: Vec<(String, FacetValue)> = read_facets(&cell).unwrap();
        assert_eq!(back, a.facets.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn bad_cells_say_where() {
        let e = read_facets("killed=62; intent").unwrap_err();
        assert!(e.message.contains("needs `=`"), "{e}");
        let e = read_list(r#"a; "b"#).unwrap_err();
        assert!(e.message.contains("not closed"), "{e}");
        let e = read_facets(r#""a"b=1"#).unwrap_err();
        assert!(e.to_string().contains("at character"), "{e}");
    }
}
