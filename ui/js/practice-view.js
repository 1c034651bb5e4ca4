// Pure helpers for the Practise screen: labels and lines built from what the backend returns
// (estimate, runs, drill) and the catalogue (beat names, the call's target), the keyboard map
// and the drill's order. No DOM here, so `node --test` covers it; the timer is practice-timer.js.
import { entryOf } from './catalog.js';
import { formatClock } from './practice-time.js';

/** The on-screen name of a beat, as the catalogue names it ("part 2" becomes "Part 2"). */
export function beatLabel(name, catalog) {
  const known = entryOf(catalog, 'beats', name);
  if (known) return known.label;
  const text = String(name ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Teleprompter text sizes in px: smallest, largest, step, default. */
export const FONT = Object.freeze({ min: 18, max: 48, step: 4, default: 28 });

/** The next font size after `delta` steps, kept inside FONT. */
export function fontSize(current, delta) {
  const size = Number.isFinite(current) ? current : FONT.default;
  return Math.min(FONT.max, Math.max(FONT.min, size + delta * FONT.step));
}

const BAND_WORDS = { under: 'under', in: 'inside', over: 'over' };

/** "inside the 30–60 s target", for the call's `target` (`[min, max]` seconds). */
export function bandPhrase(band, target) {
  return `${BAND_WORDS[band] ?? 'outside'} the ${target[0]}–${target[1]} s target`;
}

/** The line under the band: the target while idle, where the clock is while a run goes on. */
export function bandLine(snapshot, target) {
  if (snapshot.state === 'idle') return `Target: ${target[0]}–${target[1]} seconds`;
  if (snapshot.state === 'countdown') return 'Get ready…';
  const phrase = bandPhrase(snapshot.band, target);
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/** Where the target sits on the timer's bar (which runs to 1.25 × its end), as percentages. */
export function bandLayout(target) {
  const scale = target[1] * 1.25;
  const at = (seconds) => Math.round((seconds / scale) * 1000) / 10;
  return { left: at(target[0]), width: at(target[1] - target[0]), ticks: [at(target[0]), at(target[1])] };
}

/** The line above the beats: "About 41 s at 150 words a minute (98 words) · inside the 30–60 s target". */
export function estimateLine(estimate) {
  return `About ${Math.round(estimate.seconds)} s at ${estimate.wpm} words a minute (${estimate.words} words) · ${bandPhrase(estimate.band, estimate.target)}`;
}

/** One beat's estimate: "12.6 s · 29 words". */
export function beatEstimate(beat) {
  return `${beat.seconds.toFixed(1)} s · ${beat.words} ${beat.words === 1 ? 'word' : 'words'}`;
}

/** The timer's plan from an estimate: name and seconds per beat. */
export function planFrom(estimate) {
  return estimate.beats.map((b) => ({ name: b.name, seconds: b.seconds }));
}

/** "0:52" for a run's length (rounded to the second, as History shows it). */
export function runTime(ms) {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A recent run: "0:52 · inside the target · greeting and thanks 12 s, decision 5 s…". */
export function runLine(run, catalog) {
  const beats = run.beats.filter((b) => b.ms > 0).map((b) => `${beatLabel(b.name, catalog).toLowerCase()} ${Math.round(b.ms / 1000)} s`);
  const parts = [runTime(run.duration_ms), `${BAND_WORDS[run.band] ?? 'outside'} the target`];
  if (beats.length) parts.push(beats.join(', '));
  return parts.join(' · ');
}

/** Last / best / ready, in words, from a practice summary, for the call's `target`. */
export function summaryLines(summary, target) {
  const range = `${target[0]}–${target[1]} s`;
  const notYet = `Two runs in a row inside ${range} and you are ready for the call.`;
  if (!summary || !summary.count) return { last: '—', best: '—', ready: false, readyText: notYet };
  return {
    last: `${runTime(summary.last.duration_ms)} (${BAND_WORDS[summary.last.band]} the target)`,
    best: `${runTime(summary.best.duration_ms)} (${BAND_WORDS[summary.best.band]} the target)`,
    ready: summary.ready,
    readyText: summary.ready ? `Your last two runs were inside ${range}: you are ready for the call.` : notYet,
  };
}

/**
 * The saved-run notice: "Saved the run (0:42, inside the 30–60 s target) to History.", or for an
 * unlinked run, why it is not in History.
 */
export function savedText(saved, target, whyUnlinked = 'a pasted script is not linked to anything in History') {
  const what = `${runTime(saved.run.duration_ms)}, ${bandPhrase(saved.run.band, target)}`;
  return saved.opportunity_id != null
    ? `Saved the run (${what}) to History.`
    : `Kept the run (${what}) apart from History: ${whyUnlinked}.`;
}

/**
 * Where a run is saved: a script from Compose goes to its case's opportunity, or to a new one
 * for its Situation when nothing is saved yet; a pasted script (no case) is kept unlinked.
 */
export function saveTarget(source) {
  if (!source?.case) return { situation: null, opportunityId: null };
  const id = source.case.opportunityId ?? null;
  return { situation: id == null ? source.situation ?? null : null, opportunityId: id };
}

/** Which runs the summary shows: the opportunity's, none yet for an unsaved Compose script, or the unlinked ones. */
export function runsScope(source) {
  if (!source?.case) return { unlinked: true };
  return source.case.opportunityId == null ? { empty: true } : { opportunityId: source.case.opportunityId };
}

/** A copy of `list` in random order (Fisher–Yates); `random` returns [0, 1). */
export function shuffle(list, random = Math.random) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A new random order that does not start with the question just asked (`lastId`). */
export function reshuffle(prompts, lastId, random = Math.random) {
  const out = shuffle(prompts, random);
  if (out.length > 1 && out[0].id === lastId) [out[0], out[1]] = [out[1], out[0]];
  return out;
}

/** "Question 2 of 7" */
export function drillProgress(index, total) {
  return `Question ${Math.min(index + 1, total)} of ${total}`;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const PRESSABLE = new Set(['BUTTON', 'SUMMARY', 'A']);

/**
 * What a key press on the Practise screen asks for, or null. Typing in a field is never taken
 * over; Space on a button presses that button instead.
 */
export function keyAction({ key, ctrlKey, metaKey, altKey, target }) {
  if (ctrlKey || metaKey || altKey) return null;
  const tag = target?.tagName ?? '';
  if (TYPING.has(tag) || target?.isContentEditable) return null;
  switch (key) {
    case ' ':
    case 'Spacebar':
      return PRESSABLE.has(tag) ? null : 'toggle';
    case 'r':
    case 'R':
      return 'reset';
    // Left and right only: up and down keep scrolling the page.
    case 'ArrowRight':
      return 'next';
    case 'ArrowLeft':
      return 'previous';
    case '+':
    case '=':
      return 'bigger';
    case '-':
    case '_':
      return 'smaller';
    default:
      return null;
  }
}

/** The timer's face: "00:42", or the countdown number while counting down. */
export function clockFace(snapshot) {
  if (snapshot.state === 'countdown' && snapshot.countdown) return String(snapshot.countdown);
  return snapshot.clock ?? formatClock(snapshot.elapsedMs);
}

/** The label of the start button for a timer state. */
export function startLabel(state) {
  return { idle: 'Start', countdown: 'Cancel', running: 'Pause', paused: 'Resume', stopped: 'Start again' }[state] ?? 'Start';
}
