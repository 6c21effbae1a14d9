//! Running the commands: inputs in, JSON Lines out, problems on stderr, an exit code back.
//!
//! Files are processed in parallel in fixed-size batches and printed in input order, so output
//! is stable and memory stays bounded however many files there are.

pub mod cli;
mod format;
pub mod guard;
mod ledger;
mod output;
mod progress;
mod sink;
mod state;

use cli::{Cli, Command, ExtractArgs, InputArgs, MetaArgs, StripArgs};
use ledger::Ledger;
use natoclaims::input::walk::{self, ExtFilter, Input};
use natoclaims::input::{self, read};
use natoclaims::{analyze, stripped_text, Analysis, ArticleMeta, Error, Scope};
use progress::{Progress, When};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sink::Sink;
use state::Fingerprint;
use std::collections::BTreeMap;
use std::io::{self, Write};
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
        Command::Schema => print_stdout(natoclaims::CLAIM_JSON_SCHEMA.as_bytes()),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "natoclaims", &mut buf);
            print_stdout(&buf)
        }
        Command::Man => {
            let mut buf = Vec::new();
            let cmd = <Cli as clap::CommandFactory>::command();
            match clap_mangen::Man::new(cmd).render(&mut buf) {
                Ok(()) => print_stdout(&buf),
                Err(e) => {
                    say!("natoclaims: man page: {e}");
                    EXIT_PARTIAL
                }
            }
        }
    }
}

/// Write bytes to stdout; a closed stdout is not an error.
fn print_stdout(bytes: &[u8]) -> i32 {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            say!("natoclaims: writing output: {e}");
            EXIT_PARTIAL
        }
    }
}

