//! Calendar facts: ISO weeks, movable holidays, and the UTC offset of places named in
//! "7 pm Damascus time", with their daylight-saving rules.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::expr::Holiday;

/// The `n`th (1-based) `weekday` of a month, or the last when `n` is 0.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }?;
        let mut d = next.pred_opt()?;
        while d.weekday() != weekday {
            d = d.pred_opt()?;
        }
        return Some(d);
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n as u8)
}

/// Easter Sunday (Gregorian computus).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The day a holiday falls on in a year (US dates for Thanksgiving and Election Day).
pub fn holiday(h: Holiday, year: i32) -> Option<NaiveDate> {
    match h {
        Holiday::NewYearsDay => NaiveDate::from_ymd_opt(year, 1, 1),
        Holiday::NewYearsEve => NaiveDate::from_ymd_opt(year, 12, 31),
        Holiday::Christmas => NaiveDate::from_ymd_opt(year, 12, 25),
        Holiday::ChristmasEve => NaiveDate::from_ymd_opt(year, 12, 24),
        Holiday::IndependenceDay => NaiveDate::from_ymd_opt(year, 7, 4),
        Holiday::Thanksgiving => nth_weekday(year, 11, Weekday::Thu, 4),
        Holiday::Easter => easter(year),
        Holiday::ElectionDay => {
            nth_weekday(year, 11, Weekday::Mon, 1).map(|d| d + Duration::days(1))
        }
    }
}

/// Monday of an ISO week.
pub fn iso_monday(year: i32, week: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

/// Places whose clock time a text may give ("Damascus time").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    London,
    CentralEurope,
    Kyiv,
    Istanbul,
    Moscow,
    Damascus,
    Beirut,
    Amman,
    Jerusalem,
    Cairo,
    Baghdad,
    Gulf,
    Dubai,
    Tehran,
    Kabul,
    Pakistan,
    India,
    China,
    Japan,
    UsEastern,
    UsCentral,
    UsMountain,
    UsPacific,
}

/// The place a (lower-case) word names, for "X time".
pub fn place(word: &str) -> Option<Place> {
    Some(match word {
        "london" | "british" | "uk" => Place::London,
        "paris" | "berlin" | "brussels" | "geneva" | "rome" | "madrid" | "vienna" | "european"
        | "cet" => Place::CentralEurope,
        "kiev" | "kyiv" | "ukrainian" => Place::Kyiv,
        "istanbul" | "ankara" | "turkish" => Place::Istanbul,
        "moscow" | "russian" => Place::Moscow,
        "damascus" | "syrian" | "aleppo" => Place::Damascus,
        "beirut" | "lebanese" => Place::Beirut,
        "amman" | "jordanian" => Place::Amman,
        "jerusalem" | "israeli" => Place::Jerusalem,
        "cairo" | "egyptian" => Place::Cairo,
        "baghdad" | "iraqi" => Place::Baghdad,
        "riyadh" | "doha" | "saudi" | "qatari" | "kuwait" => Place::Gulf,
        "dubai" | "emirati" => Place::Dubai,
        "tehran" | "iranian" => Place::Tehran,
        "kabul" | "afghan" => Place::Kabul,
        "islamabad" | "karachi" | "pakistani" => Place::Pakistan,
        "delhi" | "indian" => Place::India,
        "beijing" | "chinese" => Place::China,
        "tokyo" | "japanese" => Place::Japan,
        "eastern" | "washington" | "york" => Place::UsEastern,
        "central" | "chicago" => Place::UsCentral,
        "mountain" | "denver" => Place::UsMountain,
        "pacific" | "california" => Place::UsPacific,
        _ => return None,
    })
}

/// Whether `date` falls in European summer time (last Sunday of March to last Sunday of
/// October; the switch days count as summer).
fn eu_summer(date: NaiveDate) -> bool {
    let y = date.year();
    match (
        nth_weekday(y, 3, Weekday::Sun, 0),
        nth_weekday(y, 10, Weekday::Sun, 0),
    ) {
        (Some(a), Some(b)) => a <= date && date < b,
        _ => false,
    }
}

