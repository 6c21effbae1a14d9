//! Running the commands: inputs in, records out (JSON Lines, CSV or TSV), problems on stderr,
//! an exit code back.
//!
//! `inputs` decides which paths a run reads, the library walks them and cuts them into items,
//! `batch` analyses the items in parallel batches and emits in input order (skipping what
//! `--state` has, committing after each batch), `tally` counts and reports. Around that loop:
//! `sink` (where records go), `state` and `ledger` (`--state`), `format` (claims as JSON Lines,
//! CSV or TSV), `progress` (the bar on stderr).

mod batch;
pub mod cli;
mod crash;
mod format;
pub mod guard;
mod inputs;
mod ledger;
mod output;
mod progress;
mod sink;
mod state;
mod tally;

use cli::{Cli, Command, ExtractArgs, InputArgs, MetaArgs, StripArgs};
use ledger::Ledger;
use natoclaims::input::kind::{self, Kind};
use natoclaims::input::source::Options;
use natoclaims::input::walk::{self, ExtFilter, Input};
use natoclaims::{stripped_text, Analysis, ArticleMeta, Error, Scope};
use progress::{Progress, When};
use serde::Serialize;
use sink::Sink;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tally::{say, Tally};

/// Every input was read (with or without claims), or found unchanged by `--state`.
pub const EXIT_OK: i32 = 0;
/// Some inputs or records failed or were skipped as errors, inputs of a kind natoclaims cannot
/// read were found, or writing the output or the state failed; everything else was still
/// printed.
pub const EXIT_PARTIAL: i32 = 1;
/// Usage error, or nothing could be read.
pub const EXIT_USAGE: i32 = 2;

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
                    say(&format!("natoclaims: man page: {e}"));
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
            say(&format!("natoclaims: writing output: {e}"));
            EXIT_PARTIAL
        }
    }
}

