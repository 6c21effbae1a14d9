//! Throughput of the whole pipeline on the bundled fixture articles (plain text and HTML).
//! Run with `cargo bench`; speed is measured here, never asserted in tests.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use natoclaims::{analyze, input, Scope};
use std::fs;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir("fixtures/articles")
        .expect("run from the project root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                fs::read(&p).expect("readable fixture"),
            )
        })
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let docs = fixtures();
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let scope = Scope::nato_ukraine();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("load+analyze all fixtures", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(path, raw)| {
                    let html = path.ends_with(".html");
                    analyze(&input::load(path, raw, html).document, &scope)
                        .claims
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
