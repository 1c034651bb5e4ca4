// What the History screen shows and allows, derived from backend data and the catalogue's
// labels. Pure.
import { inSentence, labelOf } from './catalog.js';

/** The status badge: "Declined", or "Declined · in the trash". */
export function statusText(catalog, status, deleted = false) {
  return labelOf(catalog, 'statuses', status) + (deleted ? ' · in the trash' : '');
}

/** A draft waiting to be sent: "Draft (email): …" or "Change-of-mind message (phone call): …". */
export function draftLine(catalog, message) {
  const what = message.reopens_message_id ? 'Change-of-mind message' : 'Draft';
  return `${what} (${inSentence(labelOf(catalog, 'channels', message.channel))}): ${message.body}`;
}

/** The backend ListQuery for the filter form's values; empty fields are left out. */
export function queryFromFilters({ search = '', status = '', channel = '', from = '', to = '', trash = false }) {
  const query = { trash: Boolean(trash) };
  if (search.trim()) query.search = search.trim();
  if (status) query.status = status;
  if (channel) query.channel = channel;
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** "21 Nov 2026, 09:15" in the given (or system) time zone. */
export function formatStamp(iso, timeZone) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone,
  }).format(date);
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
  reply: { title: 'Add the reply you received', when: 'Received at', channel: false, body: true },
  note: { title: 'Add a note', when: null, channel: false, body: true },
  reopen: {
    title: 'You changed your mind: draft a short message taking the decision back',
    when: null, channel: false, body: true,
  },
});

/** The count line above the list. */
export function countLine(n, trash, searched) {
  if (n === 0) return trash ? 'The trash is empty.' : searched ? 'Nothing matches.' : 'No opportunities yet: record one from Decide.';
  const noun = n === 1 ? 'opportunity' : 'opportunities';
  return trash ? `${n} ${noun} in the trash` : `${n} ${noun}`;
}
