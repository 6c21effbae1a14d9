//! Output formats for claims: JSON Lines (the default), CSV and TSV.
//!
//! CSV and TSV have one row per claim under a header row of [`COLUMNS`]: nested fields by dot
//! names (`speaker.name`, `span.start`), the byline's names joined with "; ", null as an empty
//! cell. CSV quotes as RFC 4180 (the `csv` crate); TSV escapes as `jq -r '@tsv'` does:
//! backslash, tab, newline and carriage return become `\\`, `\t`, `\n` and `\r`.

use clap::ValueEnum;
use natoclaims::Claim;
use serde_json::Value;
use std::io;

/// The flat columns of CSV and TSV, in order.
pub const COLUMNS: [&str; 22] = [
    "id",
    "schema",
    "article.path",
    "article.sha256",
    "article.title",
    "article.outlet",
    "article.published",
    "article.byline",
    "speaker.name",
    "speaker.canonical",
    "speaker.title",
    "speaker.kind",
    "speaker.mention",
    "quote",
    "mode",
    "cue",
    "said_on",
    "date_text",
    "stance",
    "span.start",
    "span.end",
    "evidence",
];

/// What `--format` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line (the fields of `docs/FIELDS.md`).
    Jsonl,
    /// Comma-separated values with a header row, RFC 4180 quoting.
    Csv,
    /// Tab-separated values with a header row, backslash escapes.
    Tsv,
}

impl Format {
    /// The header line, if the format has one.
    pub fn header(self) -> Option<Vec<u8>> {
        let cells: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        match self {
            Format::Jsonl => None,
            Format::Csv => csv_row(&cells).ok(),
            Format::Tsv => Some(tsv_row(&cells)),
        }
    }

    /// Append one claim as one line (CSV: one record; a field may hold quoted newlines).
    pub fn write(self, out: &mut Vec<u8>, claim: &Claim) -> io::Result<()> {
        match self {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, claim)?;
                out.push(b'\n');
            }
            Format::Csv => out.extend(csv_row(&cells(claim)?)?),
            Format::Tsv => out.extend(tsv_row(&cells(claim)?)),
        }
        Ok(())
    }
}

/// A claim's cells in [`COLUMNS`] order.
pub fn cells(claim: &Claim) -> io::Result<Vec<String>> {
    let value = serde_json::to_value(claim)?;
    Ok(COLUMNS
        .iter()
        .map(|c| cell(value.pointer(&format!("/{}", c.replace('.', "/")))))
        .collect())
}

/// One cell: strings as they are, numbers in decimal, arrays joined with "; ", null empty.
fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| cell(Some(i)))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

fn csv_row(cells: &[String]) -> io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(cells)?;
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

fn tsv_row(cells: &[String]) -> Vec<u8> {
    let mut line = cells
        .iter()
        .map(|c| tsv_escape(c))
        .collect::<Vec<_>>()
        .join("\t");
    line.push('\n');
    line.into_bytes()
}

/// Backslash escapes for TSV: `\\`, `\t`, `\n`, `\r`.
pub fn tsv_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use natoclaims::{extract, Document, Scope};

    fn claim() -> Claim {
        let doc = Document::from_text(
            " date 2023-06-30 NATO Secretary General Jens Stoltenberg said on June 29 that Ukraine would be invited to join the alliance when conditions are met.\n",
        );
        extract(&doc, &Scope::nato_ukraine()).remove(0)
    }

    /// Every leaf of a claim's JSON object, by dot name.
    fn leaves(prefix: &str, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let name = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(&name, x, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    #[test]
    fn the_columns_are_every_field_of_a_claim() {
        let mut all = Vec::new();
        leaves("", &serde_json::to_value(claim()).unwrap(), &mut all);
        all.sort();
        let mut columns: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        columns.sort();
        assert_eq!(all, columns);
    }

    #[test]
    fn cells_flatten_nested_fields_and_join_the_byline() {
        let mut c = claim();
        c.article.meta.byline = vec!["Ann Lee".into(), "Bo Park".into()];
        let cells = cells(&c).unwrap();
        let at = |name: &str| &cells[COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(at("speaker.name"), "Jens Stoltenberg");
        assert_eq!(at("article.byline"), "Ann Lee; Bo Park");
        assert_eq!(at("article.title"), "", "null is an empty cell");
        assert_eq!(at("span.start"), &c.span.start.to_string());
        assert_eq!(at("id"), &c.id);
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let row = csv_row(&["a,b".into(), "say \"no\"".into(), "two\nlines".into()]).unwrap();
        assert_eq!(
            String::from_utf8(row).unwrap(),
            "\"a,b\",\"say \"\"no\"\"\",\"two\nlines\"\n"
        );
    }

    #[test]
    fn tsv_escapes_tabs_newlines_and_backslashes() {
        let row = tsv_row(&["a\tb".into(), "c\nd\r".into(), "e\\f".into()]);
        assert_eq!(String::from_utf8(row).unwrap(), "a\\tb\tc\\nd\\r\te\\\\f\n");
    }
}
