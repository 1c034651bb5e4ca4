// What the window shows of a message the reader read: which wizard fields it fills (each with the
// text it came from), the interview times offered, what a reply wants and which opportunity it
// answers. Pure: the reader's JSON and the catalogue in, plain values out; `node --test` covers it.
import { labelOf } from './catalog.js';
import { formatStampIn, systemLocale } from './dates.js';

/** The wizard's fields the reader can fill, in the form's order, with the evidence key of each. */
export const READ_FIELDS = Object.freeze([
  'company', 'role', 'invited_at', 'interview_at', 'stage', 'origin_channel',
  'contact.name', 'contact.email', 'contact.title',
]);

const DATE_FIELDS = new Set(['invited_at', 'interview_at']);

function valueAt(situation, field) {
  const [group, key] = field.split('.');
  const value = key ? situation?.[group]?.[key] : situation?.[group];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * The fields a read fills: `[{field, value, evidence, date}]`, only the ones it found. A date's
 * value is its RFC 3339 text (the window shows it in local time; the evidence keeps the stated
 * zone). A reply fills nothing: it belongs in History, not in a new decision.
 */
export function fillsFrom(read) {
  if (!read || read.kind === 'reply') return [];
  const evidence = read.evidence ?? {};
  return READ_FIELDS.flatMap((field) => {
    const value = valueAt(read.situation, field);
    if (value === null) return [];
    return [{ field, value, evidence: evidence[field] ?? '', date: DATE_FIELDS.has(field) }];
  });
}

/** The interview times offered (several slots, no single one): `[{value, text}]`, earliest first. */
export function interviewOptions(read, { locale = systemLocale(), timeZone } = {}) {
  if (!read || read.kind === 'reply') return [];
  return [...(read.interview_options ?? [])]
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .map((value) => ({ value, text: formatStampIn(value, { locale, timeZone }) }));
}

/** The line under the paste box after reading, for `filled` fields and `options` slots. */
export function readSummary(read, filled, options = 0) {
  if (read.kind === 'reply') {
    return 'This looks like a reply to a message you sent, not an invitation: nothing was filled in. '
      + 'Paste it in History, on its opportunity (or with “Paste a reply…” there).';
  }
  const slots = options > 1 ? ` They offer ${options} interview times: pick one under Interview date.` : '';
  if (filled === 0) {
    return options > 1
      ? `Nothing else to fill in was found.${slots}`
      : 'Politely found nothing to fill in from this message; the fields stay as they were.';
  }
  const fields = filled === 1 ? '1 field' : `${filled} fields`;
  const other = read.kind === 'other' ? ' It does not read like an invitation, so check them carefully.' : '';
  return `Filled ${fields} from the message, each marked “from the message”.${other}${slots} `
    + 'Check and correct them: nothing is saved until you go on.';
}

/** What the mark beside a filled field says, for a tooltip and a screen reader. */
export function evidenceText(evidence) {
  const text = String(evidence ?? '').trim();
  return text ? `From the message: “${text}”` : 'Judged from the message as a whole (no one passage says it)';
}

/** What a reply wants, in the catalogue's words ('' when the read is not a reply). */
export function intentText(read, catalog) {
  const intent = read?.reply?.intent;
  return intent ? labelOf(catalog, 'intents', intent) : '';
}

/** The message Compose should open to answer the reply, or null (nothing to answer). */
export function answerScenario(read) {
  return read?.reply?.scenario ?? null;
}

const MATCHED_BY = Object.freeze({
  thread: 'matched by the e-mail thread',
  email: 'matched by e-mail address',
  company: 'matched by company name',
});

/** "This looks like a reply to Acme — Engineer (matched by e-mail address)." */
export function matchLine(matched) {
  if (!matched) {
    return 'Politely could not tell which opportunity this answers. Open the opportunity in the list '
      + 'and use “Paste their reply” there.';
  }
  const by = MATCHED_BY[matched.by] ?? 'matched';
  return `This looks like a reply to ${matched.company} — ${matched.role} (${by}).`;
}

/** When the reply was received: the message's own date when it has one, else `fallback`. */
export function receivedAt(read, fallback) {
  return read?.situation?.invited_at ?? fallback;
}

/** Whether a file of `size` bytes is too big to read; the sentence saying so, or null. */
export function tooBig(name, size, limit) {
  if (size <= limit) return null;
  const mib = (n) => `${Math.round((n / (1 << 20)) * 10) / 10} MiB`;
  return `${name} is ${mib(size)}; Politely reads messages up to ${mib(limit)}`;
}

/** What to keep of a reply: the e-mail's decoded text when it was a raw .eml, else as given. */
export function replyToKeep(given, read) {
  return read?.format === 'eml' && read.text ? read.text : given;
}
