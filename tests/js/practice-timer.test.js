import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COUNTDOWN_SECONDS,
  PracticeTimer,
} from '../../ui/js/practice-timer.js';
import { band, formatClock, spokenTime } from '../../ui/js/practice-time.js';
import { callTarget } from '../../ui/js/catalog.js';
import { catalog } from './fixtures.js';

/** The call's target as the app passes it: the catalogue's `limits.call_seconds`. */
const TARGET = callTarget(catalog.limits);

// Planned beat ends: 5 s, 15 s, 30 s, 40 s.
const PLAN = [
  { name: 'greeting', seconds: 5 },
  { name: 'decision', seconds: 10 },
  { name: 'reason', seconds: 15 },
  { name: 'goodwill', seconds: 10 },
];

/** A timer on a fake clock that only moves when the test says so, recording every event. */
function setup(options = {}) {
  let t = 10_000; // not 0, so a start time mistaken for 0 shows up
  const events = [];
  const clock = { now: () => t, advance: (ms) => { t += ms; } };
  const timer = new PracticeTimer({ now: clock.now, beats: PLAN, target: TARGET, onEvent: (e) => events.push(e), ...options });
  const of = (type) => events.filter((e) => e.type === type);
  return { clock, events, timer, of, said: () => of('announce').map((e) => e.text) };
}

/** Advances the clock by `ms`, ticking every `step` ms as the view would. */
function run(s, ms, step = 100) {
  for (let done = 0; done < ms; done += step) {
    s.clock.advance(Math.min(step, ms - done));
    s.timer.tick();
  }
}

/** start(), then the countdown, ticked on time. */
function startRunning(s) {
  s.timer.start();
  run(s, COUNTDOWN_SECONDS * 1000);
  assert.equal(s.timer.state, 'running');
}

test('the clock reads mm:ss, floored, and never goes negative', () => {
  assert.equal(formatClock(0), '00:00');
  assert.equal(formatClock(999), '00:00');
  assert.equal(formatClock(1000), '00:01');
  assert.equal(formatClock(59_999), '00:59');
  assert.equal(formatClock(61_900), '01:01');
  assert.equal(formatClock(100 * 60_000), '100:00');
  assert.equal(formatClock(-5), '00:00');
  assert.equal(formatClock(NaN), '00:00');
  assert.equal(formatClock(Infinity), '00:00');
});

test('spoken times use words and singulars', () => {
  assert.equal(spokenTime(0), '0 seconds');
  assert.equal(spokenTime(999), '0 seconds');
  assert.equal(spokenTime(1000), '1 second');
  assert.equal(spokenTime(45_900), '45 seconds');
  assert.equal(spokenTime(60_000), '1 minute');
  assert.equal(spokenTime(61_000), '1 minute 1 second');
  assert.equal(spokenTime(65_000), '1 minute 5 seconds');
  assert.equal(spokenTime(120_000), '2 minutes');
  assert.equal(spokenTime(125_000), '2 minutes 5 seconds');
  assert.equal(spokenTime(-1), '0 seconds');
  assert.equal(spokenTime(NaN), '0 seconds');
});

test('bands include both ends of the target', () => {
  assert.deepEqual(TARGET, { min: 30, max: 60 }, 'the catalogue\'s 30–60 s');
  assert.ok(Object.isFrozen(TARGET));
  assert.equal(COUNTDOWN_SECONDS, 3);
  assert.equal(band(0, TARGET), 'under');
  assert.equal(band(29.999, TARGET), 'under');
  assert.equal(band(30, TARGET), 'in');
  assert.equal(band(45, TARGET), 'in');
  assert.equal(band(60, TARGET), 'in');
  assert.equal(band(60.001, TARGET), 'over');
  assert.equal(band(NaN, TARGET), 'under');
  assert.equal(band(10, { min: 10, max: 20 }), 'in');
  assert.equal(band(21, { min: 10, max: 20 }), 'over');
});

test('the timer needs the call\'s target', () => {
  assert.throws(() => new PracticeTimer({ now: () => 0 }), /target/);
});