fn extract(args: ExtractArgs) -> i32 {
    let scope = match scope_for(&args.topic) {
        Ok(s) => s,
        Err(e) => {
            say(&format!("natoclaims: --topic {}: {e}", args.topic));
            return EXIT_USAGE;
        }
    };
    let mut ledger = match &args.state {
        Some(p) => match Ledger::open(p, args.output.as_deref()) {
            Ok(l) => Some(l),
            Err(e) => {
                say(&format!("natoclaims: {}: {e}", p.display()));
                return EXIT_USAGE;
            }
        },
        None => None,
    };
    let out = match open_output(&args, ledger.as_mut()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let format = args.format;
    let mut emit = |a: &Analysis, w: &mut dyn Write| {
        // One write per article: a file only ever receives whole lines.
        let mut buf = Vec::new();
        for c in &a.claims {
            format.write(&mut buf, c)?;
        }
        if crash::reached() {
            // A kill in the middle of the write: half the article's bytes reach the file.
            w.write_all(&buf[..buf.len() / 2])?;
            w.flush()?;
            crash::die();
        }
        w.write_all(&buf)?;
        crash::here();
        Ok(a.claims.len())
    };
    // Neither the output nor the state is ever read back as an input.
    let own: Vec<&Path> = args
        .output
        .iter()
        .chain(&args.state)
        .map(|p| p.as_path())
        .collect();
    // Only claims are printed: an input that fails the relevance prefilter is not analysed
    // (with `--topic any` every input is relevant, so none is skimmed).
    let skim = !matches!(scope, Scope::Any);
    run_inputs(
        &args.input,
        &scope,
        skim,
        &mut emit,
        out,
        &own,
        ledger.as_mut(),
        "claims",
    )
}

/// Open the output `-o`, `--append` and `--state` ask for, put the CSV or TSV header at the
/// top of a new or empty output (so even an output without claims has it), and let the state
/// vouch for the output as it now is.
fn open_output(args: &ExtractArgs, ledger: Option<&mut Ledger>) -> Result<Sink, i32> {
    let mut out = open_sink(args, ledger.as_deref())?;
    if let Some(header) = args.format.header().filter(|_| out.starts_empty()) {
        if let Err(e) = out.write_all(&header) {
            say(&format!("natoclaims: writing output: {e}"));
            return Err(EXIT_PARTIAL);
        }
    }
    if let Some(l) = ledger {
        if let Err(e) = l.begin(&mut out) {
            say(&format!("natoclaims: {e}"));
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
        say(&format!(
            "natoclaims: {}: cannot open output file: {e}",
            path.display()
        ));
        EXIT_USAGE
    })
}

fn report_repair(path: &Path, repair: &sink::Repair) {
    let what = match repair {
        sink::Repair::None => return,
        sink::Repair::TornLine(n) => {
            format!("cut a torn last line ({n} bytes) left by an interrupted run")
        }
        sink::Repair::Uncommitted(n) => format!(
            "cut {n} bytes written after the last --state commit by an interrupted run; their inputs are processed again"
        ),
    };
    say(&format!("natoclaims: {}: warning: {what}", path.display()));
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
    let explain = args.explain;
    let mut emit = |a: &Analysis, w: &mut dyn Write| {
        let line = MetaLine {
            article: &a.article,
            claims: a.claims.len(),
            explain: explain.then_some(a.article.meta.origin),
        };
        output::write_json_line(w, &line)?;
        Ok(1)
    };
    let out = Sink::stdout();
    // Every article gets a line, relevant or not: nothing is skimmed.
    run_inputs(
        &args.input,
        &scope,
        false,
        &mut emit,
        out,
        &[],
        None,
        "records",
    )
}

/// Find the inputs, read and analyse them, emit each article's lines, report, and return the
/// exit code. The run's own files (`own`: the `-o` file, the `--state` file) are never inputs:
/// a walk of the folder they are written into must not read the run's own claims back, nor
/// report its state as a JSON document it cannot read. With `skim`, articles that fail the
/// relevance prefilter are not analysed.
#[allow(clippy::too_many_arguments)]
fn run_inputs(
    args: &InputArgs,
    scope: &Scope,
    skim: bool,
    emit: &mut batch::Emit,
    mut out: Sink,
    own: &[&Path],
    ledger: Option<&mut Ledger>,
    what: &str,
) -> i32 {
    let paths = match inputs::paths(args) {
        Ok(p) => p,
        Err(e) => {
            say(&format!("natoclaims: {e}"));
            return EXIT_USAGE;
        }
    };
    let (mut found, mut errors) = walk::collect(&paths, &ExtFilter::new(&args.ext));
    let own: Vec<PathBuf> = own
        .iter()
        .filter_map(|o| std::fs::canonicalize(o).ok())
        .collect();
    if !own.is_empty() {
        let is_own = |p: &Path| std::fs::canonicalize(p).is_ok_and(|p| own.contains(&p));
        found.retain(|i| !is_own(i.path()));
        errors.retain(|e| !matches!(e, Error::UnreadableKind { .. }) || !is_own(e.path()));
    }
    let plan = batch::Plan {
        opts: Options {
            format: args.kind,
            max_bytes: args.max_bytes,
        },
        threads: args.threads,
        scope,
        skim,
    };
    let progress = Progress::new(progress_when(args, &out), found.len());
    let mut tally = Tally::default();
    batch::report_found(&mut tally, &errors);
    let result = batch::process_all(&found, &plan, emit, &mut out, progress, tally, ledger);
    finish(result, out, args.quiet, what)
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

fn strip(args: StripArgs) -> i32 {
    let input = if args.file.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.file.clone())
    };
    let detected = kind::of_path(input.path(), Default::default());
    let Kind::Article(hint) = detected.kind else {
        say(&format!(
            "natoclaims: {}: strip reads one article; use extract or meta for JSON Lines and WARC",
            args.file.display()
        ));
        return EXIT_USAGE;
    };
    let loaded = match batch::load_one(&input, hint, detected.gzip, args.max_bytes) {
        Ok(l) => l,
        Err(e) => {
            say(&format!("natoclaims: {e}"));
            return EXIT_USAGE;
        }
    };
    if let Some(w) = &loaded.warning {
        say(&format!(
            "natoclaims: {}: warning: {w}",
            args.file.display()
        ));
    }
    print_stdout(stripped_text(&loaded.document).as_bytes())
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

/// End the run: put the output in place (unless writing it failed: a file being replaced is
/// then dropped and the old one stays as it was), report, and return the exit code.
fn finish((tally, failed): (Tally, Option<io::Error>), out: Sink, quiet: bool, what: &str) -> i32 {
    let err = match failed {
        None => out.finish().err(),
        Some(e) => Some(e),
    };
    match err {
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => return EXIT_OK,
        Some(e) => {
            say(&format!("natoclaims: writing output: {e}"));
            return EXIT_PARTIAL;
        }
        None => {}
    }
    if let Some(report) = tally.unreadable_report() {
        say(&report);
    }
    if !quiet {
        say(&tally.summary(what));
    }
    tally.exit_code()
}
