//! Word lists as data: each list is a text file in this folder, compiled once.
//!
//! Every list is one word class ([`Class`]); ask membership with [`is`]. Adding a word is a
//! one-line change to a `.txt` file whose header says what belongs in it. Lists that map a word
//! to something (organizations, nominals, cues with their frames) have their own loaders.
//!
//! An entry that belongs to a second class as well is written once, in its main list, with the
//! other class's flag after it (`share +html`: a UI phrase that is also an HTML interface block),
//! so no word is listed twice.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Non-empty, non-comment lines of a list file, trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// An entry without its flags: `share +html` → `share`.
fn word(entry: &'static str) -> &'static str {
    // Most entries have no flag: a byte search rules that out without a substring searcher.
    if !entry.as_bytes().contains(&b'+') {
        return entry;
    }
    entry.split(" +").next().unwrap_or(entry).trim_end()
}

/// The flags of an entry: `share +html` → `["html"]`.
fn flags(entry: &'static str) -> impl Iterator<Item = &'static str> {
    entry.split(" +").skip(1).map(str::trim)
}

/// A class's words: its own list, the lists it includes (`@file.txt` lines), and the entries
/// of other lists flagged with its flag.
fn set(class: Class) -> HashSet<&'static str> {
    let own = own_words(class).into_iter();
    // Only a class with a flag gathers entries from other lists.
    let flagged = class.flag().into_iter().flat_map(|flag| {
        FLAGGED
            .iter()
            .filter(move |&&(f, _)| f == flag)
            .map(|&(_, w)| w)
    });
    own.chain(flagged).collect()
}

/// Every flagged entry of every list as (flag, word), read in one pass over the lists.
static FLAGGED: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    Class::ALL
        .iter()
        .flat_map(|c| entries(c.data()).filter(|e| e.as_bytes().contains(&b'+')))
        .flat_map(|e| flags(e).map(move |f| (f, word(e))))
        .collect()
});

/// A list's entries, with each `@file.txt` line replaced by that list's entries.
fn own_words(class: Class) -> Vec<&'static str> {
    own_words_within(class, MAX_INCLUDE_DEPTH)
}

/// How deep lists may include lists (a list that includes itself fails at load, not forever).
const MAX_INCLUDE_DEPTH: usize = 4;

/// [`own_words`] with at most `depth` levels of inclusion left.
fn own_words_within(class: Class, depth: usize) -> Vec<&'static str> {
    entries(class.data())
        .flat_map(|e| match word(e).strip_prefix('@') {
            Some(file) => {
                assert!(
                    depth > 0,
                    "lexicon: {file} is included too deeply (a cycle?)"
                );
                own_words_within(Class::of_file(file), depth - 1)
            }
            None => vec![word(e)],
        })
        .collect()
}