test('start counts down 3, 2, 1, then runs from the exact end of the countdown', () => {
  const s = setup();
  assert.equal(s.timer.state, 'idle');
  s.timer.start();
  assert.equal(s.timer.state, 'countdown');
  assert.deepEqual(s.events.slice(0, 3), [
    { type: 'state', state: 'countdown' },
    { type: 'countdown', remaining: 3 },
    { type: 'announce', text: '3' },
  ]);
  assert.equal(s.timer.countdownRemaining(), 3);
  s.clock.advance(999);
  assert.equal(s.timer.tick().countdown, 3);
  s.clock.advance(1);
  s.timer.tick();
  assert.equal(s.timer.countdownRemaining(), 2);
  s.clock.advance(1000);
  s.timer.tick();
  assert.equal(s.timer.countdownRemaining(), 1);
  s.clock.advance(999);
  s.timer.tick();
  assert.equal(s.timer.state, 'countdown');
  assert.equal(s.timer.elapsedMs(), 0, 'the countdown is not running time');
  s.clock.advance(251); // this tick comes 250 ms after the countdown ended
  s.timer.tick();
  assert.equal(s.timer.state, 'running');
  assert.equal(s.timer.elapsedMs(), 250, 'the late tick does not move the start');
  assert.equal(s.timer.countdownRemaining(), 0);
  assert.equal(s.timer.snapshot().countdown, null);
  s.clock.advance(1000);
  assert.equal(s.timer.elapsedMs(), 1250);
  assert.deepEqual(s.of('countdown').map((e) => e.remaining), [3, 2, 1]);
  assert.deepEqual(s.of('state').map((e) => e.state), ['countdown', 'running']);
  s.timer.start();
  assert.equal(s.timer.state, 'running', 'start while running does nothing');
  assert.equal(s.of('state').length, 2);
});

test('a single very late tick still starts the run at the end of the countdown', () => {
  const s = setup();
  s.timer.start();
  s.clock.advance(5000);
  s.timer.tick();
  assert.equal(s.timer.state, 'running');
  assert.equal(s.timer.elapsedMs(), 2000);
  assert.deepEqual(s.of('countdown').map((e) => e.remaining), [3], 'skipped numbers are not said late');
});

test('paused time is not counted', () => {
  const s = setup();
  s.timer.pause();
  assert.equal(s.timer.state, 'idle', 'nothing to pause while idle');
  startRunning(s);
  run(s, 10_000);
  s.timer.pause();
  assert.equal(s.timer.state, 'paused');
  assert.equal(s.timer.elapsedMs(), 10_000);
  run(s, 30_000);
  assert.equal(s.timer.elapsedMs(), 10_000, 'frozen while paused');
  assert.equal(s.timer.snapshot().band, 'under', 'a long pause does not push the band');
  s.timer.resume();
  assert.equal(s.timer.state, 'running');
  assert.deepEqual(s.of('countdown').map((e) => e.remaining), [3, 2, 1], 'no countdown on resume');
  run(s, 5000);
  assert.equal(s.timer.elapsedMs(), 15_000);
  assert.equal(s.timer.snapshot().clock, '00:15');
  s.timer.pause();
  run(s, 1000);
  s.timer.start(); // start on a paused run resumes it
  assert.equal(s.timer.state, 'running');
  run(s, 500);
  assert.equal(s.timer.elapsedMs(), 15_500);
  assert.deepEqual(s.of('state').map((e) => e.state), ['countdown', 'running', 'paused', 'running', 'paused', 'running']);
});

test('reset clears the clock, the beat and the beat times', () => {
  const s = setup();
  startRunning(s);
  run(s, 20_000);
  assert.equal(s.timer.beatIndex, 2);
  s.timer.reset();
  assert.equal(s.timer.state, 'idle');
  assert.equal(s.timer.elapsedMs(), 0);
  assert.equal(s.timer.beatIndex, 0);
  assert.deepEqual(s.events.at(-1), { type: 'announce', text: 'Reset' });
  assert.deepEqual(s.timer.snapshot(), {
    state: 'idle', elapsedMs: 0, clock: '00:00', band: 'under', countdown: null, beatIndex: 0, follow: true, progress: 0,
  });
  startRunning(s);
  run(s, 3000);
  const r = s.timer.stop();
  assert.deepEqual(r.beats, [{ name: 'greeting', ms: 3000 }], 'the first run left nothing behind');
  assert.equal(r.duration_ms, 3000);

  s.timer.start();
  s.timer.reset(); // from the countdown too
  assert.equal(s.timer.state, 'idle');
  run(s, 5000);
  assert.equal(s.timer.state, 'idle', 'the cancelled countdown does not start a run later');
});

