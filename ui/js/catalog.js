// The catalogue: every label and limit the window shows, as the core sends it once at start
// (the `catalog` command). The window keeps no copy of its own; pure view modules take the
// catalogue (or the piece they need) as a parameter, so `node --test` passes the fixture.

let loaded = null;

/** Keeps the catalogue for the wiring modules; main.js calls it once, before any screen renders. */
export function setCatalog(catalog) {
  loaded = deepFreeze(structuredClone(catalog));
  return loaded;
}

/** The catalogue main.js loaded. */
export function catalog() {
  if (!loaded) throw new Error('the catalogue is not loaded yet: main.js loads it before the screens start');
  return loaded;
}

/** The entry `id` of the list `name` (`reasons`, `channels`…), or undefined. */
export function entryOf(catalog, name, id) {
  return (catalog?.[name] ?? []).find((entry) => entry.id === id);
}

/** What the user reads for `id` in the list `name`; the id itself when the catalogue has no entry. */
export function labelOf(catalog, name, id) {
  return entryOf(catalog, name, id)?.label ?? String(id ?? '');
}

/** The entries of a list as the menus and choices show them: `{value, label, hint, group}`. */
export function choicesOf(catalog, name) {
  const list = catalog?.[name];
  if (!Array.isArray(list)) throw new RangeError(`the catalogue has no list called ${name}`);
  return list.map((e) => ({ value: e.id, label: e.label, hint: e.hint ?? '', group: e.group ?? '' }));
}

/** Choices grouped in the order their groups first appear: `[{label, options}]`. */
export function groupedChoices(catalog, name) {
  const groups = new Map();
  for (const choice of choicesOf(catalog, name)) {
    if (!groups.has(choice.group)) groups.set(choice.group, []);
    groups.get(choice.group).push(choice);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}

/** A limit as text: a pair as "30–60", a number as "600". */
export function limitText(limits, key) {
  const value = limits?.[key];
  if (value == null) throw new RangeError(`the catalogue has no limit called ${key}`);
  return Array.isArray(value) ? `${value[0]}–${value.at(-1)}` : String(value);
}

/** The whole numbers from a `[min, max]` limit, both included. */
export function rangeOf(limits, key) {
  const [min, max] = limits?.[key] ?? [];
  if (!Number.isInteger(min) || !Number.isInteger(max)) throw new RangeError(`the limit ${key} is not a [min, max] pair`);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The call's target as the timer takes it: `{min, max}` seconds. */
export function callTarget(limits) {
  const [min, max] = limits.call_seconds;
  return Object.freeze({ min, max });
}

/** The speaking pace as the pace slider takes it: `{min, default, max}` words a minute. */
export function pace(limits) {
  const [min, value, max] = limits.wpm;
  return Object.freeze({ min, default: value, max });
}

/** A label inside a sentence: "The recruiter" → "the recruiter" (a name such as "LinkedIn" keeps its capital). */
export function inSentence(label) {
  const text = String(label ?? '');
  const firstWord = text.split(/\s/)[0];
  if (/\p{Lu}/u.test(firstWord.slice(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function deepFreeze(value) {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
