// What the History screen shows and allows, derived from backend data and the catalogue's
// labels. Pure: the locale and time zone are parameters.
import { inSentence, labelOf } from './catalog.js';
import { formatStampIn, systemLocale } from './dates.js';

/** The status badge: "Declined", or "Declined · in the trash". */
export function statusText(catalog, status, deleted = false) {
  return labelOf(catalog, 'statuses', status) + (deleted ? ' · in the trash' : '');
}

/** "Draft (email)" or "Change-of-mind message (phone call)": what a draft waiting to be sent is. */
export function draftTitle(catalog, message) {
  const what = message.reopens_message_id ? 'Change-of-mind message' : 'Draft';
  return `${what} (${inSentence(labelOf(catalog, 'channels', message.channel))})`;
}

/** The backend ListQuery for the filter form's values and the page; empty fields are left out. */
export function queryFromFilters({ search = '', status = '', channel = '', from = '', to = '', trash = false }, page = null) {
  const query = { trash: Boolean(trash) };
  if (search.trim()) query.search = search.trim();
  if (status) query.status = status;
  if (channel) query.channel = channel;
  if (from) query.from = from;
  if (to) query.to = to;
  if (page) Object.assign(query, { offset: page.offset, limit: page.limit });
  return query;
}

/** "21 Nov 2026, 09:15" in the system's (or the given) locale and time zone. */
export function formatStamp(iso, timeZone, locale = systemLocale()) {
  return formatStampIn(iso, { locale, timeZone });
}

/** Which actions make sense for an opportunity in this state. */
export function actionsFor(status, deleted) {
  if (deleted) return ['undelete'];
  const actions = ['message', 'reply', 'note'];
  if (['declined', 'replied', 'closed'].includes(status)) actions.push('reopen');
  if (status !== 'closed') actions.push('close');
  actions.push('delete');
  return actions;
}

/** Title, prompt and fields of the entry form for an action. */
export const ENTRY_FORMS = Object.freeze({
  message: { title: 'Record a message you sent', when: 'Sent at', channel: true, body: true },
  reply: { title: 'Paste the reply you received: Politely records it and says what it asks', when: 'Received at', channel: false, body: true },
  note: { title: 'Add a note', when: null, channel: false, body: true },
  reopen: {
    title: 'You changed your mind: draft a short message taking the decision back',
    when: null, channel: false, body: true,
  },
});

const number = (n, locale) => new Intl.NumberFormat(locale).format(n);

/**
 * The count line above the list, with the true total: "1–50 of 100,000 opportunities", "3
 * opportunities", or what an empty list means.
 */
export function countLine({ total, offset = 0, shown }, trash, searched, locale = systemLocale()) {
  if (total === 0) return trash ? 'The trash is empty.' : searched ? 'Nothing matches.' : 'No opportunities yet: record one from Decide.';
  const noun = total === 1 ? 'opportunity' : 'opportunities';
  const verb = trash ? ' in the trash' : searched ? (total === 1 ? ' matches' : ' match') : '';
  if (shown >= total) return `${number(total, locale)} ${noun}${verb}`;
  return `${number(offset + 1, locale)}–${number(offset + shown, locale)} of ${number(total, locale)} ${noun}${verb}`;
}

/** The pager: whether there are newer and older pages, and "Page 2 of 2,000". */
export function pagerState({ total, offset = 0, limit }, locale = systemLocale()) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return {
    shown: total > limit,
    newer: offset > 0,
    older: offset + limit < total,
    text: `Page ${number(page, locale)} of ${number(pages, locale)}`,
  };
}

const REMINDER_STATES = Object.freeze({ pending: 'to do', notified: 'notified', done: 'done', dismissed: 'dismissed' });

/** The first line of `text`, at most `max` characters, with "…" when there is more. */
export function firstLine(text, max = 80) {
  const value = String(text ?? '');
  const line = value.split('\n')[0];
  const short = [...line].slice(0, max).join('');
  return short.length < value.trim().length ? `${short.trimEnd()}…` : short;
}

/**
 * The timeline as the window shows it: each entry of the backend's timeline, named with the
 * catalogue's labels, and with the full text of what it refers to (a message's subject and
 * body, a reply, a note) so nothing stored is cut off: `[{at, kind, text, full}]` where `full`
 * is `{subject, body}` or null.
 */