test('stop reports the run; beats the plan moved through were estimated, not measured, and are left out', () => {
  const s = setup();
  assert.equal(s.timer.stop(), null, 'nothing to stop while idle');
  startRunning(s);
  run(s, 45_000);
  assert.equal(s.timer.beatIndex, 3, 'past the plan the last beat stays current');
  const r = s.timer.stop();
  assert.deepEqual(r, { duration_ms: 45_000, beats: [] }, 'every beat change was the plan’s: none was measured');
  assert.equal(s.timer.state, 'stopped');
  assert.equal(s.timer.result(), r);
  assert.equal(s.timer.elapsedMs(), 45_000, 'the stopped clock shows the final time');
  assert.equal(s.timer.stop(), null, 'stopping twice gives nothing');
  assert.equal(s.timer.result(), r);
  assert.deepEqual(s.of('beat'), [
    { type: 'beat', index: 1, name: 'decision', byHand: false },
    { type: 'beat', index: 2, name: 'reason', byHand: false },
    { type: 'beat', index: 3, name: 'goodwill', byHand: false },
  ]);
});

test('a late tick splits the beat times at the planned boundaries', () => {
  const s = setup();
  startRunning(s);
  s.clock.advance(32_000);
  s.timer.tick();
  assert.equal(s.timer.beatIndex, 3);
  assert.deepEqual(s.timer.stop().beats, [], 'the planned boundaries are estimates');
  assert.equal(s.of('beat').length, 1, 'one change reported, not one per skipped beat');
});

test('moving by hand while running turns follow off and times the beats by hand', () => {
  const s = setup();
  startRunning(s);
  run(s, 2000);
  s.timer.next();
  assert.equal(s.timer.follow, false);
  assert.equal(s.timer.beatIndex, 1);
  assert.deepEqual(s.events.slice(-2), [
    { type: 'follow', follow: false },
    { type: 'beat', index: 1, name: 'decision', byHand: true },
  ]);
  run(s, 20_000);
  assert.equal(s.timer.beatIndex, 1, 'the plan no longer moves the beat');
  s.timer.previous();
  run(s, 1000);
  s.timer.goTo(1); // decision again: its times add up
  run(s, 4000);
  s.timer.goTo(99);
  assert.equal(s.timer.beatIndex, 3, 'clamped to the last beat');
  run(s, 500);
  s.timer.goTo(-5);
  assert.equal(s.timer.beatIndex, 0, 'clamped to the first beat');
  s.timer.previous();
  assert.equal(s.timer.beatIndex, 0);
  const r = s.timer.stop();
  assert.deepEqual(r.beats, [
    { name: 'greeting', ms: 3000 },
    { name: 'decision', ms: 24_000 },
    { name: 'goodwill', ms: 500 },
  ], 'every beat measured by hand; the one never reached is left out');
  assert.equal(r.duration_ms, 27_500);
  assert.deepEqual(s.of('follow'), [{ type: 'follow', follow: false }], 'follow turned off once');
});

test('turning follow back on mid-run jumps to the planned beat', () => {
  const s = setup();
  startRunning(s);
  run(s, 2000);
  s.timer.goTo(3);
  run(s, 4000);
  s.timer.setFollow(true);
  assert.equal(s.timer.beatIndex, 1, 'at 6 s the plan says decision');
  assert.deepEqual(s.events.slice(-2), [
    { type: 'follow', follow: true },
    { type: 'beat', index: 1, name: 'decision', byHand: false },
  ]);
  run(s, 10_000);
  assert.equal(s.timer.beatIndex, 2);
  assert.deepEqual(s.timer.stop().beats, [{ name: 'greeting', ms: 2000 }],
    'only the beat measured by hand: the others were left or reached by following the plan');
});

test('moving by hand while idle only changes the highlighted beat', () => {
  const s = setup();
  s.timer.next();
  s.timer.next();
  assert.equal(s.timer.beatIndex, 2);
  assert.equal(s.timer.follow, true);
  assert.deepEqual(s.of('follow'), []);
  startRunning(s);
  assert.equal(s.timer.beatIndex, 0, 'following starts at the top of the plan');

  const t = setup();
  t.timer.setFollow(false);
  t.timer.goTo(2);
  startRunning(t);
  run(t, 3000);
  assert.deepEqual(t.timer.stop().beats, [{ name: 'reason', ms: 3000 }], 'without follow the run starts on the chosen beat');
});

