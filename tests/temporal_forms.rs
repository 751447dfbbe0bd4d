//! Every time-expression form news uses, each with its normalization.

use chrono::NaiveDate;
use dateline::temporal::{Anchor, DocDate, Precision, TimeExpr, TimexType, tag, tag_timex};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// DCT used by most tests: Wednesday 2024-04-24.
fn dct() -> DocDate {
    DocDate::known(d("2024-04-24"))
}

fn one(text: &str, doc: DocDate) -> TimeExpr {
    let all = tag(text, doc);
    assert_eq!(all.len(), 1, "{text:?}: {all:#?}");
    all.into_iter().next().unwrap()
}

fn check(text: &str, expr: &str, value: &str, iv: Option<(&str, &str)>) -> TimeExpr {
    let e = one(text, dct());
    assert_eq!(&text[e.start..e.end], expr, "{text:?}: {e:?}");
    assert_eq!(e.value, value, "{text:?}: {e:?}");
    assert_eq!(e.interval, iv.map(|(a, b)| (d(a), d(b))), "{text:?}: {e:?}");
    e
}

#[test]
fn absolute_dates() {
    let e = check(
        "It began on January 16, 2024, officials said.",
        "January 16, 2024",
        "2024-01-16",
        Some(("2024-01-16", "2024-01-16")),
    );
    assert_eq!(e.anchor, Anchor::Absolute);
    assert_eq!(e.precision, Precision::Day);
    check(
        "It began on 16 January 2024 in Seoul.",
        "16 January 2024",
        "2024-01-16",
        Some(("2024-01-16", "2024-01-16")),
    );
    check(
        "Filed 2024-01-16 by the court.",
        "2024-01-16",
        "2024-01-16",
        Some(("2024-01-16", "2024-01-16")),
    );
    let e = check(
        "The deal was signed in February 2022 in Moscow.",
        "February 2022",
        "2022-02",
        Some(("2022-02-01", "2022-02-28")),
    );
    assert_eq!(e.precision, Precision::Month);
}

#[test]
fn month_day_takes_article_year() {
    let e = check(
        "Kim met Putin on Jan. 16 in Moscow, it said.",
        "Jan. 16",
        "2024-01-16",
        Some(("2024-01-16", "2024-01-16")),
    );
    assert_eq!(e.anchor, Anchor::Article);
    check(
        "TOKYO, Sept 13 (KUNA) -- talks ended.",
        "Sept 13",
        "2023-09-13",
        Some(("2023-09-13", "2023-09-13")),
    );
    check(
        "The summit will be held on Sept 13.",
        "Sept 13",
        "2024-09-13",
        Some(("2024-09-13", "2024-09-13")),
    );
    check(
        "It happened on January 2 this year.",
        "January 2 this year",
        "2024-01-02",
        Some(("2024-01-02", "2024-01-02")),
    );
}

#[test]
fn ranges() {
    let e = check(
        "Shipments arrived between December 30, 2023 and February 7, 2024, it said.",
        "between December 30, 2023 and February 7, 2024",
        "2023-12-30/2024-02-07",
        Some(("2023-12-30", "2024-02-07")),
    );
    assert_eq!(e.precision, Precision::Range);
    let e = check(
        "Prices have risen since September.",
        "since September",
        "2023-09/2024-04-24",
        Some(("2023-09-01", "2024-04-24")),
    );
    assert_eq!(e.precision, Precision::Range);
    // TimeML keeps the signal outside.
    let t = tag_timex("between December 30, 2023 and February 7, 2024", dct());
    assert_eq!(t.len(), 2);
}

