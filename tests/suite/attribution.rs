//! `mentions::attribute`: who says what, through which channel, how, and with which facets.
//! One fixture per family of patterns, written for these tests.

use rashomon::gazetteer::Gazetteer;
use rashomon::ingest::{self, Document};
use rashomon::mentions::{self, Claim, ClaimantKind};
use rashomon::timeline::{FacetValue, Stance};

use crate::support::fixture;

struct Attributed {
    doc: Document,
    claims: Vec<Claim>,
}

fn attributed(name: &str) -> Attributed {
    let doc = ingest::read(&fixture(&format!("attribution/{name}"))).expect("fixture reads");
    let sentences = mentions::sentences::split(&doc);
    let claims = mentions::attribute(&doc, &sentences, Gazetteer::builtin());
    Attributed { doc, claims }
}

impl Attributed {
    /// The claim over the first occurrence of `phrase`.
    fn at(&self, phrase: &str) -> &Claim {
        let s = self
            .doc
            .text
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} is not in the fixture"));
        self.claims
            .iter()
            .find(|c| c.start <= s && s < c.end)
            .unwrap_or_else(|| panic!("no claim over {phrase:?}\n{}", self.listing()))
    }

    fn listing(&self) -> String {
        self.claims
            .iter()
            .map(|c| {
                format!(
                    "  {} via {:?} [{}] {:?}\n",
                    c.claimant,
                    c.via,
                    c.stance,
                    &self.doc.text[c.start..c.end]
                )
            })
            .collect()
    }

    /// Claimant and chain of the claim over `phrase`.
    fn who(&self, phrase: &str) -> (String, Vec<String>) {
        let c = self.at(phrase);
        (c.claimant.clone(), c.via.clone())
    }

    fn stance(&self, phrase: &str) -> Stance {
        self.at(phrase).stance
    }

    fn facet(&self, phrase: &str, facet: &str) -> Option<String> {
        self.at(phrase).facets.get(facet).map(ToString::to_string)
    }
}

fn named(name: &str) -> (String, Vec<String>) {
    (name.to_string(), Vec::new())
}

fn via(name: &str, chain: &[&str]) -> (String, Vec<String>) {
    (
        name.to_string(),
        chain.iter().map(|s| s.to_string()).collect(),
    )
}

const FIXTURES: &[&str] = &[
    "verbs.md",
    "reports.md",
    "quotes.md",
    "chains.md",
    "comments.md",
    "stance.md",
    "facets.md",
    "plain.txt",
    "byline.txt",
    "more.md",
    "postposed.md",
    "cognition.md",
];

#[test]
fn every_sentence_is_covered_in_order_without_overlap() {
    for name in FIXTURES {
        let a = attributed(name);
        let sentences = mentions::sentences::split(&a.doc);
        for s in &sentences {
            assert!(
                a.claims.iter().any(|c| c.start < s.end && s.start < c.end),
                "{name}: sentence {:?} has no claim",
                s.text(&a.doc)
            );
        }
        for w in a.claims.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "{name}: claims overlap\n{}",
                a.listing()
            );
        }
        // Same input, same claims.
        let again = attributed(name);
        assert_eq!(a.claims, again.claims, "{name}: not deterministic");
    }
}

#[test]
fn the_outlet_speaks_as_its_author_and_outlet_its_name_or_its_id() {
    let a = attributed("verbs.md");
    let c = a.at("The dockers' strike spread");
    assert_eq!(
        (c.claimant.as_str(), c.claimant_kind),
        ("Lena Ortiz (Harbour Times)", ClaimantKind::Outlet)
    );
    assert_eq!(
        attributed("reports.md").at("Rescue teams").claimant,
        "Delta Post"
    );
    assert_eq!(
        attributed("plain.txt")
            .at("The city council voted")
            .claimant,
        "plain"
    );
    assert_eq!(
        attributed("byline.txt")
            .at("Firefighters evacuated")
            .claimant,
        "Sofia Marchetti"
    );
}

