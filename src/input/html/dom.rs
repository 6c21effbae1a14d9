//! A flat copy of the parsed DOM, built iteratively so that deeply nested pages never
//! recurse, and per-node text statistics computed bottom-up in one reverse pass.

use scraper::{Html, Node as DomNode};

use crate::document::fold_ws;

// ---------------------------------------------------------------------------------------------
// Flat DOM copy
// ---------------------------------------------------------------------------------------------

/// What a flat node holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// An element, with its lower-case tag name.
    Elem(String),
    /// A text node (raw, unfolded).
    Text(String),
}

/// One node of the flat DOM copy; nodes are stored in document (pre-)order.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) kind: Kind,
    pub(super) parent: Option<usize>,
    pub(super) children: Vec<usize>,
    /// Lower-cased `class` and `id` joined by a space.
    pub(super) class_id: String,
    /// Element is hidden (hidden attribute, aria-hidden, display:none).
    pub(super) hidden: bool,
    /// `itemprop` attribute, lower-cased.
    pub(super) itemprop: String,
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
pub(super) fn is_block_tag(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

/// Build the flat copy of the document iteratively (no recursion, whatever the nesting depth).
pub(super) fn flatten(doc: &Html) -> Vec<Node> {
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
    pub(super) fn tag(&self) -> &str {
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
pub(super) struct Stats {
    /// Characters of non-whitespace-run text (whitespace runs count as one).
    pub(super) text: usize,
    /// Characters of text inside links.
    pub(super) link: usize,
    /// Number of commas.
    pub(super) commas: usize,
    /// Whether the subtree contains a block-level element (below the node itself).
    pub(super) has_block: bool,
    /// Characters of text inside `<p>` elements.
    pub(super) ptext: usize,
}

/// Count folded characters of a text.
pub(super) fn folded_len(s: &str) -> usize {
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
pub(super) fn compute_stats(nodes: &[Node], removed: &[bool]) -> Vec<Stats> {
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
    pub(super) fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }
}

/// One past the last index of a node's subtree (nodes are in pre-order).
pub(super) fn subtree_end(nodes: &[Node], i: usize) -> usize {
    let mut cur = i;
    loop {
        match nodes[cur].children.last() {
            Some(&c) => cur = c,
            None => return cur + 1,
        }
    }
}

/// Collect the folded text of a subtree (blocks separated by spaces).
pub(super) fn text_of(nodes: &[Node], root: usize) -> String {
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
