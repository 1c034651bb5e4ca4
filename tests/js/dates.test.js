import { test } from 'node:test';
import assert from 'node:assert/strict';
import { example, formatDate, formatDateTime, localDate, parseDate, problemText } from '../../ui/js/dates.js';

const read = (text, locale, options = {}) => {
  const r = parseDate(text, { locale, ...options });
  return r.ok ? r.value : problemText(r);
};

test('what the window shows can be typed back, in every locale’s own order', () => {
  for (const locale of ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'nl-NL']) {
    for (const date of [new Date(2026, 0, 5, 7, 5), new Date(2027, 11, 31, 23, 59), new Date(2026, 1, 28, 12, 0)]) {
      const shown = formatDateTime(date, locale);
      assert.equal(localDate(read(shown, locale)).getTime(), date.getTime(), `${locale}: ${shown}`);
      assert.equal(read(formatDate(date, locale), locale, { time: 'none' }).slice(0, 10), read(shown, locale).slice(0, 10));
    }
  }
});

test('the one form: day, short month and year, then the time, as the locale writes them', () => {
  assert.equal(example('en-GB'), '25 Nov 2026, 14:30');
  assert.equal(example('en-US'), 'Nov 25, 2026, 02:30 PM');
  assert.equal(example('en-GB', { time: false }), '25 Nov 2026');
});

test('numbers are read in the locale’s order; ISO always works', () => {
  assert.equal(read('25/11/2026 14:30', 'en-GB'), '2026-11-25T14:30');
  assert.equal(read('11/25/2026 2:30 pm', 'en-US'), '2026-11-25T14:30');
  assert.equal(read('1.12.2026 09:15', 'de-DE'), '2026-12-01T09:15');
  assert.equal(read('2026-11-25T09:30', 'en-US'), '2026-11-25T09:30');
  assert.equal(read('2026-11-25T09:30:07', 'en-US'), '2026-11-25T09:30:07', 'seconds typed are kept');
  assert.equal(read('Wed 25 Nov 2026, 2pm', 'en-GB'), '2026-11-25T14:00', 'a weekday is allowed');
  assert.equal(read('25 November 2026', 'en-GB'), '2026-11-25T09:00', 'no time: 09:00');
  assert.equal(read('25 Nov 2026', 'en-GB', { time: 'none' }), '2026-11-25');
  assert.equal(read('', 'en-GB'), '', 'empty is empty, not a problem');
});

test('a date that cannot be read, or does not exist, says so with an example', () => {
  assert.equal(read('31 Feb 2026', 'en-GB'), 'There is no day 31 in February 2026. Write the date like 25 Nov 2026, 14:30.');
  assert.equal(read('31/02/2026', 'en-GB'), 'There is no day 31 in February 2026. Write the date like 25 Nov 2026, 14:30.');
  assert.equal(read('next tuesday', 'en-GB'), 'This is not a date Politely can read. Write it like 25 Nov 2026, 14:30.');
  assert.equal(read('13/13/2026', 'en-GB'), 'This is not a date Politely can read. Write it like 25 Nov 2026, 14:30.');
  assert.equal(read('25 Nov 2026 25:00', 'en-GB'), 'That time does not exist. Write it like 25 Nov 2026, 14:30.');
  assert.equal(read('29 Feb 2028', 'en-GB'), '2028-02-29T09:00', 'a leap day exists');
});

test('a system without a language (LANG=C) still gets dates', async () => {
  const { systemLocale } = await import('../../ui/js/dates.js');
  assert.equal(systemLocale('en-GB'), 'en-GB');
  for (const none of ['C', 'POSIX', '', undefined]) {
    const locale = systemLocale(none);
    assert.doesNotThrow(() => new Intl.DateTimeFormat(locale), `${String(none)} → ${locale}`);
    assert.doesNotMatch(locale, /-u-/);
  }
});