#[test]
fn speech_verbs_with_the_speaker_before_or_after() {
    let a = attributed("verbs.md");
    assert_eq!(
        a.who("the terminals would stay open"),
        named("port authority")
    );
    assert!(
        a.who("no ship would be unloaded")
            .0
            .starts_with("Marta Kovacs")
    );
    assert_eq!(
        a.who("Talks will resume on Friday"),
        named("labour ministry")
    );
    assert!(
        a.who("We will not back down").0.starts_with("Piotr Lis"),
        "{}",
        a.listing()
    );
    assert_eq!(
        a.who("it had hired replacement crews"),
        named("shipping company")
    );
    assert_eq!(a.stance("it had hired replacement crews"), Stance::Denies);
    // A figure put on a toll is a claim, and two bodies giving theirs side by side speak
    // each for itself.
    assert_eq!(a.who("death toll at nine"), named("regional health office"));
    assert_eq!(
        a.facet("death toll at nine", "killed").as_deref(),
        Some("9")
    );
    let (charity, chain) = a.who("at more than twenty");
    assert_eq!(charity, "rescue charity", "{}", a.listing());
    assert!(
        !chain.iter().any(|v| v.contains("health office")),
        "{chain:?}"
    );
    assert_eq!(
        a.facet("at more than twenty", "killed").as_deref(),
        Some("more than 20")
    );
    // Things that "suggest" are the writer's evidence, not the last speaker's words.
    assert_eq!(
        a.at("These long delays suggest").claimant_kind,
        ClaimantKind::Outlet,
        "{}",
        a.listing()
    );
    // "…, X told reporters.": the one told closes the sentence; the words before are X's.
    assert!(
        a.who("The night shift had been cut")
            .0
            .starts_with("Olav Brun"),
        "{}",
        a.listing()
    );
    // "called X a Y" names the thing; "called the police" is no speech.
    assert!(
        a.who("called the closure an act")
            .0
            .starts_with("Hanna Berg"),
        "{}",
        a.listing()
    );
    assert_eq!(
        a.at("called the police at dawn").claimant_kind,
        ClaimantKind::Outlet,
        "{}",
        a.listing()
    );
    // "To put it plainly" is the writer's own voice.
    assert_eq!(
        a.at("nobody expected the cranes").claimant_kind,
        ClaimantKind::Outlet,
        "{}",
        a.listing()
    );
}

#[test]
fn negated_denial_is_no_denial() {
    let a = attributed("verbs.md");
    assert_eq!(
        a.who("police had been placed on standby"),
        named("transport minister")
    );
    assert_eq!(
        a.stance("police had been placed on standby"),
        Stance::Asserts
    );
}

#[test]
fn passive_and_nominal_attribution() {
    let a = attributed("verbs.md");
    assert_eq!(a.who("two berths would close"), named("harbour master"));
    assert_eq!(a.who("exporters were losing"), named("Chamber of Commerce"));
    // "The employers' claim that A was rejected by the court": two claims, two voices.
    // An unnamed claimant is known only through the outlet.
    assert_eq!(
        a.who("the strike was illegal"),
        via("employers", &["Lena Ortiz (Harbour Times)"])
    );
    assert_eq!(a.stance("the strike was illegal"), Stance::Alleges);
    assert_eq!(
        a.who("was rejected by the labour court"),
        named("labour court")
    );
    assert_eq!(a.stance("was rejected by the labour court"), Stance::Denies);
    // "X, quoted by an agency": the participle names a channel and claims nothing; the
    // pronoun after it is the speaker, not the agency.
    assert_eq!(
        a.who("quoted by the Coastal"),
        via("Aino Salo", &["Coastal News Agency"])
    );
    assert_eq!(a.who("the report would be published").0, "Aino Salo");
}

