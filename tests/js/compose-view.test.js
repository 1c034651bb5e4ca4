import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DRAFTS, FIELDS, blockTitle, callFirst, fromDecide, isoNow, metaText, nextChoices, originText, outgoing, phoneBeatLabel, situationFrom, textOf,
  valuesFrom, wouldReplaceEdits,
} from '../../ui/js/compose-view.js';
import { catalog } from './fixtures.js';

const { limits } = catalog;

const carried = {
  company: 'Acme', role: 'Engineer', invited_at: '2026-11-25T09:00:00+01:00', reasons: ['logistics'],
  contact: { name: 'Priya', title: 'Recruiter' },
};

test('the form edits the carried Situation and keeps everything else', () => {
  const s = situationFrom({ ...carried, sender: { name: 'Sam' } }, { company: ' Globex ', role: 'Engineer', 'contact.name': '' });
  assert.equal(s.company, 'Globex');
  assert.deepEqual(s.reasons, ['logistics'], 'reasons survive');
  assert.deepEqual(s.contact, { title: 'Recruiter' }, 'an emptied name is removed, the title stays');
  assert.deepEqual(s.sender, { name: 'Sam' }, 'the form does not touch the signature (Your details does)');
  assert.equal(carried.company, 'Acme', 'the carried Situation is not changed');
});

test('drafting from scratch starts a Situation invited now', () => {
  const s = situationFrom(null, { company: 'Acme', role: 'QA' }, new Date(2026, 10, 26, 9, 5, 7));
  assert.match(s.invited_at, /^2026-11-26T09:05:07[+-]\d\d:\d\d$/);
  assert.equal(s.contact, undefined, 'no empty objects');
});

test('values round-trip through the form', () => {
  const values = valuesFrom(carried);
  assert.equal(values['contact.name'], 'Priya');
  assert.equal(values['contact.email'], '');
  assert.ok(!FIELDS.some((f) => f.startsWith('sender.')), 'your own details are edited in one place, not per case');
  assert.deepEqual(situationFrom(carried, values), carried);
});

