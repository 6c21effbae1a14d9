//! Writers: JSON Lines to any `io::Write`. Knows nothing of extraction.

use natoclaims::Claim;
use std::io::{self, Write};

/// Write one claim as one JSON line.
pub fn write_claim<W: Write + ?Sized>(out: &mut W, claim: &Claim) -> io::Result<()> {
    serde_json::to_writer(&mut *out, claim)?;
    out.write_all(b"\n")
}

/// Write any serialisable record as one JSON line.
pub fn write_json_line<W: Write + ?Sized, T: serde::Serialize>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
