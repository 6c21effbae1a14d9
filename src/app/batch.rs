//! Items in, lines out: the inputs' items are gathered in fixed-size batches, each batch read
//! and analysed in parallel, and its lines written in input order, so output is stable and
//! memory stays bounded however many files or records there are.
//!
//! With `--state` (a [`Ledger`]), an input the state lists with the same bytes is not analysed
//! again, and after a batch its output is made durable and then the state records the inputs
//! it finished. A JSON Lines or WARC file (or stdin) is one input: a file is fingerprinted
//! before its records are read and skipped whole when unchanged; no commit falls inside a
//! stream, so the committed output never holds part of one (a rerun after a kill cuts back to
//! before it and reads it again, whole).

use super::guard;
use super::ledger::Ledger;
use super::progress::Progress;
use super::sink::Sink;
use super::state::{self, Fingerprint, State};
use super::tally::{say, Tally};
use natoclaims::input::kind::{self, Kind};
use natoclaims::input::source::{self, Item, Options};
use natoclaims::input::walk::Input;
use natoclaims::input::{self, path_text, Article, Envelope, Hint};
use natoclaims::{analyze, Analysis, ArticleMeta, Error, Scope};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// With `--state`: items read and analysed in parallel at a time, and the most inputs a
/// commit records at once; output keeps input order within and across batches.
const BATCH: usize = 64;

/// The batch size: [`BATCH`], or for the kill-and-resume tests a smaller one from the hidden
/// `NATOCLAIMS_BATCH` (so a few inputs span several commits).
fn batch_size() -> usize {
    static SIZE: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
        std::env::var("NATOCLAIMS_BATCH")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|&n: &usize| (1..=BATCH).contains(&n))
            .unwrap_or(BATCH)
    });
    *SIZE
}

/// Without `--state`: the most items in flight (handed to the workers and not yet written).
/// Workers never wait for each other: one slow article holds back only the writing, while the
/// other workers go on with the items after it, up to this many. Memory stays bounded and
/// output starts early.
const WINDOW: usize = 1024;

/// Without `--state`: the most bytes of stream records (which carry their bytes) in flight.
const WINDOW_BYTES: usize = 32 << 20;

/// Without `--state`: items handed to a worker at once (one wake-up and one message for so
/// many articles, most of which cost only a read and a scan).
const CHUNK: usize = 16;

/// Writes what one analysed article gives and says how many lines it wrote.
pub type Emit<'a> = dyn FnMut(&Analysis, &mut dyn Write) -> io::Result<usize> + 'a;

/// How a run reads and analyses its inputs.
pub struct Plan<'a> {
    /// `--input` and `--max-bytes`.
    pub opts: Options,
    /// `-j`.
    pub threads: Option<usize>,
    /// `--topic`.
    pub scope: &'a Scope,
    /// Leave unanalysed an article that fails the topic's relevance prefilter.
    pub skim: bool,
}

/// One unit of work, in input order.
enum Unit {
    /// An item of the library's.
    Item(Item),
    /// A JSON Lines or WARC file `--state` has with these bytes (this many): not read again.
    Unchanged(u64),
    /// The end of a stream (a JSON Lines or WARC file, or stdin), with the key and fingerprint
    /// to record it under (none for stdin, or when it could not be fingerprinted).
    StreamEnd(Option<(String, Fingerprint)>),
}

/// What became of one article.
enum Read {
    /// Analysed: its claims, and the decoder's warning if any.
    Analysed(Box<Analysis>, Option<String>),
    /// `--state` has these exact bytes as processed: not analysed again.
    Unchanged,
}

/// An article read: what became of it, its bytes, and the fingerprint `--state` keeps for it
/// (whole files and stdin only; records are not tracked one by one).
struct Done {
    read: Read,
    bytes: u64,
    print: Option<Fingerprint>,
}

type Outcome = Option<Result<Done, Error>>;

