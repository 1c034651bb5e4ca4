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