/// Declares the word classes: one enum variant and one `.txt` file each.
macro_rules! word_classes {
    ($($(#[$doc:meta])* $class:ident => $file:literal $(+ $flag:literal)?,)*) => {
        /// A word class: one list file under `src/lexicon/`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Class {
            $($(#[$doc])* $class,)*
        }

        impl Class {
            /// Every class, in declaration order.
            pub const ALL: &'static [Class] = &[$(Class::$class,)*];

            /// The list file's text.
            fn data(self) -> &'static str {
                match self {
                    $(Class::$class => include_str!($file),)*
                }
            }

            /// The class whose list is `file` (an `@file.txt` line names it).
            fn of_file(file: &str) -> Class {
                match file {
                    $($file => Class::$class,)*
                    _ => panic!("lexicon: no list named {file}"),
                }
            }

            /// The flag that adds an entry of another list to this class (`+html`).
            fn flag(self) -> Option<&'static str> {
                match self {
                    $(Class::$class => None$(.or(Some($flag)))?,)*
                }
            }
        }
    };
}

word_classes! {
    /// English function words: stop-word density (boilerplate) and clause tests.
    Stopword => "stopwords.txt",
    /// Whole-line page furniture ("skip to content", "subscribe").
    UiPhrase => "ui_phrases.txt",
    /// Headings that introduce lists of other stories.
    SectionHeader => "section_headers.txt",
    /// Title and role words ("president", "minister", "spokesman").
    TitleWord => "title_words.txt",
    /// Capitalised words that are never part of a person's name.
    NotName => "not_names.txt",
    /// Female first names, for pronoun agreement.
    FemaleName => "female_names.txt",
    /// News outlets and agencies ("Reuters", "Politico"), as written.
    Outlet => "outlets.txt",
    /// Honorifics before a name ("mr", "sen", "gen"), without the dot.
    Honorific => "honorifics.txt",
    /// Determiners and possessives opening a noun phrase ("a", "another", "his").
    Determiner => "determiners.txt",
    /// Suffixes after a personal name ("jr", "sr", "iii"), without the dot.
    NameSuffix => "name_suffixes.txt",
    /// Prepositions opening an adjunct phrase ("in", "at", "during").
    Preposition => "prepositions.txt",
    /// Sentence openers that put a question to the speaker ("asked", "when asked").
    QuestionOpener => "question_openers.txt",
    /// Words between a speaker and a cue: auxiliaries, negation, adverbs ("has also said").
    CueModifier => "cue_modifiers.txt",
    /// Negations before a cue ("did not say whether").
    CueNegation => "cue_negations.txt",
    /// Objects of a speech verb that report no statement ("said nothing").
    EmptyObject => "empty_objects.txt",
    /// Words opening what an empty object was about ("said nothing about").
    EmptyObjectLink => "empty_object_links.txt",
    /// Tokens after which a new clause may begin (",", "and", "while").
    ClauseBoundary => "clause_boundaries.txt",
    /// Adverbs between a cue and its content ("said publicly that", "said, however, that").
    PostCueAdverb => "post_cue_adverbs.txt",
    /// Lowercase words that may stand in a speaker phrase ("ministry", "declaration").
    SpeakerNoun => "speaker_nouns.txt",
    /// Plural nouns that name no one in particular ("observers", "critics", "sources").
    UnnamedGroup => "unnamed_groups.txt",
    /// Roles that usually hide a name ("official", "diplomat", "aide").
    AnonymousRole => "anonymous_roles.txt",
    /// Determiners introducing someone new ("a senior diplomat", "another official").
    IndefiniteDeterminer => "indefinite_determiners.txt",
    /// Nouns for a person that refer back after "the" ("the actress", "the front-runner").
    PersonNoun => "person_nouns.txt",
    /// Documents issued by a meeting ("declaration", "communiqué").
    CollectiveDocument => "collective_documents.txt",
    /// Roles named by their relation to another person ("his Polish counterpart").
    RelationalRole => "relational_roles.txt",
    /// Words opening an embedded question ("whether", "when", "how").
    Interrogative => "interrogatives.txt",
    /// Documents that speak for their authors after "according to" ("a study by X").
    EvidenceDocument => "evidence_documents.txt",
    /// Prepositions naming who a document was made with ("an interview with X"): that person
    /// speaks, not the document's maker.
    ComitativePreposition => "comitative_prepositions.txt",
    /// Finite verbs and auxiliaries that mark a clause ("is", "would", "wants").
    FiniteVerb => "finite_verbs.txt",
    /// Words opening an introductory phrase before the subject ("here", "meanwhile").
    IntroOpener => "intro_openers.txt",
    /// Sentence adverbs ("however", "likewise"): openers, connectives and never names; the
    /// lists that need them include this one.
    SentenceAdverb => "sentence_adverbs.txt",
    /// Words a reported clause does not open with ("on", "would", "and").
    NotClauseStart => "not_clause_starts.txt",
    /// Whole blocks of an HTML page that are interface, never article text ("advert", "close");
    /// UI phrases flagged `+html` belong here too.
    HtmlUiBlock => "html_ui_blocks.txt" + "html",
    /// Author strings that are never a person ("admin", "upi"), besides outlets.
    NotAuthor => "not_authors.txt",
    /// Pieces of words that make a byline string a role or desk ("writer", "desk", "team"),
    /// matched inside words.
    BylineRole => "byline_roles.txt",
    /// Whole words that make a byline string a role ("staff"), for pieces that begin names.
    BylineRoleWord => "byline_role_words.txt",
    /// Month names in several languages, one line per month, January first (publication dates).
    MonthName => "month_names.txt",
    /// Labels of a visible publication date ("published", "veröffentlicht am", "publié le").
    DateLabel => "date_labels.txt",
    /// Labels of a revision date ("updated", "aktualisiert", "mis à jour"), never the published one.
    UpdateLabel => "update_labels.txt",
    /// Words before the author's name in a visible byline ("by", "von", "par", "por", "door").
    BylinePrefix => "byline_prefixes.txt",
    /// Byline labels that never open prose ("written by", "Autor"): `byline_prefixes.txt`
    /// entries flagged `+explicit`; a one-word pen name after them is a name.
    ExplicitBylineLabel => "explicit_byline_labels.txt" + "explicit",
    /// Byline labels that make a line a byline before a capitalised name ("By Jane Doe"):
    /// `byline_prefixes.txt` entries flagged `+line`; strip.rs's byline pattern and its guard.
    BylineLineOpener => "byline_line_openers.txt" + "line",
    /// Byline labels that make a line a byline before a colon or dash and a name ("Author:
    /// Jane Doe"): `byline_prefixes.txt` entries flagged `+line-colon`.
    BylineLineLabel => "byline_line_labels.txt" + "line-colon",
    /// Marks one of which every caption line strip.rs's caption pattern matches holds
    /// ("FILE PHOTO", "Getty Images", "(L)"), case-sensitive: its guard.
    CaptionMark => "caption_marks.txt",
    /// Labels opening a server error message printed into a page ("Warning", "Fatal error"),
    /// case-sensitive: strip.rs's server-warning pattern and its guard.
    ServerWarningLabel => "server_warning_labels.txt",
    /// Phrases of page furniture addressed to the reader ("follow us", "our website"): never a title.
    FurniturePhrase => "furniture_phrases.txt",
    /// Meta names holding the publication date, most specific first (order matters).
    DateMetaName => "date_meta_names.txt",
    /// Meta names whose date is as often a crawl or revision date ("date"): read late.
    GenericDateMetaName => "generic_date_meta_names.txt",
    /// Meta names holding a modified date (a last resort only).
    ModifiedMetaName => "modified_meta_names.txt",
    /// Meta names naming the author, most trusted first (order matters).
    AuthorMetaName => "author_meta_names.txt",
    /// Meta names naming the site's owner ("copyright", "publisher"): an author tag that
    /// repeats them is the site's, not the page's.
    OwnerMetaName => "owner_meta_names.txt",
    /// JSON-LD types that are never the article itself ("WebSite", "Person", "ImageObject").
    NotArticleType => "not_article_types.txt",
    /// Class/id pieces of a date line ("date", "published", "post-meta").
    DateClassWord => "date_class_words.txt",
    /// Class/id pieces of a date that is not the article's ("comment", "related", "modif").
    NotDateClassWord => "not_date_class_words.txt",
    /// Class pieces of containers of other stories' or readers' dates ("menu", "sidebar").
    FurnitureClassWord => "furniture_class_words.txt",
    /// Class/id pieces of a byline element ("byline", "author", "autor").
    BylineClassWord => "byline_class_words.txt",
    /// Class/id pieces of author furniture that is not the byline ("bio", "avatar").
    NotBylineClassWord => "not_byline_class_words.txt",
    /// Class-name starts of a site widget ("widget_"): its author names are the site's.
    WidgetClassToken => "widget_class_tokens.txt",
    /// Class-name starts of a container of other stories ("teaser", "related").
    OtherStoryClassToken => "other_story_class_tokens.txt",
    /// Words of a `twitter:label1` that make `twitter:data1` the author ("written", "verfasst").
    AuthorLabelWord => "author_label_words.txt",
    /// Script keys of the publication date ("datePublished", "publish_date"), as written.
    ScriptDateKey => "script_date_keys.txt",
    /// Occasions at which statements are made ("summit", "briefing").
    EventWord => "event_words.txt",
    /// Words that may join the capitalised words of a signature line ("of", "the").
    SignatureJoiner => "signature_joiners.txt",
    /// Labels of a trailing interface word after a sentence ("Share", "Read more"), as written.
    TrailingUi => "trailing_ui.txt",
    /// Labels that open a teaser line ("read more:", "see also |"), lowercase.
    TeaserLabel => "teaser_labels.txt",
    /// Words of a newsletter or subscription prompt ("newsletter", "sign up").
    SubscriptionWord => "subscription_words.txt",
    /// Words by which a page addresses its reader ("you", "our"), lowercase.
    ReaderAddress => "reader_address_words.txt",
    /// Adverbs that may stand before a clause's subject ("even", "only"), lowercase.
    FocusAdverb => "focus_adverbs.txt",
    /// Abbreviations whose full stop does not end a sentence ("mr", "gen", "e.g").
    Abbreviation => "abbreviations.txt",
    /// Abbreviations that abbreviate only before a number ("no", "vol").
    NumberAbbreviation => "number_abbreviations.txt" + "number",
    /// Scope: words opening a statement that refers back to the previous one ("this").
    Anaphor => "stance/anaphors.txt",
    /// Stance: nouns that stand for the question discussed ("the issue", "the matter").
    IssueNoun => "stance/issue_nouns.txt",
    /// Stance: words after an issue noun that name which issue it is ("of", "over").
    IssueComplement => "stance/issue_complements.txt",
    /// The infinitive marker ("to"), lowercase.
    InfinitiveMarker => "infinitive_markers.txt",
    /// Labels before "by" on a header's credit line ("interview", "live coverage"), lowercase.
    CreditLabel => "credit_labels.txt",
    /// Labels opening an interviewer's question ("q", "question"), lowercase.
    QuestionLabel => "question_labels.txt",
    /// Words of an author's role in a credit line ("fellow", "columnist"), lowercase.
    AuthorRole => "author_roles.txt",
    /// Scope: pronouns opening a statement that point back to the text around it ("it").
    ReferringPronoun => "referring_pronouns.txt",
    /// Evaluative adjectives that, ending a naming verb's object, name it ("called it naive").
    NamingComplement => "naming_complements.txt",
    /// Links that open the narrator's clause about the occasion after a reported clause (", as
    /// he met envoys").
    OccasionLink => "occasion_links.txt",
    /// Links that, with no comma before them, open the occasion of a noun-phrase report ("when").
    OccasionTimeLink => "occasion_time_links.txt",
    /// Words opening a reported clause with a subject of its own ("that").
    Complementizer => "complementizers.txt",
    /// Cue verbs that also mean letting into a body ("admitted Finland into the alliance").
    AdmissionVerb => "admission_verbs.txt",
    /// Nouns that sum up a statement in the narrator's apposition after it (", a message that
    /// ...").
    SummaryNoun => "summary_nouns.txt",
    /// Pronouns for a person spoken about ("he", "she"), lowercase.
    PersonPronoun => "person_pronouns.txt",
    /// Attribution: words qualifying a time adjunct before "on" ("late on Monday").
    TimeQualifier => "time_qualifiers.txt",
    /// Attribution: words opening a list of a group's named members ("..., including A and B, said").
    ListIntroducer => "list_introducers.txt",
    /// Scope: nouns of an event or a text that point back after a determiner ("the vote").
    ReferringNoun => "referring_nouns.txt",
    /// Scope: determiners before a referring noun ("the", "this", "its").
    ReferringDeterminer => "referring_determiners.txt",
    /// Speakers: lowercase words between a country and an institution ("foreign ministry").
    OrgModifier => "org_modifiers.txt",
    /// Scope: determiners that point back anywhere in a statement ("such a step").
    AnaphoricDeterminer => "anaphoric_determiners.txt",
    /// Scope: sentence openers tying a statement to the one before ("however").
    Connective => "stance/connectives.txt",
    /// Stance: words naming Ukraine's membership (join, accession, invitation, path).
    Membership => "stance/membership.txt",
    /// Stance: the opposite proposition (neutrality, non-bloc status, kept out).
    Exclusion => "stance/exclusion.txt",
    /// Stance: negation words (not, never, nobody).
    Negator => "stance/negators.txt",
    /// Stance: acts against what follows (oppose, veto, block, rule out, lack).
    Opposition => "stance/opposition.txt",
    /// Stance: contrast markers reversing what follows ("rather than", "instead of").
    Contrast => "stance/contrast.txt",
    /// Stance: negative evaluations and feared consequences (threat, war, mistake).
    Harm => "stance/harms.txt",
    /// Stance: positive evaluations and hoped-for effects (strengthen, safer).
    Benefit => "stance/benefits.txt",
    /// Stance: wanting, backing, asserting (support, urge, deserve).
    Approval => "stance/approval.txt",
    /// Stance: condition links that need no topic ("until", "once", "only after").
    ConditionLink => "stance/condition_links.txt",
    /// Stance: condition links that need a condition topic in the clause ("after", "when").
    ConditionWeakLink => "stance/condition_weak_links.txt",
    /// Stance: what a condition is about (war, reforms, consensus).
    ConditionTopic => "stance/condition_topics.txt",
    /// Stance: words after a verb of ending that make it an outcome ("end in disaster").
    ResultLink => "stance/result_links.txt",
    /// Stance: determiners of a noun an exclusion may describe ("no capital outside NATO").
    NounDeterminer => "stance/noun_determiners.txt",
    /// Stance: putting joining off without refusing it (premature, no consensus).
    Deferral => "stance/deferrals.txt",
    /// Stance: near-term times that defer when negated (now, yet, ready).
    NearTerm => "stance/near_terms.txt",
    /// Stance: phrases that close every condition ("under any circumstances").
    Absolute => "stance/absolutes.txt",
    /// Stance: words that deny the condition link after them ("even", "or", "than").
    ConditionCanceller => "stance/condition_cancellers.txt",
    /// Stance: set phrases read as one word and ignored ("nothing less than").
    SetPhrase => "stance/set_phrases.txt",
    /// Stance: procedure and fact (meeting, discuss, attend, drafting).
    Procedural => "stance/procedural.txt",
    /// Stance: formal acts of a procedure whose plain negation takes no position ("applied").
    ProceduralAct => "stance/procedural_acts.txt",
    /// Stance: auxiliaries that report a fact ("has", "did"), before a negated formal act.
    ReportAuxiliary => "stance/report_auxiliaries.txt",
    /// Stance: verbs that give an answer ("say no", "vote no").
    AnswerVerb => "stance/answer_verbs.txt",
    /// Stance: verbs of another party's demand or view ("demanded", "regards").
    AttitudeVerb => "stance/attitude_verbs.txt",
    /// Stance: adverbs and auxiliaries before such a verb ("had once again").
    ReportAdverb => "stance/report_adverbs.txt",
    /// Stance: nouns standing for a side after its name ("Russian negotiators").
    PartyNoun => "stance/party_nouns.txt",
    /// Stance: words closing who decides to those named ("alone", "nobody else").
    Exclusive => "stance/exclusives.txt",
    /// Stance: verbs of desert after the membership ("the invitation it deserves").
    DesertVerb => "stance/desert_verbs.txt",
    /// Stance: focus words before a negation that opens a clause ("only not while ...").
    StanceFocus => "stance/focus_words.txt",
    /// Stance: refusals to take a position ("declined to say").
    Refusal => "stance/refusals.txt",
    /// Stance: counts of allies ("majority", "nine").
    Quantifier => "stance/quantifiers.txt",
    /// Stance: nouns for member states in counts (allies, members).
    AlliesNoun => "stance/allies_nouns.txt",
    /// Stance: markers that make a question a demand ("finally", "what more").
    Impatience => "stance/impatience.txt",
    /// Stance: the side objecting to the membership, a tie-breaker on speakers.
    Adversary => "stance/adversaries.txt",
    /// Stance: links to a lasting state that set a condition only when negated ("while").
    ConditionConcurrentLink => "stance/condition_concurrent_links.txt",
    /// Stance: links to a lasting state of any kind ("as long as"); after a refusal they name
    /// what must change first, whatever the state is about.
    DurativeLink => "stance/durative_links.txt",
    /// Stance: negations for all time ("never"); a refusal with one lasts beyond any state.
    PermanentNegator => "stance/permanent_negators.txt",
    /// Stance: the candidate country's side, a tie-breaker on speakers.
    CandidateSide => "stance/candidate_side.txt",
    /// Stance: words before a side's name that make it the speaker's counterpart, not their
    /// own side ("ambassador to Kyiv", "envoy for Ukraine").
    SideRelation => "stance/side_relations.txt",
    /// Stance: work the candidate must finish before joining ("reforms", "standards").
    CandidateTask => "stance/candidate_tasks.txt",
    /// Stance: words setting a task as a necessity or priority ("must", "has to", "first").
    Obligation => "stance/obligations.txt",
    /// Stance: verbs of giving up a goal ("give up", "drop", "abandon").
    Renunciation => "stance/renunciations.txt",
    /// Stance: nouns of a demand made of others ("the Kremlin's demands").
    DemandNoun => "stance/demand_nouns.txt",
    /// Stance: words after a side's name that make the speaker its student or opponent ("a
    /// Russia expert", "Russian opposition leader"), not its voice.
    SideObserver => "stance/side_observers.txt",
    /// Stance: verbs of keeping to what was promised ("stand by", "keep", "uphold").
    FidelityVerb => "stance/fidelity_verbs.txt",
    /// Stance: nouns for a promise made, objects of the fidelity verbs ("decision", "pledge").
    PromiseNoun => "stance/promise_nouns.txt",
    /// Stance: words opening a concession ("even if"), which takes no part in the stance.
    Concessive => "stance/concessives.txt",
    /// Stance: words that end a clause ("but", "because").
    ClauseBreak => "stance/clause_breaks.txt",
    /// Stance: words opening a clause that limits the one before it ("but").
    Adversative => "stance/adversatives.txt",
    /// Stance: modal verbs; "and" before one starts a new clause.
    Modal => "stance/modals.txt",
    /// Stance: words after a comma that continue the clause ("including").
    Elaboration => "stance/elaborations.txt",
    /// Stance: what `_` in a stance list entry stands for (Ukraine, pronouns, numbers).
    Placeholder => "stance/placeholders.txt",
    /// Stance: pronouns opening a clause that restates the previous proposition ("it").
    Pronoun => "stance/pronouns.txt",
    /// Stance: demonstratives that restate a whole statement ("That is a fact").
    Demonstrative => "stance/demonstratives.txt",
    /// Stance: words that vouch for a statement's truth ("a fact", "clear", "obvious").
    Truth => "stance/truths.txt",
    /// Stance: verbs of ending that turn a following harm into a benefit ("end the war").
    Cessation => "stance/cessation.txt",
    /// Stance: remedies that answer a harm a few words after them ("the answer to the threat").
    Remedy => "stance/remedies.txt",
    /// Stance: verbs after a restating pronoun ("it is", "this means").
    RestatingVerb => "stance/restating_verbs.txt",
    /// Stance: hypothesis openers at the start of a sentence only ("Without membership, ...").
    HypothesisOpener => "stance/hypothesis_openers.txt",
    /// Stance: negations that repeat an earlier one in the clause ("neither ... nor").
    Correlative => "stance/correlatives.txt",
    /// Stance: verbs of keeping on ("keep", "continue"); an endpoint link after them ends an
    /// effort that lasts.
    PersistenceVerb => "stance/persistence_verbs.txt",
    /// Stance: adverbs opening a split preference ("would rather resign than consent").
    PreferenceAdverb => "stance/preference_adverbs.txt",
    /// Stance: the link completing a split preference ("than").
    PreferenceLink => "stance/preference_links.txt",
    /// Stance: the link to a comparison's standard ("sooner than the sceptics expect").
    ComparisonLink => "stance/comparison_links.txt",
    /// Stance: adverbs after "not" that add rather than deny ("not just a dream").
    Additive => "stance/additives.txt",
    /// Stance: harms and acts against that fall on their object ("weaken the alliance").
    Damage => "stance/damages.txt",
    /// Stance: prepositions linking a noun of damage to whom it falls on ("problems for Moscow").
    DamageLink => "stance/damage_links.txt",
    /// Stance: the article between a verb or link and the adversary it names ("the Kremlin").
    DefiniteArticle => "stance/definite_articles.txt",
    /// Stance: verbs of keeping something from happening ("avoid", "prevent"), which reverse
    /// only an object that names a position ("avoid a war", not "avoid a repeat of Bucharest").
    PreventionVerb => "stance/prevention_verbs.txt",
    /// Stance: words for the time of the joining a refusal may be about ("predict the date").
    TimingWord => "stance/timing_words.txt",
    /// Stance: particles ending a phrase of retreat ("walk back", "turn _ away").
    MotionParticle => "stance/motion_particles.txt",
    /// Stance: determiners making a nobody subject of their noun ("no country").
    NegativeDeterminer => "stance/negative_determiners.txt",
    /// Stance: prepositions naming an addressee after a verb of dictating ("dictate to").
    AddresseeLink => "stance/addressee_links.txt",
    /// Stance: verbs of dictating that also mean informing, which need an addressee ("tell").
    InformingVerb => "stance/informing_verbs.txt",
    /// Stance: prepositions of direction after which such a phrase is a movement ("walked back
    /// to the venue").
    DirectionPreposition => "stance/direction_prepositions.txt",
    /// Stance: cues of a news report, whose speaker takes no position ("reported").
    ReportingCue => "stance/reporting_cues.txt",
    /// Stance: verbs that help whom they name; before an adversary they judge as a harm
    /// ("only encouraged the Kremlin", "emboldens Moscow").
    AdversaryGain => "stance/adversary_gains.txt",
    /// Stance: long spans of time before "before" that defer ("it will be years before ...").
    Span => "stance/spans.txt",
    /// Stance: words restating the clause before them ("which means", "in other words").
    Restatement => "stance/restatements.txt",
    /// Stance: verbs of claiming or pretending whose denial dismisses what they claim ("no one
    /// can seriously claim that ...").
    ClaimVerb => "stance/claim_verbs.txt",
    /// Stance: reflexive pronouns; an opposition word before one turns on its own subject
    /// ("negotiating against itself"), not on the proposition.
    Reflexive => "stance/reflexives.txt",
    /// Stance: words of falling short ("short of"); before a free relative of a wish or a desert
    /// ("fell short of what Ukraine had earned") they measure a lack, not an opposition.
    Shortfall => "stance/shortfalls.txt",
    /// Stance: verbs of a state that a place phrase locates ("waiting", "stuck"); right before
    /// the opposite proposition ("waiting outside NATO") they name the same state with it.
    LocatedState => "stance/located_states.txt",
    /// Stance: verbs of committing an error ("repeat", "make"); a negation right before one and
    /// its harm ("must not repeat the mistake of ...") endorses the harm's judgement.
    ErrorVerb => "stance/error_verbs.txt",
    /// Stance: nouns of an error ("mistake", "blunder"); a refused error agrees with the harm.
    ErrorNoun => "stance/error_nouns.txt",
    /// Stance: verbs of removing ("lifted", "removed", "withdrew"); a few words before an
    /// opposition or a harm ("lifted its veto", "removed the obstacles") they reverse it.
    Removal => "stance/removals.txt",
    /// Stance: verbs of spending time ("spent", "wasted"); a long span spent on an opposition
    /// ("spent years blocking") is a complaint.
    TimeSpending => "stance/time_spending.txt",
    /// Stance: nouns of a say over a decision ("right", "say"); an adversary's denied say
    /// stands for a veto denied ("Russia has no right to decide").
    SayNoun => "stance/say_nouns.txt",
    /// Stance: verbs of changing or undoing; before a pronoun restating the proposition ("could
    /// change that") they work against it.
    Reversal => "stance/reversals.txt",
    /// Stance: adverbs offering something in place of what was refused ("should instead
    /// offer guarantees"); such a clause adds nothing about the membership.
    Substitute => "stance/substitutes.txt",
    /// Stance: verbs of winning others over ("persuade", "convince"); their object before
    /// "that" ("the sceptics") takes no position.
    PersuasionVerb => "stance/persuasion_verbs.txt",
    /// Stance: condition links that put the joining first ("before", "ahead of"): a
    /// condition only in a refusal.
    AheadLink => "stance/ahead_links.txt",
    /// Subordinators of a hypothesis or a condition ("if", "unless"): a subject right after
    /// one acts in a supposed event ("if Duda agrees, ..."), it reports no statement.
    HypotheticalSubordinator => "hypothetical_subordinators.txt",
    /// Verbs of relaying someone's words ("quoted", "cited"): in "Interfax quoted X as
    /// saying", X speaks, not the outlet.
    QuotingVerb => "quoting_verbs.txt",
    /// Stance: prepositions that link an opposition noun to its object ("veto threats against
    /// the bid"): after one they add no reversal of their own.
    OppositionObjectLink => "stance/opposition_object_links.txt",
    /// Stance: determiners of a person's own time, office or vote ("not on my watch").
    PersonalDeterminer => "stance/personal_determiners.txt",
    /// Stance: prepositions of place opening a contrasting fragment ("not beside it").
    ContrastPreposition => "stance/contrast_prepositions.txt",
    /// Stance: links to an end point ("until"); after backing that nothing refuses they say how
    /// long the backing lasts, not what joining waits for.
    EndpointLink => "stance/endpoint_links.txt",
    /// Stance: words of deciding on the membership ("decision", "say yes"); a negated hedge
    /// holding one is about the membership.
    DecisionWord => "stance/decision_words.txt",
    /// Stance: verbs of deciding for others ("decide", "determine"); denied to the objecting side
    /// they deny it a veto ("nobody in the Kremlin will decide").
    SayVerb => "stance/say_verbs.txt",
    /// Stance: prepositions handing a decision to a party ("not for Moscow", "up to Kyiv").
    DeciderLink => "stance/decider_links.txt",
    /// Stance: nouns of another's leave ("permission", "consent"); not needed from the objecting
    /// side they deny it a veto.
    PermissionNoun => "stance/permission_nouns.txt",
    /// Stance: verbs of needing a leave ("need", "require").
    NeedVerb => "stance/need_verbs.txt",
    /// Stance: plain words of denial ("not", "no", "never") that deny a decision or a leave.
    Denial => "stance/denials.txt",
    /// Stance: prepositions naming a leave's giver after its noun ("from", "of").
    LeaveGiverLink => "stance/leave_giver_links.txt",
    /// Stance: verbs of dictating another's choice ("dictate", "tell"); denied to a nobody
    /// subject before a question word they deny an outsider a say.
    DictateVerb => "stance/dictate_verbs.txt",
    /// Stance: words making a clause after "while" a lasting state ("still", "goes on").
    LastingMarker => "stance/lasting_markers.txt",
    /// Stance: words answering a question with yes ("yes", "absolutely").
    Affirmation => "stance/affirmations.txt",
    /// Stance: states lasting as long as the refuser holds power ("in office", "in power").
    Tenure => "stance/tenures.txt",
    /// Stance: links that put the joining after something ("after"); negated at a clause's
    /// opening they reject the delay ("today, not after the war").
    PosteriorLink => "stance/posterior_links.txt",
    /// Stance: prepositions naming what something is about ("about", "concerning"); a
    /// negation before one denies a subject, not the membership.
    TopicPreposition => "stance/topic_prepositions.txt",
    /// Stance: prepositions joining a condition to what it is for ("the criteria for
    /// membership"): the membership after them qualifies the condition.
    QualifierPreposition => "stance/qualifier_prepositions.txt",
    /// Stance: verbs of dropping a step of procedure ("drop", "scrap", "waive"); before what
    /// "without" waives they hasten the joining ("dropping the action plan").
    StepDropper => "stance/step_droppers.txt",
    /// Stance: nouns of protection completed by a "that" clause ("a guarantee that Russia never
    /// invades"); a negation inside that clause negates its event, not the membership.
    ProtectionNoun => "stance/protection_nouns.txt",
    /// Stance: relative adverbs of place ("at a table where Ukraine was not sitting"); a
    /// negation in the clause they open describes the place, not the membership.
    PlaceRelative => "stance/place_relatives.txt",
    /// Stance: acts of discussing ("raised", "come up"); negated with no object, no position.
    DiscussionAct => "stance/discussion_acts.txt",
    /// Stance: verbs of letting someone act ("let", "allow").
    PermissionVerb => "stance/permission_verbs.txt",
    /// Stance: words opening the choice a verb of dictating dictates ("which", "who").
    ChoiceQuestion => "stance/choice_questions.txt",
    /// Stance: words that link a condition only before a subject and a verb ("provided the
    /// decision is unanimous"), since they are verbs too ("provided weapons").
    ClauseConditionLink => "stance/clause_condition_links.txt",
    /// Roles of a programme's journalists ("host", "correspondent"): their labelled turns are no
    /// claims.
    JournalistRole => "journalist_roles.txt",
    /// A person's role after an author's name in a credit field ("Jane Doe | Staff
    /// Correspondent").
    CreditRole => "credit_roles.txt",
    /// Stance: question openers that press against a wait ("why should ... wait").
    WhyQuestion => "stance/why_questions.txt",
    /// Stance: degree words repeated for emphasis ("very, very").
    Intensifier => "stance/intensifiers.txt",
    /// Stance: what "without" can waive to hasten the joining ("without delay").
    Waived => "stance/waived.txt",
    /// Stance: nouns for a claim whose content follows in a "that" clause ("the argument that").
    ClaimNoun => "stance/claim_nouns.txt",
    /// Stance: words opening a clause that comes after the one before it ("..., then ...").
    SequenceLink => "stance/sequence_links.txt",
    /// Stance: words that put a step ahead of what follows ("peace first").
    SequenceFirst => "stance/sequence_firsts.txt",
    /// Stance: the standing of a member itself ("member", "membership"), not a figure of it.
    StatusNoun => "stance/status_nouns.txt",
    /// Stance: verbs that take their own "as" complement ("treating X as Y").
    AsVerb => "stance/as_verbs.txt",
    /// Stance: words opening a clause that gives a reason ("because", "since").
    CausalOpener => "stance/causal_openers.txt",
    /// Stance: units of a poll's share ("58 percent of Czechs").
    PollUnit => "stance/poll_units.txt",
    /// Stance: weak links whose clause conditions what stands before them ("the war will end
    /// when Ukraine joins").
    ConsequenceLink => "stance/consequence_links.txt",
    /// Stance: pronouns of nobody; their claim dismisses what it claims ("no one can claim").
    Nobody => "stance/nobody.txt",
    /// Stance: verbs that take a span of time ("it will take years before ...").
    SpanVerb => "stance/span_verbs.txt",
    /// Participle cues after a comma that speak for the previous speaker ("adding", "noting").
    ParticipleCue => "participle_cues.txt",
    /// Cues whose speaker after "and"/"but" is the clause subject ("said", "told", "added").
    CoreCue => "core_cues.txt",
    /// Perfect auxiliaries before a cue ("has said"): a statement with no particular occasion.
    PerfectAux => "perfect_auxiliaries.txt",
    /// Auxiliaries of the present perfect ("has", "have"), not the backshifted "had".
    PresentPerfectAux => "present_perfect_auxiliaries.txt",
    /// Modal verbs ("would", "must", "can").
    ModalVerb => "modal_verbs.txt",
    /// Personal pronouns that stand alone as a speaker ("he", "they").
    SubjectPronoun => "subject_pronouns.txt",
    /// Nouns for someone's team or office ("Zelensky's team", "the minister's office").
    TeamNoun => "team_nouns.txt",
    /// Nouns for a document or utterance that speaks for its author ("letter", "declaration").
    DocumentNoun => "document_nouns.txt",
    /// Nouns for a news outlet as speaker ("the publication", "the newspaper").
    MediaNoun => "media_nouns.txt",
    /// Head nouns of an institution phrase ("the foreign ministry", "the Kremlin").
    OrgHead => "org_heads.txt",
    /// Lowercase particles inside a personal name ("de", "van", "bin").
    NameParticle => "name_particles.txt",
    /// Words listed as not names that are also common surnames ("White", "West").
    SurnameHomograph => "surname_homographs.txt",
    /// Words written with a leading apostrophe for a dropped letter ("'em", "'til").
    Elision => "elisions.txt",
    /// Plural heads naming an institution's members ("NATO allies", "EU members").
    MemberGroup => "member_groups.txt",
    /// Numbers written out, never a name ("twenty", "sixty-two").
    NumberWord => "number_words.txt",
    /// Attribution: words counting a short span before "ago" ("a few", "several").
    AgoQuantity => "ago_quantities.txt",
    /// Attribution: units of a short span before "ago" ("minute", "hour"), singular.
    AgoUnit => "ago_units.txt",
    /// Person-role words that head a nominal mention ("the deputy head of ...").
    PersonRole => "person_roles.txt",
    /// Addressees a cue may take before its content ("told reporters", "told him").
    Audience => "audience_words.txt",
    /// Time nouns of an adjunct after a cue ("last week", "this morning").
    TimeWord => "time_words.txt",
    /// Time nouns after a determiner that open no clause ("that day").
    TimeNoun => "time_nouns.txt",
    /// Determiners and object pronouns that open a noun phrase, not a clause ("the", "them").
    ClauseDeterminer => "clause_determiners.txt",
    /// Connectives before reported content that are not part of it ("however", "but").
    ClauseConnective => "clause_connectives.txt",
    /// Where words were published, in ", in a letter ..." adjuncts ("letter", "statement", "post").
    Medium => "media.txt",
    /// Non-date words allowed in a dateline line (labels, times, zones, reading time).
    DatelineWord => "dateline_words.txt",
    /// Time zones of day-first countries ("CET"): a slash date beside one reads day/month.
    DayFirstZone => "day_first_zones.txt",
    /// Words putting a speaker's relative clause in the future ("who will speak on Monday").
    FutureMarker => "future_markers.txt",
    /// Surname endings only women's surnames have ("-ova", "-ska", "-yte"): pronoun agreement.
    FemaleSurnameEnding => "female_surname_endings.txt",
    /// Participles that name a document's authors in a by-phrase ("a letter signed by A and B").
    AuthorshipParticiple => "authorship_participles.txt",
    /// Irregular past participles opening an adjunct ("sent", "written").
    IrregularParticiple => "irregular_participles.txt",
    /// Function words that never count as a title word, even capitalised ("The", "However").
    NameBreaker => "name_breakers.txt",
    /// Lowercase words inside a title phrase ("minister of defence", "head of the office").
    TitleConnector => "title_connectors.txt",
    /// Words that show an apposition is a clause, not a title ("said", "who", "has").
    ClauseWord => "clause_words.txt",
    /// Subordinators that may open a reported clause right after its cue ("said if elected ...").
    SubordinateOpener => "subordinate_openers.txt",
    /// Words in "-ing" that are prepositions, not participles ("including", "regarding").
    IngPreposition => "ing_prepositions.txt",
    /// Participles of auxiliaries that open a participle phrase ("having", "being").
    AuxiliaryParticiple => "auxiliary_participles.txt",
    /// Words opening an adjunct between commas after a subject (", in turn,", ", speaking on ...,").
    CommaAdjunctOpener => "comma_adjunct_openers.txt",
    /// Words that may follow the speaker of "said X" (an adjunct or clause opener, never a verb).
    InvertedNpEnd => "inverted_np_ends.txt",
    /// Relative pronouns opening a clause inside a noun phrase ("who", "which").
    RelativePronoun => "relative_pronouns.txt",
    /// Relative pronouns that refer back to a person.
    PersonRelative => "person_relatives.txt",
    /// Object pronouns after a verb ("called him a liar").
    ObjectPronoun => "object_pronouns.txt",
    /// Prepositions before a gerund cue whose subject is the clause's ("continued by saying").
    GerundPreposition => "gerund_prepositions.txt",
    /// Particles and object pronouns after "called" that make it a phrasal or phone-call verb ("called off", "called him").
    VerbParticle => "verb_particles.txt",
    /// Words opening an adjunct between a cue and its content ("on Telegram", "last week").
    AdjunctOpener => "adjunct_openers.txt",
    /// Prepositions of a short phrase before a clause ("after the talks", "at the summit").
    TimePreposition => "time_prepositions.txt",
    /// Parts of a day after a weekday ("Tuesday morning").
    DayPart => "day_parts.txt",
    /// Title words that say the holder is a woman ("Mrs.", "chairwoman", "queen").
    FemaleTitle => "female_titles.txt",
    /// Title words that say the holder is a man ("Mr.", "chairman", "king").
    MaleTitle => "male_titles.txt",
    /// Verbs after a cue word that make it a plain predicate, not a cue ("did", "declined").
    BarePredicate => "bare_predicates.txt",
    /// Forms of "be" before a participle cue: passive voice ("was promised").
    BeForm => "be_forms.txt",
    /// Connectives and adverbs dropped from the start of a speaker phrase ("and", "meanwhile").
    LeadingConnective => "leading_connectives.txt",
    /// Prepositions in a colon frame naming the statement's subject ("X on Kyiv's bid: ...").
    ColonTopicPreposition => "colon_topic_prepositions.txt",
    /// Labels of an interview's answers ("A:", "Answer:"), lowercase.
    AnswerLabel => "answer_labels.txt",
    /// The article's own voice introducing an interview's answerer ("We asked X").
    InterviewLead => "interview_leads.txt",
    /// Marks that open an item of a list ("-", "•").
    ListBullet => "list_bullets.txt",
    /// Verbs of meeting someone through "with", right after a subject ("held talks with").
    MeetingVerb => "meeting_verbs.txt",
    /// Verbs of meeting that take their partner as a direct object ("met X", "hosted X").
    TransitiveMeetingVerb => "transitive_meeting_verbs.txt",
    /// Openers of a plural phrase referring back to speakers named together ("both", "the two").
    GroupAnaphorOpener => "group_anaphor_openers.txt",
    /// Heads of a plural phrase referring back to speakers named together ("leaders", "sides").
    GroupAnaphorHead => "group_anaphor_heads.txt",
    /// Words after the object of "called" that name it as something ("called the report a hit piece", "as").
    ComplementOpener => "complement_openers.txt",
    /// Determiners of a time phrase opening no clause ("this week", "last month").
    TimeDeterminer => "time_determiners.txt",
    /// Words right before a cue that make it no statement ("expected to say", "let's say").
    CueBlocker => "cue_blockers.txt",
    /// Coordinators before a cue whose speaker is the clause subject ("... and said", "but added").
    ClauseCoordinator => "clause_coordinators.txt",
    /// Forms of "be" before a cue with a "by" agent ("This was stated by X").
    PassiveAgentAux => "passive_agent_auxiliaries.txt",
    /// Determiners before an owner's team or letter ("the president's office", "his team").
    OwnerDeterminer => "owner_determiners.txt",
    /// Determiners before an institution phrase ("the foreign ministry", "its embassy").
    InstitutionDeterminer => "institution_determiners.txt",
    /// Determiners opening a title apposition after a name (", the deputy head of ...").
    AppositionDeterminer => "apposition_determiners.txt",
    /// Prepositions after the head word of a noun phrase ("head of ...", "envoy for ...").
    PhraseHeadBreak => "phrase_head_breaks.txt",
    /// Determiners opening a descriptive subject ("the Ukrainian leader", "his spokesman").
    DescriptiveDeterminer => "descriptive_determiners.txt",
    /// Lowercase words inside a speaker noun phrase ("head of the office", "minister for Europe").
    NpJoiner => "np_joiners.txt",
    /// Pronouns that stand as the whole speaker right after an inverted cue ("said he").
    InvertedPronoun => "inverted_pronouns.txt",
    /// Prepositions opening a ", in a letter ..." adjunct ("in", "during").
    MediumPreposition => "medium_prepositions.txt",
    /// Determiners inside a ", in a letter ..." adjunct ("in his statement").
    MediumDeterminer => "medium_determiners.txt",
    /// File extensions of documents natoclaims cannot read, each with its kind's name.
    UnreadableKind => "unreadable_kinds.txt",
}

/// A regular past participle: a lowercase word longer than four letters ending in "-ed".
pub fn is_regular_participle(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ed")
}

/// A present participle or gerund: a lowercase word longer than four letters ending in "-ing".
pub fn is_present_participle(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ing")
}

/// A past participle, regular or listed as irregular ("taken", "held"); `lower` is lowercase.
pub fn is_past_participle(lower: &str) -> bool {
    is_regular_participle(lower) || is(Class::IrregularParticiple, lower)
}

/// A title or role word, or an honorific with or without its dot ("mr.", "sen").
pub fn is_title(word: &str) -> bool {
    // "ex-president", "ex-minister": a former holder's title.
    let word = word.strip_prefix("ex-").unwrap_or(word);
    // "co-leader", "vice-chancellor": a compound headed by a title is one.
    let head = || {
        word.rsplit_once('-')
            .is_some_and(|(_, h)| is(Class::TitleWord, h))
    };
    is(Class::TitleWord, word)
        || is(Class::Honorific, word.strip_suffix('.').unwrap_or(word))
        || head()
}

/// A class's entries, and what any of them can look like, to turn most words away before
/// hashing them (lookups run at nearly every token of every sentence).
struct Lookup {
    set: HashSet<&'static str>,
    /// Bit `n` set when an entry is `n` bytes long (bit 63: 63 bytes or more).
    lens: u64,
    /// Bit `b` set when an entry starts with byte `b`.
    firsts: [u64; 4],
    /// Bit `b` set when an entry ends with byte `b`.
    lasts: [u64; 4],
}

impl Lookup {
    fn new(set: HashSet<&'static str>) -> Lookup {
        let mut l = Lookup {
            lens: 0,
            firsts: [0; 4],
            lasts: [0; 4],
            set,
        };
        for e in &l.set {
            l.lens |= 1 << e.len().min(63);
            if let (Some(&f), Some(&z)) = (e.as_bytes().first(), e.as_bytes().last()) {
                l.firsts[usize::from(f >> 6)] |= 1 << (f & 63);
                l.lasts[usize::from(z >> 6)] |= 1 << (z & 63);
            }
        }
        l
    }

    /// False when no entry can be `word`; else whether one is.
    #[inline]
    fn contains(&self, word: &str) -> bool {
        if self.lens >> word.len().min(63) & 1 == 0 {
            return false;
        }
        if let (Some(&f), Some(&z)) = (word.as_bytes().first(), word.as_bytes().last()) {
            if self.firsts[usize::from(f >> 6)] >> (f & 63) & 1 == 0
                || self.lasts[usize::from(z >> 6)] >> (z & 63) & 1 == 0
            {
                return false;
            }
        }
        self.set.contains(word)
    }
}

static SETS: LazyLock<Vec<Lookup>> =
    LazyLock::new(|| Class::ALL.iter().map(|&c| Lookup::new(set(c))).collect());

/// 64-bit words in [`ClassBits`]: room for every class.
const CLASS_WORDS: usize = 5;

/// The classes a word is in, one bit per [`Class`] (by its position in [`Class::ALL`]).
pub type ClassBits = [u64; CLASS_WORDS];

/// Every entry of every class, with the classes it is in.
static CLASSES_OF: LazyLock<rustc_hash::FxHashMap<&'static str, ClassBits>> = LazyLock::new(|| {
    assert!(
        Class::ALL.len() <= 64 * CLASS_WORDS,
        "ClassBits holds every class"
    );
    let mut map: rustc_hash::FxHashMap<&'static str, ClassBits> = Default::default();
    for &c in Class::ALL {
        for &w in &SETS[c as usize].set {
            map.entry(w).or_default()[c as usize / 64] |= 1 << (c as usize % 64);
        }
    }
    map
});