export function timelineItems(detail, catalog) {
  const queues = new Map();
  const add = (kind, at, record) => {
    const key = `${kind}|${at}`;
    if (!queues.has(key)) queues.set(key, []);
    queues.get(key).push(record);
  };
  for (const d of detail.decisions ?? []) add('decision', d.created_at, d);
  for (const e of detail.events ?? []) if (e.from_status != null) add('status', e.at, e);
  for (const m of detail.messages ?? []) {
    add('message', m.created_at, m);
    if (m.sent_at) add('sent', m.sent_at, m);
  }
  for (const r of detail.replies ?? []) add('reply', r.received_at, r);
  for (const n of detail.notes ?? []) add('note', n.created_at, n);
  for (const r of detail.reminders ?? []) add('reminder', r.due_at, r);
  const channel = (id) => inSentence(labelOf(catalog, 'channels', id));
  return (detail.timeline ?? []).map((entry) => {
    const record = queues.get(`${entry.kind}|${entry.at}`)?.shift();
    const item = { at: entry.at, kind: entry.kind, text: entry.text, full: null };
    if (!record) return item;
    switch (entry.kind) {
      case 'decision': {
        const verdict = parseJson(record.advice)?.verdict;
        item.text = verdict ? `Decision recorded: ${labelOf(catalog, 'verdicts', verdict)}` : 'Decision recorded';
        break;
      }
      case 'status':
        item.text = `Status: ${labelOf(catalog, 'statuses', record.from_status)} → ${labelOf(catalog, 'statuses', record.to_status)}`;
        break;
      case 'message':
        item.text = `${record.reopens_message_id ? 'Change-of-mind draft' : 'Draft'} saved (${channel(record.channel)})`;
        item.full = { subject: record.subject ?? '', body: record.body };
        break;
      case 'sent':
        item.text = `Message sent (${channel(record.channel)})`;
        item.full = { subject: record.subject ?? '', body: record.body };
        break;
      case 'reply':
        item.text = 'Reply received';
        item.full = { subject: '', body: record.body };
        break;
      case 'note':
        item.text = 'Note';
        item.full = { subject: '', body: record.body };
        break;
      case 'reminder': {
        const what = record.title ?? labelOf(catalog, 'reminder_kinds', record.kind);
        item.text = `Reminder: ${what} (${REMINDER_STATES[record.state] ?? record.state})`;
        break;
      }
      default:
        break;
    }
    return item;
  });
}

function parseJson(text) {
  if (text == null) return null;
  if (typeof text === 'object') return text;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The default file name of an export: "politely-history-2026-11-25.json". */
export function exportName(format, now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `politely-history-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${format}`;
}

/** The save dialog's file type for an export format. */
export const EXPORT_FILTERS = Object.freeze({
  json: [{ name: 'Politely history (JSON)', extensions: ['json'] }],
  csv: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
  md: [{ name: 'Markdown text', extensions: ['md'] }],
});

const TABLE_NAMES = Object.freeze({
  opportunities: ['opportunity', 'opportunities'],
  decisions: ['decision', 'decisions'],
  messages: ['message', 'messages'],
  replies: ['reply', 'replies'],
  notes: ['note', 'notes'],
  status_events: ['status change', 'status changes'],
  practice_runs: ['practice run', 'practice runs'],
  reminders: ['reminder', 'reminders'],
});

function counted(n, table, locale) {
  const [one, many] = TABLE_NAMES[table] ?? [table, table];
  return `${number(n, locale)} ${n === 1 ? one : many}`;
}

/**
 * What an import would add (a dry run) or added: "3 opportunities, 9 messages and 1 note";
 * records already in the history are counted apart.
 */
export function importSummary(summary, locale = systemLocale()) {
  const order = Object.keys(TABLE_NAMES);
  const rank = (table) => (order.includes(table) ? order.indexOf(table) : order.length);
  const added = Object.entries(summary.added ?? {}).filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b)).map(([t, n]) => counted(n, t, locale));
  const skipped = Object.values(summary.skipped_ids ?? {}).reduce((sum, ids) => sum + ids.length, 0);
  const list = added.length > 1 ? `${added.slice(0, -1).join(', ')} and ${added.at(-1)}` : added[0] ?? 'nothing new';
  const already = skipped ? ` (${number(skipped, locale)} already in your history ${skipped === 1 ? 'stays' : 'stay'} as ${skipped === 1 ? 'it is' : 'they are'})` : '';
  return { list, already, nothingNew: added.length === 0 };
}
