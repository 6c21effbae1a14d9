//! Build script: the rules version, a fingerprint of every data file the extractor embeds
//! (`src/lexicon/**`), so that a `--state` file written with other word lists is recognised
//! and every input is processed again.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new("src/lexicon");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(root, &mut files);
    files.sort();
    let mut hash = Fnv::default();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        hash.add(f.to_string_lossy().as_bytes());
        hash.add(&[0]);
        hash.add(&fs::read(f).expect("a lexicon file is readable"));
        hash.add(&[0]);
    }
    println!("cargo:rustc-env=NATOCLAIMS_RULES_VERSION={:016x}", hash.0);
}

/// Every file below `dir`, recursively.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir)
        .expect("src/lexicon is readable")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// FNV-1a, 64 bits: the same value on every machine and compiler (std's hasher is not).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn add(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
