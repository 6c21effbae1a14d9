//! Attribution: find reporting cues in body sentences, the speaker each belongs to, and the
//! content (quotation or reported clause) it introduces.
//!
//! Patterns, all driven by the cue lexicon:
//! `"Q," X said` · `"Q," said X` · `X said (that) CLAUSE` · `CLAUSE, X said` · `X said: "Q"` ·
//! `According to X, CLAUSE` · `CLAUSE, according to X` · `This was stated by X` ·
//! `..., adding that CLAUSE` · `X told Y that ...` · `X called on Y to ...` · multi-paragraph
//! quotations · a bare quotation continuing the previous speaker's quote.

mod build;
/// Whether a paragraph is an interviewer's question (see [`build::asks_question`]).
pub(crate) use build::asks_question;
mod clause;
mod continuation;
pub mod cues;
mod find;
mod frame;
mod quoting;
pub mod speakers;
mod state;
mod subject;
pub mod tokens;

use crate::claim::Mode;
use crate::sentences::Paragraph;
use speakers::{Registry, Resolved};
use state::State;
use std::ops::Range;
use tokens::{tokenize, Token};

/// One attribution: who, by which cue, said what, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The resolved speaker.
    pub speaker: Resolved,
    /// The speaker as written at the cue.
    pub mention: String,
    /// The cue as written; `None` for a continuation quotation.
    pub cue: Option<String>,
    /// Content fragments (byte ranges), in order.
    pub content: Vec<Range<usize>>,
    /// Direct, indirect or mixed.
    pub mode: Mode,
    /// The sentence(s) the claim was read from.
    pub evidence: Range<usize>,
    /// Index of the paragraph of the cue.
    pub paragraph: usize,
    /// Where the statement's time may be written: the attribution frame, outside the content.
    pub frame: Vec<Range<usize>>,
    /// "has said", "had said": a statement with no particular occasion.
    pub perfect: bool,
    /// "says", "states": present tense, no particular occasion.
    pub present: bool,
}

/// The attributions of an article, and where it names its people.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// Attributions in text order.
    pub attributions: Vec<Attribution>,
    /// Every mention of a person as (byte offset, full name), in text order.
    pub people: Vec<(usize, String)>,
}

