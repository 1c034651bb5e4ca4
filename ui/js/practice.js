// The Practise screen: the phone script as a teleprompter, the rehearsal timer against the
// catalogue's target, the runs kept in History and (practice-drill.js) the pushback drill. The
// estimate, the drill and the runs come from the backend; the timer is practice-timer.js; this
// module only draws.
import * as api from './api.js';
import { describeFailure } from './errors.js';
import { say as sayHere } from './feedback.js';
import { callTarget, catalog, pace } from './catalog.js';
import { $, el } from './dom.js';
import { initDrill } from './practice-drill.js';
import { PracticeTimer } from './practice-timer.js';
import {
  FONT, bandLayout, bandLine, beatEstimate, beatLabel, clockFace, estimateLine, fontSize, keyAction, planFrom, runLine,
  runTime, runsScope, saveTarget, savedText, startLabel, summaryLines,
} from './practice-view.js';
import { activeCase, carriedDecision, carriedScript, remember } from './store.js';

const TICK_MS = 100;
const RUNNING = new Set(['countdown', 'running', 'paused']);

/** Wires the screen; returns it, with `load()` for when it is shown. */
export function initPractice(options) {
  return new PracticeScreen(options);
}

/**
 * The screen's state: `source`, the script being practised — `{ text, situation, scenario,
 * formality, case }` where `case` is the one Compose drafts for (null for a pasted script: its
 * runs are kept unlinked) — and `estimate`, the backend's timing of it.
 */
class PracticeScreen {
  constructor({ showError, showNotice, openInHistory }) {
    Object.assign(this, { showError, showNotice });
    this.source = null;
    this.carriedFrom = undefined;
    this.estimate = null;
    this.estimateSeq = 0;
    this.used = new Set(); // scripts practised here, to tell them from the user's unused paste
    const target = catalog().limits.call_seconds;
    this.timer = new PracticeTimer({ target: callTarget(catalog().limits), onEvent: (event) => this.onEvent(event) });
    this.prompter = initPrompter(this.timer);
    this.clock = initClock(this.timer, target);
    this.drill = initDrill({ showError });
    const at = $('#practice-feedback');
    const say = (text, label, action) => showNotice(text, label, action, { at });
    this.say = say;
    const failed = (error, what, retry) => sayHere(describeFailure(error, what), { at, error: true, ...retry });
    this.runs = initRuns({ target, failed, showNotice: say, openInHistory, isShown: (of) => this.source === of });
    this.wire();
  }

  wire() {
    const wpm = $('#practice-wpm');
    const { min, max, default: usual } = pace(catalog().limits);
    Object.assign(wpm, { min: String(min), max: String(max), value: String(usual) });
    $('#practice-wpm-out').textContent = wpm.value;
    wpm.addEventListener('input', () => this.reestimate());
    $('#practice-start').addEventListener('click', () => this.perform('toggle'));
    $('#practice-stop').addEventListener('click', () => this.stopAndSave());
    const buttons = [
      [$('#practice-reset'), 'reset'], [$('#practice-next'), 'next'], [$('#practice-prev'), 'previous'],
      [$('#practice-bigger'), 'bigger'], [$('#practice-smaller'), 'smaller'],
    ];
    for (const [button, action] of buttons) button.addEventListener('click', () => this.perform(action));
    $('#practice-follow').addEventListener('change', (event) => this.timer.setFollow(event.target.checked));
    $('#practice-use').addEventListener('click', () => this.usePaste());
    const screen = $('[data-screen="practice"]');
    document.addEventListener('keydown', (event) => {
      if (screen.hidden || event.repeat) return;
      const action = keyAction(event);
      if (action && this.perform(action)) event.preventDefault();
    });
  }

  onEvent(event) {
    if (event.type === 'announce') $('#practice-live').textContent = event.text;
    else if (event.type === 'beat') this.prompter.markBeat(event.index);
    else if (event.type === 'follow') $('#practice-follow').checked = event.follow;
    else if (event.type === 'state') {
      $('#practice-wpm').disabled = RUNNING.has(event.state);
      $('#practice-use').disabled = RUNNING.has(event.state);
      this.clock.drawState(event.state);
    }
  }

