//! A synthetic news corpus of any size, for benchmarks and scale tests.
//!
//! Articles are recombined from sentence templates covering every event type, many actors,
//! places and officials, date expressions of every form the tagger handles (absolute,
//! relative to the article date, weekdays, ranges, relative to another date), background
//! sentences without events, and boilerplate lines (related links, newsletter pitches, photo
//! credits, copyright). Lengths vary from about 2 to 8 KB. A `dateline.json` sidecar gives
//! publication dates spread over 2014–2025. The same seed always gives the same corpus.

use std::path::Path;

use chrono::{Datelike as _, Days, NaiveDate, Weekday};
use rayon::prelude::*;

use crate::corpus::{Article, DateSource};
use crate::export::{MONTH_NAMES, month_name};

/// A small, fast, deterministic random number generator (`SplitMix64`).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The modulo bias is irrelevant for text generation.
        usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty list (the first item's default for an empty one).
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

/// One generated article with the metadata that goes into the sidecar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedArticle {
    /// Path relative to the corpus folder, `/`-separated.
    pub path: String,
    pub title: String,
    pub url: String,
    pub published: NaiveDate,
    pub text: String,
}

impl From<GeneratedArticle> for Article {
    fn from(g: GeneratedArticle) -> Self {
        Self {
            path: g.path,
            title: Some(g.title),
            url: Some(g.url),
            published: Some(g.published),
            published_source: DateSource::Sidecar,
            text: g.text,
        }
    }
}

