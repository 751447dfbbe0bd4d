//! Extraction rules on small made-up articles: status, dating (own expression, lead, context,
//! background, unknown article date), actors and targets, boilerplate, user vocabularies.

use chrono::NaiveDate;
use dateline::corpus::{Article, Corpus, DateSource};
use dateline::pipeline::extract_corpus;
use dateline::temporal::Anchor;
use dateline::{Event, Extractor, Status};

fn article(text: &str, published: Option<&str>) -> Article {
    Article {
        path: "t.txt".to_string(),
        title: None,
        url: None,
        published: published.and_then(|d| d.parse().ok()),
        published_source: if published.is_some() {
            DateSource::Sidecar
        } else {
            DateSource::Unknown
        },
        text: text.to_string(),
    }
}

fn events(text: &str, published: Option<&str>) -> Vec<Event> {
    Extractor::builtin().extract(&article(text, published))
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn span(e: &Event) -> Option<(NaiveDate, NaiveDate)> {
    e.when.as_ref().and_then(|w| w.start.zip(w.end))
}

#[test]
fn own_expression_dates_each_event_of_a_sentence() {
    let ev = events(
        "Moscow and Pyongyang have denied the allegations, but signed a comprehensive strategic partnership in June.\n",
        Some("2024-09-14"),
    );
    let denial = ev.iter().find(|e| e.event_type == "denial").unwrap();
    let agreement = ev.iter().find(|e| e.event_type == "agreement").unwrap();
    assert_eq!(denial.when, None, "a standing denial stays undated");
    assert_eq!(
        span(agreement),
        Some((day("2024-06-01"), day("2024-06-30")))
    );
    assert_eq!(agreement.actors, ["Russia", "North Korea"]);
}

#[test]
fn lead_takes_the_article_date_and_background_does_not() {
    let text = "North Korea fired two ballistic missiles into the sea, officials said.\n\
                Iran has consistently denied allegations of selling drones to Russia.\n";
    let ev = events(text, Some("2024-04-10"));
    let test = ev.iter().find(|e| e.event_type == "missile_test").unwrap();
    let w = test.when.as_ref().unwrap();
    assert_eq!(w.anchor, Anchor::Article);
    assert_eq!(span(test), Some((day("2024-04-10"), day("2024-04-10"))));
    let denial = ev.iter().find(|e| e.event_type == "denial").unwrap();
    assert_eq!(denial.when, None);
}

#[test]
fn without_an_article_date_relative_dates_are_not_certain() {
    let text = "North Korea fired a ballistic missile on Tuesday.\n\
                Kim Jong Un met Vladimir Putin on January 16, 2024.\n";
    let ev = events(text, None);
    let test = ev.iter().find(|e| e.event_type == "missile_test").unwrap();
    let w = test.when.as_ref().unwrap();
    assert_eq!(w.anchor, Anchor::None);
    assert!(w.start.is_none() && w.end.is_none());
    let meeting = ev.iter().find(|e| e.event_type == "meeting").unwrap();
    assert_eq!(span(meeting), Some((day("2024-01-16"), day("2024-01-16"))));
    assert_eq!(meeting.when.as_ref().unwrap().anchor, Anchor::Absolute);
}

#[test]
fn an_estimated_article_date_is_marked_as_estimate() {
    let text = "Kim Jong Un met Vladimir Putin on January 16, 2024.\n\
                North Korea fired a ballistic missile on Tuesday.\n";
    let ex = extract_corpus(
        Corpus {
            articles: vec![article(text, None)],
            problems: Vec::new(),
        },
        &Extractor::builtin(),
    );
    assert_eq!(ex.articles[0].published_source, DateSource::Estimate);
    let test = ex
        .events
        .iter()
        .find(|e| e.event_type == "missile_test")
        .unwrap();
    assert_eq!(test.when.as_ref().unwrap().anchor, Anchor::Estimate);
}

#[test]
fn statuses() {
    let text = "North Korea has been accused of covertly shipping ammunition to Russia.\n\
                Russian President Vladimir Putin plans to visit Pyongyang next month.\n\
                Iran has consistently denied allegations of selling drones to Russia.\n";
    let ev = events(text, Some("2024-04-10"));
    let shipping = ev.iter().find(|e| e.event_type == "arms_transfer").unwrap();
    assert_eq!(shipping.status, Status::Alleged);
    assert_eq!(shipping.target.as_deref(), Some("Russia"));
    let accusation = ev.iter().find(|e| e.event_type == "accusation").unwrap();
    assert_eq!(accusation.target.as_deref(), Some("North Korea"));
    let visit = ev.iter().find(|e| e.event_type == "visit").unwrap();
    assert_eq!(visit.status, Status::Planned);
    assert_eq!(span(visit), Some((day("2024-05-01"), day("2024-05-31"))));
    let sold = ev
        .iter()
        .filter(|e| e.event_type == "arms_transfer")
        .find(|e| e.source.text.contains("Iran"))
        .unwrap();
    assert_eq!(sold.status, Status::Denied);
}

#[test]
fn questions_quotes_negations_and_boilerplate_yield_nothing() {
    let text = "Will North Korea launch another missile?\n\
                \u{201c}We have never exported weapons or ammunition to Russia before, and we will not plan to export them,\u{201d} an official said.\n\
                READ MORE: Japan on alert as North Korea launches missile attack [REVEAL]\n\
                North Korea did not send troops to Russia.\n";
    let ev = events(text, Some("2024-04-10"));
    assert!(ev.is_empty(), "{ev:#?}");
}

#[test]
fn un_security_council_meeting_is_a_un_meeting() {
    let ev = events(
        "At the end of June, the US clashed with Russia at a UN Security Council meeting over claims of arms transfers.\n",
        Some("2024-09-14"),
    );
    let types: Vec<&str> = ev.iter().map(|e| e.event_type.as_str()).collect();
    assert!(types.contains(&"un_meeting"), "{types:?}");
    assert!(!types.contains(&"meeting"), "{types:?}");
}

#[test]
fn attack_drone_test_is_a_weapons_test() {
    let ev = events(
        "North Korea conducts a purported nuclear-capable underwater attack drone test.\n",
        Some("2024-01-19"),
    );
    let types: Vec<&str> = ev.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(types, ["missile_test"]);
}

#[test]
fn a_repeated_event_is_listed_once_with_the_better_date() {
    let text = "A delegation from North Korea recently visited Iran.\n\
                The delegation departed Pyongyang for Tehran on Tuesday, state media said.\n";
    let ev = events(text, Some("2024-04-24"));
    let visits: Vec<&Event> = ev.iter().filter(|e| e.event_type == "visit").collect();
    assert_eq!(visits.len(), 1, "{visits:#?}");
    assert_eq!(
        span(visits[0]),
        Some((day("2024-04-23"), day("2024-04-23")))
    );
    assert_eq!(visits[0].target.as_deref(), Some("Iran"));
}

#[test]
fn sources_are_exact_sentences() {
    let text = "Intro line without events.\n\nNorth Korea fired a missile on Monday. Seoul said it was a ballistic missile.\n";
    for e in events(text, Some("2024-04-10")) {
        assert_eq!(&text[e.source.start..e.source.end], e.source.text);
        assert!(e.summary.chars().count() <= 81);
        assert!(e.id.starts_with("t.txt#"));
    }
}