/// Counts for the end-of-run summary and the exit code.
#[derive(Debug, Default)]
struct Tally {
    seen: usize,
    read: usize,
    /// Inputs `--state` says were processed before with the same bytes.
    unchanged: usize,
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
        let unchanged = if self.unchanged > 0 {
            format!(", {} unchanged since the last run", self.unchanged)
        } else {
            String::new()
        };
        format!(
            "natoclaims: {} files seen, {} articles read{unchanged}, {} {what} printed, {} skipped{reasons}",
            self.seen,
            self.read,
            self.printed,
            self.skipped_total()
        )
    }

    fn exit_code(&self) -> i32 {
        if self.read + self.unchanged == 0 && self.skipped_total() > 0 {
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
    let mut ledger = match &args.state {
        Some(p) => match Ledger::open(p, args.output.as_deref()) {
            Ok(l) => Some(l),
            Err(e) => {
                say!("natoclaims: {}: {e}", p.display());
                return EXIT_USAGE;
            }
        },
        None => None,
    };
    let mut out = match open_output(&args, ledger.as_mut()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let format = args.format;
    let quiet = args.input.quiet;
    let result = process_all(
        &args.input,
        &scope,
        |a, w| {
            // One write per input: a file only ever receives whole lines.
            let mut buf = Vec::new();
            for c in &a.claims {
                format.write(&mut buf, c)?;
            }
            w.write_all(&buf)?;
            Ok(a.claims.len())
        },
        &mut out,
        ledger.as_mut(),
    );
    finish(result, out, quiet, "claims")
}

/// Open the output `-o`, `--append` and `--state` ask for, put the CSV or TSV header at the
/// top of a new or empty output (so even an output without claims has it), and let the state
/// vouch for the output as it now is.
fn open_output(args: &ExtractArgs, ledger: Option<&mut Ledger>) -> Result<Sink, i32> {
    let mut out = open_sink(args, ledger.as_deref())?;
    if let Some(header) = args.format.header().filter(|_| out.starts_empty()) {
        if let Err(e) = out.write_all(&header) {
            say!("natoclaims: writing output: {e}");
            return Err(EXIT_PARTIAL);
        }
    }
    if let Some(l) = ledger {
        if let Err(e) = l.begin(&mut out) {
            say!("natoclaims: {e}");
            return Err(EXIT_USAGE);
        }
    }
    Ok(out)
}

/// The output destination: stdout, a file replaced at the end, or a file appended to.
fn open_sink(args: &ExtractArgs, ledger: Option<&Ledger>) -> Result<Sink, i32> {
    let Some(path) = &args.output else {
        return Ok(Sink::stdout());
    };
    let opened = if args.append || ledger.is_some() {
        let committed = ledger.and_then(Ledger::committed_length);
        Sink::append(path, committed).map(|(sink, repair)| {
            report_repair(path, &repair);
            sink
        })
    } else {
        Sink::replace(path)
    };
    opened.map_err(|e| {
        say!(
            "natoclaims: {}: cannot open output file: {e}",
            path.display()
        );
        EXIT_USAGE
    })
}

fn report_repair(path: &Path, repair: &sink::Repair) {
    match repair {
        sink::Repair::None => {}
        sink::Repair::TornLine(n) => say!(
            "natoclaims: {}: warning: cut a torn last line ({n} bytes) left by an interrupted run",
            path.display()
        ),
        sink::Repair::Uncommitted(n) => say!(
            "natoclaims: {}: warning: cut {n} bytes written after the last --state commit by an interrupted run; their inputs are processed again",
            path.display()
        ),
    }
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
    let mut out = Sink::stdout();
    let quiet = args.input.quiet;
    let explain = args.explain;
    let result = process_all(
        &args.input,
        &scope,
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
        None,
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

/// What became of one input that was read.
enum Outcome {
    /// Analysed: its claims, and a decoding warning if any.
    Analysed(Box<Analysis>, Option<String>),
    /// `--state` has these exact bytes as processed: not analysed again.
    Unchanged,
}

/// One input read: its key (the path as printed), fingerprint and outcome.
struct Processed {
    key: String,
    print: Fingerprint,
    outcome: Outcome,
}

/// Read, analyse and emit every input in order; returns the tally or the write error that
/// stopped the run. With a ledger, inputs it lists with the same bytes are skipped, and after
/// each batch the output is made durable and then the ledger records the batch.
fn process_all(
    args: &InputArgs,
    scope: &Scope,
    mut emit: impl FnMut(&Analysis, &mut dyn Write) -> io::Result<usize>,
    out: &mut Sink,
    mut ledger: Option<&mut Ledger>,
) -> Result<Tally, (Tally, io::Error)> {
    let emit: &mut Emit = &mut emit;
    let mut tally = Tally::default();
    let (inputs, errors) = walk::collect(&args.paths, &ExtFilter::new(&args.ext));
    for e in &errors {
        tally.seen += 1;
        tally.fail(None, e);
    }
    let mut progress = Progress::new(progress_when(args, out), inputs.len());
    let pool = thread_pool(args.threads);
    for batch in inputs.chunks(BATCH) {
        let done = ledger.as_deref().map(Ledger::state);
        let results: Vec<_> = pool.install(|| {
            batch
                .par_iter()
                .map(|i| read_and_analyze(i, args.max_bytes, scope, done))
                .collect()
        });
        let mut finished = Vec::new();
        for (input, r) in batch.iter().zip(results) {
            tally.seen += 1;
            let p = match r {
                Ok(p) => p,
                Err(e) => {
                    tally.fail(Some(input), &e);
                    continue;
                }
            };
            let printed = match emit_processed(input, &p, &mut tally, emit, out) {
                Ok(n) => n,
                Err(e) => return Err((tally, e)),
            };
            progress.input_done(p.print.size, printed);
            finished.push((p.key, p.print));
        }
        if let Some(l) = ledger.as_deref_mut() {
            if let Err(e) = l.commit(out, finished) {
                return Err((tally, e));
            }
        }
    }
    progress.finish();
    Ok(tally)
}

/// Count one read input and emit its records (none when unchanged); returns how many.
fn emit_processed(
    input: &Input,
    p: &Processed,
    tally: &mut Tally,
    emit: &mut Emit,
    out: &mut Sink,
) -> io::Result<usize> {
    let printed = match &p.outcome {
        Outcome::Unchanged => {
            tally.unchanged += 1;
            0
        }
        Outcome::Analysed(analysis, warning) => {
            tally.read += 1;
            if let Some(w) = warning {
                say!("natoclaims: {}: warning: {w}", input.path().display());
            }
            emit(analysis, out)?
        }
    };
    tally.printed += printed;
    Ok(printed)
}

/// When to draw the progress bar: `--quiet` and `--no-progress` never, `--progress` always;
/// by default when stderr is a terminal and the records do not go to a terminal too (the bar
/// would be torn up by the lines scrolling under it).
fn progress_when(args: &InputArgs, out: &Sink) -> When {
    if args.quiet || args.no_progress {
        When::Never
    } else if args.progress {
        When::Always
    } else if out.is_terminal() {
        When::Never
    } else {
        When::Auto
    }
}

/// Read and analyse one input (unless `done` lists its bytes). A panic in the pipeline is a
/// bug, but it costs only this input: it is reported as an internal error and the run goes on.
fn read_and_analyze(
    i: &Input,
    max_bytes: u64,
    scope: &Scope,
    done: Option<&state::State>,
) -> Result<Processed, Error> {
    guard::guarded(i.path(), || {
        let bytes = read_bytes(i, max_bytes)?;
        let key = key_of(i);
        // Only a run with a state needs the hash before the document is loaded.
        let print = Fingerprint {
            size: bytes.len() as u64,
            sha256: done.map_or_else(String::new, |_| hex(&Sha256::digest(&bytes))),
        };
        let outcome = if done.is_some_and(|s| s.is_done(&key, &print)) {
            Outcome::Unchanged
        } else {
            let l = load_bytes(i, &bytes);
            Outcome::Analysed(Box::new(analyze(&l.document, scope)), l.warning)
        };
        Ok(Processed {
            key,
            print,
            outcome,
        })
    })
}

/// The name an input is remembered by in `--state`: the path as printed, `-` for stdin.
fn key_of(i: &Input) -> String {
    match i {
        Input::Stdin => "-".to_string(),
        Input::File(p) | Input::Walked(p) => display_path(p),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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

fn finish(result: Result<Tally, (Tally, io::Error)>, out: Sink, quiet: bool, what: &str) -> i32 {
    let (tally, err) = match result {
        Ok(t) => (t, out.finish().err()),
        // A file being replaced is dropped here: the old one stays as it was.
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
    read_bytes(i, max_bytes).map(|bytes| load_bytes(i, &bytes))
}

/// One input's raw bytes.
fn read_bytes(i: &Input, max_bytes: u64) -> Result<Vec<u8>, Error> {
    match i {
        Input::Stdin => read::read_stdin(max_bytes),
        Input::File(p) | Input::Walked(p) => read::read_file(p, max_bytes),
    }
}

/// Decode one input's bytes into a document (HTML by extension or by sniffing).
fn load_bytes(i: &Input, bytes: &[u8]) -> input::Loaded {
    match i {
        Input::Stdin => input::load("-", bytes, false),
        Input::File(p) | Input::Walked(p) => {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            let html = matches!(ext.as_deref(), Some("html" | "htm" | "xhtml"));
            input::load(&display_path(p), bytes, html)
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