const COUNTRIES: &[&str] = &[
    "North Korea",
    "South Korea",
    "Russia",
    "China",
    "Japan",
    "the United States",
    "Iran",
    "Ukraine",
    "Belarus",
    "Syria",
    "Israel",
    "India",
    "Pakistan",
    "Turkey",
    "France",
    "Germany",
    "the United Kingdom",
    "Vietnam",
    "Mongolia",
    "Laos",
    "Cuba",
    "Venezuela",
    "Egypt",
    "Saudi Arabia",
    "the Philippines",
    "Taiwan",
    "Poland",
    "Georgia",
    "Kazakhstan",
    "Indonesia",
];
const ALIASES: &[&str] = &[
    "Pyongyang",
    "Seoul",
    "Moscow",
    "Beijing",
    "Tokyo",
    "Washington",
    "Tehran",
    "Kyiv",
    "the Kremlin",
    "the North",
    "the DPRK",
    "the South",
];
const LEADERS: &[&str] = &[
    "Kim Jong Un",
    "Vladimir Putin",
    "Xi Jinping",
    "Yoon Suk Yeol",
    "Fumio Kishida",
    "Joe Biden",
    "Ebrahim Raisi",
    "Volodymyr Zelenskyy",
    "Alexander Lukashenko",
    "Recep Tayyip Erdogan",
    "Kim Yo Jong",
    "Sergei Lavrov",
    "Sergei Shoigu",
    "Choe Son Hui",
    "Antony Blinken",
    "Wang Yi",
    "Lee Jae-myung",
    "Shigeru Ishiba",
];
const ROLES: &[&str] = &[
    "Foreign Minister",
    "Defense Minister",
    "Deputy Prime Minister",
    "Vice Foreign Minister",
    "Trade Minister",
    "Ambassador",
    "Chief of General Staff",
    "Security Council Secretary",
    "Senator",
    "General",
];
const FIRST: &[&str] = &[
    "Yun", "Pak", "Ri", "Choe", "Andrei", "Dmitry", "Maria", "Olga", "Hyun", "Min-ji", "Takeshi",
    "Yuki", "Li", "Zhang", "Ahmad", "Hossein", "Linda", "James", "Anna", "Pierre", "Hans",
    "Nguyen", "Batbayar", "Maxim", "Irina", "Sung", "Tae-yong", "Mark", "Sofia", "Carlos",
];
const LAST: &[&str] = &[
    "Jong Ho",
    "Chol",
    "Kwang Hyok",
    "Rudenko",
    "Belousov",
    "Zakharova",
    "Volkov",
    "Kim",
    "Park",
    "Lee",
    "Tanaka",
    "Suzuki",
    "Wei",
    "Rezaei",
    "Thomas-Greenfield",
    "Austin",
    "Dubois",
    "Müller",
    "Tran",
    "Sokolov",
    "Jeong",
    "Cho",
    "Haddad",
    "Novak",
    "Ivanova",
    "Moreno",
    "Oh",
    "Han",
    "Ito",
    "Petrov",
];
const PLACES: &[&str] = &[
    "Vladivostok",
    "Pyongyang",
    "Moscow",
    "Tehran",
    "Beijing",
    "Seoul",
    "Tokyo",
    "New York",
    "Geneva",
    "the Vostochny Cosmodrome",
    "Khabarovsk",
    "Minsk",
    "Hanoi",
    "Ulaanbaatar",
    "Panmunjom",
    "Busan",
    "Sinpo",
    "Wonsan",
    "Donetsk",
    "Kharkiv",
    "Rason",
    "Havana",
    "Jakarta",
    "Brussels",
];
const WEAPONS: &[&str] = &[
    "ballistic missiles",
    "a short-range ballistic missile",
    "an intercontinental ballistic missile",
    "cruise missiles",
    "a hypersonic missile",
    "artillery shells",
    "rocket launchers",
    "attack drones",
    "anti-tank missiles",
    "ammunition",
    "a solid-fuel missile",
    "a submarine-launched ballistic missile",
    "KN-23 missiles",
    "Shahed drones",
];
const SEAS: &[&str] = &[
    "East Sea",
    "Sea of Japan",
    "Yellow Sea",
    "Pacific Ocean",
    "Black Sea",
];
const AGENCIES: &[&str] = &[
    "KCNA", "Yonhap", "Reuters", "AP", "AFP", "TASS", "Kyodo", "Xinhua", "KUNA", "NK News",
];
const BODIES: &[&str] = &[
    "UN Security Council",
    "UN General Assembly",
    "UN Human Rights Council",
    "IAEA Board of Governors",
    "UN panel of experts",
];
const PACTS: &[&str] = &[
    "comprehensive strategic partnership treaty",
    "mutual defense pact",
    "trade agreement",
    "deal on military cooperation",
    "memorandum on energy cooperation",
    "agreement on visa-free travel",
];
const TOPICS: &[&str] = &[
    "military cooperation",
    "the war in Ukraine",
    "sanctions relief",
    "food aid",
    "nuclear talks",
    "regional security",
    "grain exports",
    "labour migration",
];
const MONTHS_SHORT: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "10", "12", "20", "100", "1,000", "6,700",
];

