//! Tests of mention classes, name rules and resolution.

use super::names::name_key;
use super::*;
use crate::attribution::tokens::{tokenize, Token};

fn np(t: &str) -> Option<Mention> {
    let toks = tokenize(t, 0..t.len(), &[]);
    classify(t, &toks, None)
}

#[test]
fn titled_names_split_into_name_and_title() {
    assert_eq!(
        np("NATO Secretary General Jens Stoltenberg"),
        Some(Mention::Name {
            name: "Jens Stoltenberg".into(),
            title: Some("NATO Secretary General".into())
        })
    );
    assert_eq!(
        np("Deputy Chief of the Cabinet of the Prime Minister of Ukraine Igor Zhovkva"),
        Some(Mention::Name {
            name: "Igor Zhovkva".into(),
            title: Some("Deputy Chief of the Cabinet of the Prime Minister of Ukraine".into())
        })
    );
    assert_eq!(
        np("US envoy to NATO Julianne Smith"),
        Some(Mention::Name {
            name: "Julianne Smith".into(),
            title: Some("US envoy to NATO".into())
        })
    );
    assert_eq!(
        np("Councillor Bram Oduya"),
        Some(Mention::Name {
            name: "Bram Oduya".into(),
            title: Some("Councillor".into())
        })
    );
}

#[test]
fn pronouns_orgs_nominals_and_relations() {
    assert_eq!(np("he"), Some(Mention::Pronoun("he".into())));
    assert_eq!(
        np("the Kremlin"),
        Some(Mention::Organization("the Kremlin".into()))
    );
    assert_eq!(
        np("the Alliance"),
        Some(Mention::Organization("NATO".into()))
    );
    assert_eq!(
        np("The Ukrainian leader"),
        Some(Mention::Nominal("the ukrainian leader".into()))
    );
    let name = |n: &str| {
        Box::new(Mention::Name {
            name: n.into(),
            title: None,
        })
    };
    assert_eq!(
        np("Sybiga's letter"),
        Some(Mention::Related {
            owner: name("Sybiga"),
            noun: "letter".into()
        })
    );
    let zelensky = Box::new(Mention::Name {
        name: "Volodymyr Zelensky".into(),
        title: Some("Ukrainian leader".into()),
    });
    assert_eq!(
        np("The team of Ukrainian leader Volodymyr Zelensky"),
        Some(Mention::Related {
            owner: zelensky,
            noun: "team".into()
        })
    );
    assert_eq!(
        np("The head of state's team"),
        Some(Mention::Related {
            owner: Box::new(Mention::Nominal("the head of state".into())),
            noun: "team".into()
        })
    );
    assert_eq!(
        np("the deputy head of Vladimir Zelensky's office"),
        Some(Mention::Nominal(
            "the deputy head of vladimir zelensky's office".into()
        ))
    );
    assert_eq!(np("The publication"), Some(Mention::Media));
}

#[test]
fn plural_phrases_refer_back_to_speakers_named_together() {
    for phrase in [
        "Both leaders",
        "the two foreign ministers",
        "The pair",
        "all three presidents",
    ] {
        assert!(
            matches!(np(phrase), Some(Mention::Group { .. })),
            "{phrase}"
        );
    }
    assert_eq!(
        np("the three ministers"),
        Some(Mention::Group { size: Some(3) })
    );
    // A plural role with no opener is an unnamed group; "both" alone is a pair.
    assert_eq!(np("the leaders"), None);
    assert_eq!(np("both"), Some(Mention::Group { size: Some(2) }));
}

#[test]
fn spelling_variants_share_a_key() {
    let k = name_key("Zelensky");
    for v in ["Zelenskiy", "Zelenskyy", "Zelenskyi"] {
        assert_eq!(name_key(v), k);
    }
    assert_eq!(name_key("Sybiga"), name_key("Sybiha"));
}

#[test]
fn ascii_name_keys_are_the_char_by_char_ones() {
    for w in [
        "",
        "Zelenskyy",
        "ZELENSKIY",
        "Zelenskyi",
        "Sybiha",
        "O'Neil",
        "Kuleba-Yi",
        "Shchyhal",
        "Khachatryan",
        "Zhong",
        "Stoltenberg",
        "Rutte",
        "Ii",
        "ei",
        "hhh",
        "KHG",
        "A.B.",
        "x2",
        "Berezhnaya",
        "Schultz",
        "Tsakhkadzor",
        "--",
        "Mc Ghee",
    ] {
        assert_eq!(
            super::names::ascii_name_key(w),
            super::names::any_name_key(w),
            "{w}"
        );
    }
}

/// The registry of a short text.
fn registry_of(t: &str) -> Registry {
    let doc = crate::document::Document::from_text(t);
    let blocks = crate::strip::classify(&doc);
    let paras = crate::sentences::paragraphs(t, &blocks);
    let toks: Vec<Vec<Vec<Token>>> = paras
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .map(|s| tokenize(t, s.clone(), &p.quotes))
                .collect()
        })
        .collect();
    Registry::build(t, &paras, &toks, &[])
}