test('bands are reported once each as the run crosses 30 s and then 60 s', () => {
  const s = setup();
  startRunning(s);
  assert.deepEqual(s.of('band').map((e) => e.band), ['under'], 'under once when running starts');
  run(s, 29_900);
  assert.equal(s.of('band').length, 1);
  run(s, 100);
  assert.equal(s.timer.elapsedMs(), 30_000);
  assert.deepEqual(s.of('band').map((e) => e.band), ['under', 'in'], 'exactly 30 s is in');
  run(s, 30_000);
  assert.equal(s.of('band').length, 2, 'exactly 60 s is still in');
  run(s, 100);
  assert.deepEqual(s.of('band').map((e) => e.band), ['under', 'in', 'over']);
  run(s, 9_900);
  assert.equal(s.of('band').length, 3);

  const late = setup();
  startRunning(late);
  late.clock.advance(70_000);
  late.timer.tick();
  late.timer.tick();
  assert.deepEqual(late.of('band').map((e) => e.band), ['under', 'in', 'over'], 'a jump still reports each crossing once');
  assert.deepEqual(late.said().slice(4), ['1 minute — over 60 seconds'], 'but says only where it landed');
});

test('a 70 s run ticked every 100 ms says only the countdown, Go, each 15 s and the band changes', () => {
  const s = setup();
  s.timer.start();
  run(s, 73_000);
  for (let i = 0; i < 50; i++) s.timer.tick(); // many ticks at one moment repeat nothing
  assert.deepEqual(s.said(), [
    '3', '2', '1', 'Go',
    '15 seconds',
    '30 seconds — in the target range',
    '45 seconds',
    '1 minute',
    'Over 60 seconds',
  ]);
  s.timer.stop();
  assert.equal(s.said().length, 10);
  assert.equal(s.said().at(-1), 'Stopped at 1 minute 10 seconds — over 60 seconds');
});

test('pause, resume, stop and reset are announced with the time and the verdict', () => {
  const s = setup();
  startRunning(s);
  run(s, 42_000);
  s.timer.pause();
  assert.equal(s.said().at(-1), 'Paused at 42 seconds');
  run(s, 20_000);
  s.timer.resume();
  assert.equal(s.said().at(-1), 'Resumed at 42 seconds');
  run(s, 10_900);
  s.timer.stop();
  assert.equal(s.said().at(-1), 'Stopped at 52 seconds — inside the 30 to 60 second target');
  assert.deepEqual(s.said().slice(4), [
    '15 seconds', '30 seconds — in the target range', 'Paused at 42 seconds', 'Resumed at 42 seconds',
    '45 seconds', 'Stopped at 52 seconds — inside the 30 to 60 second target',
  ], 'the 30 s mark is said once, and nothing while paused');

  const short = setup();
  startRunning(short);
  run(short, 20_000);
  short.timer.stop();
  assert.equal(short.said().at(-1), 'Stopped at 20 seconds — under 30 seconds');

  const custom = setup({ target: { min: 10, max: 20 } });
  startRunning(custom);
  run(custom, 12_000);
  custom.timer.stop();
  assert.deepEqual(custom.said().slice(4), ['In the target range', 'Stopped at 12 seconds — inside the 10 to 20 second target']);
});

test('toggle starts, cancels, pauses and resumes', () => {
  const s = setup();
  s.timer.toggle();
  assert.equal(s.timer.state, 'countdown', 'idle → countdown');
  s.timer.toggle();
  assert.equal(s.timer.state, 'idle', 'countdown → idle');
  run(s, 5000);
  assert.equal(s.timer.state, 'idle');
  assert.equal(s.timer.elapsedMs(), 0);
  s.timer.toggle();
  run(s, 3000);
  assert.equal(s.timer.state, 'running');
  run(s, 20_000);
  s.timer.toggle();
  assert.equal(s.timer.state, 'paused', 'running → paused');
  run(s, 5000);
  s.timer.toggle();
  assert.equal(s.timer.state, 'running', 'paused → running');
  run(s, 1000);
  assert.equal(s.timer.elapsedMs(), 21_000);
  const r = s.timer.stop();
  s.timer.toggle();
  assert.equal(s.timer.state, 'countdown', 'stopped → countdown');
  assert.equal(s.timer.elapsedMs(), 0, 'the stopped run was cleared');
  assert.equal(s.timer.beatIndex, 0);
  assert.equal(s.timer.result(), r, 'the last result stays until the next stop');
  run(s, 3000);
  run(s, 1000);
  assert.deepEqual(s.timer.stop().beats, [{ name: 'greeting', ms: 1000 }]);
  assert.deepEqual(s.of('state').map((e) => e.state), [
    'countdown', 'idle', 'countdown', 'running', 'paused', 'running', 'stopped', 'countdown', 'running', 'stopped',
  ]);
});

