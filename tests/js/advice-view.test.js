import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adviceView, formatWhen } from '../../ui/js/advice-view.js';
import { catalog } from './fixtures.js';

const advice = {
  verdict: 'decline',
  channel: { primary: 'phone', confirm_by_email: true, why: 'Call first.' },
  scenario: 'circumstances_changed',
  respond_by: '2026-11-23T09:00:00+01:00',
  ideal_by: '2026-11-21T09:00:00+01:00',
  overdue: true,
  last_minute: false,
  include: { stay_connected: true, referral: true },
  warnings: [{ id: 'late-stage', message: 'Be personal.' }],
  roadmap: [{ step: 1, id: 'confirm', title: 'Confirm your decision', state: 'attention', note: 'Re-read it.' }],
  inform: ['recruiter', 'hiring_manager'],
  explanations: [
    { rule: 'verdict', why: 'You decided.' }, { rule: 'scenario', why: 'No claim.' },
    { rule: 'timing', why: 'Answer today.' }, { rule: 'include', why: 'Offer both.' },
  ],
};

test('times are shown in the chosen zone, in the one form dates are typed in', () => {
  assert.equal(formatWhen('2026-11-21T09:00:00+01:00', 'UTC', 'en-GB'), '21 Nov 2026, 08:00');
  assert.equal(formatWhen('2026-11-21T09:00:00+01:00', 'UTC', 'en-US'), 'Nov 21, 2026, 08:00 AM');
  assert.equal(formatWhen('not a date', 'UTC'), 'not a date');
});

test('the deadline step says its dates in that form too', () => {
  const withStep = { ...advice, roadmap: [{ step: 2, id: 'respond-promptly', title: 'Respond promptly', state: 'todo', note: 'Ideally by Sat 21 Nov 09:00…' }] };
  assert.equal(adviceView(withStep, catalog, 'UTC', 'en-GB').roadmap[0].note,
    'Ideally by 21 Nov 2026, 08:00, at the latest by 23 Nov 2026, 08:00.');
});

test('the view lists verdict, facts, warnings and roadmap as text', () => {
  const view = adviceView(advice, catalog, 'UTC', 'en-GB');
  assert.equal(view.headline, 'Decline — politely');
  assert.equal(view.why, 'You decided.');
  assert.deepEqual(view.facts, [
    ['Channel', 'Phone call, then a confirming email'],
    ['Why this channel', 'Call first.'],
    ['Message', 'Withdraw: circumstances changed (kept private)'],
    ['Why this message', 'No claim.'],
    ['Reply', 'Ideally by 21 Nov 2026, 08:00, at the latest 23 Nov 2026, 08:00 — overdue'],
    ['Why now', 'Answer today.'],
    ['Include', 'Offer both.'],
    ['Tell', 'the recruiter, the hiring manager'],
  ]);
  assert.deepEqual(view.warnings, [{ id: 'late-stage', message: 'Be personal.' }]);
  assert.equal(view.roadmap[0].stateLabel, 'Needs attention');
});

test('every label comes from the catalogue; an unknown id shows as itself', () => {
  const view = adviceView({ ...advice, channel: { ...advice.channel, primary: 'email', confirm_by_email: false }, inform: ['agency', 'referrer', 'pigeon'] }, catalog, 'UTC');
  assert.equal(view.facts[0][1], 'Email');
  assert.equal(view.facts.find(([label]) => label === 'Tell')[1], 'a recruitment agency, whoever referred you, pigeon');
});

test('reconsider has no message line', () => {
  const view = adviceView({ ...advice, verdict: 'reconsider', scenario: null, include: { stay_connected: false, referral: false } }, catalog, 'UTC');
  assert.equal(view.headline, 'Reconsider before you decline');
  assert.equal(view.facts.some(([label]) => label === 'Message'), false);
  assert.equal(view.facts.some(([label]) => label === 'Include'), false);
});
