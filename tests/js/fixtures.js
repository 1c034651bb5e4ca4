// The catalogue the window receives (tests/config.rs keeps the fixture equal to the real one),
// for the pure view modules that take it as a parameter.
import { readFileSync } from 'node:fs';

/** tests/js/fixtures/catalog.json, parsed. */
export const catalog = JSON.parse(readFileSync(new URL('./fixtures/catalog.json', import.meta.url), 'utf8'));