/// What one stream gave: articles read, records or reads that failed.
#[derive(Debug, Default)]
struct StreamCount {
    articles: usize,
    failures: usize,
}

/// Read, analyse and emit every input in order, counting into `tally`; returns the tally, and
/// the write (or commit) error that stopped the run, if one did.
pub fn process_all(
    inputs: &[Input],
    plan: &Plan,
    emit: &mut Emit,
    out: &mut Sink,
    progress: Progress,
    tally: Tally,
    ledger: Option<&mut Ledger>,
) -> (Tally, Option<io::Error>) {
    let pool = thread_pool(plan.threads);
    if ledger.is_none() {
        return pipelined(&pool, inputs, plan, emit, out, progress, tally);
    }
    let mut run = Runner::new(
        plan,
        Workers::Pool(&pool),
        emit,
        out,
        ledger,
        progress,
        tally,
    );
    if inputs.iter().all(|i| run.input(i).is_continue()) {
        // The last batch: a write error it meets is kept in `failed` like any other.
        let _ = run.flush();
    }
    run.progress.finish();
    (run.tally, run.failed)
}

/// [`process_all`] without a state: items go to the workers one by one as they come, and
/// their results are written in input order as they arrive (at most [`WINDOW`] in flight).
fn pipelined(
    pool: &rayon::ThreadPool,
    inputs: &[Input],
    plan: &Plan,
    emit: &mut Emit,
    out: &mut Sink,
    progress: Progress,
    tally: Tally,
) -> (Tally, Option<io::Error>) {
    let (opts, scope, skim) = (plan.opts, plan.scope, plan.skim);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Vec<(Unit, Outcome)>)>();
    pool.in_place_scope(|s| {
        let stop = &stop;
        let spawn = |seq: usize, units: Vec<Unit>| {
            let tx = tx.clone();
            s.spawn(move |_| {
                let done = units
                    .into_iter()
                    .map(|unit| {
                        // After a write error nothing more is written: the rest is not worth
                        // reading.
                        let outcome = if stop.load(Ordering::Relaxed) {
                            None
                        } else {
                            work(&unit, &opts, scope, None, skim)
                        };
                        (unit, outcome)
                    })
                    .collect();
                let _ = tx.send((seq, done));
            });
        };
        let pipe = Pipe {
            spawn: &spawn,
            chunk: Vec::with_capacity(CHUNK),
            results: &rx,
            sent: 0,
            written: 0,
            bytes: 0,
            waiting: VecDeque::new(),
        };
        let mut run = Runner::new(plan, Workers::Pipe(pipe), emit, out, None, progress, tally);
        if inputs.iter().all(|i| run.input(i).is_continue()) {
            let _ = run.drain(0);
        }
        if run.failed.is_some() {
            stop.store(true, Ordering::Relaxed);
        }
        run.progress.finish();
        (run.tally, run.failed)
    })
}

/// The workers' side of a pipelined run: how to hand them an item, and their results.
struct Pipe<'p> {
    /// Hand items, the first numbered so in input order, to a worker.
    spawn: &'p (dyn Fn(usize, Vec<Unit>) + Sync),
    /// Items not handed out yet.
    chunk: Vec<Unit>,
    /// What the workers made of each chunk, in any order.
    results: &'p mpsc::Receiver<(usize, Vec<(Unit, Outcome)>)>,
    /// Items handed out or in `chunk`.
    sent: usize,
    /// Items written (always the first ones).
    written: usize,
    /// Bytes of records in flight.
    bytes: usize,
    /// Results after the next one to write, by number (`written` is the front).
    waiting: VecDeque<Option<(Unit, Outcome)>>,
}

/// The bytes an item carries into the window (a stream record's), if any.
fn carried(unit: &Unit) -> usize {
    match unit {
        Unit::Item(Item::Article(a) | Item::Stdin(a)) => a.bytes.len(),
        _ => 0,
    }
}

