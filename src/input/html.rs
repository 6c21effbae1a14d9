//! HTML input: detect HTML documents and extract the article body and metadata from a page.
//!
//! The extraction is a Readability-style content scorer working on a flat, iteratively built
//! copy of the parsed DOM, so deeply nested or huge pages never recurse and stay linear.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node as DomNode, Selector};
use serde_json::Value;

/// An article read from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// The article body as plain text, one block per line, blocks separated by a blank line.
    pub text: String,
    /// Headline: JSON-LD headline, og:title, `<h1>`, or `<title>` (site suffix removed).
    pub title: Option<String>,
    /// Raw publication date string from the page metadata, as found.
    pub published: Option<String>,
    /// Cleaned author names (no wire agencies, no URLs).
    pub byline: Vec<String>,
    /// Outlet: og:site_name or JSON-LD publisher name.
    pub outlet: Option<String>,
}

/// True if the text looks like an HTML document (doctype, `<html`, `<head`, `<body`, or several common tags near the start).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|m| head.contains(m))
    {
        return true;
    }
    let tags = [
        "<p>", "<p ", "<div", "<a href", "<span", "<br", "<meta", "<table",
    ];
    tags.iter().map(|t| head.matches(t).count()).sum::<usize>() >= 3
}

/// Parse an HTML page (already decoded to a String) and extract its article.
pub fn extract_article(html: &str) -> HtmlArticle {
    let doc = Html::parse_document(html);
    let meta = read_metadata(&doc);
    let text = extract_body_text(&doc, meta.article_body.as_deref());
    HtmlArticle {
        text,
        title: meta.title,
        published: meta.published,
        byline: meta.byline,
        outlet: meta.outlet,
    }
}

// ---------------------------------------------------------------------------------------------
// Flat DOM copy
// ---------------------------------------------------------------------------------------------

/// What a flat node holds.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// An element, with its lower-case tag name.
    Elem(String),
    /// A text node (raw, unfolded).
    Text(String),
}

/// One node of the flat DOM copy; nodes are stored in document (pre-)order.
#[derive(Debug, Clone)]
struct Node {
    kind: Kind,
    parent: Option<usize>,
    children: Vec<usize>,
    /// Lower-cased `class` and `id` joined by a space.
    class_id: String,
    /// Element is hidden (hidden attribute, aria-hidden, display:none).
    hidden: bool,
    /// `itemprop` attribute, lower-cased.
    itemprop: String,
}

/// Tags whose subtree never holds article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
    "input", "object", "embed", "canvas", "video", "audio", "map", "head", "option", "math",
    "dialog",
];

/// Tags that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "figure",
    "figcaption",
    "header",
    "footer",
    "aside",
    "nav",
    "form",
    "address",
    "hr",
    "center",
    "body",
    "html",
    "caption",
    "details",
    "summary",
    "fieldset",
    "hgroup",
    "picture",
];

/// Is this tag a block-level tag?
fn is_block_tag(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

/// Build the flat copy of the document iteratively (no recursion, whatever the nesting depth).
fn flatten(doc: &Html) -> Vec<Node> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack = vec![(doc.tree.root(), None::<usize>)];
    while let Some((dom, parent)) = stack.pop() {
        let Some(node) = make_node(dom.value(), parent) else {
            continue;
        };
        let id = nodes.len();
        nodes.push(node);
        if let Some(p) = parent {
            nodes[p].children.push(id);
        }
        if matches!(nodes[id].kind, Kind::Elem(_)) {
            let kids: Vec<_> = dom.children().collect();
            for kid in kids.into_iter().rev() {
                stack.push((kid, Some(id)));
            }
        }
    }
    nodes
}

