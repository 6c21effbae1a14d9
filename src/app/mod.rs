//! Running the commands: inputs in, JSON Lines out, problems on stderr, an exit code back.
//!
//! Files are processed in parallel in fixed-size batches and printed in input order, so output
//! is stable and memory stays bounded however many files there are.

pub mod cli;
pub mod guard;
mod output;

use cli::{Cli, Command, ExtractArgs, InputArgs, MetaArgs, StripArgs};
use natoclaims::input::walk::{self, ExtFilter, Input};
use natoclaims::input::{self, read};
use natoclaims::{analyze, stripped_text, Analysis, ArticleMeta, Error, Scope};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Every input was read (binaries met while walking a folder are skipped with a warning and
/// do not count as failures).
pub const EXIT_OK: i32 = 0;
/// Some inputs failed or were skipped as errors; everything else was still printed.
pub const EXIT_PARTIAL: i32 = 1;
/// Usage error, or nothing could be read.
pub const EXIT_USAGE: i32 = 2;

/// Inputs read and analysed in parallel at a time: enough to keep every core busy, few enough
/// that memory stays bounded and output starts early; output keeps input order within and
/// across batches.
const BATCH: usize = 64;

/// Write one line to stderr. A closed or broken stderr must not abort the run (`eprintln!`
/// would panic), so write errors are ignored.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr().lock(), $($arg)*);
    }};
}

/// Run a parsed command line and return the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Strip(a) => strip(a),
        Command::Meta(a) => meta(a),
    }
}

/// Counts for the end-of-run summary and the exit code.
#[derive(Debug, Default)]
struct Tally {
    seen: usize,
    read: usize,
    printed: usize,
    /// Skipped inputs by reason (errors and warnings alike).
    skipped: BTreeMap<&'static str, usize>,
    /// How many of the skipped inputs count as errors for the exit code.
    errors: usize,
}

impl Tally {
    /// Report an input that produced no article. A binary file met while walking a folder is
    /// a warning (folders hold what scrapers saved: images, archives); anything else, and a
    /// binary named on the command line, is an error.
    fn fail(&mut self, input: Option<&Input>, err: &Error) {
        let warning = matches!((input, err), (Some(Input::Walked(_)), Error::Binary { .. }));
        if warning {
            say!("natoclaims: warning: {err}");
        } else {
            say!("natoclaims: {err}");
            self.errors += 1;
        }
        *self.skipped.entry(err.category()).or_insert(0) += 1;
    }

    fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    fn summary(&self, what: &str) -> String {
        let reasons: Vec<String> = self
            .skipped
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        let reasons = if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join(", "))
        };
        format!(
            "natoclaims: {} files seen, {} articles read, {} {what} printed, {} skipped{reasons}",
            self.seen,
            self.read,
            self.printed,
            self.skipped_total()
        )
    }

    fn exit_code(&self) -> i32 {
        if self.read == 0 && self.skipped_total() > 0 {
            EXIT_USAGE
        } else if self.errors > 0 {
            EXIT_PARTIAL
        } else {
            EXIT_OK
        }
    }
}

fn extract(args: ExtractArgs) -> i32 {
    let scope = match scope_for(&args.topic) {
        Ok(s) => s,
        Err(e) => {
            say!("natoclaims: --topic {}: {e}", args.topic);
            return EXIT_USAGE;
        }
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => match File::create(p) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                say!(
                    "natoclaims: {}: cannot create output file: {e}",
                    p.display()
                );
                return EXIT_USAGE;
            }
        },
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let quiet = args.input.quiet;
    // Only claims are printed: an input that fails the relevance prefilter is not analysed.
    let skim = !matches!(scope, Scope::Any);
    let result = process_all(
        &args.input,
        &scope,
        skim,
        |a, w| {
            for c in &a.claims {
                output::write_claim(w, c)?;
            }
            Ok(a.claims.len())
        },
        &mut out,
    );
    finish(result, out, quiet, "claims")
}

fn meta(args: MetaArgs) -> i32 {
    #[derive(Serialize)]
    /// The claims' article record plus how many claims the article gave.
    struct MetaLine<'a> {
        #[serde(flatten)]
        article: &'a ArticleMeta,
        claims: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        explain: Option<natoclaims::Origin>,
    }
    let scope = Scope::nato_ukraine();
    let mut out: Box<dyn Write> = Box::new(BufWriter::new(io::stdout().lock()));
    let quiet = args.input.quiet;
    let explain = args.explain;
    let result = process_all(
        &args.input,
        &scope,
        false,
        |a, w| {
            let line = MetaLine {
                article: &a.article,
                claims: a.claims.len(),
                explain: explain.then_some(a.article.meta.origin),
            };
            output::write_json_line(w, &line)?;
            Ok(1)
        },
        &mut out,
    );
    finish(result, out, quiet, "records")
}

fn strip(args: StripArgs) -> i32 {
    let loaded = match read_input(&input_of(&args.file), args.max_bytes) {
        Ok(l) => l,
        Err(e) => {
            say!("natoclaims: {e}");
            return EXIT_USAGE;
        }
    };
    if let Some(w) = &loaded.warning {
        say!("natoclaims: {}: warning: {w}", args.file.display());
    }
    let text = stripped_text(&loaded.document);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            say!("natoclaims: writing output: {e}");
            EXIT_PARTIAL
        }
    }
}

