//! Reading article files and folders into segmented documents.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::byline;
use super::decode::decode;
use super::document::{Document, Format, Segment, SegmentKind};
use super::error::IngestError;
use super::frontmatter;
use super::html;
use super::lines::strip_markup;
use super::segment::segment;

/// Extensions read when walking a folder.
const ARTICLE_EXTENSIONS: &[&str] = &["htm", "html", "markdown", "md", "txt"];

/// Read one article: a regular file within the article size limit ([`crate::input`]). The
/// format comes from the extension; other files are sniffed (HTML if they open with a
/// doctype or `<html`, else text).
pub fn read(path: &Path) -> Result<Document, IngestError> {
    let bytes = crate::input::read(path, crate::input::Kind::Article)?;
    let format = format_of(path).unwrap_or_else(|| sniff(&bytes));
    let mut doc = build(&path.display().to_string(), &bytes, format)?;
    doc.path = path.to_path_buf();
    doc.id = slug(&stem(path));
    Ok(doc)
}

/// Read an article from memory; `name` stands for its file name (id, messages).
pub fn read_str(name: &str, bytes: &[u8], format: Format) -> Result<Document, IngestError> {
    let mut doc = build(name, bytes, format)?;
    doc.path = PathBuf::from(name);
    doc.id = slug(&stem(Path::new(name)));
    Ok(doc)
}

/// Read files and folders (recursively: hidden entries skipped, only article extensions),
/// in sorted path order, each with a unique id: the slug of its file stem, then `-2`, `-3`
/// for later files with the same slug. The first file that cannot be read is the error.
pub fn read_all(paths: &[PathBuf]) -> Result<Vec<Document>, IngestError> {
    let read = read_each(paths)?;
    match read.skipped.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(read.docs),
    }
}

/// The articles read, and those that could not be (each with why).
#[derive(Debug, Default)]
pub struct Read {
    /// The articles, each with its unique id.
    pub docs: Vec<Document>,
    /// Files that are not articles or could not be read, in path order.
    pub skipped: Vec<IngestError>,
}

/// [`read_all`] that keeps going: a bad or unreadable file is set aside with its error and
/// the others are read. Only a path given that cannot be listed is an error.
pub fn read_each(paths: &[PathBuf]) -> Result<Read, IngestError> {
    let mut files = BTreeSet::new();
    let mut out = Read::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| IngestError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut seen = BTreeSet::new();
            collect(path, &mut files, &mut seen, &mut out.skipped)?;
        } else {
            files.insert(path.clone());
        }
    }
    let files: Vec<PathBuf> = files.into_iter().collect();
    let results: Vec<Result<Document, IngestError>> = files.par_iter().map(|p| read(p)).collect();
    for r in results {
        match r {
            Ok(doc) => out.docs.push(doc),
            Err(e) => out.skipped.push(e),
        }
    }
    assign_ids(&mut out.docs);
    Ok(out)
}

/// Make ids unique in order: the first keeps its slug, later ones get `-2`, `-3`, ...
fn assign_ids(docs: &mut [Document]) {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for doc in docs {
        let base = doc.id.clone();
        let mut id = base.clone();
        while taken.contains(&id) {
            let n = next.entry(base.clone()).or_insert(1);
            *n += 1;
            id = format!("{base}-{n}");
        }
        taken.insert(id.clone());
        doc.id = id;
    }
}

/// The article files under a folder. The folder itself must be readable; an entry or a
/// subfolder that is not is set aside in `skipped`.
fn collect(
    dir: &Path,
    files: &mut BTreeSet<PathBuf>,
    seen: &mut BTreeSet<PathBuf>,
    skipped: &mut Vec<IngestError>,
) -> Result<(), IngestError> {
    let io = |source| IngestError::Io {
        path: dir.to_path_buf(),
        source,
    };
    // A symlink loop would otherwise recurse for ever.
    let canonical = dir.canonicalize().map_err(io)?;
    if !seen.insert(canonical) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(source) => {
                if format_of(&path).is_some() {
                    skipped.push(IngestError::Io { path, source });
                }
                continue;
            }
        };
        if meta.is_dir() {
            if let Err(e) = collect(&path, files, seen, skipped) {
                skipped.push(e);
            }
        } else if format_of(&path).is_some() {
            files.insert(path);
        }
    }
    Ok(())
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
        return None;
    }
    Some(match ext.as_str() {
        "html" | "htm" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        _ => Format::Text,
    })
}

