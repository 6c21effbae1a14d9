//! Tests of the date grammar: finding time phrases and resolving them to days.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn day(year: Option<i32>, month: u32, day: u32) -> DateKind {
    DateKind::Day { year, month, day }
}

/// (matched text, kind) for each mention.
fn found(text: &str) -> Vec<(&str, DateKind)> {
    find_dates(text)
        .into_iter()
        .map(|m| (&text[m.range], m.kind))
        .collect()
}

fn kinds(text: &str) -> Vec<DateKind> {
    find_dates(text).into_iter().map(|m| m.kind).collect()
}

fn one(text: &str) -> (&str, DateKind) {
    let f = found(text);
    assert_eq!(f.len(), 1, "{text:?} -> {f:?}");
    f[0]
}

// ---- parse_date

#[test]
fn parse_date_required_formats() {
    let cases = [
        ("11 Jun, 2023 14:51", d(2023, 6, 11)),
        ("April 30, 2024 2:53 PM", d(2024, 4, 30)),
        ("Friday, 21 April 2023, 10:52", d(2023, 4, 21)),
        ("21 Apr 2023, 02:25 pm", d(2023, 4, 21)),
        ("Published April 21, 2023 | 03:30 PM", d(2023, 4, 21)),
        ("Updated: June 3, 2023", d(2023, 6, 3)),
        ("2023-06-30", d(2023, 6, 30)),
        ("2023-06-30T14:51:00Z", d(2023, 6, 30)),
        ("2023-06-30T14:51:00+03:00", d(2023, 6, 30)),
        ("2023-06-30 14:51", d(2023, 6, 30)),
        ("30.06.2023", d(2023, 6, 30)),
        ("June 30, 2023", d(2023, 6, 30)),
        ("30 June 2023", d(2023, 6, 30)),
        ("Jun 30 2023", d(2023, 6, 30)),
        ("Sat 10 Jun 2023 18.00 BST", d(2023, 6, 10)),
        ("2023/06/30", d(2023, 6, 30)),
    ];
    for (s, want) in cases {
        assert_eq!(parse_date(s), Some(want), "{s}");
    }
}

#[test]
fn parse_date_more_formats() {
    let cases = [
        ("Sept. 30, 2022", d(2022, 9, 30)),
        ("30th of September 2022", d(2022, 9, 30)),
        ("MAY 5, 2023", d(2023, 5, 5)),
        ("Mon, 18 Nov 2019 16:07:38 -0600", d(2019, 11, 18)),
        ("2019-11-19T13:03:00.000Z", d(2019, 11, 19)),
        ("19 Nov 2019 07:09 GMT", d(2019, 11, 19)),
        ("30-Jun-2023", d(2023, 6, 30)),
        ("6/30/2023", d(2023, 6, 30)),
        ("30/06/2023", d(2023, 6, 30)),
        ("2023.06.30", d(2023, 6, 30)),
        (" date 2023-06-30 Ukrainian President said", d(2023, 6, 30)),
        (
            "by Kateryna Hodunova April 30, 2024 9:17 PM 4 min read",
            d(2024, 4, 30),
        ),
    ];
    for (s, want) in cases {
        assert_eq!(parse_date(s), Some(want), "{s}");
    }
}

#[test]
fn parse_date_first_date_wins() {
    assert_eq!(
        parse_date("Published June 1, 2023 Updated June 3, 2023"),
        Some(d(2023, 6, 1))
    );
    assert_eq!(
        parse_date("Feb 30, 2023 then March 2, 2023"),
        Some(d(2023, 3, 2))
    );
}

#[test]
fn parse_date_rejects() {
    for s in [
        "",
        "June 30",
        "no date here",
        "0001-01-01 00:00:00Z",
        "2023-13-01",
        "February 30, 2023",
        "June 2023",
        "12023-06-30",
        "2023-06-301",
        "30 June 1850",
        "31 member states",
    ] {
        assert_eq!(parse_date(s), None, "{s}");
    }
}

// ---- is_dateline

