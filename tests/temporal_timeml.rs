//! TimeML output keeps every input byte and adds well-formed TIMEX3 tags; the scorer counts
//! as TempEval-3 does.

use dateline::temporal::timeml::{parse, score_doc, tag_document};
use dateline::temporal::{DocDate, tag_timex};

/// A TempEval-3 task A input, written for this test.
const INPUT: &str = r#"<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

<DOCID>TEST1</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">2013-03-22</TIMEX3></DCT>

<TEXT>
AT&amp;T said on Friday that profit in the first quarter rose 5% from a year earlier &lt;unaudited&gt;.
Talks will resume next week; the two sides met for three hours on March 20.
</TEXT>

</TimeML>
"#;

fn strip_added(tagged: &str) -> String {
    let mut out = String::new();
    let mut rest = tagged;
    while let Some(i) = rest.find("<TIMEX3 tid=\"t") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let is_dct = tail.starts_with("<TIMEX3 tid=\"t0\"");
        let gt = tail.find('>').unwrap() + 1;
        if is_dct {
            out.push_str(&tail[..gt]);
            rest = &tail[gt..];
            continue;
        }
        let close = tail.find("</TIMEX3>").unwrap();
        out.push_str(&tail[gt..close]);
        rest = &tail[close + "</TIMEX3>".len()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn tagging_preserves_bytes() {
    let tagged = tag_document(INPUT, "test.tml").unwrap();
    assert_eq!(strip_added(&tagged), INPUT);
    assert!(
        tagged.contains(r#"<TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3>"#),
        "{tagged}"
    );
    assert!(
        tagged.contains(r#"type="DATE" value="2013-Q1">the first quarter</TIMEX3>"#),
        "{tagged}"
    );
    assert!(
        tagged.contains(r#"type="DATE" value="2013-W13">next week</TIMEX3>"#),
        "{tagged}"
    );
    assert!(
        tagged.contains(r#"type="DURATION" value="PT3H">three hours</TIMEX3>"#),
        "{tagged}"
    );
    assert!(
        tagged.contains(r#"type="DATE" value="2013-03-20">March 20</TIMEX3>"#),
        "{tagged}"
    );
    // The DCT is kept as it was and ids do not repeat.
    assert_eq!(tagged.matches("tid=\"t0\"").count(), 1);
    // Entities stay escaped.
    assert!(tagged.contains("AT&amp;T") && tagged.contains("&lt;unaudited&gt;"));
}

#[test]
fn parse_reads_dct_and_plain_text() {
    let doc = parse(INPUT, "test.tml").unwrap();
    assert_eq!(
        doc.dct.map(|d| d.to_string()).as_deref(),
        Some("2013-03-22")
    );
    assert!(doc.plain.text.contains("AT&T said on Friday"));
    assert!(doc.plain.text.contains("<unaudited>"));
    assert!(doc.timexes.is_empty());
}

#[test]
fn scorer_counts_strict_relaxed_and_attributes() {
    let gold_doc = INPUT
        .replace(
            "on Friday that",
            r#"on <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> that"#,
        )
        .replace(
            "for three hours",
            r#"for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours on</TIMEX3>"#,
        )
        .replace("hours on March", "hours March");
    let doc = parse(&gold_doc, "gold.tml").unwrap();
    assert_eq!(doc.timexes.len(), 2);
    let sys = tag_timex(
        &doc.plain.text,
        DocDate {
            date: doc.dct,
            estimated: false,
        },
    );
    let s = score_doc(&doc.plain.text, &doc.timexes, &sys, None);
    assert_eq!(s.gold, 2);
    assert_eq!(s.strict_gold, 1);
    assert_eq!(s.relaxed_gold, 2);
    assert_eq!(s.value_ok, 2);
    assert!(s.system >= 4);
}
