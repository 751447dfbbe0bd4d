//! Events: types, triggers, actors, status, confidence, and the date each one takes.
//!
//! The vocabularies are plain text files (`assets/event-types.txt`, `assets/actors.txt`),
//! compiled once into Aho-Corasick automata that scan a whole article in one pass. Each
//! trigger is then read in its sentence and clause: who did it and to whom, whether it is
//! reported, alleged, denied or planned, and which time expression (or context) dates it.

mod actors;
mod context;
mod dating;
mod general;
mod summary;
mod vocab;
mod words;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::corpus::{Article, DateSource};
use crate::temporal::{self, DocDate, Precision, TimeExpr, When};
use crate::text::{self, BlockKind};

use actors::{Actors, Kind, Mention};
use context::Cues;
use vocab::{Form, Trigger, Vocab};

/// The event types shipped with Dateline, as a file a user can copy and extend.
pub const BUILTIN_EVENT_TYPES: &str = include_str!("../../assets/event-types.txt");
/// The actors shipped with Dateline (countries, capitals, demonyms, organizations, people).
pub const BUILTIN_ACTORS: &str = include_str!("../../assets/actors.txt");
/// File names read by [`Extractor::with_user_files`].
pub const USER_EVENT_TYPES_FILE: &str = "event-types.txt";
pub const USER_ACTORS_FILE: &str = "actors.txt";

/// Why a vocabulary could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{file}, line {line}: {message}")]
    Vocabulary {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot read {file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

/// How the text presents an event.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Reported,
    Alleged,
    Denied,
    Planned,
    Hypothetical,
}

/// Where an event came from: `text == article_text[start..end]` exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Article path relative to the folder given.
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub summary: String,
    pub actors: Vec<String>,
    /// Who the event is aimed at, where stated (also listed in `actors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub status: Status,
    pub confidence: f32,
    pub when: Option<When>,
    pub source: Source,
    /// The word or phrase that signals the event, as a byte range in the article text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<(usize, usize)>,
}

/// The event extractor with its vocabularies (event types, actors and aliases). Cloning is
/// cheap (the compiled vocabularies are shared).
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Option<Arc<Inner>>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::builtin()
    }
}

#[derive(Debug)]
struct Inner {
    vocab: Vocab,
    actors: Actors,
    /// Every canonical name and alias, lowercased, to its canonical name.
    aliases: HashMap<String, String>,
    statement: Option<usize>,
    accusation: Option<usize>,
    denial: Option<usize>,
    attack: Option<usize>,
    /// Other types the rules name, looked up once (not by name at every trigger).
    agreement: Option<usize>,
    meeting: Option<usize>,
    visit: Option<usize>,
    un_meeting: Option<usize>,
    sanctions: Option<usize>,
    missile_test: Option<usize>,
}

impl Extractor {
    /// The extractor with the vocabularies shipped in `assets/`.
    #[must_use]
    pub fn builtin() -> Self {
        // The shipped files are checked by a unit test; should they ever fail to parse, the
        // extractor finds nothing rather than bringing the program down.
        Self::from_texts(
            &[("assets/event-types.txt", BUILTIN_EVENT_TYPES)],
            &[("assets/actors.txt", BUILTIN_ACTORS)],
        )
        .unwrap_or(Self { inner: None })
    }

    /// The built-in vocabularies extended by `event-types.txt` and `actors.txt` in `dir`
    /// (either may be missing). A user section with an existing type's name adds triggers
    /// to it; a new name adds a type.
    ///
    /// # Errors
    /// A file that exists but cannot be read or parsed, named with the line at fault.
    pub fn with_user_files(dir: &Path) -> Result<Self, ExtractError> {
        let read = |name: &str| -> Result<Option<(String, String)>, ExtractError> {
            let path = dir.join(name);
            if !path.exists() {
                return Ok(None);
            }
            std::fs::read_to_string(&path)
                .map(|t| Some((path.display().to_string(), t)))
                .map_err(|source| ExtractError::Io {
                    file: path.display().to_string(),
                    source,
                })
        };
        let user_types = read(USER_EVENT_TYPES_FILE)?;
        let user_actors = read(USER_ACTORS_FILE)?;
        let mut types = vec![("assets/event-types.txt", BUILTIN_EVENT_TYPES)];
        if let Some((p, t)) = &user_types {
            types.push((p.as_str(), t.as_str()));
        }
        let mut actors = vec![("assets/actors.txt", BUILTIN_ACTORS)];
        if let Some((p, t)) = &user_actors {
            actors.push((p.as_str(), t.as_str()));
        }
        Self::from_texts(&types, &actors)
    }

    /// An extractor from vocabulary texts, each given as `(origin for errors, text)`; later
    /// texts extend earlier ones.
    ///
    /// # Errors
    /// A text that does not follow the format, named by its origin and line.
    pub fn from_texts(
        event_types: &[(&str, &str)],
        actor_lists: &[(&str, &str)],
    ) -> Result<Self, ExtractError> {
        let mut sections = Vec::new();
        for (origin, t) in event_types {
            sections.extend(vocab::parse(t, origin)?);
        }
        let mut lines = Vec::new();
        for (origin, t) in actor_lists {
            lines.extend(actors::parse(t, origin)?);
        }
        let vocab = Vocab::build(&sections)?;
        let actors = Actors::build(&lines)?;
        let mut aliases = HashMap::new();
        for (_, canonical, _, names) in &lines {
            let all =
                std::iter::once(canonical.as_str()).chain(names.iter().map(|(a, _)| a.as_str()));
            for a in all {
                let key = alias_key(a);
                if !key.is_empty() {
                    aliases.entry(key).or_insert_with(|| canonical.clone());
                }
            }
        }
        Ok(Self {
            inner: Some(Arc::new(Inner {
                statement: vocab.type_index("statement"),
                accusation: vocab.type_index("accusation"),
                denial: vocab.type_index("denial"),
                attack: vocab.type_index("attack"),
                agreement: vocab.type_index("agreement"),
                meeting: vocab.type_index("meeting"),
                visit: vocab.type_index("visit"),
                un_meeting: vocab.type_index("un_meeting"),
                sanctions: vocab.type_index("sanctions"),
                missile_test: vocab.type_index("missile_test"),
                vocab,
                actors,
                aliases,
            })),
        })
    }

    /// The names of the known event types, in file order.
    #[must_use]
    pub fn event_types(&self) -> Vec<String> {
        self.inner
            .as_ref()
            .map(|i| i.vocab.types.iter().map(|t| t.name.clone()).collect())
            .unwrap_or_default()
    }

    /// The canonical name of an actor given by any of its names or aliases, ignoring case
    /// and a leading `the` (`DPRK`, `Pyongyang`, `the North` → `North Korea`), or `None` for
    /// a name the actor lists do not know. Filters use it to match what users type.
    #[must_use]
    pub fn canonical_actor(&self, name: &str) -> Option<String> {
        let inner = self.inner.as_ref()?;
        let key = alias_key(name);
        inner.aliases.get(&key).cloned().or_else(|| {
            key.strip_prefix("the ")
                .and_then(|k| inner.aliases.get(k).cloned())
        })
    }

    /// Extracts the events of one article, in text order.
    #[must_use]
    pub fn extract(&self, article: &Article) -> Vec<Event> {
        self.inner
            .as_ref()
            .map(|i| i.extract(article, None))
            .unwrap_or_default()
    }

    /// [`Self::extract`] for an article whose time expressions were already tagged as
    /// extracting it would tag them (`times`: `temporal::tag` of its text with its date, or
    /// without one when it has none), so they are not tagged again.
    pub(crate) fn extract_tagged(&self, article: &Article, times: Vec<TimeExpr>) -> Vec<Event> {
        self.inner
            .as_ref()
            .map(|i| i.extract(article, Some(times)))
            .unwrap_or_default()
    }
}

/// How an alias is looked up: lowercased, inner whitespace collapsed, curly apostrophes
/// straightened.
fn alias_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

/// An article's text with its ASCII-lowercased copy (same byte offsets).
#[derive(Clone, Copy)]
struct Doc<'a> {
    text: &'a str,
    lower: &'a str,
    /// Every actor mention of the article (for `the army` standing for `Sudan's army`).
    ments: &'a [Mention],
}

/// An event being built.
#[derive(Clone, Debug)]
struct Cand {
    trig: Trigger,
    sentence: usize,
    sent: (usize, usize),
    clause: (usize, usize),
    nominal: bool,
    /// A dated circumstance of another event (`during his visit to Pyongyang last July`).
    circ: bool,
    /// `this visit`, `those talks`: a nominal pointing back at an event already told.
    anaphoric: bool,
    agents: Vec<String>,
    /// Agents were found in the clause itself (not carried over from a pronoun).
    named_agent: bool,
    target: Option<String>,
    status: Status,
    cues: Cues,
    when: Option<When>,
    explicit: bool,
    caption: bool,
    /// Where the summary's trigger phrase must stop (the next trigger in the clause).
    stop_at: usize,
    /// The trigger at `stop_at` is a noun (`agreed to restore security talks`): a summary
    /// may run through it.
    next_noun: bool,
    /// `condemned the drills`: a definite noun a speech act is about, told before.
    topic: bool,
    /// The speaker is unnamed (`the agency`, `a spokesman`) and taken from context.
    inferred_speaker: bool,
    /// `would not meet`: a refusal, summarized from its `would not`.
    refusal: bool,
    /// A passive verb (`was attacked by`): the subject is the target.
    passive: bool,
    /// The sentence's time expressions (summaries stop before them).
    times: Vec<(usize, usize)>,
}

const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "recent",
    "latest",
    "first",
    "state",
    "official",
    "upcoming",
    "planned",
    "potential",
    "possible",
    "new",
    "second",
    "historic",
    "brief",
    "surprise",
    "rare",
    "further",
];
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "his", "her", "their", "its",
];
const WEAPONS: &[&str] = &[
    "missile",
    "missiles",
    "drone",
    "drones",
    "rocket",
    "rockets",
    "shell",
    "shells",
    "bomb",
    "bombs",
    "strike",
    "strikes",
    "projectile",
    "projectiles",
    "munitions",
];
const ANALYST_CUES: &[&str] = &[
    "analyst",
    "analysts",
    "expert",
    "experts",
    "professor",
    "researcher",
    "scholar",
    "fellow",
    "think",
    "according",
    "commentator",
];
/// Nouns for a speaker the text does not name.
const SPEAKER_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "ministry",
    "minister",
    "government",
    "authorities",
    "military",
    "army",
    "agency",
    "diplomat",
    "diplomats",
    "envoy",
    "source",
    "sources",
    "police",
    "embassy",
    "aide",
    "aides",
    "office",
    "department",
    "statement",
    "representative",
    "representatives",
    "commander",
    "commanders",
    "negotiator",
    "negotiators",
    "administration",
    "cabinet",
];
/// Verbs whose object noun is the event their subject does (`held talks`, `staged drills`,
/// `respond with exercises`, `took part in`).
const SUPPORT_VERBS: &[&str] = &[
    "oversaw",
    "oversee",
    "oversees",
    "overseeing",
    "supervised",
    "supervises",
    "guided",
    "observed",
    "watched",
    "inspected",
    "attended",
    "attends",
    "organized",
    "organised",
    "held",
    "hold",
    "holds",
    "holding",
    "conducted",
    "conduct",
    "conducts",
    "conducting",
    "staged",
    "stage",
    "stages",
    "staging",
    "launched",
    "launch",
    "launches",
    "launching",
    "carried",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "made",
    "make",
    "makes",
    "paid",
    "pay",
    "pays",
    "respond",
    "responds",
    "responded",
    "responding",
    "part",
    "joined",
    "join",
    "joins",
    "completed",
    "concluded",
    "wrapped",
    "kicked",
    "mounted",
    "resumed",
    "resume",
    "resumes",
    "continued",
];
/// Auxiliaries and adverbs between a subject and its verb (`have also signed`).
const AUX_GLUE: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "then",
    "later",
    "subsequently",
    "quickly",
    "eventually",
    "finally",
    "reportedly",
    "allegedly",
    "even",
    "already",
    "again",
];
/// Nouns after a demonym or possessive that make it the one acting (`Russian forces`,
/// `Japan's defence ministry`).
const AGENT_NOUNS: &[&str] = &[
    "officials",
    "official",
    "forces",
    "troops",
    "soldiers",
    "government",
    "military",
    "army",
    "navy",
    "authorities",
    "leader",
    "leaders",
    "president",
    "ministry",
    "diplomats",
    "diplomat",
    "side",
    "delegation",
    "media",
    "envoy",
    "spokesman",
    "spokeswoman",
    "state",
    "regime",
    "army's",
    "counterparts",
    "warplanes",
    "jets",
    "drones",
    "navy's",
    "air",
    "defense",
    "defence",
    "foreign",
    "prime",
    "intelligence",
    "security",
    "border",
    "coast",
    "police",
    "parliament",
    "lawmakers",
    "court",
    "prosecutors",
    "negotiators",
    "officers",
    "units",
    "commanders",
    "aircraft",
    "planes",
    "warships",
    "ships",
    "vessels",
    "helicopters",
    "submarines",
    "cargo",
    "firms",
    "companies",
    "entities",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "drone",
    "shells",
    "artillery",
    "tanks",
];
/// Words that cannot stand inside a noun phrase between a demonym and its head noun.
const NP_BREAKERS: &[&str] = &[
    "to", "of", "in", "on", "at", "by", "for", "with", "from", "against", "the", "a", "an", "that",
    "which", "who", "is", "are", "was", "were", "has", "have", "had", "be", "been",
];
/// Words before a mention that make it a place or circumstance, not the one acting.
const NON_AGENT_PREPS: &[&str] = &[
    "in", "at", "to", "on", "into", "against", "with", "over", "near", "than", "about", "toward",
    "towards", "for", "via", "through", "by", "between", "across", "within", "of", "from",
    "during", "amid", "outside", "inside", "under", "among", "around", "off",
];