/// Turn one scraper node into a flat node, or `None` when it (and its subtree) is skipped.
fn make_node(dom: &DomNode, parent: Option<usize>) -> Option<Node> {
    let blank = |kind| Node {
        kind,
        parent,
        children: Vec::new(),
        class_id: String::new(),
        hidden: false,
        itemprop: String::new(),
    };
    match dom {
        DomNode::Document | DomNode::Fragment => Some(blank(Kind::Elem("#root".into()))),
        DomNode::Text(t) => Some(blank(Kind::Text(t.text.to_string()))),
        DomNode::Element(e) => {
            let tag = e.name().to_ascii_lowercase();
            if SKIP_TAGS.contains(&tag.as_str()) {
                return None;
            }
            let mut node = blank(Kind::Elem(tag));
            let class = e.attr("class").unwrap_or("");
            let id = e.id().unwrap_or("");
            node.class_id = format!("{class} {id}").to_lowercase();
            node.hidden = is_hidden(e);
            node.itemprop = e.attr("itemprop").unwrap_or("").to_lowercase();
            Some(node)
        }
        _ => None,
    }
}

/// Is the element hidden from readers?
fn is_hidden(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    let style = e.attr("style").unwrap_or("").to_ascii_lowercase();
    let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    style.contains("display:none") || style.contains("visibility:hidden")
}