#[test]
fn datelines_accepted() {
    for s in [
        "11 Jun, 2023 14:51",
        "April 30, 2024 2:53 PM",
        "Friday, 21 April 2023, 10:52",
        "21 Apr 2023, 02:25 pm",
        "Published April 21, 2023 | 03:30 PM",
        "Updated: June 3, 2023",
        "  2023-06-30  ",
        "2023-06-30T14:51:00Z",
        "2023-06-30T14:51:00+03:00",
        "2023-06-30 14:51",
        "30.06.2023",
        "Sat 10 Jun 2023 18.00 BST",
        "2023/06/30",
        "April 30, 2024 9:17 PM 4 min read",
        "Last updated: June 3, 2023 at 10:15 a.m. EDT",
        "Posted on June 3, 2023 - 5 mins read",
        "Published June 1, 2023 • Updated June 3, 2023",
        "Mon, 18 Nov 2019 16:07:38 -0600",
        "June 30, 2023 (UTC+3)",
        "Aired May 5, 2011 - 20:00 ET",
        "23.12.2014 18:42 Uhr",
        "JUNE 12, 2020 / 7:24 PM / UPDATED 2 HOURS AGO",
    ] {
        assert!(is_dateline(s), "{s}");
    }
}

#[test]
fn datelines_rejected() {
    for s in [
        "Ukraine applied on September 30, 2022, to join.",
        "On September 30, 2022, Kyiv asked the allies to fast-track its entry.",
        "by Kateryna Hodunova April 30, 2024 9:17 PM 4 min read",
        "Published today",
        "June 30",
        "",
        "The summit is on July 11, 2023 in Vilnius",
        "Vilnius hosts leaders on July 11, 2023",
    ] {
        assert!(!is_dateline(s), "{s}");
    }
}

// ---- find_dates: calendar days

#[test]
fn finds_month_day_forms() {
    assert_eq!(one("said on June 29."), ("on June 29", day(None, 6, 29)));
    assert_eq!(
        one("June 29, 2023, he said"),
        ("June 29, 2023", day(Some(2023), 6, 29))
    );
    assert_eq!(
        one("on 29 June 2023"),
        ("on 29 June 2023", day(Some(2023), 6, 29))
    );
    assert_eq!(
        one("On September 30, 2022, Ukraine"),
        ("On September 30, 2022", day(Some(2022), 9, 30))
    );
    assert_eq!(
        one("the 29th of June"),
        ("the 29th of June", day(None, 6, 29))
    );
    assert_eq!(one("Sept. 30 it was"), ("Sept. 30", day(None, 9, 30)));
    assert_eq!(
        one("on Thursday, June 29, he"),
        ("on Thursday, June 29", day(None, 6, 29))
    );
    assert_eq!(
        one("Friday, 21 April 2023"),
        ("Friday, 21 April 2023", day(Some(2023), 4, 21))
    );
    assert_eq!(one("on JUNE 29"), ("on JUNE 29", day(None, 6, 29)));
}

#[test]
fn finds_numeric_days() {
    assert_eq!(
        one("on 2023-06-29 he"),
        ("on 2023-06-29", day(Some(2023), 6, 29))
    );
    assert_eq!(
        one("on 30.09.2022 it"),
        ("on 30.09.2022", day(Some(2022), 9, 30))
    );
    assert_eq!(
        one("dated 2023/06/29."),
        ("2023/06/29", day(Some(2023), 6, 29))
    );
    assert!(found("version 11.2.20234 and 12023-06-29 and 2023-13-40 and 1.30.06.2023").is_empty());
}

#[test]
fn date_range_yields_first_day() {
    let text = "when the leaders gather on July 11-12 in Vilnius";
    assert_eq!(one(text), ("on July 11-12", day(None, 7, 11)));
    assert_eq!(
        one("the 11-12 July summit"),
        ("the 11-12 July", day(None, 7, 11))
    );
}

#[test]
fn day_before_then_date_are_two_mentions() {
    let f = found("The day before, on June 27, Kuleba told reporters");
    assert_eq!(
        f,
        vec![
            ("The day before", DateKind::DayBefore),
            ("on June 27", day(None, 6, 27))
        ]
    );
}

#[test]
fn numbers_that_are_not_days() {
    assert!(found("Over ten allied capitals out of 31 don't back it yet").is_empty());
    assert!(found("31 member states and 2 min read and 1,000 troops").is_empty());
    assert!(found("Article 5 of the treaty").is_empty());
}