impl Inner {
    /// The events of `article`; `tagged` is its time expressions when the caller already
    /// has them (tagged with the article's own date).
    fn extract(&self, article: &Article, tagged: Option<Vec<TimeExpr>>) -> Vec<Event> {
        let text = article.text.as_str();
        let lower = text.to_ascii_lowercase();
        let seg = text::segment(text);
        let doc = DocDate {
            date: article.published,
            estimated: article.published_source == DateSource::Estimate,
        };
        let times: Vec<TimeExpr> = tagged
            .unwrap_or_else(|| temporal::tag(text, doc))
            .into_iter()
            .filter(|t| {
                // `recently` with a known article date resolves to nothing: it dates nothing.
                dating::usable(t) && (t.interval.is_some() || article.published.is_none())
            })
            .map(|mut t| {
                dating::last_month_of_previous_year(text, &mut t, article.published);
                t
            })
            .collect();
        let triggers = self.vocab.find(text, &lower);
        let mentions = self.actors.find(text);

        let mut kinds = Vec::with_capacity(seg.paragraphs.len());
        let mut after_tail = false;
        for p in &seg.paragraphs {
            let pt = text.get(p.span.clone()).unwrap_or("");
            let pl = lower.get(p.span.clone()).unwrap_or("");
            kinds.push(context::refine_kind(p.kind, pt, pl, after_tail));
            if context::is_tail_marker(pt) {
                after_tail = true;
            }
        }

        let mut out: Vec<Cand> = Vec::new();
        let mut lead = true;
        let mut body_sentences = 0usize;
        let mut last_agents: Vec<String> = Vec::new();
        let mut prev_dated: Option<(usize, When)> = None;
        // A sentence's time expressions and actor mentions (buffers kept across sentences).
        let mut s_times: Vec<&TimeExpr> = Vec::new();
        let mut s_ments: Vec<&Mention> = Vec::new();
        for (si, s) in seg.sentences.iter().enumerate() {
            let kind = kinds.get(s.paragraph).copied().unwrap_or(BlockKind::Body);
            let sent = (s.span.start, s.span.end);
            let Some(sent_text) = text.get(sent.0..sent.1) else {
                continue;
            };
            if matches!(kind, BlockKind::Boilerplate | BlockKind::Heading)
                || sent_text.trim_end().ends_with('?')
                || context::looks_like_boilerplate(
                    sent_text,
                    lower.get(sent.0..sent.1).unwrap_or(""),
                )
            {
                continue;
            }
            let caption = kind == BlockKind::Caption;
            // `..., residents said Wednesday.`: the day of the telling dates no act.
            let told_from = general::attribution_tail(&lower, sent).unwrap_or(sent.1);
            // (`YANGON, May 27, 2026 (AFP) - ...`: nor does the day the story was filed.)
            let story_from = general::wire_dateline_end(text, sent).unwrap_or(sent.0);
            s_times.clear();
            s_times.extend(slice_by(&times, (story_from, told_from), |t| t.start));
            let s_trigs = slice_by(&triggers, sent, |t| t.start);
            // It still bounds the act better than the article date: a fallback, marked as
            // such by its empty expression (`..., the SDF said on Monday.`). (Only a
            // sentence with a trigger has events for it to date.)
            let told_day = if s_trigs.is_empty() {
                None
            } else {
                slice_by(&times, (told_from, sent.1), |t| t.start)
                    .iter()
                    .find(|t| t.precision == Precision::Day && t.interval.is_some())
                    .map(|t| When {
                        expression: String::new(),
                        ..dating::when_of(text, t)
                    })
            };
            // A sentence without a trigger has no candidate: its clauses are not read.
            let mut cands = if s_trigs.is_empty() {
                Vec::new()
            } else {
                s_ments.clear();
                s_ments.extend(
                    slice_by(&mentions, sent, |m| m.start)
                        .iter()
                        .filter(|m| m.end <= sent.1),
                );
                self.sentence_events(
                    Doc {
                        text,
                        lower: &lower,
                        ments: &mentions,
                    },
                    sent,
                    s_trigs,
                    &s_ments,
                    &s_times,
                    &last_agents,
                )
            };
            // A sentence about other days ends the lead; one that also names the news day
            // (`late on Saturday in retaliation for a strike on April 1`) does not.
            let own_off_news = !s_times.is_empty()
                && s_times
                    .iter()
                    .all(|t| dating::off_news(t, article.published));
            let is_lead = lead && !caption && body_sentences < 6 && !own_off_news;
            date_sentence(text, &mut cands, &s_times);
            general::date_from_sentence(&lower, &mut cands, &s_times);
            general::day_of_time(text, &mut cands, &s_times);
            general::date_offset_clauses(&lower, &mut cands);
            plans_carry_their_objects(&mut cands);
            for c in &mut cands {
                let past_act = !c.nominal
                    && c.trig.form == Form::Past
                    && c.status == Status::Reported
                    && !c.cues.perfect;
                if past_act
                    && c.when
                        .as_ref()
                        .is_some_and(|w| dating::impossible_for_past(w, article.published))
                {
                    c.when = None;
                    c.explicit = false;
                }
            }
            // `who visited Georgetown in March 2025, warned at the time`: the time of the
            // sentence's other act.
            let told_time = cands
                .iter()
                .find(|c| c.explicit)
                .and_then(|c| c.when.clone());
            for c in &mut cands {
                c.sentence = si;
                c.caption = caption;
                if c.when.is_some() || c.status == Status::Planned {
                    continue;
                }
                let at_the_time = lower
                    .get(c.trig.end..c.clause.1.max(c.trig.end))
                    .is_some_and(|r| r.contains("at the time") || r.contains("at that time"));
                if at_the_time && let Some(w) = &told_time {
                    c.when = Some(w.clone());
                    c.explicit = true;
                    continue;
                }
                let verbal = !c.nominal && c.trig.form != Form::Ing;
                if let Some((psi, w)) = &prev_dated
                    && *psi + 1 == si
                    && continues_previous(&lower, sent, c)
                {
                    c.when = Some(w.clone());
                } else if words::words_in(&lower, c.clause.0, c.clause.1).any(|w| w == "overnight")
                {
                    // `airstrikes killed 20 people overnight`: the night before the news.
                    c.when = dating::overnight_when(article);
                } else if told_day.is_some() && !context::background(&lower, c.clause.0, c.clause.1)
                {
                    c.when.clone_from(&told_day);
                } else if is_lead
                    && verbal
                    && !c.cues.bare_infinitive
                    && !context::background(&lower, c.clause.0, c.clause.1)
                {
                    c.when = dating::article_when(article);
                }
            }
            // A bare `X said` is news only in the lead or with its own date.
            cands.retain(|c| {
                !(c.trig.weak && Some(c.trig.type_idx) == self.statement) || c.explicit || is_lead
            });
            if !caption {
                body_sentences += 1;
                if own_off_news {
                    lead = false;
                }
                prev_dated = cands
                    .iter()
                    .filter(|c| c.explicit)
                    .find_map(|c| c.when.clone())
                    .map(|w| (si, w));
                if let Some(c) = cands.iter().rev().find(|c| c.named_agent) {
                    last_agents.clone_from(&c.agents);
                }
            }
            out.extend(cands);
        }
        self.apply_captions(&mut out);
        out.sort_by_key(|c| (c.sent.0, c.trig.start));
        let affiliations: Vec<(String, String)> = mentions
            .iter()
            .filter_map(|m| m.affiliation.clone().map(|a| (m.name.clone(), a)))
            .collect();
        general::drop_told_topics(&mut out);
        let speech = [self.statement, self.accusation, self.denial];
        merge_repeats(&mut out, &speech, &affiliations, &lower);
        out.into_iter()
            .map(|c| self.finish(article, &lower, &affiliations, c))
            .collect()
    }

