//! Quotation spans: where the quoted words are, with or without closing marks.
//!
//! Double quotation marks of every style count (straight, curly, guillemets, low-9); whether
//! a mark opens or closes is read from its context, which survives scrapes that mix styles.
//! Single quotes are left alone: they are apostrophes far more often than quotation marks.

use std::ops::Range;

/// One quotation inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The marks and the words between them.
    pub outer: Range<usize>,
    /// The words between the marks.
    pub inner: Range<usize>,
    /// False when the paragraph ends before the quotation closes (it runs on).
    pub closed: bool,
}

/// The quotation whose marks enclose byte `pos` (quotations are sorted and disjoint).
pub fn containing(quotes: &[Quotation], pos: usize) -> Option<&Quotation> {
    let i = quotes.partition_point(|q| q.outer.start <= pos);
    quotes[..i].last().filter(|q| pos < q.outer.end)
}

/// The quotation whose opening mark is at byte `pos`.
pub fn starting_at(quotes: &[Quotation], pos: usize) -> Option<&Quotation> {
    containing(quotes, pos).filter(|q| q.outer.start == pos)
}

/// True for any double quotation mark.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}' | '\u{201F}'
    )
}

/// Quotations in `text[range]`, in order; offsets are into `text`. Two apostrophes ('') count
/// as one double mark, as some outlets write them.
pub fn find(text: &str, range: Range<usize>) -> Vec<Quotation> {
    let para = &text[range.clone()];
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut i = 0;
    // Only an apostrophe or a double mark (one of these bytes starts each) does anything; the
    // characters between only leave the last of them as `prev`.
    let mut marks = crate::document::NextByte::new(bytes, [b'"', b'\'', 0xE2], 0xC2);
    while i < bytes.len() {
        let Some(skip) = marks.next(i).map(|k| k - i) else {
            break;
        };
        if skip > 0 {
            i += skip;
            prev = para[..i].chars().next_back();
        }
        let c = para[i..].chars().next().expect("a char boundary");
        let mut next = i + c.len_utf8();
        // "case,'''": a single quotation closes inside a double one; the last two apostrophes
        // are the double mark.
        let doubled = c == '\''
            && bytes.get(next) == Some(&b'\'')
            && !closes_single_then_double(para, i, prev);
        if doubled {
            next += 1;
        }
        if is_quote_mark(c) || doubled {
            let at = range.start + i;
            let mark = if doubled { '"' } else { c };
            // Inside a quotation, a mark with space after it cannot open one: it closes, even
            // when a space stands before it too (`this, " she said`).
            let before_space = para[next..].chars().next().is_none_or(char::is_whitespace);
            match open {
                None if opens(mark, prev) => open = Some(at),
                None => {}
                Some(start)
                    if !opens(mark, prev) || before_space || c == '\u{201D}' || c == '\u{BB}' =>
                {
                    out.push(Quotation {
                        outer: start..at + mark_len(text, at),
                        inner: start + mark_len(text, start)..at,
                        closed: true,
                    });
                    open = None;
                }
                Some(_) => {}
            }
            prev = Some(mark);
        } else {
            prev = Some(c);
        }
        i = next;
    }
    if let Some(start) = open {
        out.push(Quotation {
            outer: start..range.end,
            inner: start + mark_len(text, start)..range.end,
            closed: false,
        });
    }
    out
}

/// At `i` three apostrophes follow a word or punctuation mark: the first closes a single
/// quotation, the other two the double one around it.
pub(crate) fn closes_single_then_double(s: &str, i: usize, prev: Option<char>) -> bool {
    s[i..].starts_with("'''") && prev.is_some_and(|p| !p.is_whitespace())
}