#[test]
fn a_bare_institution_noun_refers_back_to_the_last_named_one() {
    assert_eq!(
        np("the ministry"),
        Some(Mention::OrgAnaphor("ministry".into()))
    );
    let t = "Officials of the Ministry of Defence met on Monday. The Estonian government was not told. \
             Later the ministry spoke.";
    let reg = registry_of(t);
    let at = t.find("Later").unwrap();
    let ministry = reg.resolve(&Mention::OrgAnaphor("ministry".into()), at, &[]);
    assert_eq!(ministry.unwrap().name, "the Ministry of Defence");
    let government = reg.resolve(&Mention::OrgAnaphor("government".into()), at, &[]);
    assert_eq!(government.unwrap().name, "the Estonian government");
    // Nothing of that kind named before: no speaker.
    assert!(reg
        .resolve(&Mention::OrgAnaphor("embassy".into()), at, &[])
        .is_none());
}

#[test]
fn registry_resolves_surname_and_nominal() {
    let t = "NATO Secretary General Jens Stoltenberg arrived in the city on a visit. Later that day Stoltenberg spoke to the press.";
    let reg = registry_of(t);
    let r = reg
        .resolve(
            &Mention::Name {
                name: "Stoltenberg".into(),
                title: None,
            },
            60,
            &[],
        )
        .unwrap();
    assert_eq!(r.name, "Jens Stoltenberg");
    assert_eq!(r.title.as_deref(), Some("NATO Secretary General"));
    let n = reg
        .resolve(&Mention::Nominal("the secretary-general".into()), 60, &[])
        .unwrap();
    assert_eq!(n.name, "Jens Stoltenberg");
}

#[test]
fn name_particles_join_a_name_and_may_lead_a_surname() {
    let run = |t: &str, i: usize| {
        let toks = tokenize(t, 0..t.len(), &[]);
        let r = super::names::name_run(&toks, i);
        super::names::join(t, &toks[r])
    };
    assert_eq!(
        run("Ursula von der Leyen said so", 0),
        "Ursula von der Leyen"
    );
    assert_eq!(run("then von der Leyen said so", 1), "von der Leyen");
    // A particle with no name after it is a plain word.
    assert_eq!(run("Mark de la said so", 0), "Mark");
}

#[test]
fn tabloid_capitals_in_a_name_are_written_as_the_rest() {
    use super::mention::tabloid_case;
    assert_eq!(
        tabloid_case(&["VOLODYMYR", "Zelensky"]),
        "Volodymyr Zelensky"
    );
    assert_eq!(tabloid_case(&["Boris", "JOHNSON"]), "Boris Johnson");
    // An initialism, and a name written all in capitals, stay as they are.
    assert_eq!(tabloid_case(&["JFK", "Airport"]), "JFK Airport");
    assert_eq!(tabloid_case(&["MARK", "RUTTE"]), "MARK RUTTE");
}

#[test]
fn described_institutions_are_organisations() {
    for (phrase, org) in [
        ("The health ministry", "the health ministry"),
        ("The Polish energy ministry", "the Polish energy ministry"),
    ] {
        assert_eq!(
            np(phrase),
            Some(Mention::Organization(org.into())),
            "{phrase}"
        );
    }
    // A bare head points back to an institution named before; it names none itself.
    assert_eq!(
        np("The ministry"),
        Some(Mention::OrgAnaphor("ministry".into()))
    );
}

#[test]
fn a_nationality_noun_is_no_name() {
    for phrase in ["the Spaniard", "the Briton", "the Dutchman"] {
        assert!(
            !matches!(np(phrase), Some(Mention::Name { .. })),
            "{phrase}: {:?}",
            np(phrase)
        );
    }
}

#[test]
fn a_name_from_the_body_wins_over_a_headline_run() {
    // A title-case headline run takes in its verb ("Backs Lonn"); the body's full name is the
    // person a later surname means.
    let headline = "Senate Backs Lonn";
    let t = format!("{headline}\n\nFormer minister Marek Lonn returned. Later Lonn spoke.");
    let doc = crate::document::Document::from_text(&t);
    let blocks = crate::strip::classify(&doc);
    let paras = crate::sentences::paragraphs(&t, &blocks);
    let toks: Vec<Vec<Vec<Token>>> = paras
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .map(|s| tokenize(&t, s.clone(), &p.quotes))
                .collect()
        })
        .collect();
    let headline_range = std::ops::Range {
        start: 0,
        end: headline.len(),
    };
    let reg = Registry::build(&t, &paras, &toks, std::slice::from_ref(&headline_range));
    let surname = Mention::Name {
        name: "Lonn".into(),
        title: None,
    };
    let r = reg.resolve(&surname, t.find("Later").unwrap(), &[]);
    assert_eq!(r.unwrap().name, "Marek Lonn");
}

#[test]
fn a_surname_that_is_a_country_stays_a_name() {
    assert!(matches!(
        np("Portuguese Prime Minister Luis Montenegro"),
        Some(Mention::Name { ref name, .. }) if name == "Luis Montenegro"
    ));
    assert!(matches!(np("Montenegro"), Some(Mention::Organization(_))));
}

#[test]
fn a_sentence_opener_is_not_a_first_name() {
    for phrase in ["Afterward Jens Stoltenberg", "Neither Jens Stoltenberg"] {
        assert!(
            matches!(np(phrase), Some(Mention::Name { ref name, .. }) if name == "Jens Stoltenberg"),
            "{phrase}"
        );
    }
}
