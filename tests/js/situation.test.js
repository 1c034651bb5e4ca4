import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FLAG_FIELDS, LIST_FIELDS, STEPS, TEXT_FIELDS, collectSituation, dateToLocalInput, formField, localToRfc3339,
  readForm, stepOfField,
} from '../../ui/js/situation.js';

const plusOne = () => 60;
const minusFiveThirty = () => -330;

function blank(overrides = {}) {
  const values = {};
  for (const n of TEXT_FIELDS) values[n] = '';
  for (const n of LIST_FIELDS) values[n] = [];
  for (const n of FLAG_FIELDS) values[n] = false;
  return { ...values, ...overrides };
}

test('datetime-local values get the offset of that local time', () => {
  assert.equal(localToRfc3339('2026-11-25T10:00', plusOne), '2026-11-25T10:00:00+01:00');
  assert.equal(localToRfc3339('2026-03-01T23:05:30', minusFiveThirty), '2026-03-01T23:05:30-05:30');
  assert.equal(localToRfc3339('yesterday', plusOne), 'yesterday', 'left for the backend to reject by name');
  let asked;
  localToRfc3339('2026-07-04T08:09', (...args) => { asked = args; return 0; });
  assert.deepEqual(asked, [2026, 7, 4, 8, 9], 'the offset is looked up for that very date (DST)');
});

test('dateToLocalInput round-trips through a datetime-local value', () => {
  const d = new Date(2026, 0, 2, 3, 4, 59);
  assert.equal(dateToLocalInput(d), '2026-01-02T03:04');
});

test('readForm reads every control by kind', () => {
  const data = new FormData();
  data.append('company', 'Acme');
  data.append('reasons', 'logistics');
  data.append('reasons', 'growth');
  data.append('checklist.decided', 'on');
  const values = readForm(data);
  assert.equal(values.company, 'Acme');
  assert.equal(values.role, '');
  assert.deepEqual(values.reasons, ['logistics', 'growth']);
  assert.equal(values['checklist.decided'], true);
  assert.equal(values['checklist.stay_connected'], false);
});

test('collectSituation builds the documented JSON and leaves empty optional fields out', () => {
  const s = collectSituation(blank({
    company: 'Acme', role: 'Engineer', invited_at: '2026-11-25T10:00', rounds: '2', stage: 'scheduled',
    reasons: ['logistics'], 'details.logistics': ['visa'], 'details.non_negotiables': ['remote'],
    'contact.name': 'Dana', 'checklist.decided': true, 'checklist.referral_permission': true,
  }), plusOne);
  assert.equal(s.invited_at, '2026-11-25T10:00:00+01:00');
  assert.equal('interview_at' in s, false);
  assert.equal(s.rounds, 2);
  assert.deepEqual(s.contact, { name: 'Dana' });
  assert.equal('sender' in s, false);
  assert.deepEqual(s.details, { non_negotiables: [], logistics: ['visa'] }, 'sub-choices only for chosen reasons');
  assert.equal(s.checklist.referral_permission, false, 'permission only counts with a referral offer');
  assert.equal(s.origin_channel, 'email');
  assert.equal(s.formality, 'standard');
});

test('a missing invitation date is omitted so the backend says it is required', () => {
  assert.equal('invited_at' in collectSituation(blank({ company: 'A', role: 'B' })), false);
});

test('offer_accepted only counts when that reason is chosen', () => {
  assert.equal(collectSituation(blank({ offer_accepted: true })).offer_accepted, false);
  assert.equal(collectSituation(blank({ offer_accepted: true, reasons: ['accepted_offer'] })).offer_accepted, true);
});

test('user text passes through untouched', () => {
  const text = '<b>{{ 7*7 }}</b> {% if %} مرحبا 👋';
  assert.equal(collectSituation(blank({ company: text })).company, text);
});

test('backend field names map to form fields and wizard steps', () => {
  assert.equal(formField('reasons[2]'), 'reasons');
  assert.equal(formField('input'), 'company');
  assert.equal(formField('contact.email'), 'contact.email');
  const cases = {
    company: 'situation', invited_at: 'situation', 'contact.email': 'situation', 'reasons[0]': 'reasons',
    'details.logistics[1]': 'reasons', offer_accepted: 'reasons', 'checklist.decided': 'checklist', input: 'situation',
  };
  for (const [field, step] of Object.entries(cases)) assert.equal(stepOfField(field), step, field);
  assert.deepEqual(STEPS, ['situation', 'reasons', 'checklist', 'advice']);
});