#[test]
fn weekdays() {
    check(
        "North Korea fired a missile on Tuesday, Seoul said.",
        "Tuesday",
        "2024-04-23",
        Some(("2024-04-23", "2024-04-23")),
    );
    check(
        "The envoy arrived last Wednesday.",
        "last Wednesday",
        "2024-04-17",
        Some(("2024-04-17", "2024-04-17")),
    );
    check(
        "The launch came on Thursday (US time), officials said.",
        "Thursday",
        "2024-04-18",
        Some(("2024-04-18", "2024-04-18")),
    );
    check(
        "The two sides will meet on Tuesday.",
        "Tuesday",
        "2024-04-30",
        Some(("2024-04-30", "2024-04-30")),
    );
    let e = check(
        "Troops moved in Monday morning, he said.",
        "Monday morning",
        "2024-04-22TMO",
        Some(("2024-04-22", "2024-04-22")),
    );
    // A part of a day is a TIME in the TimeML guidelines, still dated for the timeline.
    assert_eq!(e.timex_type, TimexType::Time);
    check(
        "The court gave the family until Friday to leave.",
        "Friday",
        "2024-04-26",
        Some(("2024-04-26", "2024-04-26")),
    );
    check(
        "Officials said he would travel to Pyongyang Thursday.",
        "Thursday",
        "2024-04-25",
        Some(("2024-04-25", "2024-04-25")),
    );
    check(
        "The offer had been due to expire Friday evening.",
        "Friday evening",
        "2024-04-19TEV",
        Some(("2024-04-19", "2024-04-19")),
    );
    // `the previous Friday` counts back from the day the story is about, not the DCT.
    let t = tag_timex(
        "The index closed at 2082.1 on Friday, down 4.5% from the previous Friday.",
        dct(),
    );
    let v: Vec<&str> = t.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["2024-04-19", "2024-04-12"], "{t:?}");
    let t = tag_timex(
        "They met on April 3. The following Monday he resigned.",
        dct(),
    );
    let v: Vec<&str> = t.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["2024-04-03", "2024-04-08"], "{t:?}");
}

#[test]
fn yearless_days_near_the_article_date() {
    let t = tag_timex("The war began on the night of March 19-20, 2003.", dct());
    assert_eq!(
        t.first().map(|e| e.value.as_str()),
        Some("2003-03-19"),
        "{t:?}"
    );
    // `effective` looks ahead: a pact effective Feb. 1 written in October starts next year.
    let t = tag_timex(
        "The board created a new office, effective Feb. 1.",
        DocDate::known(d("2024-10-30")),
    );
    let v: Vec<&str> = t.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["2025-02-01"], "{t:?}");
    // Within two months of the article date a day keeps its year whatever the verb says.
    check(
        "The board declared a dividend, payable June 7 to holders of record.",
        "June 7",
        "2024-06-07",
        Some(("2024-06-07", "2024-06-07")),
    );
    // Further ahead, a past-tense sentence is about last year.
    check(
        "The company reported the loss on Nov. 20.",
        "Nov. 20",
        "2023-11-20",
        Some(("2023-11-20", "2023-11-20")),
    );
    // `April 24 and 25`: two days.
    let t = tag_timex("The summit was held on April 12 and 13 in Seoul.", dct());
    let v: Vec<&str> = t.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["2024-04-12", "2024-04-13"]);
}

#[test]
fn deictic_days() {
    check(
        "The ministry said yesterday that it had no plans.",
        "yesterday",
        "2024-04-23",
        Some(("2024-04-23", "2024-04-23")),
    );
    check(
        "The talks resume today.",
        "today",
        "2024-04-24",
        Some(("2024-04-24", "2024-04-24")),
    );
    let e = check(
        "He will speak tonight.",
        "tonight",
        "2024-04-24TNI",
        Some(("2024-04-24", "2024-04-24")),
    );
    assert_eq!(e.timex_type, TimexType::Time);
    let e = check(
        "The situation is now calm.",
        "now",
        "PRESENT_REF",
        Some(("2024-04-24", "2024-04-24")),
    );
    assert_eq!(e.timex_type, TimexType::Date);
    check(
        "He is currently in Beijing.",
        "currently",
        "PRESENT_REF",
        Some(("2024-04-24", "2024-04-24")),
    );
    check("The ship recently docked.", "recently", "PAST_REF", None);
    // The adjectives alone, as TimeML tags them; with a unit the unit parser decides.
    check(
        "Given current market conditions, the plant waits.",
        "current",
        "PRESENT_REF",
        Some(("2024-04-24", "2024-04-24")),
    );
    check(
        "Analysts blame recent losses on fears.",
        "recent",
        "PAST_REF",
        None,
    );
    let e = one("Sales rose in recent years, it said.", dct());
    assert_eq!(
        &"Sales rose in recent years, it said."[e.start..e.end],
        "recent years"
    );
    let e = one("Sales in the current fiscal year will rise.", dct());
    assert_eq!(e.value, "2024");
    let e = one("Sales grew for the first time in years.", dct());
    assert_eq!(
        (e.value.as_str(), e.timex_type),
        ("PXY", TimexType::Duration)
    );
    let e = one("Troops will deploy within weeks, he said.", dct());
    assert_eq!(e.value, "PXW");
    let e = one("Brokers suffer more these days, dealers say.", dct());
    assert_eq!(e.value, "PRESENT_REF");
    let e = one("Funds may sell in the weeks ahead, he said.", dct());
    assert_eq!(
        &"Funds may sell in the weeks ahead, he said."[e.start..e.end],
        "the weeks ahead"
    );
    let e = one("The deal should close by year's end, it said.", dct());
    assert_eq!(
        (e.value.as_str(), e.modifier.as_deref()),
        ("2024", Some("END"))
    );
    let e = one("In March, the company received an offer.", dct());
    assert_eq!(e.value, "2024-03");
    let e = one("It was the worst single-day decline on record.", dct());
    assert_eq!(e.value, "P1D");
    let all = tag("The boxy cars of the 70s and 80s are gone.", dct());
    let v: Vec<&str> = all.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["197", "198"]);
    for text in [
        "Both men are in their 60s and 70s.",
        "Chips of choice in many of today's personal computers.",
        "The most recent model sold well.",
        "The current account deficit widened.",
        "A strong current swept the boat away.",
    ] {
        assert!(tag(text, dct()).is_empty(), "{text:?}");
    }
}

