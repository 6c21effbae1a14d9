//! The progress bar on stderr: inputs done of the total (a JSON Lines or WARC file is one),
//! MB/s read, claims so far.
//!
//! Shown by default only when stderr is a terminal (and the records do not scroll over the
//! same terminal); `--progress` shows it anyway, `--no-progress` and `--quiet` never.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// When to draw the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// When stderr is a terminal.
    Auto,
    /// Always (even into a log file).
    Always,
    /// Never.
    Never,
}

/// A progress bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Leave the final bar in place (`--progress`: a log keeps the last state).
    keep: bool,
    start: Instant,
    bytes: u64,
    claims: usize,
}

impl Progress {
    /// A bar over `total` inputs, drawn as `when` says.
    pub fn new(when: When, total: usize) -> Progress {
        let show = match when {
            When::Auto => std::io::stderr().is_terminal(),
            When::Always => true,
            When::Never => false,
        };
        let bar = show.then(|| {
            let target = if when == When::Always {
                ProgressDrawTarget::term_like(Box::new(console::Term::stderr()))
            } else {
                ProgressDrawTarget::stderr()
            };
            let bar = ProgressBar::with_draw_target(Some(total as u64), target);
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {msg}  {elapsed_precise}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            keep: when == When::Always,
            start: Instant::now(),
            bytes: 0,
            claims: 0,
        }
    }

    /// An article done (a whole file, stdin, or one record of a stream): `bytes` read,
    /// `claims` printed.
    pub fn article_done(&mut self, bytes: u64, claims: usize) {
        self.bytes += bytes;
        self.claims += claims;
        if let Some(bar) = &self.bar {
            let secs = self.start.elapsed().as_secs_f64().max(1e-3);
            let mbps = self.bytes as f64 / 1e6 / secs;
            bar.set_message(format!("{mbps:.2} MB/s  {} claims", self.claims));
        }
    }

    /// One input done (a whole file, or a stream at its end, read or failed): one step.
    pub fn input_done(&mut self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// End the bar before the summary line is printed: cleared from a terminal, drawn once
    /// more in its final state when forced with `--progress`.
    pub fn finish(&self) {
        match &self.bar {
            Some(bar) if self.keep => {
                bar.finish();
                // The bar's line has no end of its own; the summary goes on the next line.
                let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), b"\n");
            }
            Some(bar) => bar.finish_and_clear(),
            None => {}
        }
    }
}
