// The phone-call rehearsal timer: countdown, running clock, pauses, the beat being said, and the
// announcements for a screen reader. No DOM and no timers here: the view calls `tick()` several
// times a second and reads `snapshot()`, so `node --test` drives it with a fake clock. The call's
// target is the catalogue's (`limits.call_seconds`), passed in.
import { band, formatClock, spokenTime } from './practice-time.js';

/** Seconds counted down ("3, 2, 1") before the clock runs. */
export const COUNTDOWN_SECONDS = 3;

/** Running time between two spoken time marks, seconds. */
const ANNOUNCE_EVERY = 15;

/** Bands in the order a running clock passes through them. */
const BANDS = ['under', 'in', 'over'];

/** Index of the beat the plan says is being said `ms` into the call (the last one once past the end). */
function plannedBeat(ends, ms) {
  const i = ends.findIndex((end) => end > ms);
  return i === -1 ? Math.max(0, ends.length - 1) : i;
}

/**
 * The rehearsal timer. States: 'idle' → start() → 'countdown' → (tick) → 'running' ⇄ 'paused'
 * → stop() → 'stopped'; reset() goes back to 'idle' from anywhere.
 */
export class PracticeTimer {
  #now;
  #onEvent;
  #target;
  #countdownMs;
  #plan = [];
  #ends = []; // cumulative estimated end of each beat, ms
  #state = 'idle';
  #follow;
  #beat = 0;
  #beatMs = []; // running time credited to each beat, by plan index (names may repeat)
  #beatMark = 0; // elapsed ms when the current beat started being credited
  #byPlan = false; // the current beat was reached by following the plan, not by the user
  #guessed = new Set(); // beats with a boundary the plan set: their times are estimates
  #countdownStart = 0;
  #countdownShown = Infinity; // last countdown number emitted
  #runStart = 0; // clock time the current running stretch began
  #banked = 0; // elapsed ms from stretches before the current one
  #band = 'under';
  #lastMark = 0; // last 15-second mark announced, seconds
  #result = null;

  /**
   * @param {object} [options]
   * @param {() => number} [options.now] clock in milliseconds (performance.now by default)
   * @param {{name: string, seconds: number}[]} [options.beats] the plan: estimated seconds per beat
   * @param {boolean} [options.follow] move the current beat along with the plan while running
   * @param {{min: number, max: number}} options.target the call's target length, seconds (required)
   * @param {number} [options.countdownSeconds]
   * @param {(event: object) => void} [options.onEvent] told of every change (see the events below)
   */
  constructor({
    now = () => performance.now(),
    beats = [],
    follow = true,
    target,
    countdownSeconds = COUNTDOWN_SECONDS,
    onEvent = () => {},
  } = {}) {
    if (!Number.isFinite(target?.min) || !Number.isFinite(target?.max)) {
      throw new Error('PracticeTimer: the target ({ min, max } seconds, from the catalogue) is required');
    }
    this.#now = now;
    this.#onEvent = onEvent;
    this.#target = Object.freeze({ min: target.min, max: target.max });
    this.#countdownMs = Math.max(0, countdownSeconds) * 1000;
    this.#follow = Boolean(follow);
    this.#loadPlan(beats);
  }

  /** 'idle' | 'countdown' | 'running' | 'paused' | 'stopped'. */
  get state() {
    return this.#state;
  }

  /** Index of the current beat in the plan. */
  get beatIndex() {
    return this.#beat;
  }

  /** Whether the current beat follows the plan while running. */
  get follow() {
    return this.#follow;
  }

  /** The target in use, seconds. */
  get target() {
    return this.#target;
  }

  /** The plan, `[{ name, seconds }]` (a copy). */
  get beats() {
    return this.#plan.map((b) => ({ ...b }));
  }