/// The classes `word` is in (one lookup for all of them: a token's, kept beside it).
pub fn classes_of(word: &str) -> ClassBits {
    CLASSES_OF.get(word).copied().unwrap_or_default()
}

/// Every entry of every list with the classes it is in (the table [`classes_of`] reads).
pub fn all_entries() -> impl Iterator<Item = (&'static str, ClassBits)> {
    CLASSES_OF.iter().map(|(&w, &bits)| (w, bits))
}

/// `bits` (from [`classes_of`]) has `class`: the word is in its list.
#[inline]
pub fn in_class(bits: &ClassBits, class: Class) -> bool {
    bits[class as usize / 64] >> (class as usize % 64) & 1 == 1
}

/// Classes of the common vocabulary: function words, verbs, roles and the words of position
/// and procedure. A lone capitalised word in one of them opens a sentence or a headline; it is
/// no one's name.
const COMMON_WORD_CLASSES: [Class; 13] = [
    Class::Stopword,
    Class::NotName,
    Class::TitleWord,
    Class::FiniteVerb,
    Class::MemberGroup,
    Class::CueModifier,
    Class::SpeakerNoun,
    Class::Membership,
    Class::Approval,
    Class::Opposition,
    Class::Harm,
    Class::Benefit,
    Class::Procedural,
];