#[test]
fn according_to_and_unnamed_reports() {
    let a = attributed("reports.md");
    assert_eq!(
        a.who("The flood barrier at Alden failed"),
        named("regional water board")
    );
    assert_eq!(
        a.who("the warning sirens never sounded"),
        via("local residents", &["Delta Post"])
    );
    assert_eq!(a.who("140 millimetres"), named("Weather Bureau"));
    assert_eq!(
        a.who("two villages downstream"),
        via("unnamed reports", &["Delta Post"])
    );
    assert_eq!(a.stance("two villages downstream"), Stance::Alleges);
    assert_eq!(
        a.who("a road bridge has collapsed"),
        via("unnamed reports", &["Delta Post"])
    );
    assert_eq!(
        a.who("Rescue teams were still searching"),
        named("Delta Post")
    );
    assert_eq!(
        a.at("not been inspected").claimant_kind,
        ClaimantKind::Unnamed
    );
    assert_eq!(a.stance("not been inspected"), Stance::Alleges);
    assert_eq!(
        a.at("ignored three written warnings").claimant_kind,
        ClaimantKind::Unnamed
    );
    assert_eq!(a.stance("ignored three written warnings"), Stance::Alleges);
}

#[test]
fn quotations_across_paragraphs() {
    let a = attributed("quotes.md");
    // "…as she said that:" gives the next paragraph to her; "She added:" the one after.
    assert!(
        a.who("The quotas were set by scientists")
            .0
            .starts_with("Ana Ruiz"),
        "{}",
        a.listing()
    );
    assert!(a.who("Nobody in this ministry").0.starts_with("Ana Ruiz"));
    assert!(a.who("We will meet the skippers").0.starts_with("Ana Ruiz"));
    assert_eq!(
        a.who("The skippers were not convinced"),
        named("Jon Arvidsen (Coast Weekly)")
    );
    // "…said X" opening a paragraph takes back the quotation before it; "he added".
    assert!(
        a.who("These quotas will finish off")
            .0
            .starts_with("Tomas Berg"),
        "{}",
        a.listing()
    );
    assert!(a.who("Nobody asked us").0.starts_with("Tomas Berg"));
    // "…the association added." resolves to the association named before.
    assert_eq!(
        a.who("Three hundred boats"),
        named("Coastal Fishermen's Association")
    );
    assert_eq!(
        a.who("The ministry has not yet replied"),
        named("Jon Arvidsen (Coast Weekly)")
    );
    // “…,” she said. “More.”: the quotation going on after its speaker is hers.
    assert!(
        a.who("The register is right").0.starts_with("Lena Voss"),
        "{}",
        a.listing()
    );
    assert!(a.who("Anyone can check it").0.starts_with("Lena Voss"));
}

#[test]
fn offices_come_with_the_name() {
    let a = attributed("quotes.md");
    assert_eq!(
        a.who("Nobody asked us").0,
        "Tomas Berg (Coastal Fishermen's Association)"
    );
}

#[test]
fn a_report_stays_the_channel_when_referred_back_to() {
    let a = attributed("chains.md");
    assert_eq!(
        a.who("built without the required permits"),
        named("Reuters")
    );
    assert_eq!(
        a.who("acknowledged the problem"),
        via("provincial governor", &["Reuters"])
    );
    assert_eq!(
        a.who("the builder ignored two inspections"),
        named("Reuters")
    );
    assert_eq!(
        a.who("cracks had appeared in the spillway"),
        via("site inspector", &["provincial water ministry", "Reuters"])
    );
    assert_eq!(a.who("the dam holds back a reservoir"), named("Reuters"));
}

#[test]
fn comments_belong_to_their_commenters() {
    let a = attributed("comments.md");
    let c = a.at("I don't trust this company");
    assert_eq!(
        (c.claimant.as_str(), c.claimant_kind, c.comment),
        ("a reader", ClaimantKind::Commenter, true)
    );
    // A commenter quoting someone: that someone speaks, through the commenter.
    let c = a.at("the bid was the cheapest by far");
    assert_eq!(
        (c.claimant.as_str(), c.via.as_slice(), c.comment),
        ("mayor", &["Ruth Okafor".to_string()][..], true)
    );
    assert_eq!(
        a.who("nobody checked their safety record"),
        named("Ruth Okafor")
    );
    assert!(
        a.claims
            .iter()
            .filter(|c| c.comment)
            .all(|c| c.claimant_kind != ClaimantKind::Outlet)
    );
    // The article itself is not a comment.
    assert_eq!(a.who("lowest of the five"), named("county engineer"));
    assert!(!a.at("lowest of the five").comment);
}