/// Event sentence templates. Placeholders: `{A}` `{B}` `{C}` actors, `{L}` a leader,
/// `{O}` `{O2}` officials, `{P}` `{P2}` places, `{D}` a past date expression, `{F}` a future
/// one, `{W}` weapons, `{S}` a sea, `{G}` an agency, `{U}` a UN body, `{K}` a pact,
/// `{T}` a topic, `{N}` a number, `{M}` a month name.
const EVENT_TEMPLATES: &[&str] = &[
    // visit
    "{O} of {A} arrived in {P} {D} for a {N}-day visit, {G} reported.",
    "A delegation from {A}, headed by {O}, departed {P} for {P2} {D}.",
    "{L} traveled to {P} {D} aboard an armored train, state media said.",
    "{L} visited {P} {D}, his first trip abroad since the pandemic.",
    "{L} is expected to visit {P} {F}, officials said.",
    // meeting
    "{O} met {O2} in {P} {D} to discuss {T}.",
    "Leaders of {A} and {B} held talks in {P} {D}, according to {G}.",
    "{L} and {O} will hold a summit in {P} {F}.",
    "The two sides met behind closed doors {D} and agreed to keep talking.",
    "{O} told a press conference in {P} {D} that the talks had been productive.",
    // missile_test
    "{A} fired {W} into the {S} {D}, {B}'s military said.",
    "{A} test-launched {W} {D}, {G} reported.",
    "{A} conducted a test of {W} {D}, the third such launch this year.",
    "The launch of {W} {D} was overseen by {L}, state media said.",
    "Officials in {B} said {A} may test {W} again {F}.",
    // un_meeting
    "The {U} held an emergency meeting {D} on {A}'s launches of {W}.",
    "{A} vetoed a draft resolution at the {U} {D}.",
    "The {U} voted {D} to extend the mandate of its monitoring panel.",
    "{B} called for an urgent session of the {U} {D}.",
    // denial
    "{A} denied {D} that it had supplied {W} to {B}.",
    "{O} rejected the accusations as groundless {D}.",
    "{A} has consistently denied any arms deals with {B}.",
    "“These claims are absurd,” {O} said {D}, dismissing reports of shipments to {B}.",
    // accusation
    "{A} accused {B} {D} of shipping {W} to {C}.",
    "{O} alleged {D} that {B} had provided {W} to {C}, a charge {B} rejects.",
    "{A} warned {D} that {B} was helping {C} evade sanctions.",
    "Officials in {A} claimed {D} that {B} had sent thousands of troops to {P}.",
    // arms_transfer
    "{A} has shipped more than {N} containers of {W} to {B} since {M}, officials said.",
    "Satellite images showed {W} being loaded onto ships bound for {B} {D}.",
    "{A} delivered {W} to {B} {D}, according to intelligence officials.",
    "{A} reportedly sent {N} troops to {B} {D}.",
    // agreement
    "{A} and {B} signed a {K} in {P} {D}.",
    "{L} and {O} signed a {K} {D}, pledging mutual assistance.",
    "Negotiators from {A} and {B} reached a {K} {D} after weeks of talks.",
    "The {K} between {A} and {B} will take effect {F}.",
    // military_drill
    "{A} and {B} began joint military drills near {P} {D}.",
    "{A} staged large-scale naval exercises in the {S} {D}.",
    "{A} plans to hold air defense drills with {B} {F}.",
    // attack
    "{A} launched missile strikes on {P} {D}, killing at least {N} people.",
    "Drones struck an energy facility near {P} {D}, officials in {B} said.",
    "Fighting intensified around {P} {D} as {A}'s forces advanced.",
    // sanctions
    "{A} imposed new sanctions on {N} entities in {B} {D}.",
    "The European Union adopted a new package of sanctions against {B} {D}.",
    "{A} announced sanctions {D} on individuals linked to arms shipments to {B}.",
    // aid
    "{A} pledged ${N} million in humanitarian aid to {B} {D}.",
    "{A} sent {N} tons of flour to {B} {D}, {G} said.",
    // statement
    "{O} said {D} that {A} would never give up its nuclear weapons.",
    "{L} announced {D} that {A} would expand its space program.",
    "In a statement released {D}, {O} said {A} stood ready to respond.",
    "{O} told reporters {D} that relations with {B} were at a historic high.",
];

/// Sentences with no event, as news has plenty of.
const BACKGROUND: &[&str] = &[
    "Analysts say the relationship between {A} and {B} has deepened since the war in Ukraine began.",
    "{A} and {B} share a short border along the Tumen River.",
    "The two countries signed a friendship treaty nearly 70 years ago.",
    "Experts believe {A} is seeking technology for its satellite and submarine programs.",
    "It was not immediately clear how many people were involved.",
    "{B} remains one of the few countries that maintains an embassy in {P}.",
    "Trade between the two countries has grown steadily, according to customs data.",
    "The ministry did not respond to a request for comment.",
    "The meeting comes as tensions on the peninsula remain high.",
    "Observers noted that the wording of the statement was unusually strong.",
];

