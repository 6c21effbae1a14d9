//! Which paths a run reads: the ones named, then a `--files-from` list; with neither, stdin
//! when it is a pipe or a file, the working directory when it is a terminal.

use super::cli::InputArgs;
use natoclaims::input::list::{self, Separator};
use std::fs::File;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

/// The paths to read ("-" for stdin), or why the list of them could not be had.
pub fn paths(args: &InputArgs) -> Result<Vec<PathBuf>, String> {
    let mut paths = args.paths.clone();
    if let Some(from) = &args.files_from {
        paths.extend(listed(from, args.null)?);
        // A list was asked for: an empty one reads nothing, never `.`.
        return Ok(paths);
    }
    if paths.is_empty() {
        paths.push(PathBuf::from(if io::stdin().is_terminal() {
            "."
        } else {
            "-"
        }));
    }
    Ok(paths)
}

fn listed(from: &PathBuf, null: bool) -> Result<Vec<PathBuf>, String> {
    let sep = if null {
        Separator::Nul
    } else {
        Separator::Newline
    };
    let read = if from.as_os_str() == "-" {
        list::read_list(io::stdin().lock(), sep)
    } else {
        File::open(from).and_then(|f| list::read_list(f, sep))
    };
    read.map_err(|e| format!("--files-from {}: {e}", from.display()))
}
