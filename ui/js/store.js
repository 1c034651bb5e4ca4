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
 * it was written for, and `link` — the `{ id }` of the opportunity it is saved under in History,
 * shared with Compose (whichever saves first sets it; both then save there).
 */
export function carryScript({ text, situation, scenario, formality, link }) {
  script = Object.freeze({
    text: String(text),
    situation: situation ? structuredClone(situation) : null,
    scenario: scenario ?? null,
    formality: formality ?? null,
    link: link ?? { id: null },
  });
}

/** The script last handed over, or null. */
export function carriedScript() {
  return script;
}