#[test]
fn may_the_verb_is_not_a_date() {
    assert!(found("Ukraine may join NATO; it may 5 times").is_empty());
    assert!(found("Kyiv may join the alliance in the future").is_empty());
    assert_eq!(one("on May 5 he said"), ("on May 5", day(None, 5, 5)));
    assert_eq!(one("He said in May that"), ("in May", DateKind::Vague));
    assert_eq!(one("since May 2023"), ("since May 2023", DateKind::Vague));
}

#[test]
fn month_only_and_spans_are_vague() {
    assert_eq!(one("in June, he"), ("in June", DateKind::Vague));
    assert_eq!(one("in early July"), ("in early July", DateKind::Vague));
    assert_eq!(one("by mid-July"), ("mid-July", DateKind::Vague));
    assert_eq!(one("in June 29 talks"), ("June 29", day(None, 6, 29)));
    assert_eq!(one("since June 29 he"), ("since June 29", DateKind::Vague));
    assert_eq!(
        one("until July 11, 2023"),
        ("until July 11, 2023", DateKind::Vague)
    );
}

// ---- find_dates: weekdays and relative days

#[test]
fn finds_weekdays() {
    assert_eq!(
        one("wrote on Facebook on Saturday."),
        ("on Saturday", DateKind::Weekday(Weekday::Sat))
    );
    assert_eq!(
        one("on Thursday evening"),
        ("on Thursday evening", DateKind::Weekday(Weekday::Thu))
    );
    assert_eq!(
        one("on Saturday morning"),
        ("on Saturday morning", DateKind::Weekday(Weekday::Sat))
    );
    assert_eq!(
        one("Saturday night"),
        ("Saturday night", DateKind::Weekday(Weekday::Sat))
    );
    assert_eq!(
        one("last Friday"),
        ("last Friday", DateKind::Weekday(Weekday::Fri))
    );
    assert_eq!(
        one("late on Tuesday"),
        ("late on Tuesday", DateKind::Weekday(Weekday::Tue))
    );
    assert_eq!(
        one("at Friday's meeting"),
        ("Friday", DateKind::Weekday(Weekday::Fri))
    );
    assert_eq!(
        one("Kuleba called on Tuesday for"),
        ("on Tuesday", DateKind::Weekday(Weekday::Tue))
    );
    assert_eq!(one("next Tuesday"), ("next Tuesday", DateKind::Vague));
    assert!(found("Sat down on the Sun").is_empty());
}

#[test]
fn finds_relative_days() {
    assert_eq!(one("said today"), ("today", DateKind::Relative(0)));
    assert_eq!(one("this morning"), ("this morning", DateKind::Relative(0)));
    assert_eq!(one("tonight"), ("tonight", DateKind::Relative(0)));
    assert_eq!(
        one("earlier today"),
        ("earlier today", DateKind::Relative(0))
    );
    assert_eq!(one("Yesterday, he"), ("Yesterday", DateKind::Relative(-1)));
    assert_eq!(
        one("late yesterday"),
        ("late yesterday", DateKind::Relative(-1))
    );
    assert_eq!(one("last night"), ("last night", DateKind::Relative(-1)));
    assert_eq!(
        one("the day before yesterday"),
        ("the day before yesterday", DateKind::Relative(-2))
    );
    assert_eq!(
        one("two days ago"),
        ("two days ago", DateKind::Relative(-2))
    );
    assert_eq!(one("a day ago"), ("a day ago", DateKind::Relative(-1)));
    assert!(found("he told USA Today and Russia Today").is_empty());
}

// ---- find_dates: anaphora

#[test]
fn finds_same_day_phrases() {
    for p in [
        "On the same day",
        "the same day",
        "Earlier in the day",
        "later that day",
        "later in the day",
        "that day",
        "on that day",
        "later the same day",
        "At the same press conference",
        "of the same meeting",
        "Hours later",
        "during the same call",
        "earlier that evening",
    ] {
        let text = format!("{p}, Stoltenberg said");
        assert_eq!(one(&text), (p, DateKind::SameDay), "{p}");
    }
}