#[test]
fn stance_families() {
    let a = attributed("stance.md");
    assert_eq!(
        (
            a.who("used as a weapons depot").0,
            a.stance("used as a weapons depot")
        ),
        ("health ministry".into(), Stance::Alleges)
    );
    assert_eq!(a.stance("vehemently reject"), Stance::Denies);
    assert_eq!(a.who("vehemently reject").0, "Rebel commanders");
    assert_eq!(
        a.stance("dismissed the reports as baseless"),
        Stance::Denies
    );
    assert_eq!(a.stance("any weapons had been found"), Stance::Questions);
    assert!(
        a.who("any weapons had been found").0.contains("envoy"),
        "{}",
        a.listing()
    );
    assert_eq!(a.who("It is hard to believe"), named("Border Monitor"));
    assert_eq!(a.stance("It is hard to believe"), Stance::Questions);
    assert_eq!(a.stance("did not deny"), Stance::Asserts);
    assert_eq!(a.stance("so-called investigation"), Stance::Alleges);
    assert_eq!(
        (a.who("That is not true").0, a.stance("That is not true")),
        ("clinic director".into(), Stance::Denies)
    );
    assert_eq!(
        a.who("the clinic will reopen"),
        via("unnamed officials", &["Border Monitor"])
    );
}

#[test]
fn counts_with_qualifiers_and_number_words() {
    let a = attributed("facets.md");
    assert_eq!(
        a.facet("A car bomb exploded", "killed").as_deref(),
        Some("at least 41")
    );
    assert_eq!(
        a.facet("A car bomb exploded", "injured").as_deref(),
        Some("more than 120")
    );
    assert_eq!(
        a.at("forty-one people had died").facets.get("killed"),
        Some(&FacetValue::Int(41))
    );
    assert_eq!(
        a.at("forty-one people had died").facets.get("injured"),
        Some(&FacetValue::Int(97))
    );
    assert_eq!(
        a.facet("counted dozens of dead", "killed").as_deref(),
        Some("dozens")
    );
    let f = &a.at("The 3rd Brigade withdrew").facets;
    assert!(
        !f.contains_key("killed") && !f.contains_key("injured"),
        "{f:?}"
    );
}

#[test]
fn place_and_date_of_the_event() {
    let a = attributed("facets.md");
    assert_eq!(
        a.facet("A car bomb exploded", "date").as_deref(),
        Some("2018-04-12")
    );
    assert_eq!(
        a.facet("A car bomb exploded", "place").as_deref(),
        Some("Tarsa")
    );
}

#[test]
fn intent_with_negation() {
    let a = attributed("facets.md");
    assert_eq!(
        a.facet("the blast was not an accident", "intent")
            .as_deref(),
        Some("deliberate")
    );
    assert_eq!(
        a.facet("by mistake", "intent").as_deref(),
        Some("accidental")
    );
}

#[test]
fn perpetrators_targets_and_denials() {
    let a = attributed("facets.md");
    assert_eq!(
        a.facet("Rebels accused the army", "perpetrator").as_deref(),
        Some("army")
    );
    assert_eq!(
        a.facet("Turkish warplanes struck", "perpetrator")
            .as_deref(),
        Some("Turkey")
    );
    assert_eq!(
        a.facet("Turkish warplanes struck", "target").as_deref(),
        Some("village of Dere")
    );
    assert_eq!(
        a.facet("Turkish jets had struck", "perpetrator").as_deref(),
        Some("not Turkey")
    );
}

#[test]
fn prior_notice_and_responsibility() {
    let a = attributed("facets.md");
    assert_eq!(
        a.facet("informed Iraqi forces", "prior_notice").as_deref(),
        Some("Iraq informed")
    );
    assert_eq!(
        a.facet("any prior knowledge", "prior_notice").as_deref(),
        Some("Iraq not informed")
    );
    assert_eq!(
        a.facet("blamed the militia", "responsible").as_deref(),
        Some("militia")
    );
    assert_eq!(
        a.facet("repeated attacks on the convoys", "responsible")
            .as_deref(),
        Some("militia")
    );
}

