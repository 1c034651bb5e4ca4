import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FONT, bandLayout, bandLine, beatEstimate, beatLabel, clockFace, drillProgress, estimateLine, fontSize, keyAction, planFrom,
  reshuffle, runLine, runTime, runsScope, saveTarget, savedText, shuffle, startLabel, summaryLines,
} from '../../ui/js/practice-view.js';
import { catalog } from './fixtures.js';

const target = catalog.limits.call_seconds;

const estimate = {
  words: 98, seconds: 41.2, wpm: 150, target: [30, 60], band: 'in', warnings: [],
  beats: [
    { name: 'greeting', words: 29, seconds: 12.6, starts_at: 0, text: 'Hi' },
    { name: 'decision', words: 1, seconds: 1.4, starts_at: 12.6, text: 'No' },
  ],
};

test('estimate lines name the pace, the words and the band', () => {
  assert.equal(estimateLine(estimate), 'About 41 s at 150 words a minute (98 words) · inside the 30–60 s target');
  assert.equal(estimateLine({ ...estimate, seconds: 72.5, band: 'over' }), 'About 73 s at 150 words a minute (98 words) · over the 30–60 s target');
  assert.equal(beatEstimate(estimate.beats[0]), '12.6 s · 29 words');
  assert.equal(beatEstimate(estimate.beats[1]), '1.4 s · 1 word');
  assert.deepEqual(planFrom(estimate), [{ name: 'greeting', seconds: 12.6 }, { name: 'decision', seconds: 1.4 }]);
});

test('beat labels: known beats by the catalogue\'s name, numbered parts capitalised', () => {
  assert.equal(beatLabel('greeting', catalog), 'Greeting and thanks');
  assert.equal(beatLabel('goodwill', catalog), 'Goodwill close');
  assert.equal(beatLabel('part 2', catalog), 'Part 2');
  assert.equal(beatLabel('', catalog), '');
});

test('the band\'s line and layout follow the call\'s target', () => {
  assert.equal(bandLine({ state: 'idle' }, target), 'Target: 30–60 seconds');
  assert.equal(bandLine({ state: 'countdown' }, target), 'Get ready…');
  assert.equal(bandLine({ state: 'running', band: 'in' }, target), 'Inside the 30–60 s target');
  assert.equal(bandLine({ state: 'paused', band: 'over' }, [20, 40]), 'Over the 20–40 s target');
  assert.deepEqual(bandLayout(target), { left: 40, width: 40, ticks: [40, 80] }, 'the bar runs to 75 s');
  assert.deepEqual(bandLayout([20, 40]), { left: 40, width: 40, ticks: [40, 80] });
  assert.deepEqual(bandLayout([30, 90]), { left: 26.7, width: 53.3, ticks: [26.7, 80] });
});

test('runs read as m:ss with their band and per-beat seconds', () => {
  assert.equal(runTime(52_400), '0:52');
  assert.equal(runTime(59_600), '1:00');
  assert.equal(runTime(71_000), '1:11');
  const run = { duration_ms: 44_000, band: 'in', beats: [{ name: 'greeting', ms: 12_300 }, { name: 'reason', ms: 0 }, { name: 'goodwill', ms: 9_600 }] };
  assert.equal(runLine(run, catalog), '0:44 · inside the target · greeting and thanks 12 s, goodwill close 10 s');
  assert.equal(runLine({ duration_ms: 5_000, band: 'under', beats: [] }, catalog), '0:05 · under the target');
});

test('summary lines and the ready badge come from the backend summary', () => {
  assert.equal(summaryLines(null, target).last, '—');
  assert.equal(summaryLines({ count: 0 }, target).ready, false);
  assert.equal(summaryLines(null, [20, 40]).readyText, 'Two runs in a row inside 20–40 s and you are ready for the call.');
  const s = summaryLines({
    count: 3, ready: true,
    last: { duration_ms: 44_000, band: 'in' },
    best: { duration_ms: 41_000, band: 'in' },
  }, target);
  assert.equal(s.last, '0:44 (inside the target)');
  assert.equal(s.best, '0:41 (inside the target)');
  assert.equal(s.ready, true);
  assert.equal(s.readyText, 'Your last two runs were inside 30–60 s: you are ready for the call.');
  assert.equal(summaryLines({ count: 1, ready: false, last: { duration_ms: 80_000, band: 'over' }, best: { duration_ms: 80_000, band: 'over' } }, target).ready, false);
});

test('the saved-run notice says where the run went', () => {
  assert.equal(savedText({ opportunity_id: 4, run: { duration_ms: 42_000, band: 'in' } }, target), 'Saved the run (0:42, inside the 30–60 s target) to History.');
  assert.equal(savedText({ opportunity_id: null, run: { duration_ms: 3_000, band: 'under' } }, target), 'Kept the run (0:03, under the 30–60 s target) apart from History: a pasted script is not linked to anything in History.');
  assert.match(savedText({ opportunity_id: null, run: { duration_ms: 3_000, band: 'under' } }, target, 'its History entry is in the trash'), /apart from History: its History entry is in the trash\.$/);
});