  renderScript() {
    const { estimate } = this;
    $('#practice-empty').hidden = Boolean(estimate);
    // Beats and text size mean nothing without a script.
    $('.prompter-tools').hidden = !estimate;
    this.prompter.render(estimate);
    $('#practice-estimate').textContent = estimate ? estimateLine(estimate) : '—';
    $('#practice-warnings').replaceChildren(...(estimate?.warnings ?? []).map((w) => el('li', w, 'warning')));
  }

  /** Times `next` and makes it the script; false (with the problem shown) when it cannot be. */
  async useScript(next) {
    const mine = ++this.estimateSeq;
    try {
      const result = await api.practiceEstimate(next.text, Number($('#practice-wpm').value));
      if (mine !== this.estimateSeq) return false;
      this.source = next;
      this.sourceCase = activeCase();
      this.used.add(next.text);
      this.estimate = result;
      this.timer.reset();
      this.timer.setPlan(planFrom(result));
      $('#practice-problem').hidden = true;
      this.renderScript();
      this.clock.draw();
      await Promise.all([this.runs.load(next), this.drill.load(next)]);
      return true;
    } catch (error) {
      if (mine !== this.estimateSeq) return false;
      if (error.code === 'invalid_input') {
        $('#practice-problem').textContent = error.message;
        $('#practice-problem').hidden = false;
        $('#practice-paste').open = true;
      } else {
        this.showError(error, 'time the script');
      }
      return false;
    }
  }

  /** The pace changed: times the same script again (the plan changes only between runs). */
  async reestimate() {
    const wpm = $('#practice-wpm').value;
    $('#practice-wpm-out').textContent = wpm;
    const of = this.source;
    if (!of) return;
    const mine = ++this.estimateSeq;
    try {
      const result = await api.practiceEstimate(of.text, Number(wpm));
      if (mine !== this.estimateSeq || this.source !== of) return;
      this.estimate = result;
      if (!RUNNING.has(this.timer.state)) this.timer.setPlan(planFrom(result));
      this.renderScript();
    } catch (error) {
      if (mine === this.estimateSeq) this.showError(error, 'time the script');
    }
  }

  async stopAndSave() {
    const run = this.timer.stop();
    if (!run) return;
    $('#practice-start').focus(); // the Stop button is now disabled; keep focus on the controls
    this.drill.show();
    await this.runs.save(run, this.source);
  }

  /** R: back to the start. A run in progress is not lost without a way back. */
  reset() {
    const { timer } = this;
    const running = timer.state === 'running' || timer.state === 'paused';
    const run = running ? timer.stop() : null;
    timer.reset();
    this.clock.draw();
    if (run && run.duration_ms >= 1000) {
      const of = this.source;
      this.say(`Reset: the ${runTime(run.duration_ms)} run was not saved.`, 'Save it', () => this.runs.save(run, of));
    }
  }

  /** A button or key's action; false when there is nothing to do it to. */
  perform(action) {
    const { timer } = this;
    switch (action) {
      case 'toggle':
        if (!this.estimate) return false;
        timer.toggle();
        return true;
      case 'reset': this.reset(); return true;
      case 'next': timer.next(); return true;
      case 'previous': timer.previous(); return true;
      case 'bigger': this.prompter.resize(1); return true;
      case 'smaller': this.prompter.resize(-1); return true;
      default: return false;
    }
  }

  /** Before switching scripts: a run in progress is stopped and saved first. */
  async finishRun() {
    const { state } = this.timer;
    if (state === 'running' || state === 'paused') await this.stopAndSave();
    else if (state === 'countdown') this.timer.reset();
  }

