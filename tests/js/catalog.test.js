import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  callTarget, catalog as loaded, choicesOf, entryOf, groupedChoices, inSentence, labelOf, limitText, pace, rangeOf, setCatalog,
} from '../../ui/js/catalog.js';
import { catalog } from './fixtures.js';

test('labels come from the catalogue; an unknown id shows as itself', () => {
  assert.equal(labelOf(catalog, 'reasons', 'logistics'), 'The logistics don’t work');
  assert.equal(labelOf(catalog, 'verdicts', 'decline'), 'Decline — politely');
  assert.equal(labelOf(catalog, 'statuses', 'no-such'), 'no-such');
  assert.equal(entryOf(catalog, 'rules', 'terse').severity, 'error');
  assert.equal(entryOf(catalog, 'rules', 'none'), undefined);
});

test('choices carry value, label and hint; an unknown list is a mistake, not an empty menu', () => {
  const reasons = choicesOf(catalog, 'reasons');
  assert.equal(reasons.length, catalog.reasons.length);
  assert.deepEqual(reasons[0], { value: 'accepted_offer', label: 'I accepted another offer', hint: 'The other job is agreed and binding.', group: '' });
  assert.throws(() => choicesOf(catalog, 'colours'), /no list called colours/);
});

test('message kinds are grouped in the order their groups first appear', () => {
  const groups = groupedChoices(catalog, 'message_kinds');
  assert.deepEqual(groups.map((g) => g.label), ['Declining', 'Before deciding', 'Replies to pushback', 'After the decline']);
  assert.equal(groups.reduce((n, g) => n + g.options.length, 0), catalog.message_kinds.length, 'every kind once');
  assert.ok(groups[0].options.some((o) => o.value === 'referral_offer'), 'a later Declining kind joins its group');
});

test('limits as text, ranges and the shapes the timer and the pace slider take', () => {
  assert.equal(limitText(catalog.limits, 'call_seconds'), '30–60');
  assert.equal(limitText(catalog.limits, 'linkedin_chars'), '600');
  assert.throws(() => limitText(catalog.limits, 'nope'), /no limit/);
  assert.deepEqual(rangeOf(catalog.limits, 'follow_up_months'), [6, 7, 8, 9, 10, 11, 12]);
  assert.deepEqual(callTarget(catalog.limits), { min: 30, max: 60 });
  assert.deepEqual(pace(catalog.limits), { min: 110, default: 150, max: 190 });
});

test('a label inside a sentence starts small unless its first word is a name', () => {
  assert.equal(inSentence('The recruiter'), 'the recruiter');
  assert.equal(inSentence('Email'), 'email');
  assert.equal(inSentence('LinkedIn message'), 'LinkedIn message');
  assert.equal(inSentence(''), '');
});

test('the loaded catalogue is a frozen copy, and asking before it is loaded says so', () => {
  assert.throws(() => loaded(), /not loaded/);
  const source = structuredClone(catalog);
  const kept = setCatalog(source);
  source.verdicts[0].label = 'changed later';
  assert.equal(loaded().verdicts[0].label, 'Reconsider before you decline');
  assert.equal(kept, loaded());
  assert.ok(Object.isFrozen(loaded().verdicts[0]));
});
