//! Publication days as pages write them: ISO timestamps (the day as written in the stamp's own
//! offset), compact stamps (`20231102`, `20200316T08:00:00Z`), numeric days (`11.03.2020`,
//! `2020/03/11`), and days with month names in several languages (lexicon `month_names.txt`:
//! "March 11, 2020", "11. März 2020", "11 de marzo de 2020", "Tue Jan 28 15:28:56 CET 2020").

use crate::lexicon::{self, Class};
use chrono::{Datelike, NaiveDate, Utc};
use regex::{Captures, Regex};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The earliest year a web page's publication date can have.
const MIN_YEAR: i32 = 1995;

/// A publication day read from one string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The day, as the string writes it.
    pub day: NaiveDate,
    /// The string is a timestamp in UTC (`Z`, `+00:00`, `GMT`): its day may not be the local one.
    pub utc: bool,
    /// The string says the local day: a timestamp with its own offset (`+01:00`) or a day
    /// written for readers ("11. März 2020"). A bare ISO day is neither UTC nor local.
    pub local: bool,
    /// The hour of a timestamp, as written.
    pub hour: Option<u32>,
    /// The minute of a timestamp, as written.
    pub minute: Option<u32>,
    /// The second of a timestamp, when written.
    pub second: Option<u32>,
    /// The timestamp's own offset from UTC in minutes (`+01:00` is 60, `Z` is 0), when written.
    pub offset: Option<i32>,
}

/// A UTC stamp at this hour or later may be the next local day east of Greenwich (up to +14 h) ...
const EARLIEST_NEXT_DAY_HOUR: u32 = 10;
/// ... and one before this hour the previous local day west of it (down to -12 h).
const LATEST_PREVIOUS_DAY_HOUR: u32 = 12;
/// Zone offsets, in minutes: from UTC-12 ...
const MIN_OFFSET_MINUTES: i64 = -12 * 60;
/// ... to UTC+14.
const MAX_OFFSET_MINUTES: i64 = 14 * 60;

impl Stamp {
    /// Can `local` be the local day of this UTC stamp: the same day, or the day before or
    /// after when the stamp's hour allows it?
    pub fn may_be_local(&self, local: NaiveDate) -> bool {
        match (local - self.day).num_days() {
            0 => true,
            -1 => self.hour.is_none_or(|h| h < LATEST_PREVIOUS_DAY_HOUR),
            1 => self.hour.is_none_or(|h| h >= EARLIEST_NEXT_DAY_HOUR),
            _ => false,
        }
    }

    /// The stamp's moment (UTC for a UTC stamp, the local clock otherwise), when it has a time.
    fn moment(&self) -> Option<chrono::NaiveDateTime> {
        let t =
            chrono::NaiveTime::from_hms_opt(self.hour?, self.minute?, self.second.unwrap_or(0))?;
        Some(self.day.and_time(t))
    }

    /// Is `other` this UTC stamp's moment written on a local clock: a stamp with its own offset
    /// that names the same instant, or a day and time written for readers, with the same
    /// minutes (and seconds, when both have them), a zone offset away? Then its day is the
    /// page's own day for this moment.
    pub fn same_moment(&self, other: &Stamp) -> bool {
        if !self.utc || other.utc || other.day == self.day {
            return false;
        }
        let (Some(utc), Some(local)) = (self.moment(), other.moment()) else {
            return false;
        };
        if self.second.is_some() && other.second.is_some() && self.second != other.second {
            return false;
        }
        let minutes = (local - utc).num_minutes();
        match other.offset {
            Some(o) => minutes == i64::from(o),
            None => {
                other.local
                    && other.minute == self.minute
                    && (MIN_OFFSET_MINUTES..=MAX_OFFSET_MINUTES).contains(&minutes)
            }
        }
    }
}

/// A UTC marker anywhere in a date string.
static UTC_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u:\b(?:gmt|utc)\b|\d[zZ]\b|[+-]00:?00\b)").expect("valid regex")
});
/// An explicit non-UTC offset after a time (`08:00+01:00`, `08:00:00 -0500`).
static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*[+-](?:0[1-9]|1\d):?\d{2}(?-u:\b)")
        .expect("valid regex")
});

