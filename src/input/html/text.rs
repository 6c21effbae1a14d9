//! Text output: walk the chosen subtrees into blocks of text, drop interface lines and
//! link-heavy blocks, and choose between the DOM text and a JSON-LD articleBody.

use scraper::Html;

use super::dom::{compute_stats, flatten, folded_len, is_block_tag, Kind, Node, Stats};
use super::readability::{
    clean_conditionally, gather_siblings, mark_removed, score_candidates, top_candidate,
};
use crate::document::fold_ws;
use crate::lexicon::{self, Class};

/// How many ancestors up a text node is looked at for an enclosing `<a>`: links wrap their
/// text closely, and a bounded walk keeps deep pages linear.
const LINK_SEARCH_DEPTH: usize = 6;
/// A block whose text is more than this share links is navigation.
const LINK_BLOCK_DENSITY: f64 = 0.6;
/// A short block (under [`SHORT_BLOCK_CHARS`]) is navigation at this lower share of links.
const SHORT_LINK_BLOCK_DENSITY: f64 = 0.35;
/// Blocks shorter than this many characters are short (a teaser line, a "read more").
const SHORT_BLOCK_CHARS: usize = 80;
/// The strict pass is enough once it yields this many bytes; below, the lenient pass may
/// find more (pages whose article sits in a box with an unlikely class).
const ENOUGH_TEXT_BYTES: usize = 500;
/// A JSON-LD articleBody shorter than this many characters is a summary, never the body.
const JSON_BODY_MIN_CHARS: usize = 200;
/// The JSON-LD body replaces the page text when less than this share of its words occur there
/// (the DOM pass found something else) ...
const JSON_BODY_MIN_COVERAGE: f64 = 0.6;

// ---------------------------------------------------------------------------------------------
// Text output
// ---------------------------------------------------------------------------------------------

/// A block of output text with the link characters it contains.
#[derive(Debug, Default)]
struct Block {
    text: String,
    link_chars: usize,
}

/// Marks a `<br>` inside pending block text.
const BR: char = '\u{E000}';

/// Walk the kept subtrees and emit text blocks in document order.
fn emit_blocks(nodes: &[Node], removed: &[bool], roots: &[usize]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur = Block::default();
    for &root in roots {
        emit_subtree(nodes, removed, root, &mut cur, &mut blocks);
        flush(&mut cur, &mut blocks);
    }
    blocks
}

/// Iterative walk of one subtree with enter/leave events, appending text to blocks.
fn emit_subtree(
    nodes: &[Node],
    removed: &[bool],
    root: usize,
    cur: &mut Block,
    blocks: &mut Vec<Block>,
) {
    let mut stack = vec![(root, false)];
    while let Some((i, leaving)) = stack.pop() {
        if removed[i] {
            continue;
        }
        let tag = nodes[i].tag();
        if is_block_tag(tag) {
            flush(cur, blocks);
        }
        if leaving {
            continue;
        }
        match &nodes[i].kind {
            Kind::Text(t) => {
                cur.text.push_str(t);
                if in_link(nodes, i, root) {
                    cur.link_chars += folded_len(t);
                }
            }
            Kind::Elem(_) => {
                if tag == "br" {
                    cur.text.push(BR);
                }
                stack.push((i, true));
                stack.extend(nodes[i].children.iter().rev().map(|&c| (c, false)));
            }
        }
    }
}

/// Is the text node inside an `<a>` (below `root`)?
fn in_link(nodes: &[Node], i: usize, root: usize) -> bool {
    let mut cur = nodes[i].parent;
    let mut depth = 0;
    while let Some(p) = cur {
        if nodes[p].tag() == "a" {
            return true;
        }
        if p == root || depth > LINK_SEARCH_DEPTH {
            return false;
        }
        depth += 1;
        cur = nodes[p].parent;
    }
    false
}

/// End the current block: fold whitespace per `<br>` line; a blank line (double `<br>`)
/// splits it into separate blocks.
fn flush(cur: &mut Block, blocks: &mut Vec<Block>) {
    let pending = std::mem::take(cur);
    let total = folded_len(&pending.text).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut push_block = |lines: &mut Vec<String>| {
        if lines.is_empty() {
            return;
        }
        let text = lines.join("\n");
        let link_chars = pending.link_chars * folded_len(&text) / total;
        blocks.push(Block { text, link_chars });
        lines.clear();
    };
    for line in pending.text.split(BR).map(fold_ws) {
        if line.is_empty() {
            push_block(&mut lines);
        } else {
            lines.push(line);
        }
    }
    push_block(&mut lines);
}

