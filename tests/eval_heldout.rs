//! Generalization check: extraction on the held-out articles in `tests/heldout/` (written by
//! us, never used to tune the rules) against `tests/gold/heldout.json`.
//!
//! `DATELINE_EVAL_VERBOSE=1 cargo test --test eval_heldout -- --nocapture` lists every
//! prediction as TP, FP or optional, and every missed gold event.

mod common;

use std::path::Path;

use dateline::Extractor;
use dateline::corpus;
use dateline::pipeline::extract_corpus;

#[test]
fn heldout_articles_precision_recall_and_dates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = corpus::load(&[root.join("tests/heldout")]);
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let ex = extract_corpus(corpus, &Extractor::builtin());
    let verbose = std::env::var_os("DATELINE_EVAL_VERBOSE").is_some();
    let score = common::eval::evaluate(&ex, &root.join("tests/gold/heldout.json"), verbose);
    println!("{}", score.line("held-out", ex.events.len()));
    // The articles without a sidecar entry take their date from the text.
    for a in &ex.articles {
        assert!(a.published.is_some(), "{} has no date", a.path);
    }
    // A floor a little under the measured figures, so regressions fail.
    let (_, _, f1, da) = score.figures();
    assert!(f1 >= 0.96, "F1 fell to {f1:.3}");
    assert!(da >= 0.96, "date accuracy fell to {da:.3}");
}
