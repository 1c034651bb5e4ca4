import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHORTCUTS, opensShortcuts } from '../../ui/js/shortcuts.js';
import { SCREENS } from '../../ui/js/router.js';

test('every section has its Alt shortcut in the list, and ? is listed', () => {
  const anywhere = SHORTCUTS[0].keys.map(([keys, what]) => `${keys.join('+')} ${what}`);
  assert.equal(SCREENS.length, 7);
  for (const digit of ['1', '2', '3', '4', '5', '6', '0']) {
    assert.ok(anywhere.some((line) => line.startsWith(`Alt+${digit} `)), `Alt+${digit} listed`);
  }
  assert.ok(anywhere.some((line) => line.startsWith('? ')));
});

test('? opens the panel, except while typing or with a modifier', () => {
  const on = (tag, extra = {}) => opensShortcuts({ key: '?', target: { tagName: tag }, ...extra });
  assert.equal(on('BODY'), true);
  assert.equal(on('BUTTON'), true);
  assert.equal(on('INPUT'), false);
  assert.equal(on('TEXTAREA'), false);
  assert.equal(on('SELECT'), false);
  assert.equal(on('DIV', { ctrlKey: true }), false);
  assert.equal(opensShortcuts({ key: '/', target: { tagName: 'BODY' } }), false);
  assert.equal(opensShortcuts({ key: '?', target: { tagName: 'DIV', isContentEditable: true } }), false);
});
