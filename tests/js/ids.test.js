// Every element the page's scripts look up by id exists in ui/index.html (ids inside a
// <template> count: they are stamped from there), and every module uses dom.js's helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { SCREENS } from '../../ui/js/router.js';

const ui = new URL('../../ui/', import.meta.url);
const html = readFileSync(new URL('index.html', ui), 'utf8');
const modules = readdirSync(new URL('js/', ui))
  .filter((name) => name.endsWith('.js'))
  .map((name) => ({ name, text: readFileSync(new URL(`js/${name}`, ui), 'utf8') }));

/**
 * Lookups whose id is built at run time, each with why and the ids it can name (checked too).
 * A new dynamic lookup fails the test until it is listed here.
 */
const DYNAMIC = {
  '#h-${screen}': { why: 'main.js focuses the heading of the screen it shows', ids: SCREENS.map((s) => `h-${s}`) },
  '#h-${screenFromHash(location.hash)}': {
    why: 'the skip link focuses the heading of the screen in the address', ids: SCREENS.map((s) => `h-${s}`),
  },
};

const htmlIds = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

/** Literal ids and dynamic id selectors each module looks up. */
function lookups({ name, text }) {
  const found = [];
  for (const m of text.matchAll(/getElementById\(\s*(['"`])((?:(?!\1).)*)\1/g)) {
    found.push({ name, selector: `#${m[2]}`, dynamic: m[2].includes('${') });
  }
  for (const m of text.matchAll(/(?:\$\$?|querySelector(?:All)?|closest)\(\s*(['"`])((?:(?!\1).)*)\1/g)) {
    if (!m[2].includes('#')) continue;
    found.push({ name, selector: m[2], dynamic: m[2].includes('${') });
  }
  return found;
}

const all = modules.flatMap(lookups);

test('the scan finds the page’s lookups (a broken pattern would pass vacuously)', () => {
  assert.ok(all.filter((l) => !l.dynamic).length > 100, `only ${all.length} lookups found`);
  assert.ok(htmlIds.size > 100, `only ${htmlIds.size} ids in index.html`);
  assert.ok(htmlIds.has('draft-card'), 'the draft card <template> is scanned');
});

test('every id a script looks up is in index.html', () => {
  const missing = all
    .filter((l) => !l.dynamic)
    .flatMap((l) => [...l.selector.matchAll(/#([A-Za-z][\w-]*)/g)].map((m) => ({ ...l, id: m[1] })))
    .filter((l) => !htmlIds.has(l.id))
    .map((l) => `${l.name}: #${l.id} (in "${l.selector}")`);
  assert.deepEqual(missing, []);
});

test('every id built at run time is listed with its reason, and each id it can name exists', () => {
  const unlisted = all.filter((l) => l.dynamic && !DYNAMIC[l.selector]).map((l) => `${l.name}: ${l.selector}`);
  assert.deepEqual(unlisted, [], 'list these in DYNAMIC with why they are built');
  for (const [selector, { why, ids }] of Object.entries(DYNAMIC)) {
    assert.ok(why, selector);
    assert.deepEqual(ids.filter((id) => !htmlIds.has(id)), [], `${selector}: ${why}`);
  }
});

test('one DOM helper convention: dom.js exports $ and $$, no module defines its own', () => {
  const own = modules
    .filter(({ name, text }) => name !== 'dom.js' && /(?:const|let|var|function)\s+\$\$?\s*[=(]/.test(text))
    .map(({ name }) => name);
  assert.deepEqual(own, []);
  const dom = modules.find((m) => m.name === 'dom.js').text;
  assert.match(dom, /export function \$\(/);
  assert.match(dom, /export function \$\$\(/);
});

test('no id appears twice in index.html', () => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
});
