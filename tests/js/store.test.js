import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carriedDecision, carry } from '../../ui/js/store.js';

test('a carried decision is a frozen copy', () => {
  assert.equal(carriedDecision(), null);
  const situation = { company: 'Acme' };
  carry(situation, { verdict: 'decline' });
  situation.company = 'changed later';
  assert.equal(carriedDecision().situation.company, 'Acme');
  assert.ok(Object.isFrozen(carriedDecision()));
});