/// `2020-03-11`, `2020-03-11T08:00:00+01:00`, `2020-03-11 08:00 UTC` (and `/` or `.` separators).
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\d])(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?)?(?:[^\d]|$)",
    )
    .expect("valid regex")
});
/// A time of day right after a day written for readers: "11.03.2020, 14:00 Uhr", "3/5/2022
/// 22:41", "March 11, 2020 at 10:42 am", "20. März 2021 - 15:00".
static CLOCK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ ,|\-–—]{0,4}(?:(?:à|[a-zA-Z]{1,5}\.?)\s{1,3})?([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\s?([aApP])\.?[mM](?-u:\b))?",
    )
    .expect("valid regex")
});
/// A whole compact stamp: `20231102`, `20200316T08:00:00Z`, `20200316T080000+0100`.
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(\d{4})(\d{2})(\d{2})(?:t(\d{2}):?\d{2}(?::?\d{2})?\s*(z|[+-]00:?00)?[+-]?[\d:]*)?\s*$")
        .expect("valid regex")
});
/// Day first: `11.03.2020`, `11. 3. 2020`, `11/03/2020`, `11-03-2020`, `11.03.20`.
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})([./-])\s?(\d{1,2})[./-]\s?(\d{4}|\d{2})(?:[^\d]|$)")
        .expect("valid regex")
});

/// Month name (any language) to month number.
static MONTHS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    for (i, line) in lexicon::lines(Class::MonthName).iter().enumerate() {
        for name in line.split_whitespace() {
            out.entry(name).or_insert(i as u32 + 1);
        }
    }
    out
});

/// The month a month name (any language, any case) names.
pub fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .get(word.to_lowercase().trim_end_matches('.'))
        .copied()
}

/// Day before month: "11 March 2020", "11. März 2020", "11 de marzo de 2020", "1er mai 2020"
/// (any word where the month goes; [`MONTHS`] decides).
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\d])(\d{1,2})(?:\.|er|st|nd|rd|th|º)?\s*(?:[Dd]e\s+|-)?(\p{L}+)\.?,?\s*(?:de\s+|-)?(\d{4})(?:[^\d]|$)",
    )
    .expect("valid regex")
});
/// Month before day: "March 11, 2020", "Mar. 11th 2020", "Jan 28 15:28:56 CET 2020".
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\p{L}])(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s+(?:[A-Za-z]{2,5}\s+)?)?(\d{4})(?:[^\d]|$)",
    )
    .expect("valid regex")
});
/// A year, where a day may be written around it.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)((?:19|20)\d{2})(?:\D|$)").expect("valid regex"));

/// The latest plausible year: next year (a page cannot be published later).
fn max_year() -> i32 {
    Utc::now().year() + 1
}

/// A valid day in the plausible range.
fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    (MIN_YEAR..=max_year())
        .contains(&y)
        .then(|| NaiveDate::from_ymd_opt(y, m, d))
        .flatten()
}

/// The number in capture `i`.
fn num<T: std::str::FromStr>(c: &Captures<'_>, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

/// The longest string [`parse`] reads, in bytes: longer ones are prose, not a date line.
const MAX_PARSE_BYTES: usize = 400;

/// Read the first publication day in a metadata or date-line string.
pub fn parse(s: &str) -> Option<Stamp> {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_PARSE_BYTES {
        return None;
    }
    if let Some(stamp) = compact(s) {
        return Some(stamp);
    }
    let (_, mut stamp) = [iso(s), day_first(s), day_month(s), month_day(s)]
        .into_iter()
        .flatten()
        .min_by_key(|(pos, _)| *pos)?;
    stamp.utc |= UTC_MARK.is_match(s);
    stamp.local = !stamp.utc && (stamp.local || OFFSET.is_match(s));
    Some(stamp)
}

/// The first day in a long text (a page's text): only the places around a year are read, so
/// a page costs one scan.
pub fn parse_in(text: &str) -> Option<Stamp> {
    /// Characters of a date before its year ("Wednesday, 11 September ") and after it.
    const BEFORE: usize = 60;
    const AFTER: usize = 30;
    /// Years looked at, at most.
    const MAX_YEARS: usize = 200;
    YEAR.captures_iter(text).take(MAX_YEARS).find_map(|c| {
        let y = c.get(1)?;
        let mut from = y.start().saturating_sub(BEFORE);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (y.end() + AFTER).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        parse(&text[from..to])
    })
}

/// A day written for readers: the local day.
fn local(day: NaiveDate) -> Stamp {
    Stamp {
        day,
        utc: false,
        local: true,
        hour: None,
        minute: None,
        second: None,
        offset: None,
    }
}

/// A day written for readers (a URL's day, a date line): the local day.
pub fn local_day(day: NaiveDate) -> Stamp {
    local(day)
}

/// A machine-written day, zone unknown until its string is checked.
fn machine(day: NaiveDate) -> Stamp {
    Stamp {
        day,
        utc: false,
        local: false,
        hour: None,
        minute: None,
        second: None,
        offset: None,
    }
}

/// Minutes east of UTC of a written zone: `Z`, `UTC`, `GMT`, `+01:00`, `-0500`.
fn zone_minutes(zone: &str) -> Option<i32> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return Some(0),
    };
    let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = digits.split_at(digits.len().checked_sub(2)?);
    Some(sign * (h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?))
}