#[test]
fn story_relative() {
    let all = tag(
        "The envoy arrived on March 3, 2024. He left the next day.",
        dct(),
    );
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].value, "2024-03-04");
    assert_eq!(all[1].anchor, Anchor::Absolute);
    let all = tag(
        "The envoy arrived on March 3, 2024. Two days later he met Kim.",
        dct(),
    );
    assert_eq!(all[1].value, "2024-03-05");
    let all = tag(
        "Talks began on March 3, 2024. The previous day, shells fell.",
        dct(),
    );
    assert_eq!(all[1].value, "2024-03-02");
    let all = tag(
        "Talks began in March 2023. Later that month, a deal was signed.",
        dct(),
    );
    assert_eq!(all.last().unwrap().value, "2023-03");
}

#[test]
fn weeks_months_years() {
    check(
        "Officials met last week.",
        "last week",
        "2024-W16",
        Some(("2024-04-15", "2024-04-21")),
    );
    check(
        "The talks are this week.",
        "this week",
        "2024-W17",
        Some(("2024-04-22", "2024-04-28")),
    );
    let e = check(
        "Seoul said earlier this month that it would respond.",
        "earlier this month",
        "2024-04",
        Some(("2024-04-01", "2024-04-10")),
    );
    assert_eq!(e.modifier.as_deref(), Some("START"));
    check(
        "It was tested in June, officials said.",
        "June",
        "2023-06",
        Some(("2023-06-01", "2023-06-30")),
    );
    check(
        "It is due to be launched in June.",
        "June",
        "2024-06",
        Some(("2024-06-01", "2024-06-30")),
    );
    check(
        "Kim visited last July.",
        "last July",
        "2023-07",
        Some(("2023-07-01", "2023-07-31")),
    );
    let e = check(
        "Kim visited in late February.",
        "late February",
        "2024-02",
        Some(("2024-02-21", "2024-02-29")),
    );
    assert_eq!(e.modifier.as_deref(), Some("END"));
    check(
        "Exports rose this year.",
        "this year",
        "2024",
        Some(("2024-01-01", "2024-12-31")),
    );
    check(
        "Exports rose last year.",
        "last year",
        "2023",
        Some(("2023-01-01", "2023-12-31")),
    );
    check(
        "Exports will rise next year.",
        "next year",
        "2025",
        Some(("2025-01-01", "2025-12-31")),
    );
    check(
        "The unit will deploy next month.",
        "next month",
        "2024-05",
        Some(("2024-05-01", "2024-05-31")),
    );
    check(
        "A plant opened over the weekend.",
        "the weekend",
        "2024-W16-WE",
        Some(("2024-04-20", "2024-04-21")),
    );
    let e = check(
        "Fighting has intensified in recent weeks.",
        "recent weeks",
        "PXW",
        Some(("2024-04-03", "2024-04-24")),
    );
    assert_eq!(e.precision, Precision::Range);
    check(
        "The war began nearly 70 years ago.",
        "nearly 70 years ago",
        "1954",
        Some(("1954-01-01", "1954-12-31")),
    );
    check(
        "He resigned two weeks ago.",
        "two weeks ago",
        "2024-W15",
        Some(("2024-04-08", "2024-04-14")),
    );
    check(
        "He resigned a year ago.",
        "a year ago",
        "2023",
        Some(("2023-01-01", "2023-12-31")),
    );
    check(
        "The plan will take effect early next year.",
        "early next year",
        "2025",
        Some(("2025-01-01", "2025-04-30")),
    );
    check(
        "The vote is set for the end of the month.",
        "the end of the month",
        "2024-04",
        Some(("2024-04-21", "2024-04-30")),
    );
    check(
        "Growth slowed in mid-2023.",
        "mid-2023",
        "2023",
        Some(("2023-05-01", "2023-08-31")),
    );
}

