//! Throughput of the pipeline and of its stages, as far as the public API reaches them, on the
//! bundled fixture articles (plain text and HTML) and, when `../shared` is there, on PolNeAR's
//! news texts (off topic: what the relevance prefilter turns away). Run with `cargo bench`;
//! speed is measured here, never asserted in tests. Corpus-scale timing against ripgrep:
//! `benches/vs-rg.sh`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use natoclaims::{analyze, extract, input, stripped_text, Document, Scope};
use std::fs;
use std::path::Path;

/// The files of a folder, sorted, as (path, bytes).
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| (p.display().to_string(), fs::read(&p).expect("readable")))
        .collect()
}

fn load(docs: &[(String, Vec<u8>)]) -> Vec<Document> {
    docs.iter()
        .map(|(path, raw)| input::load(path, raw, path.ends_with(".html")).document)
        .collect()
}

fn bytes(docs: &[(String, Vec<u8>)]) -> u64 {
    docs.iter().map(|(_, b)| b.len() as u64).sum()
}

/// Per stage on the fixtures: load (decode, sha256, HTML extraction), the prefilter, strip,
/// the pipeline without the topic stage (`--topic any`), the whole pipeline.
fn bench_stages(c: &mut Criterion) {
    let raw = files(Path::new("fixtures/articles"));
    let docs = load(&raw);
    let topic = Scope::nato_ukraine();
    let mut group = c.benchmark_group("fixtures");
    group.throughput(Throughput::Bytes(bytes(&raw)));
    group.bench_function("load", |b| b.iter(|| load(&raw).len()));
    group.bench_function("prefilter", |b| {
        b.iter(|| docs.iter().filter(|d| topic.is_relevant(&d.text)).count())
    });
    group.bench_function("strip", |b| {
        b.iter(|| docs.iter().map(|d| stripped_text(d).len()).sum::<usize>())
    });
    group.bench_function("analyze, topic any", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| analyze(d, &Scope::Any).claims.len())
                .sum::<usize>()
        })
    });
    group.bench_function("analyze", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| analyze(d, &topic).claims.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// Off-topic news (PolNeAR dev, when `../shared` is there): the prefilter scan alone, and
/// `input::load_relevant` + `extract` as the binary runs them.
fn bench_off_topic(c: &mut Criterion) {
    let raw = files(Path::new("../shared/bench/polnear-dev/text"));
    if raw.is_empty() {
        eprintln!("extract bench: no ../shared: off-topic group skipped");
        return;
    }
    let topic = Scope::nato_ukraine();
    let mut group = c.benchmark_group("off-topic news");
    group.throughput(Throughput::Bytes(bytes(&raw)));
    group.bench_function("prefilter", |b| {
        b.iter(|| {
            raw.iter()
                .filter(|(_, r)| topic.is_relevant(std::str::from_utf8(r).unwrap_or("")))
                .count()
        })
    });
    group.bench_function("load_relevant + extract", |b| {
        b.iter(|| {
            raw.iter()
                .filter_map(|(p, r)| {
                    input::load_relevant(p, r, false, |t| topic.is_relevant(t)).document
                })
                .map(|d| extract(&d, &topic).len())
                .sum::<usize>()
        })
    });
    group.bench_function("analyze (no prefilter)", |b| {
        b.iter(|| {
            load(&raw)
                .iter()
                .map(|d| analyze(d, &topic).claims.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_stages, bench_off_topic);
criterion_main!(benches);