/// Report the problems found before reading (missing paths, walk errors, unreadable kinds).
pub fn report_found(tally: &mut Tally, errors: &[Error]) {
    for e in errors {
        tally.seen += 1;
        tally.fail(e);
    }
}

struct Runner<'a, 'e> {
    /// The workers of a batched run (with `--state`).
    pool: Option<&'a rayon::ThreadPool>,
    /// The workers of a pipelined run (without).
    pipe: Option<Pipe<'a>>,
    opts: Options,
    scope: &'a Scope,
    skim: bool,
    emit: &'a mut Emit<'e>,
    out: &'a mut Sink,
    ledger: Option<&'a mut Ledger>,
    progress: Progress,
    batch: Vec<Unit>,
    /// Inputs done since the last commit, for the state to record.
    finished: Vec<(String, Fingerprint)>,
    /// A stream's records are being pushed: no commit until its end.
    in_stream: bool,
    /// What the stream being recorded gave so far.
    stream: StreamCount,
    tally: Tally,
    failed: Option<io::Error>,
}

/// Who reads and analyses a [`Runner`]'s items.
enum Workers<'a> {
    /// A pool that takes a batch at a time (with `--state`).
    Pool(&'a rayon::ThreadPool),
    /// Workers fed item by item (without).
    Pipe(Pipe<'a>),
}

impl<'a, 'e> Runner<'a, 'e> {
    fn new(
        plan: &Plan<'a>,
        workers: Workers<'a>,
        emit: &'a mut Emit<'e>,
        out: &'a mut Sink,
        ledger: Option<&'a mut Ledger>,
        progress: Progress,
        tally: Tally,
    ) -> Self {
        let (pool, pipe, batch) = match workers {
            Workers::Pool(p) => (Some(p), None, Vec::with_capacity(batch_size())),
            Workers::Pipe(p) => (None, Some(p), Vec::new()),
        };
        Runner {
            pool,
            pipe,
            opts: plan.opts,
            scope: plan.scope,
            skim: plan.skim,
            emit,
            out,
            ledger,
            progress,
            batch,
            finished: Vec::new(),
            in_stream: false,
            stream: StreamCount::default(),
            tally,
            failed: None,
        }
    }
}

impl Runner<'_, '_> {
    /// Push one input's units: a whole file is one item; a stream is its items and its end,
    /// or, when `--state` has the file unchanged, nothing but that.
    fn input(&mut self, input: &Input) -> ControlFlow<()> {
        let opts = self.opts;
        let one = std::slice::from_ref(input);
        let entry = match input {
            Input::Stdin => None,
            Input::File(p) | Input::Walked(p) => {
                let detected = kind::of_path(p, opts.format);
                if let Kind::Article(hint) = detected.kind {
                    // What `source::for_each` gives a whole file, without finding its kind again.
                    return self.push(Unit::Item(Item::File {
                        input: input.clone(),
                        hint,
                        gzip: detected.gzip,
                    }));
                }
                self.ledger.as_ref().and_then(|_| stream_entry(p))
            }
        };
        if let Some((key, print)) = &entry {
            if self.state().is_some_and(|s| s.is_done(key, print)) {
                return self.push(Unit::Unchanged(print.size));
            }
        }
        let mut warn = self.ledger.is_some() && matches!(input, Input::Stdin);
        self.in_stream = true;
        source::for_each(one, &opts, &mut |item| {
            if warn && matches!(item, Item::Article(_)) {
                warn = false;
                say("natoclaims: -: warning: --state does not track records read from stdin: they are processed again on every run");
            }
            self.push(Unit::Item(item))
        })?;
        self.in_stream = false;
        self.push(Unit::StreamEnd(entry))
    }

    fn state(&self) -> Option<&State> {
        self.ledger.as_deref().map(Ledger::state)
    }

    fn push(&mut self, unit: Unit) -> ControlFlow<()> {
        if let Some(pipe) = &mut self.pipe {
            pipe.bytes += carried(&unit);
            pipe.chunk.push(unit);
            pipe.sent += 1;
            if pipe.chunk.len() < CHUNK {
                return ControlFlow::Continue(());
            }
            return self.drain(WINDOW);
        }
        self.batch.push(unit);
        if self.batch.len() < batch_size() {
            return ControlFlow::Continue(());
        }
        self.flush()
    }

    /// Write the pipelined results that are in, in order; wait for more while more than
    /// `keep` items (or [`WINDOW_BYTES`] of records) are in flight.
    fn drain(&mut self, keep: usize) -> ControlFlow<()> {
        loop {
            let Some(pipe) = &mut self.pipe else {
                return ControlFlow::Continue(());
            };
            if !pipe.chunk.is_empty() {
                let first = pipe.sent - pipe.chunk.len();
                (pipe.spawn)(first, std::mem::take(&mut pipe.chunk));
            }
            let front = pipe.waiting.front().is_some_and(Option::is_some);
            let flight = pipe.sent - pipe.written;
            let full = flight > keep || (flight > 0 && pipe.bytes > WINDOW_BYTES);
            if !front {
                let got = if full {
                    pipe.results.recv().ok()
                } else {
                    pipe.results.try_recv().ok()
                };
                let Some((seq, done)) = got else {
                    return ControlFlow::Continue(());
                };
                let at = seq - pipe.written;
                if pipe.waiting.len() < at + done.len() {
                    pipe.waiting.resize_with(at + done.len(), || None);
                }
                for (i, d) in done.into_iter().enumerate() {
                    pipe.waiting[at + i] = Some(d);
                }
                continue;
            }
            let Some(Some((unit, outcome))) = pipe.waiting.pop_front() else {
                unreachable!("the front result is in");
            };
            pipe.written += 1;
            pipe.bytes -= carried(&unit);
            self.record(unit, outcome)?;
        }
    }

    /// Analyse the batch in parallel, then tally and emit it in order, then (outside a
    /// stream) commit the inputs it finished.
    fn flush(&mut self) -> ControlFlow<()> {
        let (opts, scope, skim) = (&self.opts, self.scope, self.skim);
        let done = self.ledger.as_deref().map(Ledger::state);
        let batch = &self.batch;
        let Some(pool) = self.pool else {
            return self.drain(0);
        };
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .par_iter()
                .map(|u| work(u, opts, scope, done, skim))
                .collect()
        });
        let batch = std::mem::take(&mut self.batch);
        for (unit, outcome) in batch.into_iter().zip(outcomes) {
            self.record(unit, outcome)?;
        }
        if self.in_stream {
            return ControlFlow::Continue(());
        }
        let Some(ledger) = self.ledger.as_deref_mut() else {
            return ControlFlow::Continue(());
        };
        match ledger.commit(self.out, std::mem::take(&mut self.finished)) {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                self.failed = Some(e);
                ControlFlow::Break(())
            }
        }
    }

    fn record(&mut self, unit: Unit, outcome: Outcome) -> ControlFlow<()> {
        let item = match unit {
            Unit::Item(item) => item,
            Unit::Unchanged(size) => {
                self.tally.seen += 1;
                self.tally.unchanged += 1;
                self.progress.article_done(size, 0);
                self.progress.input_done();
                return ControlFlow::Continue(());
            }
            Unit::StreamEnd(entry) => {
                // A stream read is recorded even when some of its records failed: their
                // claims are out, and the same bytes fail the same way again. One that failed
                // and gave no article is tried again, like any input that fails.
                if self.stream.articles > 0 || self.stream.failures == 0 {
                    self.finished.extend(entry);
                }
                self.progress.input_done();
                return ControlFlow::Continue(());
            }
        };
        // The key `--state` records a whole input under, and whether it ends an input.
        let (path, key, whole, result) = match (item, outcome) {
            (Item::Failed(e), _) => {
                self.stream.failures += 1;
                self.tally.fail(&e);
                return ControlFlow::Continue(());
            }
            (Item::Opened(_), _) => {
                self.stream = StreamCount::default();
                self.tally.seen += 1;
                return ControlFlow::Continue(());
            }
            (Item::File { input, .. }, Some(r)) => {
                self.tally.seen += 1;
                let key = path_text(input.path());
                (key.clone(), Some(key), true, r)
            }
            (Item::Stdin(a), Some(r)) => (a.path, Some("-".to_string()), false, r),
            (Item::Article(a), Some(r)) => (a.path, None, false, r),
            // `work` gives every file and article an outcome.
            (Item::File { .. } | Item::Article(_) | Item::Stdin(_), None) => {
                return ControlFlow::Continue(())
            }
        };
        let step = self.article(&path, key, result);
        if whole {
            self.progress.input_done();
        }
        step
    }

    /// Count and emit one article read (or its error); note a whole input for the state.
    fn article(
        &mut self,
        path: &str,
        key: Option<String>,
        result: Result<Done, Error>,
    ) -> ControlFlow<()> {
        let done = match result {
            Ok(d) => d,
            Err(e) => {
                self.stream.failures += 1;
                self.tally.fail(&e);
                return ControlFlow::Continue(());
            }
        };
        self.stream.articles += 1;
        let printed = match &done.read {
            Read::Unchanged => {
                self.tally.unchanged += 1;
                0
            }
            Read::Analysed(analysis, warning) => {
                self.tally.read += 1;
                if let Some(w) = warning {
                    say(&format!("natoclaims: {path}: warning: {w}"));
                }
                match (self.emit)(analysis, self.out) {
                    Ok(n) => n,
                    Err(e) => {
                        self.failed = Some(e);
                        return ControlFlow::Break(());
                    }
                }
            }
        };
        self.tally.printed += printed;
        self.progress.article_done(done.bytes, printed);
        if let (Some(key), Some(print)) = (key, done.print) {
            self.finished.push((key, print));
        }
        ControlFlow::Continue(())
    }
}