/// Whether a lowercase word belongs to the common vocabulary ([`COMMON_WORD_CLASSES`]) rather
/// than to names ("strong", "membership", "again").
pub fn is_common_word(word: &str) -> bool {
    let bits = classes_of(word);
    COMMON_WORD_CLASSES.iter().any(|&c| in_class(&bits, c))
}

/// Whether `word` (or phrase) is in the list of `class`. Lists are lowercase unless their
/// header says otherwise; callers pass the form the list holds.
pub fn is(class: Class, word: &str) -> bool {
    SETS[class as usize].contains(word)
}

/// The entries of a class's own list in file order, flags removed (lists whose line number
/// means something, like the months).
pub fn lines(class: Class) -> Vec<&'static str> {
    own_words(class)
}

/// A case-insensitive regex matching any entry of a class inside a string (class names,
/// labels): `(?i)(?:a|b|c)`, longest entries first.
pub fn any_inside(class: Class) -> regex::Regex {
    let mut words: Vec<String> = members(class).iter().map(|w| regex::escape(w)).collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    regex::Regex::new(&format!("(?i)(?:{})", words.join("|"))).expect("escaped words")
}

/// Every entry of a class, for callers that scan phrases rather than look words up.
pub fn members(class: Class) -> &'static HashSet<&'static str> {
    &SETS[class as usize].set
}

