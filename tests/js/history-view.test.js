import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ENTRY_FORMS, EXPORT_FILTERS, actionsFor, countLine, draftTitle, exportName, firstLine, formatStamp, importSummary, pagerState,
  queryFromFilters, statusText, timelineItems,
} from '../../ui/js/history-view.js';
import { catalog } from './fixtures.js';

test('filters become a ListQuery without empty fields, with the page', () => {
  assert.deepEqual(queryFromFilters({}), { trash: false });
  assert.deepEqual(
    queryFromFilters({ search: '  acme  ', status: 'declined', channel: 'phone', from: '2026-11-01', to: '2026-11-30', trash: true }),
    { trash: true, search: 'acme', status: 'declined', channel: 'phone', from: '2026-11-01', to: '2026-11-30' },
  );
  assert.deepEqual(queryFromFilters({ search: '   ' }), { trash: false }, 'blank search is no search');
  assert.deepEqual(queryFromFilters({}, { offset: 50, limit: 50 }), { trash: false, offset: 50, limit: 50 });
});

test('actions follow the lifecycle', () => {
  assert.deepEqual(actionsFor('open', false), ['message', 'reply', 'note', 'close', 'delete']);
  assert.deepEqual(actionsFor('declined', false), ['message', 'reply', 'note', 'reopen', 'close', 'delete']);
  assert.deepEqual(actionsFor('closed', false), ['message', 'reply', 'note', 'reopen', 'delete']);
  assert.deepEqual(actionsFor('reopened', false), ['message', 'reply', 'note', 'close', 'delete']);
  assert.deepEqual(actionsFor('declined', true), ['undelete'], 'in the trash only restore');
  for (const kind of ['message', 'reply', 'note', 'reopen']) assert.ok(ENTRY_FORMS[kind].title);
});

test('the count line says the true total, and which of it shows', () => {
  const line = (total, shown, offset = 0, trash = false, searched = false) => countLine({ total, shown, offset }, trash, searched, 'en-GB');
  assert.equal(line(0, 0), 'No opportunities yet: record one from Decide.');
  assert.equal(line(0, 0, 0, false, true), 'Nothing matches.');
  assert.equal(line(0, 0, 0, true), 'The trash is empty.');
  assert.equal(line(1, 1), '1 opportunity');
  assert.equal(line(3, 3, 0, true), '3 opportunities in the trash');
  assert.equal(line(100_000, 50), '1–50 of 100,000 opportunities');
  assert.equal(line(100_000, 50, 99_950), '99,951–100,000 of 100,000 opportunities');
  assert.equal(line(120, 50, 50, false, true), '51–100 of 120 opportunities match');
  assert.equal(line(1, 1, 0, false, true), '1 opportunity matches');
});

test('the pager knows the pages around this one', () => {
  assert.deepEqual(pagerState({ total: 10, offset: 0, limit: 50 }, 'en-GB'), { shown: false, newer: false, older: false, text: 'Page 1 of 1' });
  assert.deepEqual(pagerState({ total: 100_000, offset: 0, limit: 50 }, 'en-GB'), { shown: true, newer: false, older: true, text: 'Page 1 of 2,000' });
  assert.deepEqual(pagerState({ total: 100_000, offset: 99_950, limit: 50 }, 'en-GB'), { shown: true, newer: true, older: false, text: 'Page 2,000 of 2,000' });
});

test('stamps follow the system’s locale', () => {
  assert.equal(formatStamp('2026-11-21T09:15:00Z', 'UTC', 'en-GB'), '21 Nov 2026, 09:15');
  assert.equal(formatStamp('2026-11-21T09:15:00Z', 'UTC', 'en-US'), 'Nov 21, 2026, 09:15 AM');
  assert.equal(formatStamp('garbage', 'UTC', 'en-GB'), 'garbage');
});

