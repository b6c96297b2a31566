//! A publication date in a page's address: `/2016/12/07/`, `/2019/jun/19/`, `/2018-05-25/`,
//! `/20160926/`, or a month alone, `/2015/10/`. Newsrooms' content systems put the date of
//! first publication there, so it is page metadata, weaker than front matter.

use chrono::NaiveDate;

use super::lexicon::MONTHS;
use crate::timeline::When;

/// The date in the path of `url`, if one is there. Only whole path segments count, so that
/// an article number or an id that happens to hold digits is not read as a date.
pub fn date_in_url(url: &str) -> Option<When> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    // The path: after the host, before any query or fragment.
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segs: Vec<&str> = path.split('/').collect();
    for (i, seg) in segs.iter().enumerate() {
        // /2018-05-25/ or /2018-05-25-title/
        if let Some(d) = dashed(seg) {
            return Some(When::date(d));
        }
        // /20160926/
        if seg.len() == 8
            && seg.bytes().all(|b| b.is_ascii_digit())
            && let Some(d) = ymd(&seg[..4], &seg[4..6], &seg[6..8])
        {
            return Some(When::date(d));
        }
        // /2016/12/07/, /2019/jun/19/, /2015/10/
        let Some(year) = year(seg) else { continue };
        let Some(month) = segs.get(i + 1).and_then(|m| month(m)) else {
            continue;
        };
        // A month followed by more path: the date of a dated archive; a day when the next
        // segment is one.
        if let Some(day) = segs
            .get(i + 2)
            .filter(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u32>().ok())
            .and_then(|d| NaiveDate::from_ymd_opt(year, month, d))
        {
            return Some(When::date(day));
        }
        if segs.len() > i + 2 {
            return Some(When::month(year, month as u8));
        }
    }
    None
}

fn year(seg: &str) -> Option<i32> {
    (seg.len() == 4 && seg.bytes().all(|b| b.is_ascii_digit()))
        .then(|| seg.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1990..=2100).contains(y))
}

fn month(seg: &str) -> Option<u32> {
    if (1..=2).contains(&seg.len()) && seg.bytes().all(|b| b.is_ascii_digit()) {
        return seg.parse::<u32>().ok().filter(|m| (1..=12).contains(m));
    }
    // "jun", "sept", "june": a name or a prefix of it of three letters or more.
    let lower = seg.to_ascii_lowercase();
    (lower.len() >= 3)
        .then(|| MONTHS.iter().position(|m| m.starts_with(&lower)))
        .flatten()
        .map(|i| i as u32 + 1)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y = year(y)?;
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

/// `2018-05-25` at the start of a segment, alone or before `-words`.
fn dashed(seg: &str) -> Option<NaiveDate> {
    let head = seg.get(..10)?;
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' || seg.len() > 10 && seg.as_bytes()[10] != b'-' {
        return None;
    }
    ymd(&head[..4], &head[5..7], &head[8..10])
}

#[cfg(test)]
mod tests {
    use super::date_in_url;
    use crate::timeline::When;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> Option<When> {
        Some(When::date(NaiveDate::from_ymd_opt(y, m, d).expect("valid")))
    }

    #[test]
    fn dated_paths() {
        assert_eq!(
            date_in_url("https://example.com/news/2016/12/07/fire"),
            day(2016, 12, 7)
        );
        assert_eq!(
            date_in_url("https://example.org/world/2019/jun/19/charges"),
            day(2019, 6, 19)
        );
        assert_eq!(
            date_in_url("https://tv.example/news/2018-05-25/vote"),
            day(2018, 5, 25)
        );
        assert_eq!(
            date_in_url("https://example.net/20160926/crash-1045.html"),
            day(2016, 9, 26)
        );
        assert_eq!(
            date_in_url("https://blog.example/2015/10/some-title/"),
            Some(When::month(2015, 10))
        );
    }

    #[test]
    fn ids_and_hosts_are_not_dates() {
        assert_eq!(date_in_url("https://example.com/article/20161399/x"), None);
        assert_eq!(date_in_url("https://2016.example.com/12/07"), None);
        assert_eq!(date_in_url("https://example.com/story?id=2016/12/07"), None);
        assert_eq!(
            date_in_url("https://example.com/news/idINL8N12D4XI20151013"),
            None
        );
        assert_eq!(date_in_url("https://example.com/2016"), None);
        assert_eq!(date_in_url("https://example.com/2016/ma/07/x"), None);
        assert_eq!(date_in_url("no url at all"), None);
    }
}