/// English function words (lowercase).
pub static STOPWORDS: LazyLock<&'static HashSet<&'static str>> =
    LazyLock::new(|| members(Class::Stopword));

/// Title and role words ("president", "minister", "spokesman"), lowercase.
pub static TITLE_WORDS: LazyLock<&'static HashSet<&'static str>> =
    LazyLock::new(|| members(Class::TitleWord));

/// Capitalised words that are never part of a person's name: places, nationalities,
/// institutions, months, weekdays (lowercase).
pub static NOT_NAME_WORDS: LazyLock<&'static HashSet<&'static str>> =
    LazyLock::new(|| members(Class::NotName));

/// Female first names, lowercase, for pronoun agreement.
pub static FEMALE_NAMES: LazyLock<&'static HashSet<&'static str>> =
    LazyLock::new(|| members(Class::FemaleName));

/// News outlets ("Reuters", "Politico"), used for "the publication" and wire datelines.
pub static OUTLETS: LazyLock<&'static HashSet<&'static str>> =
    LazyLock::new(|| members(Class::Outlet));

/// The date guard's lines (`date_guard.txt`: `finders: word +flags`), read by `dates/guard.rs`:
/// which of the date finders a word lets run.
pub fn date_guard_lines() -> impl Iterator<Item = &'static str> {
    entries(include_str!("date_guard.txt"))
}