/// Levantine summer time (last Friday of March to last Friday of October).
fn levant_summer(date: NaiveDate) -> bool {
    let y = date.year();
    match (
        nth_weekday(y, 3, Weekday::Fri, 0),
        nth_weekday(y, 10, Weekday::Fri, 0),
    ) {
        (Some(a), Some(b)) => a <= date && date < b,
        _ => false,
    }
}

/// US daylight saving time (since 2007: second Sunday of March to first Sunday of
/// November; 1987-2006: first Sunday of April to last Sunday of October).
fn us_summer(date: NaiveDate) -> bool {
    let y = date.year();
    let (a, b) = if y >= 2007 {
        (
            nth_weekday(y, 3, Weekday::Sun, 2),
            nth_weekday(y, 11, Weekday::Sun, 1),
        )
    } else {
        (
            nth_weekday(y, 4, Weekday::Sun, 1),
            nth_weekday(y, 10, Weekday::Sun, 0),
        )
    };
    match (a, b) {
        (Some(a), Some(b)) => a <= date && date < b,
        _ => false,
    }
}

/// Minutes east of UTC at a place on a day; `None` where the rules are not known well
/// enough to say.
pub fn offset(place: Place, date: NaiveDate) -> Option<i16> {
    let y = date.year();
    let dst = |summer: bool, base: i16| if summer { base + 60 } else { base };
    Some(match place {
        Place::London => dst(eu_summer(date), 0),
        Place::CentralEurope => dst(eu_summer(date), 60),
        Place::Kyiv => dst(eu_summer(date), 120),
        Place::Istanbul if date >= NaiveDate::from_ymd_opt(2016, 9, 7)? => 180,
        Place::Istanbul => dst(eu_summer(date), 120),
        Place::Moscow if date >= NaiveDate::from_ymd_opt(2014, 10, 26)? => 180,
        Place::Moscow if date >= NaiveDate::from_ymd_opt(2011, 3, 27)? => 240,
        Place::Moscow => dst(eu_summer(date), 180),
        Place::Damascus | Place::Amman if y >= 2023 => 180,
        Place::Damascus | Place::Amman if y == 2022 => return None,
        Place::Damascus | Place::Amman => dst(levant_summer(date), 120),
        Place::Beirut => dst(eu_summer(date), 120),
        Place::Jerusalem => dst(eu_summer(date), 120),
        Place::Cairo if (2011..=2022).contains(&y) => 120,
        Place::Cairo => return None,
        Place::Baghdad | Place::Gulf => 180,
        Place::Dubai => 240,
        Place::Tehran if y >= 2023 => 210,
        Place::Tehran => {
            let summer = NaiveDate::from_ymd_opt(y, 3, 22)? <= date
                && date < NaiveDate::from_ymd_opt(y, 9, 22)?;
            if summer { 270 } else { 210 }
        }
        Place::Kabul => 270,
        Place::Pakistan => 300,
        Place::India => 330,
        Place::China => 480,
        Place::Japan => 540,
        Place::UsEastern => dst(us_summer(date), -300),
        Place::UsCentral => dst(us_summer(date), -360),
        Place::UsMountain => dst(us_summer(date), -420),
        Place::UsPacific => dst(us_summer(date), -480),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn movable_holidays() {
        assert_eq!(easter(2016), Some(d(2016, 3, 27)));
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(holiday(Holiday::Thanksgiving, 1999), Some(d(1999, 11, 25)));
        assert_eq!(holiday(Holiday::ElectionDay, 2016), Some(d(2016, 11, 8)));
        assert_eq!(holiday(Holiday::ElectionDay, 1998), Some(d(1998, 11, 3)));
    }

    #[test]
    fn offsets_follow_summer_time() {
        assert_eq!(offset(Place::Damascus, d(2016, 9, 19)), Some(180));
        assert_eq!(offset(Place::Damascus, d(2016, 12, 19)), Some(120));
        assert_eq!(offset(Place::UsEastern, d(1998, 2, 11)), Some(-300));
        assert_eq!(offset(Place::UsEastern, d(2016, 9, 19)), Some(-240));
        assert_eq!(offset(Place::Moscow, d(2016, 9, 19)), Some(180));
        assert_eq!(offset(Place::London, d(2016, 7, 1)), Some(60));
    }
}