#[test]
fn doubts_name_candidates_and_governments_deny_their_part() {
    let a = attributed("facets.md");
    assert_eq!(
        a.stance("Turkish aircraft or Iraqi aircraft"),
        Stance::Questions
    );
    assert_eq!(
        a.facet("Turkish aircraft or Iraqi aircraft", "perpetrator")
            .as_deref(),
        Some("Turkey or Iraq")
    );
    assert_eq!(
        a.facet("vehemently rejected the allegations", "perpetrator")
            .as_deref(),
        Some("not Turkey")
    );
    assert_eq!(
        a.facet("used its air power", "perpetrator").as_deref(),
        Some("US-led coalition")
    );
    assert_eq!(
        a.facet("used its air power", "target").as_deref(),
        Some("militia positions")
    );
    assert_eq!(
        a.facet("blocking aid convoys", "responsible").as_deref(),
        Some("militia")
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use rashomon::ingest::{Format, SegmentKind};
    use rashomon::mentions::{Sentence, Voice};

    /// One sentence per line of each article or comment segment: the property is about
    /// attribution, whatever the splitter does.
    fn line_sentences(doc: &Document) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (i, seg) in doc.segments.iter().enumerate() {
            let voice = match &seg.kind {
                SegmentKind::Body | SegmentKind::Headline | SegmentKind::Caption => Voice::Article,
                SegmentKind::Comment { author, .. } => Voice::Comment {
                    author: author.clone(),
                },
                _ => continue,
            };
            let mut at = seg.start;
            for line in doc.text[seg.start..seg.end].split_inclusive('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    let start = at + (line.len() - line.trim_start().len());
                    out.push(Sentence {
                        start,
                        end: start + trimmed.len(),
                        paragraph: out.len(),
                        segment: i,
                        voice: voice.clone(),
                        headline: seg.kind == SegmentKind::Headline,
                    });
                }
                at += line.len();
            }
        }
        out
    }

    /// Words that exercise the patterns: cues, quotes, colons, names, pronouns, brackets.
    const WORDS: &[&str] = &[
        "said",
        "told",
        "according",
        "to",
        "that",
        ":",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "(",
        ")",
        ",",
        ".",
        ";",
        "…",
        "—",
        "the",
        "a",
        "Ministry",
        "Anna",
        "Berg",
        "of",
        "Defence",
        "he",
        "she",
        "it",
        "they",
        "reports",
        "say",
        "is",
        "said",
        "to",
        "have",
        "denied",
        "claimed",
        "who",
        "quoted",
        "as",
        "saying",
        "killed",
        "62",
        "at",
        "least",
        "not",
        "an",
        "accident",
        "struck",
        "by",
        "Russia",
        "and",
        "Syria",
        "added",
        "In",
        "a",
        "statement",
        "by",
        "’s",
        "view",
        "pretext",
        "on",
        "\n",
        "\n\n",
        "é",
        "日本",
        "http://x.y/z",
        "U.S.",
        "Lt.",
        "İstanbul",
        "ẞ",
        "accidental",
        "mistake",
        "US-led",
        "İ-led",
        "hard",
        "believe",
        "whether",
        "informed",
        "upcoming",
        "strike",
        "blame",
        "due",
        "September",
        "17",
        "dozens",
        "dead",
        "sixty-two",
        "Kremlin",
        "spokesman",
        "Dmitry",
        "Peskov",
        "with",
        "adding",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..120).prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_text_gives_ordered_claims_over_every_sentence(body in text()) {
            // Ingest refuses some inputs (an empty file); those are its tests' business.
            let Ok(doc) = ingest::read_str("p.txt", body.as_bytes(), Format::Text) else {
                return Ok(());
            };
            let sentences = line_sentences(&doc);
            let claims = mentions::attribute(&doc, &sentences, Gazetteer::builtin());
            for c in &claims {
                prop_assert!(c.start <= c.end && c.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(c.start) && doc.text.is_char_boundary(c.end));
                prop_assert!(!c.claimant.is_empty());
            }
            for w in claims.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
            for s in &sentences {
                prop_assert!(claims.iter().any(|c| c.start < s.end && s.start < c.end || c.start == s.start));
            }
        }
    }
}