#[test]
fn coarse_periods() {
    check(
        "Tensions grew in the 1990s.",
        "the 1990s",
        "199",
        Some(("1990-01-01", "1999-12-31")),
    );
    check(
        "It was built in the 20th century.",
        "the 20th century",
        "19",
        Some(("1900-01-01", "1999-12-31")),
    );
    check(
        "Profit rose in Q1 2024.",
        "Q1 2024",
        "2024-Q1",
        Some(("2024-01-01", "2024-03-31")),
    );
    check(
        "Profit rose in the first quarter.",
        "the first quarter",
        "2024-Q1",
        Some(("2024-01-01", "2024-03-31")),
    );
    check(
        "It opened in summer 2023.",
        "summer 2023",
        "2023-SU",
        Some(("2023-06-01", "2023-08-31")),
    );
    check(
        "Revenue in fiscal 2023 rose.",
        "fiscal 2023",
        "2023",
        Some(("2023-01-01", "2023-12-31")),
    );
    check(
        "The war began in 2022.",
        "2022",
        "2022",
        Some(("2022-01-01", "2022-12-31")),
    );
}

#[test]
fn durations_sets_times() {
    let e = check(
        "Output fell over the past three years.",
        "the past three years",
        "P3Y",
        None,
    );
    assert_eq!(e.timex_type, TimexType::Duration);
    check("The war lasted three years.", "three years", "P3Y", None);
    check("They stayed for two weeks.", "two weeks", "P2W", None);
    check("The talks lasted 2 hours.", "2 hours", "PT2H", None);
    check(
        "The decline over the past decade was steep.",
        "the past decade",
        "P10Y",
        None,
    );
    let e = check(
        "He prays every Tuesday.",
        "every Tuesday",
        "XXXX-WXX-2",
        None,
    );
    assert_eq!(e.timex_type, TimexType::Set);
    check("The paper is published daily.", "daily", "P1D", None);
    let text = "Flights leave on Monday and Tuesday nights. Every Friday evening they meet.";
    let t = tag_timex(text, dct());
    let v: Vec<(&str, &str)> = t
        .iter()
        .map(|e| (&text[e.start..e.end], e.value.as_str()))
        .collect();
    assert_eq!(
        v,
        [
            ("Monday", "XXXX-WXX-1TNI"),
            ("Tuesday nights", "XXXX-WXX-2TNI"),
            ("Every Friday evening", "XXXX-WXX-5TEV")
        ],
        "{t:?}"
    );
    assert!(t.iter().all(|e| e.timex_type == TimexType::Set));
    check(
        "Losses mounted over the past two quarters.",
        "the past two quarters",
        "P2Q",
        None,
    );
    let e = check(
        "The strike has lasted nearly two months.",
        "nearly two months",
        "P2M",
        None,
    );
    assert_eq!(e.modifier.as_deref(), Some("APPROX"));
    check(
        "The talks lasted about three days.",
        "three days",
        "P3D",
        None,
    );
    check(
        "Japan posted two consecutive quarters of negative growth.",
        "two consecutive quarters",
        "P2Q",
        None,
    );
    assert!(tag("He won three quarters of the vote.", dct()).is_empty());
    assert!(tag("It cut 789, or about a quarter, of its dealers.", dct()).is_empty());
    assert!(tag("The quarter-to-quarter comparison improved.", dct()).is_empty());
    let e = check(
        "The deal should close around Nov. 1, he said.",
        "around Nov. 1",
        "2024-11-01",
        Some(("2024-11-01", "2024-11-01")),
    );
    assert_eq!(e.modifier.as_deref(), Some("APPROX"));
    check(
        "They worry about the future, he said.",
        "the future",
        "FUTURE_REF",
        None,
    );
    check("The move comes a day after the vote.", "a day", "P1D", None);
    check(
        "The index lost it in just minutes.",
        "minutes",
        "PTXM",
        None,
    );
    check(
        "The war lasted a year and a half.",
        "a year and a half",
        "P1Y6M",
        None,
    );
    check(
        "He waited two and a half hours.",
        "two and a half hours",
        "PT2H30M",
        None,
    );
    check(
        "In the last twenty four hours it fell.",
        "the last twenty four hours",
        "PT24H",
        None,
    );
    check(
        "But a minute and a half later, a pilot called.",
        "a minute and a half",
        "PT1M30S",
        None,
    );
    check(
        "He vowed to halve unemployment by the year two thousand.",
        "the year two thousand",
        "2000",
        Some(("2000-01-01", "2000-12-31")),
    );
    let e = check("He will soon meet the envoy.", "soon", "FUTURE_REF", None);
    assert_eq!(e.timex_type, TimexType::Date);
    assert!(tag("He left as soon as the talks ended.", dct()).is_empty());
    assert!(tag("He was soon released by the police.", dct()).is_empty());
    let e = check(
        "The blast came at 10 a.m. near the border.",
        "10 a.m.",
        "2024-04-24T10:00",
        Some(("2024-04-24", "2024-04-24")),
    );
    assert_eq!(e.timex_type, TimexType::Time);
    let t = tag_timex(
        "By mid afternoon, sources said. Shares rose in morning trading. At mid-afternoon \
         yesterday they fell. Dealers placed orders in the morning of the vote.",
        dct(),
    );
    let v: Vec<(&str, Option<&str>)> = t
        .iter()
        .map(|e| (e.value.as_str(), e.modifier.as_deref()))
        .collect();
    assert_eq!(
        v,
        [
            ("2024-04-24TAF", Some("MID")),
            ("2024-04-24TMO", None),
            ("2024-04-23TAF", Some("MID"))
        ],
        "{t:?}"
    );
    assert!(t.iter().all(|e| e.timex_type == TimexType::Time));
    check(
        "The curfew starts at midnight.",
        "midnight",
        "2024-04-24T24:00",
        Some(("2024-04-24", "2024-04-24")),
    );
}