const BOILERPLATE: &[&str] = &[
    "READ MORE: {L} says talks with {B} will continue",
    "Read also: What we know about {A}'s missile program",
    "Related: {A} and {B} expand military ties",
    "Sign up for our daily newsletter to get the latest news from {P}.",
    "Photo: {G} / {O}",
    "You May Also Like",
    "Share this article on social media",
    "Comments (12) | Leave a comment",
    "Previous article: {O} visits {P}",
    "Next article: {U} to meet on {A}",
    "Advertisement",
    "Subscribe now for unlimited access to our reporting.",
];

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn month_short(d: NaiveDate) -> &'static str {
    MONTHS_SHORT
        .get(d.month0() as usize)
        .copied()
        .unwrap_or("Jan.")
}

fn days_before(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(d)
}

fn days_after(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

/// A past date expression relative to `published`, of any form.
fn past_date(rng: &mut Rng, published: NaiveDate) -> String {
    let back = u64::try_from(rng.below(40)).unwrap_or(0) + 1;
    let d = days_before(published, back);
    let older = days_before(published, u64::try_from(rng.below(900)).unwrap_or(0) + 60);
    match rng.below(30) {
        0 => format!("on {} {}, {}", month_name(d), d.day(), d.year()),
        1 => format!("on {} {} {}", d.day(), month_name(d), d.year()),
        2 => format!("on {} {}", month_short(d), d.day()),
        3 => format!("on {}", d.format("%Y-%m-%d")),
        4 => format!("in {} {}", month_name(older), older.year()),
        5 => {
            let end = days_after(older, u64::try_from(rng.below(60)).unwrap_or(0) + 5);
            format!(
                "between {} {}, {} and {} {}, {}",
                month_name(older),
                older.day(),
                older.year(),
                month_name(end),
                end.day(),
                end.year()
            )
        }
        6..=8 => format!("on {}", weekday_name(d.weekday())),
        9 => format!("last {}", weekday_name(d.weekday())),
        10 => format!("on {} (US time)", weekday_name(d.weekday())),
        11 => "yesterday".to_owned(),
        12 => "the previous day".to_owned(),
        13 => "last week".to_owned(),
        14 => "earlier this month".to_owned(),
        15 => format!("in {}", month_name(older)),
        16 => format!("last {}", month_name(older)),
        17 => format!("in late {}", month_name(older)),
        18 => "earlier this year".to_owned(),
        19 => "in recent weeks".to_owned(),
        20 => "over the weekend".to_owned(),
        21 => "two days later".to_owned(),
        22 => "the next day".to_owned(),
        23 => "that month".to_owned(),
        24 => format!("on {} morning", weekday_name(d.weekday())),
        25 => format!("in {}", older.year()),
        26 => format!("in the spring of {}", older.year()),
        27 => "last month".to_owned(),
        28 => format!("on {} {}", month_name(d), d.day()),
        _ => format!(
            "on {}, {} {}",
            weekday_name(d.weekday()),
            month_name(d),
            d.day()
        ),
    }
}

/// A future date expression relative to `published`.
fn future_date(rng: &mut Rng, published: NaiveDate) -> String {
    let d = days_after(published, u64::try_from(rng.below(60)).unwrap_or(0) + 2);
    match rng.below(7) {
        0 => format!("next {}", weekday_name(d.weekday())),
        1 => "next month".to_owned(),
        2 => format!("in {}", month_name(d)),
        3 => format!("on {} {}", month_name(d), d.day()),
        4 => "later this year".to_owned(),
        5 => "next week".to_owned(),
        _ => format!("on {}", weekday_name(d.weekday())),
    }
}

fn official(rng: &mut Rng) -> String {
    format!("{} {} {}", rng.pick(ROLES), rng.pick(FIRST), rng.pick(LAST))
}

fn actor(rng: &mut Rng) -> &'static str {
    if rng.chance(25) {
        rng.pick(ALIASES)
    } else {
        rng.pick(COUNTRIES)
    }
}

