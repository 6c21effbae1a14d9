//! Readability-style content choice: drop page furniture, score candidate containers by the
//! paragraphs they hold, pick the best with its siblings, clean inside it.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::dom::{is_block_tag, subtree_end, text_of, Node, Stats};

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
    let holds_article = stats.ptext * 2 > total_ptext && stats.ptext > 500;
    if node.hidden {
        return !holds_article;
    }
    if DROP_TAGS.contains(&tag) {
        return !holds_article || tag == "figcaption" || tag == "h1";
    }
    if matches!(tag, "header" | "form") {
        return !holds_article && (stats.ptext < 200 || stats.link_density() > 0.3);
    }
    if node.itemprop.contains("articlebody") || !strict || holds_article {
        return false;
    }
    let ci = node.class_id.as_str();
    if ci.trim().is_empty() || !UNLIKELY.is_match(ci) {
        return false;
    }
    !MAYBE.is_match(ci) || stats.link_density() > 0.5
}

// ---------------------------------------------------------------------------------------------
// Candidate scoring
// ---------------------------------------------------------------------------------------------

/// Class/id weight of a node, Readability-style (+25 / -25).
fn class_weight(node: &Node) -> f64 {
    let mut w = 0.0;
    let ci = node.class_id.as_str();
    if ci.trim().is_empty() {
        return 0.0;
    }
    if NEGATIVE.is_match(ci) {
        w -= 25.0;
    }
    if POSITIVE.is_match(ci) {
        w += 25.0;
    }
    if node.itemprop.contains("articlebody") {
        w += 50.0;
    }
    w
}

/// Initial score of a candidate container by tag.
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
        base - 30.0
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
    if s.text < 25 {
        return None;
    }
    Some((
        1.0 + s.commas as f64 + (s.text as f64 / 100.0).min(3.0),
        start,
    ))
}

/// Add a paragraph's points to up to five ancestors, with decreasing weight.
fn propagate_points(nodes: &[Node], scores: &mut HashMap<usize, f64>, start: usize, points: f64) {
    let mut cur = Some(start);
    let mut level = 0usize;
    while let (Some(a), true) = (cur, level < 5) {
        if nodes[a].tag() == "#root" {
            break;
        }
        let entry = scores.entry(a).or_insert_with(|| initial_score(nodes, a));
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            l => l as f64 * 3.0,
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
        if stats[p].text > stats[best].text + 10 {
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
        .take(4)
        .filter(|(_, s)| *s >= score * 0.75)
        .map(|(i, _)| *i)
        .collect();
    if strong.len() < 3 {
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
        if shared >= 3 {
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
    let threshold = (top_score * 0.2).max(10.0);
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
        bonus = scores.get(&top).copied().unwrap_or(0.0) * 0.2;
    }
    // Sibling <article> elements are separate articles (listings, infinite scroll).
    let separate = nodes[sib].tag() == "article" || nodes[top].tag() == "article";
    if let (Some(s), false) = (scores.get(&sib), separate) {
        let st = &stats[sib];
        if s + bonus >= threshold
            && st.text >= 100
            && st.link_density() < 0.25
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
    (s.text > 80 && ld < 0.25) || (s.text > 0 && ld == 0.0 && ends_sentence(&text_of(nodes, sib)))
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
        return ld > 0.5;
    }
    (ld > 0.2 && weight < 25.0 && s.ptext * 2 < s.text) || ld > 0.5
}
