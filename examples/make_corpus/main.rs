//! A deterministic benchmark corpus: `DIR/NNN/NNNNNN.txt`, N articles of which a share is on
//! topic (a fixture article's paragraphs, `fixtures/articles/*.txt`, with filler paragraphs
//! between them) and the rest generated off-topic news (`filler.txt` beside this file).
//!
//! ```text
//! cargo run --release --example make_corpus -- DIR N [--on-topic 0.02] [--seed 1]
//! ```
//!
//! The same arguments always write the same bytes. On-topic articles are spread evenly
//! (article i is on topic when floor((i+1)·share) > floor(i·share)).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

const FILLER: &str = include_str!("filler.txt");
/// Articles per subfolder.
const PER_DIR: usize = 1000;
/// Off-topic article sizes, in bytes: uniform in this range.
const FILLER_BYTES: (usize, usize) = (3_000, 16_000);
/// On-topic article sizes (fixture plus filler paragraphs), in bytes.
const ON_TOPIC_BYTES: (usize, usize) = (2_500, 9_500);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: make_corpus DIR N [--on-topic SHARE] [--seed S]";
    let (dir, n) = match (args.first(), args.get(1).and_then(|n| n.parse().ok())) {
        (Some(d), Some(n)) => (PathBuf::from(d), n),
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let share: f64 = flag(&args, "--on-topic").map_or(0.02, |v| v.parse().expect("a share"));
    let seed: u64 = flag(&args, "--seed").map_or(1, |v| v.parse().expect("a seed"));
    let words = Words::parse(FILLER);
    let fixtures = fixture_paragraphs(Path::new("fixtures/articles"));
    let mut rng = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
    let (mut bytes, mut on) = (0usize, 0usize);
    for i in 0..n {
        let on_topic = ((i + 1) as f64 * share).floor() > (i as f64 * share).floor();
        let text = if on_topic {
            on += 1;
            on_topic_article(&mut rng, &words, &fixtures)
        } else {
            filler_article(&mut rng, &words)
        };
        let path = dir.join(format!("{:03}", i / PER_DIR));
        fs::create_dir_all(&path).expect("create the corpus folder");
        fs::write(path.join(format!("{i:06}.txt")), &text).expect("write an article");
        bytes += text.len();
    }
    eprintln!(
        "make_corpus: {n} articles ({on} on topic), {:.1} MB in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).map(String::as_str)
}

/// splitmix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len())]
    }
}

/// The filler vocabulary: section name to entries.
struct Words(HashMap<String, Vec<String>>);

impl Words {
    fn parse(data: &str) -> Words {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        let mut section = String::new();
        for line in data
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                Some(name) => section = name.to_string(),
                None => map
                    .entry(section.clone())
                    .or_default()
                    .push(line.to_string()),
            }
        }
        Words(map)
    }

    fn get(&self, section: &str) -> &[String] {
        self.0
            .get(section)
            .unwrap_or_else(|| panic!("filler.txt has no [{section}]"))
    }

    /// A template from `section` with its slots filled.
    fn fill(&self, rng: &mut Rng, section: &str) -> String {
        let template = rng.pick(self.get(section)).clone();
        self.expand(rng, &template)
    }

    fn expand(&self, rng: &mut Rng, template: &str) -> String {
        let mut out = String::with_capacity(template.len() * 2);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed slot");
            let slot = &rest[open + 1..close];
            let value = match slot {
                "number" => rng.range(2, 99).to_string(),
                "year" => rng.range(2018, 2026).to_string(),
                _ => rng.pick(self.get(slot)).clone(),
            };
            if out.is_empty() || out.ends_with(". ") {
                out.push_str(&capitalise(&value));
            } else {
                out.push_str(&value);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// A paragraph of two to five sentences.
    fn paragraph(&self, rng: &mut Rng) -> String {
        let n = rng.range(2, 6);
        (0..n)
            .map(|_| self.fill(rng, "sentence"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// A scraped page's date line, furniture, headline, byline, paragraphs and footer.
fn filler_article(rng: &mut Rng, w: &Words) -> String {
    let target = rng.range(FILLER_BYTES.0, FILLER_BYTES.1);
    let mut out = format!(" date {} \n\n", date(rng));
    for _ in 0..rng.range(0, 3) {
        out.push_str(&w.fill(rng, "furniture"));
        out.push_str("\n\n");
    }
    out.push_str(&w.fill(rng, "headline"));
    let by = format!(
        "By {} {}",
        rng.pick(w.get("first")),
        rng.pick(w.get("last"))
    );
    out.push_str(&format!("\n\n{by}\n\n"));
    let place = rng.pick(w.get("place")).to_uppercase();
    out.push_str(&format!("{place} — "));
    while out.len() < target {
        out.push_str(&w.paragraph(rng));
        out.push_str("\n\n");
    }
    out.push_str(&w.fill(rng, "furniture"));
    out.push('\n');
    out
}

/// A fixture article with filler paragraphs inserted after its first few paragraphs.
fn on_topic_article(rng: &mut Rng, w: &Words, fixtures: &[Vec<String>]) -> String {
    let target = rng.range(ON_TOPIC_BYTES.0, ON_TOPIC_BYTES.1);
    let mut paras = rng.pick(fixtures).clone();
    let mut size: usize = paras.iter().map(|p| p.len() + 2).sum();
    let first = paras.len().min(4);
    while size < target {
        let p = w.paragraph(rng);
        size += p.len() + 2;
        let at = rng.range(first, paras.len() + 1);
        paras.insert(at, p);
    }
    paras.join("\n\n") + "\n"
}

fn date(rng: &mut Rng) -> String {
    format!(
        "{}-{:02}-{:02}",
        rng.range(2019, 2026),
        rng.range(1, 13),
        rng.range(1, 29)
    )
}

/// The paragraphs (blank-line separated) of every plain-text fixture, in file-name order.
fn fixture_paragraphs(dir: &Path) -> Vec<Vec<String>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("run from the project root (fixtures/articles)")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).expect("a UTF-8 fixture");
            text.split("\n\n")
                .map(str::trim_end)
                .filter(|p| !p.trim().is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect()
}