/// Keep a block in the output?
fn keep_block(b: &Block) -> bool {
    let len = folded_len(&b.text);
    if len == 0 {
        return false;
    }
    let lower = b.text.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', '»', '›', '>']).trim();
    if lexicon::is(Class::HtmlUiBlock, bare) {
        return false;
    }
    let ld = b.link_chars as f64 / len as f64;
    !(ld > LINK_BLOCK_DENSITY || (ld > SHORT_LINK_BLOCK_DENSITY && len < SHORT_BLOCK_CHARS))
}

/// Extract the body text: score, choose content, clean, emit blocks.
pub(super) fn extract_body_text(doc: &Html, json_body: Option<&str>) -> String {
    let nodes = flatten(doc);
    if nodes.is_empty() {
        return String::new();
    }
    let none = vec![false; nodes.len()];
    let raw = compute_stats(&nodes, &none);
    let mut best = String::new();
    for strict in [true, false] {
        let text = extract_pass(&nodes, &raw, strict);
        if text.len() > best.len() {
            best = text;
        }
        if best.len() >= ENOUGH_TEXT_BYTES {
            break;
        }
    }
    if let Some(jb) = json_body {
        best = prefer_json_body(best, jb);
    }
    best
}

/// One extraction pass with a given pruning strictness.
fn extract_pass(nodes: &[Node], raw: &[Stats], strict: bool) -> String {
    let mut removed = mark_removed(nodes, raw, strict);
    let stats = compute_stats(nodes, &removed);
    let scores = score_candidates(nodes, &removed, &stats);
    let Some((best, top)) = top_candidate(nodes, &stats, &scores) else {
        return fallback_paragraphs(nodes, &removed);
    };
    let roots = gather_siblings(nodes, &removed, &stats, &scores, top);
    clean_conditionally(nodes, &mut removed, &stats, &roots, best);
    let blocks = emit_blocks(nodes, &removed, &roots);
    join_blocks(blocks)
}

/// Join kept blocks with blank lines.
fn join_blocks(blocks: Vec<Block>) -> String {
    blocks
        .into_iter()
        .filter(keep_block)
        .map(|b| b.text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Fallback: all paragraph text of the page.
fn fallback_paragraphs(nodes: &[Node], removed: &[bool]) -> String {
    let roots: Vec<usize> = (0..nodes.len())
        .filter(|&i| !removed[i] && nodes[i].tag() == "p")
        .filter(|&i| !nodes[i].parent.is_some_and(|p| has_p_ancestor(nodes, p)))
        .collect();
    if roots.is_empty() {
        return join_blocks(emit_blocks(nodes, removed, &[0]));
    }
    join_blocks(emit_blocks(nodes, removed, &roots))
}

/// Is there a `<p>` at or above this node?
fn has_p_ancestor(nodes: &[Node], i: usize) -> bool {
    let mut cur = Some(i);
    while let Some(p) = cur {
        if nodes[p].tag() == "p" {
            return true;
        }
        cur = nodes[p].parent;
    }
    false
}

/// Choose between the DOM extraction and the JSON-LD articleBody.
fn prefer_json_body(dom: String, json_body: &str) -> String {
    let jb = json_body_text(json_body);
    if folded_len(&jb) < JSON_BODY_MIN_CHARS {
        return dom;
    }
    let dom_words = word_set(&dom);
    let jb_words: Vec<String> = words(&jb);
    if jb_words.is_empty() {
        return dom;
    }
    let covered = jb_words.iter().filter(|w| dom_words.contains(*w)).count();
    let coverage = covered as f64 / jb_words.len() as f64;
    // ... and it is more than half as long as the page text (not a fragment of it).
    if coverage < JSON_BODY_MIN_COVERAGE && jb_words.len() > words(&dom).len() / 2 {
        jb
    } else {
        dom
    }
}

/// Clean a JSON-LD articleBody into blocks.
fn json_body_text(s: &str) -> String {
    let s = if s.contains('<') && s.contains('>') {
        let frag = Html::parse_fragment(s);
        let nodes = flatten(&frag);
        let removed = vec![false; nodes.len()];
        join_blocks(emit_blocks(&nodes, &removed, &[0]))
    } else {
        s.to_string()
    };
    s.split('\n')
        .map(fold_ws)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Lower-case word tokens of a text.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Set of lower-case word tokens.
fn word_set(s: &str) -> std::collections::HashSet<String> {
    words(s).into_iter().collect()
}