/// A stream file's key and fingerprint for `--state`, taken before its records are read; none
/// when it cannot be read (then it is read as usual, its error reported, and not recorded).
fn stream_entry(path: &Path) -> Option<(String, Fingerprint)> {
    let print = state::fingerprint_file(path).ok()?;
    Some((path_text(path), print))
}

/// Read (for a whole file) and analyse one unit, unless `done` (the `--state`) lists its bytes.
/// A panic in the pipeline is a bug, but it costs only this unit: it is reported as an
/// internal error and the run goes on.
fn work(unit: &Unit, opts: &Options, scope: &Scope, done: Option<&State>, skim: bool) -> Outcome {
    let item = match unit {
        Unit::Item(item) => item,
        Unit::Unchanged(_) | Unit::StreamEnd(_) => return None,
    };
    match item {
        Item::File { input, hint, gzip } => Some(guard::guarded(input.path(), || {
            let path = input.path();
            let read = |bytes: &mut Vec<u8>| {
                read_and_analyse(path, bytes, (*hint, *gzip), opts, scope, done, skim)
            };
            READ_BUF.with(|buf| match buf.try_borrow_mut() {
                Ok(mut bytes) => {
                    let done = read(&mut bytes);
                    if bytes.capacity() > KEEP_READ_BUF {
                        *bytes = Vec::new();
                    }
                    done
                }
                // Never expected (nothing inside reads a file), but a nested read gets its own.
                Err(_) => read(&mut Vec::new()),
            })
        })),
        Item::Stdin(a) => Some(guard::guarded(Path::new(&a.path), || {
            let print = done.map(|_| state::fingerprint(&a.bytes));
            Ok(analysed("-", &a.bytes, a.hint, (scope, skim), done, print))
        })),
        Item::Article(a) => Some(guard::guarded(Path::new(&a.path), || {
            Ok(record_analysed(a, scope, skim))
        })),
        Item::Opened(_) | Item::Failed(_) => None,
    }
}