    /// Candidate events of one sentence, with actors and status but no date yet.
    fn sentence_events(
        &self,
        doc: Doc<'_>,
        sent: (usize, usize),
        trigs: &[Trigger],
        ments: &[&Mention],
        times: &[&TimeExpr],
        last_agents: &[String],
    ) -> Vec<Cand> {
        let Doc { text, lower, .. } = doc;
        let mut bounds = context::clause_bounds(lower, sent.0, sent.1);
        // `The U.S., South Korea, and Japan respond`: `, and` inside a list of names joins
        // them; it starts no clause.
        bounds.retain(|&b| {
            let and = lower.get(b..).is_some_and(|r| r.starts_with(", and "));
            let name_before = ments.iter().any(|m| m.end == b);
            let name_after = ments.iter().any(|m| m.start == b + ", and ".len());
            !(and && name_before && name_after)
        });
        // `Lula, who arrived in Shanghai on Wednesday, later travelled`: a relative clause
        // closes at the next comma and the main clause resumes there.
        let mut resumes: Vec<(usize, usize)> = Vec::new();
        for &b in &bounds {
            let rest = lower.get(b..sent.1).unwrap_or("");
            let opener = [", who ", ", which "]
                .into_iter()
                .find(|o| rest.starts_with(o));
            if let Some(o) = opener
                && let Some(i) = rest.get(o.len()..).and_then(|r| r.find(", "))
            {
                resumes.push((b + o.len() + i, b));
            }
        }
        bounds.extend(resumes.iter().map(|&(r, _)| r));
        bounds.sort_unstable();
        bounds.dedup();
        let antecedent = |rel: usize| -> Vec<String> {
            let (cs, _) = context::clause_of(&bounds, sent, rel.saturating_sub(1));
            let subject = ments.iter().find(|m| {
                m.start >= cs
                    && m.end <= rel
                    && !m.modifier
                    && !words::prev_word(lower, m.start)
                        .is_some_and(|p| words::listed(NON_AGENT_PREPS, p))
            });
            match subject {
                Some(m) => vec![m.name.clone()],
                None => capitalized_subject(text, cs, rel).into_iter().collect(),
            }
        };
        let quotes = context::quoted_spans(text, sent.0, sent.1);
        let starts_with_quote = text
            .get(sent.0..sent.1)
            .is_some_and(|t| t.trim_start().starts_with(['“', '"', '‘']));
        // The sentence's cue words (modals, allegations, denials), found once.
        let marked = context::mark_cues(lower, sent);
        let analyst = marked
            .any(sent.0, sent.1, context::ANALYST)
            .unwrap_or_else(|| {
                words::words_in(lower, sent.0, sent.1).any(|w| words::listed(ANALYST_CUES, w))
            });
        let mut cands: Vec<Cand> = Vec::with_capacity(trigs.len().min(8));
        let mut covered_to = 0usize;
        let mut attribution_from = usize::MAX;
        for (i, t) in trigs.iter().enumerate() {
            if t.start >= attribution_from {
                break;
            }
            // Inside another trigger's phrase (`rejected those claims`): part of that event.
            let inside = t.start < covered_to;
            covered_to = covered_to.max(t.tail_end);
            if inside || t.end > sent.1 || context::in_quote(&quotes, t.start) {
                continue;
            }
            let clause = context::clause_of(&bounds, sent, t.start);
            // The words before the trigger, walked once for the rules below.
            let before = words::Before::new(lower, sent.0, t.start);
            let mut cues = context::cues_before(&before, clause.0, &marked);
            if cues.modal {
                match general::modality(text, lower, clause.0, t.start) {
                    general::Modality::Modal => {}
                    general::Modality::ReportedFuture => {
                        cues.modal = false;
                        cues.planned = true;
                    }
                    general::Modality::None => cues.modal = false,
                }
            }
            if general::threatened_infinitive(&before, clause.0) {
                continue;
            }
            if cues.bare_infinitive && general::expected_infinitive(&before, clause.0) {
                cues.bare_infinitive = false;
                cues.planned = true;
            }
            // `Syria will not accept more refugees`, `said it would not meet their demands`:
            // a refusal, told as a denial of what is asked.
            let refusal = cues.negated
                && [self.agreement, self.meeting, self.visit].contains(&Some(t.type_idx))
                && before.words(clause.0, 3).iter().any(|&(a, b)| {
                    lower.get(a..b).is_some_and(|w| {
                        matches!(
                            w,
                            "will" | "would" | "won't" | "wouldn't" | "won’t" | "wouldn’t"
                        )
                    })
                })
                && self.denial.is_some();
            if (cues.negated || cues.modal) && !refusal {
                continue;
            }
            let prev = words::prev_word(lower, t.start);
            let possessive = possessive_before(text, t.start);
            let after_det = possessive || prev.is_some_and(|p| words::listed(DETERMINERS, p));
            // `a test site`: a verb pattern read after an article is a noun, not the verb.
            if t.tail_end > t.end
                && t.form == Form::Base
                && (possessive
                    || prev.is_some_and(|p| matches!(p, "a" | "an" | "the" | "its" | "their")))
            {
                continue;
            }
            // `such a claim`, `the host`, `in a storm`: a verb-only trigger after a
            // determiner is a noun that is no event of its own.
            if !t.noun_too
                && t.form == Form::Base
                && t.tail_end == t.end
                && prev.is_some_and(|p| {
                    matches!(
                        p,
                        "a" | "an" | "the" | "such" | "this" | "its" | "their" | "any"
                    )
                })
            {
                continue;
            }
            // `a shipment of 2,000-pound bombs`: a weapon's verb read as a plural noun names
            // the weapon, not an event; so does a speech verb (`China's expansive claims`).
            if !t.noun_too
                && t.form == Form::Present
                && (self.is_speech(t.type_idx)
                    || lower
                        .get(t.start..t.end)
                        .is_some_and(|w| WEAPONS.contains(&w)))
                && t.tail_end == t.end
                && plural_noun_use(text, lower, t)
            {
                continue;
            }
            if general::inside_name(text, sent.0, t.start, t.end) {
                continue;
            }
            // `a cell phone`: the bare verb `phone` is mostly the noun, a call only after `to`
            // or an auxiliary (`will phone`).
            if t.form == Form::Base
                && lower
                    .get(t.start..t.end)
                    .is_some_and(|w| matches!(w, "phone" | "telephone"))
                && !prev.is_some_and(|p| {
                    matches!(
                        p,
                        "to" | "by" | "will" | "would" | "could" | "did" | "may" | "might"
                    )
                })
            {
                continue;
            }
            // `when reached by phone`: the way a reporter asked, not a call between parties.
            if prev == Some("by")
                && lower
                    .get(t.start..t.end)
                    .is_some_and(|w| matches!(w, "phone" | "telephone"))
                && before
                    .words(sent.0, 2)
                    .get(1)
                    .and_then(|&(a, b)| lower.get(a..b))
                    .is_some_and(|w| matches!(w, "reached" | "contacted" | "interviewed"))
            {
                continue;
            }
            // `negotiations mediated by Qatar`, `a ceasefire brokered by Egypt`: a participle
            // describing the event noun right before it is that event, not another.
            let describes_event_noun = t.form == Form::Past
                && i.checked_sub(1)
                    .and_then(|j| trigs.get(j))
                    .is_some_and(|p| {
                        text.get(p.tail_end.max(p.end)..t.start)
                            .is_some_and(|g| g.chars().all(char::is_whitespace))
                    })
                && words::next_words(lower, t.tail_end.max(t.end), 1)
                    .first()
                    .and_then(|&(a, b)| lower.get(a..b))
                    == Some("by");
            if describes_event_noun {
                continue;
            }
            // `China claims almost the entire South China Sea`, `claimed an attack on the
            // airport`: a claim to a thing is no accusation.
            if lower
                .get(t.start..t.end)
                .is_some_and(|w| w.starts_with("claim"))
                && general::claim_to_a_thing(lower, t.tail_end.max(t.end))
            {
                continue;
            }
            if t.form == Form::Ing && general::prevented_or_content(lower, t.start) {
                continue;
            }
            // Votes and resolutions are UN meetings only where a UN body is named.
            if Some(t.type_idx) == self.un_meeting
                && lower.get(t.start..t.end).is_some_and(|w| {
                    ["vot", "pass", "approv", "adopt", "exten", "renew"]
                        .iter()
                        .any(|p| w.starts_with(p))
                })
                && !general::un_context(lower, sent)
            {
                continue;
            }
            // `pledged 500 million euros in military aid`: a noun right after another
            // event's phrase in its clause is that event's object.
            if t.form == Form::Noun
                && cands.last().is_some_and(|c| {
                    !c.nominal
                        && !self.is_speech(c.trig.type_idx)
                        && c.clause == context::clause_of(&bounds, sent, t.start)
                        && c.trig.type_idx != t.type_idx
                        && words::words_in(lower, c.trig.tail_end.max(c.trig.end), t.start).count()
                            <= 3
                })
            {
                continue;
            }
            // `individuals accused of arranging`: a participle describing a noun.
            // (`lodged a protest with Japan` has its object: it is the verb.)
            let object_taken = t.tail_end > t.end
                && !lower
                    .get(t.end..t.tail_end)
                    .is_some_and(|g| g.ends_with(" with") || g.ends_with(" of"));
            if self.is_speech(t.type_idx)
                && t.form == Form::Past
                && !object_taken
                && general::reduced_relative(lower, t.start, t.tail_end.max(t.end))
            {
                continue;
            }
            let anaphoric =
                prev.is_some_and(|p| matches!(p, "this" | "that" | "these" | "those" | "such"));
            // `the Russian attacks`: an article two words back makes it a noun too.
            let det_two_back = before
                .words(sent.0, 2)
                .get(1)
                .and_then(|&(a, b)| lower.get(a..b))
                .is_some_and(|w| matches!(w, "a" | "an" | "the" | "its" | "their" | "his" | "her"));
            // `by telephone`, `via video link`: after a preposition a verb form is a noun.
            let after_prep = prev.is_some_and(|p| matches!(p, "by" | "via" | "over"));
            // `a suspected Israeli strike on`: after a demonym a verb form is a noun.
            let after_demonym = t.noun_too
                && matches!(t.form, Form::Base | Form::Present)
                && ments
                    .iter()
                    .any(|m| m.demonym && text.get(m.end..t.start) == Some(" "));
            let nominal = after_prep
                || after_demonym
                || t.form == Form::Noun
                || (t.noun_too && (after_det || det_two_back))
                || (t.noun_too && t.form == Form::Ing)
                || (t.noun_too && t.form == Form::Present && plural_noun_use(text, lower, t))
                // No verb follows an article or a possessive: `the sanctions`, `its visits`.
                || (t.tail_end == t.end
                    && (possessive
                        || prev.is_some_and(|p| {
                            matches!(p, "a" | "an" | "the" | "its" | "their" | "his" | "her")
                        })));
            if !nominal && cues.bare_infinitive && !cues.planned {
                continue;
            }
            // `condemned the launch in a phone call`: a call carrying another act of its
            // clause is how that act was done.
            if nominal
                && lower
                    .get(t.start..t.end)
                    .is_some_and(|w| w.ends_with("call"))
                && before
                    .words(clause.0, 2)
                    .last()
                    .and_then(|&(a, b)| lower.get(a..b))
                    .is_some_and(|w| matches!(w, "in" | "during" | "on" | "by"))
                && cands.iter().any(|c| c.clause == clause && !c.nominal)
            {
                continue;
            }
            // `a request to join sanctions`, `to hold talks`: the object of an infinitive is
            // an event only as a plan (`agreed to hold talks`).
            let infinitive_object =
                (nominal || t.form == Form::Present) && infinitive_object(&before, clause.0);
            let nominal = nominal || infinitive_object;
            if infinitive_object && !context::planned_before_infinitive(&before, clause.0) {
                continue;
            }
            if nominal && context::generic_plural(&before, sent.0, t.end) {
                continue;
            }
            // (`rejected talks with`: a verb's `-s` form after a verb of refusing is its noun.)
            if (nominal || t.form == Form::Present) && general::blocked_object(&before, sent.0) {
                continue;
            }
            if general::object_of_measure_verb(&before, clause.0) {
                continue;
            }
            if (nominal || t.noun_too) && general::bare_generic_noun(&before, sent.0) {
                continue;
            }
            if Some(t.type_idx) == self.visit && general::thing_lands(lower, sent.0, t.start, t.end)
            {
                continue;
            }
            if Some(t.type_idx) == self.attack && general::target_at_sea(lower, t.end, clause.1) {
                continue;
            }
            let topic = nominal
                && prev == Some("the")
                && cands
                    .iter()
                    .any(|c| c.clause == clause && self.is_speech(c.trig.type_idx));
            let speech = self.is_speech(t.type_idx);
            // `denied the allegations of arms transfers`: a speech noun after another event
            // is that event's object, not an event.
            if nominal && speech && !cands.is_empty() {
                continue;
            }
            let mut circ = false;
            if nominal && context::circumstantial(&before, sent.0) {
                // A circumstance (`during his visit`) is an event of its own only when the
                // text dates it right there (`during his visit to Pyongyang last July`).
                let next_start = trigs.get(i + 1).map_or(sent.1, |n| n.start);
                let dated_here = times.iter().any(|x| {
                    x.start >= t.end
                        && x.start < next_start
                        && x.start <= t.end + 60
                        && x.precision != Precision::Range
                        && x.interval.is_some_and(|(a, b)| (b - a).num_days() <= 366)
                });
                if !dated_here {
                    continue;
                }
                circ = true;
            }
            // The next trigger that is not part of this one's own phrase.
            let next = trigs.iter().skip(i + 1).find(|n| n.start >= t.tail_end);
            let next_noun = next.is_some_and(|n| n.form == Form::Noun);
            let next_trig = next
                .map_or(clause.1, |n| n.start.min(clause.1))
                .max(t.tail_end);
            let phrase_stop = next_trig;
            let passive = cues.passive && !nominal;
            // `The US has claimed the dictatorship is smuggling`: after a speech verb, the one
            // acting is named after it.
            let infinitive = prev == Some("to") || cues.planned;
            let agent_floor = cands
                .iter()
                .rev()
                .find(|c| c.clause == clause && self.is_speech(c.trig.type_idx) && !infinitive)
                // (`added at a news conference`: a noun after the speech verb is no clause of
                // its own; the speaker may hold it.)
                .filter(|_| !at_speech_noun(lower, nominal, clause.0, t.start))
                .map_or(clause.0, |c| c.trig.tail_end.max(c.trig.end));
            let (mut agents, mut named, target) = pick_actors(
                doc,
                (agent_floor, clause.1),
                t,
                ments,
                next_trig,
                passive,
                // A speech noun (`issued a warning`) has the clause subject as its speaker.
                nominal && !speech,
            );
            // The words of the clause before the trigger, read once for the rules below.
            let mut pre_words: Option<Vec<&str>> = None;
            if agents.is_empty() && !passive {
                let pre = pre_words
                    .get_or_insert_with(|| words::words_in(lower, clause.0, t.start).collect());
                // `both countries`, `the two leaders`: the last two actors named together.
                let pair_noun = pre.windows(2).any(|w| {
                    matches!(w.first(), Some(&("both" | "two")))
                        && matches!(
                            w.get(1),
                            Some(
                                &("countries"
                                    | "nations"
                                    | "sides"
                                    | "governments"
                                    | "states"
                                    | "leaders"
                                    | "presidents"
                                    | "ministers"
                                    | "allies"
                                    | "neighbours"
                                    | "neighbors")
                            )
                        )
                });
                if pair_noun && let Some(pair) = last_pair(doc, t.start) {
                    agents = pair;
                    named = false;
                }
            }
            if agents.is_empty() && !passive {
                let pre = pre_words
                    .get_or_insert_with(|| words::words_in(lower, clause.0, t.start).collect());
                let relative = lower
                    .get(clause.0..)
                    .is_some_and(|r| r.starts_with(", who ") || r.starts_with(", which "));
                let resumed = resumes.iter().find(|&&(r, _)| r == clause.0);
                if relative && pre.first().is_some_and(|w| matches!(*w, "who" | "which")) {
                    // `Lula, who arrived`: the noun the clause hangs on, the one right before
                    // the comma (`supporting the M23 rebels, who seized`) or else the subject.
                    let adjacent = ments.iter().rev().find(|m| {
                        m.end <= clause.0
                            && !m.modifier
                            && words::words_in(lower, m.end, clause.0).count() <= 2
                    });
                    agents = match adjacent {
                        Some(m) => vec![m.name.clone()],
                        None => antecedent(clause.0),
                    };
                } else if let Some(&(_, rel)) = resumed
                    && pre.iter().all(|w| words::listed(AUX_GLUE, w))
                {
                    // `Lula, who ..., later travelled`: the subject before the relative clause.
                    agents = antecedent(rel);
                }
            }
            if agents.is_empty()
                && !passive
                && !general::object_first(lower, t.start, t.end, t.tail_end)
            {
                let pre = pre_words
                    .get_or_insert_with(|| words::words_in(lower, clause.0, t.start).collect());
                // An elided subject: nothing but glue since the clause start (`..., but
                // signed`), or a coordinated verb (`vowed to ... and signed`).
                let mut near = pre.iter().rev().skip_while(|w| words::listed(AUX_GLUE, w));
                let coordinated = !nominal
                    && matches!(t.form, Form::Past | Form::Present)
                    && near
                        .next()
                        .is_some_and(|w| matches!(*w, "and" | "but" | "yet" | "or"));
                let elided = agent_floor == clause.0
                    && pre
                        .iter()
                        .all(|w| words::listed(AUX_GLUE, w) || matches!(*w, "but" | "and" | "yet"));
                // A pronoun standing for the doer: a possessive in the noun's own phrase
                // (`its recent ballistic test`), or a subject just before the verb (`he
                // later visited`), after any speech verb.
                let pronoun = before
                    .words(agent_floor, 4)
                    .iter()
                    .map(|&(a, b)| lower.get(a..b).unwrap_or(""))
                    .take_while(|w| !words::listed(NON_AGENT_PREPS, w))
                    .find(|w| {
                        if nominal {
                            matches!(*w, "his" | "her" | "its" | "their")
                        } else {
                            matches!(*w, "he" | "she" | "it" | "they" | "we")
                        }
                    });
                if elided || coordinated {
                    let from_sentence = cands.iter().rev().find(|c| !c.agents.is_empty());
                    agents = match from_sentence {
                        Some(c) => c.agents.clone(),
                        None => last_agents.to_vec(),
                    };
                    named = false;
                } else if let Some(p) = pronoun {
                    agents = resolve_pronoun(p, doc, sent, t.start, ments, &cands, last_agents);
                    named = false;
                }
            }
            // `sanctions on Iran for supplying drones`, `condemned Seoul for sending arms`:
            // the one blamed is the doer of the -ing act.
            if t.form == Form::Ing
                && prev == Some("for")
                && let Some(blamed) = cands.iter().rev().find_map(|c| c.target.clone())
            {
                agents = vec![blamed];
                named = false;
            }
            // `condemns the Security Council for an emergency meeting`: blamed for an act.
            let blame_for = nominal
                && agents.is_empty()
                && before
                    .words(clause.0, 3)
                    .iter()
                    .any(|&(a, b)| lower.get(a..b) == Some("for"));
            if blame_for
                && let Some(blamed) = cands
                    .iter()
                    .rev()
                    .filter(|c| {
                        Some(c.trig.type_idx) == self.accusation
                            || Some(c.trig.type_idx) == self.sanctions
                    })
                    .find_map(|c| c.target.clone())
            {
                agents = vec![blamed];
                named = false;
            }
            // `the military aid that Russia's defense sector is receiving from North Korea,
            // Iran, and China`: where it comes from gives it.
            if nominal
                && agents.is_empty()
                && let Some(givers) = received_from(doc, ments, t.tail_end.max(t.end), sent.1)
            {
                agents = givers;
                named = true;
            }
            let complement = t.form == Form::Ing
                || before
                    .words(clause.0, 3)
                    .iter()
                    .any(|&(a, b)| lower.get(a..b) == Some("of"));
            if agents.is_empty() && !passive && complement {
                // `Iran denied allegations of selling drones`: one denies one's own acts;
                // `North Korea has been accused of shipping`: the accused is the doer.
                let frame = cands.iter().rev().find(|c| {
                    Some(c.trig.type_idx) == self.denial || Some(c.trig.type_idx) == self.accusation
                });
                if let Some(f) = frame {
                    if Some(f.trig.type_idx) == self.denial {
                        agents.clone_from(&f.agents);
                    } else if let Some(accused) = &f.target {
                        agents = vec![accused.clone()];
                    }
                    named = false;
                }
            }
            // `the army accused`, `the group denied`: the noun phrase right before a verb is
            // its subject, whatever names come earlier in the clause. (An unnamed speaker of a
            // plain statement, `the ministry said`, is resolved with the speakers below.)
            let plain_statement = Some(t.type_idx) == self.statement;
            let resolvable = if agents.is_empty() {
                !plain_statement
            } else {
                !nominal
            };
            if !passive
                && resolvable
                && let Some(a) = general::generic_subject(&before, clause.0, doc.ments)
            {
                agents = vec![a];
                named = true;
            }
            if (agents.is_empty() || !named) && !passive && !nominal {
                let pair = general::pair_subject(lower, clause.0, t.start, doc.ments);
                if !pair.is_empty() {
                    agents = pair;
                    named = true;
                }
            }
            if agents.is_empty()
                && !passive
                && !nominal
                && let Some(a) = general::adjacent_subject(lower, t.start, ments)
            {
                agents = vec![a];
                named = true;
            }
            // `..., accusing France of meddling`: a participle clause has the sentence's
            // subject.
            if agents.is_empty()
                && !passive
                && t.form == Form::Ing
                && clause.0 > sent.0
                && words::words_in(lower, clause.0, t.start).count() == 0
                && let Some(a) = general::sentence_subject(lower, sent.0, clause.0, ments)
            {
                agents = vec![a];
                named = true;
            }
            if agents.is_empty() && !passive {
                // An actor missing from the lists: a capitalized name before the trigger
                // (`Amnesty International accused`, `UNITA refused`).
                let from = clause.0.max(agent_floor);
                // Known names were weighed above; only unknown ones are taken here.
                let known = ments.iter().any(|m| m.start >= from && m.end <= t.start);
                if let Some(name) =
                    capitalized_subject(text, from, t.start).filter(|_| !known && !nominal)
                {
                    agents = vec![name];
                    named = true;
                }
            }
            // An unnamed speaker (`a foreign ministry spokesman said`, `officials said`)
            // still speaks: for the country or body named with them (`a spokesman for the
            // Chinese foreign ministry`), else the one the article was just talking about.
            let mut unnamed_speaker = false;
            let mut named_from_clause = false;
            // The speaker's own phrase starts after the last comma before the verb
            // (`..., with China voting against, diplomats said`).
            let speaker_from = text
                .get(agent_floor..t.start)
                .and_then(|b| b.rfind(','))
                .map_or(agent_floor, |i| agent_floor + i + 1);
            if speech
                && speaker_from > agent_floor
                && sourcing_only(
                    lower,
                    speaker_from,
                    t,
                    sent,
                    t.weak && Some(t.type_idx) == self.statement,
                )
            {
                // (`..., Merz told the conference.`: the rest is the attribution's too.)
                attribution_from = speaker_from;
                continue;
            }
            if speech && agents.is_empty() && !passive {
                let role = words::words_in(lower, agent_floor, t.start).any(|w| {
                    SPEAKER_ROLES.contains(&w.trim_end_matches("'s").trim_end_matches("’s"))
                });
                // `The head of the organization that ..., stated`: a long subject ends at
                // the comma before the verb; its head noun is the speaker, nameless.
                let long_subject = !role
                    && text
                        .get(..t.start)
                        .is_some_and(|b| b.trim_end().ends_with(','))
                    && words::words_in(lower, sent.0, t.start).take(3).any(|w| {
                        words::listed(SPEAKER_ROLES, w)
                            || matches!(w, "head" | "chief" | "director")
                    });
                if long_subject {
                    unnamed_speaker = true;
                    named = true;
                }
                if role {
                    unnamed_speaker = true;
                    let org = ments
                        .iter()
                        .find(|m| m.start >= speaker_from && m.end <= t.start && !m.modifier);
                    named_from_clause = org.is_some();
                    agents = match org {
                        Some(m) => vec![m.name.clone()],
                        None => last_agents.to_vec(),
                    };
                    named = true;
                }
            }
            if t.weak && agents.is_empty() {
                let weapon_before = before
                    .words(sent.0, 3)
                    .iter()
                    .any(|&(a, b)| lower.get(a..b).is_some_and(|w| words::listed(WEAPONS, w)));
                // `killed by an improvised explosive device`: a weapon does it.
                let weapon_by = passive
                    && words::next_words(lower, t.tail_end.max(t.end), 5)
                        .iter()
                        .map(|&(a, b)| lower.get(a..b).unwrap_or(""))
                        .skip_while(|w| *w != "by")
                        .any(|w| {
                            words::listed(WEAPONS, w)
                                || matches!(
                                    w,
                                    "device"
                                        | "explosion"
                                        | "gunmen"
                                        | "militants"
                                        | "attack"
                                        | "blast"
                                        | "fire"
                                )
                        });
                if !(Some(t.type_idx) == self.attack && (weapon_before || weapon_by)) {
                    continue;
                }
            }
            // Speech needs a speaker (or a passive: `was accused of`).
            if speech && agents.is_empty() && !passive && !unnamed_speaker {
                continue;
            }
            let is_statement = Some(t.type_idx) == self.statement;
            let quote_before = || {
                text.get(clause.0..t.start)
                    .is_some_and(words::has_double_quote)
            };
            if is_statement
                && (analyst || (t.weak && (starts_with_quote || quote_before() || !named)))
            {
                continue;
            }
            // A noun is planned only by the words right before it (`the potential visit`).
            // `an attack could come`: hypothetical; `the summit is expected to`: planned.
            let after = if nominal {
                general::after_noun(lower, t.tail_end.max(t.end))
            } else {
                general::After::Plain
            };
            if after == general::After::Hypothetical {
                continue;
            }
            let planned = if nominal {
                infinitive_object
                    || context::planned_adjacent(&before, sent.0)
                    || after == general::After::Planned
            } else if t.form == Form::Past && !cues.passive {
                // A verb in the simple past (`The next day Kim visited`) tells what happened;
                // only `will have visited` looks ahead.
                cues.planned && context::future_auxiliary(&before, clause.0)
            } else {
                cues.planned
            };
            let finite = !nominal && matches!(t.form, Form::Past | Form::Present);
            let scope = context::status_scope(lower, sent.0, t.start, finite);
            let status = if planned {
                Status::Planned
            } else if !speech && context::denied_before(&marked, lower, scope, t.start) {
                Status::Denied
            } else if !speech
                && (context::alleged_before(&marked, lower, scope, t.start)
                    || context::alleged_before(&marked, lower, t.end, t.tail_end))
            {
                // (`conducts a purported ... drone test`: the cue inside the phrase.)
                Status::Alleged
            } else {
                Status::Reported
            };
            let mut trig = t.clone();
            // The doer is a UN body (`The U.N. Security Council met`), not a national one
            // (`Russia's Security Council Secretary Sergei Shoigu met`).
            let un_doer = agents
                .iter()
                .any(|a| a.starts_with("UN ") || a == "United Nations");
            // (`The Council will hold its next meeting`, after the Security Council was
            // named: the body itself meets.)
            let un_body_doer = agents.first().is_some_and(|a| {
                a.starts_with("UN ") && (a.ends_with("Council") || a.ends_with("Assembly"))
            });
            if Some(t.type_idx) == self.meeting
                && (un_body_doer
                    || ((un_doer || agents.is_empty())
                        && general::un_body_subject(lower, clause.0, t.start)))
                && let Some(un) = self.un_meeting
            {
                trig.type_idx = un;
            }
            if Some(t.type_idx) == self.missile_test
                && general::fired_at_target(lower, t.tail_end.max(t.end), clause.1, ments)
                && let Some(attack) = self.attack
            {
                trig.type_idx = attack;
            }
            if Some(t.type_idx) == self.accusation
                && lower
                    .get(t.start..t.end)
                    .is_some_and(|w| w.starts_with("claim"))
                && general::claim_about_self(lower, t.end)
                && let Some(st) = self.statement
            {
                trig.type_idx = st;
            }
            // `denied the talks`, `dismissed the summit`: a definite noun under a denial is
            // the event told before, not a new one.
            let topic = topic
                || (nominal && (prev == Some("the") || det_two_back) && status == Status::Denied);
            let mut status = status;
            if refusal && let Some(denial) = self.denial {
                trig.type_idx = denial;
                status = Status::Reported;
            }
            cands.push(Cand {
                trig,
                sentence: 0,
                sent,
                clause,
                nominal,
                circ,
                anaphoric: anaphoric && nominal,
                agents,
                named_agent: named,
                target,
                status,
                cues,
                when: None,
                explicit: false,
                caption: false,
                stop_at: phrase_stop,
                next_noun,
                topic,
                inferred_speaker: unnamed_speaker && !named_from_clause,
                refusal,
                passive,
                times: times.iter().map(|x| (x.start, x.end)).collect(),
            });
        }
        self.drop_covered_statements(lower, &mut cands);
        // One event per type and clause, and per type and agents in the sentence.
        let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
        let (visit, meeting) = (self.visit, self.meeting);
        let mut met_on_visit = false;
        for c in cands {
            // `visited Tehran last week and met President Pezeshkian`: meeting the hosts on
            // a visit is the visit's business, not an event of its own.
            // (`..., but the talks produced no breakthrough`: so are the talks told after.)
            let is_meeting = Some(c.trig.type_idx) == meeting;
            if is_meeting && met_on_visit && c.nominal && c.agents.is_empty() {
                continue;
            }
            let part_of_visit = is_meeting
                && !c.nominal
                && words::prev_word(lower, c.trig.start)
                    .is_some_and(|w| matches!(w, "and" | "then" | "later"))
                && kept
                    .iter()
                    .any(|k| Some(k.trig.type_idx) == visit && !k.nominal && k.status == c.status);
            if part_of_visit {
                met_on_visit = true;
                continue;
            }
            // (Two doers named apart are two events even in one clause: `Iran launched
            // missiles in retaliation for an Israeli strike`.)
            let dup = kept.iter_mut().find(|k| {
                k.trig.type_idx == c.trig.type_idx
                    && (k.agents == c.agents || k.agents.is_empty() || c.agents.is_empty())
            });
            match dup {
                // `In a press conference ..., Blinken and Cameron discussed`: the event
                // keeps its first mention and takes the doers the second one names.
                Some(k) => {
                    if k.agents.is_empty() && c.named_agent {
                        k.agents.clone_from(&c.agents);
                        k.named_agent = true;
                    }
                }
                None => kept.push(c),
            }
        }
        kept
    }

