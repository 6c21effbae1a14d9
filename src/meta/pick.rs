//! The one place that picks: each metadata field has one ordered list of sources, each a small
//! function returning a validated candidate; the first candidate wins, and the winner carries
//! its source's name (`natoclaims meta --explain`).

use super::pubdate::Stamp;
use chrono::NaiveDate;

/// A named source of one field, read from a context (a parsed page).
pub struct Source<C: ?Sized, T> {
    /// Where the value comes from ("json-ld datePublished", "meta author").
    pub name: &'static str,
    /// Read a validated value, or nothing.
    pub read: fn(&C) -> Option<T>,
}

/// A validated value and the source that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<T> {
    /// The value.
    pub value: T,
    /// The source's name.
    pub origin: &'static str,
}

/// The first source that gives names; a one-word name in it ("Nils") is completed by a fuller
/// form a later source gives ("Nils Berg"): the same person, written out.
pub fn first_names<C: ?Sized>(
    ctx: &C,
    sources: &[Source<C, Vec<String>>],
) -> Option<Candidate<Vec<String>>> {
    let i = sources.iter().position(|s| (s.read)(ctx).is_some())?;
    let mut names = (sources[i].read)(ctx)?;
    if names.iter().any(|n| !n.contains(' ')) {
        let later: Vec<String> = sources[i + 1..]
            .iter()
            .filter_map(|s| (s.read)(ctx))
            .flatten()
            .collect();
        for n in names.iter_mut().filter(|n| !n.contains(' ')) {
            let prefix = format!("{} ", n.to_lowercase());
            if let Some(full) = later.iter().find(|l| l.to_lowercase().starts_with(&prefix)) {
                *n = full.clone();
            }
        }
    }
    Some(Candidate {
        value: names,
        origin: sources[i].name,
    })
}

/// A named place that may write a UTC stamp's moment on the page's own clock: given the
/// winning stamp, it returns the first stamp it finds for that moment (the picker checks it).
pub struct Witness<C: ?Sized> {
    /// Where the local stamp comes from ("date by the headline (same moment)").
    pub name: &'static str,
    /// Find a local stamp of the same moment as the given UTC stamp.
    pub find: fn(&C, &Stamp) -> Option<Stamp>,
}

/// The first source that gives a day; when that day is a UTC timestamp, the page's own day
/// wins instead: a local day (a stamp with its own offset, or a day written for readers)
/// within a day of it from a later one of the first `trusted` sources, else the same moment
/// written on a local clock that a witness finds (a stamp with its offset, a date and time by
/// the headline).
/// (A day from an untrusted source, a sidebar or the text, is too often another story's
/// unless it names the same moment; and the untrusted sources are the costly ones.)
pub fn first_day<C: ?Sized>(
    ctx: &C,
    sources: &[Source<C, Stamp>],
    trusted: usize,
    witnesses: &[Witness<C>],
) -> Option<Candidate<NaiveDate>> {
    let (i, (name, stamp)) = sources
        .iter()
        .enumerate()
        .find_map(|(i, s)| (s.read)(ctx).map(|v| (i, (s.name, v))))?;
    let pick = |origin, value| Some(Candidate { value, origin });
    if !stamp.utc {
        return pick(name, stamp.day);
    }
    let local = sources
        .iter()
        .take(trusted)
        .skip(i + 1)
        .filter_map(|s| (s.read)(ctx).map(|v| (s.name, v)))
        .find(|(_, v)| v.local && stamp.may_be_local(v.day));
    if let Some((origin, v)) = local {
        return pick(origin, v.day);
    }
    if stamp.hour.is_some() {
        let same = witnesses.iter().find_map(|w| {
            (w.find)(ctx, &stamp)
                .filter(|v| stamp.same_moment(v))
                .map(|v| (w.name, v))
        });
        if let Some((origin, v)) = same {
            return pick(origin, v.day);
        }
    }
    pick(name, stamp.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(s: &str, utc: bool) -> Option<Stamp> {
        let mut stamp = crate::meta::pubdate::local_day(s.parse().ok()?);
        stamp.utc = utc;
        stamp.local = !utc;
        Some(stamp)
    }

    #[test]
    fn first_source_with_names_wins_and_says_so() {
        let sources: [Source<(), Vec<String>>; 3] = [
            Source {
                name: "a",
                read: |_| None,
            },
            Source {
                name: "b",
                read: |_| Some(vec!["Bo Kim".into()]),
            },
            Source {
                name: "c",
                read: |_| Some(vec!["Cy Wu".into()]),
            },
        ];
        let got = first_names(&(), &sources).unwrap();
        assert_eq!((got.value, got.origin), (vec!["Bo Kim".to_string()], "b"));
    }

    #[test]
    fn a_one_word_name_is_completed_by_a_later_source() {
        let sources: [Source<(), Vec<String>>; 3] = [
            Source {
                name: "short",
                read: |_| Some(vec!["Nils".into(), "Ann Lee".into()]),
            },
            Source {
                name: "other",
                read: |_| Some(vec!["Nilsson Berg".into()]),
            },
            Source {
                name: "full",
                read: |_| Some(vec!["Nils Berg".into()]),
            },
        ];
        let got = first_names(&(), &sources).unwrap();
        assert_eq!(
            (got.value, got.origin),
            (vec!["Nils Berg".into(), "Ann Lee".into()], "short")
        );
    }

    #[test]
    fn a_witness_of_the_same_moment_gives_the_local_day() {
        use crate::meta::pubdate::parse;
        let sources: [Source<(), Stamp>; 1] = [Source {
            name: "utc",
            read: |_| parse("2021-04-06T01:15:30Z"),
        }];
        let clock = [Witness {
            name: "clock",
            find: |_, _| parse("5.4.2021 21:15"),
        }];
        let got = first_day(&(), &sources, 1, &clock).unwrap();
        assert_eq!(
            (got.value.to_string().as_str(), got.origin),
            ("2021-04-05", "clock")
        );
        let other = [Witness {
            name: "clock",
            find: |_, _| parse("5.4.2021 20:40"),
        }];
        assert_eq!(first_day(&(), &sources, 1, &other).unwrap().origin, "utc");
    }

    #[test]
    fn a_local_day_beats_a_utc_one() {
        let sources: [Source<(), Stamp>; 3] = [
            Source {
                name: "utc",
                read: |_| stamp("2023-11-09", true),
            },
            Source {
                name: "none",
                read: |_| None,
            },
            Source {
                name: "local",
                read: |_| stamp("2023-11-08", false),
            },
        ];
        let got = first_day(&(), &sources, 3, &[]).unwrap();
        assert_eq!(
            (got.value.to_string().as_str(), got.origin),
            ("2023-11-08", "local")
        );
        let far: [Source<(), Stamp>; 2] = [
            Source {
                name: "utc",
                read: |_| stamp("2023-11-09", true),
            },
            Source {
                name: "local",
                read: |_| stamp("2023-10-01", false),
            },
        ];
        assert_eq!(first_day(&(), &far, 2, &[]).unwrap().origin, "utc");
        assert_eq!(first_day(&(), &sources, 2, &[]).unwrap().origin, "utc");
    }
}
