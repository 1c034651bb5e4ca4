// Dates as people write them, in one form for input and display: the system's locale decides
// the order and the month names ("25 Nov 2026, 14:30" in Britain, "Nov 25, 2026, 02:30 PM" in
// the US), and whatever the window shows can be typed back. Reading is forgiving (numbers in the
// locale's order, month names in the locale or in English, ISO "2026-11-25 14:30"); a date that
// does not exist ("31 Feb") says so. Pure: the locale and the clock are parameters.

/**
 * The locale the window follows: the system's, as the webview reports it. A system without one
 * (LANG=C reports "C", no language at all) gets the JavaScript engine's default, which is the
 * same US English the C locale writes dates in.
 */
export function systemLocale(reported = globalThis.navigator?.language) {
  try {
    if (reported && Intl.getCanonicalLocales(reported).length) return reported;
  } catch {
    // not a language tag: fall through
  }
  return new Intl.DateTimeFormat().resolvedOptions().locale.replace(/-u-.*$/, '');
}

const DATE = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME = { hour: '2-digit', minute: '2-digit' };

/** "25 Nov 2026" (the locale's order and month name). */
export function formatDate(date, locale = systemLocale(), timeZone = undefined) {
  return new Intl.DateTimeFormat(locale, { ...DATE, timeZone }).format(date);
}

/** "14:30" or "02:30 PM", as the locale writes the time. */
export function formatTime(date, locale = systemLocale(), timeZone = undefined) {
  return new Intl.DateTimeFormat(locale, { ...TIME, timeZone }).format(date);
}

/** "25 Nov 2026, 14:30": the one form every date-time is shown and typed in. */
export function formatDateTime(date, locale = systemLocale(), timeZone = undefined) {
  return `${formatDate(date, locale, timeZone)}, ${formatTime(date, locale, timeZone)}`;
}

/** An RFC 3339 stamp shown in that form; text that is no date is returned as it is. */
export function formatStampIn(iso, { locale = systemLocale(), timeZone, time = true } = {}) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return time ? formatDateTime(date, locale, timeZone) : formatDate(date, locale, timeZone);
}

/** The example the hints and problems show, written the way this locale writes dates. */
export function example(locale = systemLocale(), { time = true } = {}) {
  const sample = new Date(2026, 10, 25, 14, 30);
  return time ? formatDateTime(sample, locale) : formatDate(sample, locale);
}

function fold(text) {
  return String(text).normalize('NFKD').replace(/[\u0300-\u036f.]/g, '').toLowerCase().trim();
}

const cache = new Map();

/** What the parser needs to know about a locale: month and weekday names, numeric order, AM/PM. */
function localeInfo(locale) {
  if (cache.has(locale)) return cache.get(locale);
  const months = new Map();
  const weekdays = new Set();
  // "at", and ordinal endings ("25th"); digits are split from letters before words are read.
  const literals = new Set(['at', 'st', 'nd', 'rd', 'th']);
  for (const names of [locale, 'en']) {
    for (const style of ['long', 'short']) {
      const f = new Intl.DateTimeFormat(names, { month: style, timeZone: 'UTC' });
      const names12 = Array.from({ length: 12 }, (_, m) => fold(f.format(Date.UTC(2026, m, 15))));
      names12.forEach((name, m) => months.set(name, m + 1));
      // Numbered months ("11月"): the word beside the number is the same for all twelve.
      const words = new Set(names12.map((name) => name.replace(/\d+/g, '').trim()));
      if (words.size === 1 && [...words][0]) literals.add([...words][0]);
      const w = new Intl.DateTimeFormat(names, { weekday: style, timeZone: 'UTC' });
      for (let d = 0; d < 7; d++) weekdays.add(fold(w.format(Date.UTC(2026, 10, 23 + d))));
    }
    // Words the locale puts between the parts of a date ("de", "um"…) are not mistakes.
    const parts = new Intl.DateTimeFormat(names, { ...DATE, ...TIME, weekday: 'long', timeZone: 'UTC' })
      .formatToParts(Date.UTC(2026, 10, 25, 14, 30));
    for (const p of parts) if (p.type === 'literal') for (const w of fold(p.value).split(/[^\p{L}]+/u)) if (w) literals.add(w);
  }
  const order = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(Date.UTC(2026, 10, 25)).map((p) => p.type).filter((t) => ['day', 'month', 'year'].includes(t));
  const periods = { am: new Set(['am', 'a']), pm: new Set(['pm', 'p']) };
  const twelve = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
  for (const [hour, key] of [[1, 'am'], [13, 'pm']]) {
    const period = twelve.formatToParts(Date.UTC(2026, 0, 1, hour)).find((p) => p.type === 'dayPeriod');
    if (period) periods[key].add(fold(period.value).replace(/\s+/g, ''));
  }
  const info = { months, weekdays, literals, order, periods };
  cache.set(locale, info);
  return info;
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month's name for messages ("February"), in the locale. */
function monthName(month, locale) {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, month - 1, 15));
}

const pad = (n) => String(n).padStart(2, '0');