    fn is_speech(&self, type_idx: usize) -> bool {
        Some(type_idx) == self.statement
            || Some(type_idx) == self.accusation
            || Some(type_idx) == self.denial
    }

    /// A statement is an event only when it is not just the frame of another event: it goes
    /// when a verbal event shares its clause or follows in a `that` clause, when any other
    /// event accompanies a bare `said`, and when it only frames a circumstance.
    fn drop_covered_statements(&self, lower: &str, cands: &mut Vec<Cand>) {
        let others: Vec<(usize, (usize, usize), bool, bool)> = cands
            .iter()
            .filter(|c| Some(c.trig.type_idx) != self.statement)
            .map(|c| (c.trig.start, c.clause, c.nominal, c.circ))
            .collect();
        if others.is_empty() {
            return;
        }
        // `voiced concerns ..., accusing Pyongyang`: the accusation or denial is the act.
        let acts: Vec<Vec<String>> = cands
            .iter()
            .filter(|c| {
                Some(c.trig.type_idx) == self.accusation || Some(c.trig.type_idx) == self.denial
            })
            .map(|c| c.agents.clone())
            .collect();
        cands.retain(|c| {
            if Some(c.trig.type_idx) != self.statement {
                return true;
            }
            let same_speaker = acts
                .iter()
                .any(|agents| agents.iter().any(|a| c.agents.contains(a)));
            if c.trig.weak || same_speaker {
                return false;
            }
            !others.iter().any(|&(pos, clause, nominal, circ)| {
                circ || (!nominal && clause == c.clause)
                    || (pos > c.trig.start
                        && clause.0 == c.clause.1
                        && lower
                            .get(clause.0..)
                            .is_some_and(|r| r.starts_with(" that ")))
            })
        });
    }

