//! Running the commands: inputs in, JSON Lines out, problems on stderr, an exit code back.
//!
//! `inputs` decides which paths a run reads, the library walks them and cuts them into items,
//! `batch` analyses the items in parallel batches and prints in input order, `tally` counts and
//! reports.

mod batch;
pub mod cli;
pub mod guard;
mod inputs;
mod output;
mod tally;

use cli::{Cli, Command, ExtractArgs, InputArgs, MetaArgs, StripArgs};
use natoclaims::input::kind::{self, Kind};
use natoclaims::input::source::Options;
use natoclaims::input::walk::{self, ExtFilter, Input};
use natoclaims::{stripped_text, Analysis, ArticleMeta, Scope};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use tally::{say, Tally};

/// Every input was read (with or without claims).
pub const EXIT_OK: i32 = 0;
/// Some inputs or records failed or were skipped as errors, or inputs of a kind natoclaims
/// cannot read were found; everything else was still printed.
pub const EXIT_PARTIAL: i32 = 1;
/// Usage error, or nothing could be read.
pub const EXIT_USAGE: i32 = 2;

/// Run a parsed command line and return the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Strip(a) => strip(a),
        Command::Meta(a) => meta(a),
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
    let out: Box<dyn Write> = match &args.output {
        Some(p) => match File::create(p) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                say(&format!(
                    "natoclaims: {}: cannot create output file: {e}",
                    p.display()
                ));
                return EXIT_USAGE;
            }
        },
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut emit = |a: &Analysis, w: &mut dyn Write| {
        for c in &a.claims {
            output::write_claim(w, c)?;
        }
        Ok(a.claims.len())
    };
    let output = args.output.as_deref();
    // Only claims are printed: an input that fails the relevance prefilter is not analysed
    // (with `--topic any` every input is relevant, so none is skimmed).
    let skim = !matches!(scope, Scope::Any);
    run_inputs(&args.input, &scope, skim, &mut emit, out, output, "claims")
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
    let out: Box<dyn Write> = Box::new(BufWriter::new(io::stdout().lock()));
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
    // Every article gets a line, relevant or not: nothing is skimmed.
    run_inputs(&args.input, &scope, false, &mut emit, out, None, "records")
}

/// Find the inputs, read and analyse them, emit each article's lines, report, and return the
/// exit code. The `-o` file is never an input: a walk of the folder it is written into (a
/// `.jsonl` file) must not read the run's own claims back. With `skim`, articles that fail
/// the relevance prefilter are not analysed.
fn run_inputs(
    args: &InputArgs,
    scope: &Scope,
    skim: bool,
    emit: &mut batch::Emit,
    mut out: Box<dyn Write>,
    output: Option<&Path>,
    what: &str,
) -> i32 {
    let paths = match inputs::paths(args) {
        Ok(p) => p,
        Err(e) => {
            say(&format!("natoclaims: {e}"));
            return EXIT_USAGE;
        }
    };
    let (mut found, errors) = walk::collect(&paths, &ExtFilter::new(&args.ext));
    if let Some(own) = output.and_then(|o| std::fs::canonicalize(o).ok()) {
        found.retain(|i| std::fs::canonicalize(i.path()).map_or(true, |p| p != own));
    }
    let opts = Options {
        format: args.format,
        max_bytes: args.max_bytes,
    };
    let mut tally = Tally::default();
    batch::report_found(&mut tally, &errors);
    let result = batch::process_all(
        &found,
        &opts,
        args.threads,
        scope,
        skim,
        emit,
        out.as_mut(),
        tally,
    );
    finish(result, out, args.quiet, what)
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
    let text = stripped_text(&loaded.document);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            say(&format!("natoclaims: writing output: {e}"));
            EXIT_PARTIAL
        }
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
