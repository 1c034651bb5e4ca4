import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GROUPS, SNOOZES, badgeLabel, badgeText, bannerText, defaultDue, desktopLine, detailLine, explanation, fromLocalInput,
  inGroup, toLocalInput,
} from '../../ui/js/reminders-view.js';

const page = {
  reminders: [
    { id: 1, group: 'overdue', summary: 'Reply to Acme today', state: 'notified' },
    { id: 2, group: 'today', summary: 'Call Priya', state: 'pending' },
    { id: 3, group: 'overdue', summary: 'Last call: reply to Globex', state: 'pending' },
    { id: 4, group: 'closed', summary: 'Old', state: 'done' },
  ],
  counts: { overdue: 2, today: 1, upcoming: 0 },
};

test('groups keep the backend order and the badge counts what is due now', () => {
  assert.deepEqual(GROUPS.map((g) => g.id), ['overdue', 'today', 'upcoming', 'closed']);
  assert.deepEqual(inGroup(page, 'overdue').map((r) => r.id), [1, 3]);
  assert.deepEqual(inGroup(page, 'upcoming'), []);
  assert.deepEqual(inGroup(null, 'today'), []);
  assert.equal(badgeText(page), '2');
  assert.equal(badgeText({ counts: { overdue: 0 } }), '', 'nothing due: no badge');
  assert.equal(badgeLabel(page), '2 reminders due');
  assert.equal(badgeLabel({ counts: { overdue: 1 } }), '1 reminder due');
  assert.deepEqual(SNOOZES.map((s) => s.snooze.for), ['hour', 'tomorrow', 'next_week']);
});

test('local date-time fields round-trip through UTC', () => {
  const date = new Date(2026, 11, 1, 9, 5); // 1 Dec 2026, 09:05 local
  assert.equal(toLocalInput(date), '2026-12-01T09:05');
  assert.equal(fromLocalInput('2026-12-01T09:05'), date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  assert.equal(fromLocalInput(''), null);
  assert.equal(fromLocalInput('tomorrow'), null);
  assert.equal(fromLocalInput('2026-13-45T99:00'), null);
  assert.equal(defaultDue(new Date(2026, 10, 30, 22, 0)), '2026-12-01T09:00', 'tomorrow 09:00, across a month end');
});

test('the banner, the one-time explanation and the status line', () => {
  assert.equal(bannerText([]), '');
  assert.equal(bannerText([{ summary: 'Reply to Acme today' }]), 'Reminder due: Reply to Acme today');
  assert.equal(bannerText([{ summary: 'A' }, { summary: 'B' }]), '2 reminders are due: A · B');
  const off = { available: false, reason: 'no notification service is running', explained: null };
  assert.match(explanation(off), /^Desktop notifications are off: no notification service is running\./);
  assert.equal(explanation({ ...off, explained: off.reason }), null, 'told once per reason');
  assert.notEqual(explanation({ ...off, explained: 'an older reason' }), null, 'a new reason is explained');
  assert.equal(explanation({ available: true, reason: null }), null);
  assert.match(desktopLine({ available: true }), /are on/);
  assert.match(desktopLine(off), /are off \(no notification service is running\)/);
});

test('the detail line names the due time, company, role and state', () => {
  const due = (at) => ({ due_at: at, due_local: 'ignored: the window writes dates in the system’s form' });
  assert.equal(detailLine({ ...due('2026-11-26T09:30:00Z'), company: 'Acme', role: 'Data Engineer', state: 'pending' }, 'en-GB', 'UTC'),
    '26 Nov 2026, 09:30 · Acme — Data Engineer');
  assert.equal(detailLine({ ...due('2026-11-27T10:00:00Z'), company: null, role: null, state: 'notified' }, 'en-US', 'UTC'),
    'Nov 27, 2026, 10:00 AM · notified', 'the order and style of the system’s locale');
});

test('undo keeps what puts a reminder back, and nothing it does not have', async () => {
  const { undoSnapshot } = await import('../../ui/js/reminders-view.js');
  const r = { id: 4, due_at: '2026-12-01T09:00:00Z', state: 'notified', notified_at: '2026-12-01T09:00:05Z', summary: 'Reply', group: 'today' };
  assert.deepEqual(undoSnapshot(r), { id: 4, due_at: '2026-12-01T09:00:00Z', state: 'notified', notified_at: '2026-12-01T09:00:05Z', title: null });
});
