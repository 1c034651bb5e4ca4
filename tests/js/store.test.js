import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  carriedDecision, carriedScript, carry, carryScript, currentCase, newCase, remember, resumeCase, startCase,
} from '../../ui/js/store.js';

test('a carried decision is a frozen copy', () => {
  assert.equal(carriedDecision(), null);
  const situation = { company: 'Acme' };
  carry(situation, { verdict: 'decline' });
  situation.company = 'changed later';
  assert.equal(carriedDecision().situation.company, 'Acme');
  assert.ok(Object.isFrozen(carriedDecision()));
});

test('Decide, Compose and Practise share one case: any save sets the id the others use', () => {
  const decided = currentCase();
  assert.equal(decided.opportunityId, null, 'a case starts with no opportunity');
  carry({ company: 'Acme' }, { scenario: 'logistics' });
  assert.equal(carriedDecision().case, decided, 'the decision carries Decide’s case');
  carryScript({ text: 'Hello', situation: { company: 'Acme' }, theCase: carriedDecision().case });
  remember(carriedScript().case, 7); // the first run saved it
  assert.equal(currentCase().opportunityId, 7, 'Decide now saves to the same opportunity');
  remember(decided, null);
  assert.equal(decided.opportunityId, 7, 'a save that returned nothing changes nothing');
});

test('Start over is a new case with no id; Undo goes back to the old one', () => {
  const before = currentCase();
  remember(before, 3);
  const fresh = startCase();
  assert.notEqual(fresh, before);
  assert.equal(currentCase().opportunityId, null);
  resumeCase(before);
  assert.equal(currentCase().opportunityId, 3);
});

test('a decision can be carried for another opportunity (a reminder’s follow-up)', () => {
  carry({ company: 'Globex' }, { scenario: 'follow_up' }, newCase(12));
  assert.equal(carriedDecision().case.opportunityId, 12);
  assert.notEqual(carriedDecision().case, currentCase(), 'Decide’s case is untouched');
});

test('a pasted script belongs to no case', () => {
  carryScript({ text: 'Hi' });
  assert.equal(carriedScript().case, null);
});