/// `alias = canonical name` lines of a list file.
fn aliases(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(data).filter_map(|l| {
        let (alias, name) = l.split_once('=')?;
        Some((alias.trim(), name.trim()))
    })
}

/// Institutions that speak ("NATO", "the Kremlin"), as (alias, canonical name).
pub static INSTITUTIONS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| aliases(include_str!("organizations.txt")).collect());

/// Nationality adjectives and the countries they name ("ukrainian" -> "ukraine").
pub static NATIONALITIES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| aliases(include_str!("nationalities.txt")).collect());

/// Stance: acronyms written in capitals and the phrases they stand for ("MAP" -> "membership
/// action plan"); a lowercase "map" stays a map.
pub static STANCE_ACRONYMS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| aliases(include_str!("stance/acronyms.txt")).collect());

/// Plural nouns that alone speak for an institution the text has named ("the allies" -> NATO).
pub static BARE_MEMBER_GROUPS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| aliases(include_str!("bare_member_groups.txt")).collect());

/// Object pronouns and the subject pronoun a speaker resolves from ("quoted him as saying").
pub static OBJECT_PRONOUN_SUBJECTS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| aliases(include_str!("object_pronoun_subjects.txt")).collect());

/// Words of a group anaphor and how many speakers it counts ("both" = 2, "three" = 3).
pub static GROUP_ANAPHOR_SIZES: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| aliases(include_str!("group_anaphor_sizes.txt")).collect());

