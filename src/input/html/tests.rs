//! Whole-page extraction tests: body text, metadata and authors on small synthetic pages.

use super::authors::clean_authors;
use super::metadata::{strip_outlet_suffix, strip_site_suffix};
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
    assert_eq!(a.meta.title.as_deref(), Some("Budget approved"));
    assert_eq!(a.meta.byline, vec!["Jane Doe".to_string()]);
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
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Bridge reopens after repairs")
    );
    assert_eq!(
        a.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2023-06-30")
    );
    assert_eq!(
        a.meta.byline,
        vec!["Lois Lane".to_string(), "Clark Kent".to_string()]
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("Daily Planet"));
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
    assert_eq!(a.meta.byline, vec!["Sam Rivers".to_string()]);
    assert_eq!(
        a.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2024-01-02")
    );
    assert_eq!(a.meta.title.as_deref(), Some("Storm hits coast"));
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
    assert_eq!(a.meta.title.as_deref(), Some("Cut off"));
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
fn author_cleaning_decodes_entities_before_judging() {
    let raw = vec![
        "By Jane Doe &amp; John Roe".to_string(),
        "Reuters".to_string(),
    ];
    assert_eq!(clean_authors(&raw, ""), vec!["Jane Doe", "John Roe"]);
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
