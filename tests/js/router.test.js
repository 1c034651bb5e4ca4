import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCREENS, hashFor, screenForShortcut, screenFromHash } from '../../ui/js/router.js';

test('known hashes select their screen, anything else is home', () => {
  assert.equal(screenFromHash('#/history'), 'history');
  assert.equal(screenFromHash('#history'), 'history');
  assert.equal(screenFromHash('#/Compose/draft-3'), 'compose');
  assert.equal(screenFromHash(''), 'home');
  assert.equal(screenFromHash(undefined), 'home');
  assert.equal(screenFromHash('#/<script>'), 'home');
  assert.equal(screenFromHash('#/constructor'), 'home');
});

test('hashFor round-trips every screen and refuses unknown ones', () => {
  for (const screen of SCREENS) assert.equal(screenFromHash(hashFor(screen)), screen);
  assert.throws(() => hashFor('settings'), RangeError);
});

test('Alt+digit shortcuts map to screens in navigation order', () => {
  const alt = (key, extra = {}) => ({ key, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...extra });
  assert.deepEqual(['1', '2', '3', '4', '5', '6'].map((k) => screenForShortcut(alt(k))),
    ['home', 'decide', 'compose', 'practice', 'history', 'reminders']);
  assert.equal(screenForShortcut(alt('0')), 'about');
  assert.equal(screenForShortcut(alt('7')), null);
  assert.equal(screenForShortcut(alt('1', { ctrlKey: true })), null);
  assert.equal(screenForShortcut(alt('2', { altKey: false })), null);
  assert.equal(screenForShortcut(alt('a')), null);
});