#[test]
fn finds_day_before_and_after() {
    assert_eq!(one("a day earlier"), ("a day earlier", DateKind::DayBefore));
    assert_eq!(
        one("the previous day"),
        ("the previous day", DateKind::DayBefore)
    );
    assert_eq!(
        one("On the eve, he said"),
        ("On the eve", DateKind::DayBefore)
    );
    assert_eq!(
        one("the day before."),
        ("the day before", DateKind::DayBefore)
    );
    assert_eq!(one("the next day"), ("the next day", DateKind::DayAfter));
    assert_eq!(
        one("The following day"),
        ("The following day", DateKind::DayAfter)
    );
    assert_eq!(one("a day later"), ("a day later", DateKind::DayAfter));
    assert_eq!(
        one("the day after, he"),
        ("the day after", DateKind::DayAfter)
    );
}

#[test]
fn eve_of_event_is_vague() {
    assert_eq!(
        one("on the eve of the summit"),
        ("on the eve", DateKind::Vague)
    );
    assert_eq!(
        one("the day before the summit"),
        ("the day before", DateKind::Vague)
    );
    assert_eq!(
        one("the day after Christmas"),
        ("the day after", DateKind::Vague)
    );
    assert_eq!(
        one("at the time of writing"),
        ("at the time", DateKind::Vague)
    );
    assert_eq!(
        one("the day after tomorrow"),
        ("the day after tomorrow", DateKind::Vague)
    );
    assert_eq!(one("until that day"), ("that day", DateKind::Vague));
    assert_eq!(one("At the time he said"), ("At the time", DateKind::Then));
}

#[test]
fn finds_then() {
    assert_eq!(
        one("basis. Then Zelensky said that"),
        ("Then", DateKind::Then)
    );
    assert_eq!(one("He then said"), ("then", DateKind::Then));
    assert_eq!(one("he met them and then said"), ("then", DateKind::Then));
    assert_eq!(one("He met them, then said"), ("then", DateKind::Then));
    assert_eq!(one("At the time, he said"), ("At the time", DateKind::Then));
    assert_eq!(
        one("at that time he said"),
        ("at that time", DateKind::Then)
    );
    assert_eq!(one("Back then, he said"), ("Back then", DateKind::Then));
}

#[test]
fn then_not_temporal() {
    assert!(found("If Ukraine wins, then it joins").is_empty());
    assert!(found("If Ukraine wins and then reforms, it joins").is_empty());
    assert!(found("And then Ukraine can return").is_empty());
    assert!(found("the then-minister and the then minister").is_empty());
    assert!(found("more then ever").is_empty());
    assert!(found("Why then would he? Only then.").is_empty());
}

#[test]
fn then_with_preposition_is_vague() {
    for p in ["since then", "by then", "until then", "from then"] {
        assert_eq!(
            one(&format!("He has said {p} that")),
            (p, DateKind::Vague),
            "{p}"
        );
    }
}

#[test]
fn vague_phrases() {
    for p in [
        "last week",
        "earlier this week",
        "this week",
        "recently",
        "last month",
        "in 2022",
        "last year",
        "next week",
        "earlier",
        "previously",
        "in recent weeks",
        "earlier this month",
        "over the weekend",
        "tomorrow",
        "two weeks ago",
    ] {
        let text = format!("Reznikov said {p} he expected");
        assert_eq!(one(&text), (p, DateKind::Vague), "{p}");
        assert_eq!(
            resolve(DateKind::Vague, Some(d(2023, 6, 30)), Some(d(2023, 6, 29))),
            None
        );
    }
}

#[test]
fn seed_article_000() {
    let text = "Igor Zhovkva gave the interview on June 29.\n\n\
        Earlier in the day, the alliance chief Jens Stoltenberg spoke.\n\n\
        On June 28, Stoltenberg spoke.\n\nOn the same day, Reznikov spoke.\n\n\
        The day before, on June 27, Kuleba gave a speech.\n\n\
        On September 30, 2022, Kyiv filed its bid. Then Zelensky spoke.";
    assert_eq!(
        kinds(text),
        vec![
            day(None, 6, 29),
            DateKind::SameDay,
            day(None, 6, 28),
            DateKind::SameDay,
            DateKind::DayBefore,
            day(None, 6, 27),
            day(Some(2022), 9, 30),
            DateKind::Then,
        ]
    );
}