#[test]
fn the_unit_before_the_story_day() {
    let text =
        "On Friday, the owner spoke. The day before, he had met lawyers. That same day he left.";
    let t = tag_timex(text, dct());
    let v: Vec<(&str, &str)> = t
        .iter()
        .map(|e| (&text[e.start..e.end], e.value.as_str()))
        .collect();
    assert_eq!(
        v,
        [
            ("Friday", "2024-04-19"),
            ("The day before", "2024-04-18"),
            ("That same day", "2024-04-18")
        ],
        "{t:?}"
    );
    assert!(tag("He left the day before the vote.", dct()).is_empty());
    check(
        "He left the day after Jan. 5, officials said.",
        "the day after Jan. 5",
        "2024-01-06",
        Some(("2024-01-06", "2024-01-06")),
    );
    // The story's day survives coarser periods mentioned since.
    let t = tag_timex(
        "Ford said on Tuesday that sales rose in February, up from a year ago. The stock \
         rose before declining later in the day.",
        dct(),
    );
    assert_eq!(
        t.last().map(|e| e.value.as_str()),
        Some("2024-04-23"),
        "{t:?}"
    );
    let t = tag_timex(
        "He was killed in October. His name was crossed out that same day.",
        dct(),
    );
    let v: Vec<&str> = t.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["2023-10", "2023-10-XX"], "{t:?}");
    assert_eq!(
        t.get(1).and_then(|e| e.interval),
        Some((d("2023-10-01"), d("2023-10-31")))
    );
}

#[test]
fn the_whole_year_under_discussion() {
    let text = "GM lost $2 billion in the fourth quarter of 2023 and $8.6 billion for the \
                entire year. It made $19.8 billion more than the year previous.";
    let t = tag_timex(text, dct());
    let v: Vec<(&str, &str)> = t
        .iter()
        .map(|e| (&text[e.start..e.end], e.value.as_str()))
        .collect();
    assert_eq!(
        v,
        [
            ("the fourth quarter of 2023", "2023-Q4"),
            ("the entire year", "2023"),
            ("the year previous", "2022")
        ],
        "{t:?}"
    );
}