fn input_of(p: &Path) -> Input {
    if p.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(p.to_path_buf())
    }
}

/// The scope a `--topic` value names: a built-in or a topic file.
pub fn scope_for(topic: &str) -> Result<Scope, String> {
    match topic {
        "nato-ukraine" => Ok(Scope::nato_ukraine()),
        "any" => Ok(Scope::Any),
        path => {
            let data = std::fs::read_to_string(path)
                .map_err(|e| format!("not a built-in topic and not readable: {e}"))?;
            Scope::from_topic(&data)
        }
    }
}

type Emit<'a> = dyn FnMut(&Analysis, &mut dyn Write) -> io::Result<usize> + 'a;

/// Read, analyse and emit every input in order; returns the tally or the write error that
/// stopped the run. With `skim`, inputs that fail the relevance prefilter are not analysed.
fn process_all(
    args: &InputArgs,
    scope: &Scope,
    skim: bool,
    mut emit: impl FnMut(&Analysis, &mut dyn Write) -> io::Result<usize>,
    out: &mut Box<dyn Write>,
) -> Result<Tally, (Tally, io::Error)> {
    let emit: &mut Emit = &mut emit;
    let mut tally = Tally::default();
    let (inputs, errors) = walk::collect(&args.paths, &ExtFilter::new(&args.ext));
    for e in &errors {
        tally.seen += 1;
        tally.fail(None, e);
    }
    let pool = thread_pool(args.threads);
    for batch in inputs.chunks(BATCH) {
        let results: Vec<_> = pool.install(|| {
            batch
                .par_iter()
                .map(|i| read_and_analyze(i, args.max_bytes, scope, skim))
                .collect()
        });
        for (input, r) in batch.iter().zip(results) {
            tally.seen += 1;
            match r {
                Ok((analysis, warning)) => {
                    tally.read += 1;
                    if let Some(w) = warning {
                        say!("natoclaims: {}: warning: {w}", input.path().display());
                    }
                    match emit(&analysis, out.as_mut()) {
                        Ok(n) => tally.printed += n,
                        Err(e) => return Err((tally, e)),
                    }
                }
                Err(e) => tally.fail(Some(input), &e),
            }
        }
    }
    Ok(tally)
}

/// Read and analyse one input. With `skim`, an input that fails the relevance prefilter
/// (`Scope::is_relevant`) is neither hashed nor analysed: it gets no claims and no metadata.
/// A panic in the pipeline is a bug, but it costs only this input: it is reported as an
/// internal error and the run goes on.
fn read_and_analyze(
    i: &Input,
    max_bytes: u64,
    scope: &Scope,
    skim: bool,
) -> Result<(Analysis, Option<String>), Error> {
    guard::guarded(i.path(), || {
        if !skim {
            return read_input(i, max_bytes).map(|l| (analyze(&l.document, scope), l.warning));
        }
        let (path, bytes, html) = read_bytes(i, max_bytes)?;
        let skimmed = input::load_relevant(&path, &bytes, html, |t| scope.is_relevant(t));
        let analysis = match &skimmed.document {
            Some(doc) => analyze(doc, scope),
            None => Analysis {
                article: ArticleMeta {
                    path,
                    ..ArticleMeta::default()
                },
                claims: Vec::new(),
            },
        };
        Ok((analysis, skimmed.warning))
    })
}

fn thread_pool(threads: Option<usize>) -> rayon::ThreadPool {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(n.max(1));
    }
    b.build().unwrap_or_else(|_| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool")
    })
}

fn finish(
    result: Result<Tally, (Tally, io::Error)>,
    mut out: Box<dyn Write>,
    quiet: bool,
    what: &str,
) -> i32 {
    let (tally, err) = match result {
        Ok(t) => (t, out.flush().err()),
        Err((t, e)) => (t, Some(e)),
    };
    match err {
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => return EXIT_OK,
        Some(e) => {
            say!("natoclaims: writing output: {e}");
            return EXIT_PARTIAL;
        }
        None => {}
    }
    if !quiet {
        say!("{}", tally.summary(what));
    }
    tally.exit_code()
}

/// Read and decode one input into a document.
fn read_input(i: &Input, max_bytes: u64) -> Result<input::Loaded, Error> {
    let (path, bytes, html) = read_bytes(i, max_bytes)?;
    Ok(input::load(&path, &bytes, html))
}

/// Read one input's bytes: its path as printed, the bytes, and whether its name says HTML.
fn read_bytes(i: &Input, max_bytes: u64) -> Result<(String, Vec<u8>, bool), Error> {
    match i {
        Input::Stdin => Ok(("-".to_string(), read::read_stdin(max_bytes)?, false)),
        Input::File(p) | Input::Walked(p) => {
            let bytes = read::read_file(p, max_bytes)?;
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            let html = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml"));
            Ok((display_path(p), bytes, html))
        }
    }
}

/// A path as JSON can carry it: UTF-8 as is, any invalid byte written as `\xNN`.
pub fn display_path(p: &Path) -> String {
    let bytes = p.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}