#[test]
fn mentions_are_ordered_and_disjoint() {
    let text = "Earlier this week, on Monday, and yesterday, the day before, on June 1, 2023, then in May.";
    let ms = find_dates(text);
    assert_eq!(ms.len(), 6);
    assert!(ms.windows(2).all(|w| w[0].range.end <= w[1].range.start));
}

// ---- resolve

#[test]
fn resolve_explicit_days() {
    assert_eq!(
        resolve(day(Some(2022), 9, 30), None, None),
        Some(d(2022, 9, 30))
    );
    assert_eq!(
        resolve(day(Some(2023), 2, 30), Some(d(2023, 6, 1)), None),
        None
    );
    assert_eq!(
        resolve(day(None, 6, 29), Some(d(2023, 6, 30)), None),
        Some(d(2023, 6, 29))
    );
    assert_eq!(
        resolve(day(None, 6, 30), Some(d(2023, 6, 30)), None),
        Some(d(2023, 6, 30))
    );
    assert_eq!(
        resolve(day(None, 6, 29), None, Some(d(2022, 1, 5))),
        Some(d(2022, 6, 29))
    );
    assert_eq!(resolve(day(None, 6, 29), None, None), None);
    assert_eq!(resolve(day(None, 2, 30), Some(d(2023, 6, 1)), None), None);
}

#[test]
fn resolve_yearless_across_year_end() {
    assert_eq!(
        resolve(day(None, 12, 30), Some(d(2024, 1, 2)), None),
        Some(d(2023, 12, 30))
    );
    assert_eq!(
        resolve(day(None, 1, 2), Some(d(2024, 1, 5)), None),
        Some(d(2024, 1, 2))
    );
    assert_eq!(
        resolve(day(None, 1, 6), Some(d(2024, 1, 5)), None),
        Some(d(2023, 1, 6))
    );
}

#[test]
fn resolve_leap_day() {
    assert_eq!(
        resolve(day(None, 2, 29), Some(d(2025, 3, 1)), None),
        Some(d(2024, 2, 29))
    );
    assert_eq!(
        resolve(day(None, 2, 29), Some(d(2024, 2, 28)), None),
        Some(d(2020, 2, 29))
    );
    assert_eq!(
        resolve(day(None, 2, 29), Some(d(2024, 2, 29)), None),
        Some(d(2024, 2, 29))
    );
    assert_eq!(resolve(day(None, 2, 29), None, Some(d(2023, 3, 1))), None);
}

#[test]
fn resolve_weekdays() {
    let sun = d(2023, 6, 11); // a Sunday
    assert_eq!(
        resolve(DateKind::Weekday(Weekday::Sat), Some(sun), None),
        Some(d(2023, 6, 10))
    );
    assert_eq!(
        resolve(DateKind::Weekday(Weekday::Sun), Some(sun), None),
        Some(sun)
    );
    assert_eq!(
        resolve(DateKind::Weekday(Weekday::Mon), Some(sun), None),
        Some(d(2023, 6, 5))
    );
    let thu = d(2023, 6, 29);
    assert_eq!(
        resolve(DateKind::Weekday(Weekday::Thu), Some(thu), None),
        Some(thu)
    );
    assert_eq!(
        resolve(DateKind::Weekday(Weekday::Fri), Some(thu), None),
        Some(d(2023, 6, 23))
    );
    assert_eq!(
        resolve(DateKind::Weekday(Weekday::Fri), Some(d(2024, 1, 2)), None),
        Some(d(2023, 12, 29))
    );
    assert_eq!(
        resolve(DateKind::Weekday(Weekday::Fri), None, Some(thu)),
        None
    );
}

