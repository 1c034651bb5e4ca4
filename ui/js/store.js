// The decision carried from Decide to the next screens while the app runs.

let carried = null;

/** Remembers the Situation and its Advice for Compose. */
export function carry(situation, advice) {
  carried = Object.freeze({ situation: structuredClone(situation), advice: structuredClone(advice) });
}

/** The carried decision, or null before the first one. */
export function carriedDecision() {
  return carried;
}

let script = null;

/**
 * Hands a phone script from Compose to Practise: its text, the Situation, scenario and formality
 * it was written for, the opportunity it is saved under (if any) and `linked(id)`, called when
 * Practise saves a run under a new opportunity so Compose saves drafts there too.
 */
export function carryScript({ text, situation, scenario, formality, opportunityId, linked }) {
  script = Object.freeze({
    text: String(text),
    situation: situation ? structuredClone(situation) : null,
    scenario: scenario ?? null,
    formality: formality ?? null,
    opportunityId: opportunityId ?? null,
    linked: typeof linked === 'function' ? linked : () => {},
  });
}

/** The script last handed over, or null. */
export function carriedScript() {
  return script;
}
