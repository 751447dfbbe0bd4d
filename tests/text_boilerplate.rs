//! Page furniture of many outlets (typical shapes, text written for this test) is boilerplate
//! or caption, and the prose around it stays body.

use dateline::text::{BlockKind, segment};

fn kinds(text: &str) -> Vec<(String, BlockKind)> {
    let seg = segment(text);
    seg.paragraphs
        .iter()
        .map(|p| (text[p.span.clone()].to_owned(), p.kind))
        .collect()
}

fn check(text: &str, expected: &[(&str, BlockKind)]) {
    let got = kinds(text);
    let mut wrong = Vec::new();
    for (prefix, want) in expected {
        match got.iter().find(|(t, _)| t.starts_with(prefix)) {
            Some((_, k)) if k == want => {}
            Some((_, k)) => wrong.push(format!("{prefix:?}: got {k:?}, want {want:?}")),
            None => wrong.push(format!("{prefix:?}: no such paragraph")),
        }
    }
    assert!(wrong.is_empty(), "{}\n{got:#?}", wrong.join("\n"));
}

use BlockKind::{Body, Boilerplate, Caption, Heading};

#[test]
fn wire_services() {
    check(
        "North Korea fires missile into sea\n\nBy Hyonhee Shin and Josh Smith\n\n3 minute read\n\nSEOUL, Jan 14 (Reuters) - North Korea fired a ballistic missile off its east coast on Sunday, South Korea's military said.\n\nThe launch came days after the North fired artillery near the border.\n\nReporting by Hyonhee Shin; Editing by Ed Davies\n\nOur Standards: The Thomson Reuters Trust Principles.\n",
        &[
            ("North Korea fires missile", Heading),
            ("By Hyonhee Shin", Boilerplate),
            ("SEOUL, Jan 14 (Reuters)", Body),
            ("The launch came", Body),
            ("Reporting by", Boilerplate),
            ("Our Standards", Boilerplate),
        ],
    );
    check(
        "SEOUL, South Korea (AP) — North Korea test-fired a new solid-fuel missile, state media said Monday.\n\nIn this photo provided by the North Korean government, a missile is launched from an undisclosed location in North Korea, Sunday, Jan. 14, 2024. (Korean Central News Agency/Korea News Service via AP)\n\nThe launch was the North's first this year.\n\nAssociated Press writer Mari Yamaguchi in Tokyo contributed to this report.\n\nCopyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n",
        &[
            ("SEOUL, South Korea (AP)", Body),
            ("In this photo provided", Caption),
            ("The launch was", Body),
            ("Associated Press writer", Boilerplate),
            ("Copyright 2024", Boilerplate),
        ],
    );
    check(
        "SEOUL, Jan. 14 (Yonhap) -- North Korea fired an intermediate-range ballistic missile toward the East Sea on Sunday, the Joint Chiefs of Staff said.\nThe JCS said it is analyzing the launch with the United States.\n(END)\nkdh@yna.co.kr\n",
        &[
            ("SEOUL, Jan. 14", Body),
            ("The JCS", Body),
            ("(END)", Boilerplate),
            ("kdh@", Boilerplate),
        ],
    );
}

#[test]
fn broadcasters_and_papers() {
    check(
        "Image source, Getty Images\n\nImage caption, Kim Jong Un watched the launch with his daughter\n\nNorth Korea says it has tested a new hypersonic missile, days after the launch was detected by Seoul.\n\nMore on this story\n\nKim fires missile\n\nRelated Topics\n",
        &[
            ("Image source", Boilerplate),
            ("Image caption, Kim Jong Un", Caption),
            ("North Korea says", Body),
            ("More on this story", Boilerplate),
            ("Kim fires missile", Boilerplate),
        ],
    );
    check(
        "Kim Jong Un oversaw the launch of a new missile, state media reported on Monday, in a test analysts said was aimed at Washington and Seoul ahead of elections in both countries.\n\nSign up for CNN's Meanwhile in China newsletter which explores what you need to know about the country's rise.\n\nCNN's Yoonjung Seo contributed to this report.\n",
        &[
            ("Kim Jong Un oversaw", Body),
            ("Sign up for", Boilerplate),
            ("CNN's Yoonjung Seo", Boilerplate),
        ],
    );
    check(
        "North Korea has fired a ballistic missile into the sea off its east coast, the South Korean military said, in what appeared to be the regime's first launch this year.\n\nExplore more on these topics\n\nNorth Korea\n\nSouth Korea\n\nShare\n\nReuse this content\n",
        &[
            ("North Korea has fired", Body),
            ("Explore more", Boilerplate),
            ("North Korea", Body),
            ("Reuse this content", Boilerplate),
        ],
    );
    check(
        "North Korea fired a missile on Sunday, Seoul said, its first launch of the year and a sign of rising tensions on the peninsula.\n\nCLICK HERE TO GET THE FOX NEWS APP\n\nThe Associated Press contributed to this report.\n",
        &[
            ("North Korea fired", Body),
            ("CLICK HERE", Boilerplate),
            ("The Associated Press contributed", Boilerplate),
        ],
    );
}

#[test]
fn state_media_and_specialists() {
    check(
        "Pyongyang, January 15 (KCNA) -- The Missile Administration of the DPRK conducted a test-fire of an intermediate-range solid-fuel ballistic missile loaded with a hypersonic maneuverable controllable warhead on Sunday afternoon.\n\nThe test-fire never had any adverse effect on the security of neighboring countries.\n",
        &[
            ("Pyongyang, January 15 (KCNA)", Body),
            ("The test-fire never", Body),
        ],
    );
    check(
        "North Korea launched what it called a hypersonic missile on Sunday, a test that experts said showed progress in its solid-fuel program.\n\nEdited by Bryan Betts\n\nCreate an account or log in to continue reading\n\nGet unlimited access to all our content.\n",
        &[
            ("North Korea launched", Body),
            ("Edited by", Boilerplate),
            ("Create an account", Boilerplate),
        ],
    );
}

#[test]
fn prose_starting_like_furniture_stays_body() {
    check(
        "More than 100 people were killed in the strike, officials said on Monday.\n\nRelated to the talks, Russia said it would send more aid to the region next month.\n\nShare prices in Seoul fell sharply after the launch was reported by the military.\n\nWatch officials said the drills would continue into next week despite the protests.\n\nComments by the foreign minister drew an angry response from Pyongyang on Tuesday.\n",
        &[
            ("More than 100", Body),
            ("Related to the talks", Body),
            ("Share prices", Body),
            ("Watch officials", Body),
            ("Comments by", Body),
        ],
    );
}