#[test]
fn resolve_relative_and_anaphoric() {
    let p = Some(d(2024, 1, 1));
    let a = Some(d(2024, 3, 1));
    assert_eq!(resolve(DateKind::Relative(0), p, None), p);
    assert_eq!(
        resolve(DateKind::Relative(-1), p, None),
        Some(d(2023, 12, 31))
    );
    assert_eq!(
        resolve(DateKind::Relative(-2), p, None),
        Some(d(2023, 12, 30))
    );
    assert_eq!(resolve(DateKind::Relative(-1), None, a), None);
    assert_eq!(resolve(DateKind::Relative(i64::MIN), p, None), None);
    assert_eq!(resolve(DateKind::Relative(i64::MAX), p, None), None);
    assert_eq!(resolve(DateKind::SameDay, p, a), a);
    assert_eq!(resolve(DateKind::Then, p, a), a);
    assert_eq!(resolve(DateKind::DayBefore, p, a), Some(d(2024, 2, 29)));
    assert_eq!(
        resolve(DateKind::DayBefore, p, Some(d(2023, 3, 1))),
        Some(d(2023, 2, 28))
    );
    assert_eq!(
        resolve(DateKind::DayAfter, p, Some(d(2023, 12, 31))),
        Some(d(2024, 1, 1))
    );
    assert_eq!(
        resolve(DateKind::DayAfter, p, Some(d(2024, 2, 28))),
        Some(d(2024, 2, 29))
    );
    assert_eq!(resolve(DateKind::SameDay, p, None), None);
    assert_eq!(resolve(DateKind::DayBefore, p, None), None);
}

#[test]
fn resolve_pipeline_seed_002() {
    let text = "Zhovkva wrote on Facebook on Saturday.";
    let m = &find_dates(text)[0];
    assert_eq!(
        resolve(m.kind, Some(d(2023, 6, 11)), None),
        Some(d(2023, 6, 10))
    );
}

// ---- robustness

fn assert_sane(text: &str) {
    let ms = find_dates(text);
    let mut last = 0;
    for m in &ms {
        assert!(m.range.start >= last && m.range.start < m.range.end && m.range.end <= text.len());
        assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
        last = m.range.end;
    }
    let _ = parse_date(text);
    let _ = is_dateline(text);
}

#[test]
fn no_panic_on_long_line() {
    let unit = "On June 29, then, the day before Zelensky, если 5.5.2023 — ñ Saturday 31 may ";
    let mut text = String::new();
    while text.chars().count() < 200_000 {
        text.push_str(unit);
    }
    let start = std::time::Instant::now();
    assert_sane(&text);
    assert!(find_dates(&text).len() > 10_000);
    assert!(
        start.elapsed().as_secs() < 30,
        "too slow: {:?}",
        start.elapsed()
    );
    let plain = "x".repeat(200_000);
    assert_sane(&plain);
    assert_sane(&", then".repeat(40_000));
}

#[test]
fn no_panic_on_random_unicode() {
    let alphabet: Vec<char> = "aeThn ,.;:-–—’\"'0123456789JuneMaySatdayéЖ中🙂\u{a0}\u{301}\n\t/"
        .chars()
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..(seed % 80) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        assert_sane(&s);
        let tail: String = s.chars().rev().collect();
        assert_sane(&format!("on June 2{tail} then{s}"));
    }
}

#[test]
fn edge_inputs() {
    for s in [
        "",
        " ",
        "then",
        "Then",
        ",then",
        "the eve",
        "on",
        "June",
        "29",
        "May 2",
        "\u{301}then",
        "🙂June 29🙂",
    ] {
        assert_sane(s);
    }
    assert_eq!(one("🙂June 29🙂"), ("June 29", day(None, 6, 29)));
}

#[test]
fn the_guard_never_rules_out_a_finder_whose_regex_matches() {
    let mut texts: Vec<String> = std::fs::read_dir("fixtures/articles")
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    texts.extend(
        [
            "We met laſt week.",
            "It rained the Sunday before; on ſaturday it cleared.",
            "Two weeKs ago, at the ſame press conference, and since then.",
            "He spoke on the eve of the summit, at that time, hours later.",
            "The talks on Christmas Eve, 29.06.2023, in mid-June, early JULY 2023.",
            "Yesterday night, tonight, within the past hour, recently, in 2022.",
        ]
        .map(String::from),
    );
    for text in &texts {
        let possible = guard::possible(text);
        for (i, re) in finder_regexes().iter().enumerate() {
            if re.is_match(text) {
                assert!(possible & (1 << i) != 0, "finder {i} ruled out in {text:?}");
            }
        }
    }
    assert_eq!(guard::possible("Nothing dated here."), 0);
}

/// Which character of each class a sample takes: the first (ASCII capitals, `\t`, `0`) or the
/// last ASCII one (lowercase, a space, `9`). Texts with the long s or the Kelvin sign pass every
/// finder (see above).
#[derive(Clone, Copy)]
enum Pick {
    First,
    Last,
}

