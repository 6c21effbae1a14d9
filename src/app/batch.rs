//! Items in, lines out: the inputs' items are gathered in fixed-size batches, each batch read
//! and analysed in parallel, and its lines written in input order, so output is stable and
//! memory stays bounded however many files or records there are.

use super::guard;
use super::tally::{say, Tally};
use natoclaims::input::source::{self, Item, Options};
use natoclaims::input::walk::Input;
use natoclaims::input::{self, path_text, Envelope, Hint};
use natoclaims::{analyze, Analysis, ArticleMeta, Error, Scope};
use rayon::prelude::*;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::Path;

/// Items read and analysed in parallel at a time: enough to keep every core busy, few enough
/// that memory stays bounded and output starts early; output keeps input order within and
/// across batches.
const BATCH: usize = 64;

/// Writes what one analysed article gives and says how many lines it wrote.
pub type Emit<'a> = dyn FnMut(&Analysis, &mut dyn Write) -> io::Result<usize> + 'a;

/// An analysed article and the decoder's warning, or why there is none.
type Outcome = Option<Result<(Analysis, Option<String>), Error>>;

/// Read, analyse and emit every input in order, counting into `tally`; returns the tally, or
/// the write error that stopped the run with the tally so far. With `skim`, an article (a
/// whole file or a record) that fails the relevance prefilter is not analysed.
#[allow(clippy::too_many_arguments)]
pub fn process_all(
    inputs: &[Input],
    opts: &Options,
    threads: Option<usize>,
    scope: &Scope,
    skim: bool,
    emit: &mut Emit,
    out: &mut dyn Write,
    tally: Tally,
) -> Result<Tally, (Tally, io::Error)> {
    let mut run = Runner {
        pool: thread_pool(threads),
        opts,
        scope,
        skim,
        emit,
        out,
        batch: Vec::with_capacity(BATCH),
        tally,
        failed: None,
    };
    if source::for_each(inputs, opts, &mut |item| run.push(item)).is_continue() {
        // The last batch: a write error it meets is kept in `failed` like any other.
        let _ = run.flush();
    }
    match run.failed {
        Some(e) => Err((run.tally, e)),
        None => Ok(run.tally),
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
    pool: rayon::ThreadPool,
    opts: &'a Options,
    scope: &'a Scope,
    skim: bool,
    emit: &'a mut Emit<'e>,
    out: &'a mut dyn Write,
    batch: Vec<Item>,
    tally: Tally,
    failed: Option<io::Error>,
}

impl Runner<'_, '_> {
    fn push(&mut self, item: Item) -> ControlFlow<()> {
        self.batch.push(item);
        if self.batch.len() < BATCH {
            return ControlFlow::Continue(());
        }
        self.flush()
    }

    /// Analyse the batch in parallel, then tally and emit it in order.
    fn flush(&mut self) -> ControlFlow<()> {
        let (opts, scope, skim) = (self.opts, self.scope, self.skim);
        let outcomes: Vec<Outcome> = self.pool.install(|| {
            self.batch
                .par_iter()
                .map(|i| work(i, opts, scope, skim))
                .collect()
        });
        let batch = std::mem::take(&mut self.batch);
        for (item, outcome) in batch.into_iter().zip(outcomes) {
            self.record(item, outcome)?;
        }
        ControlFlow::Continue(())
    }

    fn record(&mut self, item: Item, outcome: Outcome) -> ControlFlow<()> {
        let (path, result) = match (item, outcome) {
            (Item::Failed(e), _) => {
                self.tally.fail(&e);
                return ControlFlow::Continue(());
            }
            (Item::Opened(_), _) => {
                self.tally.seen += 1;
                return ControlFlow::Continue(());
            }
            (Item::File { input, .. }, Some(r)) => {
                self.tally.seen += 1;
                (input.path().display().to_string(), r)
            }
            (Item::Article(a), Some(r)) => (a.path, r),
            // `work` gives every file and article an outcome.
            (Item::File { .. } | Item::Article(_), None) => return ControlFlow::Continue(()),
        };
        match result {
            Ok((analysis, warning)) => {
                self.tally.read += 1;
                if let Some(w) = warning {
                    say(&format!("natoclaims: {path}: warning: {w}"));
                }
                match (self.emit)(&analysis, self.out) {
                    Ok(n) => self.tally.printed += n,
                    Err(e) => {
                        self.failed = Some(e);
                        return ControlFlow::Break(());
                    }
                }
            }
            Err(e) => self.tally.fail(&e),
        }
        ControlFlow::Continue(())
    }
}

/// Read (for a whole file) and analyse one item. A panic in the pipeline is a bug, but it
/// costs only this item: it is reported as an internal error and the run goes on.
fn work(item: &Item, opts: &Options, scope: &Scope, skim: bool) -> Outcome {
    match item {
        Item::File { input, hint, gzip } => Some(guard::guarded(input.path(), || {
            let bytes = source::read_file(input.path(), *gzip, opts.max_bytes)?;
            let path = path_text(input.path());
            Ok(load_and_analyze(
                path,
                &bytes,
                *hint,
                &Envelope::default(),
                scope,
                skim,
            ))
        })),
        Item::Article(a) => Some(guard::guarded(Path::new(&a.path), || {
            Ok(load_and_analyze(
                a.path.clone(),
                &a.bytes,
                a.hint,
                &a.envelope,
                scope,
                skim,
            ))
        })),
        Item::Opened(_) | Item::Failed(_) => None,
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