fn mark_len(text: &str, at: usize) -> usize {
    if text[at..].starts_with("''") {
        return 2;
    }
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// A mark opens when it follows nothing, white space or an opening bracket or dash.
fn opens(c: char, prev: Option<char>) -> bool {
    if c == '\u{BB}' || c == '\u{201D}' {
        return prev.is_none_or(|p| p.is_whitespace()) && c == '\u{BB}';
    }
    match prev {
        None => true,
        Some(p) => {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | ':' | '/'
                )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(&str, bool)> {
        find(text, 0..text.len())
            .into_iter()
            .map(|q| (&text[q.inner], q.closed))
            .collect()
    }

    /// The reader as it was before it skipped to the marks: the new one must agree.
    fn reference(text: &str, range: Range<usize>) -> Vec<Quotation> {
        let para = &text[range.clone()];
        let mut out = Vec::new();
        let mut open: Option<usize> = None;
        let mut prev: Option<char> = None;
        let mut iter = para.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let doubled = c == '\''
                && iter.peek().is_some_and(|&(_, n)| n == '\'')
                && !closes_single_then_double(para, i, prev);
            if doubled {
                iter.next();
            }
            if is_quote_mark(c) || doubled {
                let at = range.start + i;
                let mark = if doubled { '"' } else { c };
                let before_space = iter.peek().is_none_or(|&(_, n)| n.is_whitespace());
                match open {
                    None if opens(mark, prev) => open = Some(at),
                    None => {}
                    Some(start)
                        if !opens(mark, prev)
                            || before_space
                            || c == '\u{201D}'
                            || c == '\u{BB}' =>
                    {
                        out.push(Quotation {
                            outer: start..at + mark_len(text, at),
                            inner: start + mark_len(text, start)..at,
                            closed: true,
                        });
                        open = None;
                    }
                    Some(_) => {}
                }
                prev = Some(mark);
                continue;
            }
            prev = Some(c);
        }
        if let Some(start) = open {
            out.push(Quotation {
                outer: start..range.end,
                inner: start + mark_len(text, start)..range.end,
                closed: false,
            });
        }
        out
    }

    #[test]
    fn same_quotations_as_the_char_by_char_reader() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
        // The UTF-8 ones (a few fixtures are in other encodings).
        let fixtures = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok());
        for t in fixtures {
            let starts = t.char_indices().map(|(i, _)| i).step_by(5);
            for a in std::iter::once(0).chain(starts) {
                assert_eq!(
                    find(&t, a..t.len()),
                    reference(&t, a..t.len()),
                    "{:?}",
                    &t[a..]
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn same_quotations_on_any_text(
            t in "[a ,.:(\\-'\"\u{201C}\u{201D}\u{201E}\u{201F}\u{AB}\u{BB}\u{2018}\u{2019}\u{2014}\u{a0}\u{e9}\n]{0,40}"
        ) {
            proptest::prop_assert_eq!(find(&t, 0..t.len()), reference(&t, 0..t.len()));
        }
    }

    #[test]
    fn straight_curly_and_guillemets() {
        assert_eq!(
            inner(r#"He said "yes, now," and left."#),
            vec![("yes, now,", true)]
        );
        assert_eq!(
            inner("“We ask,” said he. «Non» dit-il."),
            vec![("We ask,", true), ("Non", true)]
        );
    }

    #[test]
    fn a_spaced_mark_inside_a_quotation_closes_it() {
        assert_eq!(
            inner(r#""It is done, " she said. "Not yet, 'soon,' " he said."#),
            vec![("It is done, ", true), ("Not yet, 'soon,' ", true)]
        );
    }

    #[test]
    fn doubled_apostrophes_are_quotation_marks() {
        assert_eq!(
            inner("''It is over,'' he said. Don't go."),
            vec![("It is over,", true)]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        assert_eq!(
            inner("“This goes on. And on."),
            vec![("This goes on. And on.", false)]
        );
    }

    #[test]
    fn single_quotes_inside_are_ignored() {
        assert_eq!(
            inner("“leaders show ‘courage’,” he said"),
            vec![("leaders show ‘courage’,", true)]
        );
    }
}
