//! Crash points, for the kill-and-resume tests: with the hidden environment variable
//! `NATOCLAIMS_CRASH_AT=N`, the process kills itself with SIGKILL at the N-th crash point it
//! reaches, so a test can stop a run at every point where the output and the state are
//! written, one by one, instead of only where a timer happens to land.
//!
//! The points, in the order a run reaches them: in the middle of an article's write to the
//! output (half its bytes written: a torn line), after that write, after a cut of the output
//! back to the committed length, after the output is made durable and before the state is
//! written, after the state's temporary file is written and before it is renamed, and after
//! the rename. Without the variable every point is a counter that is never read.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

/// The environment variable naming the crash point (tests only).
pub const CRASH_AT: &str = "NATOCLAIMS_CRASH_AT";

static AT: LazyLock<Option<u64>> = LazyLock::new(|| {
    std::env::var(CRASH_AT)
        .ok()?
        .parse()
        .ok()
        .filter(|&n| n > 0)
});

static REACHED: AtomicU64 = AtomicU64::new(0);

/// Count one crash point; true when it is the one `NATOCLAIMS_CRASH_AT` names.
pub fn reached() -> bool {
    match *AT {
        None => false,
        Some(n) => REACHED.fetch_add(1, Ordering::SeqCst) + 1 == n,
    }
}

/// A crash point: die here when it is the one asked for.
pub fn here() {
    if reached() {
        die();
    }
}

/// Die as `kill -9` kills: SIGKILL, so no destructor runs, no buffer is flushed and no
/// temporary file is removed. `abort` only if `kill` could not be run.
pub fn die() -> ! {
    let _ = std::process::Command::new("kill")
        .args(["-KILL", &std::process::id().to_string()])
        .status();
    std::thread::sleep(std::time::Duration::from_secs(5));
    std::process::abort()
}
