import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuggestion, byteToIndex, findingLabel, findingTitle, highlightRuns, summaryText } from '../../ui/js/lint-view.js';
import { catalog } from './fixtures.js';

test('byte offsets map to string indices across multi-byte and astral characters', () => {
  const text = 'é🚀x';
  assert.equal(byteToIndex(text, 0), 0);
  assert.equal(byteToIndex(text, 2), 1, 'é is 2 bytes, 1 unit');
  assert.equal(byteToIndex(text, 6), 3, '🚀 is 4 bytes, 2 units');
  assert.equal(byteToIndex(text, 7), 4);
  assert.equal(byteToIndex(text, 99), 4, 'clamped');
});

test('highlights cover the spans once, in order, and keep every character', () => {
  const text = 'No thanks 🚀 teh end';
  const findings = [
    { part: 'body', start: 0, end: 9, severity: 'error' },
    { part: 'body', start: 3, end: 9, severity: 'warning' },
    { part: 'body', start: 15, end: 18, severity: 'warning' },
    { part: 'subject', start: 0, end: 2, severity: 'warning' },
  ];
  const runs = highlightRuns(text, findings);
  assert.equal(runs.map((r) => r.text).join(''), text);
  assert.deepEqual(runs.filter((r) => r.mark).map((r) => [r.text, r.mark]), [['No thanks', 'error'], ['teh', 'warning']]);
});

test('the shorter of two spans at one place wins, and whole-message spans are not marked', () => {
  const text = `No thanks. ${'x'.repeat(200)}`;
  const runs = highlightRuns(text, [
    { part: 'body', start: 0, end: text.length, severity: 'warning' },
    { part: 'body', start: 0, end: 9, severity: 'error' },
  ]);
  assert.deepEqual(runs.filter((r) => r.mark).map((r) => r.text), ['No thanks']);
  assert.equal(runs.map((r) => r.text).join(''), text);
});

test('a suggestion replaces exactly its span', () => {
  const text = 'Thanks 🚀 for teh call';
  assert.equal(applySuggestion(text, { start: 16, end: 19, suggestion: 'the' }), 'Thanks 🚀 for the call');
  assert.equal(applySuggestion('a  b', { start: 1, end: 2, suggestion: '' }), 'a b', 'an empty suggestion removes');
});

test('labels and summaries read plainly', () => {
  assert.equal(findingLabel({ severity: 'error', message: 'No thanks anywhere.' }), 'Fix: No thanks anywhere.');
  assert.equal(summaryText({ errors: 2, warnings: 1, infos: 1 }), '2 to fix · 1 to check · 1 tip');
  assert.equal(summaryText({ errors: 0, warnings: 0, infos: 0 }), 'Nothing to fix');
});

test('a finding\'s tooltip names its rule and the principle from the catalogue', () => {
  assert.equal(findingTitle({ rule: 'terse' }, catalog),
    'Curt: A bare “no” reads as dismissive; a full sentence with thanks keeps the relationship. Click to show it in the text.');
  assert.equal(findingTitle({ rule: 'made-up' }, catalog), 'made-up — show it in the text');
});