/// Expands the placeholders of `template` into `out`, capitalizing the sentence start.
fn expand(template: &str, rng: &mut Rng, published: NaiveDate, out: &mut String) {
    let start = out.len();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = after.find('}') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let key = after.get(1..close).unwrap_or("");
        match key {
            "A" | "B" | "C" => out.push_str(actor(rng)),
            "L" => out.push_str(rng.pick(LEADERS)),
            "O" | "O2" => out.push_str(&official(rng)),
            "P" | "P2" => out.push_str(rng.pick(PLACES)),
            "D" => out.push_str(&past_date(rng, published)),
            "F" => out.push_str(&future_date(rng, published)),
            "W" => out.push_str(rng.pick(WEAPONS)),
            "S" => out.push_str(rng.pick(SEAS)),
            "G" => out.push_str(rng.pick(AGENCIES)),
            "U" => out.push_str(rng.pick(BODIES)),
            "K" => out.push_str(rng.pick(PACTS)),
            "T" => out.push_str(rng.pick(TOPICS)),
            "N" => out.push_str(rng.pick(NUMBERS)),
            "M" => out.push_str(rng.pick(&MONTH_NAMES)),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    // "the United States fired..." at a sentence start reads "The United States fired...".
    if let Some(first) = out.get(start..).and_then(|s| s.chars().next())
        && first.is_lowercase()
    {
        let upper: String = first.to_uppercase().collect();
        out.replace_range(start..start + first.len_utf8(), &upper);
    }
}

/// The first day of the span publication dates are drawn from.
fn first_publication_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 1, 1).unwrap_or_default()
}

/// Generates article number `index` of the corpus for `seed`. Articles are independent, so
/// any subset can be generated in parallel and the result does not depend on the order.
#[must_use]
pub fn article(seed: u64, index: usize) -> GeneratedArticle {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    rng.next_u64();
    let published = days_after(
        first_publication_day(),
        u64::try_from(rng.below(12 * 365)).unwrap_or(0),
    );
    let target_len = 2000 + rng.below(6000);

    let mut title = String::new();
    let headline = rng.pick(EVENT_TEMPLATES);
    expand(headline, &mut rng, published, &mut title);
    let title = title.trim_end_matches('.').to_owned();

    let mut text = String::with_capacity(target_len + 600);
    text.push_str(&title);
    text.push_str("\n\n");
    if rng.chance(40) {
        let p = rng.pick(PLACES).to_uppercase();
        let g = rng.pick(AGENCIES);
        text.push_str(&format!(
            "{p}, {} {} ({g}) -- ",
            month_short(published),
            published.day()
        ));
    } else if rng.chance(30) {
        text.push_str(&format!(
            "Published {} {} {}\n\n",
            published.day(),
            month_name(published),
            published.year()
        ));
    }
    while text.len() < target_len {
        if rng.chance(12) {
            expand(rng.pick(BOILERPLATE), &mut rng, published, &mut text);
            text.push_str("\n\n");
            continue;
        }
        let sentences = 1 + rng.below(3);
        for i in 0..sentences {
            if i > 0 {
                text.push(' ');
            }
            let template = if rng.chance(25) {
                rng.pick(BACKGROUND)
            } else {
                rng.pick(EVENT_TEMPLATES)
            };
            expand(template, &mut rng, published, &mut text);
        }
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "© {} {}. All rights reserved.\n",
        published.year(),
        rng.pick(AGENCIES)
    ));

    GeneratedArticle {
        path: format!("{}/{index:06}.txt", published.year()),
        url: format!("https://news.example.org/{}/{index:06}", published.year()),
        title,
        published,
        text,
    }
}

/// Articles `0..count` of the corpus for `seed`, generated in parallel.
#[must_use]
pub fn articles(seed: u64, count: usize) -> Vec<GeneratedArticle> {
    (0..count)
        .into_par_iter()
        .map(|i| article(seed, i))
        .collect()
}

/// At least `bytes` of article text, as in-memory articles with their sidecar dates (for
/// benchmarks that leave the disk out).
#[must_use]
pub fn corpus_of_size(seed: u64, bytes: usize) -> Vec<Article> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut index = 0;
    while total < bytes {
        let a = article(seed, index);
        total += a.text.len();
        out.push(Article::from(a));
        index += 1;
    }
    out
}

