// Turns the Decide form into the Situation JSON the backend validates, and maps the backend's
// field names back to wizard steps. Pure: no DOM, so `node --test` covers it.

/** Wizard steps in order. */
export const STEPS = Object.freeze(['situation', 'reasons', 'checklist', 'advice']);

/** Form controls by kind; names are the Situation's dotted field paths. */
export const TEXT_FIELDS = Object.freeze([
  'company', 'role', 'invited_at', 'interview_at', 'stage', 'rounds', 'origin_channel', 'rapport', 'formality',
  'contact.name', 'contact.email', 'contact.title', 'sender.name', 'sender.email', 'sender.phone',
]);
export const LIST_FIELDS = Object.freeze(['inform', 'reasons', 'details.non_negotiables', 'details.logistics']);
export const FLAG_FIELDS = Object.freeze([
  'offer_accepted', 'checklist.fit_rechecked', 'checklist.alternative_would_change_mind', 'checklist.decided',
  'checklist.stay_connected', 'checklist.offer_referral', 'checklist.referral_permission',
]);

/** Plain values from a FormData (or anything with get/getAll/has). */
export function readForm(data) {
  const values = {};
  for (const name of TEXT_FIELDS) values[name] = String(data.get(name) ?? '');
  for (const name of LIST_FIELDS) values[name] = data.getAll(name).map(String);
  for (const name of FLAG_FIELDS) values[name] = data.has(name);
  return values;
}

/** Minutes east of UTC for a local wall-clock time, as the system sees it. */
export function systemOffset(year, month, day, hour, minute) {
  return -new Date(year, month - 1, day, hour, minute).getTimezoneOffset();
}

/**
 * "2026-11-25T10:00" from a datetime-local input → "2026-11-25T10:00:00+01:00".
 * Anything that is not such a value is returned unchanged for the backend to reject by name.
 */
export function localToRfc3339(value, offsetOf = systemOffset) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const offset = offsetOf(Number(y), Number(mo), Number(d), Number(h), Number(mi));
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n) => String(n).padStart(2, '0');
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The value a datetime-local input shows for `date` in local time, to the minute. */
export function dateToLocalInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    + `T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function optionalGroup(values, prefix, keys) {
  const group = {};
  for (const key of keys) {
    const value = values[`${prefix}.${key}`];
    if (value !== '') group[key] = value;
  }
  return Object.keys(group).length ? group : undefined;
}

/** The Situation JSON for the form values. Empty optional fields are left out, never sent as "". */
export function collectSituation(values, offsetOf = systemOffset) {
  const situation = {
    company: values.company,
    role: values.role,
    stage: values.stage || 'invited',
    rounds: values.rounds === '' ? 0 : Number(values.rounds),
    origin_channel: values.origin_channel || 'email',
    rapport: values.rapport || 'none',
    inform: values.inform,
    reasons: values.reasons,
    details: {
      non_negotiables: values.reasons.includes('non_negotiables') ? values['details.non_negotiables'] : [],
      logistics: values.reasons.includes('logistics') ? values['details.logistics'] : [],
    },
    offer_accepted: values.reasons.includes('accepted_offer') && values.offer_accepted,
    checklist: {
      fit_rechecked: values['checklist.fit_rechecked'],
      alternative_would_change_mind: values['checklist.alternative_would_change_mind'],
      decided: values['checklist.decided'],
      stay_connected: values['checklist.stay_connected'],
      offer_referral: values['checklist.offer_referral'],
      referral_permission: values['checklist.offer_referral'] && values['checklist.referral_permission'],
    },
    formality: values.formality || 'standard',
  };
  if (values.invited_at !== '') situation.invited_at = localToRfc3339(values.invited_at, offsetOf);
  if (values.interview_at !== '') situation.interview_at = localToRfc3339(values.interview_at, offsetOf);
  const contact = optionalGroup(values, 'contact', ['name', 'email', 'title']);
  if (contact) situation.contact = contact;
  const sender = optionalGroup(values, 'sender', ['name', 'email', 'phone']);
  if (sender) situation.sender = sender;
  return situation;
}

/** The form field a backend problem refers to: "reasons[1]" → "reasons"; "input" → "company". */
export function formField(field) {
  const base = String(field).replace(/\[\d+\]/g, '');
  return base === 'input' || base === '' ? 'company' : base;
}

/** The wizard step that holds a field. */
export function stepOfField(field) {
  const name = formField(field);
  if (name === 'reasons' || name === 'offer_accepted' || name.startsWith('details')) return 'reasons';
  if (name.startsWith('checklist')) return 'checklist';
  return 'situation';
}