test('statuses and drafts are named as the catalogue names them', () => {
  assert.equal(statusText(catalog, 'declined'), 'Declined');
  assert.equal(statusText(catalog, 'reopened', true), 'Reopened · in the trash');
  assert.equal(draftTitle(catalog, { channel: 'phone', body: 'Hello' }), 'Draft (phone call)');
  assert.equal(draftTitle(catalog, { channel: 'linkedin', body: 'Hi', reopens_message_id: 3 }), 'Change-of-mind message (LinkedIn message)');
});

test('the timeline names things with labels and carries every stored text whole', () => {
  const body = 'Dear Priya,\n\nThank you for the invitation.\nI have decided to withdraw.\n\nBest,\nSam';
  const note = `Called her back. ${'Long note. '.repeat(20)}\nSecond line.`;
  const detail = {
    opportunity: { company: 'Acme', role: 'Engineer' },
    decisions: [{ created_at: 't1', advice: JSON.stringify({ verdict: 'ask_for_time' }) }],
    events: [{ at: 't0', from_status: null, to_status: 'open' }, { at: 't3', from_status: 'open', to_status: 'declined' }],
    messages: [{ channel: 'email', subject: 'Data Engineer role', body, created_at: 't2', sent_at: 't3', reopens_message_id: null }],
    replies: [{ body: 'All the best!', received_at: 't4' }],
    notes: [{ body: note, created_at: 't5' }],
    reminders: [{ kind: 'follow_up', title: null, state: 'pending', due_at: 't6' }],
    timeline: [
      { at: 't0', kind: 'invitation', text: 'Invited to interview for Engineer at Acme' },
      { at: 't1', kind: 'decision', text: 'Decision recorded (advice: ask for time)' },
      { at: 't2', kind: 'message', text: 'Draft (email) saved' },
      { at: 't3', kind: 'status', text: 'Status: open → declined' },
      { at: 't3', kind: 'sent', text: 'Message sent by email' },
      { at: 't4', kind: 'reply', text: 'Reply received: All the best!' },
      { at: 't5', kind: 'note', text: 'Note: Called her back…' },
      { at: 't6', kind: 'reminder', text: 'Reminder (pending): Reconnect with Acme' },
    ],
  };
  const items = timelineItems(detail, catalog);
  assert.deepEqual(items.map((i) => i.text), [
    'Invited to interview for Engineer at Acme',
    'Decision recorded: Ask for more time',
    'Draft saved (email)',
    'Status: Open → Declined',
    'Message sent (email)',
    'Reply received',
    'Note',
    `Reminder: ${catalog.reminder_kinds.find((k) => k.id === 'follow_up').label} (to do)`,
  ]);
  const sent = items.find((i) => i.kind === 'sent');
  assert.deepEqual(sent.full, { subject: 'Data Engineer role', body }, 'the sent message: subject and body, line breaks kept');
  assert.equal(items.find((i) => i.kind === 'note').full.body, note, 'the note whole, never cut off');
  assert.equal(items.find((i) => i.kind === 'reply').full.body, 'All the best!');
  for (const item of items) assert.doesNotMatch(item.text, /_|\(advice:|pending\)/, `no internal name in “${item.text}”`);
});

test('first lines are cut with an ellipsis only when there is more', () => {
  assert.equal(firstLine('Short.'), 'Short.');
  assert.equal(firstLine('One\nTwo'), 'One…');
  assert.equal(firstLine('x'.repeat(100), 80), `${'x'.repeat(80)}…`);
});

test('exports are named by day and format; imports say what they add', () => {
  assert.equal(exportName('csv', new Date(2026, 10, 5)), 'politely-history-2026-11-05.csv');
  assert.deepEqual(EXPORT_FILTERS.json[0].extensions, ['json']);
  const summary = importSummary({
    dry_run: true, added: { messages: 9, notes: 1, opportunities: 3, replies: 0 }, skipped_ids: { opportunities: [4] }, remapped: {},
  }, 'en-GB');
  assert.equal(summary.list, '3 opportunities, 9 messages and 1 note');
  assert.equal(summary.already, ' (1 already in your history stays as it is)');
  assert.equal(importSummary({ added: {}, skipped_ids: { opportunities: [1, 2] } }, 'en-GB').nothingNew, true);
});