#[test]
fn nominal_claims_name_their_owner() {
    let a = attributed("more.md");
    let (who, _) = a.who("the blast was an accident");
    assert!(who.contains("Norw"), "{who}\n{}", a.listing());
    assert_eq!(
        a.facet("the blast was an accident", "intent").as_deref(),
        Some("accidental")
    );
    assert_eq!(a.who("claim of sabotage").0, "Equinor");
    assert_eq!(a.stance("claim of sabotage"), Stance::Alleges);
    assert_eq!(a.who("the valves had been checked").0, "operator");
    assert_eq!(a.who("had ignored repeated safety warnings").0, "union");
}

#[test]
fn speech_act_dates_and_colon_quotes() {
    let a = attributed("more.md");
    let c = a.at("divers had found no explosives");
    assert_eq!(c.claimant, "Lars Moen (Police chief)");
    let (s, e) = c.said_at.expect("said on Tuesday");
    assert_eq!(&a.doc.text[s..e], "on Tuesday");
    // "The official was dismissive: “…”": the official just named.
    assert_eq!(
        a.who("no evidence of sabotage").0,
        "Lars Moen (Police chief)"
    );
    assert_eq!(
        a.who("gas supplies would not be interrupted").0,
        "energy minister"
    );
    assert_eq!(a.who("a second line would reopen").0, "energy minister");
    assert_eq!(a.who("the insurers had been told").0, "company source");
}

#[test]
fn relative_speakers_and_editorial_asides() {
    let a = attributed("more.md");
    assert_eq!(a.who("a disaster for the fjord").0, "Greenpeace");
    // "(in reality ...)" is the outlet talking inside someone else's claim.
    assert_eq!(
        a.who("in reality the inquiry"),
        named("Karin Holt (North Ledger)")
    );
}

#[test]
fn more_stance_and_intent() {
    let a = attributed("more.md");
    assert_eq!(
        a.facet("the blast had been no accident", "intent")
            .as_deref(),
        Some("deliberate")
    );
    assert_eq!(a.who("How can anyone"), named("Karin Holt (North Ledger)"));
    assert_eq!(a.stance("How can anyone"), Stance::Questions);
    assert_eq!(
        a.who("reportedly spread"),
        via("unnamed reports", &["Karin Holt (North Ledger)"])
    );
    assert_eq!(a.stance("reportedly spread"), Stance::Alleges);
    assert_eq!(a.stance("safety review"), Stance::Alleges);
    assert_eq!(
        a.facet(
            "the fishing fleet of the upcoming operation",
            "prior_notice"
        )
        .as_deref(),
        Some("fishing fleet informed")
    );
    assert_eq!(
        a.facet("US-led airstrikes hit", "perpetrator").as_deref(),
        Some("US-led coalition")
    );
}

#[test]
fn a_spokesman_voices_the_state() {
    let a = attributed("verbs.md");
    assert_eq!(a.stance("Chile flatly denied"), Stance::Denies);
    let (who, chain) = a.who("Chile flatly denied");
    assert_eq!(who, "Chile");
    assert!(
        chain.first().is_some_and(|c| c.starts_with("Ramon Vidal")),
        "{chain:?}\n{}",
        a.listing()
    );
    assert!(
        a.who("no troops had crossed the border")
            .0
            .starts_with("Ramon Vidal")
    );
}