impl Node {
    /// The tag name, or "" for text nodes.
    fn tag(&self) -> &str {
        match &self.kind {
            Kind::Elem(t) => t,
            Kind::Text(_) => "",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Per-node statistics (computed bottom-up in one reverse pass)
// ---------------------------------------------------------------------------------------------

/// Text statistics of a subtree.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters of non-whitespace-run text (whitespace runs count as one).
    text: usize,
    /// Characters of text inside links.
    link: usize,
    /// Number of commas.
    commas: usize,
    /// Whether the subtree contains a block-level element (below the node itself).
    has_block: bool,
    /// Characters of text inside `<p>` elements.
    ptext: usize,
}

/// Count folded characters of a text.
fn folded_len(s: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

/// Compute statistics for every node, skipping nodes flagged in `removed`.
fn compute_stats(nodes: &[Node], removed: &[bool]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); nodes.len()];
    for i in (0..nodes.len()).rev() {
        if removed[i] {
            continue;
        }
        let mut s = match &nodes[i].kind {
            Kind::Text(t) => Stats {
                text: folded_len(t),
                commas: t.matches([',', '،', '，']).count(),
                ..Stats::default()
            },
            Kind::Elem(_) => Stats::default(),
        };
        for &c in &nodes[i].children {
            if removed[c] {
                continue;
            }
            let cs = stats[c];
            s.text += cs.text;
            s.link += cs.link;
            s.commas += cs.commas;
            s.ptext += cs.ptext;
            s.has_block |= cs.has_block || is_block_tag(nodes[c].tag());
        }
        match nodes[i].tag() {
            "a" => s.link = s.text,
            "p" => s.ptext = s.text,
            _ => {}
        }
        stats[i] = s;
    }
    stats
}

impl Stats {
    /// Fraction of the text that sits inside links.
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }
}

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
fn mark_removed(nodes: &[Node], raw: &[Stats], strict: bool) -> Vec<bool> {
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
fn score_candidates(nodes: &[Node], removed: &[bool], stats: &[Stats]) -> HashMap<usize, f64> {
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
fn top_candidate(
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
fn gather_siblings(
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
fn clean_conditionally(
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

/// One past the last index of a node's subtree (nodes are in pre-order).
fn subtree_end(nodes: &[Node], i: usize) -> usize {
    let mut cur = i;
    loop {
        match nodes[cur].children.last() {
            Some(&c) => cur = c,
            None => return cur + 1,
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

// ---------------------------------------------------------------------------------------------
// Text output
// ---------------------------------------------------------------------------------------------

/// Collect the folded text of a subtree (blocks separated by spaces).
fn text_of(nodes: &[Node], root: usize) -> String {
    let end = subtree_end(nodes, root);
    let mut out = String::new();
    for n in &nodes[root..end] {
        if let Kind::Text(t) = &n.kind {
            out.push_str(t);
        }
        out.push(' ');
    }
    fold_ws(&out)
}

/// Fold whitespace runs to single spaces and trim.
fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
        if p == root || depth > 6 {
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

/// Short interface lines that are never article text.
const UI_LINES: &[&str] = &[
    "advertisement",
    "advert",
    "ad",
    "advertising",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "read more",
    "continue reading",
    "see also",
    "related",
    "related articles",
    "related stories",
    "story continues below",
    "story continues below advertisement",
    "sponsored",
    "comments",
    "click here",
    "subscribe",
    "sign up",
    "loading",
    "loading...",
    "skip to content",
    "close",
    "menu",
    "follow us",
    "image",
    "photo",
    "video",
];

/// Keep a block in the output?
fn keep_block(b: &Block) -> bool {
    let len = folded_len(&b.text);
    if len == 0 {
        return false;
    }
    let lower = b.text.to_lowercase();
    let bare = lower.trim_end_matches([':', '.', '»', '›', '>']).trim();
    if UI_LINES.contains(&bare) {
        return false;
    }
    let ld = b.link_chars as f64 / len as f64;
    !(ld > 0.6 || (ld > 0.35 && len < 80))
}

/// Extract the body text: score, choose content, clean, emit blocks.
fn extract_body_text(doc: &Html, json_body: Option<&str>) -> String {
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
        if best.len() >= 500 {
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
    if folded_len(&jb) < 200 {
        return dom;
    }
    let dom_words = word_set(&dom);
    let jb_words: Vec<String> = words(&jb);
    if jb_words.is_empty() {
        return dom;
    }
    let covered = jb_words.iter().filter(|w| dom_words.contains(*w)).count();
    let coverage = covered as f64 / jb_words.len() as f64;
    if coverage < 0.6 && jb_words.len() > words(&dom).len() / 2 {
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

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

/// Metadata read from the page head and JSON-LD.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    published: Option<String>,
    byline: Vec<String>,
    outlet: Option<String>,
    article_body: Option<String>,
}

/// Parse a CSS selector known to be valid.
fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static SEL_JSONLD: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"script[type="application/ld+json"]"#));
static SEL_META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static SEL_H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static SEL_TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static SEL_TIME: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        r#"article time[datetime], header time[datetime], time[pubdate][datetime], time[itemprop=datePublished], time[class*="pub"][datetime], time[class*="date"][datetime], time[class*="publish"][datetime]"#,
    )
});
static SEL_AUTHOR_LINK: LazyLock<Selector> =
    LazyLock::new(|| sel(r#"a[rel~="author"], [itemprop="author"]"#));
static SEL_BYLINE: LazyLock<Selector> = LazyLock::new(|| {
    sel(r#"[class*="byline"], [class*="author-name"], [class~="author"], [id*="byline"]"#)
});

/// Read all metadata from the document.
fn read_metadata(doc: &Html) -> Meta {
    let mut meta = Meta::default();
    let metas = meta_tags(doc);
    let mut objects = json_ld_objects(doc);
    // Article objects before generic WebPage objects.
    objects.sort_by_key(|v| matches!(v.get("@type"), Some(Value::String(t)) if t == "WebPage"));
    for v in &objects {
        apply_json_ld(&mut meta, v);
    }
    let get = |k: &str| metas.get(k).cloned().filter(|s| !s.is_empty());
    meta.outlet = get("og:site_name").or(meta.outlet);
    let outlet = meta.outlet.clone().unwrap_or_default();
    meta.title = meta
        .title
        .or_else(|| get("og:title"))
        .or_else(|| get("twitter:title"))
        .map(|t| strip_outlet_suffix(&t, &outlet))
        .or_else(|| first_text(doc, &SEL_H1))
        .or_else(|| first_text(doc, &SEL_TITLE).map(|t| strip_site_suffix(&t)));
    meta.published = meta
        .published
        .filter(|d| plausible_date(d))
        .or_else(|| meta_published(&metas))
        .or_else(|| header_time(doc));
    collect_html_authors(doc, &metas, &mut meta.byline);
    meta.byline = clean_authors(&meta.byline, &outlet);
    meta.title = meta.title.map(|t| decode_entities(&t));
    meta.outlet = meta.outlet.map(|t| decode_entities(&t));
    meta
}

/// Decode HTML entities left in metadata strings (double-escaped by some sites).
fn decode_entities(s: &str) -> String {
    if !(s.contains('&') && s.contains(';')) {
        return s.to_string();
    }
    let frag = Html::parse_fragment(s);
    let text: String = frag.root_element().text().collect();
    fold_ws(&text)
}

/// Publication date from `<meta>` tags.
fn meta_published(metas: &HashMap<String, String>) -> Option<String> {
    const KEYS: &[&str] = &[
        "article:published_time",
        "og:article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "datepublished",
        "sailthru.date",
        "parsely-pub-date",
    ];
    KEYS.iter()
        .filter_map(|k| metas.get(*k))
        .find(|d| plausible_date(d))
        .cloned()
}

/// Map of lower-cased meta name/property -> content (first occurrence wins).
fn meta_tags(doc: &Html) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for m in doc.select(&SEL_META) {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"));
        if let (Some(k), Some(c)) = (key, m.attr("content")) {
            out.entry(k.trim().to_lowercase())
                .or_insert_with(|| fold_ws(c));
        }
    }
    out
}

/// Folded text of the first element matching a selector.
fn first_text(doc: &Html, s: &Selector) -> Option<String> {
    doc.select(s).map(element_text).find(|t| !t.is_empty())
}

/// Folded text content of an element (iterative).
fn element_text(e: ElementRef<'_>) -> String {
    fold_ws(&e.text().collect::<Vec<_>>().join(" "))
}

/// `<time datetime>` in the article header.
fn header_time(doc: &Html) -> Option<String> {
    doc.select(&SEL_TIME)
        .filter_map(|t| t.attr("datetime"))
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// Does a raw date string look like a real date (has digits, not a 0001-01-01 placeholder)?
fn plausible_date(d: &str) -> bool {
    let d = d.trim();
    d.chars().any(|c| c.is_ascii_digit()) && !d.starts_with("0000") && !d.starts_with("0001")
}

/// Remove a trailing " | Outlet" (or a domain name) from a metadata headline.
fn strip_outlet_suffix(title: &str, outlet: &str) -> String {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(pos) = title.rfind(sep) {
            let tail = title[pos + sep.len()..].trim();
            let domain = tail.contains('.') && !tail.contains(' ');
            let same = !outlet.is_empty() && norm(tail) == norm(outlet);
            if (domain || same) && pos > 0 {
                return title[..pos].trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// Remove a trailing " | Site" / " - Site" from a document title.
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if folded_len(tail) <= 40 && folded_len(head) >= 10 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// Every JSON-LD object in the page, with `@graph` and arrays flattened.
fn json_ld_objects(doc: &Html) -> Vec<Value> {
    let mut out = Vec::new();
    for s in doc.select(&SEL_JSONLD) {
        let raw: String = s.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.into_iter().rev()),
                Value::Object(mut o) => {
                    if let Some(g) = o.remove("@graph") {
                        stack.push(g);
                    }
                    out.push(Value::Object(o));
                }
                _ => {}
            }
        }
    }
    out
}

/// Does a JSON-LD object's @type name an article-like type?
fn is_article_type(v: &Value) -> bool {
    let is_art = |t: &str| {
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting" | "LiveBlogPosting" | "Report" | "WebPage" | "Posting"
            )
    };
    match v.get("@type") {
        Some(Value::String(t)) => is_art(t),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is_art),
        _ => false,
    }
}

/// Fill metadata fields from one JSON-LD object (first value found wins).
fn apply_json_ld(meta: &mut Meta, v: &Value) {
    if !is_article_type(v) {
        return;
    }
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(fold_ws)
            .filter(|x| !x.is_empty())
    };
    meta.title = meta
        .title
        .take()
        .or_else(|| s("headline"))
        .or_else(|| s("name"));
    meta.published = meta.published.take().or_else(|| s("datePublished"));
    if meta.article_body.is_none() {
        meta.article_body = v
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    meta.outlet = meta.outlet.take().or_else(|| json_publisher(v));
    if let Some(a) = v.get("author") {
        json_authors(a, &mut meta.byline);
    }
}

/// Publisher name of a JSON-LD object.
fn json_publisher(v: &Value) -> Option<String> {
    let p = v.get("publisher")?;
    let name = p
        .get("name")
        .or_else(|| p.get(0).and_then(|x| x.get("name")))?;
    name.as_str().map(fold_ws).filter(|n| !n.is_empty())
}

/// Author names from a JSON-LD `author` value (Person objects or strings).
fn json_authors(a: &Value, out: &mut Vec<String>) {
    match a {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => {
            for item in items {
                if !item.is_array() {
                    json_authors(item, out);
                }
            }
        }
        Value::Object(o) => {
            let ty = o.get("@type").and_then(Value::as_str).unwrap_or("Person");
            if ty.eq_ignore_ascii_case("Person") {
                if let Some(n) = o.get("name").and_then(Value::as_str) {
                    out.push(n.to_string());
                }
            }
        }
        _ => {}
    }
}

/// Author names from meta tags, rel=author links and byline elements.
fn collect_html_authors(doc: &Html, metas: &HashMap<String, String>, out: &mut Vec<String>) {
    if !out.is_empty() {
        return;
    }
    for k in [
        "author",
        "article:author",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
    ] {
        if let Some(a) = metas.get(k) {
            out.push(a.clone());
        }
    }
    if !out.is_empty() {
        return;
    }
    for e in doc.select(&SEL_AUTHOR_LINK) {
        let t = element_text(e);
        if !t.is_empty() && folded_len(&t) < 60 && out.len() < 4 {
            out.push(t);
        }
    }
    if !out.is_empty() {
        return;
    }
    let bylines = doc.select(&SEL_BYLINE).map(element_text);
    if let Some(t) = bylines
        .into_iter()
        .find(|t| RE_BY.is_match(t) && folded_len(t) < 80)
    {
        out.push(t);
    }
}

static RE_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:[\w-]+\s+){0,2}by[:\s]+").expect("valid regex"));
static RE_AGENCY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:the\s+)?(?:associated press|reuters|afp|ap)\b.*$").expect("valid regex")
});
static RE_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*(?:,|;|&|\band\b|\|)\s*").expect("valid regex"));
static RE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:https?://|www\.)|\.(?:com|org|net)\b|@").expect("valid regex")
});

/// Names that are agencies or staff placeholders, not people.
const NOT_AUTHORS: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated press",
    "the associated press",
    "staff",
    "staff writer",
    "staff reporter",
    "editorial staff",
    "bloomberg",
    "press association",
    "pa",
    "upi",
    "dpa",
    "admin",
    "editorial",
    "guest",
    "anonymous",
];

/// Words that mark a job title or desk rather than a person's name.
const ROLE_WORDS: &[&str] = &[
    "writer",
    "correspondent",
    "editor",
    "reporter",
    "staff",
    "bureau",
    "contributor",
    "desk",
    "team",
    "news",
    "published",
    "updated",
];

/// Clean, split, filter and de-duplicate author names.
fn clean_authors(raw: &[String], outlet: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let r = decode_entities(r);
        let r = RE_BY.replace(r.trim(), "");
        for part in RE_SPLIT.split(&r) {
            let name = fold_ws(part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'));
            let name = RE_AGENCY_TAIL.replace(&name, "").trim().to_string();
            if is_person_name(&name)
                && !same_organisation(&name, outlet)
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&name))
            {
                out.push(name);
            }
        }
    }
    out
}