    /// Body events without a date take the date of a caption depicting the same event;
    /// caption events that only repeat a body event are dropped.
    fn apply_captions(&self, out: &mut Vec<Cand>) {
        let captions: Vec<Cand> = out.iter().filter(|c| c.caption).cloned().collect();
        if captions.is_empty() {
            return;
        }
        let mut used = vec![false; captions.len()];
        for c in out.iter_mut().filter(|c| !c.caption) {
            for (ci, cap) in captions.iter().enumerate() {
                let cap_actors: Vec<&String> = cap.agents.iter().chain(cap.target.iter()).collect();
                // A body event with its own date apart from the caption's is another one.
                let span = |x: &Cand| x.when.as_ref().and_then(|w| w.start.zip(w.end));
                let dates_differ = c.explicit
                    && cap.explicit
                    && span(c)
                        .zip(span(cap))
                        .is_some_and(|((s1, e1), (s2, e2))| e1 < s2 || e2 < s1);
                let same = cap.trig.type_idx == c.trig.type_idx
                    && !dates_differ
                    && c.agents
                        .iter()
                        .chain(c.target.iter())
                        .any(|a| cap_actors.contains(&a));
                if !same {
                    continue;
                }
                if let Some(slot) = used.get_mut(ci) {
                    *slot = true;
                }
                let undated = c.when.as_ref().is_none_or(dating::is_fallback);
                if undated && cap.explicit && c.status != Status::Planned {
                    c.when.clone_from(&cap.when);
                    c.explicit = true;
                }
            }
        }
        let mut ci = 0;
        out.retain(|c| {
            if !c.caption {
                return true;
            }
            let keep = !used.get(ci).copied().unwrap_or(false);
            ci += 1;
            keep
        });
    }

    /// The event's summary. A noun event reads `Russia: drone and cruise missile attacks`; a
    /// verb one `Russia and North Korea signed a comprehensive strategic partnership`; a
    /// passive one `Ukraine was attacked by Russian drones`; a plan `Putin is expected to
    /// visit Pyongyang`. Without a known doer the subject as written stands first (`The two
    /// leaders held talks`).
    /// `lower` is `text` lowercased in ASCII.
    fn summary_of(&self, text: &str, lower: &str, c: &Cand, type_summary: &str) -> String {
        let trig_end = c.trig.end;
        // A denial, accusation or statement goes on into what it is about (`denied the
        // claims`, `accused of shipping ammunition`, `stated that ...`), over other triggers.
        let speech = self.is_speech(c.trig.type_idx) && !c.nominal;
        let to_verb = lower
            .get(c.trig.start..c.trig.end)
            .is_some_and(|t| t.ends_with(" to"));
        let limit = if speech {
            c.sent.1
        } else if to_verb || c.next_noun {
            // `offered to host peace talks`: the phrase reads on to what is offered.
            c.clause.1
        } else {
            c.clause.1.min(c.stop_at.max(c.trig.tail_end))
        };
        // `spoke by telephone with Biden`: the verb before `by` carries the noun.
        let by_means = {
            let prev = words::prev_words(lower, c.clause.0, c.trig.start, 2);
            let w = |i: usize| {
                prev.get(i)
                    .and_then(|&(a, b)| lower.get(a..b))
                    .unwrap_or("")
            };
            (matches!(w(0), "by" | "via" | "over") && !w(1).is_empty() && !c.agents.is_empty())
                .then(|| prev.get(1).map(|&(a, _)| a))
                .flatten()
                .filter(|&a| {
                    text.get(a..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_lowercase)
                })
        };
        let (who, start) = if let Some(verb) = by_means {
            (summary::join_names(&c.agents), verb)
        } else if c.nominal {
            let start = summary::modifiers_start(text, c.clause.0, c.trig.start);
            // `UN Security Council meeting` names its doer already.
            let trigger_text = text
                .get(c.trig.start..c.trig.tail_end.max(c.trig.end))
                .unwrap_or("")
                .to_lowercase();
            let named_inside = c.agents.iter().any(|a| {
                a.split_whitespace()
                    .next_back()
                    .is_some_and(|w| trigger_text.contains(&w.to_lowercase()))
            });
            let who = if c.agents.is_empty() || named_inside {
                String::new()
            } else {
                let mut who = summary::join_names(&c.agents);
                who.push(':');
                who
            };
            (who, start)
        } else if c.passive {
            let start = aux_start(lower, c.clause.0, c.trig.start);
            let who = c
                .target
                .clone()
                .or_else(|| subject_as_written(text, c.sent.0, c.clause.0, start))
                .unwrap_or_default();
            (who, start)
        } else {
            let start = if c.refusal {
                words::prev_words(lower, c.clause.0, c.trig.start, 3)
                    .iter()
                    .find(|&&(a, b)| {
                        lower.get(a..b).is_some_and(|w| {
                            w.starts_with("will") || w.starts_with("would") || w.starts_with("won")
                        })
                    })
                    .map_or(c.trig.start, |&(a, _)| a)
            } else if c.status == Status::Planned {
                plan_start(lower, c.clause.0, c.trig.start)
            } else {
                c.trig.start
            };
            let who = if c.agents.is_empty() {
                subject_as_written(text, c.sent.0, c.clause.0, start).unwrap_or_default()
            } else {
                summary::join_names(&c.agents)
            };
            (who, start)
        };
        summary::summarize(
            text,
            &summary::Parts {
                who: &who,
                start,
                trigger_end: trig_end,
                limit,
                clause_end: if speech { c.sent.1 } else { c.clause.1 },
                times: &c.times,
                type_summary,
                target: c.target.as_deref(),
                nominal: c.nominal,
            },
        )
    }

    /// `lower` is the article text lowercased in ASCII.
    fn finish(
        &self,
        article: &Article,
        lower: &str,
        affiliations: &[(String, String)],
        c: Cand,
    ) -> Event {
        let text = article.text.as_str();
        let def = self.vocab.types.get(c.trig.type_idx);
        let type_name = def.map_or_else(|| "event".to_string(), |d| d.name.clone());
        let type_summary = def.map_or("", |d| d.summary.as_str());
        let summary = self.summary_of(text, lower, &c, type_summary);
        let has_agents = !c.agents.is_empty();
        let mut actors = c.agents;
        // A person's country or organization joins them (`Vladimir Putin` → `Russia`), so
        // filtering by a country finds its leaders' acts.
        for i in 0..actors.len() {
            let aff = actors
                .get(i)
                .and_then(|a| affiliations.iter().find(|(n, _)| n == a));
            if let Some((_, aff)) = aff
                && !actors.contains(aff)
            {
                actors.push(aff.clone());
            }
        }
        if let Some(t) = &c.target
            && !actors.contains(t)
        {
            actors.push(t.clone());
        }
        let mut conf: f32 = if c.trig.weak {
            0.55
        } else if c.trig.tail_end > c.trig.end {
            0.85
        } else if c.nominal {
            0.7
        } else {
            0.8
        };
        if has_agents {
            conf += 0.1;
        }
        match c.status {
            Status::Alleged => conf -= 0.15,
            Status::Planned | Status::Denied => conf -= 0.1,
            Status::Hypothetical => conf -= 0.3,
            Status::Reported => {}
        }
        match &c.when {
            Some(w) if c.explicit && w.start.is_some() => conf += 0.05,
            Some(w) if dating::is_fallback(w) => conf -= 0.05,
            _ => {}
        }
        if c.caption {
            conf -= 0.2;
        }
        let source_text = text.get(c.sent.0..c.sent.1).unwrap_or("").to_string();
        Event {
            id: event_id(&article.path, c.trig.start, &type_name),
            event_type: type_name,
            summary,
            actors,
            target: c.target,
            status: c.status,
            // Two decimals: `0.95`, not the `0.95000005` of f32 sums.
            confidence: (conf.clamp(0.05, 0.99) * 100.0).round() / 100.0,
            when: c.when,
            source: Source {
                article: article.path.clone(),
                start: c.sent.0,
                end: c.sent.1,
                text: source_text,
            },
            trigger: Some((c.trig.start, c.trig.tail_end.max(c.trig.end))),
        }
    }
}

/// An event's id, `path#trigger-start-type` (built by hand: `format!` cost more than the
/// rest of the event).
fn event_id(path: &str, start: usize, type_name: &str) -> String {
    let mut id = String::with_capacity(path.len() + type_name.len() + 22);
    id.push_str(path);
    id.push('#');
    push_decimal(&mut id, start);
    id.push('-');
    id.push_str(type_name);
    id
}

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        if let Some(d) = digits.get_mut(len) {
            // `rest % 10` is below 10: the cast cannot truncate.
            *d = b'0' + (rest % 10) as u8;
        }
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        out.push(char::from(*d));
    }
}

/// `..., diplomats said.`, `..., officials said on Monday.`: nameless sources after the
/// news they give are its attribution, not a statement of their own.
fn sourcing_only(
    lower: &str,
    speaker_from: usize,
    t: &Trigger,
    sent: (usize, usize),
    any_speaker: bool,
) -> bool {
    const SOURCES: &[&str] = &[
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "source",
        "sources",
        "witnesses",
        "residents",
    ];
    let head = words::words_in(lower, speaker_from, t.start).last();
    let rest = lower.get(t.tail_end.max(t.end)..sent.1).unwrap_or("");
    (any_speaker || head.is_some_and(|w| SOURCES.contains(&w)))
        && (1..=6).contains(&words::words_in(lower, speaker_from, t.start).count())
        && !(rest.contains(',') || words::has_double_quote(rest))
        && rest.split_whitespace().count() <= 5
        && !rest.contains(" that ")
}