#[test]
fn the_speaker_after_the_claim_with_a_long_office_or_an_adverb() {
    let a = attributed("postposed.md");
    // "..., X, head of the A of the B, said": an apposition longer than a short subject.
    assert!(
        a.who("The sprinklers failed").0.contains("Rolf Anders"),
        "{}",
        a.listing()
    );
    // "said shortly after ...": an adverb of the saying still closes the claim.
    assert!(
        a.who("The count ended at dawn").0.contains("Mia Holt"),
        "{}",
        a.listing()
    );
    // "..., the county's returning officer announced early on Friday, but ...": the office
    // speaks, not the winner the claim is about; the link "but" is no claim of its own.
    let (who, _) = a.who("won the seat by 40 votes");
    assert!(who.contains("returning officer"), "{who}\n{}", a.listing());
    assert!(!who.contains("Berg"), "{who}");
    assert!(
        a.claims
            .iter()
            .all(|c| a.doc.text[c.start..c.end].trim_matches([',', ' ']) != "but"),
        "{}",
        a.listing()
    );
    // "... when it snowed on May 3, Captain X, head of ..., said at a news conference on
    // Monday, May 8": the clause before the speaker is no part of the speaker, and the
    // setting's date is when it was said.
    let c = a.at("The roof gave way");
    assert!(c.claimant.contains("Eva Lund"), "{}", a.listing());
    let (s, e) = c.said_at.expect("said on Monday");
    assert_eq!(&a.doc.text[s..e], "on Monday, May 8");
    // The sentence's subject runs to its verb ("won"), not to the speaker after the comma.
    let (who, _) = a.who("won the vote by 212 ballots");
    assert!(
        who.contains("election officer") && !who.contains("won"),
        "{who}\n{}",
        a.listing()
    );
}

#[test]
fn a_speaker_between_commas_and_opening_adverbials() {
    let a = attributed("postposed.md");
    // "X, the harbour master said, and Y": the speaker says Y too; before "but" the
    // reporter turns to another voice.
    let c = a.at("The pumps stopped");
    assert!(c.claimant.contains("harbour master"), "{}", a.listing());
    assert!(
        a.doc.text[c.start..c.end].contains("two boats broke their moorings"),
        "{}",
        a.listing()
    );
    assert!(a.who("Shares in the bank fell").0.contains("trader"));
    assert!(
        !a.who("the wider market ended higher").0.contains("trader"),
        "{}",
        a.listing()
    );
    // "On Thursday,", "In a statement,", "At a news conference in Harlow,": the opening
    // adverbial is part of the claim it introduces, not a claim of the outlet's.
    for (opening, speaker) in [
        ("On Thursday,", "police"),
        ("In a statement,", "Nordsee Ferries"),
        ("At a news conference in Harlow,", "Ann Bell"),
    ] {
        let c = a.at(opening);
        assert!(c.claimant.contains(speaker), "{opening}\n{}", a.listing());
    }
}

#[test]
fn a_described_speaker_is_not_the_last_one() {
    let a = attributed("postposed.md");
    // A subject the analysis names nobody by is somebody of that description, not whoever
    // spoke last (here "a broker").
    let who = a.who("the family trust had sold").0;
    assert_eq!(who, "person familiar with the matter", "{}", a.listing());
    assert_eq!(a.who("three sailors were still missing").0, "coastguard");
}

#[test]
fn cognition_and_conclusions_attribute_their_clause_but_not_guesses_or_knowledge() {
    let a = attributed("cognition.md");
    let writer = named("Priya Nand (Valley Ledger)");
    for (phrase, claimant) in [
        // After the clause it reports, a verb that elsewhere needs a complement still speaks.
        ("Two forklift drivers", "fire service"),
        ("The sprinklers had been", "investigators"),
        // "found that", "believe the fire was ...": cognition reports its clause.
        ("the fire was not started", "Detectives"),
        // People named by their trade stand for the body of that trade named just before.
        ("a charger had been left", "Regional Safety Inspectorate"),
    ] {
        assert_eq!(a.who(phrase).0, claimant, "{phrase}\n{}", a.listing());
    }
    // An infinitive, the writer's guess, what someone knew, an indirect question: the
    // writer's words.
    for phrase in [
        "hard to believe",
        "the insurers will pay",
        "the alarm was faulty",
        "whether the depot will reopen",
    ] {
        assert_eq!(a.who(phrase), writer, "{phrase}\n{}", a.listing());
    }
}