/// Why a corpus could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{0} already exists and is not empty; give a new or empty folder")]
    NotEmpty(String),
    #[error("could not write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("could not encode the sidecar: {0}")]
    Sidecar(#[from] serde_json::Error),
}

/// What [`write_corpus`] wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub articles: usize,
    pub bytes: u64,
}

/// Writes `count` articles for `seed` under `dir` (one folder per publication year) and a
/// `dateline.json` sidecar with their dates, titles and addresses. `dir` must be new or
/// empty: nothing that exists is overwritten.
///
/// # Errors
/// Fails when `dir` is not empty or a file cannot be written.
pub fn write_corpus(dir: &Path, count: usize, seed: u64) -> Result<Written, GenerateError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| GenerateError::Io { path, source }
    };
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(GenerateError::NotEmpty(dir.display().to_string()));
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;

    // Generate and write in batches so memory stays small for any corpus size.
    const BATCH: usize = 2048;
    let mut sidecar = serde_json::Map::new();
    let mut bytes = 0u64;
    for first in (0..count).step_by(BATCH) {
        let last = count.min(first + BATCH);
        let batch: Vec<GeneratedArticle> = (first..last)
            .into_par_iter()
            .map(|i| article(seed, i))
            .collect();
        batch.par_iter().try_for_each(|a| {
            let path = dir.join(&a.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            std::fs::write(&path, &a.text).map_err(io(&path))
        })?;
        for a in batch {
            bytes += a.text.len() as u64;
            sidecar.insert(
                a.path,
                serde_json::json!({
                    "published": a.published.format("%Y-%m-%d").to_string(),
                    "title": a.title,
                    "url": a.url,
                }),
            );
        }
    }
    let json = serde_json::to_vec_pretty(&serde_json::json!({ "articles": sidecar }))?;
    let sidecar_path = dir.join("dateline.json");
    crate::write::write_atomic(&sidecar_path, &json).map_err(io(&sidecar_path))?;
    Ok(Written {
        articles: count,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_article() {
        assert_eq!(article(7, 3), article(7, 3));
        assert_ne!(article(7, 3).text, article(8, 3).text);
        assert_ne!(article(7, 3).text, article(7, 4).text);
    }

    #[test]
    fn articles_have_realistic_lengths_and_no_leftover_placeholders() {
        for a in articles(1, 200) {
            assert!(
                (2000..9000).contains(&a.text.len()),
                "{} bytes",
                a.text.len()
            );
            assert!(!a.text.contains('{') && !a.text.contains('}'), "{}", a.text);
            assert!(a.published.year() >= 2014 && a.published.year() <= 2025);
            assert!(a.path.ends_with(".txt"));
        }
    }

    #[test]
    fn date_expressions_of_many_forms_appear() {
        let all: String = articles(2, 100).into_iter().map(|a| a.text).collect();
        for form in [
            "yesterday",
            "last week",
            "between ",
            "(US time)",
            "earlier this month",
            "the next day",
            "in recent weeks",
            "Sept.",
            "READ MORE",
            "All rights reserved",
        ] {
            assert!(all.contains(form), "{form} never generated");
        }
    }

    #[test]
    fn corpus_of_size_reaches_the_size() {
        let c = corpus_of_size(1, 50_000);
        let total: usize = c.iter().map(|a| a.text.len()).sum();
        assert!(total >= 50_000);
        assert!(c.iter().all(|a| a.published.is_some()));
    }

    #[test]
    fn writes_a_folder_with_a_sidecar_and_refuses_a_full_one()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("corpus");
        let written = write_corpus(&out, 30, 5)?;
        assert_eq!(written.articles, 30);
        let sidecar: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("dateline.json"))?)?;
        let entries = sidecar["articles"]
            .as_object()
            .map_or(0, serde_json::Map::len);
        assert_eq!(entries, 30);
        let first = article(5, 0);
        assert_eq!(std::fs::read_to_string(out.join(&first.path))?, first.text);
        assert!(matches!(
            write_corpus(&out, 1, 5),
            Err(GenerateError::NotEmpty(_))
        ));
        Ok(())
    }
}