/// The same event told again later in the article (`A delegation ... visited Iran` then
/// `the delegation ... departed Pyongyang for Tehran on Tuesday`) is kept once, at its first
/// mention, with the better date. Two mentions are the same event when type and status agree,
/// the actors agree (shared agents, or one side without agents within three sentences), the
/// targets do not conflict, and the dates are compatible (both undated; or an article-date
/// fallback within a week of an explicit date; or overlapping explicit dates).
fn merge_repeats(
    out: &mut Vec<Cand>,
    speech: &[Option<usize>; 3],
    affiliations: &[(String, String)],
    lower: &str,
) {
    let statement = speech[0];
    // The first letters of a trigger: `accused`/`accuses` are one verb, `summoned` another.
    let stem = |c: &Cand| {
        lower
            .get(c.trig.start..c.trig.end)
            .map(|w| w.get(..4).unwrap_or(w))
    };
    let mut kept: Vec<Cand> = Vec::with_capacity(out.len());
    for c in out.drain(..) {
        // `South Korea's spy agency issued a warning. The agency expressed concerns that ...`:
        // an unnamed speaker's remark right after the same speaker's act goes on about it.
        // (`The agency`, `It`: a speaker pointing back; `A spokesman` is someone new.)
        let points_back = lower.get(c.sent.0..c.sent.1).is_some_and(|t| {
            let t = t.trim_start();
            ["the ", "it ", "he ", "she ", "they "]
                .iter()
                .any(|p| t.starts_with(p))
        });
        let elaborates = statement == Some(c.trig.type_idx)
            && c.inferred_speaker
            && points_back
            && c.when.as_ref().is_none_or(dating::is_fallback)
            && kept.last().is_some_and(|k| {
                k.sentence + 1 == c.sentence && !k.agents.is_empty() && k.agents == c.agents
            });
        if elaborates {
            continue;
        }
        let same = kept.iter_mut().rev().find(|k| {
            if k.trig.type_idx != c.trig.type_idx || k.sentence == c.sentence {
                return false;
            }
            if c.anaphoric && !c.explicit {
                return true;
            }
            if k.status != c.status {
                return false;
            }
            // `accused China of firing` then `summoned the envoy`: two verbs of accusing
            // (or denying) are two acts, however close.
            if speech[1..].contains(&Some(c.trig.type_idx))
                && !k.nominal
                && !c.nominal
                && !k.passive
                && !c.passive
                && stem(k) != stem(&c)
            {
                return false;
            }
            if statement == Some(c.trig.type_idx)
                && (k.agents != c.agents || (k.when.is_none() && c.when.is_none()))
            {
                // Two remarks by different speakers are two statements; so are two undated
                // remarks by one speaker in different sentences.
                return false;
            }
            // Agents with their countries: `John Kirby` speaks for the United States.
            let shared = widened(&k.agents, affiliations)
                .any(|a| widened(&c.agents, affiliations).any(|b| a == b));
            let near = c.sentence.saturating_sub(k.sentence) <= 3;
            let one_empty = k.agents.is_empty() || c.agents.is_empty();
            let targets_ok = k.target.is_none() || c.target.is_none() || k.target == c.target;
            // Two undated mentions far apart are one event only when the later one points
            // back (`the test`), handled above.
            // Repeated claims and denials (not reported acts, which recur) are one matter.
            let undated = k.when.is_none() && c.when.is_none() && c.status == Status::Reported;
            // (`wrapped up a state visit` in the lead, then `Macron, who arrived in Doha on
            // Tuesday`: an undated noun told again nearby with its date.)
            // (Or with no doer named: `A fighter jet dropped two bombs ... on Tuesday`.)
            let dated_later = k.nominal
                && k.when.is_none()
                && c.explicit
                && (shared || c.agents.is_empty())
                && near;
            ((shared && (near || !undated)) || (one_empty && near))
                && targets_ok
                && (dates_compatible(k, &c) || dated_later)
        });
        match same {
            Some(k) => {
                let k_weak = k.when.as_ref().is_none_or(dating::is_fallback);
                if k_weak && c.explicit {
                    k.when.clone_from(&c.when);
                    k.explicit = true;
                }
                if k.agents.is_empty() {
                    k.agents.clone_from(&c.agents);
                }
                if k.target.is_none() {
                    k.target.clone_from(&c.target);
                }
            }
            None => kept.push(c),
        }
    }
    *out = kept;
}

/// `agents` followed by the affiliation of each that has one (duplicates kept).
fn widened<'a>(
    agents: &'a [String],
    affiliations: &'a [(String, String)],
) -> impl Iterator<Item = &'a String> {
    let affs = agents.iter().filter_map(|a| {
        affiliations
            .iter()
            .find(|(n, _)| n == a)
            .map(|(_, aff)| aff)
    });
    agents.iter().chain(affs)
}

fn dates_compatible(a: &Cand, b: &Cand) -> bool {
    let span = |c: &Cand| c.when.as_ref().and_then(|w| w.start.zip(w.end));
    match (&a.when, &b.when) {
        (None, None) => true,
        (None, Some(_)) | (Some(_), None) => false,
        (Some(x), Some(y)) => match (span(a), span(b)) {
            (Some((s1, e1)), Some((s2, e2))) => {
                if dating::is_fallback(x) || dating::is_fallback(y) {
                    let week = chrono::Days::new(7);
                    s1 <= e2 + week && s2 <= e1 + week
                } else {
                    // Two explicit dates: the same interval (a day and its year are not one
                    // event).
                    s1 == s2 && e1 == e2
                }
            }
            _ => x.expression == y.expression,
        },
    }
}