thread_local! {
    /// Each worker reads whole files into one buffer, kept between files.
    static READ_BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A read buffer grown past this many bytes (by a large file) is let go after that file.
const KEEP_READ_BUF: usize = 1 << 20;

/// Read a whole file into `bytes` and analyse it (see [`work`]).
fn read_and_analyse(
    path: &Path,
    bytes: &mut Vec<u8>,
    (hint, gzip): (Hint, bool),
    opts: &Options,
    scope: &Scope,
    done: Option<&State>,
    skim: bool,
) -> Result<Done, Error> {
    source::read_file_into(path, gzip, opts.max_bytes, bytes)?;
    let bytes = &bytes[..];
    // Only a run with a state needs the fingerprint, and it is taken before the
    // document is loaded: an unchanged input is not decoded or analysed again. A
    // gzip'd file is fingerprinted by its bytes as stored.
    let print = match done {
        None => None,
        Some(_) if gzip => Some(state::fingerprint_file(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?),
        Some(_) => Some(state::fingerprint(bytes)),
    };
    let key = path_text(path);
    Ok(analysed(&key, bytes, hint, (scope, skim), done, print))
}

/// A whole input's bytes analysed, or found unchanged: `key` is its path as printed (`-` for
/// stdin) and the key `--state` has it under.
fn analysed(
    key: &str,
    bytes: &[u8],
    hint: Hint,
    (scope, skim): (&Scope, bool),
    done: Option<&State>,
    print: Option<Fingerprint>,
) -> Done {
    let unchanged = match (done, &print) {
        (Some(s), Some(p)) => s.is_done(key, p),
        _ => false,
    };
    let read = if unchanged {
        Read::Unchanged
    } else {
        let (analysis, warning) = load_and_analyze(
            key.to_string(),
            bytes,
            hint,
            &Envelope::default(),
            scope,
            skim,
        );
        Read::Analysed(Box::new(analysis), warning)
    };
    Done {
        read,
        bytes: bytes.len() as u64,
        print,
    }
}

/// A record cut from a stream, analysed (records are not tracked by `--state` one by one).
fn record_analysed(a: &Article, scope: &Scope, skim: bool) -> Done {
    let (analysis, warning) =
        load_and_analyze(a.path.clone(), &a.bytes, a.hint, &a.envelope, scope, skim);
    Done {
        read: Read::Analysed(Box::new(analysis), warning),
        bytes: a.bytes.len() as u64,
        print: None,
    }
}

/// Decode and analyse one article. With `skim`, an article that fails the relevance prefilter
/// (`Scope::is_relevant` on its text and title) is neither hashed nor analysed: it gets no
/// claims and no metadata.
fn load_and_analyze(
    path: String,
    bytes: &[u8],
    hint: Hint,
    envelope: &Envelope,
    scope: &Scope,
    skim: bool,
) -> (Analysis, Option<String>) {
    if !skim {
        let loaded = input::load_with(&path, bytes, hint, envelope);
        return (analyze(&loaded.document, scope), loaded.warning);
    }
    let skimmed = input::load_relevant_with(&path, bytes, hint, envelope, |t| scope.is_relevant(t));
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
    (analysis, skimmed.warning)
}

/// Read one file holding one article (for `strip`).
pub fn load_one(
    input: &Input,
    hint: Hint,
    gzip: bool,
    max_bytes: u64,
) -> Result<input::Loaded, Error> {
    let bytes = match input {
        Input::Stdin => input::read::read_stdin(max_bytes)?,
        Input::File(p) | Input::Walked(p) => source::read_file(p, gzip, max_bytes)?,
    };
    Ok(input::load_with(
        &path_text(input.path()),
        &bytes,
        hint,
        &Envelope::default(),
    ))
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