/// Attribute every body sentence of the article. `extra` are headline and caption ranges:
/// they name people (full names, titles) but never yield claims.
pub fn attribute(text: &str, paragraphs: &[Paragraph], extra: &[Range<usize>]) -> Attributed {
    // Every sentence is tokenized once; the registry and the patterns share the tokens.
    let tokens: Vec<Vec<Vec<Token>>> = paragraphs
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .map(|s| tokenize(text, s.clone(), &p.quotes))
                .collect()
        })
        .collect();
    let registry = Registry::build(text, paragraphs, &tokens, extra);
    let mut state = State {
        text,
        registry: &registry,
        tokens: &tokens,
        recent: Vec::new(),
        out: Vec::new(),
        group: None,
        interviewee: None,
    };
    for (pi, p) in paragraphs.iter().enumerate() {
        for (si, s) in p.sentences.iter().enumerate() {
            state.sentence(paragraphs, pi, si, s.clone());
        }
    }
    Attributed {
        attributions: state.out,
        people: registry.mentions(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    /// (speaker, content joined with " ... ", mode) for every attribution of `text`.
    fn attributions(text: &str) -> Vec<(String, String, Mode)> {
        let doc = Document::from_text(text);
        let blocks = crate::strip::classify(&doc);
        let paras = crate::sentences::paragraphs(text, &blocks);
        attribute(text, &paras, &[])
            .attributions
            .into_iter()
            .map(|a| {
                let q: Vec<&str> = a.content.iter().map(|r| &text[r.clone()]).collect();
                (a.speaker.name, q.join(" ... "), a.mode)
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, Mode) {
        let all = attributions(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn a_transcript_turn_under_a_label_in_capitals_is_one_quotation() {
        let (speaker, quote, mode) = one(
            "ILSE BERG, Mayor of Bergen: The tram line will open in May. We have the money. Nobody should doubt that.\n",
        );
        assert_eq!(speaker, "Ilse Berg");
        assert_eq!(
            quote,
            "The tram line will open in May. We have the money. Nobody should doubt that"
        );
        assert_eq!(mode, Mode::Direct);
        // The turn ends before narration with a cue of its own, and before the next label.
        let all = attributions(
            "ILSE BERG: The tram line will open in May. We have the money. Per Moe told reporters that the money was short. OLE DAHL, Council Leader: The line will wait.\n",
        );
        let quotes: Vec<&str> = all.iter().map(|(_, q, _)| q.as_str()).collect();
        assert_eq!(
            quotes,
            [
                "The tram line will open in May. We have the money",
                "the money was short",
                "The line will wait"
            ]
        );
    }

    #[test]
    fn a_compound_headed_by_a_title_opens_an_apposition_before_a_relative_clause() {
        let (speaker, quote, _) = one(
            "Ilse Berg, co-leader of the Harbour Party, whose members voted against, said the levy was unfair.\n",
        );
        assert_eq!(speaker, "Ilse Berg");
        assert_eq!(quote, "the levy was unfair");
    }

    #[test]
    fn a_pronoun_with_its_verb_attached_is_no_part_of_the_name_it_introduces() {
        let (speaker, quote, _) = one(
            "Hello and welcome. I'm Hanna Lund, and this is the harbour podcast.\n\nLund said the bridge would be built by 2027.\n",
        );
        assert_eq!(speaker, "Hanna Lund");
        assert_eq!(quote, "the bridge would be built by 2027");
    }

    #[test]
    fn a_coordinated_cue_takes_its_auxiliary_out_of_the_content_before_it() {
        let all = attributions(
            "Oleh Marchenko has said Kyiv must stay neutral and has accused the alliance of provoking Moscow.\n",
        );
        let quotes: Vec<&str> = all.iter().map(|(_, q, _)| q.as_str()).collect();
        assert_eq!(
            quotes,
            ["Kyiv must stay neutral", "the alliance of provoking Moscow"]
        );
    }

    #[test]
    fn an_and_between_the_parts_of_one_title_keeps_one_speaker_and_the_whole_title() {
        for (text, title) in [
            (
                "Minister for Energy and Environment Halyna Marchuk said the grid could meet NATO norms.\n",
                "Minister for Energy and Environment",
            ),
            (
                "Vice Prime Minister for European and Euro-Atlantic Integration Irma Dovhalenko said Kyiv was ready.\n",
                "Vice Prime Minister for European and Euro-Atlantic Integration",
            ),
        ] {
            let doc = Document::from_text(text);
            let blocks = crate::strip::classify(&doc);
            let paras = crate::sentences::paragraphs(text, &blocks);
            let found = attribute(text, &paras, &[]).attributions;
            let speakers: Vec<(&str, Option<&str>)> = found
                .iter()
                .map(|a| (a.speaker.name.as_str(), a.speaker.title.as_deref()))
                .collect();
            let expected_name = if title.starts_with("Minister") {
                "Halyna Marchuk"
            } else {
                "Irma Dovhalenko"
            };
            assert_eq!(speakers, [(expected_name, Some(title))], "{text}");
        }
    }

    #[test]
    fn a_persons_title_after_an_and_begins_a_second_speaker() {
        let all = attributions(
            "The Ministry of Defence and Foreign Minister Petro Lysko said the plan was ready.\n",
        );
        let speakers: Vec<&str> = all.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(speakers, ["the Ministry of Defence", "Petro Lysko"]);
    }

    #[test]
    fn a_long_phrase_before_that_is_skipped_when_it_holds_no_verb() {
        let (who, q, _) = one("Andrej Kovac repeated at a joint news conference with his Polish counterpart Tomasz Wrona that Slovakia would not back Ukraine's entry.\n");
        assert_eq!(
            (who.as_str(), q.as_str()),
            ("Andrej Kovac", "Slovakia would not back Ukraine's entry")
        );
        // A phrase that runs on into a clause of its own is not an adjunct of the cue.
        let (_, q, _) = one("Marta Ilves said on Friday she met the envoy of Latvia earlier this week and that the two talked about the summit.\n");
        assert!(q.starts_with("she met the envoy"), "{q}");
    }

    #[test]
    fn a_relative_that_inside_the_phrase_before_the_content_is_no_opener() {
        let (who, q, _) = one("Senator Ilse Vandemark said at a conference on the treaty that was signed in 1997 that Ukraine would join the alliance.\n");
        assert_eq!(
            (who.as_str(), q.as_str()),
            ("Ilse Vandemark", "Ukraine would join the alliance")
        );
        let (_, q, _) = one("Minister Halvard Stene said at the forum that opened on Monday that the bid had wide support.\n");
        assert_eq!(q, "the bid had wide support");
    }

    #[test]
    fn the_narrators_comment_after_the_reported_words_is_not_content() {
        let cases = [
            // a participle after a quotation closed on its comma
            (
                "Pavel Dusek said on Monday that the bid was \"going nowhere,\" dealing another setback to Kyiv.\n",
                "the bid was \"going nowhere,\"",
            ),
            // the occasion of a noun-phrase report
            (
                "Lena Sorvik ruled out membership for Georgia as part of any negotiated deal when she addressed the ministers in Oslo.\n",
                "membership for Georgia as part of any negotiated deal",
            ),
            // the narrator's summing up in an apposition
            (
                "Ilse Brandt wrote that the summit would bring \"no surprises\" for Kyiv, a message that calmed the markets.\n",
                "the summit would bring \"no surprises\" for Kyiv",
            ),
        ];
        for (text, quote) in cases {
            let (_, q, _) = one(text);
            assert_eq!(q, quote, "{text}");
        }
        // What a signal or warning says is the speaker's content, not a comment on it.
        let (_, q, _) = one("Marek Dvorak said troops had massed at the border, a signal that Moscow feared the summit.\n");
        assert_eq!(
            q,
            "troops had massed at the border, a signal that Moscow feared the summit"
        );
        // A "when" clause after content with a verb of its own stays content.
        let (_, q, _) =
            one("Ivo Marek said the envoy caused a stir when he addressed the crowd.\n");
        assert_eq!(q, "the envoy caused a stir when he addressed the crowd");
    }

    #[test]
    fn an_occasion_before_a_reported_clause_stays_content() {
        // With nothing after it, the occasion dates the report ("rejected the offer when he
        // met reporters"), even after a noun for something said.
        let (who, q, _) = one(
            "Minister Halvard Stene rejected the Kremlin's offer when he met reporters in Kyiv.\n",
        );
        assert_eq!(
            (who.as_str(), q.as_str()),
            ("Halvard Stene", "the Kremlin's offer")
        );
        // A reported clause with its own subject follows the occasion: the content goes on.
        let (_, q, _) = one("Senator Ilse Vandemark recalled the minister's pledge when he visited Riga in 2019 that Ukraine would join the alliance.\n");
        assert_eq!(
            q,
            "the minister's pledge when he visited Riga in 2019 that Ukraine would join the alliance"
        );
    }

    #[test]
    fn admitting_a_country_into_a_body_is_no_statement() {
        let (who, q, _) =
            one("Karl Moe said Oslo would gain nothing by admitting Georgia to the alliance.\n");
        assert_eq!(
            (who.as_str(), q.as_str()),
            (
                "Karl Moe",
                "Oslo would gain nothing by admitting Georgia to the alliance"
            )
        );
        let (_, q, _) = one("Karl Moe admitted the plan had failed.\n");
        assert_eq!(q, "the plan had failed");
        let (_, q, _) =
            one("Karl Moe admitted in an interview to the BBC that the plan had failed.\n");
        assert_eq!(q, "the plan had failed");
    }

    #[test]
    fn a_possessed_speech_noun_that_is_a_clause_subject_is_no_cue() {
        let (who, q, _) = one("Aino Rask told reporters on Thursday that Laas's comments showed Oslo now \"understands\" the risk.\n");
        assert_eq!(
            (who.as_str(), q.as_str()),
            (
                "Aino Rask",
                "Laas's comments showed Oslo now \"understands\" the risk"
            )
        );
    }

    #[test]
    fn quote_then_speaker_and_speaker_after_cue() {
        let (who, q, mode) = one("“Give us a date for the first step,” said Igor Zhovkva, the deputy head of the office.\n");
        assert_eq!(
            (who.as_str(), q.as_str(), mode),
            (
                "Igor Zhovkva",
                "Give us a date for the first step",
                Mode::Direct
            )
        );
        let (who, _, _) =
            one("\"The door is open,\" NATO Secretary General Jens Stoltenberg said on Friday.\n");
        assert_eq!(who, "Jens Stoltenberg");
    }

    #[test]
    fn reported_clause_before_and_after_the_cue() {
        let (who, q, mode) = one("Kyiv could enter the alliance once the fighting stops, President Volodymyr Zelensky said on May 3 in Lviv.\n");
        assert_eq!(
            (who.as_str(), q.as_str(), mode),
            (
                "Volodymyr Zelensky",
                "Kyiv could enter the alliance once the fighting stops",
                Mode::Indirect
            )
        );
        let (_, q, _) = one("Foreign Minister Dmytro Kuleba said last week he expected a clear signal from the allies.\n");
        assert_eq!(q, "he expected a clear signal from the allies");
    }

    #[test]
    fn an_opening_according_to_keeps_its_content_after_its_comma() {
        let (who, q, _) = one(
            "According to Mark Rutte, Ukraine's membership, once the war ends, will be irreversible.\n",
        );
        assert_eq!(
            (who.as_str(), q.as_str()),
            (
                "Mark Rutte",
                "Ukraine's membership, once the war ends, will be irreversible"
            )
        );
        let (_, q, _) = one(
            "According to Dmitry Peskov, speaking on Monday, Moscow still wants Ukraine out of NATO.\n",
        );
        assert_eq!(q, "Moscow still wants Ukraine out of NATO");
    }

    #[test]
    fn a_line_of_many_bullets_is_read_without_recursion() {
        let text = format!(
            "{}Tom Hale: Ukraine belongs in NATO.\n",
            "- ".repeat(20_000)
        );
        assert!(attributions(&text).is_empty());
        let (who, _, _) = one(
            "Ministers gave their views on Ukraine's bid to join NATO.\n\n- Estonian Foreign Minister Margus Tsahkna: Ukraine's place in NATO is not up for negotiation.\n",
        );
        assert_eq!(who, "Margus Tsahkna");
    }

    #[test]
    fn according_to_passive_and_adding_that() {
        let (who, q, _) =
            one("According to the minister Dmytro Kuleba, the allies will decide in July.\n");
        assert_eq!(
            (who.as_str(), q.as_str()),
            ("Dmytro Kuleba", "the allies will decide in July")
        );
        let all = attributions("Kyiv wants an invitation at the summit. This was stated by Deputy Foreign Minister Oksana Hrytsenko on June 29.\n");
        assert_eq!(all[0].1, "Kyiv wants an invitation at the summit");
        let all = attributions("Jens Stoltenberg said the allies agreed on a package, adding that more work was ahead for everyone.\n");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[1].1, "more work was ahead for everyone");
    }

    #[test]
    fn appositions_pronouns_and_nominals_resolve_to_full_names() {
        let text = "Andriy Yermak, head of the presidential office, said the alliance must act in Vilnius this year.\n\n\
                    He added that the decision should be taken by all allies together.\n\n\
                    NATO Secretary General Jens Stoltenberg arrived in the city on a visit on Monday.\n\n\
                    The secretary-general said that the door remained open for all of them.\n";
        let all = attributions(text);
        let who: Vec<&str> = all.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(
            who,
            vec!["Andriy Yermak", "Andriy Yermak", "Jens Stoltenberg"]
        );
    }

    #[test]
    fn quote_after_a_colon_in_the_next_paragraph() {
        let all = attributions("President Volodymyr Zelensky said on Tuesday:\n\n“We need an invitation to NATO, not another promise.”\n");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            all[0].1,
            "We need an invitation to NATO, not another promise"
        );
        assert_eq!(all[0].2, Mode::Direct);
    }

    #[test]
    fn a_sentence_ending_in_a_comma_after_the_speaker_does_not_panic() {
        let all = attributions(
            "The allies met in Vilnius on Tuesday to discuss the path for Ukraine. \
             Ukraine must be invited to join the alliance this year, said Kuleba,\n",
        );
        assert_eq!(all.len(), 1, "{all:?}");
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let text = "Joe Biden said the allies would decide together at the summit.\n\n\
                    Hunter Biden said he had not followed the talks at all this year.\n";
        let who: Vec<String> = attributions(text).into_iter().map(|a| a.0).collect();
        assert_eq!(who, vec!["Joe Biden", "Hunter Biden"]);
    }

    #[test]
    fn passive_and_embedded_cues_are_not_speakers() {
        let all = attributions("Ukraine had been promised membership at every summit since the year 2008 by the allies.\n");
        assert!(all.is_empty(), "{all:?}");
        let all = attributions("NATO said on Sunday that Mertens had expressed a personal view on the membership question.\n");
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].0, "NATO");
    }
}