/// The items of a sorted slice whose key falls in `[span.0, span.1)`.
fn slice_by<T>(items: &[T], span: (usize, usize), key: impl Fn(&T) -> usize) -> &[T] {
    let lo = items.partition_point(|x| key(x) < span.0);
    let hi = items.partition_point(|x| key(x) < span.1);
    items.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// Who did it (the first group of actors in the clause before the trigger) and to whom (the
/// first actor after it, before the next trigger). In a passive (`was accused by`), the
/// subject is the target and the agent follows `by`.
fn pick_actors(
    doc: Doc<'_>,
    clause: (usize, usize),
    t: &Trigger,
    ments: &[&Mention],
    next_trig: usize,
    passive: bool,
    nominal: bool,
) -> (Vec<String>, bool, Option<String>) {
    let Doc { text, lower, .. } = doc;
    let before: Vec<&Mention> = ments
        .iter()
        .copied()
        .filter(|m| m.start >= clause.0 && m.end <= t.start && !m.modifier)
        .filter(|m| !demonym_adjective(text, m))
        .filter(|m| {
            let prev = words::prev_word(lower, m.start);
            // A name after a preposition is no agent, unless a role noun stands two words
            // before it (only then are those words walked).
            if !prev.is_some_and(|p| words::listed(NON_AGENT_PREPS, p)) {
                return true;
            }
            let pp = words::prev_words(lower, clause.0, m.start, 2);
            pp.get(1).is_some_and(|&(a, b)| {
                lower.get(a..b).is_some_and(|w| {
                    matches!(
                        w,
                        "officials"
                            | "authorities"
                            | "sources"
                            | "forces"
                            | "troops"
                            | "official"
                            | "leaders"
                            | "leader"
                            | "president"
                            | "presidents"
                            | "government"
                            | "governments"
                            | "representatives"
                            | "delegation"
                            | "delegations"
                            | "ministers"
                            | "minister"
                            | "head"
                            | "heads"
                            | "members"
                    )
                })
            })
        })
        .collect();
    let is_conj = |between: &str| {
        between.len() < 60
            && between
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(|w| {
                    [
                        "and", "as", "well", "both", "s", "along", "with", "together",
                    ]
                    .iter()
                    .any(|k| w.eq_ignore_ascii_case(k))
                        || is_title_word(w)
                })
    };
    // A noun event's agent stands right before it (`North Korea's missile test`, `The U.S.,
    // South Korea, and Japan respond with joint exercises`), not anywhere in the clause.
    let mut first = if nominal {
        // The noun's own phrase reaches back over modifiers and names, not over a
        // preposition or a possessive pronoun (`during his visit`: his, not the clause's
        // subject). After a support verb (`held talks`, `respond with joint exercises`) the
        // clause subject is the doer.
        let mut window = t.start;
        let mut support = false;
        for (a, b) in words::prev_words(lower, clause.0, t.start, 5) {
            let w = lower.get(a..b).unwrap_or("");
            if words::listed(SUPPORT_VERBS, w) {
                support = true;
                break;
            }
            if words::listed(NON_AGENT_PREPS, w)
                || matches!(
                    w,
                    "during"
                        | "amid"
                        | "after"
                        | "before"
                        | "following"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "of"
                )
            {
                let verb_before =
                    words::prev_word(lower, a).is_some_and(|v| words::listed(SUPPORT_VERBS, v));
                // `respond with joint exercises`, `began their largest drills`.
                support = verb_before
                    && matches!(w, "with" | "in" | "their" | "its" | "his" | "her" | "our");
                // `said at a news conference`: the one speaking holds or attends it.
                if w == "at"
                    && words::prev_word(lower, a).is_some_and(|v| {
                        v.ends_with("ed") || matches!(v, "said" | "says" | "told" | "spoke")
                    })
                {
                    support = true;
                }
                // `spoke by telephone`, `met via video link`: the means of an active verb.
                if matches!(w, "by" | "via") {
                    let before: Vec<&str> = words::prev_words(lower, clause.0, a, 2)
                        .iter()
                        .map(|&(x, y)| lower.get(x..y).unwrap_or(""))
                        .collect();
                    let passive_aux = before.get(1).is_some_and(|v| {
                        matches!(*v, "was" | "were" | "is" | "are" | "been" | "be" | "being")
                    });
                    support = !before.is_empty() && !passive_aux;
                }
                break;
            }
            window = a;
        }
        if support && before.is_empty() {
            // `The State Department spokesman, Ned Price, added at a news conference`: the
            // speaker's body when the speaker is not a known name.
            if let Some(m) = ments
                .iter()
                .find(|m| m.modifier && m.start >= clause.0 && m.end <= t.start)
            {
                return (vec![m.name.clone()], false, None);
            }
            None
        } else if support {
            Some(0)
        } else {
            before.iter().position(|m| m.start >= window)
        }
    } else if before.is_empty() {
        None
    } else {
        Some(0)
    };
    while let Some(i) = first.filter(|&i| i > 0) {
        let (Some(p), Some(m)) = (before.get(i - 1), before.get(i)) else {
            break;
        };
        if is_conj(&without_modifiers(text, ments, p.end, m.start)) {
            first = Some(i - 1);
        } else {
            break;
        }
    }
    let mut group: Vec<String> = Vec::new();
    let mut last_end = 0usize;
    for m in before.iter().skip(first.unwrap_or(before.len())) {
        if group.is_empty() {
            group.push(m.name.clone());
            last_end = m.end;
            continue;
        }
        // `China, the North's main ally,`: a possessive in apposition is not a second doer.
        let appositive = text.get(m.end..).is_some_and(|r| {
            (r.starts_with("'s ") || r.starts_with("’s "))
                && !words::next_words(lower, m.end, 2)
                    .get(1)
                    .and_then(|&(a, b)| lower.get(a..b))
                    .is_some_and(|n| words::listed(AGENT_NOUNS, n))
        });
        if appositive {
            break;
        }
        if is_conj(&without_modifiers(text, ments, last_end, m.start)) {
            if !group.contains(&m.name) {
                group.push(m.name.clone());
            }
            last_end = m.end;
        } else {
            break;
        }
    }
    if group.is_empty() && nominal {
        // `UN Security Council meeting`, `NATO summit`: the body named in the trigger.
        if let Some(m) = ments
            .iter()
            .find(|m| m.start >= t.start && m.end <= t.tail_end.max(t.end) && !m.demonym)
        {
            group.push(m.name.clone());
        }
    }
    if group.is_empty() && nominal {
        // `Russian drone and cruise missile attacks`, `the Russian invasion`: a demonym in
        // the event noun's own phrase names its doer.
        // `during Blinken’s visit`: a possessor right before the noun does it too.
        if let Some(m) = ments.iter().rev().find(|m| {
            let possessor = text
                .get(m.end..)
                .is_some_and(|r| r.starts_with("'s ") || r.starts_with("’s "));
            (m.demonym || possessor) && !m.modifier && m.start >= clause.0 && m.end <= t.start && {
                let between: Vec<&str> = words::words_in(lower, m.end, t.start).collect();
                between.len() <= 4
                    && !text
                        .get(m.end..t.start)
                        .unwrap_or("")
                        .contains([',', ';', '(', ')'])
                    && between.iter().all(|w| !words::listed(NP_BREAKERS, w))
            }
        }) {
            group.push(m.name.clone());
        }
    }
    group.truncate(4);
    let after: Vec<&Mention> = ments
        .iter()
        .copied()
        .filter(|m| m.start >= t.end && m.end <= next_trig.max(t.tail_end + 1) && !m.modifier)
        .collect();
    let mut target = None;
    let mut agents = group;
    if agents.is_empty() && nominal {
        // `meetings between Choe, Putin and Lavrov`, `a visit by Putin`.
        let next = words::next_words(lower, t.tail_end.max(t.end), 1);
        let link = next.first().and_then(|&(a, b)| lower.get(a..b));
        if link == Some("from")
            && let Some(source) = after.first()
        {
            // `the movement of weapons from North Korea to Russia`, `arms shipments from
            // Iran`: where it comes from does it; where it goes is the target.
            let dest = after
                .iter()
                .skip(1)
                .find(|m| words::prev_word(lower, m.start) == Some("to"))
                .map(|m| m.name.clone());
            return (vec![source.name.clone()], true, dest);
        }
        if matches!(link, Some("between" | "by" | "among" | "of")) {
            let mut names: Vec<String> = Vec::new();
            for (i, m) in after.iter().take(4).enumerate() {
                // `... and Lavrov in Moscow`: a place after a preposition ends the list.
                let place = i > 0
                    && words::prev_word(lower, m.start)
                        .is_some_and(|p| words::listed(NON_AGENT_PREPS, p));
                if place {
                    break;
                }
                if !names.contains(&m.name) {
                    names.push(m.name.clone());
                }
            }
            if link != Some("of") || names.len() == 1 {
                let named = !names.is_empty();
                return (names, named, None);
            }
        }
    }
    if passive {
        // `accused by Washington`: the agent follows `by`.
        let by_agent = after
            .iter()
            .find(|m| words::prev_word(lower, m.start) == Some("by"));
        let subject = agents.first().cloned();
        agents = by_agent.map(|m| vec![m.name.clone()]).unwrap_or_default();
        target = subject;
    } else if let Some(m) = after.iter().find(|m| {
        // `..., state media KCNA reported`: the source of the news is not the target.
        let source = words::next_words(lower, m.end, 1)
            .first()
            .and_then(|&(a, b)| lower.get(a..b))
            .is_some_and(|w| matches!(w, "reported" | "said" | "says" | "reports" | "quoted"));
        // `departed Pyongyang for Tehran`: the place left is not the target.
        let left = words::prev_word(lower, m.start)
            .is_some_and(|w| matches!(w, "departed" | "departs" | "left" | "leaves" | "leaving"));
        // `during Blinken’s visit`: a possessor qualifies a later noun; it is no target.
        let possessor = text
            .get(m.end..)
            .is_some_and(|r| r.starts_with("'s ") || r.starts_with("’s "))
            && words::prev_word(lower, m.start).is_some_and(|p| {
                matches!(
                    p,
                    "during" | "amid" | "after" | "before" | "following" | "despite" | "since"
                )
            });
        !agents.contains(&m.name)
            && !source
            && !left
            && !possessor
            && words::words_in(lower, t.end, m.start).count() <= 8
    }) {
        target = Some(m.name.clone());
    }
    let named = !agents.is_empty();
    (agents, named, target)
}

/// `missile attacks`, `drone strikes on Kyiv`, `recent visits`: a third-person form that is
/// also a noun reads as the plural noun when a lowercase or numeric modifier (not a pronoun
/// or an adverb) stands before it and no object follows (no article, pronoun or name).
fn plural_noun_use(text: &str, lower: &str, t: &Trigger) -> bool {
    const NOT_MODIFIERS: &[&str] = &[
        "he",
        "she",
        "it",
        "who",
        "which",
        "that",
        "also",
        "then",
        "now",
        "regularly",
        "often",
        "still",
        "again",
        "repeatedly",
        "frequently",
        "reportedly",
        "allegedly",
        "and",
        "or",
        "but",
    ];
    let Some(prev) = words::prev_word(text, t.start) else {
        return false;
    };
    // (A number is a modifier too: `2,000-pound bombs`, `500 raids`.)
    let lowercase = prev
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    if !lowercase || words::listed(NOT_MODIFIERS, prev) {
        return false;
    }
    let next = words::next_words(lower, t.end, 1);
    let next_word = next.first().and_then(|&(a, b)| lower.get(a..b));
    let next_cap = next
        .first()
        .and_then(|&(a, _)| text.get(a..))
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    !next_cap
        && !next_word.is_some_and(|w| {
            matches!(
                w,
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these"
            )
        })
}

/// `text[from..to]` without the actor mentions that only qualify a person (`and UK’s Foreign
/// Minister David Cameron`: `UK’s` goes), so joined names can be recognized.
fn without_modifiers(text: &str, ments: &[&Mention], from: usize, to: usize) -> String {
    let mut out = String::new();
    let mut at = from;
    for m in ments
        .iter()
        .filter(|m| m.modifier && m.start >= from && m.end <= to)
    {
        out.push_str(text.get(at..m.start).unwrap_or(""));
        at = m.end;
    }
    out.push_str(text.get(at..to).unwrap_or(""));
    out
}

/// A noun right after `to <verb>` (with at most two words between): `to join sanctions`,
/// `to hold fresh talks`.
fn infinitive_object(before: &words::Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    let prev = before.words(floor, 4);
    let Some(to) = prev
        .iter()
        .position(|&(a, b)| lower.get(a..b) == Some("to"))
    else {
        return false;
    };
    // `to`, a verb, up to two modifiers, the noun; the word after `to` is no article,
    // possessive or plural (`to the talks` is a preposition).
    if !(1..=3).contains(&to) {
        return false;
    }
    let after_to = prev
        .get(to - 1)
        .and_then(|&(a, b)| lower.get(a..b))
        .unwrap_or("");
    !matches!(
        after_to,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "these" | "that"
    ) && !after_to.ends_with('s')
}

/// The actors after `receiving from` / `received from` / `obtained from` within a dozen words
/// after `from` (a list joined by commas and `and`).
fn received_from(doc: Doc<'_>, ments: &[&Mention], from: usize, to: usize) -> Option<Vec<String>> {
    let Doc { text, lower, .. } = doc;
    let span: Vec<(usize, usize)> = words::next_words(lower, from, 12)
        .into_iter()
        .filter(|&(_, e)| e <= to)
        .collect();
    let verb = span.iter().position(|&(a, b)| {
        lower.get(a..b).is_some_and(|w| {
            w.starts_with("receiv")
                || w.starts_with("obtain")
                || w.starts_with("acquir")
                || w == "bought"
                || w == "buying"
                || w == "gets"
                || w == "got"
                || w == "getting"
        })
    })?;
    let &(_, after_from) = span
        .iter()
        .skip(verb + 1)
        .take(2)
        .find(|&&(a, b)| lower.get(a..b) == Some("from"))?;
    let mut names: Vec<String> = Vec::new();
    let mut last = after_from;
    for m in ments
        .iter()
        .filter(|m| m.start >= after_from && m.end <= to)
    {
        let between = text.get(last..m.start).unwrap_or("");
        let joined = between
            .split(|c: char| !c.is_alphanumeric())
            .all(|w| w.is_empty() || w == "and");
        if !joined {
            break;
        }
        if !names.contains(&m.name) {
            names.push(m.name.clone());
        }
        last = m.end;
    }
    (!names.is_empty()).then_some(names)
}

/// A noun event right after `at` (`said at a news conference`).
fn at_speech_noun(lower: &str, nominal: bool, floor: usize, pos: usize) -> bool {
    nominal
        && words::prev_words(lower, floor, pos, 3)
            .iter()
            .any(|&(a, b)| lower.get(a..b) == Some("at"))
}

/// The last two actors the article names joined by `and` before `pos` (`Pyongyang and
/// Tehran`), for `both countries` and `the two leaders`.
fn last_pair(doc: Doc<'_>, pos: usize) -> Option<Vec<String>> {
    let before: Vec<&Mention> = doc
        .ments
        .iter()
        .filter(|m| m.end <= pos && !m.demonym)
        .collect();
    before.windows(2).rev().find_map(|w| {
        let (a, b) = (w.first()?, w.get(1)?);
        let between = doc.text.get(a.end..b.start)?;
        let joined = matches!(between, " and " | ", and " | " and the ");
        // (`the two countries` are two of a kind: not a minister and a country.)
        (joined && a.name != b.name && a.kind == b.kind)
            .then(|| vec![a.name.clone(), b.name.clone()])
    })
}

/// Where a passive verb's auxiliaries start (`was attacked`, `has been accused`).
fn aux_start(lower: &str, floor: usize, pos: usize) -> usize {
    let mut start = pos;
    for (a, b) in words::prev_words(lower, floor, pos, 3) {
        let w = lower.get(a..b).unwrap_or("");
        if matches!(
            w,
            "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "being" | "be"
        ) {
            start = a;
        } else {
            break;
        }
    }
    start
}

/// Where a planned event's phrase starts: at `will`, or at the verb that takes the plan
/// (`offered to mediate`, `is expected to visit`).
fn plan_start(lower: &str, floor: usize, pos: usize) -> usize {
    let prev = words::prev_words(lower, floor, pos, 3);
    let word = |i: usize| {
        prev.get(i)
            .and_then(|&(a, b)| lower.get(a..b))
            .unwrap_or("")
    };
    let at = |i: usize| prev.get(i).map_or(pos, |&(a, _)| a);
    if matches!(word(0), "will" | "shall" | "'ll") {
        return at(0);
    }
    if word(0) == "to" {
        let w1 = word(1);
        let verb_like = w1.ends_with("ed")
            || matches!(
                w1,
                "plans"
                    | "plan"
                    | "wants"
                    | "want"
                    | "hopes"
                    | "hope"
                    | "aims"
                    | "aim"
                    | "intends"
                    | "intend"
                    | "seeks"
                    | "seek"
                    | "set"
                    | "due"
                    | "ready"
                    | "willing"
                    | "open"
                    | "going"
                    | "about"
                    | "able"
                    | "likely"
                    | "agree"
                    | "agrees"
                    | "vows"
                    | "vow"
                    | "pledges"
                    | "pledge"
                    | "promises"
                    | "promise"
                    | "offers"
                    | "offer"
                    | "decides"
                    | "expects"
                    | "expect"
            );
        if !verb_like {
            // `pledged last week to deliver`: the plan verb before a time expression.
            let wide = words::prev_words(lower, floor, pos, 5);
            if let Some(&(a, _)) = wide.iter().skip(2).find(|&&(a, b)| {
                lower.get(a..b).is_some_and(|w| {
                    matches!(
                        w,
                        "pledged"
                            | "promised"
                            | "vowed"
                            | "agreed"
                            | "offered"
                            | "decided"
                            | "planned"
                            | "plans"
                            | "pledges"
                            | "promises"
                            | "vows"
                            | "agrees"
                            | "offers"
                    )
                })
            }) {
                let between = lower.get(a..pos).unwrap_or("");
                if !between.contains([',', ';']) {
                    return a;
                }
            }
            // `his willingness to visit`: the headline form `to visit`.
            return at(0);
        }
        if matches!(word(2), "is" | "are" | "was" | "were" | "has" | "have") {
            return at(2);
        }
        return at(1);
    }
    pos
}

/// The subject as the text writes it when no known actor is the doer (`The two leaders`,
/// `both countries`, or the noun a relative clause hangs on: `the missile that hit`): up to
/// five words with no comma, opened by an article, a number, a quantifier or a name.
fn subject_as_written(
    text: &str,
    sent_start: usize,
    clause_start: usize,
    pos: usize,
) -> Option<String> {
    const OPENERS: &[&str] = &[
        "the",
        "a",
        "an",
        "two",
        "three",
        "four",
        "five",
        "both",
        "several",
        "many",
        "some",
        "officials",
        "authorities",
        "troops",
        "forces",
        "rebels",
        "militants",
        "police",
        "protesters",
        "lawmakers",
        "leaders",
        "experts",
    ];
    const LEAD_GLUE: &[&str] = &["that", "which", "who", "and", "but", "as", "while", "when"];
    let raw = text.get(clause_start..pos)?;
    if raw.trim().is_empty() || raw.trim_end().ends_with(',') {
        // `The head of the research organization that ..., stated`: the long subject's
        // head, up to its first relative word or comma.
        let sent = text.get(sent_start..pos)?;
        let head: Vec<&str> = sent
            .split_whitespace()
            .take_while(|w| !matches!(*w, "that" | "which" | "who" | "whose") && !w.ends_with(','))
            .take(7)
            .collect();
        let first = head.first()?;
        if head.len() >= 2 && matches!(*first, "The" | "A" | "An") && !sent.contains(['“', '"']) {
            return Some(head.join(" "));
        }
    }
    // `Two days later, the two sides held`: the subject follows the last comma.
    let raw = raw.rsplit_once(',').map_or(raw, |(_, r)| r);
    let mut ws: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    while ws
        .first()
        .is_some_and(|w| LEAD_GLUE.contains(&w.to_lowercase().as_str()))
    {
        ws.remove(0);
    }
    while ws.last().is_some_and(|w| {
        AUX_GLUE.contains(&w.to_lowercase().as_str())
            || matches!(
                w.to_lowercase().as_str(),
                "was" | "were" | "is" | "are" | "been" | "will" | "would"
            )
    }) {
        ws.pop();
    }
    let relative = raw
        .trim_start_matches([',', ' '])
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "that" | "which" | "who"));
    if ws.is_empty() && relative {
        // `the missile that hit`: the noun phrase before the relative clause.
        let before = words::prev_words(text, sent_start, clause_start, 6);
        let det = before.iter().position(|&(a, b)| {
            text.get(a..b)
                .is_some_and(|w| OPENERS.contains(&w.to_lowercase().as_str()))
        })?;
        let &(a, _) = before.get(det)?;
        let np = text.get(a..clause_start)?.trim();
        if np.contains([',', ';', '(']) {
            return None;
        }
        return Some(summary::capitalize(np));
    }
    if ws.is_empty() || ws.len() > 5 || raw.contains([';', '(', ')', '“', '"']) {
        return None;
    }
    let first = ws.first()?;
    let opener = OPENERS.contains(&first.to_lowercase().as_str())
        || first.chars().next().is_some_and(char::is_uppercase);
    // A subject has no verb-looking word (`-ed`) in it.
    let verbish = ws
        .iter()
        .skip(1)
        .any(|w| w.ends_with("ed") || w.ends_with("ing"));
    (opener && !verbish).then(|| summary::capitalize(&ws.join(" ")))
}

/// The word before `pos` is a possessive (`Blinken’s visit`, `the allies' drills`).
fn possessive_before(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("").trim_end();
    before.ends_with("'s") || before.ends_with("’s") || before.ends_with("s'")
}

/// Whom a pronoun before a trigger stands for. `he`, `his`, `she`, `her`: the nearest person
/// named before it in the sentence (`Kim Jong Un ..., as his recent tests`), else the last
/// named doer. `they`, `their`, `it`, `its`: the doer of an earlier event of the sentence,
/// else the nearest actor in subject position before it (not after a preposition), else the
/// last named doer.
fn resolve_pronoun(
    pronoun: &str,
    doc: Doc<'_>,
    sent: (usize, usize),
    pos: usize,
    ments: &[&Mention],
    cands: &[Cand],
    last_agents: &[String],
) -> Vec<String> {
    let Doc { text, lower, .. } = doc;
    let mut earlier = ments
        .iter()
        .filter(|m| m.start >= sent.0 && m.end <= pos && !m.modifier)
        .filter(|m| !demonym_adjective(text, m));
    if matches!(pronoun, "he" | "his" | "she" | "her" | "him") {
        if let Some(m) = earlier.rfind(|m| m.kind == Kind::Person) {
            return vec![m.name.clone()];
        }
        return last_agents.to_vec();
    }
    // A doer the text names (not one inferred for a noun, `condemns X for a meeting`).
    if let Some(c) = cands
        .iter()
        .rev()
        .find(|c| !c.agents.is_empty() && c.named_agent)
    {
        return c.agents.clone();
    }
    let subject = earlier.rfind(|m| {
        !words::prev_word(lower, m.start).is_some_and(|p| words::listed(NON_AGENT_PREPS, p))
    });
    match subject {
        Some(m) => vec![m.name.clone()],
        None => last_agents.to_vec(),
    }
}

