//! Metadata sources on small pages written for these tests: one test per class of page
//! (unusable sources, JSON-LD as the web writes it, visible dates and bylines, meta names and
//! formats, the day as the page means it, names as people write them).

use super::*;

/// A page with this head and body.
fn page(head: &str, body: &str) -> Meta {
    let html = format!(
        "<!DOCTYPE html><html><head><title>Council approves the budget plan</title>{head}</head>\
         <body>{body}<article><h1>Council approves the budget plan</h1><p>The council said \
         on Tuesday that the plan moves ahead, according to officials, and that residents \
         should expect hearings.</p></article></body></html>"
    );
    extract_article(&html).meta
}

/// A JSON-LD script.
fn ld(json: &str) -> String {
    format!(r#"<script type="application/ld+json">{json}</script>"#)
}

fn day(m: &Meta) -> Option<String> {
    m.published.map(|d| d.to_string())
}

#[test]
fn an_unusable_source_falls_through_to_the_next() {
    let m = page(
        r#"<meta name="author" content=""><meta property="og:site_name" content="Town Gazette">"#,
        r#"<a rel="author" href="/a/jd">Jane Doe</a>"#,
    );
    assert_eq!(m.byline, vec!["Jane Doe"]);
    assert_eq!(m.origin.byline, Some("rel=author link"));
    let m = page(
        r#"<meta property="og:site_name" content="Town Gazette"><meta name="author" content="Town Gazette">
           <meta name="dc.creator" content="https://example.org/jane">"#,
        r#"<span class="byline">By Jane Doe</span>"#,
    );
    assert_eq!(m.byline, vec!["Jane Doe"]);
    let m = page(
        &(ld(r#"{"@type":"NewsArticle","datePublished":"sometime last week"}"#)
            + r#"<meta property="article:published_time" content="2020-01-28T15:28:56+01:00">"#),
        "",
    );
    assert_eq!(day(&m).as_deref(), Some("2020-01-28"));
    assert_eq!(m.origin.published, Some("meta published"));
}

#[test]
fn json_ld_graph_references_types_and_lists() {
    let graph = r##"{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","@id":"#site","name":"Town Gazette"},
        {"@type":"BlogPosting","datePublished":"2021-06-03","author":{"@id":"#p1"}},
        {"@type":"Person","@id":"#p1","name":"Mara Quist"}]}"##;
    let m = page(&ld(graph), "");
    assert_eq!(m.byline, vec!["Mara Quist"]);
    assert_eq!(day(&m).as_deref(), Some("2021-06-03"));
    let recipe = r#"{"@type":"Recipe","datePublished":"Tue Jan 28 15:28:56 CET 2020",
        "author":["Ola Berg", {"@type":"Person","name":"Per Lind"}]}"#;
    let m = page(&ld(recipe), "");
    assert_eq!(m.byline, vec!["Ola Berg", "Per Lind"]);
    assert_eq!(day(&m).as_deref(), Some("2020-01-28"));
    let main = r#"{"@type":"WebPage","mainEntity":{"@type":"Question","dateCreated":"2019-02-01",
        "author":{"@type":"Person","name":"Ida Holm"}}}"#;
    let m = page(&ld(main), "");
    assert_eq!(
        (day(&m), m.byline),
        (Some("2019-02-01".into()), vec!["Ida Holm".to_string()])
    );
}

