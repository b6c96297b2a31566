//! Bytes to text: UTF-8 when it is, otherwise the best guess, with a warning and never an
//! error.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decoded text and, when it was not plain UTF-8, what we did about it.
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// `<meta charset=...>` or `content="text/html; charset=..."` near the top of a page.
static META_CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.-]{1,40})"#)
        .expect("static regex")
});

/// Decode a file. A UTF-8 byte-order mark is kept, so offsets stay file offsets; UTF-16 needs its mark; a page may
/// declare its charset; anything else that is not UTF-8 is read as windows-1252, the usual
/// culprit for Western news pages saved by old tools.
pub(crate) fn decode(bytes: &[u8], html: bool) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom..];
        if encoding == UTF_8 {
            // The mark stays in the text (a zero-width character), so that byte offsets into
            // the text are offsets into the file, as spans promise.
            return match std::str::from_utf8(bytes) {
                Ok(s) => plain(s),
                Err(e) => fallback(rest, e.valid_up_to() + bom),
            };
        }
        let (text, had_errors) = encoding.decode_without_bom_handling(rest);
        let mut warning = format!("decoded as {} (byte-order mark)", encoding.name());
        if had_errors {
            warning.push_str("; some bytes were invalid and replaced");
        }
        return Decoded {
            text: text.into_owned(),
            warning: Some(warning),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => plain(s),
        Err(e) => {
            if html && let Some(encoding) = declared_charset(bytes) {
                let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
                let mut warning = format!(
                    "not UTF-8; decoded as {} as the page declares",
                    encoding.name()
                );
                if had_errors {
                    warning.push_str("; some bytes were invalid and replaced");
                }
                return Decoded {
                    text: text.into_owned(),
                    warning: Some(warning),
                };
            }
            fallback(bytes, e.valid_up_to())
        }
    }
}

fn plain(s: &str) -> Decoded {
    Decoded {
        text: s.to_string(),
        warning: None,
    }
}

fn fallback(bytes: &[u8], bad_at: usize) -> Decoded {
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        warning: Some(format!(
            "not valid UTF-8 (first bad byte at offset {bad_at}); decoded as windows-1252"
        )),
    }
}

/// The charset a page declares in its first kilobyte, unless it is UTF-8 (which we already
/// know it is not) or unknown.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let label = META_CHARSET.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label).filter(|e| *e != UTF_8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_and_bom_is_kept_for_offsets() {
        let d = decode("\u{feff}caf\u{e9}".as_bytes(), false);
        assert_eq!(d.text, "\u{feff}caf\u{e9}");
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1252_is_the_fallback() {
        let d = decode(b"caf\xe9 \x93quoted\x94", false);
        assert_eq!(d.text, "caf\u{e9} \u{201c}quoted\u{201d}");
        assert!(d.warning.unwrap().contains("windows-1252"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "hi \u{e9}".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, false);
        assert_eq!(d.text, "hi \u{e9}");
        assert!(d.warning.unwrap().contains("UTF-16LE"));
    }

    #[test]
    fn page_charset_is_honoured() {
        let d = decode(b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>", true);
        assert!(d.text.contains("caf\u{e9}"));
        assert!(d.warning.unwrap().contains("declares"));
    }
}