#[test]
fn days_named_after_feasts() {
    let text = "Pilgrims gathered on Good Friday. Easter Monday is a holiday. Shops expect \
                record sales on Black Friday. Stocks crashed on Black Monday.";
    let t = tag_timex(text, dct());
    let v: Vec<(&str, &str)> = t
        .iter()
        .map(|e| (&text[e.start..e.end], e.value.as_str()))
        .collect();
    assert_eq!(
        v,
        [
            ("Good Friday", "2024-03-29"),
            ("Easter Monday", "2024-04-01"),
            ("Black Friday", "2024-11-29")
        ],
        "{t:?}"
    );
}

#[test]
fn report_periods() {
    let text = "Output in Q1 2024 rose. H2 2023 was weak. By end-2023 it had doubled.";
    let t = tag_timex(text, dct());
    let v: Vec<(&str, &str)> = t
        .iter()
        .map(|e| (&text[e.start..e.end], e.value.as_str()))
        .collect();
    assert_eq!(
        v,
        [
            ("Q1 2024", "2024-Q1"),
            ("H2 2023", "2023-H2"),
            ("end-2023", "2023")
        ],
        "{t:?}"
    );
    assert_eq!(t.get(2).and_then(|e| e.modifier.as_deref()), Some("END"));
    check(
        "It earned $22.5 million in the year-ago third quarter.",
        "the year-ago third quarter",
        "2022-Q3",
        Some(("2022-07-01", "2022-09-30")),
    );
    let text = "It earned $1.8 million in the quarter ended Sept. 30, 2023, against a loss \
                for the corresponding period last year.";
    let t = tag_timex(text, dct());
    assert_eq!(t.last().map(|e| e.value.as_str()), Some("2022-Q3"), "{t:?}");
}

#[test]
fn modified_decades_keep_their_article() {
    let e = one("In the late 1970s it grew.", dct());
    assert_eq!((e.start, e.end, e.value.as_str()), (3, 17, "197"), "{e:?}");
    let e = one("In early 1997 it rose.", dct());
    assert_eq!((e.start, e.end, e.value.as_str()), (3, 13, "1997"), "{e:?}");
}

#[test]
fn runs_of_days() {
    check(
        "Trading was suspended for a second consecutive day.",
        "a second consecutive day",
        "2024-04-24",
        Some(("2024-04-24", "2024-04-24")),
    );
    check(
        "Stocks gained for the fourth week in a row.",
        "the fourth week",
        "2024-W17",
        Some(("2024-04-22", "2024-04-28")),
    );
}

#[test]
fn titles_named_like_times() {
    assert!(tag("This is VOA Today.", dct()).is_empty());
    assert!(tag("The paper USA Today reported it.", dct()).is_empty());
    assert!(tag("Baker said on ABC's \"This Week\" that it was over.", dct()).is_empty());
    assert!(tag("Nasdaq's average daily volume rose.", dct()).is_empty());
    check(
        "Today, the talks resumed.",
        "Today",
        "2024-04-24",
        Some(("2024-04-24", "2024-04-24")),
    );
}

#[test]
fn numbers_that_are_not_years() {
    for text in [
        "Russia received 10,000 containers.",
        "The deal was worth $138 million.",
        "It sent 2,000 troops.",
        "It sent about 2000 troops.",
        "Resolution 1718 bans the trade.",
        "Prices rose 2024 percent.",
        "He is 70 years old.",
        "The May meeting may be delayed.",
    ] {
        let all = tag(text, dct());
        assert!(
            all.iter()
                .all(|e| e.value != "2024" && e.value != "2000" && e.value != "1718"),
            "{text}: {all:?}"
        );
        if text.contains("old")
            || text.contains('$')
            || text.contains("containers")
            || text.contains("troops")
        {
            assert!(all.is_empty(), "{text}: {all:?}");
        }
    }
}

#[test]
fn no_article_date() {
    let doc = DocDate::default();
    let all = tag(
        "He arrived on Tuesday and left on January 16, 2024. Last year was hard.",
        doc,
    );
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(all[0].anchor, Anchor::None);
    assert_eq!(all[0].interval, None);
    assert_eq!(all[1].anchor, Anchor::Absolute);
    assert_eq!(all[1].interval, Some((d("2024-01-16"), d("2024-01-16"))));
    assert_eq!(all[2].interval, None);
    let est = DocDate {
        date: Some(d("2024-04-24")),
        estimated: true,
    };
    let all = tag("He arrived yesterday.", est);
    assert_eq!(all[0].anchor, Anchor::Estimate);
}