/// The time of day written right after a reader's day that ends at byte `end` of `s`.
fn with_clock(mut stamp: Stamp, s: &str, end: usize) -> Stamp {
    if let Some(c) = CLOCK_AFTER.captures(&s[end..]) {
        let hour: Option<u32> = num(&c, 1);
        let pm = c.get(4).map(|m| m.as_str().eq_ignore_ascii_case("p"));
        stamp.hour = match (hour, pm) {
            (Some(h @ 1..=11), Some(true)) => Some(h + 12),
            (Some(12), Some(false)) => Some(0),
            (h, _) => h,
        };
        stamp.minute = num(&c, 2);
        stamp.second = num(&c, 3);
    }
    stamp
}

/// A whole compact stamp.
fn compact(s: &str) -> Option<Stamp> {
    let c = COMPACT.captures(s)?;
    let d = day(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?;
    let mut stamp = machine(d);
    stamp.utc = c.get(5).is_some();
    stamp.hour = num(&c, 4);
    Some(stamp)
}

/// The first ISO-like day, with its position.
fn iso(s: &str) -> Option<(usize, Stamp)> {
    ISO.captures_iter(s).find_map(|c| {
        if c[2] != c[4] {
            return None;
        }
        let d = day(num(&c, 1)?, num(&c, 3)?, num(&c, 5)?)?;
        let mut stamp = machine(d);
        stamp.offset = c.get(9).and_then(|z| zone_minutes(z.as_str()));
        stamp.utc = stamp.offset == Some(0);
        stamp.hour = num(&c, 6);
        stamp.minute = num(&c, 7);
        stamp.second = num(&c, 8);
        Some((c.get(1)?.start(), stamp))
    })
}

/// The first day-first numeric day (month-first when the day-first reading is impossible).
fn day_first(s: &str) -> Option<(usize, Stamp)> {
    DAY_FIRST.captures_iter(s).find_map(|c| {
        let (a, b): (u32, u32) = (num(&c, 1)?, num(&c, 3)?);
        let raw = &c[4];
        if raw.len() == 2 && &c[2] != "." {
            return None;
        }
        let y: i32 = num(&c, 4)?;
        let y = if raw.len() == 2 { 2000 + y } else { y };
        let d = day(y, b, a).or_else(|| day(y, a, b))?;
        Some((c.get(1)?.start(), with_clock(local(d), s, c.get(4)?.end())))
    })
}

/// The first "11 March 2020" day.
fn day_month(s: &str) -> Option<(usize, Stamp)> {
    DAY_MONTH.captures_iter(s).find_map(|c| {
        let m = *MONTHS.get(c[2].to_lowercase().as_str())?;
        let d = day(num(&c, 3)?, m, num(&c, 1)?)?;
        Some((c.get(1)?.start(), with_clock(local(d), s, c.get(3)?.end())))
    })
}

/// The first "March 11, 2020" day.
fn month_day(s: &str) -> Option<(usize, Stamp)> {
    MONTH_DAY.captures_iter(s).find_map(|c| {
        let m = *MONTHS.get(c[1].to_lowercase().as_str())?;
        let d = day(num(&c, 3)?, m, num(&c, 2)?)?;
        Some((c.get(1)?.start(), with_clock(local(d), s, c.get(3)?.end())))
    })
}

/// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD`, `/YYYYMMDD/`) day in a URL path.
pub fn from_url(url: &str) -> Option<NaiveDate> {
    static URL_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:[/_.-]|$)").expect("valid regex")
    });
    let c = URL_DAY.captures(url)?;
    day(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse(s).map(|s| s.day.to_string())
    }

    #[test]
    fn iso_stamps_keep_the_day_as_written() {
        assert_eq!(d("2023-11-09T03:28:35Z").as_deref(), Some("2023-11-09"));
        assert_eq!(
            d("2020-05-01T23:30:00-04:00").as_deref(),
            Some("2020-05-01")
        );
        assert!(parse("2023-11-09T03:28:35Z").unwrap().utc);
        assert!(!parse("2023-11-09T03:28:35+01:00").unwrap().utc);
        assert!(parse("2023-11-09T03:28:35+01:00").unwrap().local);
        assert!(!parse("2023-11-09").unwrap().local);
        assert!(parse("Wed, 04 May 2022 02:41:00 GMT").unwrap().utc);
        assert_eq!(d("2019/06/20").as_deref(), Some("2019-06-20"));
    }

    #[test]
    fn a_utc_stamp_shifts_a_day_only_when_its_hour_allows() {
        let early = parse("2023-11-09T03:28:35Z").unwrap();
        let noon = parse("2023-11-06T12:00:00+00:00").unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(early.may_be_local(day("2023-11-08")));
        assert!(!early.may_be_local(day("2023-11-10")));
        assert!(!noon.may_be_local(day("2023-11-05")));
        assert!(noon.may_be_local(day("2023-11-07")));
    }

    #[test]
    fn a_utc_stamp_and_the_same_moment_on_a_local_clock() {
        let utc = parse("2021-04-06T01:15:30Z").unwrap();
        let same = |s: &str| utc.same_moment(&parse(s).unwrap());
        assert!(same("2021-04-05T21:15:30-04:00"));
        assert!(!same("2021-04-05T21:15:31-04:00"));
        assert!(!same("2021-04-05T21:15:30-05:00"));
        assert!(same("5.4.2021 21:15"));
        assert!(same("April 5, 2021 at 9:15 pm"));
        assert!(same("5 avril 2021 - 21:15"));
        assert!(!same("5.4.2021 21:40"));
        assert!(!same("5.4.2021"));
        assert!(!same("2021-04-05T21:15:30Z"));
        let gmt = parse("Tue, 06 Apr 2021 01:15:00 GMT").unwrap();
        assert!(gmt.same_moment(&parse("05/04/2021 21:15").unwrap()));
        assert!(!parse("2021-04-06")
            .unwrap()
            .same_moment(&parse("5.4.2021 21:15").unwrap()));
    }

    #[test]
    fn compact_stamps() {
        assert_eq!(d("20231102").as_deref(), Some("2023-11-02"));
        assert_eq!(d("20200316T08:00:00Z").as_deref(), Some("2020-03-16"));
        assert_eq!(d("12345678"), None);
    }

    #[test]
    fn numeric_days_are_day_first() {
        assert_eq!(d("11.03.2020, 14:00 Uhr").as_deref(), Some("2020-03-11"));
        assert_eq!(d("17/03/2020").as_deref(), Some("2020-03-17"));
        assert_eq!(d("03/17/2020").as_deref(), Some("2020-03-17"));
        assert_eq!(d("1.2.21").as_deref(), Some("2021-02-01"));
    }

    #[test]
    fn month_names_in_several_languages() {
        assert_eq!(d("March 11, 2020").as_deref(), Some("2020-03-11"));
        assert_eq!(
            d("Veröffentlicht am 11. März 2020").as_deref(),
            Some("2020-03-11")
        );
        assert_eq!(d("publié le 3 févr. 2021").as_deref(), Some("2021-02-03"));
        assert_eq!(d("11 de marzo de 2020").as_deref(), Some("2020-03-11"));
        assert_eq!(
            d("Tue Jan 28 15:28:56 CET 2020").as_deref(),
            Some("2020-01-28")
        );
        assert_eq!(
            d("04:25:06 PM IST Apr 08, 2020").as_deref(),
            Some("2020-04-08")
        );
        assert_eq!(d("1er mai 2019").as_deref(), Some("2019-05-01"));
    }

    #[test]
    fn implausible_strings_are_no_date() {
        for s in [
            "",
            "0001-01-01",
            "Jan 2020",
            "tomorrow",
            "1890-02-03",
            "31.02.2020",
        ] {
            assert_eq!(d(s), None, "{s}");
        }
    }

    #[test]
    fn url_days() {
        assert_eq!(
            from_url("https://example.org/2019/06/20/some-story/").map(|d| d.to_string()),
            Some("2019-06-20".to_string())
        );
        assert_eq!(from_url("https://example.org/2019/some-story/"), None);
    }
}
