// How a length of time reads on the Practise screen: the clock's face, the words a screen
// reader hears, and where a length falls against the call's target. Pure.

/**
 * Where a length in seconds falls against the target (`{min, max}`): 'under', 'in' (both ends
 * inclusive) or 'over'. The same rule as the backend's `Band::of`.
 */
export function band(seconds, target) {
  // Written as "not at least min" so NaN counts as under rather than over.
  if (!(seconds >= target.min)) return 'under';
  return seconds > target.max ? 'over' : 'in';
}

/** Whole seconds in `ms`, floored; 0 for negative or non-numbers. */
function wholeSeconds(ms) {
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}

/** "mm:ss", zero-padded, seconds floored: 61 900 → "01:01"; minutes keep growing past 99. */
export function formatClock(ms) {
  const s = wholeSeconds(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** The time in words for a screen reader: "0 seconds", "45 seconds", "1 minute 5 seconds", "2 minutes". */
export function spokenTime(ms) {
  const s = wholeSeconds(ms);
  const unit = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  if (!minutes) return unit(seconds, 'second');
  return seconds ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(minutes, 'minute');
}
