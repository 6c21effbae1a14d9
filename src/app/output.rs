//! The JSON Lines writer for records other than claims (`meta`); claims go through
//! `format.rs`.

use std::io::{self, Write};

/// Write any serialisable record as one JSON line.
pub fn write_json_line<W: Write + ?Sized, T: serde::Serialize>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
