//! Readability-style content choice: drop page furniture, score candidate containers by the
//! paragraphs they hold, pick the best with its siblings, clean inside it.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::dom::{is_block_tag, subtree_end, text_of, Node, Stats};

// ---------------------------------------------------------------------------------------------
// Weights and thresholds. Mozilla Readability's values where it has one (marked "Readability"),
// the others tuned on the article-bodies benchmark (../shared/bench/article-bodies).
// ---------------------------------------------------------------------------------------------

/// Paragraph characters above which an element holding most of the page's paragraph text is
/// the article, never furniture: below it, a box of short teasers could qualify.
const ARTICLE_MIN_PTEXT: usize = 500;
/// A `<header>` or `<form>` with less paragraph text than this is furniture (a masthead, a
/// search box), not an article's standfirst.
const HEADER_MAX_PTEXT: usize = 200;
/// A `<header>` or `<form>` whose text is more than this share links is a menu.
const HEADER_MAX_LINK_DENSITY: f64 = 0.3;
/// An element with an unlikely class is kept for a content-like class unless more than half
/// its text is links (Readability).
const RESCUED_MAX_LINK_DENSITY: f64 = 0.5;
/// Score a positive or negative class/id adds or takes away (Readability).
const CLASS_WEIGHT: f64 = 25.0;
/// Score `itemprop="articleBody"` adds: schema.org's own mark of the body, worth two class hints.
const ARTICLE_BODY_WEIGHT: f64 = 50.0;
/// Penalty for an `<article>` inside another: per the HTML spec a comment or related item;
/// larger than the `<article>` tag bonus plus one class hint, so it never wins on markup alone.
const NESTED_ARTICLE_PENALTY: f64 = 30.0;
/// Paragraphs shorter than this many characters earn no points (Readability).
const MIN_PARAGRAPH_CHARS: usize = 25;
/// A paragraph earns one point per this many characters (Readability) ...
const CHARS_PER_POINT: f64 = 100.0;
/// ... up to this many (Readability), so one long block cannot outvote many paragraphs.
const MAX_LENGTH_POINTS: f64 = 3.0;
/// How many ancestors a paragraph's points reach (Readability).
const SCORE_LEVELS: usize = 5;
/// From the third ancestor on, points are divided by the level times this (Readability).
const DEEP_LEVEL_DIVIDER: f64 = 3.0;
/// The chosen node climbs to a parent that adds at most this many characters of text (a
/// wrapper around the same article, not a page around it).
const WRAPPER_EXTRA_CHARS: usize = 10;
/// How many runners-up may pull the choice up to a shared ancestor (Readability) ...
const RUNNERS_UP: usize = 4;
/// ... counting those that score at least this share of the best (Readability) ...
const RUNNER_UP_SHARE: f64 = 0.75;
/// ... when at least this many of them share it (Readability).
const MIN_SHARED_RUNNERS_UP: usize = 3;
/// A sibling joins the article with a score of this share of the top candidate's (Readability),
const SIBLING_SCORE_SHARE: f64 = 0.2;
/// ... but never less than this score (Readability).
const SIBLING_MIN_SCORE: f64 = 10.0;
/// A sibling with the top candidate's class gets this share of its score as a bonus (Readability).
const SAME_CLASS_BONUS_SHARE: f64 = 0.2;
/// A scored sibling needs this much text to join: less is a teaser or a caption.
const SIBLING_MIN_CHARS: usize = 100;
/// A sibling whose text is this share links or more is navigation (Readability).
const SIBLING_MAX_LINK_DENSITY: f64 = 0.25;
/// A loose paragraph sibling longer than this joins the article (Readability).
const LOOSE_PARAGRAPH_MIN_CHARS: usize = 80;
/// Inside the article, a container more than half links is a link box (Readability).
const JUNK_LINK_DENSITY: f64 = 0.5;
/// Inside the article, a container with more links than this and little paragraph text is
/// furniture unless its class is positive (Readability).
const LINKY_LINK_DENSITY: f64 = 0.2;

// ---------------------------------------------------------------------------------------------
// Boilerplate removal
// ---------------------------------------------------------------------------------------------

/// Class/id patterns of page furniture (matched on word-ish boundaries).
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s_-])(?:comments?|disqus|share|sharing|social|related|recommend(?:ed|ations)?|newsletter|subscribe|subscription|cookies?|consent|gdpr|promo|advert\w*|ads?|adslot|ad-slot|sponsor(?:ed)?|sidebar|menu|breadcrumbs?|footer|widget|popup|modal|banner|tags|tag-list|author-bio|bio|masthead|site-header|navbar|nav|navigation|pagination|pager|outbrain|taboola|paywall|skip-link|signup|most-popular|popular|trending|read-more|more-stories|also-read|print|toolbar|jump-link|rss|shoutbox|skyscraper|hidden|visually-hidden|sr-only|screen-reader-text|overlay|login|comment-list|captions?|wp-caption-text|credits?|photo-credit|byline|bylines|dateline|timestamp|posted-on|entry-meta|post-meta|article-meta)(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Class/id patterns that rescue an element from the unlikely list.
static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"article|body|content|entry|main|story|post|text").expect("valid regex")
});

