//! The tagger never panics and every span it returns is a valid slice.

use chrono::NaiveDate;
use dateline::temporal::{DocDate, tag, tag_timex};
use proptest::prelude::*;

fn check(text: &str, doc: DocDate) {
    for e in tag(text, doc).into_iter().chain(tag_timex(text, doc)) {
        assert!(e.start < e.end && e.end <= text.len(), "{e:?}");
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "{e:?}"
        );
        if let Some((a, b)) = e.interval {
            assert!(a <= b, "{e:?}");
        }
    }
}

fn doc() -> DocDate {
    DocDate::known(NaiveDate::from_ymd_opt(2024, 4, 24).unwrap())
}

proptest! {
    #[test]
    fn any_string(s in "\\PC{0,300}") {
        check(&s, doc());
        check(&s, DocDate::default());
    }

    #[test]
    fn date_like_soup(parts in proptest::collection::vec(prop_oneof![
        Just("January"), Just("Jan."), Just("May"), Just("Tuesday"), Just("last"), Just("next"),
        Just("the"), Just("past"), Just("three"), Just("years"), Just("ago"), Just("2024"),
        Just("30"), Just("99999"), Just(","), Just("-"), Just("a.m."), Just("10:30"), Just("'90s"),
        Just("mid"), Just("early"), Just("quarter"), Just("first"), Just("between"), Just("and"),
        Just("since"), Just("é"), Just("日本"), Just("\u{2019}"), Just("fall"), Just("day"),
        Just("1/2"), Just("$"), Just("%"), Just("Q"), Just("0"), Just("31st"), Just("of"),
    ], 0..40), seps in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("\n")], 40)) {
        let mut s = String::new();
        for (p, sep) in parts.iter().zip(seps.iter()) {
            s.push_str(p);
            s.push_str(sep);
        }
        check(&s, doc());
        check(&s, DocDate { date: NaiveDate::from_ymd_opt(1, 1, 1), estimated: true });
        check(&s, DocDate { date: NaiveDate::from_ymd_opt(9999, 12, 31), estimated: false });
    }
}

#[test]
fn pathological_inputs() {
    let long_line = "word ".repeat(200_000);
    check(&long_line, doc());
    let no_spaces = "a".repeat(1_000_000);
    check(&no_spaces, doc());
    let digits = "7".repeat(100_000);
    check(&digits, doc());
    let dates = "January 16, 2024, ".repeat(100_000);
    let n = tag_timex(&dates, doc()).len();
    assert_eq!(n, 100_000);
    check("February 30, 2024 and year 99999 and 31 February", doc());
    check(
        "Sept. 31 and 2024-02-30 and Q5 2024 and the 0th century",
        doc(),
    );
}
