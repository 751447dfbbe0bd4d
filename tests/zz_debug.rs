use dateline::Extractor;
use dateline::corpus::{Article, DateSource};
#[test]
fn dbg() {
    let text = std::fs::read_to_string(std::env::var("DBG_FILE").unwrap()).unwrap();
    let a = Article {
        path: "x".into(),
        title: None,
        url: None,
        published: std::env::var("DBG_DATE").ok().and_then(|d| d.parse().ok()),
        published_source: DateSource::Sidecar,
        text: text.clone(),
    };
    let seg = dateline::text::segment(&text);
    for s in &seg.sentences {
        println!(
            "S {:?} {:?} | {}",
            s.span,
            seg.paragraphs[s.paragraph].kind,
            &text[s.span.clone()].chars().take(70).collect::<String>()
        );
    }
    for e in Extractor::builtin().extract(&a) {
        println!(
            "{} {:?} {:?} {:?} | {}",
            e.event_type,
            e.status,
            e.actors,
            e.when.as_ref().map(|w| (w.start, w.expression.clone())),
            e.summary
        );
    }
}
#[test]
fn dbg_times() {
    let text = std::fs::read_to_string(std::env::var("DBG_FILE").unwrap()).unwrap();
    let d = std::env::var("DBG_DATE").ok().and_then(|d| d.parse().ok());
    for t in dateline::temporal::tag(
        &text,
        dateline::temporal::DocDate {
            date: d,
            estimated: false,
        },
    ) {
        println!(
            "T {:?} {:?} {:?} {:?} {}",
            &text[t.start..t.end],
            t.timex_type,
            t.interval,
            t.precision,
            t.value
        );
    }
}