/// Class/id patterns that raise a candidate's score.
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich-text|paragraph")
        .expect("valid regex")
});

/// Class/id patterns that lower a candidate's score.
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s_-])(?:hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline|caption|credit|subscribe|newsletter|social|recirc|more|popular|trending|teaser|nav|menu|ad|ads|advert)(?:$|[\s_-])")
        .expect("valid regex")
});

/// Tags dropped outright wherever they appear.
const DROP_TAGS: &[&str] = &["nav", "aside", "footer", "figcaption", "h1", "menu"];

/// Decide which nodes to drop as boilerplate; `strict` also drops on class/id patterns.
pub(super) fn mark_removed(nodes: &[Node], raw: &[Stats], strict: bool) -> Vec<bool> {
    let total_ptext = raw.first().map_or(0, |s| s.ptext).max(1);
    let mut removed = vec![false; nodes.len()];
    for i in 0..nodes.len() {
        if let Some(p) = nodes[i].parent {
            if removed[p] {
                removed[i] = true;
                continue;
            }
        }
        removed[i] = is_boilerplate(&nodes[i], &raw[i], total_ptext, strict);
    }
    removed
}

/// Is this single element page furniture?
fn is_boilerplate(node: &Node, stats: &Stats, total_ptext: usize, strict: bool) -> bool {
    let tag = node.tag();
    if tag.is_empty() || matches!(tag, "html" | "body" | "#root" | "article" | "main") {
        return false;
    }
    // An element holding most of the page's paragraph text is never furniture.
    let holds_article = stats.ptext * 2 > total_ptext && stats.ptext > ARTICLE_MIN_PTEXT;
    if node.hidden {
        return !holds_article;
    }
    if DROP_TAGS.contains(&tag) {
        return !holds_article || tag == "figcaption" || tag == "h1";
    }
    if matches!(tag, "header" | "form") {
        return !holds_article
            && (stats.ptext < HEADER_MAX_PTEXT || stats.link_density() > HEADER_MAX_LINK_DENSITY);
    }
    if node.itemprop.contains("articlebody") || !strict || holds_article {
        return false;
    }
    let ci = node.class_id.as_str();
    if ci.trim().is_empty() || !UNLIKELY.is_match(ci) {
        return false;
    }
    !MAYBE.is_match(ci) || stats.link_density() > RESCUED_MAX_LINK_DENSITY
}

// ---------------------------------------------------------------------------------------------
// Candidate scoring
// ---------------------------------------------------------------------------------------------

/// Class/id weight of a node, Readability-style (+/- [`CLASS_WEIGHT`]).
fn class_weight(node: &Node) -> f64 {
    let mut w = 0.0;
    let ci = node.class_id.as_str();
    if ci.trim().is_empty() {
        return 0.0;
    }
    if NEGATIVE.is_match(ci) {
        w -= CLASS_WEIGHT;
    }
    if POSITIVE.is_match(ci) {
        w += CLASS_WEIGHT;
    }
    if node.itemprop.contains("articlebody") {
        w += ARTICLE_BODY_WEIGHT;
    }
    w
}