/// Possessive pronouns and the subject pronoun a speaker resolves from ("His reply was: ...").
pub static POSSESSIVE_PRONOUN_SUBJECTS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| aliases(include_str!("possessive_pronoun_subjects.txt")).collect());

/// Everything that speaks as an organization: institutions, then countries and capitals.
pub static ORGANIZATIONS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    aliases(include_str!("organizations.txt"))
        .chain(aliases(include_str!("countries.txt")))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_without_comments() {
        assert!(is(Class::Stopword, "the"));
        assert!(!members(Class::Stopword).iter().any(|w| w.starts_with('#')));
        assert!(is(Class::UiPhrase, "skip to content"));
        assert!(is(Class::TitleWord, "president"));
        assert!(ORGANIZATIONS.iter().any(|(a, _)| *a == "kremlin"));
    }

    #[test]
    fn flagged_entries_join_the_flagged_class_without_their_flags() {
        assert!(is(Class::UiPhrase, "share"));
        assert!(is(Class::HtmlUiBlock, "share"));
        assert!(is(Class::HtmlUiBlock, "advert"));
        assert!(!is(Class::UiPhrase, "advert"));
        assert!(!is(Class::HtmlUiBlock, "newsletter"));
        assert!(Class::ALL
            .iter()
            .all(|c| members(*c).iter().all(|w| !w.contains(" +"))));
    }

    #[test]
    fn included_lists_join_the_including_class_without_their_include_lines() {
        for class in [Class::IntroOpener, Class::LeadingConnective, Class::NotName] {
            assert!(
                is(class, "likewise"),
                "{class:?} lacks the sentence adverbs"
            );
            assert!(lines(class).contains(&"however"));
            assert!(members(class).iter().all(|w| !w.starts_with('@')));
        }
    }

    #[test]
    fn every_list_has_a_header_and_entries() {
        for class in Class::ALL {
            let data = class.data();
            assert!(data.starts_with('#'), "{class:?} list has no header");
            assert!(!members(*class).is_empty(), "{class:?} list is empty");
        }
    }
}