test('the plan changes only while idle or stopped', () => {
  const s = setup();
  s.timer.goTo(2);
  s.timer.setPlan([{ name: 'part 1', seconds: 4 }, { name: 'part 2', seconds: 6 }]);
  assert.equal(s.timer.beatIndex, 0, 'a new plan starts at its first beat');
  assert.deepEqual(s.events.at(-1), { type: 'beat', index: 0, name: 'part 1', byHand: false });
  const refused = { message: /the plan can only change while the timer is idle or stopped/ };
  s.timer.start();
  assert.throws(() => s.timer.setPlan(PLAN), { message: /\(it is countdown\)/ });
  run(s, 3000);
  assert.throws(() => s.timer.setPlan(PLAN), refused);
  assert.throws(() => s.timer.setPlan(PLAN), { message: /\(it is running\)/ });
  s.timer.pause();
  assert.throws(() => s.timer.setPlan(PLAN), refused);
  assert.deepEqual(s.timer.beats.map((b) => b.name), ['part 1', 'part 2'], 'a refused plan is not applied');
  s.timer.resume();
  run(s, 5000);
  const r = s.timer.stop();
  assert.equal(r.duration_ms, 5000, 'the new plan timed the run');
  assert.deepEqual(r.beats, [], 'followed along the plan: no beat was measured');
  s.timer.setPlan(PLAN);
  assert.equal(s.timer.beats.length, 4);
  assert.throws(() => s.timer.setPlan('greeting'), /must be an array/);
});

test('the snapshot scales progress so the target sits at 0.4–0.8 of the bar', () => {
  const s = setup();
  startRunning(s);
  run(s, 30_000);
  assert.equal(s.timer.snapshot().progress, 0.4);
  run(s, 7_500);
  assert.deepEqual(s.timer.tick(), {
    state: 'running', elapsedMs: 37_500, clock: '00:37', band: 'in', countdown: null, beatIndex: 3, follow: true, progress: 0.5,
  });
  run(s, 22_500);
  assert.equal(s.timer.snapshot().progress, 0.8);
  run(s, 40_000);
  assert.equal(s.timer.snapshot().progress, 1, 'clamped');
  assert.equal(s.timer.snapshot().band, 'over');
});

test('beat times are rounded so they add up to the duration', () => {
  const s = setup({ follow: false, beats: [{ name: 'a', seconds: 1 }, { name: 'b', seconds: 1 }] });
  startRunning(s);
  s.clock.advance(1000.4);
  s.timer.next();
  s.clock.advance(1000.4);
  const r = s.timer.stop();
  assert.equal(r.duration_ms, 2001);
  assert.deepEqual(r.beats, [{ name: 'a', ms: 1000 }, { name: 'b', ms: 1001 }]);
  assert.ok(Object.isFrozen(r), 'result() hands out the same object, so it cannot be changed');
});

test('a timer with no plan still times the call', () => {
  const s = setup({ beats: [], countdownSeconds: 0 });
  s.timer.start();
  assert.equal(s.timer.state, 'running', 'no countdown to wait for');
  s.timer.next();
  assert.equal(s.timer.beatIndex, 0);
  run(s, 2000);
  assert.deepEqual(s.timer.stop(), { duration_ms: 2000, beats: [] });
});

test('a stopped run reads as it is saved: to the nearest second, like the notice and History', () => {
  const s = setup({ follow: false });
  startRunning(s);
  s.clock.advance(40_600);
  s.timer.tick();
  assert.equal(s.timer.snapshot().clock, '00:40', 'a running clock shows whole seconds gone');
  const r = s.timer.stop();
  assert.equal(r.duration_ms, 40_600);
  assert.equal(s.timer.snapshot().clock, '00:41', 'stopped: 0:41, as runTime and History round it');
});