/**
 * Reads what the user typed. `time`: 'required' (a missing time is 09:00), or 'none' for a
 * date alone. Returns `{ ok: true, value }` with value "2026-11-25T14:30" (or "2026-11-25"),
 * `{ ok: true, value: '' }` for an empty field, or `{ ok: false, problem }` saying what is wrong.
 */
export function parseDate(text, { locale = systemLocale(), time = 'required', now = new Date() } = {}) {
  const raw = String(text ?? '').trim();
  if (!raw) return { ok: true, value: '' };
  const withTime = time !== 'none';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(raw);
  if (iso) {
    const [, y, mo, d, h, mi, sec] = iso;
    const num = (v) => (v == null ? null : +v);
    return finish({ year: +y, month: +mo, day: +d, hour: num(h), minute: num(mi), second: num(sec) }, withTime, locale);
  }
  const info = localeInfo(locale);
  const isPeriod = (word) => info.periods.am.has(word) || info.periods.pm.has(word);
  let rest = raw;
  let hour = null;
  let minute = null;
  let period = null;
  const clock = /(\d{1,2}):(\d{2})(?::\d{2})?/.exec(rest);
  if (clock) {
    [hour, minute] = [+clock[1], +clock[2]];
    rest = `${rest.slice(0, clock.index)} ${rest.slice(clock.index + clock[0].length)}`;
  }
  // "1.12.2026": a dot between digits separates; one after letters ends an abbreviation ("Dez.").
  // Digits and words apart ("25th", "2pm", "2026年"): each is read on its own.
  const tokens = rest.replace(/(\d)\.(?=\d)/g, '$1 ').replace(/(\d)(?=[^\d\s.,:/-])|([^\d\s.,:/-])(?=\d)/gu, '$1$2 ')
    .split(/[\s,/\-]+/).map(fold).filter(Boolean);
  const numbers = [];
  let month = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPeriod(token) && !(info.months.has(token) && month == null && numbers.length < 2)) {
      if (period) return { ok: false, problem: 'unreadable', locale, withTime };
      period = info.periods.pm.has(token) ? 'pm' : 'am';
      if (hour == null && numbers.length) [hour, minute] = [+numbers.pop(), 0];
      if (hour == null) return { ok: false, problem: 'time', locale, withTime };
    } else if (/^\d+$/.test(token)) numbers.push(token);
    else if (info.months.has(token) && month == null) month = info.months.get(token);
    else if (info.weekdays.has(token) || info.literals.has(token)) continue;
    else return { ok: false, problem: 'unreadable', locale, withTime };
  }
  if (period) {
    if (hour < 1 || hour > 12) return { ok: false, problem: 'time', locale, withTime };
    hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  }
  let day;
  let year;
  if (month != null) {
    if (numbers.length < 1 || numbers.length > 2) return { ok: false, problem: 'unreadable', locale, withTime };
    const yearAt = numbers.findIndex((n) => n.length === 4);
    if (numbers.length === 2) {
      const at = yearAt === -1 ? 1 : yearAt;
      year = +numbers[at];
      day = +numbers[1 - at];
    } else {
      if (yearAt !== -1) return { ok: false, problem: 'unreadable', locale, withTime };
      day = +numbers[0];
      year = now.getFullYear();
    }
  } else {
    if (numbers.length !== 3) return { ok: false, problem: 'unreadable', locale, withTime };
    const order = numbers[0].length === 4 ? ['year', 'month', 'day'] : info.order;
    const got = Object.fromEntries(order.map((name, i) => [name, +numbers[i]]));
    ({ day, month, year } = got);
    if (month < 1 || month > 12) return { ok: false, problem: 'unreadable', locale, withTime };
  }
  if (year < 100) year += 2000;
  return finish({ year, month, day, hour, minute }, withTime, locale);
}

function finish({ year, month, day, hour, minute, second = null }, withTime, locale) {
  if (month < 1 || month > 12 || day < 1 || year < 1970 || year > 2200) {
    return { ok: false, problem: 'unreadable', locale, withTime };
  }
  if (day > daysIn(year, month)) return { ok: false, problem: 'no_such_day', locale, withTime, year, month, day };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!withTime) return { ok: true, value: date };
  const h = hour ?? 9;
  const mi = minute ?? 0;
  if (h > 23 || mi > 59 || second > 59) return { ok: false, problem: 'time', locale, withTime };
  // Seconds only when typed (ISO): the written form is to the minute.
  return { ok: true, value: `${date}T${pad(h)}:${pad(mi)}${second == null ? '' : `:${pad(second)}`}` };
}

/** What is wrong with an unreadable date, in words, with an example in the locale's form. */
export function problemText(result) {
  const { locale, withTime } = result;
  const like = example(locale, { time: withTime });
  switch (result.problem) {
    case 'no_such_day':
      return `There is no day ${result.day} in ${monthName(result.month, locale)} ${result.year}. Write the date like ${like}.`;
    case 'time':
      return `That time does not exist. Write it like ${like}.`;
    default:
      return `This is not a date Politely can read. Write it like ${like}.`;
  }
}

/** The Date a parsed local value ("2026-11-25T14:30" or "2026-11-25") stands for, here. */
export function localDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = m;
  return new Date(+y, +mo - 1, +d, +h, +mi, +sec);
}
