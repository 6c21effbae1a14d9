//! The per-input panic guard: a panic while one input is read and analysed is reported as an
//! internal error for that input and the run goes on.
//!
//! For tests, the hidden environment variable `NATOCLAIMS_FORCE_PANIC` makes the binary panic
//! on purpose: `input` inside the guard for every input, `input:NAME` for inputs whose path
//! ends with NAME (each fails with an internal error, the run goes on), `run` outside any
//! guard (the process prints the panic message and exits with code 101).

use natoclaims::Error;
use std::cell::Cell;
use std::path::Path;
use std::sync::LazyLock;

/// The environment variable that forces a panic (tests only).
pub const FORCE_PANIC: &str = "NATOCLAIMS_FORCE_PANIC";

/// Where a forced panic happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// Inside the guard, while the input at this path is analysed.
    Input(&'a Path),
    /// Outside any guard, before the run starts.
    Run,
}

/// What `NATOCLAIMS_FORCE_PANIC` asks for: `Some(None)` for `run`, `Some(Some(suffix))` for
/// `input[:suffix]`.
static FORCED: LazyLock<Option<Option<String>>> = LazyLock::new(|| {
    let v = std::env::var(FORCE_PANIC).ok()?;
    match v.split_once(':') {
        _ if v == "run" => Some(None),
        _ if v == "input" => Some(Some(String::new())),
        Some(("input", name)) => Some(Some(name.to_string())),
        _ => None,
    }
});

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Is this thread inside the guard (so a panic is reported by the guard, not the hook)?
pub fn active() -> bool {
    GUARDED.with(Cell::get)
}

/// Panic here if `NATOCLAIMS_FORCE_PANIC` names this place.
pub fn forced_panic(here: Place) {
    let hit = match (&*FORCED, here) {
        (Some(None), Place::Run) => true,
        (Some(Some(name)), Place::Input(p)) => p.to_string_lossy().ends_with(name.as_str()),
        _ => false,
    };
    if hit {
        panic!("forced panic ({FORCE_PANIC}, {here:?})");
    }
}

/// Run `f` for the input at `path`; a panic becomes [`Error::Internal`] with its message.
pub fn guarded<T>(path: &Path, f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    let was = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        forced_panic(Place::Input(path));
        f()
    }));
    GUARDED.with(|g| g.set(was));
    result.unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(Error::Internal {
            path: path.to_path_buf(),
            message,
        })
    })
}