  async usePaste() {
    const { source } = this;
    const decision = carriedDecision();
    // The drill still answers for the Situation, but a pasted script is not the one saved in
    // History, so its runs are kept unlinked (no case).
    const next = {
      text: $('#practice-script').value,
      situation: source?.situation ?? decision?.situation ?? null,
      scenario: source?.scenario ?? decision?.advice?.scenario ?? null,
      formality: source?.formality ?? null,
      case: null,
    };
    if (await this.useScript(next)) {
      $('#practice-origin').textContent = 'Practising a pasted script. Its runs are kept apart from History entries.';
      this.say('Practising the pasted script.');
    }
  }

  /** Takes the script Compose handed over, keeping a pasted text that was never practised. */
  async takeOver(carried) {
    this.carriedFrom = carried;
    await this.finishRun();
    const paste = $('#practice-script');
    const typed = paste.value;
    if (!(await this.useScript(carried))) return;
    // Text typed into the paste box but never practised is not lost silently.
    const unused = typed.trim() !== '' && !this.used.has(typed);
    paste.value = carried.text;
    if (unused) this.say('The pasted text was replaced by the script from Compose.', 'Undo', () => { paste.value = typed; });
    const company = carried.situation?.company;
    $('#practice-origin').textContent = company
      ? `Practising your phone script for ${company} from Compose. Runs are saved with it in History.`
      : 'Practising your phone script from Compose.';
  }

  /** Forgets the script of an earlier case (a run in progress is saved first). */
  async forget() {
    await this.finishRun();
    // The paste box held that case's script (put there when it was taken): empty it too; a
    // text the user typed and never practised stays.
    const paste = $('#practice-script');
    if (this.used.has(paste.value)) paste.value = '';
    this.source = null;
    this.sourceCase = null;
    this.estimate = null;
    this.timer.reset();
    this.timer.setPlan([]);
    await this.drill.load(null);
    $('#drill-missing').hidden = true;
  }

  /**
   * Shows the screen: takes a script handed over from Compose for the case the user works on,
   * keeps the current one otherwise — unless it belongs to an earlier case (Start over, another
   * decision): then the screen starts empty rather than show the last case's script.
   */
  async load() {
    const carried = carriedScript();
    if (carried && carried !== this.carriedFrom && (!carried.case || carried.case === activeCase())) {
      await this.takeOver(carried);
      return;
    }
    if (this.source && this.sourceCase !== activeCase()) await this.forget();
    if (!this.source) {
      $('#practice-origin').textContent = 'Compose a phone script and press “Practise this call”, or paste a script below.';
      $('#practice-paste').open = true;
      this.renderScript();
      await this.runs.load(this.source);
    }
    this.clock.draw();
  }
}