test('isoNow writes the local offset', () => {
  assert.match(isoNow(new Date()), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
});

test('a card sends its edits when there are any', () => {
  const draft = { subject: 'S', body: 'B' };
  assert.deepEqual(textOf({ draft, edited: null, subject: null }), { subject: 'S', body: 'B' });
  assert.deepEqual(textOf({ draft, edited: 'mine', subject: 'my S' }), { subject: 'my S', body: 'mine' });
  assert.deepEqual(textOf({ draft, edited: '', subject: null }), { subject: 'S', body: '' }, 'an emptied text is still the user’s');
});

test('outgoing messages are addressed from the Situation, blanks left out', () => {
  const m = outgoing({ contact: { name: 'Priya N', email: ' p@a.example ' }, sender: { name: 'Sam' } }, { subject: 'Hi', body: 'x' });
  assert.deepEqual(m, { subject: 'Hi', body: 'x', to: 'p@a.example', to_name: 'Priya N', from_name: 'Sam' });
});

test('meta lines per channel, against the catalogue\'s limits', () => {
  const meta = (draft) => metaText(draft, draft.body, limits);
  assert.equal(meta({ channel: 'phone', estimated_seconds: 42 }), 'about 42 s at 150 words a minute · within the 30–60 s target');
  assert.match(meta({ channel: 'phone', estimated_seconds: 20 }), /under/);
  assert.match(meta({ channel: 'phone', estimated_seconds: 75 }), /over/);
  assert.equal(meta({ channel: 'linkedin', body: 'héllo 🚀' }), '7 / 600 characters', 'characters, not UTF-16 units');
  assert.equal(meta({ channel: 'email', body: 'Hello Dana,\n\nThanks — bye.' }), '4 words');
  const other = { ...limits, call_seconds: [20, 40], wpm: [100, 120, 200], linkedin_chars: 300 };
  assert.equal(metaText({ channel: 'phone', estimated_seconds: 42 }, '', other), 'about 42 s at 120 words a minute · over the 20–40 s target');
  assert.equal(metaText({ channel: 'linkedin' }, 'hi', other), '2 / 300 characters');
});

test('the phone script\'s paragraphs are named by the catalogue\'s beats', () => {
  assert.deepEqual([0, 1, 2, 3, 4].map((g) => phoneBeatLabel(catalog, g)),
    ['Greeting and thanks', 'Decision', 'Brief reason', 'Goodwill close', '']);
  assert.deepEqual(Object.keys(DRAFTS), catalog.channels.map((c) => c.id), 'one draft per channel');
});

test('swapping moves one block of one channel to its next phrasing', () => {
  const next = nextChoices({ phone: { reason: 1 } }, 'email', { name: 'gratitude', choice: 2, choices: 3 });
  assert.deepEqual(next, { phone: { reason: 1 }, email: { gratitude: 3 } });
  assert.match(blockTitle({ name: 'gratitude', choice: 0, choices: 3 }), /phrasing 1 of 3/);
  assert.equal(blockTitle({ name: 'reason', choice: 0, choices: 1 }), 'Reason');
});

test('a re-render only asks when it would change an edited card', () => {
  const base = { body: 'B', subject: 'S' };
  assert.equal(wouldReplaceEdits({ edited: null, subject: null, baseline: base }, { body: 'other' }), false, 'nothing edited');
  assert.equal(wouldReplaceEdits({ edited: 'x', subject: null, baseline: base }, { body: 'B', subject: 'S' }), false, 'same draft');
  assert.equal(wouldReplaceEdits({ edited: 'x', subject: null, baseline: base }, { body: 'B2', subject: 'S' }), true);
  assert.equal(wouldReplaceEdits({ edited: null, subject: 'mine', baseline: base }, { body: 'B', subject: 'S2' }), true);
});

test('template problems read as field, line and column', async () => {
  const { problemLabel } = await import('../../ui/js/compose-view.js');
  assert.equal(problemLabel({ field: 'body', line: 3, column: 5, message: 'unclosed tag' }), 'Text, line 3, column 5: unclosed tag');
});

test('line and column map to the caret offset, counting characters not UTF-16 units', async () => {
  const { caretOffset } = await import('../../ui/js/compose-view.js');
  const text = 'ab\n🚀x{{\nlast';
  assert.equal(caretOffset(text, 1, 1), 0);
  assert.equal(caretOffset(text, 2, 3), 3 + '🚀x'.length, 'column 3 is after the emoji and x');
  assert.equal(caretOffset(text, 9, 9), text.length, 'clamped to the end');
});

test('a call confirmed by email leads with the script', () => {
  assert.equal(callFirst({ scenario: 'withdraw_after_rounds', channel: { primary: 'phone', confirm_by_email: true } }), true);
  assert.equal(callFirst({ scenario: 'logistics', channel: { primary: 'email', confirm_by_email: false } }), false);
  assert.equal(callFirst({ scenario: 'ask_for_time', channel: { primary: 'linkedin', confirm_by_email: true } }), false);
  assert.equal(callFirst({ scenario: null, channel: { primary: 'phone', confirm_by_email: true } }), false, 'no message, no lead');
});

test('a sentence’s tooltip never shows an internal name', () => {
  assert.equal(blockTitle({ name: 'gratitude', choice: 0, choices: 3 }), 'Thanks: phrasing 1 of 3. Click for another.');
  assert.equal(blockTitle({ name: 'something_new', choice: 0, choices: 1 }), 'Sentence');
});

test('Compose says where the draft comes from: Decide, a reply in History, a reminder, or scratch', () => {
  const phone = { scenario: 'withdraw_after_rounds', channel: { primary: 'phone', confirm_by_email: true } };
  const situation = { company: 'Initech <b>', role: 'Analyst' };
  assert.match(originText(null), /^Drafting from scratch/);
  assert.match(originText({ situation, advice: phone, origin: 'decide' }), /^Drafting from your decision in Decide \(Initech <b>\): call first/);
  assert.match(originText({ situation, advice: phone }), /in Decide/, 'a decision carried without an origin is from Decide');
  const reply = originText({ situation, advice: { ...phone, scenario: 'pushback_private' }, origin: 'reply' });
  assert.match(reply, /^Answering Initech <b>'s reply, recorded in History/);
  assert.doesNotMatch(reply, /Decide|call first/, 'an answer is not the advice');
  const reminder = originText({ situation, advice: { scenario: 'follow_up' }, origin: 'reminder' });
  assert.match(reminder, /^Writing the follow-up to Initech <b>/);
  assert.doesNotMatch(reminder, /Decide/);
  assert.match(originText({ situation: { company: '' }, advice: {}, origin: 'reply' }), /this opportunity/, 'no company, no empty name');
  assert.equal(fromDecide(null), false);
  assert.equal(fromDecide({ situation, advice: phone }), true);
  assert.equal(fromDecide({ situation, advice: phone, origin: 'reply' }), false);
});