/// Short texts a regex matches, together taking every branch of every alternation and every
/// optional part of `hir` at least once: one text per branch, the other parts at their first
/// text. A repetition takes its least count, at least once for `*`.
fn samples(hir: &regex_syntax::hir::Hir, pick: Pick) -> Vec<String> {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => vec![String::new()],
        HirKind::Literal(l) => vec![String::from_utf8(l.0.to_vec()).unwrap()],
        HirKind::Class(Class::Unicode(c)) => {
            let r = c.ranges();
            let ch = match pick {
                Pick::First => r[0].start(),
                Pick::Last => {
                    let ascii = r.iter().rev().find(|r| r.start().is_ascii());
                    ascii.map_or(r[r.len() - 1].end(), |r| r.end().min('\x7F'))
                }
            };
            vec![ch.to_string()]
        }
        HirKind::Class(Class::Bytes(_)) => panic!("a byte class in a date finder"),
        HirKind::Capture(c) => samples(&c.sub, pick),
        HirKind::Repetition(r) => repeated(&samples(&r.sub, pick), r.min, r.max),
        HirKind::Concat(parts) => concatenated(parts.iter().map(|p| samples(p, pick)).collect()),
        HirKind::Alternation(branches) => branches.iter().flat_map(|b| samples(b, pick)).collect(),
    }
}

/// Samples of a repetition of `min` to `max` times, given its part's samples: each part taken
/// `min` times (once for an unbounded `*`), and nothing first when it is optional.
fn repeated(part: &[String], min: u32, max: Option<u32>) -> Vec<String> {
    let times = if min == 0 && max.is_none() { 1 } else { min };
    let mut out: Vec<String> = part
        .iter()
        .map(|s| s.clone() + &part[0].repeat(times.max(1) as usize - 1))
        .collect();
    if times == 0 {
        out.insert(0, String::new());
    }
    out
}

/// Samples of a sequence, given each part's: all parts at their first, then each other sample
/// of each part with the rest at their first.
fn concatenated(parts: Vec<Vec<String>>) -> Vec<String> {
    let firsts: Vec<&str> = parts.iter().map(|p| p[0].as_str()).collect();
    let mut out = vec![firsts.concat()];
    for (i, p) in parts.iter().enumerate() {
        for s in &p[1..] {
            let mut t = firsts.clone();
            t[i] = s;
            out.push(t.concat());
        }
    }
    out
}

#[test]
fn the_guard_admits_a_sample_of_every_alternative_of_every_finder() {
    let finders = finder_regexes();
    let mut count = 0;
    for (i, re) in finders.iter().enumerate() {
        let hir = regex_syntax::parse(re.as_str()).unwrap();
        for pick in [Pick::First, Pick::Last] {
            for text in samples(&hir, pick) {
                assert!(
                    re.is_match(&text),
                    "finder {i} does not match its sample {text:?}"
                );
                let possible = guard::possible(&text);
                for (j, other) in finders.iter().enumerate() {
                    if other.is_match(&text) {
                        assert!(possible & (1 << j) != 0, "finder {j} ruled out in {text:?}");
                    }
                }
                count += 1;
            }
        }
    }
    // Every month and weekday form, and many more alternatives.
    assert!(count > 400, "{count} samples");
}

#[test]
fn the_numeric_full_date_regex_matches_as_the_whole_one_where_no_month_is_named() {
    for s in [
        "2024-07-06",
        "Updated 06.07.2024 10:00 | 7/6/2024",
        "12023-06-30 and 1.30.06.2023, then 2023/6/29",
    ] {
        assert!(std::ptr::eq(full_date_regex(s), &*FULL_NUMERIC_RE));
        let whole: Vec<_> = FULL_DATE_RE.find_iter(s).map(|m| m.range()).collect();
        let numeric: Vec<_> = FULL_NUMERIC_RE.find_iter(s).map(|m| m.range()).collect();
        assert_eq!(whole, numeric, "{s}");
    }
    assert!(std::ptr::eq(full_date_regex("6 Sept 2024"), &*FULL_DATE_RE));
    assert!(std::ptr::eq(full_date_regex("6 ſept 2024"), &*FULL_DATE_RE));
}
