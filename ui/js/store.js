// What the screens share while the app runs: the current case (one invitation, saved as one
// opportunity in History whichever screen saves it first), the case the user is working on
// now, the decision carried from Decide to Compose, the phone script carried from Compose to
// Practise, and the user's own details.
//
// A case is a small mutable object, `{ opportunityId }`: a screen keeps the case it works on and
// writes the id every save returns into it, so Decide, Compose and Practise saving in any order,
// any number of times, all land on the one opportunity. A new case starts with no id.

/** A case with no opportunity yet (or the given one, e.g. a reminder's). */
export function newCase(opportunityId = null) {
  return { opportunityId };
}

let current = newCase();
let active = current;

/** The case Decide is working on. */
export function currentCase() {
  return current;
}

/**
 * The case the user works on now: Decide's, or the one Compose last took up (a carried
 * decision's, a reminder's, or its own when drafting from scratch). A screen showing another
 * case's work (Practise with an older script) starts afresh.
 */
export function activeCase() {
  return active;
}

/** Makes `theCase` the one the user works on now. */
export function activate(theCase) {
  if (theCase) active = theCase;
}

/** Starts a new case (Decide's Start over) and returns it. */
export function startCase() {
  current = newCase();
  active = current;
  return current;
}

/** Goes back to an earlier case (Undo of Start over). */
export function resumeCase(previous) {
  current = previous;
  active = previous;
}

/** Remembers where a save put the case: the id History returned. */
export function remember(theCase, opportunityId) {
  if (theCase && opportunityId != null) theCase.opportunityId = opportunityId;
}

let carried = null;

/**
 * Hands the Situation and its Advice to Compose, with the case they belong to (Decide's current
 * case unless told otherwise, e.g. a reminder's opportunity) and where they come from: 'decide',
 * 'reply' (an answer to a reply recorded in History) or 'reminder' (a follow-up).
 */
export function carry(situation, advice, theCase = current, origin = 'decide') {
  carried = Object.freeze({ situation: structuredClone(situation), advice: structuredClone(advice), case: theCase, origin });
  active = theCase;
}

/** The carried decision, or null before the first one. */
export function carriedDecision() {
  return carried;
}

let script = null;

/**
 * Hands a phone script from Compose to Practise: its text, the Situation, scenario and formality
 * it was written for, and the case it belongs to (null for none: its runs are kept unlinked).
 */
export function carryScript({ text, situation, scenario, formality, theCase }) {
  script = Object.freeze({
    text: String(text),
    situation: situation ? structuredClone(situation) : null,
    scenario: scenario ?? null,
    formality: formality ?? null,
    case: theCase ?? null,
  });
}

/** The script last handed over, or null. */
export function carriedScript() {
  return script;
}

let details = Object.freeze({});

/** The user's own details (`{name, email, phone, sign_off}`, empty ones absent), kept for every case. */
export function profile() {
  return details;
}

/** Keeps the details as saved and tells the screens (a `politely:profile` event on document). */
export function setProfile(next) {
  const clean = {};
  for (const key of ['name', 'email', 'phone', 'sign_off']) {
    const value = String(next?.[key] ?? '').trim();
    if (value) clean[key] = value;
  }
  details = Object.freeze(clean);
  globalThis.document?.dispatchEvent(new CustomEvent('politely:profile', { detail: details }));
}

/** `situation` signed with the user's details (its `sender`), or with none when there are none. */
export function signed(situation, who = details) {
  const copy = { ...situation };
  if (Object.keys(who).length) copy.sender = { ...who };
  else delete copy.sender;
  return copy;
}
