//! The relevance prefilter never drops an article the full pipeline extracts an in-scope claim
//! from: over the fixtures, the seeds, the PolNeAR train and dev texts and the stance passages
//! (`../shared`, or `$NATOCLAIMS_SHARED` as in `.ci/run`; skipped with a message if absent).

use crate::util::root;
use natoclaims::{analyze, extract, input, Document, Scope};
use std::fs;
use std::path::{Path, PathBuf};

/// The shared data folder, if there is one.
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("NATOCLAIMS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    dir.is_dir().then_some(dir)
}

/// Every file below `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir(dir);
    out.sort();
    out
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() {
                walkdir(&p)
            } else {
                vec![p]
            }
        })
        .collect()
}

/// Counts of one corpus: articles, articles with an in-scope claim, articles the prefilter
/// rejects.
#[derive(Default, Debug)]
struct Tally {
    articles: usize,
    with_claims: usize,
    rejected: usize,
}

/// Check one article's raw bytes: the full pipeline's in-scope claims imply the prefilter
/// admits it, `load_relevant` decides as the prefilter does on the loaded document, and
/// `extract` equals the full pipeline.
fn check(name: &str, bytes: &[u8], scope: &Scope, tally: &mut Tally) {
    let html = name.ends_with(".html") || name.ends_with(".htm");
    let doc = input::load(name, bytes, html).document;
    let claims = analyze(&doc, scope).claims;
    let admitted = admits(scope, &doc);
    assert!(
        claims.is_empty() || admitted,
        "{name}: the prefilter drops an article with {} in-scope claims",
        claims.len()
    );
    let skimmed = input::load_relevant(name, bytes, html, |t| scope.is_relevant(t));
    assert_eq!(
        skimmed.document.is_some(),
        admitted,
        "{name}: load_relevant"
    );
    assert_eq!(extract(&doc, scope), claims, "{name}: extract");
    tally.articles += 1;
    tally.with_claims += usize::from(!claims.is_empty());
    tally.rejected += usize::from(!admitted);
}

fn admits(scope: &Scope, doc: &Document) -> bool {
    scope.is_relevant(&doc.text)
        || doc
            .source_meta
            .title
            .as_deref()
            .is_some_and(|t| scope.is_relevant(t))
}

fn check_folder(dir: &Path, scope: &Scope) -> Tally {
    let mut tally = Tally::default();
    for p in files(dir) {
        let bytes = fs::read(&p).expect("readable");
        check(&p.display().to_string(), &bytes, scope, &mut tally);
    }
    eprintln!("prefilter: {}: {tally:?}", dir.display());
    tally
}

#[test]
fn prefilter_keeps_every_fixture_with_claims() {
    let t = check_folder(&root().join("fixtures/articles"), &Scope::nato_ukraine());
    assert!(t.with_claims > 40, "{t:?}");
}

#[test]
fn prefilter_keeps_every_shared_article_with_claims() {
    let Some(shared) = shared() else {
        eprintln!("prefilter: no ../shared next to the crate: shared-data check skipped");
        return;
    };
    let scope = Scope::nato_ukraine();
    check_folder(&shared.join("seeds"), &scope);
    let train = check_folder(&shared.join("bench/polnear-train/text"), &scope);
    let dev = check_folder(&shared.join("bench/polnear-dev/text"), &scope);
    // News about other things: the prefilter is worth having only if it turns most away.
    assert!(train.rejected * 2 > train.articles, "{train:?}");
    assert!(dev.articles > 0);
    let mut stance = Tally::default();
    let passages = fs::read_to_string(shared.join("bench/stance/stance-dev.jsonl")).unwrap();
    for line in passages.lines().filter(|l| !l.trim().is_empty()) {
        let item: serde_json::Value = serde_json::from_str(line).unwrap();
        // As bench/stance/score.py writes each passage.
        let text = format!(
            "date 2024-07-12\n\n{}\n",
            item["text"].as_str().unwrap().trim()
        );
        let name = format!("{}.txt", item["id"].as_str().unwrap());
        check(&name, text.as_bytes(), &scope, &mut stance);
    }
    eprintln!("prefilter: stance passages: {stance:?}");
    assert!(stance.with_claims > 200, "{stance:?}");
}

/// Another topic file gets its own prefilter, and it holds over news where many articles
/// hold claims on that topic and many none.
#[test]
fn another_topic_gets_its_own_prefilter() {
    let Some(shared) = shared() else {
        eprintln!("prefilter: no ../shared next to the crate: shared-data check skipped");
        return;
    };
    let topic = fs::read_to_string(root().join("tests/prefilter/courts.txt")).unwrap();
    let scope = Scope::from_topic(&topic).unwrap();
    assert!(!scope.is_relevant("NATO leaders met in Vilnius."));
    assert!(scope.is_relevant("the Supreme\nCourt’s ruling"));
    for set in ["dev", "train"] {
        let t = check_folder(&shared.join(format!("bench/polnear-{set}/text")), &scope);
        assert!(t.with_claims > 5 && t.rejected > 5, "{t:?}");
    }
}
