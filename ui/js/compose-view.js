// Pure helpers of the Compose screen: building the Situation from the form, what a card sends,
// and the labels the preview shows (the limits and beat names from the catalogue, passed in).
// No DOM, no backend, so `node --test` covers them.
import { labelOf } from './catalog.js';

/**
 * Form fields that edit the Situation, by their dotted path. The user's own details are not
 * among them: they are kept once for every case (store.js `signed`, the Your details dialog).
 */
export const FIELDS = Object.freeze(['company', 'role', 'contact.name', 'contact.email']);

/** Whether a carried decision was made in Decide (not an answer or a follow-up started elsewhere). */
export function fromDecide(decision) {
  return Boolean(decision) && (decision.origin ?? 'decide') === 'decide';
}

/**
 * The line under Compose's title saying where the draft comes from: a decision made in Decide,
 * a reply recorded in History, a follow-up reminder, or nothing (drafting from scratch). Only a
 * decision made in Decide speaks of its advice: an answer or a follow-up starts from what
 * History holds for the opportunity (its last decision, or its name and role) but is not advice.
 */
export function originText(decision) {
  if (!decision) return 'Drafting from scratch: fill in the company and role, or start in Decide for advice first.';
  const company = decision.situation?.company || 'this opportunity';
  if (fromDecide(decision)) {
    return callFirst(decision.advice)
      ? `Drafting from your decision in Decide (${company}): call first with the script, then send the email confirming the call. Changes here do not change the advice.`
      : `Drafting from your decision in Decide (${company}). Changes here do not change the advice.`;
  }
  return decision.origin === 'reminder'
    ? `Writing the follow-up to ${company} your reminder asked for, from what History holds for them.`
    : `Answering ${company}'s reply, recorded in History. The details are what History holds for them; change anything before you send.`;
}

/** Whether the advice is a phone call confirmed by email: Compose then leads with the script. */
export function callFirst(advice) {
  return Boolean(advice?.scenario && advice.channel?.primary === 'phone' && advice.channel.confirm_by_email);
}

/**
 * What Compose calls the draft it writes for each channel (the catalogue names the channel
 * itself: a "Phone call" gets a "phone script"): the card's title, the word in a sentence, and
 * what its Copy button copies.
 */
export const DRAFTS = Object.freeze({
  email: Object.freeze({ title: 'Email', noun: 'email', copy: 'body' }),
  phone: Object.freeze({ title: 'Phone script', noun: 'phone script', copy: 'script' }),
  linkedin: Object.freeze({ title: 'LinkedIn message', noun: 'LinkedIn message', copy: 'message' }),
});

/** The label over the phone script's paragraph `group` (its beats in call order). */
export function phoneBeatLabel(catalog, group) {
  const beat = catalog.beats[group];
  return beat ? labelOf(catalog, 'beats', beat.id) : '';
}

const BLOCK_NAMES = Object.freeze({
  greeting: 'Greeting',
  gratitude: 'Thanks',
  decision: 'Decision',
  reason: 'Reason',
  goodwill: 'Goodwill',
  email_note: 'Email follow-up',
  closing: 'Closing',
});

/** The Situation to compose from: `base` (carried from Decide, or a fresh one) with the form's values. */
export function situationFrom(base, values, now = new Date()) {
  const situation = structuredClone(base ?? { invited_at: isoNow(now) });
  for (const path of FIELDS) {
    const value = (values[path] ?? '').trim();
    const [head, tail] = path.split('.');
    if (!tail) {
      situation[head] = value;
      continue;
    }
    const group = { ...(situation[head] ?? {}) };
    if (value) group[tail] = value;
    else delete group[tail];
    if (Object.keys(group).length) situation[head] = group;
    else delete situation[head];
  }
  return situation;
}

/** The form's values for a Situation. */
export function valuesFrom(situation) {
  const values = {};
  for (const path of FIELDS) {
    const [head, tail] = path.split('.');
    values[path] = (tail ? situation?.[head]?.[tail] : situation?.[head]) ?? '';
  }
  return values;
}

/** An RFC 3339 timestamp with the local offset, as the backend expects. */
export function isoNow(now = new Date()) {
  const pad = (n) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** What a card sends: the user's edited text when there is one, else the draft. */
export function textOf(card) {
  return {
    subject: card.subject ?? card.draft?.subject ?? '',
    body: card.edited ?? card.draft?.body ?? '',
  };
}

/** The message handed to mailto/.eml/.txt, addressed from the Situation. */
export function outgoing(situation, { subject, body }) {
  const message = { subject: subject ?? '', body };
  const set = (key, value) => { if (value && value.trim()) message[key] = value.trim(); };
  set('to', situation?.contact?.email);
  set('to_name', situation?.contact?.name);
  set('from', situation?.sender?.email);
  set('from_name', situation?.sender?.name);
  return message;
}

/** The line under a card's title, against the catalogue's `limits`. */
export function metaText(draft, text, limits) {
  if (draft.channel === 'phone') {
    const seconds = draft.estimated_seconds;
    const [min, max] = limits.call_seconds;
    const band = seconds < min ? 'under' : seconds > max ? 'over' : 'within';
    return `about ${seconds} s at ${limits.wpm[1]} words a minute · ${band} the ${min}–${max} s target`;
  }
  if (draft.channel === 'linkedin') return `${[...text].length} / ${limits.linkedin_chars} characters`;
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return `${words} words`;
}

/** Tooltip and accessible name of a swappable block. */
export function blockTitle(block) {
  const name = BLOCK_NAMES[block.name] ?? 'Sentence';
  return block.choices > 1
    ? `${name}: phrasing ${block.choice + 1} of ${block.choices}. Click for another.`
    : name;
}

/** The choices after swapping `block` of `channel` to its next phrasing. */
export function nextChoices(choices, channel, block) {
  const forChannel = { ...(choices[channel] ?? {}), [block.name]: block.choice + 1 };
  return { ...choices, [channel]: forChannel };
}

/** Whether a re-rendered draft would change what the user sees in an edited card. */
export function wouldReplaceEdits(card, next) {
  if (card.edited == null && card.subject == null) return false;
  return next.body !== card.baseline?.body || (next.subject ?? '') !== (card.baseline?.subject ?? '');
}

/** "Body, line 3, column 5: …" for a template problem. */
export function problemLabel(problem) {
  const field = { body: 'Text', subject: 'Subject', name: 'Name', channel: 'Channel' }[problem.field] ?? problem.field;
  return `${field}, line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** The string offset of 1-based `line` and `column` (in characters) in `text`, clamped to the text. */
export function caretOffset(text, line, column) {
  const lines = text.split('\n');
  const l = Math.min(Math.max(line, 1), lines.length);
  let offset = 0;
  for (let i = 0; i < l - 1; i++) offset += lines[i].length + 1;
  const chars = [...lines[l - 1]];
  const col = Math.min(Math.max(column, 1), chars.length + 1);
  return offset + chars.slice(0, col - 1).join('').length;
}