#[test]
fn impossible_dates() {
    for text in [
        "February 30, 2024",
        "year 99999",
        "on 2024-13-45",
        "Jan. 32",
        "the 99999th century",
    ] {
        for e in tag(text, dct()) {
            if let Some((a, b)) = e.interval {
                assert!(a <= b);
            }
            assert!(e.value != "2024-02-30");
        }
    }
}

#[test]
fn when_for_the_json_contract() {
    let text = "Kim arrived on Tuesday.";
    let e = one(text, dct());
    let w = e.when(text);
    assert_eq!(w.expression, "Tuesday");
    assert_eq!(w.start, Some(d("2024-04-23")));
    let e = one(text, DocDate::default());
    let w = e.when(text);
    assert_eq!((w.start, w.end, w.anchor), (None, None, Anchor::None));
}

#[test]
fn story_periods() {
    // `the same month a year ago`: the month under discussion, a year earlier, as one expression.
    let t = tag_timex(
        "Sales fell 35% in March from the same month a year ago.",
        dct(),
    );
    let v: Vec<&str> = t.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["2024-03", "2023-03"]);
    // Market reports: `ended the day`, `later in the day`.
    let t = tag_timex("On Monday the index ended the day at 8,017.", dct());
    let v: Vec<&str> = t.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(v, ["2024-04-22", "2024-04-22"]);
    // A deadline with a clock time lies ahead; `United` is a name, not a past-tense verb.
    check(
        "The relatives have until 9 a.m. EST Thursday to agree.",
        "9 a.m. EST Thursday",
        "2024-04-25T09:00",
        Some(("2024-04-25", "2024-04-25")),
    );
    check(
        "The case may be heard the week of May 6, his lawyer said.",
        "the week of May 6",
        "2024-W19",
        Some(("2024-05-06", "2024-05-12")),
    );
    // A possessive weekday is about what happened that day: the most recent one.
    check(
        "Officials will appeal Monday's ruling.",
        "Monday",
        "2024-04-22",
        Some(("2024-04-22", "2024-04-22")),
    );
    check(
        "He will travel to the United States Thursday.",
        "Thursday",
        "2024-04-25",
        Some(("2024-04-25", "2024-04-25")),
    );
}

#[test]
fn numeric_dates() {
    check(
        "The memo was dated 03/15/2013.",
        "03/15/2013",
        "2013-03-15",
        Some(("2013-03-15", "2013-03-15")),
    );
    check(
        "It was signed on 25/12/2012 in Moscow.",
        "25/12/2012",
        "2012-12-25",
        Some(("2012-12-25", "2012-12-25")),
    );
    assert!(tag_timex("a ratio of 1/2/3", dct()).is_empty());
}

#[test]
fn spoken_years() {
    // Broadcast transcripts spell years out.
    check(
        "In nineteen ninety-one he was convicted.",
        "nineteen ninety-one",
        "1991",
        Some(("1991-01-01", "1991-12-31")),
    );
    check(
        "January nineteen ninety-seven. Atlanta again.",
        "January nineteen ninety-seven",
        "1997-01",
        Some(("1997-01-01", "1997-01-31")),
    );
    assert!(tag_timex("Nineteen people died.", dct()).is_empty());
}

#[test]
fn names_with_numbers_prepositions_and_compounds() {
    // A number glued to a capitalized name is no year.
    let all = tag(
        "China held drills, Joint Sword-2024A, and tested a Hwasong-18.",
        dct(),
    );
    assert!(all.is_empty(), "{all:#?}");
    // `agreed to a ...`: `to` before an article looks nowhere; the verb is past.
    check(
        "The two sides agreed to a ceasefire in September.",
        "September",
        "2023-09",
        Some(("2023-09-01", "2023-09-30")),
    );
    // `a closed-door meeting`: the compound says no tense; `is expected to` looks ahead.
    check(
        "The council is expected to discuss it at a closed-door meeting on Friday.",
        "Friday",
        "2024-04-26",
        Some(("2024-04-26", "2024-04-26")),
    );
}

#[test]
fn a_few_days_after_a_month_is_that_month() {
    let all = tag(
        "Russia invaded in February 2022. Two days later, the EU imposed sanctions.",
        dct(),
    );
    let later = all.last().unwrap();
    assert_eq!(later.value, "2022-02", "{all:#?}");
}