/// HTML if the file opens (after a byte-order mark and white space) with a doctype or `<html`.
fn sniff(bytes: &[u8]) -> Format {
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = start.trim_ascii_start();
    let head = &start[..start.len().min(14)];
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        Format::Html
    } else {
        Format::Text
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Lower case, `[a-z0-9-]`, runs of anything else as one `-`; "doc" when nothing is left.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "doc".to_string()
    } else {
        out.to_string()
    }
}

fn build(file: &str, bytes: &[u8], format: Format) -> Result<Document, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty {
            file: file.to_string(),
        });
    }
    if let Some(what) = super::prose::binary(bytes) {
        return Err(IngestError::Binary {
            file: file.to_string(),
            what,
        });
    }
    let decoded = decode(bytes, format == Format::Html);
    let mut doc = Document {
        format,
        warnings: decoded.warning.into_iter().collect(),
        ..Document::default()
    };
    match format {
        Format::Html => {
            let page = html::extract(&decoded.text);
            if page.text.trim().is_empty() {
                return Err(IngestError::NoText {
                    file: file.to_string(),
                });
            }
            if let Some(reason) = super::prose::not_prose(&page.text) {
                return Err(IngestError::NotProse {
                    file: file.to_string(),
                    reason,
                });
            }
            doc.segments = segment(&page.text, 0, &page.hints);
            doc.text = page.text;
            doc.meta = page.meta;
            doc.warnings.extend(page.warnings);
        }
        Format::Text | Format::Markdown => {
            let text = decoded.text;
            if text.trim().is_empty() {
                return Err(IngestError::Empty {
                    file: file.to_string(),
                });
            }
            // A byte-order mark stays in the text (offsets are file offsets) but outside
            // every segment.
            let bom = if text.starts_with('\u{feff}') {
                '\u{feff}'.len_utf8()
            } else {
                0
            };
            let mut from = bom;
            if let Some(fm) = frontmatter::parse(file, &text[bom..])? {
                doc.warnings.extend(fm.warnings);
                if fm.end > 0 {
                    doc.meta = fm.meta;
                    doc.segments.push(Segment {
                        kind: SegmentKind::FrontMatter,
                        start: bom,
                        end: bom + fm.end,
                    });
                    from = bom + fm.end;
                }
            }
            if let Some(reason) = super::prose::not_prose(&text[from..]) {
                return Err(IngestError::NotProse {
                    file: file.to_string(),
                    reason,
                });
            }
            let rest = segment(&text, from, &[]);
            doc.segments.extend(rest);
            doc.text = text;
        }
    }
    fill_meta_from_text(&mut doc);
    Ok(doc)
}

/// Title from the headline and author from a "By X" byline, when nothing better said them.
fn fill_meta_from_text(doc: &mut Document) {
    if doc.meta.title.is_none()
        && let Some(h) = doc
            .segments
            .iter()
            .find(|s| s.kind == SegmentKind::Headline)
    {
        let title = strip_markup(doc.slice(h)).trim().to_string();
        doc.meta.title = Some(title).filter(|t| !t.is_empty());
    }
    if doc.meta.author.is_none() {
        doc.meta.author = doc
            .segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Byline)
            .find_map(|s| byline::author(&strip_markup(doc.slice(s))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("000_89cb3c505f1b5c0a"), "000-89cb3c505f1b5c0a");
        assert_eq!(slug("  Caf\u{e9} Report (2)!"), "caf-report-2");
        assert_eq!(slug("***"), "doc");
    }

    #[test]
    fn ids_are_made_unique_in_order() {
        let mut docs: Vec<Document> = ["a", "a", "a-2", "a"]
            .iter()
            .map(|id| Document {
                id: id.to_string(),
                ..Document::default()
            })
            .collect();
        assign_ids(&mut docs);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-2", "a-2-2", "a-3"]);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"\xef\xbb\xbf  <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(sniff(b"<HTML>"), Format::Html);
        assert_eq!(sniff(b"Plain words"), Format::Text);
    }
}