  /** Replaces the plan and moves to its first beat. Only while idle or stopped: a run's beat times are per plan. */
  setPlan(beats) {
    if (this.#state !== 'idle' && this.#state !== 'stopped') {
      throw new Error(`PracticeTimer.setPlan: the plan can only change while the timer is idle or stopped (it is ${this.#state})`);
    }
    this.#loadPlan(beats);
    // The highlighted beat is a different one now, even when the index stays 0.
    if (this.#plan.length) this.#emit({ type: 'beat', index: 0, name: this.#plan[0].name, byHand: false });
  }

  /** Turns following the plan on or off; turned on mid-run it moves to the planned beat at once. */
  setFollow(follow) {
    const on = Boolean(follow);
    if (on === this.#follow) return;
    this.#follow = on;
    this.#emit({ type: 'follow', follow: on });
    if (on && this.#inRun()) this.#followTo(this.elapsedMs(), false);
  }

  /** Idle or stopped → countdown (a stopped run is cleared first); paused → resume; otherwise nothing. */
  start() {
    if (this.#state === 'paused') return this.resume();
    if (this.#state !== 'idle' && this.#state !== 'stopped') return;
    if (this.#state === 'stopped') this.#clear();
    this.#countdownStart = this.#now();
    this.#countdownShown = Infinity;
    this.#setState('countdown');
    if (this.#countdownMs <= 0) this.#startRunning();
    else this.#showCountdown();
  }

  /** Running → paused: the clock freezes. */
  pause() {
    if (this.#state !== 'running') return;
    const ms = this.elapsedMs();
    this.#update(ms); // so a band or beat crossed since the last tick is not lost
    this.#banked = ms;
    this.#setState('paused');
    this.#announce(`Paused at ${spokenTime(ms)}`);
  }

  /** Paused → running, straight away (no countdown). */
  resume() {
    if (this.#state !== 'paused') return;
    this.#runStart = this.#now();
    this.#setState('running');
    this.#announce(`Resumed at ${spokenTime(this.#banked)}`);
  }

  /** What Space does: start, cancel the countdown, pause or resume. */
  toggle() {
    switch (this.#state) {
      case 'idle':
      case 'stopped':
        return this.start();
      case 'countdown':
        return this.#setState('idle'); // nothing has been timed yet, so nothing to clear
      case 'running':
        return this.pause();
      case 'paused':
        return this.resume();
    }
  }

  /** Back to idle with the clock at 0 and the first beat current. The last result is kept. */
  reset() {
    this.#clear();
    this.#setState('idle');
    this.#announce('Reset');
  }

  /**
   * Running or paused → stopped. Returns the run, `{ duration_ms, beats: [{ name, ms }] }`, the
   * beats the user measured in plan order (see #buildResult); null from any other state.
   */
  stop() {
    if (!this.#inRun()) return null;
    const ms = this.elapsedMs();
    if (this.#state === 'running') this.#update(ms);
    this.#banked = ms;
    this.#credit(ms);
    if (this.#byPlan) this.#guessed.add(this.#beat);
    this.#result = this.#buildResult(ms);
    this.#setState('stopped');
    this.#announce(`Stopped at ${spokenTime(ms)} — ${this.#verdict(ms)}`);
    return this.#result;
  }

  /** The last stopped run (the object stop() returned), or null if none yet. */
  result() {
    return this.#result;
  }

  /** Moves to the next beat by hand. */
  next() {
    this.goTo(this.#beat + 1);
  }

  /** Moves to the previous beat by hand. */
  previous() {
    this.goTo(this.#beat - 1);
  }

  /**
   * Moves to beat `i` by hand (clamped to the plan). During a run this turns following off,
   * or the next tick would move the beat straight back.
   */
  goTo(i) {
    if (!this.#plan.length || !Number.isFinite(i)) return;
    const index = Math.min(this.#plan.length - 1, Math.max(0, Math.trunc(i)));
    if (index === this.#beat) return;
    if (this.#inRun()) {
      if (this.#follow) {
        this.#follow = false;
        this.#emit({ type: 'follow', follow: false });
      }
      this.#credit(this.elapsedMs());
      if (this.#byPlan) this.#guessed.add(this.#beat);
      this.#byPlan = false;
    }
    this.#setBeat(index, true);
  }

  /** Running time in ms, without the countdown or pauses. */
  elapsedMs() {
    if (this.#state === 'running') return Math.max(0, this.#banked + this.#now() - this.#runStart);
    if (this.#state === 'paused' || this.#state === 'stopped') return this.#banked;
    return 0;
  }

  /** During the countdown the number to show (3, 2, 1); 0 in any other state. */
  countdownRemaining() {
    if (this.#state !== 'countdown') return 0;
    const left = Math.ceil(this.#countdownLeft() / 1000);
    return Math.min(Math.ceil(this.#countdownMs / 1000), Math.max(1, left));
  }

  /** Advances the countdown and the running clock; the view calls it several times a second. Returns snapshot(). */
  tick() {
    if (this.#state === 'countdown') {
      if (this.#countdownLeft() <= 0) this.#startRunning();
      else this.#showCountdown();
    }
    if (this.#state === 'running') this.#update(this.elapsedMs());
    return this.snapshot();
  }

  /**
   * Everything the view draws. `progress` is elapsed over 1.25 × the target's max, clamped to
   * 0..1, so a 30–60 s target sits at 0.4–0.8 of the bar.
   */
  snapshot() {
    const elapsedMs = this.elapsedMs();
    const scale = this.#target.max * 1.25 * 1000;
    const progress = scale > 0 ? Math.min(1, Math.max(0, elapsedMs / scale)) : elapsedMs > 0 ? 1 : 0;
    return {
      state: this.#state,
      elapsedMs,
      // A stopped run reads as it is saved and reported, to the nearest second ("0:41").
      clock: formatClock(this.#state === 'stopped' ? Math.round(elapsedMs / 1000) * 1000 : elapsedMs),
      band: band(elapsedMs / 1000, this.#target),
      countdown: this.#state === 'countdown' ? this.countdownRemaining() : null,
      beatIndex: this.#beat,
      follow: this.#follow,
      progress,
    };
  }

  #loadPlan(beats) {
    if (!Array.isArray(beats)) throw new Error('PracticeTimer: the plan must be an array of { name, seconds }');
    this.#plan = beats.map((b) => ({
      name: String(b.name),
      // A missing or broken estimate only makes follow skip the beat; it must not poison the sums.
      seconds: Number.isFinite(b.seconds) && b.seconds > 0 ? b.seconds : 0,
    }));
    let end = 0;
    this.#ends = this.#plan.map((b) => (end += b.seconds * 1000));
    this.#beatMs = this.#plan.map(() => 0);
    this.#beat = 0;
    this.#beatMark = 0;
    this.#byPlan = false;
    this.#guessed = new Set();
  }

  /** Clears the run, keeping the plan, follow and the last result. */
  #clear() {
    this.#banked = 0;
    this.#runStart = 0;
    this.#band = 'under';
    this.#lastMark = 0;
    this.#beatMs = this.#plan.map(() => 0);
    this.#beatMark = 0;
    this.#byPlan = false;
    this.#guessed = new Set();
    if (this.#beat !== 0) this.#setBeat(0, false);
  }

  #inRun() {
    return this.#state === 'running' || this.#state === 'paused';
  }

  #countdownLeft() {
    return this.#countdownStart + this.#countdownMs - this.#now();
  }

  /** Emits the countdown number when it changes; a number a late tick skipped is not said. */
  #showCountdown() {
    const remaining = this.countdownRemaining();
    if (remaining >= this.#countdownShown) return;
    this.#countdownShown = remaining;
    this.#emit({ type: 'countdown', remaining });
    this.#announce(String(remaining));
  }

  #startRunning() {
    // Counted from when the countdown ended, not from this tick, so a late tick costs nothing.
    this.#runStart = this.#countdownStart + this.#countdownMs;
    this.#banked = 0;
    this.#beatMark = 0;
    this.#byPlan = false;
    this.#guessed = new Set();
    // Following starts at the top of the plan, whatever beat was highlighted while idle.
    if (this.#follow && this.#plan.length) {
      const first = plannedBeat(this.#ends, 0);
      if (first !== this.#beat) this.#setBeat(first, false);
    }
    this.#setState('running');
    this.#band = band(0, this.#target);
    this.#emit({ type: 'band', band: this.#band });
    this.#announce('Go');
  }

  /** Brings beat, band and the spoken time marks up to `ms` of running time. */
  #update(ms) {
    if (this.#follow) this.#followTo(ms, true);

    const now = band(ms / 1000, this.#target);
    const bandChanged = now !== this.#band;
    if (bandChanged) {
      const from = BANDS.indexOf(this.#band);
      const to = BANDS.indexOf(now);
      // A late tick that jumps from under to over still reports 'in' first: each crossing once.
      const crossed = to > from ? BANDS.slice(from + 1, to + 1) : [now];
      for (const b of crossed) {
        this.#band = b;
        this.#emit({ type: 'band', band: b });
      }
    }

    // Only the latest mark is said: after a long stall, one announcement rather than a burst.
    const mark = Math.floor(ms / 1000 / ANNOUNCE_EVERY) * ANNOUNCE_EVERY;
    const time = mark > this.#lastMark ? spokenTime(mark * 1000) : '';
    if (time) this.#lastMark = mark;
    const phrase = bandChanged ? this.#bandPhrase(now) : '';
    if (time && phrase) this.#announce(`${time} — ${phrase}`);
    else if (time) this.#announce(time);
    else if (phrase) this.#announce(phrase[0].toUpperCase() + phrase.slice(1));
  }

  /**
   * Moves the current beat to the planned one at `ms`. When the beat has been following all
   * along (`split`), time is split at the planned boundaries, so a late tick credits each beat
   * exactly its share; otherwise the whole stretch goes to the beat that was current.
   */
  #followTo(ms, split) {
    if (!this.#plan.length) return;
    const target = plannedBeat(this.#ends, ms);
    if (target === this.#beat) return;
    if (split && target > this.#beat) {
      let mark = this.#beatMark;
      for (let k = this.#beat; k < target; k++) {
        const end = Math.min(ms, Math.max(mark, this.#ends[k]));
        this.#beatMs[k] += end - mark;
        this.#guessed.add(k);
        mark = end;
      }
      this.#beatMark = mark;
    } else {
      this.#credit(ms);
      this.#guessed.add(this.#beat);
    }
    this.#byPlan = true;
    this.#setBeat(target, false);
  }

  /** Credits the current beat with the running time since it became current. */
  #credit(ms) {
    if (!this.#plan.length) return;
    this.#beatMs[this.#beat] += Math.max(0, ms - this.#beatMark);
    this.#beatMark = ms;
  }

  #setBeat(index, byHand) {
    this.#beat = index;
    this.#emit({ type: 'beat', index, name: this.#plan[index]?.name, byHand });
  }

  /**
   * The run: its duration, and the time of each beat the user measured — a beat they moved into
   * and out of themselves (→, a click, the start or the stop). A beat the plan moved the
   * highlight into or out of (Follow my pace) was not measured, only estimated, and is left out,
   * as is a beat never reached.
   */
  #buildResult(ms) {
    // Rounded on the running total, so the beats add up to exactly duration_ms.
    let sum = 0;
    let rounded = 0;
    const beats = this.#plan.map((b, i) => {
      sum += this.#beatMs[i];
      const upTo = Math.round(sum);
      const part = Object.freeze({ name: b.name, ms: upTo - rounded });
      rounded = upTo;
      return part;
    }).filter((b, i) => !this.#guessed.has(i) && this.#beatMs[i] > 0);
    return Object.freeze({ duration_ms: Math.round(ms), beats: Object.freeze(beats) });
  }

  #bandPhrase(b) {
    if (b === 'in') return 'in the target range';
    if (b === 'over') return `over ${this.#target.max} seconds`;
    return `under ${this.#target.min} seconds`;
  }

  #verdict(ms) {
    const b = band(ms / 1000, this.#target);
    if (b === 'in') return `inside the ${this.#target.min} to ${this.#target.max} second target`;
    return this.#bandPhrase(b);
  }

  #setState(state) {
    if (state === this.#state) return;
    this.#state = state;
    this.#emit({ type: 'state', state });
  }

  #announce(text) {
    this.#emit({ type: 'announce', text });
  }

  #emit(event) {
    this.#onEvent(event);
  }
}