/// The first run of capitalized words in `text[from..to]` that looks like a name (not a
/// sentence-initial function word, month or weekday), as written.
/// Titles written in full before a name (`President`), skipped when reading a name, as are
/// the short ones ([`words::ABBREVIATED_TITLES`]: `Gen.`).
const TITLES_BEFORE_NAMES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "General",
    "Colonel",
    "Major",
    "Captain",
    "Commander",
    "Admiral",
    "Governor",
    "Senator",
    "Ambassador",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Sheikh",
    "Pope",
    "Judge",
    "Justice",
    "Commodore",
    "Lieutenant",
];

/// Capitalized common nouns that do not open a name.
const COMMON_NOUNS: &[&str] = &[
    "Security",
    "Police",
    "Government",
    "Officials",
    "Troops",
    "Soldiers",
    "Rebels",
    "Militants",
    "Gunmen",
    "Protesters",
    "Forces",
    "Authorities",
    "Witnesses",
    "Residents",
    "Lawmakers",
    "Diplomats",
    "Analysts",
    "Experts",
    "States",
    "Ministry",
    "Council",
    "Office",
    "Department",
    "Army",
    "Navy",
    "Parliament",
    "Court",
    "Thousands",
    "Hundreds",
    "Dozens",
    "Millions",
];

fn capitalized_subject(text: &str, from: usize, to: usize) -> Option<String> {
    const NOT_NAMES: &[&str] = &[
        "I",
        "These",
        "Those",
        "Or",
        "Despite",
        "Amid",
        "According",
        "Earlier",
        "Later",
        "Meanwhile",
        "However",
        "Also",
        "Both",
        "Under",
        "Over",
        "Since",
        "Why",
        "What",
        "How",
        "Who",
        "Where",
        "Finally",
        "Additionally",
        "Reports",
        "Officials",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "Some",
        "Many",
        "Several",
        "Two",
        "Three",
        "Tensions",
        "Debris",
        "Photo",
        "So",
        "Now",
        "Then",
        "Yet",
        "Still",
        "Thus",
        "Here",
        "There",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Such",
        "Nothing",
        "Nobody",
        "Everyone",
        "Everything",
        "Someone",
        "Any",
        "Each",
        "Every",
        "Another",
        "No",
        "All",
        "Most",
    ];
    let seg = text.get(from..to)?;
    let mut run: Vec<&str> = Vec::new();
    for w in seg.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')')) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        // A word opening with an ASCII byte other than a capital is in none of the lists
        // below (their entries are capitalized) and is no capital: it ends a run, or is
        // passed before one.
        if w.as_bytes()
            .first()
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            if run.is_empty() {
                continue;
            }
            break;
        }
        // (`Gen. Sylvain Ekenge`: a title before the name is no part of it.)
        if run.is_empty()
            && (words::ABBREVIATED_TITLES.contains(&w) || TITLES_BEFORE_NAMES.contains(&w))
        {
            continue;
        }
        // (`Security forces killed`, `Foreign States supplying`: a common noun opening the
        // sentence names no one; inside a name it may: `National Unity Government`.)
        if run.is_empty() && COMMON_NOUNS.contains(&w) {
            break;
        }
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        // (`Heavily armed men stormed`, `The Dubai-based operator`, `Citing engine trouble,`:
        // an adverb, a compound adjective or a participle opening the run is no name.)
        let adverb = (w.len() > 4 && w.ends_with("ly"))
            || (run.is_empty() && w.len() > 5 && w.ends_with("ing"))
            || ["-based", "-led", "-backed", "-owned", "-aligned", "-run"]
                .iter()
                .any(|s| w.ends_with(s));
        if cap && !adverb && !words::listed(NOT_NAMES, w) && !words::never_a_name(w) {
            run.push(w);
            continue;
        }
        if !run.is_empty() {
            break;
        }
    }
    if run.is_empty() || run.len() > 5 {
        return None;
    }
    Some(run.join(" "))
}

/// `the Russian attacks`, `North Korean missiles`: a demonym before a common noun describes
/// the thing, it does not act (`Russian forces`, `Russian officials` do).
fn demonym_adjective(text: &str, m: &Mention) -> bool {
    if !m.demonym {
        return false;
    }
    let next = words::next_words(text, m.end, 1);
    let Some(n) = next.first().and_then(|&(a, b)| text.get(a..b)) else {
        return false;
    };
    n.chars().next().is_some_and(char::is_lowercase) && !words::listed(AGENT_NOUNS, n)
}

fn is_title_word(w: &str) -> bool {
    [
        "president",
        "leader",
        "minister",
        "foreign",
        "defense",
        "security",
        "official",
        "secretary",
        "prime",
        "state",
        "spokesman",
        "russian",
        "chinese",
        "american",
        "supreme",
    ]
    .iter()
    .any(|k| w.eq_ignore_ascii_case(k))
}

/// Dates the events of one sentence from its own time expressions: each event takes the
/// nearest expression in its clause, or else one in a clause without another event.
fn date_sentence(text: &str, cands: &mut [Cand], exprs: &[&TimeExpr]) {
    if exprs.is_empty() {
        return;
    }
    let clauses: Vec<(usize, usize)> = cands.iter().map(|c| c.clause).collect();
    let verbs: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| !c.nominal)
        .map(|c| (c.trig.start, c.trig.tail_end.max(c.trig.end)))
        .collect();
    for i in 0..cands.len() {
        let Some(c) = cands.get(i) else { continue };
        let span = (c.trig.start, c.trig.tail_end.max(c.trig.end));
        // `hit Kharkiv on January 2 at the Security Council meeting`: an expression right
        // after a verb belongs to that verb, not to a noun that follows.
        let taken_by_verb = |t: &TimeExpr| {
            t.end <= span.0
                && verbs
                    .iter()
                    .any(|&(vs, ve)| vs != span.0 && ve <= t.start && vs >= c.clause.0)
        };
        let own: Vec<&TimeExpr> = exprs
            .iter()
            .copied()
            .filter(|t| t.start >= c.clause.0 && t.end <= c.clause.1 && !taken_by_verb(t))
            .collect();
        let chosen = if own.is_empty() {
            let free: Vec<&TimeExpr> = exprs
                .iter()
                .copied()
                .filter(|t| {
                    !clauses
                        .iter()
                        .enumerate()
                        .any(|(j, cl)| j != i && t.start >= cl.0 && t.end <= cl.1)
                })
                .collect();
            dating::nearest(text, &free, span)
        } else {
            dating::nearest(text, &own, span)
        };
        if let (Some(t), Some(c)) = (chosen, cands.get_mut(i)) {
            c.when = Some(dating::when_of(text, t));
            c.explicit = true;
        }
    }
    // `Xi hosted Lula on Friday, and the two leaders signed 15 agreements`: a past act in a
    // clause joined by `, and` happened when the one before it did.
    for i in 1..cands.len() {
        let (Some(prev), Some(c)) = (cands.get(i - 1), cands.get(i)) else {
            continue;
        };
        let joined = text
            .get(c.clause.0..)
            .is_some_and(|r| r.starts_with(", and "));
        let past = |x: &Cand| !x.nominal && x.trig.form == Form::Past;
        if c.when.is_none() && joined && past(c) && past(prev) && prev.explicit {
            let when = prev.when.clone();
            if let Some(c) = cands.get_mut(i) {
                c.when = when;
                c.explicit = true;
            }
        }
    }
}

/// `Ishiba is expected to visit Manila next month for a summit with Marcos`: a noun event in
/// the clause of a planned act is part of the plan, with its date.
fn plans_carry_their_objects(cands: &mut [Cand]) {
    for i in 1..cands.len() {
        let plan = cands
            .get(..i)
            .and_then(|before| {
                before
                    .iter()
                    .rev()
                    .find(|p| !p.nominal && p.status == Status::Planned)
            })
            .map(|p| (p.clause, p.when.clone(), p.explicit));
        let Some((clause, when, explicit)) = plan else {
            continue;
        };
        if let Some(c) = cands.get_mut(i)
            && c.nominal
            && c.clause == clause
            && c.status == Status::Reported
        {
            c.status = Status::Planned;
            if c.when.is_none() {
                c.when = when;
                c.explicit = explicit;
            }
        }
    }
}

/// A sentence that goes on about the event of the one before (`Russia rejected those
/// claims`, `The test, described as...`) shares its date.
fn continues_previous(lower: &str, sent: (usize, usize), c: &Cand) -> bool {
    let s = lower.get(sent.0..sent.1).unwrap_or("");
    let first = s.split_whitespace().next().unwrap_or("");
    let anaphor = s.contains("those ")
        || s.contains("these ")
        || s.contains("the same ")
        || s.contains("at the time")
        || s.contains("at that time")
        || words::listed(PRONOUNS, first)
        || (first == "the" && c.nominal && c.trig.start < sent.0 + 20);
    let past = c.trig.form == Form::Past && !c.cues.perfect;
    anaphor && (past || c.nominal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_lists_hold_capitalized_words_only() {
        // `capitalized_subject` passes other words without looking them up.
        for w in words::ABBREVIATED_TITLES
            .iter()
            .chain(TITLES_BEFORE_NAMES)
            .chain(COMMON_NOUNS)
        {
            assert!(
                w.as_bytes().first().is_some_and(u8::is_ascii_uppercase),
                "{w}"
            );
        }
    }

    fn article(text: &str, published: Option<&str>) -> Article {
        Article {
            path: "a.txt".to_string(),
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

    #[test]
    fn event_ids_read_path_start_and_type() {
        for n in [0, 7, 10, 99, 12_345, usize::MAX] {
            assert_eq!(
                event_id("a/b.txt", n, "visit"),
                format!("a/b.txt#{n}-visit")
            );
        }
    }

    #[test]
    fn builtin_vocabularies_parse() {
        let e = Extractor::builtin();
        assert!(e.inner.is_some());
        let types = e.event_types();
        for t in [
            "visit",
            "meeting",
            "missile_test",
            "un_meeting",
            "denial",
            "accusation",
            "arms_transfer",
            "agreement",
            "military_drill",
            "attack",
            "sanctions",
            "aid",
            "statement",
        ] {
            assert!(types.iter().any(|x| x == t), "{t} missing");
        }
    }

    #[test]
    fn visit_with_actor_and_target() {
        let e = Extractor::builtin();
        let a = article(
            "A delegation from North Korea recently visited Iran, marking a rare exchange.\n",
            Some("2024-04-24"),
        );
        let ev = e.extract(&a);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].event_type, "visit");
        assert_eq!(ev[0].actors, ["North Korea", "Iran"]);
        assert_eq!(ev[0].target.as_deref(), Some("Iran"));
        assert_eq!(ev[0].status, Status::Reported);
    }

    #[test]
    fn one_sentence_two_events() {
        let e = Extractor::builtin();
        let a = article(
            "Moscow and Pyongyang have denied the allegations, but have vowed to step up their military cooperation and signed a comprehensive strategic partnership in June.\n",
            Some("2024-09-14"),
        );
        let types: Vec<String> = e.extract(&a).into_iter().map(|e| e.event_type).collect();
        assert_eq!(types, ["denial", "agreement"]);
    }

    #[test]
    fn negated_modal_and_quoted_triggers_are_not_events() {
        let e = Extractor::builtin();
        let a = article(
            "North Korea did not launch any missiles.\nIran may be shipping drones to Russia.\nHe said: “We have never exported weapons or ammunition to Russia before and never will.”\n",
            Some("2024-09-14"),
        );
        assert!(e.extract(&a).is_empty(), "{:#?}", e.extract(&a));
    }

    #[test]
    fn planned_visit() {
        let e = Extractor::builtin();
        let a = article(
            "North Korea has announced that Russian President Vladimir Putin is open to visiting the country soon.\n",
            Some("2024-01-19"),
        );
        let ev = e.extract(&a);
        let visit = ev.iter().find(|e| e.event_type == "visit").unwrap();
        assert_eq!(visit.status, Status::Planned);
        assert!(visit.actors.contains(&"Vladimir Putin".to_string()));
    }

    #[test]
    fn user_files_extend_types_and_actors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("event-types.txt"),
            "[election]\nsummary = holds an election\nnouns = election, elections, vote\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("actors.txt"),
            "[country]\nFreedonia | Freedonian\n",
        )
        .unwrap();
        let e = Extractor::with_user_files(dir.path()).unwrap();
        let a = article("Freedonia held a snap election on Sunday.\n", None);
        let ev = e.extract(&a);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].event_type, "election");
        assert_eq!(ev[0].actors, ["Freedonia"]);
    }

    #[test]
    fn user_file_errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("event-types.txt"), "[x]\nverbz = a\n").unwrap();
        let err = Extractor::with_user_files(dir.path())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("event-types.txt") && err.contains("line 2"),
            "{err}"
        );
    }
}
