//! Command-line interface definition (clap derive). One flag definition serves help and parsing.

use clap::{Args, Parser, Subcommand};
use natoclaims::input::kind::Format;
use std::path::PathBuf;

const EXIT_CODES: &str = "Exit codes: 0 every input was read (with or without claims; inputs \
--state has as unchanged count as read); 1 some inputs or records failed or were skipped as \
errors, inputs of a kind natoclaims cannot read (PDF, Word, archives, binary data) were found, \
or writing the output or the --state file failed (reasons on stderr, everything else still \
printed); 2 usage error (including an output file that cannot be opened, a file that is not a \
--state file, a --state file another run holds, and an unreadable --files-from list), or \
nothing could be read; 101 a crash (a bug; its message is on stderr).\n\nOutput fields: \
docs/FIELDS.md, or `natoclaims schema`.";

/// Who said what, and when, about Ukraine's bid to join NATO: reads scraped news articles
/// and prints attributed claims as JSON Lines.
#[derive(Debug, Parser)]
#[command(name = "natoclaims", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract attributed claims from articles (text, HTML, JSON Lines records, WARC; files,
    /// folders, or stdin) as JSON Lines.
    #[command(
        after_help = "Examples:\n  natoclaims extract ./articles > claims.jsonl\n  natoclaims extract a.txt b.html.gz crawl.warc.gz news.jsonl | jq -r '.speaker.canonical'\n  cat page.html | natoclaims extract\n  find news -name '*.html' -newer stamp -print0 | natoclaims extract --files-from - -0\n  natoclaims extract --topic any ./news -o all.jsonl\n  natoclaims extract --state seen.json -o claims.jsonl ./scrapes   # nightly: new inputs only\n  natoclaims extract --format csv ./articles > claims.csv\n\nExit codes: 0 all inputs read (or unchanged since the last --state run); 1 some inputs or records failed, inputs of a kind natoclaims cannot read were found, or writing the output or state failed; 2 usage error or nothing readable; 101 a crash."
    )]
    Extract(ExtractArgs),
    /// Print an article's text after boilerplate removal: what the extractor reads.
    #[command(
        after_help = "Example:\n  natoclaims strip article.txt | less\n\nFor HTML pages this is exactly the text that claim spans point into."
    )]
    Strip(StripArgs),
    /// Print one JSON line of metadata per article: path, sha256, title, outlet, published, byline, claims.
    #[command(
        after_help = "Example:\n  natoclaims meta ./articles | jq -r '[.published, .path] | @tsv'"
    )]
    Meta(MetaArgs),
    /// Print the JSON Schema (2020-12) of one `extract` output line.
    #[command(after_help = "Example:\n  natoclaims schema > claim.schema.json")]
    Schema,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  natoclaims completions bash > ~/.local/share/bash-completion/completions/natoclaims\n  natoclaims completions zsh > ~/.zfunc/_natoclaims\n  natoclaims completions fish > ~/.config/fish/completions/natoclaims.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  natoclaims man > natoclaims.1 && man ./natoclaims.1")]
    Man,
}

/// Options shared by commands that read many inputs.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files and folders to read (folders recursively); "-" reads stdin. With no PATH and no
    /// --files-from, stdin is read when it is a pipe or a file, "." when it is a terminal.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also read the paths listed in FILE, one per line ("-": stdin); an empty list reads
    /// nothing.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The --files-from list is NUL-separated (find -print0).
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,
    /// What the inputs hold: auto (by extension; stdin by its first bytes), text, html, jsonl
    /// (one article record per line) or warc.
    #[arg(long = "input", value_name = "KIND", default_value = "auto", value_parser = parse_format)]
    pub kind: Format,
    /// Extensions to read when walking folders, comma-separated; "none" means files without
    /// one. Each is also read gzip'd (a.txt.gz).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "txt,text,md,html,htm,xhtml,shtml,jsonl,ndjson,warc,none"
    )]
    pub ext: Vec<String>,
    /// Skip files (after decompression) and records larger than this: bytes, or a size such
    /// as 512K, 32M, 1G (never read whole).
    #[arg(long, default_value = "32M", value_name = "SIZE", value_parser = parse_size)]
    pub max_bytes: u64,
    /// Print nothing on stderr but warnings and errors: no progress bar, no summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Show the progress bar on stderr even when it is not a terminal.
    #[arg(long, overrides_with = "no_progress")]
    pub progress: bool,
    /// Never show the progress bar (by default it shows when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

fn parse_size(s: &str) -> Result<u64, String> {
    natoclaims::input::read::parse_size(s)
}

/// `extract` options.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the claims to this file instead of stdout: a new file replaces the old one when
    /// the run ends (a killed run leaves the old file untouched); with --append or --state
    /// the claims are added at its end instead.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add to the end of the -o file instead of replacing it; a torn last line left by a
    /// killed run is cut first.
    #[arg(long, requires = "output")]
    pub append: bool,
    /// Remember processed inputs (path, size, SHA-256, tool and rules version) in FILE and
    /// process only new or changed ones (a JSON Lines or WARC file is one input, its records
    /// not tracked one by one); with -o, claims are appended and a rerun after a kill adds
    /// exactly the missing claims. One run at a time per state file: a second one exits 2.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Output format: jsonl (one JSON object per line), csv or tsv (a header row and flat
    /// columns; see docs/FIELDS.md).
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: super::format::Format,
    /// Topic: "nato-ukraine" (default), "any" (every attributed statement), or a topic file.
    #[arg(long, default_value = "nato-ukraine")]
    pub topic: String,
}

/// `strip` options.
#[derive(Debug, Args)]
pub struct StripArgs {
    /// The article file ("-" for stdin).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Skip files larger than this (after decompression): bytes, or a size such as 512K, 32M.
    #[arg(long, default_value = "32M", value_name = "SIZE", value_parser = parse_size)]
    pub max_bytes: u64,
}

/// `meta` options.
#[derive(Debug, Args)]
pub struct MetaArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Add an "explain" field naming the source of the publication day and of the byline.
    #[arg(long)]
    pub explain: bool,
}
