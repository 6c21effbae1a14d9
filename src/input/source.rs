//! Inputs to articles, in input order. A whole file stays a path, read later by the worker
//! that analyses it (files are read in parallel); a stream (a JSON Lines or WARC file, or
//! stdin) is read here one record at a time, so memory holds a batch of records, never a whole
//! stream.

use super::kind::{self, Format, Kind};
use super::walk::Input;
use super::{gzip, jsonl, path_text, read, warc, Article, Envelope, Hint};
use crate::error::Error;
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::ops::ControlFlow;
use std::path::Path;

/// How to read the inputs.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `--input`: by extension, or one kind for every input.
    pub format: Format,
    /// `--max-bytes`: the largest file (after decompression) or record read.
    pub max_bytes: u64,
}

/// One unit of work, in input order.
#[derive(Debug)]
pub enum Item {
    /// A file holding one article, to be read whole by the worker that analyses it.
    File {
        /// The file.
        input: Input,
        /// How to read it.
        hint: Hint,
        /// It is gzip'd.
        gzip: bool,
    },
    /// A stream was opened (a JSON Lines or WARC file, or stdin): one input seen; its
    /// articles and errors follow.
    Opened(Input),
    /// An article cut from a stream (a JSON Lines or WARC record).
    Article(Article),
    /// Stdin read whole as one article (neither JSON Lines nor WARC): `article.path` is `-`.
    /// Like a file, it is one input (`--state` keys it `-`).
    Stdin(Article),
    /// A record or stream that could not be read.
    Failed(Error),
}

/// Give every input's items to `sink`, in order, until `sink` says stop.
pub fn for_each(
    inputs: &[Input],
    opts: &Options,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for input in inputs {
        match input {
            Input::Stdin => stdin(opts, sink)?,
            Input::File(p) | Input::Walked(p) => file(input, p, opts, sink)?,
        }
    }
    ControlFlow::Continue(())
}

/// Read a [`Item::File`]'s bytes, capped at `max_bytes` (after decompression).
pub fn read_file(path: &Path, gzip: bool, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    read_file_into(path, gzip, max_bytes, &mut bytes)?;
    Ok(bytes)
}

/// [`read_file`] into `bytes` (cleared first), so one buffer serves many files.
pub fn read_file_into(
    path: &Path,
    gzip: bool,
    max_bytes: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), Error> {
    if gzip {
        read::read_gz_file_into(path, max_bytes, bytes)
    } else {
        read::read_file_into(path, max_bytes, bytes)
    }
}

fn file(
    input: &Input,
    path: &Path,
    opts: &Options,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let detected = kind::of_path(path, opts.format);
    if let Kind::Article(hint) = detected.kind {
        return sink(Item::File {
            input: input.clone(),
            hint,
            gzip: detected.gzip,
        });
    }
    sink(Item::Opened(input.clone()))?;
    let opened = File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    });
    match opened {
        Ok(f) if detected.gzip => stream(
            detected.kind,
            gzip::decoder(f),
            &path_text(path),
            opts,
            sink,
        ),
        Ok(f) => stream(detected.kind, f, &path_text(path), opts, sink),
        Err(e) => sink(Item::Failed(e)),
    }
}

/// Read a JSON Lines or WARC stream's records.
fn stream(
    kind: Kind,
    reader: impl Read,
    label: &str,
    opts: &Options,
    sink: &mut dyn FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let reader = BufReader::with_capacity(STREAM_BUFFER, reader);
    let mut each = |r: Result<Article, Error>| sink(r.map_or_else(Item::Failed, Item::Article));
    match kind {
        Kind::Jsonl => jsonl::for_each_record(reader, label, opts.max_bytes, &mut each),
        Kind::Warc => warc::for_each_record(reader, label, opts.max_bytes, &mut each),
        Kind::Article(_) => ControlFlow::Continue(()),
    }
}

/// Read buffer for streams.
const STREAM_BUFFER: usize = 256 * 1024;
/// Leading whitespace read while looking for stdin's first byte, at most: past it the input
/// is one (blank) article.
const MAX_SNIFF: usize = 64 * 1024;

/// Stdin: gzip'd or not, then JSON Lines records, a WARC archive, or one article, by its first
/// bytes (or `--input`). Entirely empty stdin is one input seen and no article.
fn stdin(opts: &Options, sink: &mut dyn FnMut(Item) -> ControlFlow<()>) -> ControlFlow<()> {
    sink(Item::Opened(Input::Stdin))?;
    let (head, rest) = match sniff(io::stdin().lock()) {
        Ok(h) => h,
        Err(e) => return sink(Item::Failed(stdin_error(e))),
    };
    let reader: Box<dyn Read> = Box::new(Cursor::new(head.clone()).chain(rest));
    let (head, reader): (Vec<u8>, Box<dyn Read>) = if head.starts_with(&gzip::MAGIC) {
        match sniff(gzip::decoder(reader)) {
            Ok((h, r)) => (h.clone(), Box::new(Cursor::new(h).chain(r))),
            Err(e) => return sink(Item::Failed(stdin_error(e))),
        }
    } else {
        (head, reader)
    };
    if head.is_empty() {
        return ControlFlow::Continue(());
    }
    match kind::of_stream_head(&head, opts.format) {
        Kind::Article(hint) => {
            let read = read::read_capped(reader, Path::new("-"), opts.max_bytes, 0);
            sink(read.map_or_else(Item::Failed, |bytes| {
                Item::Stdin(Article {
                    path: "-".to_string(),
                    bytes,
                    hint,
                    envelope: Envelope::default(),
                })
            }))
        }
        kind => stream(kind, reader, "-", opts, sink),
    }
}

fn stdin_error(e: io::Error) -> Error {
    if gzip::is_corrupt(&e) {
        Error::Corrupt {
            path: "-".into(),
            reason: format!("damaged gzip data ({e})"),
        }
    } else {
        Error::Io {
            path: "-".into(),
            source: e,
        }
    }
}

/// Read the first bytes of a stream: at least five and the first one that is not whitespace
/// (or up to [`MAX_SNIFF`], or the end). Returns them and the rest of the stream.
fn sniff<R: Read>(mut r: R) -> io::Result<(Vec<u8>, R)> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while head.len() < MAX_SNIFF && (head.len() < 5 || head.iter().all(u8::is_ascii_whitespace)) {
        let n = match r.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    Ok((head, r))
}