/// Initial score of a candidate container by tag: Readability's weights (content containers
/// up, lists, forms and headings down), plus `<article>`, the HTML spec's own article element,
/// at twice a `<div>`.
fn tag_weight(tag: &str) -> f64 {
    match tag {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Initial score of a candidate: tag weight plus class weight; an `<article>` nested in
/// another `<article>` is (per the HTML spec) a comment or related item and is penalised.
fn initial_score(nodes: &[Node], i: usize) -> f64 {
    let base = tag_weight(nodes[i].tag()) + class_weight(&nodes[i]);
    if nodes[i].tag() == "article" && has_article_ancestor(nodes, i) {
        base - NESTED_ARTICLE_PENALTY
    } else {
        base
    }
}

/// Does the node sit inside an `<article>` element?
fn has_article_ancestor(nodes: &[Node], i: usize) -> bool {
    let mut cur = nodes[i].parent;
    while let Some(p) = cur {
        if nodes[p].tag() == "article" {
            return true;
        }
        cur = nodes[p].parent;
    }
    false
}

/// Is this node a paragraph-like unit whose text feeds ancestor scores?
fn is_paragraph_unit(node: &Node, stats: &Stats) -> bool {
    match node.tag() {
        "p" | "pre" => true,
        "td" | "div" | "section" | "blockquote" | "dd" => !stats.has_block,
        _ => false,
    }
}

/// Statistics of the inline (non-block) children of a container: loose text between blocks.
fn inline_stats(nodes: &[Node], removed: &[bool], stats: &[Stats], i: usize) -> Stats {
    let mut s = Stats::default();
    for &c in &nodes[i].children {
        if removed[c] || is_block_tag(nodes[c].tag()) || stats[c].has_block {
            continue;
        }
        s.text += stats[c].text;
        s.link += stats[c].link;
        s.commas += stats[c].commas;
    }
    s
}

/// Score every candidate container; returns node index -> final score.
pub(super) fn score_candidates(
    nodes: &[Node],
    removed: &[bool],
    stats: &[Stats],
) -> HashMap<usize, f64> {
    let mut scores: HashMap<usize, f64> = HashMap::new();
    for i in 0..nodes.len() {
        if let Some((points, start)) = paragraph_points(nodes, removed, stats, i) {
            propagate_points(nodes, &mut scores, start, points);
        }
    }
    for (i, s) in scores.iter_mut() {
        *s *= 1.0 - stats[*i].link_density();
    }
    scores
}

/// Points a paragraph-like node (or the loose text of a container) earns, and the first
/// ancestor that receives them.
fn paragraph_points(
    nodes: &[Node],
    removed: &[bool],
    stats: &[Stats],
    i: usize,
) -> Option<(f64, usize)> {
    if removed[i] || nodes[i].tag().is_empty() {
        return None;
    }
    let (s, start) = if is_paragraph_unit(&nodes[i], &stats[i]) {
        (stats[i], nodes[i].parent?)
    } else if stats[i].has_block && !matches!(nodes[i].tag(), "p" | "li" | "a") {
        (inline_stats(nodes, removed, stats, i), i)
    } else {
        return None;
    };
    if s.text < MIN_PARAGRAPH_CHARS {
        return None;
    }
    // Readability: one point for the paragraph, one per comma, and some for its length.
    let length = (s.text as f64 / CHARS_PER_POINT).min(MAX_LENGTH_POINTS);
    Some((1.0 + s.commas as f64 + length, start))
}

/// Add a paragraph's points to up to [`SCORE_LEVELS`] ancestors, with decreasing weight
/// (Readability: the parent gets all, the grandparent half, then a third of the level).
fn propagate_points(nodes: &[Node], scores: &mut HashMap<usize, f64>, start: usize, points: f64) {
    let mut cur = Some(start);
    let mut level = 0usize;
    while let (Some(a), true) = (cur, level < SCORE_LEVELS) {
        if nodes[a].tag() == "#root" {
            break;
        }
        let entry = scores.entry(a).or_insert_with(|| initial_score(nodes, a));
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            l => l as f64 * DEEP_LEVEL_DIVIDER,
        };
        *entry += points / divider;
        // An <article> is self-contained: its text does not vote for the page around it.
        if nodes[a].tag() == "article" {
            break;
        }
        cur = nodes[a].parent;
        level += 1;
    }
}

/// Pick the best candidate, climbing to a parent that shares its content when appropriate.
/// Returns (highest-scored node, chosen content root).
pub(super) fn top_candidate(
    nodes: &[Node],
    stats: &[Stats],
    scores: &HashMap<usize, f64>,
) -> Option<(usize, usize)> {
    let mut ranked: Vec<(usize, f64)> = scores.iter().map(|(&i, &s)| (i, s)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (best, top_score) = *ranked.first()?;
    let mut top = best;
    top = climb_shared_ancestor(nodes, &ranked, top, top_score);
    // Climb while the parent holds (almost) only this node's text.
    while let Some(p) = nodes[top].parent {
        if matches!(nodes[p].tag(), "body" | "html" | "#root") {
            break;
        }
        if stats[p].text > stats[best].text + WRAPPER_EXTRA_CHARS {
            break;
        }
        top = p;
    }
    Some((best, top))
}

/// If several strong candidates share an ancestor, use that ancestor (Readability's rule).
fn climb_shared_ancestor(nodes: &[Node], ranked: &[(usize, f64)], top: usize, score: f64) -> usize {
    let strong: Vec<usize> = ranked
        .iter()
        .skip(1)
        .take(RUNNERS_UP)
        .filter(|(_, s)| *s >= score * RUNNER_UP_SHARE)
        .map(|(i, _)| *i)
        .collect();
    if strong.len() < MIN_SHARED_RUNNERS_UP {
        return top;
    }
    let mut cur = nodes[top].parent;
    while let Some(a) = cur {
        if matches!(nodes[a].tag(), "body" | "html" | "#root") {
            break;
        }
        let shared = strong
            .iter()
            .filter(|&&c| is_ancestor_within_article(nodes, a, c))
            .count();
        if shared >= MIN_SHARED_RUNNERS_UP {
            return a;
        }
        cur = nodes[a].parent;
    }
    top
}

/// Is `a` an ancestor of `n`, with no `<article>` boundary between them?
fn is_ancestor_within_article(nodes: &[Node], a: usize, n: usize) -> bool {
    if nodes[n].tag() == "article" {
        return false;
    }
    let mut cur = nodes[n].parent;
    while let Some(p) = cur {
        if p == a {
            return true;
        }
        if nodes[p].tag() == "article" {
            return false;
        }
        cur = nodes[p].parent;
    }
    false
}

/// The top candidate plus the siblings that look like part of the same article.
pub(super) fn gather_siblings(
    nodes: &[Node],
    removed: &[bool],
    stats: &[Stats],
    scores: &HashMap<usize, f64>,
    top: usize,
) -> Vec<usize> {
    let Some(parent) = nodes[top].parent else {
        return vec![top];
    };
    let top_score = scores.get(&top).copied().unwrap_or(0.0);
    let threshold = (top_score * SIBLING_SCORE_SHARE).max(SIBLING_MIN_SCORE);
    let mut out = Vec::new();
    for &sib in &nodes[parent].children {
        if removed[sib] {
            continue;
        }
        if sib == top || sibling_belongs(nodes, stats, scores, top, sib, threshold) {
            out.push(sib);
        }
    }
    out
}

/// Does a sibling of the top candidate belong to the article?
fn sibling_belongs(
    nodes: &[Node],
    stats: &[Stats],
    scores: &HashMap<usize, f64>,
    top: usize,
    sib: usize,
    threshold: f64,
) -> bool {
    let mut bonus = 0.0;
    let ci = nodes[sib].class_id.trim();
    if !ci.is_empty() && ci == nodes[top].class_id.trim() {
        bonus = scores.get(&top).copied().unwrap_or(0.0) * SAME_CLASS_BONUS_SHARE;
    }
    // Sibling <article> elements are separate articles (listings, infinite scroll).
    let separate = nodes[sib].tag() == "article" || nodes[top].tag() == "article";
    if let (Some(s), false) = (scores.get(&sib), separate) {
        let st = &stats[sib];
        if s + bonus >= threshold
            && st.text >= SIBLING_MIN_CHARS
            && st.link_density() < SIBLING_MAX_LINK_DENSITY
            && class_weight(&nodes[sib]) >= 0.0
        {
            return true;
        }
    }
    let s = &stats[sib];
    if !is_paragraph_unit(&nodes[sib], s) {
        return false;
    }
    let ld = s.link_density();
    (s.text > LOOSE_PARAGRAPH_MIN_CHARS && ld < SIBLING_MAX_LINK_DENSITY)
        || (s.text > 0 && ld == 0.0 && ends_sentence(&text_of(nodes, sib)))
}

/// Does the text end like a sentence?
fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(['.', '!', '?', '"', '”', '»', ':'])
}

// ---------------------------------------------------------------------------------------------
// Cleaning inside the chosen content
// ---------------------------------------------------------------------------------------------

/// Within the content roots, drop containers that look like furniture (Readability's conditional cleaning).
pub(super) fn clean_conditionally(
    nodes: &[Node],
    removed: &mut [bool],
    stats: &[Stats],
    roots: &[usize],
    best: usize,
) {
    let mut protected = std::collections::HashSet::new();
    let mut cur = Some(best);
    while let Some(c) = cur {
        protected.insert(c);
        cur = nodes[c].parent;
    }
    for &root in roots {
        let end = subtree_end(nodes, root);
        for i in root + 1..end {
            if removed[i] || protected.contains(&i) {
                continue;
            }
            let parent_removed = nodes[i].parent.is_some_and(|p| removed[p]);
            if parent_removed || is_junk_container(nodes, stats, i) {
                removed[i] = true;
            }
        }
    }
}

/// Is this container inside the article furniture (link lists, link-heavy boxes, negative classes)?
fn is_junk_container(nodes: &[Node], stats: &[Stats], i: usize) -> bool {
    let tag = nodes[i].tag();
    if !matches!(
        tag,
        "div" | "section" | "ul" | "ol" | "table" | "figure" | "dl" | "form" | "header"
    ) {
        return false;
    }
    let s = &stats[i];
    let weight = class_weight(&nodes[i]);
    let ld = s.link_density();
    if s.text == 0 {
        return false;
    }
    if weight < 0.0 && s.ptext * 2 < s.text {
        return true;
    }
    let list = matches!(tag, "ul" | "ol");
    if list {
        return ld > JUNK_LINK_DENSITY;
    }
    let positive = weight >= CLASS_WEIGHT;
    (ld > LINKY_LINK_DENSITY && !positive && s.ptext * 2 < s.text) || ld > JUNK_LINK_DENSITY
}