/** The teleprompter: one item per beat, the current one highlighted, text size + / −. */
function initPrompter(timer) {
  const prompter = $('#practice-prompter');
  let size = FONT.default;

  /** Highlights beat `index` and scrolls the teleprompter (only it, not the page) to it. */
  function markBeat(index) {
    const items = [...prompter.children];
    items.forEach((item, i) => {
      item.classList.toggle('current', i === index);
      if (i === index) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
    const current = items[index];
    if (current) {
      const top = current.offsetTop - prompter.offsetTop;
      prompter.scrollTop = Math.max(0, top - (prompter.clientHeight - current.offsetHeight) / 2);
    }
  }

  function render(estimate) {
    prompter.replaceChildren(...(estimate?.beats ?? []).map((beat, i) => {
      const li = el('li', '', 'beat');
      li.dataset.beat = beat.name;
      const label = el('span', '', 'beat-label');
      label.append(el('span', beatLabel(beat.name, catalog())), el('span', beatEstimate(beat)));
      li.append(label, el('p', beat.text, 'beat-text'));
      li.addEventListener('click', () => timer.goTo(i));
      return li;
    }));
    if (estimate) markBeat(timer.beatIndex);
  }

  function resize(delta) {
    size = fontSize(size, delta);
    prompter.style.setProperty('--prompter-size', `${size}px`);
  }

  return { markBeat, render, resize };
}

/** The clock, the band against the target and the start / stop buttons. */
function initClock(timer, target) {
  const clock = $('#practice-clock');
  const bar = $('#practice-band');
  const fill = $('#practice-band-fill');
  let interval = null;

  const layout = bandLayout(target);
  Object.assign($('.band-target', bar).style, { left: `${layout.left}%`, width: `${layout.width}%` });
  [$('#practice-tick-min'), $('#practice-tick-max')].forEach((tick, i) => {
    tick.textContent = `${target[i]} s`;
    tick.style.left = `${layout.ticks[i]}%`;
  });

  function draw() {
    const snap = timer.tick();
    clock.textContent = clockFace(snap);
    fill.style.width = `${(snap.progress * 100).toFixed(1)}%`;
    bar.dataset.band = snap.band;
    $('#practice-band-text').textContent = bandLine(snap, target);
  }

  function drawState(state) {
    $('#practice-start').textContent = startLabel(state);
    $('#practice-stop').disabled = !(state === 'running' || state === 'paused');
    clock.parentElement.dataset.state = state;
    const ticking = state === 'countdown' || state === 'running';
    if (ticking && !interval) interval = setInterval(draw, TICK_MS);
    if (!ticking && interval) {
      clearInterval(interval);
      interval = null;
    }
    draw();
  }

  return { draw, drawState };
}

/** The runs: last, best, ready and recent ones, and keeping a run (never losing it). */
function initRuns({ target, failed, showNotice, openInHistory, isShown }) {
  function draw(summary) {
    const lines = summaryLines(summary, target);
    $('#practice-last').textContent = lines.last;
    $('#practice-best').textContent = lines.best;
    $('#practice-ready').hidden = !lines.ready;
    $('#practice-ready-text').textContent = lines.readyText;
    $('#practice-runs').replaceChildren(...(summary?.runs ?? []).slice(0, 5).map((r) => el('li', runLine(r, catalog()))));
  }

  async function load(source) {
    const scope = runsScope(source);
    $('#h-practice-runs').firstChild.textContent = scope.unlinked ? 'Runs of pasted scripts ' : 'Your runs ';
    if (scope.empty) {
      draw(null);
      return;
    }
    try {
      draw(await api.practiceRuns(scope.opportunityId ?? null));
    } catch (error) {
      failed(error, 'read your practice runs');
    }
  }

  /**
   * Keeps a run of the script `of`. A Compose script's Situation that cannot be saved yet (no
   * company) or an opportunity moved to the trash must not cost the run: it is kept unlinked
   * instead, and a failure to write offers "Try again".
   */
  async function save(run, of) {
    if (run.duration_ms < 1000) {
      showNotice('That run was under a second, so it was not kept.');
      return;
    }
    const { situation, opportunityId } = saveTarget(of);
    const times = { duration_ms: run.duration_ms, beats: run.beats };
    let why;
    let saved;
    try {
      try {
        saved = await api.practiceSaveRun({ situation, opportunity_id: opportunityId, ...times });
      } catch (error) {
        if (!of?.case || (error.code !== 'invalid_input' && error.code !== 'not_found')) throw error;
        why = error.code === 'not_found'
          ? 'its History entry is in the trash'
          : `the details in Compose are not complete yet (${error.message})`;
        saved = await api.practiceSaveRun({ situation: null, opportunity_id: null, ...times });
      }
    } catch (error) {
      failed(error, `save the ${runTime(run.duration_ms)} run`, { actionLabel: 'Try again', action: () => save(run, of) });
      return;
    }
    if (of?.case && of.case.opportunityId == null) remember(of.case, saved.opportunity_id);
    if (isShown(of)) draw(saved.summary);
    if (saved.opportunity_id != null) showNotice(savedText(saved, target), 'Open it', () => openInHistory(saved.opportunity_id));
    else showNotice(savedText(saved, target, why));
  }

  return { load, save };
}