test('shuffle keeps every prompt once and follows the random source', () => {
  const list = ['a', 'b', 'c', 'd', 'e'];
  const seq = [0.9, 0.1, 0.5, 0.3];
  let i = 0;
  const out = shuffle(list, () => seq[i++ % seq.length]);
  assert.deepEqual([...out].sort(), list, 'a permutation');
  assert.notDeepEqual(out, list, 'this sequence moves something');
  assert.deepEqual(list, ['a', 'b', 'c', 'd', 'e'], 'the input is untouched');
  assert.deepEqual(shuffle(list, () => 0.999999), list.slice(0, 0).concat(list), 'j = i each time keeps the order');
  assert.equal(drillProgress(1, 7), 'Question 2 of 7');
  assert.equal(drillProgress(9, 7), 'Question 7 of 7');
});

test('font size steps and stays inside its bounds', () => {
  assert.equal(fontSize(FONT.default, 1), FONT.default + FONT.step);
  assert.equal(fontSize(FONT.max, 1), FONT.max);
  assert.equal(fontSize(FONT.min, -1), FONT.min);
  assert.equal(fontSize(Number.NaN, 0), FONT.default);
});

test('keys: Space toggles except on buttons, R resets, arrows move beats, typing is never taken over', () => {
  const on = (tagName, key, extra = {}) => keyAction({ key, target: { tagName }, ...extra });
  assert.equal(on('BODY', ' '), 'toggle');
  assert.equal(on('DIV', ' '), 'toggle');
  assert.equal(on('BUTTON', ' '), null, 'the button handles its own Space');
  assert.equal(on('DIV', 'r'), 'reset');
  assert.equal(on('BUTTON', 'R'), 'reset');
  assert.equal(on('DIV', 'ArrowRight'), 'next');
  assert.equal(on('DIV', 'ArrowDown'), null, 'up and down keep scrolling the page');
  assert.equal(on('DIV', 'ArrowUp'), null);
  assert.equal(on('DIV', 'ArrowLeft'), 'previous');
  assert.equal(on('DIV', '+'), 'bigger');
  assert.equal(on('DIV', '-'), 'smaller');
  for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) {
    assert.equal(on(tag, ' '), null, tag);
    assert.equal(on(tag, 'r'), null, tag);
    assert.equal(on(tag, 'ArrowLeft'), null, tag);
  }
  assert.equal(keyAction({ key: 'r', target: { tagName: 'DIV', isContentEditable: true } }), null);
  assert.equal(on('DIV', 'r', { ctrlKey: true }), null, 'Ctrl+R is not ours');
  assert.equal(on('DIV', 'ArrowRight', { altKey: true }), null);
  assert.equal(on('DIV', 'x'), null);
});

test('the clock shows the countdown number, then the running time; the start button names the next step', () => {
  assert.equal(clockFace({ state: 'countdown', countdown: 2, clock: '00:00' }), '2');
  assert.equal(clockFace({ state: 'running', countdown: null, clock: '00:42' }), '00:42');
  assert.equal(clockFace({ state: 'idle', elapsedMs: 0 }), '00:00');
  assert.deepEqual(['idle', 'countdown', 'running', 'paused', 'stopped'].map(startLabel), ['Start', 'Cancel', 'Pause', 'Resume', 'Start again']);
});

test('runs go to the shared opportunity, a new one for an unsaved Compose script, or nowhere for a paste', () => {
  const situation = { company: 'Acme' };
  const theCase = { opportunityId: null };
  const composed = { situation, case: theCase };
  assert.deepEqual(saveTarget(composed), { situation, opportunityId: null }, 'the first save creates the opportunity');
  theCase.opportunityId = 7; // Compose (or Decide, or the first run) saved it
  assert.deepEqual(saveTarget(composed), { situation: null, opportunityId: 7 }, 'later saves go to the same place');
  assert.deepEqual(saveTarget({ situation, case: null }), { situation: null, opportunityId: null }, 'a paste stays unlinked');
  assert.deepEqual(saveTarget(null), { situation: null, opportunityId: null });
  assert.deepEqual(runsScope({ case: { opportunityId: null } }), { empty: true }, 'an unsaved script has no runs yet');
  assert.deepEqual(runsScope({ case: { opportunityId: 7 } }), { opportunityId: 7 });
  assert.deepEqual(runsScope({ case: null }), { unlinked: true });
});

test('reshuffling never repeats the question just asked', () => {
  const prompts = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  for (const r of [0, 0.2, 0.5, 0.9, 0.999]) {
    const out = reshuffle(prompts, 'c', () => r);
    assert.notEqual(out[0].id, 'c', `random ${r}`);
    assert.deepEqual(out.map((p) => p.id).sort(), ['a', 'b', 'c']);
  }
});
