// Pure helpers for the Reminders screen: groups, the badge, snooze choices, local date-time
// fields and the texts of the banner and the one-time explanation. No DOM, so `node --test`
// covers it.
import { formatStampIn, systemLocale } from './dates.js';

/** The groups in the order the screen shows them, with their headings. */
export const GROUPS = Object.freeze([
  { id: 'overdue', title: 'Overdue' },
  { id: 'today', title: 'Today' },
  { id: 'upcoming', title: 'Upcoming' },
  { id: 'closed', title: 'Done and dismissed' },
]);

/** Snooze choices as the backend takes them. */
export const SNOOZES = Object.freeze([
  { label: '1 hour', snooze: { for: 'hour' } },
  { label: 'Tomorrow morning', snooze: { for: 'tomorrow' } },
  { label: 'Next week', snooze: { for: 'next_week' } },
]);

/** What Undo needs to put a reminder back as it was. */
export function undoSnapshot(r) {
  return { id: r.id, due_at: r.due_at, state: r.state, notified_at: r.notified_at ?? null, title: r.title ?? null };
}

/** The reminders of one group, in due order (as the backend sends them). */
export function inGroup(page, group) {
  return (page?.reminders ?? []).filter((r) => r.group === group);
}

/** The navigation badge: reminders due now (overdue and still open); '' hides it. */
export function badgeText(page) {
  const n = page?.counts?.overdue ?? 0;
  return n > 0 ? String(n) : '';
}

/** The badge's accessible name. */
export function badgeLabel(page) {
  const n = page?.counts?.overdue ?? 0;
  return n === 1 ? '1 reminder due' : `${n} reminders due`;
}

/** A `datetime-local` value ("2026-12-01T09:00") for a Date, in the computer's time zone. */
export function toLocalInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a `datetime-local` value means here, as RFC 3339 UTC; null when empty or invalid. */
export function fromLocalInput(value) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(String(value ?? ''))) return null;
  const date = new Date(value); // a date-time without an offset is local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The default due time for a new reminder: tomorrow at 09:00 local. */
export function defaultDue(now = new Date()) {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0);
  return toLocalInput(d);
}

/** What the due reminders banner says when the desktop cannot show them. */
export function bannerText(due) {
  if (!due.length) return '';
  if (due.length === 1) return `Reminder due: ${due[0].summary}`;
  return `${due.length} reminders are due: ${due.map((r) => r.summary).join(' · ')}`;
}

/** The one-time explanation when desktop notifications are off, or null when already told. */
export function explanation(desktop) {
  if (!desktop || desktop.available || !desktop.reason) return null;
  if (desktop.explained === desktop.reason) return null;
  return `Desktop notifications are off: ${desktop.reason}. Politely shows due reminders here and on the Reminders badge while it is open.`;
}

/** The status line at the top of the screen. */
export function desktopLine(desktop) {
  if (!desktop || desktop.available) return 'Desktop notifications are on: due reminders pop up even when this window is in the background.';
  return `Desktop notifications are off (${desktop.reason}). Due reminders show here and on the badge.`;
}

/** When a reminder is due, in the one form dates are shown and typed in. */
export function dueText(r, locale = systemLocale(), timeZone = undefined) {
  return formatStampIn(r.due_at, { locale, timeZone });
}

/** The line under a reminder: due time, company and role. */
export function detailLine(r, locale = systemLocale(), timeZone = undefined) {
  const where = [r.company, r.role].filter(Boolean).join(' — ');
  const state = r.state === 'notified' ? ' · notified' : r.state === 'done' ? ' · done' : r.state === 'dismissed' ? ' · dismissed' : '';
  return `${dueText(r, locale, timeZone)}${where ? ` · ${where}` : ''}${state}`;
}