#[test]
fn an_article_typed_also_as_a_page_or_breadcrumbs_is_the_article() {
    let mixed = r#"{"@type":["WebPage","BreadcrumbList","Article"],
        "itemListElement":[{"@type":"ListItem","position":1}],
        "author":{"@type":"Person","name":"Mara Quist"},"datePublished":"2022-02-06"}"#;
    let m = page(&ld(mixed), r#"<div class="date">14.02.2022</div>"#);
    assert_eq!(day(&m).as_deref(), Some("2022-02-06"));
    assert_eq!(m.byline, vec!["Mara Quist"]);
    // A breadcrumb list alone is no article.
    let crumbs = r#"{"@type":"BreadcrumbList","datePublished":"2022-02-06"}"#;
    let m = page(&ld(crumbs), r#"<div class="date">14.02.2022</div>"#);
    assert_eq!(day(&m).as_deref(), Some("2022-02-14"));
}

#[test]
fn a_layout_class_naming_the_sidebar_is_no_sidebar() {
    // The wrapper of the article says where the sidebar goes; it holds the headline.
    let story = "The council said on Tuesday that the plan moves ahead and that residents \
        should expect hearings in the spring, while the opposition asked for more time. ";
    let wrapped = format!(
        r#"<div class="sidebar"><div class="post-date">28. Januar 2022</div><p>{story}{story}</p></div>
        <div class="page-wrapper blog-sidebar-position-right"><h1>Budget plan</h1><p>{}</p>
        <div class="post-date">2. Februar 2022</div></div>"#,
        story.repeat(4)
    );
    assert_eq!(day(&page("", &wrapped)).as_deref(), Some("2022-02-02"));
    // A real sidebar's dates are other stories'.
    let side = r#"<div class="sidebar"><div class="post-date">28. Januar 2022</div></div>
        <h1>Budget plan</h1><div class="post-date">2. Februar 2022</div>"#;
    assert_eq!(day(&page("", side)).as_deref(), Some("2022-02-02"));
}

#[test]
fn visible_dates_and_bylines() {
    let m = page(
        "",
        r#"<div class="post-meta"><span class="entry-date">March 11, 2020</span></div>"#,
    );
    assert_eq!(day(&m).as_deref(), Some("2020-03-11"));
    let m = page("", "<header><time>11. März 2020</time></header>");
    assert_eq!(day(&m).as_deref(), Some("2020-03-11"));
    let m = page("", r#"<span itemprop="datePublished">3 févr. 2021</span>"#);
    assert_eq!(day(&m).as_deref(), Some("2021-02-03"));
    let m = page("", "<p>Veröffentlicht am 4. Mai 2022 um 10:00</p>");
    assert_eq!(day(&m).as_deref(), Some("2022-05-04"));
    let m = page("", r#"<div class="autor">von Lena Brandt</div>"#);
    assert_eq!(m.byline, vec!["Lena Brandt"]);
    let m = page(
        "",
        r#"<div class="byline">par Jean Morel le 7 mai 2020</div>"#,
    );
    assert_eq!(m.byline, vec!["Jean Morel"]);
    let m = page(
        "",
        "<p>Pictures of the day.<br><b>Text:</b> Lena Brandt<br>Photos: Ola Berg</p>",
    );
    assert_eq!(m.byline, vec!["Lena Brandt"]);
    let m = page(
        "",
        r#"<div class="author">Author: <a href="/u/5">Quill2</a> am 2.3.2011</div>"#,
    );
    assert_eq!(m.byline, vec!["Quill2"]);
    let m = page("", "<p><em>par Jean Morel</em></p>");
    assert_eq!(m.byline, vec!["Jean Morel"]);
    assert_eq!(m.origin.byline, Some("labelled byline in text"));
}

#[test]
fn more_meta_names_and_formats() {
    let m = page(
        r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ana Silva">
           <meta name="bt:pubDate" content="20231102">"#,
        "",
    );
    assert_eq!(m.byline, vec!["Ana Silva"]);
    assert_eq!(day(&m).as_deref(), Some("2023-11-02"));
    let m = page(
        r#"<meta name="pubdate" content="20200316T08:00:00-05:00">"#,
        "",
    );
    assert_eq!(day(&m).as_deref(), Some("2020-03-16"));
    let m = page(
        r#"<meta name="dc.date" content="2018-04-05"><meta name="dc.creator" content="Eva Lund">"#,
        "",
    );
    assert_eq!(
        (day(&m).as_deref(), m.byline),
        (Some("2018-04-05"), vec!["Eva Lund".to_string()])
    );
    let m = page(
        r#"<link rel="canonical" href="https://example.org/2019/06/20/story/">"#,
        "",
    );
    assert_eq!(day(&m).as_deref(), Some("2019-06-20"));
    assert_eq!(m.origin.published, Some("date in url"));
}

#[test]
fn the_day_as_the_page_means_it() {
    let m = page(
        r#"<meta property="article:published_time" content="2023-11-09T03:28:35Z">"#,
        "",
    );
    assert_eq!(day(&m).as_deref(), Some("2023-11-09"));
    let m = page(
        &(ld(r#"{"@type":"NewsArticle","datePublished":"2023-11-09T03:28:35Z"}"#)
            + r#"<meta property="article:published_time" content="2023-11-08T22:28:35-05:00">"#),
        "",
    );
    assert_eq!(day(&m).as_deref(), Some("2023-11-08"));
    let m = page(
        &(ld(
            r#"{"@type":"NewsArticle","dateModified":"2022-02-02","datePublished":"2021-01-05"}"#,
        ) + r#"<meta property="article:modified_time" content="2022-02-02">"#),
        "",
    );
    assert_eq!(day(&m).as_deref(), Some("2021-01-05"));
    let m = page(
        r#"<meta property="article:modified_time" content="2022-02-02">"#,
        "",
    );
    assert_eq!(m.origin.published, Some("modified date"));
}

#[test]
fn the_line_under_the_headline() {
    // The headline is the <h1> the title names, not the logo's; its date line is read whatever
    // the script of the text after it; a date in a menu by it is another page's.
    let story = "<p>Die Fähre über den Fjord fährt nach Überprüfung der Fährbrücke wieder, \
        teilte die Gemeinde mit; Änderungen im Fahrplan gibt es für Pendlerinnen und Pendler \
        nicht, schreibt die Gemeinde, und die Fährleute freuen sich über die Rückkehr.</p>";
    let html = format!(
        "<html><head><title>Fähre über den Fjord fährt wieder | Kurier</title></head><body>\
         <h1>Kurier</h1><p>Montag, 3. März 2019</p>\
         <article><nav><a href='/a'>Ältere Beiträge: 3. März 2019</a></nav>\
         <h1>Fähre über den Fjord fährt wieder</h1><nav><a href='/b'>Archiv: 4. März 2019</a></nav>\
         <p>Foto: Ölund</p><span>Datum:</span> <span>18.10.2021</span>{story}{story}</article></body></html>"
    );
    let m = extract_article(&html).meta;
    assert_eq!(day(&m).as_deref(), Some("2021-10-18"));
    assert_eq!(m.origin.published, Some("date by the headline"));
    // A date in the story's first sentence right under the headline is about something else.
    let html = "<html><head><title>Ferry runs again across the fjord</title>\
        <link rel='canonical' href='https://example.org/2021/10/18/ferry'></head><body>\
        <h1>Ferry runs again across the fjord</h1><p>The ferry that was stopped for repairs on \
        12 May 2020 after an inspection of its ramp runs again, the town said.</p><p>Commuters \
        will find the timetable unchanged, officials told reporters on Monday.</p></body></html>";
    let m = extract_article(html).meta;
    assert_eq!(day(&m).as_deref(), Some("2021-10-18"));
}

#[test]
fn a_utc_stamp_and_the_same_moment_on_the_pages_own_clock() {
    let head = ld(r#"{"@type":"NewsArticle","datePublished":"2021-04-06T01:15:30Z"}"#);
    let html = |line: &str| {
        format!(
            "<html><head><title>Ferry runs again across the fjord</title>{head}</head><body>\
             <h1>Ferry runs again across the fjord</h1><h2>The town says the timetable stays \
             as it was before the repairs</h2><p>Por Ana Ruiz</p>{line}<p>The ferry that was \
             stopped for repairs runs again, the town said, and commuters will find the \
             timetable unchanged.</p></body></html>"
        )
    };
    let m = extract_article(&html("<span>5/4/2021 21:15</span>")).meta;
    assert_eq!(day(&m).as_deref(), Some("2021-04-05"));
    assert_eq!(
        m.origin.published,
        Some("date by the headline (same moment)")
    );
    let m = extract_article(&html("<span>5/4/2021 20:40</span>")).meta;
    assert_eq!(day(&m).as_deref(), Some("2021-04-06"));
    let script = r#"<script>var page = {"created": "2021-04-05T21:15:30-04:00"};</script>"#;
    let m = extract_article(&html(script)).meta;
    assert_eq!(day(&m).as_deref(), Some("2021-04-05"));
    assert_eq!(
        m.origin.published,
        Some("stamp with its offset (same moment)")
    );
}

#[test]
fn the_day_shown_under_the_headline_when_the_pages_data_agrees() {
    let head = ld(
        r#"{"@type":"Article","datePublished":"2019-03-02T08:00:00+01:00",
        "dateModified":"2022-06-14T09:30:00+02:00"}"#,
    );
    let html = |line: &str| {
        format!(
            "<html><head><title>How to plant a pear tree</title>{head}</head><body>\
             <h1>How to plant a pear tree</h1><p>Von Ilse Brandt</p>{line}<p>Pear trees want \
             sun and room, and a gardener who waters them in the first dry summer, the \
             nursery said.</p></body></html>"
        )
    };
    // The page shows a later day, unlabelled, and its data has that day: it is re-dated.
    let m = extract_article(&html("<span>14.06.2022</span>")).meta;
    assert_eq!(day(&m).as_deref(), Some("2022-06-14"));
    assert_eq!(
        m.origin.published,
        Some("date by the headline (the page's data agrees)")
    );
    // Labelled as a revision, even in an element of its own: the published day stays.
    let m = extract_article(&html("<span>Aktualisiert:</span> <span>14.06.2022</span>")).meta;
    assert_eq!(day(&m).as_deref(), Some("2019-03-02"));
    // A day the page's data does not have (today's date in the page header) changes nothing.
    let m = extract_article(&html("<span>15.06.2022</span>")).meta;
    assert_eq!(day(&m).as_deref(), Some("2019-03-02"));
    assert_eq!(m.origin.published, Some("json-ld datePublished"));
}

#[test]
fn a_time_elements_labelled_text_beats_its_attribute() {
    let m = page(
        "",
        r#"<time datetime="2019-07-03T10:18:46Z">Mis en ligne le 29 juin 2019</time>"#,
    );
    assert_eq!(day(&m).as_deref(), Some("2019-07-03"));
    let m = page(
        "",
        r#"<time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>"#,
    );
    assert_eq!(day(&m).as_deref(), Some("2019-06-29"));
    assert_eq!(m.origin.published, Some("time element"));
}

#[test]
fn names_as_people_write_them() {
    let names = |a: &str| page(&format!(r#"<meta name="author" content="{a}">"#), "").byline;
    assert_eq!(names("Quill"), vec!["Quill"]);
    assert_eq!(names("LORNE COOK"), vec!["Lorne Cook"]);
    for no in [
        "dpa/lno",
        "Staff",
        "Redaktion",
        "jane@example.org",
        "https://example.org/me",
    ] {
        assert!(names(no).is_empty(), "{no}");
    }
    assert_eq!(
        names("Anna Berg und Jonas Falk"),
        vec!["Anna Berg", "Jonas Falk"]
    );
    assert_eq!(
        names("Luc Blanc et Marie Roux"),
        vec!["Luc Blanc", "Marie Roux"]
    );
    assert_eq!(
        names("Ann Lee & Bo Kim, Cy Wu"),
        vec!["Ann Lee", "Bo Kim", "Cy Wu"]
    );
}

#[test]
fn the_sites_own_name_is_no_byline() {
    // An author tag that repeats the copyright or publisher tag names the site's owner.
    for owner in [
        r#"<meta name="copyright" content="(C) 2020 by Nordwind Weine und Tove Lund">"#,
        r#"<meta name="publisher" content="Tove Lund">"#,
    ] {
        let m = page(
            &format!(r#"<meta name="author" content="Tove Lund">{owner}"#),
            "",
        );
        assert!(m.byline.is_empty(), "{owner}: {:?}", m.byline);
    }
    // ... and the next source is read instead.
    let m = page(
        r#"<meta name="author" content="Tove Lund"><meta name="copyright" content="Tove Lund">"#,
        r#"<a rel="author" href="/a/jd">Jane Doe</a>"#,
    );
    assert_eq!(m.byline, vec!["Jane Doe"]);
    // A copyright holder whose name merely starts like the author's is someone else.
    let m = page(
        r#"<meta name="author" content="Ann Berg"><meta name="copyright" content="Annberg Verlag">"#,
        "",
    );
    assert_eq!(m.byline, vec!["Ann Berg"]);
    // A name that is the site's domain name is the site.
    let m = page(
        r#"<meta property="og:url" content="https://www.quillscout24.de/kredit/auto">
           <meta name="author" content="QuillScout24">"#,
        "",
    );
    assert!(m.byline.is_empty(), "{:?}", m.byline);
    let m = page(
        r#"<link rel="canonical" href="https://tove-lund.example.org/2020/post">
           <meta name="author" content="Tove">"#,
        "",
    );
    assert_eq!(m.byline, vec!["Tove"]);
}

#[test]
fn names_in_site_widgets_and_other_stories_are_no_byline() {
    // A sidebar widget of a blog titled "Author", linking to the about page.
    let widget = r#"<ul><li id="pages-2" class="widget widget_pages"><h2 class="widgettitle">Autor</h2>
        <ul><li class="page_item"><a href="/about/">Nora Vance</a></li></ul></li></ul>"#;
    assert!(page("", widget).byline.is_empty());
    let in_widget = r#"<div class="widget_text"><p>By Nora Vance</p></div>"#;
    assert!(page("", in_widget).byline.is_empty());
    // The byline of a teaser of another story.
    let teaser = r#"<ul><li><a href="/other" class="mode-teaser article-teaser">
        <h3>Another story</h3><span class="author"><span>Ralf Ostberg</span></span></a></li></ul>"#;
    assert!(page("", teaser).byline.is_empty());
    let related =
        r#"<section class="related-posts"><div class="byline">Ralf Ostberg</div></section>"#;
    assert!(page("", related).byline.is_empty());
    // A teaser class on the byline itself is the page's own header.
    let own = r#"<div class="header"><span class="teaser-cat">von Ralf Ostberg</span></div>"#;
    assert_eq!(page("", own).byline, vec!["Ralf Ostberg"]);
    let own = r#"<div class="correlated"><span class="byline">Ralf Ostberg</span></div>"#;
    assert_eq!(page("", own).byline, vec!["Ralf Ostberg"]);
}

#[test]
fn the_first_link_of_a_byline_box_not_of_a_whole_article() {
    let boxed = r#"<div class="author-box"><a href="/team/ines">Ines Marlow</a>
        <span title="Ines writes on the city council">12 articles</span></div>"#;
    assert_eq!(page("", boxed).byline, vec!["Ines Marlow"]);
    // A container named for its author's articles: the first link is a person in the story.
    let story = "The council said on Tuesday that the plan moves ahead and that residents \
        should expect hearings in the spring, while the opposition asked for more time. ";
    let whole = format!(
        r#"<div class="author-article"><h1>Budget plan</h1><p>{}</p>
        <div class="bottom-info"><h4>People</h4><p><a href="/p/1">Ines Marlow</a></p></div></div>"#,
        story.repeat(4)
    );
    assert!(page("", &whole).byline.is_empty());
}

#[test]
fn a_bad_page_never_panics() {
    for html in [
        "<html><head><script type=\"application/ld+json\">{\"@graph\": [{\"author\": {\"@id\": \"x\"}}, ",
        "<html><body><time datetime=\"9999-99-99\">99.99.9999</time><span class=\"date\">",
        "<meta name=\"pubdate\" content=\"20201399T25:61:00Z\"><div class=\"byline\">von</div>",
    ] {
        let m = extract_article(html).meta;
        assert_eq!(m.published, None);
    }
}

#[test]
fn a_one_word_author_is_completed_by_the_persons_own_description() {
    let person = |description: &str| {
        let graph = format!(
            r##"{{"@graph":[{{"@type":"BlogPosting","author":{{"@id":"#p"}}}},
            {{"@type":"Person","@id":"#p","name":"Tove","description":"{description}"}}]}}"##
        );
        page(&ld(&graph), "").byline
    };
    assert_eq!(
        person("Tove Lindqvist schreibt seit 2010 über Gärten."),
        ["Tove Lindqvist"]
    );
    assert_eq!(
        person("Tove Lindqvist - Gärtnerin und Autorin"),
        ["Tove Lindqvist"]
    );
    // A description that does not open with a surname leaves the name as it is.
    assert_eq!(person("Tove schreibt über Gärten."), ["Tove"]);
    assert_eq!(person("Seit 2010 schreibt Tove Lindqvist."), ["Tove"]);
    assert_eq!(person("Tove Gärten Pflanzen Bäume Sträucher"), ["Tove"]);
}
