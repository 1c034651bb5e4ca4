import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySuggestion, byteToIndex, findingKey, findingLabel, findingTitle, highlightRuns, summaryText, visibleReport } from '../../ui/js/lint-view.js';
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

test('an ignored finding stays ignored for its words while the text around it changes', () => {
  const f = (rule, severity, body, words, part = 'body') => {
    const start = new TextEncoder().encode(body.slice(0, body.indexOf(words))).length;
    return { rule, severity, part, start, end: start + new TextEncoder().encode(words).length, message: '' };
  };
  const before = { body: 'Dear Zoë, no thanks. I’ll pass!!', subject: 'Hi' };
  const report = {
    findings: [f('terse', 'error', before.body, 'no thanks'), f('shouting', 'warning', before.body, '!!'),
      { rule: 'vague-subject', severity: 'warning', part: 'subject', start: 0, end: 2, message: '' }],
    summary: { errors: 1, warnings: 2, infos: 0 },
  };
  const ignored = new Set([findingKey(report.findings[0], before)]);
  const seen = visibleReport(report, ignored, before);
  assert.deepEqual(seen.findings.map((x) => x.rule), ['shouting', 'vague-subject']);
  assert.deepEqual(seen.summary, { errors: 0, warnings: 2, infos: 0 });
  assert.equal(seen.ignored, 1);
  // Text typed before it moves the offsets; the same words are still the same finding.
  const after = { body: `Hello again. ${before.body}`, subject: 'Hi' };
  const moved = { findings: [f('terse', 'error', after.body, 'no thanks')], summary: { errors: 1, warnings: 0, infos: 0 } };
  assert.equal(visibleReport(moved, ignored, after).summary.errors, 0, 'still ignored after an edit elsewhere');
  // Other words, or the same words under another rule, are not ignored.
  const other = { findings: [f('terse', 'error', 'Not interested.', 'Not interested')], summary: { errors: 1, warnings: 0, infos: 0 } };
  assert.equal(visibleReport(other, ignored, { body: 'Not interested.' }).summary.errors, 1);
  assert.equal(findingKey(report.findings[2], before), 'vague-subject\u0000subject\u0000Hi');
});
