//! Reading a sentence: its clauses, verb groups, noun phrases, fragments and requests.

use std::sync::LazyLock;

use super::super::tokens::{Pattern, Tok};
use super::lexicon::*;
use super::patterns::*;
use super::sentence::*;
use super::{Act, Kind};

impl<'t> Sentence<'t> {
    pub(super) fn new(toks: &'t [Tok]) -> Sentence<'t> {
        let question = toks
            .iter()
            .rev()
            .find(|t| !matches!(t.w.as_str(), "\"" | "”" | "’" | ")" | "'"))
            .is_some_and(|t| t.w == "?");
        Sentence {
            toks,
            mask: masks(toks),
            question,
            past_time: any(&PAST_TIME, toks).is_some(),
        }
    }

    /// Whether token `i` is the writer's own words.
    pub(super) fn own(&self, i: usize) -> bool {
        self.mask.get(i) == Some(&Mask::Own)
    }

    /// The byte span of tokens `a..b`.
    pub(super) fn span(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b.max(a + 1) - 1].end)
    }

    pub(super) fn act(&self, kind: Kind, (a, b): (usize, usize)) -> Act {
        let (start, end) = self.span(a, b);
        Act {
            kind,
            hedged: false,
            past: false,
            weak: false,
            start,
            end,
        }
    }

    /// Where a clause of the writer's own begins, and the flags it begins with: after `I`/`we`
    /// (hedged by a "maybe" just before), after "please"/"kindly" opening a clause, and after
    /// "and"/"but" carrying on a clause with a new verb group ("…and will not be pursuing it").
    pub(super) fn clause_start(&self, i: usize, seen_subject: bool) -> Option<Flags> {
        let toks = self.toks;
        let w = toks[i].w.as_str();
        let opens = i == 0
            || toks[i - 1].punct()
            || matches!(
                toks[i - 1].w.as_str(),
                "so" | "and" | "but" | "then" | "therefore"
            );
        match w {
            "i" | "we" => Some(Flags {
                hedged: toks[i.saturating_sub(2)..i]
                    .iter()
                    .any(|t| matches!(t.w.as_str(), "maybe" | "perhaps" | "probably" | "possibly")),
                ..Flags::default()
            }),
            "please" | "kindly" if opens => Some(Flags::default()),
            "and" | "but" | "so"
                if seen_subject
                    && toks.get(i + 1).is_some_and(|t| {
                        matches!(
                            t.w.as_str(),
                            "not" | "will" | "would" | "must" | "am" | "have" | "need" | "can"
                        )
                    }) =>
            {
                Some(Flags::default())
            }
            _ => None,
        }
    }

    /// What the writer's first-person clauses do.
    pub(super) fn clauses(&self) -> Vec<Act> {
        let mut acts = Vec::new();
        let mut consumed = vec![false; self.toks.len()];
        let mut reported_past = false;
        let mut seen_subject = false;
        for i in 0..self.toks.len() {
            if consumed[i] || !self.own(i) {
                continue;
            }
            let Some(flags) = self.clause_start(i, seen_subject) else {
                continue;
            };
            seen_subject |= matches!(self.toks[i].w.as_str(), "i" | "we");
            if let Some(a) = self.verb_group(i, flags, &mut consumed, &mut reported_past) {
                acts.push(a);
            }
        }
        acts
    }

    /// Reads the verb group after the subject at `subject` up to its predicate, and what the
    /// clause then does. Marks subjects it reads through ("I don't think I…") as consumed, and
    /// notes a past report of one's own words ("I had informed you that I…").
    pub(super) fn verb_group(
        &self,
        subject: usize,
        mut flags: Flags,
        consumed: &mut [bool],
        reported_past: &mut bool,
    ) -> Option<Act> {
        let toks = self.toks;
        let n = toks.len();
        let mut k = subject + 1;
        while k < n && self.own(k) {
            let t = &toks[k];
            let w = t.w.as_str();
            let comma_goes_on = w == ","
                && matches!(
                    toks.get(k + 1).map(|t| t.w.as_str()),
                    Some("however" | "therefore" | "though")
                );
            if t.boundary() || w == "," && !comma_goes_on {
                return None;
            }
            // A predicate? The first of the matching ones that decides something, in order. One
            // that decides nothing ends the clause, unless the word is also an auxiliary
            // ("going" in "I'm going to decline").
            let matching = predicates(toks, k);
            if !matching.is_empty() {
                let act = matching
                    .into_iter()
                    .find_map(|(end, class)| self.decide(class, subject, end, flags));
                if act.is_some() || !AUX.iter().any(|(a, _)| *a == w) {
                    return act
                        .map(|a| self.as_told(a, w, flags, *reported_past))
                        .filter(|a| !(self.question && deciding(a.kind)));
                }
            }
            if pass_at(toks, k).is_some() {
                if flags.neg || self.question {
                    return None;
                }
                let (start, end) = self.span(subject, k + 1);
                let a = Act {
                    kind: Kind::Decline,
                    hedged: flags.hedged,
                    past: false,
                    weak: false,
                    start,
                    end,
                };
                return Some(self.as_told(a, w, flags, *reported_past));
            }
            match w {
                "not" | "never" | "unable" => flags.neg = !flags.neg,
                "no" if toks.get(k + 1).is_some_and(|t| t.w == "longer") => {
                    flags.neg = !flags.neg;
                    k += 1;
                }
                "had" => {
                    flags.had = true;
                    flags.aux = true;
                }
                _ if HEDGES.contains(&w) => flags.hedged = true,
                _ if RAISING.contains(&w) => {
                    // "I don't think (that) I'll…": the negation belongs to the clause it
                    // introduces. "I feel it would be best not to…": so does the rest.
                    // "I'm not sure whether I…": the clause is left open.
                    if matches!(w, "sure" | "certain") && flags.neg {
                        flags.neg = false;
                        flags.hedged = true;
                    }
                    let mut j = k + 1;
                    while let Some(c) = toks
                        .get(j)
                        .filter(|t| matches!(t.w.as_str(), "that" | "whether" | "if"))
                    {
                        flags.hedged |= c.w != "that";
                        j += 1;
                    }
                    if toks
                        .get(j)
                        .is_some_and(|t| matches!(t.w.as_str(), "i" | "we"))
                    {
                        consumed[j] = true;
                        k = j;
                    } else if toks.get(j).is_some_and(|t| t.w == "it") {
                        // "it would be best/better (for me) (not) to …"
                        let mut m = j + 1;
                        while m < n.min(j + 7)
                            && matches!(
                                toks[m].w.as_str(),
                                "would"
                                    | "is"
                                    | "be"
                                    | "best"
                                    | "better"
                                    | "for"
                                    | "me"
                                    | "both"
                                    | "of"
                                    | "us"
                                    | "wiser"
                            )
                        {
                            m += 1;
                        }
                        k = m - 1;
                    } else {
                        return None;
                    }
                }
                "informed" | "told" | "said" | "mentioned" | "wrote" | "explained" | "emailed"
                    if (flags.had || !flags.aux)
                        && toks.get(k + 1).is_some_and(|t| {
                            matches!(t.w.as_str(), "you" | "that" | "i" | "we")
                        }) =>
                {
                    *reported_past = true;
                    return None;
                }
                // "I would request you to…", "I'm writing to ask you to…"
                "request" | "ask" | "requesting" | "asking"
                    if toks.get(k + 1).is_some_and(|t| t.w == "you")
                        && toks.get(k + 2).is_some_and(|t| t.w == "to") =>
                {
                    k += 2;
                }
                // "ask for a few days", "grateful for a few days"
                "for" if flags.want => {}
                "let" if word_at(toks, k + 1, "you") && word_at(toks, k + 2, "know") => k += 2,
                // "I have made the decision to…", "I've made up my mind to…"
                "made" | "make" | "taken" | "reached" | "come"
                    if toks
                        .get(k + 1)
                        .is_some_and(|t| matches!(t.w.as_str(), "the" | "a" | "my"))
                        && word_at(toks, k + 2, "decision") =>
                {
                    k += 2;
                }
                "made" | "make" if word_at(toks, k + 1, "up") && word_at(toks, k + 3, "mind") => {
                    k += 3;
                }
                "in" if word_at(toks, k + 1, "a") && word_at(toks, k + 2, "position") => k += 2,
                _ => {
                    if let Some(&(_, present)) = AUX.iter().find(|(a, _)| *a == w) {
                        flags.aux = true;
                        flags.present |= present;
                        flags.want |= WANTING.contains(&w);
                    } else if !(ADVERBS.contains(&w) || adverb_like(w)) {
                        return None;
                    }
                }
            }
            k += 1;
        }
        None
    }

    /// What a predicate of `class` (ending at token `end`) does after the verb group's `flags`.
    pub(super) fn decide(
        &self,
        class: Class,
        subject: usize,
        end: usize,
        flags: Flags,
    ) -> Option<Act> {
        let act = |kind| Act {
            hedged: flags.hedged,
            ..self.act(kind, (subject, end))
        };
        match class {
            Class::Affirmed(kind) if !flags.neg => Some(act(kind)),
            Class::Negated if flags.neg => Some(act(Kind::Decline)),
            // "Maybe I'll join, maybe not": a decision mentioned, and left open.
            Class::Affirmed(_) | Class::Negated if flags.hedged => Some(act(Kind::Decline)),
            Class::Other if !flags.neg => Some(Act {
                past: flags.had,
                ..act(Kind::OtherOffer)
            }),
            Class::TimeSpan if !flags.neg && flags.want && time_for_deciding(self.toks, end) => {
                Some(act(Kind::AskForTime))
            }
            Class::Request(kind) if !flags.neg => Some(act(kind)),
            Class::Until if flags.want && !flags.neg => Some(act(Kind::AskForTime)),
            _ => None,
        }
    }

    /// A decline told as past — a simple past ("I declined"), a past perfect, one's own past
    /// words reported, or a past verb group in a sentence about the past — is a report of an
    /// earlier decision, not this message's.
    pub(super) fn as_told(&self, mut a: Act, verb: &str, flags: Flags, reported_past: bool) -> Act {
        let past_form = PAST_FORMS.contains(&verb) && !flags.aux;
        let past_like = past_form || (flags.aux && !flags.present);
        let declining = matches!(a.kind, Kind::Decline | Kind::Cancel);
        if declining && (flags.had || past_form || reported_past || self.past_time && past_like) {
            a.kind = Kind::PastDecline;
            a.hedged = false;
        }
        a
    }

    /// "If nothing changes, I will withdraw": a decision on a condition is not yet one. A
    /// condition governs the clause it stands in ("if X, I will…", "I will… if X"), not one
    /// after "but" ("…, but as it isn't, I'll decline"); "if that's all right" is politeness.
    pub(super) fn hedge_conditions(&self, acts: &mut [Act]) {
        let toks = self.toks;
        for at in (0..toks.len()).filter(|&i| conditional_if(toks, i)) {
            let if_start = toks[at].start;
            for a in acts
                .iter_mut()
                .filter(|a| matches!(a.kind, Kind::Decline | Kind::Cancel))
            {
                let between = |from: usize, to: usize, words: &[&str]| {
                    toks.iter()
                        .any(|t| t.start >= from && t.start < to && words.contains(&t.w.as_str()))
                };
                let governs = if if_start < a.start {
                    !between(if_start + 1, a.start, &["but", ";", "so"])
                } else {
                    !between(a.end, if_start, &[",", "but", "and", ";", "—", "–"])
                };
                a.hedged |= governs;
            }
        }
    }

    /// Decisions without a first-person verb: "My decision stands.", "Not interested.",
    /// "Withdrawing.", "nah, pass".
    pub(super) fn nouns_and_fragments(&self) -> Vec<Act> {
        let toks = self.toks;
        let mut acts = Vec::new();
        let affirmed = |&(a, b): &(usize, usize)| {
            self.own(a)
                && (toks[a..b].iter().filter(|t| t.w == "not").count() != 1
                    || toks[a..b].iter().any(|t| t.w.starts_with("chang")))
        };
        if let Some(span) = DECISION_NOUNS
            .iter()
            .find_map(|p| p.find(toks).filter(affirmed))
        {
            acts.push(Act {
                past: self.past_time,
                ..self.act(Kind::Decline, span)
            });
        }
        for (a, b) in FRAGMENTS.iter().flat_map(|p| p.find_all(toks)) {
            let opens = a == 0
                || toks[a - 1].punct()
                || matches!(
                    toks[a - 1].w.as_str(),
                    "and"
                        | "but"
                        | "so"
                        | "yeah"
                        | "look"
                        | "well"
                        | "ok"
                        | "okay"
                        | "honestly"
                        | "just"
                        | "hello"
                        | "yes"
                        | "oh"
                        | "currently"
                        | "really"
                );
            if opens && self.own(a) {
                acts.push(self.act(Kind::Decline, (a, b)));
            }
        }
        if let Some(f) = toks
            .iter()
            .position(|t| !t.punct())
            .filter(|&f| self.own(f))
        {
            match toks[f].w.as_str() {
                "withdrawing" | "declining" | "withdraw" | "cancel" | "remove" => {
                    acts.push(self.act(Kind::Decline, (f, f + 1)));
                }
                "nah" | "pass" => acts.push(self.act(Kind::Decline, (f, toks.len()))),
                _ => {}
            }
        }
        acts
    }

    /// What the sentence asks: to be considered again (wherever it says so), and, when it asks
    /// at all (a question, "I wanted to ask whether…", "I'd be grateful if…") or offers a change
    /// on a condition ("If a hybrid arrangement were possible, I'd love to go ahead"), what.
    pub(super) fn requests(&self) -> Vec<Act> {
        let toks = self.toks;
        let n = toks.len();
        let mut acts = Vec::new();
        if let Some(span) = any(&REOPEN, toks) {
            acts.push(self.act(Kind::Reopen, span));
        }
        // A question that opens with "I" is a statement with a tag ("I'll let you know, yeah?").
        static INVERTED: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
            patterns(&[
                "could|can|would|may|might|will|shall|is|are|do|does i|we|you|it|there|that|this|a|the",
            ])
        });
        let first = toks.iter().find(|t| !t.punct()).map(|t| t.w.as_str());
        let opens_with_i = matches!(first, Some("i" | "we"));
        let inverted = any(&INVERTED, toks).is_some();
        let asking = self.question && (inverted || !opens_with_i) || any(&ASKING, toks).is_some();
        if asking {
            if let Some((kind, weak)) = request(toks) {
                // "Maybe we can talk next week?" asks nothing firmly.
                let hedged = matches!(first, Some("maybe" | "perhaps" | "possibly"));
                acts.push(Act {
                    hedged,
                    weak,
                    ..self.act(kind, (0, n))
                });
            }
            return acts;
        }
        // "I would have accepted if…" looks back; it asks for nothing.
        let looks_back = toks
            .windows(2)
            .any(|w| matches!(w[0].w.as_str(), "would" | "could") && w[1].w == "have");
        let offer = toks.iter().enumerate().position(|(i, t)| {
            matches!(t.w.as_str(), "if" | "unless") && !(i > 0 && toks[i - 1].w == "even")
        });
        if let Some(at) = offer.filter(|_| !looks_back) {
            let clause: Vec<Tok> = toks[at..]
                .iter()
                .take_while(|t| t.w != "," && !t.boundary())
                .cloned()
                .collect();
            if any(&NEGOTIATE, &clause).is_some() {
                acts.push(self.act(Kind::Negotiate, (at, n)));
            }
        }
        acts
    }
}
