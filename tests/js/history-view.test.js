import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ENTRY_FORMS, actionsFor, countLine, draftLine, formatStamp, queryFromFilters, statusText,
} from '../../ui/js/history-view.js';
import { catalog } from './fixtures.js';

test('filters become a ListQuery without empty fields', () => {
  assert.deepEqual(queryFromFilters({}), { trash: false });
  assert.deepEqual(
    queryFromFilters({ search: '  acme  ', status: 'declined', channel: 'phone', from: '2026-11-01', to: '2026-11-30', trash: true }),
    { trash: true, search: 'acme', status: 'declined', channel: 'phone', from: '2026-11-01', to: '2026-11-30' },
  );
  assert.deepEqual(queryFromFilters({ search: '   ' }), { trash: false }, 'blank search is no search');
});

test('actions follow the lifecycle', () => {
  assert.deepEqual(actionsFor('open', false), ['message', 'reply', 'note', 'close', 'delete']);
  assert.deepEqual(actionsFor('declined', false), ['message', 'reply', 'note', 'reopen', 'close', 'delete']);
  assert.deepEqual(actionsFor('closed', false), ['message', 'reply', 'note', 'reopen', 'delete']);
  assert.deepEqual(actionsFor('reopened', false), ['message', 'reply', 'note', 'close', 'delete']);
  assert.deepEqual(actionsFor('declined', true), ['undelete'], 'in the trash only restore');
  for (const kind of ['message', 'reply', 'note', 'reopen']) assert.ok(ENTRY_FORMS[kind].title);
});

test('count line and stamps', () => {
  assert.equal(countLine(0, false, false), 'No opportunities yet: record one from Decide.');
  assert.equal(countLine(0, false, true), 'Nothing matches.');
  assert.equal(countLine(0, true, false), 'The trash is empty.');
  assert.equal(countLine(1, false, false), '1 opportunity');
  assert.equal(countLine(3, true, false), '3 opportunities in the trash');
  assert.equal(formatStamp('2026-11-21T09:15:00Z', 'UTC'), '21 Nov 2026, 09:15');
  assert.equal(formatStamp('garbage', 'UTC'), 'garbage');
});

test('statuses and drafts are named as the catalogue names them', () => {
  assert.equal(statusText(catalog, 'declined'), 'Declined');
  assert.equal(statusText(catalog, 'reopened', true), 'Reopened · in the trash');
  assert.equal(draftLine(catalog, { channel: 'phone', body: 'Hello' }), 'Draft (phone call): Hello');
  assert.equal(draftLine(catalog, { channel: 'linkedin', body: 'Hi', reopens_message_id: 3 }),
    'Change-of-mind message (LinkedIn message): Hi');
});