/// Is the "name" really the outlet (e.g. "CNN Business" for outlet "CNN")?
fn same_organisation(name: &str, outlet: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (n, o) = (norm(name), norm(outlet));
    !n.is_empty() && !o.is_empty() && (n.starts_with(&o) || o.starts_with(&n))
}

/// Does a cleaned string look like a person's name?
fn is_person_name(name: &str) -> bool {
    if name.is_empty() || name.chars().count() > 60 || RE_URL.is_match(name) {
        return false;
    }
    let lower = name.to_lowercase();
    if NOT_AUTHORS.contains(&lower.as_str()) || lower.split_whitespace().count() > 5 {
        return false;
    }
    if name.chars().any(|c| c.is_ascii_digit()) || ROLE_WORDS.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let short_caps = name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    !short_caps && name.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of filler prose with commas, long enough to score.
    fn para(topic: &str) -> String {
        format!(
            "<p>The council said on Tuesday that {topic}, according to officials, and that \
             residents should expect further announcements, updates, and public hearings over \
             the coming weeks as the plan moves ahead.</p>"
        )
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html><body></body></html>"));
        assert!(looks_like_html("  <html lang=en>"));
        assert!(looks_like_html(
            "<div><p>a</p><span>b</span><a href=x>c</a></div>"
        ));
        assert!(!looks_like_html("Plain text about <b> tags, nothing more."));
        assert!(!looks_like_html(""));
    }

    #[test]
    fn wordpress_like_page() {
        let html = format!(
            r##"<!DOCTYPE html><html><head><title>Budget approved | Town Gazette</title></head>
            <body class="single single-post">
            <header class="site-header"><nav class="main-menu"><ul><li><a href="/">Home</a></li>
            <li><a href="/news">News</a></li></ul></nav></header>
            <div id="content" class="site-content"><div class="content-area">
            <article class="post type-post hentry">
              <h1 class="entry-title">Budget approved</h1>
              <div class="entry-meta"><span class="byline">By <a rel="author" href="/a/jd">Jane Doe</a></span></div>
              <div class="entry-content">{}{}<h2>What comes next</h2>{}
                <div class="sharedaddy sd-sharing"><h3>Share this:</h3><ul><li><a href="#">Twitter</a></li>
                <li><a href="#">Facebook</a></li></ul></div>
              </div>
            </article>
            <div id="comments" class="comments-area"><p>Great article, thanks for writing it, really.</p></div>
            </div><aside class="widget-area"><p>Popular posts from our sidebar, with lots of links.</p></aside>
            </div><footer class="site-footer"><p>Copyright 2024 Town Gazette, all rights reserved.</p></footer>
            </body></html>"##,
            para("the budget was approved"),
            para("taxes will not rise"),
            para("the library will reopen")
        );
        let a = extract_article(&html);
        assert!(a.text.contains("the budget was approved"), "{}", a.text);
        assert!(a.text.contains("the library will reopen"));
        assert!(a.text.contains("What comes next"));
        assert!(!a.text.contains("Budget approved\n"));
        assert!(!a.text.contains("Share this"));
        assert!(!a.text.contains("Great article"));
        assert!(!a.text.contains("Copyright"));
        assert!(!a.text.contains("Home"));
        assert_eq!(a.title.as_deref(), Some("Budget approved"));
        assert_eq!(a.byline, vec!["Jane Doe".to_string()]);
        assert_eq!(a.text.split("\n\n").count(), 4);
    }

    #[test]
    fn json_ld_news_article() {
        let html = format!(
            r##"<html><head>
            <meta property="og:site_name" content="Daily Planet">
            <meta property="og:title" content="Ignored because JSON-LD wins | Daily Planet">
            <script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
              {{"@type":"WebSite","name":"Daily Planet"}},
              {{"@type":"NewsArticle","headline":"Bridge reopens after repairs",
                "datePublished":"2023-06-30T14:51:00Z",
                "author":[{{"@type":"Person","name":"By Lois Lane and Clark Kent"}},
                          {{"@type":"Organization","name":"Daily Planet Staff"}}, "Reuters"],
                "publisher":{{"@type":"Organization","name":"Planet Media"}}}}]}}</script>
            </head><body><main>{}{}</main></body></html>"##,
            para("the bridge reopened"),
            para("traffic returned to normal")
        );
        let a = extract_article(&html);
        assert_eq!(a.title.as_deref(), Some("Bridge reopens after repairs"));
        assert_eq!(a.published.as_deref(), Some("2023-06-30T14:51:00Z"));
        assert_eq!(
            a.byline,
            vec!["Lois Lane".to_string(), "Clark Kent".to_string()]
        );
        assert_eq!(a.outlet.as_deref(), Some("Daily Planet"));
        assert!(a.text.contains("the bridge reopened"));
    }

    #[test]
    fn json_ld_article_body_used_when_dom_is_empty() {
        let body = "The river flooded the lower town overnight, officials said, and crews worked \
                    until morning to clear the roads. Schools stayed closed, and the mayor asked \
                    residents to avoid the waterfront while engineers inspected the old levee.";
        let html = format!(
            r##"<html><head><script type="application/ld+json">
            {{"@type":"NewsArticle","headline":"Flood","articleBody":"{body}"}}</script></head>
            <body><div id="app">Loading...</div></body></html>"##
        );
        let a = extract_article(&html);
        assert!(a.text.contains("crews worked until morning"), "{}", a.text);
    }

    #[test]
    fn cookie_banner_and_mega_menu() {
        let menu: String = (0..40)
            .map(|i| format!("<li><a href='/s{i}'>Section number {i}</a></li>"))
            .collect();
        let html = format!(
            r##"<html><body>
            <div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your
            experience, to analyse traffic, and to personalise ads. Accept all cookies?</p>
            <button>Accept</button></div>
            <div class="mega-menu"><ul>{menu}</ul></div>
            <div class="story-body">{}{}</div>
            <div class="newsletter-signup"><p>Subscribe to our newsletter, it is free, weekly,
            and full of news.</p></div></body></html>"##,
            para("the harbour will be dredged"),
            para("fishing boats must move")
        );
        let a = extract_article(&html);
        assert!(a.text.contains("harbour will be dredged"));
        assert!(!a.text.contains("cookies"), "{}", a.text);
        assert!(!a.text.contains("Section number"));
        assert!(!a.text.contains("newsletter"));
    }

    #[test]
    fn amp_style_page() {
        let html = format!(
            r##"<!doctype html><html amp lang="en"><head>
            <meta name="author" content="Sam Rivers">
            <meta property="article:published_time" content="2024-01-02T03:04:05Z">
            <style amp-custom>body {{ color: red; }}</style></head>
            <body><amp-sidebar id="sidebar" layout="nodisplay"><ul><li><a href="/">Home</a></li></ul></amp-sidebar>
            <article><h1>Storm hits coast</h1>
            <amp-img src="x.jpg" width="600" height="400" layout="responsive"></amp-img>
            <figure><amp-img src="y.jpg"></amp-img><figcaption>A photo caption here</figcaption></figure>
            {}{}<amp-ad width="300" height="250" type="doubleclick"></amp-ad>{}</article>
            </body></html>"##,
            para("the storm hit the coast"),
            para("power was cut"),
            para("repairs began")
        );
        let a = extract_article(&html);
        assert!(a.text.contains("the storm hit the coast"));
        assert!(a.text.contains("repairs began"));
        assert!(!a.text.contains("caption"));
        assert!(!a.text.contains("color: red"));
        assert_eq!(a.byline, vec!["Sam Rivers".to_string()]);
        assert_eq!(a.published.as_deref(), Some("2024-01-02T03:04:05Z"));
        assert_eq!(a.title.as_deref(), Some("Storm hits coast"));
    }

    #[test]
    fn article_inside_blockquote() {
        let html = format!(
            r##"<html><body><div class="main"><blockquote>{}{}{}</blockquote></div>
            <div class="footer-links"><a href="/a">About</a> <a href="/b">Contact</a></div>
            </body></html>"##,
            para("the quoted statement was read"),
            para("the minister resigned"),
            para("elections will follow")
        );
        let a = extract_article(&html);
        assert!(a.text.contains("the quoted statement was read"));
        assert!(a.text.contains("elections will follow"));
        assert!(!a.text.contains("About"));
        assert_eq!(a.text.split("\n\n").count(), 3);
    }

    #[test]
    fn live_blog_entries() {
        let entries: String = (1..=4)
            .map(|i| {
                format!(
                    r##"<div class="live-entry"><time datetime="2024-03-0{i}T10:00:00Z">10:0{i}</time>
                    <h3>Update {i}</h3>{}</div>"##,
                    para(&format!("entry number {i} was posted"))
                )
            })
            .collect();
        let html = format!(
            r##"<html><body><div class="liveblog-body">{entries}</div>
            <div class="related-stories"><ul><li><a href="/x">Other story one</a></li>
            <li><a href="/y">Other story two</a></li></ul></div></body></html>"##
        );
        let a = extract_article(&html);
        for i in 1..=4 {
            assert!(
                a.text.contains(&format!("entry number {i} was posted")),
                "{}",
                a.text
            );
            assert!(a.text.contains(&format!("Update {i}")));
        }
        assert!(!a.text.contains("Other story"));
    }

    #[test]
    fn line_breaks_inside_a_block() {
        let html = format!(
            "<html><body><article>{}<p>First line<br>second   line</p>{}</article></body></html>",
            para("one"),
            para("two")
        );
        let a = extract_article(&html);
        assert!(a.text.contains("First line\nsecond line"), "{}", a.text);
        let html = "<html><body><div>Para one, with text.<br><br>Para two.</div></body></html>";
        assert_eq!(
            extract_article(html).text,
            "Para one, with text.\n\nPara two."
        );
        assert!(!a.text.ends_with(char::is_whitespace));
    }

    #[test]
    fn deeply_nested_page_does_not_panic() {
        let depth = 10_000;
        let html = format!(
            "<html><body>{}{}{}</body></html>",
            "<div>".repeat(depth),
            para("the deep text survived"),
            "</div>".repeat(depth)
        );
        let a = extract_article(&html);
        assert!(a.text.contains("the deep text survived"));
        let inline = format!("<html><body>{}deep inline", "<span><b><i>".repeat(depth));
        let _ = extract_article(&inline);
    }

    #[test]
    fn truncated_html() {
        let html = format!(
            "<html><head><title>Cut off</title></head><body><article>{}<p>The last paragraph \
             stops in the mid",
            para("the page was truncated")
        );
        let a = extract_article(&html);
        assert!(a.text.contains("the page was truncated"));
        assert_eq!(a.title.as_deref(), Some("Cut off"));
        for cut in [
            "",
            "<",
            "<html",
            "<p class=\"x",
            "<!--",
            "<script>var x = '",
        ] {
            let _ = extract_article(cut);
        }
    }

    #[test]
    fn huge_page_is_fast_enough() {
        let body: String = (0..20_000).map(|i| para(&format!("item {i}"))).collect();
        let html = format!("<html><body><article>{body}</article></body></html>");
        let a = extract_article(&html);
        assert!(a.text.contains("item 19999"));
    }

    #[test]
    fn author_cleaning() {
        let raw = vec![
            "By Jane Doe and John Roe".to_string(),
            "https://example.com/jane".to_string(),
            "Associated Press".to_string(),
            "STAFF".to_string(),
            "Ann Lee, AP".to_string(),
            "By TOM KRISHER AP Auto Writer".to_string(),
        ];
        assert_eq!(
            clean_authors(&raw, "Example News"),
            vec!["Jane Doe", "John Roe", "Ann Lee", "TOM KRISHER"]
        );
    }

    #[test]
    fn title_suffixes() {
        assert_eq!(
            strip_site_suffix("Big news today | Reuters"),
            "Big news today"
        );
        assert_eq!(
            strip_outlet_suffix("Big news - Example.com", ""),
            "Big news"
        );
        assert_eq!(strip_outlet_suffix("Left - right", "Other"), "Left - right");
    }

    #[test]
    fn hidden_and_link_heavy_blocks_are_dropped() {
        let html = format!(
            r##"<html><body><div class="article-body">{}<p style="display: none">Secret hidden text here.</p>
            <p><a href="/1">Read more</a></p><p>Advertisement</p>{}
            <ul><li><a href="/r1">Related link one, with words</a></li><li><a href="/r2">Related link two</a></li></ul>
            </div></body></html>"##,
            para("the visible text"),
            para("the end")
        );
        let a = extract_article(&html);
        assert!(a.text.contains("the visible text"));
        assert!(!a.text.contains("Secret"));
        assert!(!a.text.contains("Read more"));
        assert!(!a.text.contains("Advertisement"));
        assert!(!a.text.contains("Related link"));
    }
}
