// The Practise screen: the phone script as a teleprompter, the rehearsal timer against the
// 30–60 s target, the runs kept in History and the pushback drill. The estimate, the drill and
// the runs come from the backend; the timer is practice-timer.js; this module only draws.
import * as api from './api.js';
import { el } from './dom.js';
import { PracticeTimer } from './practice-timer.js';
import {
  FONT, PACE, beatEstimate, beatLabel, bandPhrase, clockFace, drillProgress, estimateLine, fontSize, keyAction, planFrom,
  reshuffle, runLine, runTime, runsScope, saveTarget, savedText, shuffle, startLabel, summaryLines,
} from './practice-view.js';
import { carriedDecision, carriedScript } from './store.js';

const TICK_MS = 100;
const RUNNING = new Set(['countdown', 'running', 'paused']);

/** Wires the screen; returns `load()` for when it is shown. */
export function initPractise({ showError, showNotice, openInHistory }) {
  const $ = (id) => document.getElementById(id);
  const screen = document.querySelector('[data-screen="practise"]');
  const prompter = $('practise-prompter');
  const clock = $('practise-clock');
  const bandBar = $('practise-band');
  const bandFill = $('practise-band-fill');
  const bandText = $('practise-band-text');
  const live = $('practise-live');
  const startButton = $('practise-start');
  const stopButton = $('practise-stop');
  const follow = $('practise-follow');
  const wpm = $('practise-wpm');
  const paste = $('practise-script');
  const drillSection = $('practise-drill');

  // The script being practised: { text, situation, scenario, formality, link } where `link` is
  // the opportunity shared with Compose (null for a pasted script).
  let source = null;
  let carriedFrom;
  let estimate = null;
  let prompts = [];
  let drillAt = 0;
  let interval = null;
  let size = FONT.default;
  let estimateSeq = 0;
  const used = new Set(); // scripts practised here, to tell them from the user's unused paste

  const timer = new PracticeTimer({ onEvent });

  function onEvent(event) {
    switch (event.type) {
      case 'announce':
        live.textContent = event.text;
        break;
      case 'beat':
        markBeat(event.index);
        break;
      case 'follow':
        follow.checked = event.follow;
        break;
      case 'state':
        drawState(event.state);
        break;
      default:
        break;
    }
  }

  function drawState(state) {
    startButton.textContent = startLabel(state);
    stopButton.disabled = !(state === 'running' || state === 'paused');
    wpm.disabled = RUNNING.has(state);
    $('practise-use').disabled = RUNNING.has(state);
    clock.parentElement.dataset.state = state;
    const ticking = state === 'countdown' || state === 'running';
    if (ticking && !interval) interval = setInterval(draw, TICK_MS);
    if (!ticking && interval) {
      clearInterval(interval);
      interval = null;
    }
    draw();
  }

  function draw() {
    const snap = timer.tick();
    clock.textContent = clockFace(snap);
    bandFill.style.width = `${(snap.progress * 100).toFixed(1)}%`;
    bandBar.dataset.band = snap.band;
    bandText.textContent = snap.state === 'idle'
      ? 'Target: 30–60 seconds'
      : snap.state === 'countdown' ? 'Get ready…' : capitalise(bandPhrase(snap.band));
  }

  function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** Highlights beat `index` and scrolls the teleprompter (only it, not the page) to it. */
  function markBeat(index) {
    const items = [...prompter.children];
    items.forEach((item, i) => {
      const current = i === index;
      item.classList.toggle('current', current);
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
    const current = items[index];
    if (current) {
      const top = current.offsetTop - prompter.offsetTop;
      prompter.scrollTop = Math.max(0, top - (prompter.clientHeight - current.offsetHeight) / 2);
    }
  }

  function renderScript() {
    $('practise-empty').hidden = Boolean(estimate);
    if (!estimate) {
      prompter.replaceChildren();
      $('practise-estimate').textContent = '—';
      $('practise-warnings').replaceChildren();
      return;
    }
    prompter.replaceChildren(...estimate.beats.map((beat, i) => {
      const li = el('li', '', 'beat');
      li.dataset.beat = beat.name;
      const label = el('span', '', 'beat-label');
      label.append(el('span', beatLabel(beat.name)), el('span', beatEstimate(beat)));
      li.append(label, el('p', beat.text, 'beat-text'));
      li.addEventListener('click', () => timer.goTo(i));
      return li;
    }));
    $('practise-estimate').textContent = estimateLine(estimate);
    $('practise-warnings').replaceChildren(...estimate.warnings.map((w) => el('li', w, 'warning')));
    markBeat(timer.beatIndex);
  }

  /** Times `next` and makes it the script; false (with the problem shown) when it cannot be. */
  async function useScript(next) {
    const mine = ++estimateSeq;
    try {
      const result = await api.practiceEstimate(next.text, Number(wpm.value));
      if (mine !== estimateSeq) return false;
      source = next;
      used.add(next.text);
      estimate = result;
      timer.reset();
      timer.setPlan(planFrom(estimate));
      $('practise-problem').hidden = true;
      renderScript();
      draw();
      await Promise.all([loadRuns(), loadDrill()]);
      return true;
    } catch (error) {
      if (mine !== estimateSeq) return false;
      if (error.code === 'invalid_input') {
        $('practise-problem').textContent = error.message;
        $('practise-problem').hidden = false;
        $('practise-paste').open = true;
      } else {
        showError(error, 'time the script');
      }
      return false;
    }
  }

  async function reestimate() {
    $('practise-wpm-out').textContent = wpm.value;
    if (!source) return;
    const mine = ++estimateSeq;
    const of = source;
    try {
      const result = await api.practiceEstimate(of.text, Number(wpm.value));
      if (mine !== estimateSeq || source !== of) return;
      estimate = result;
      if (!RUNNING.has(timer.state)) timer.setPlan(planFrom(estimate));
      renderScript();
    } catch (error) {
      if (mine === estimateSeq) showError(error, 'time the script');
    }
  }

  async function loadRuns() {
    const scope = runsScope(source);
    $('h-practise-runs').firstChild.textContent = scope.unlinked ? 'Runs of pasted scripts ' : 'Your runs ';
    if (scope.empty) {
      drawRuns(null);
      return;
    }
    try {
      drawRuns(await api.practiceRuns(scope.opportunityId ?? null));
    } catch (error) {
      showError(error, 'read your practice runs');
    }
  }

  function drawRuns(summary) {
    const lines = summaryLines(summary);
    $('practise-last').textContent = lines.last;
    $('practise-best').textContent = lines.best;
    $('practise-ready').hidden = !lines.ready;
    $('practise-ready-text').textContent = lines.readyText;
    $('practise-runs').replaceChildren(...(summary?.runs ?? []).slice(0, 5).map((r) => el('li', runLine(r))));
  }

  async function loadDrill() {
    const situation = source?.situation ?? null;
    prompts = [];
    drillAt = 0;
    drillSection.hidden = true;
    $('drill-missing').hidden = Boolean(situation);
    if (!situation) return;
    try {
      prompts = shuffle(await api.practiceDrill(situation, source.scenario, source.formality));
    } catch (error) {
      $('drill-missing').hidden = false;
      if (error.code !== 'invalid_input') showError(error, 'load the pushback drill');
    }
  }

  function showDrill() {
    if (!prompts.length) return;
    drillSection.hidden = false;
    drawPrompt();
    drillSection.scrollIntoView({ block: 'nearest' });
  }

  function drawPrompt() {
    const prompt = prompts[drillAt % prompts.length];
    $('drill-progress').textContent = drillProgress(drillAt % prompts.length, prompts.length);
    $('drill-question').textContent = `“${prompt.question}”`;
    $('drill-reply').textContent = prompt.reply;
    $('drill-reply').hidden = true;
    $('drill-reveal').setAttribute('aria-expanded', 'false');
    $('drill-reveal').textContent = 'Show my reply';
    $('drill-source').textContent = `Prepared from the “${prompt.template.replaceAll('_', ' ')}” template.`;
    speak(prompt.question);
  }

  const speech = globalThis.speechSynthesis;
  $('drill-speak-label').hidden = !speech;
  function speak(text) {
    if (!speech || !$('drill-speak').checked) return;
    speech.cancel();
    speech.speak(new SpeechSynthesisUtterance(text));
  }

  async function stopAndSave() {
    const run = timer.stop();
    if (!run) return;
    startButton.focus(); // the Stop button is now disabled; keep focus on the controls
    showDrill();
    await save(run);
  }

  /**
   * Keeps a run. A Compose script's Situation that cannot be saved yet (no company) or an
   * opportunity moved to the trash must not cost the run: it is kept unlinked instead, and a
   * failure to write offers "Try again".
   */
  async function save(run) {
    if (run.duration_ms < 1000) {
      showNotice('That run was under a second, so it was not kept.');
      return;
    }
    const of = source;
    const target = saveTarget(of);
    let why;
    let saved;
    try {
      try {
        saved = await api.practiceSaveRun(target.situation, target.opportunityId, run.duration_ms, run.beats);
      } catch (error) {
        if (!of?.link || (error.code !== 'invalid_input' && error.code !== 'not_found')) throw error;
        why = error.code === 'not_found'
          ? 'its History entry is in the trash'
          : `the details in Compose are not complete yet (${error.message})`;
        saved = await api.practiceSaveRun(null, null, run.duration_ms, run.beats);
      }
    } catch (error) {
      showError(error, 'save the run');
      showNotice(`The ${runTime(run.duration_ms)} run was not saved.`, 'Try again', () => save(run));
      return;
    }
    if (saved.opportunity_id != null && of?.link && of.link.id == null) of.link.id = saved.opportunity_id;
    if (source === of) drawRuns(saved.summary);
    if (saved.opportunity_id != null) showNotice(savedText(saved), 'Open it', () => openInHistory(saved.opportunity_id));
    else showNotice(savedText(saved, why));
  }

  /** R: back to the start. A run in progress is not lost without a way back. */
  function reset() {
    const running = timer.state === 'running' || timer.state === 'paused';
    const run = running ? timer.stop() : null;
    timer.reset();
    draw();
    if (run && run.duration_ms >= 1000) {
      showNotice(`Reset: the ${runTime(run.duration_ms)} run was not saved.`, 'Save it', () => save(run));
    }
  }

  function perform(action) {
    switch (action) {
      case 'toggle':
        if (!estimate) return false;
        timer.toggle();
        return true;
      case 'reset':
        reset();
        return true;
      case 'next':
        timer.next();
        return true;
      case 'previous':
        timer.previous();
        return true;
      case 'bigger':
      case 'smaller':
        size = fontSize(size, action === 'bigger' ? 1 : -1);
        prompter.style.setProperty('--prompter-size', `${size}px`);
        return true;
      default:
        return false;
    }
  }

  /** Before switching scripts: a run in progress is stopped and saved first. */
  async function finishRun() {
    if (timer.state === 'running' || timer.state === 'paused') await stopAndSave();
    else if (timer.state === 'countdown') timer.reset();
  }

  startButton.addEventListener('click', () => perform('toggle'));
  stopButton.addEventListener('click', stopAndSave);
  $('practise-reset').addEventListener('click', () => perform('reset'));
  $('practise-next').addEventListener('click', () => perform('next'));
  $('practise-prev').addEventListener('click', () => perform('previous'));
  $('practise-bigger').addEventListener('click', () => perform('bigger'));
  $('practise-smaller').addEventListener('click', () => perform('smaller'));
  follow.addEventListener('change', () => timer.setFollow(follow.checked));
  wpm.addEventListener('input', reestimate);
  $('drill-reveal').addEventListener('click', () => {
    const reply = $('drill-reply');
    reply.hidden = !reply.hidden;
    $('drill-reveal').setAttribute('aria-expanded', String(!reply.hidden));
    $('drill-reveal').textContent = reply.hidden ? 'Show my reply' : 'Hide my reply';
  });
  $('drill-next').addEventListener('click', () => {
    const last = prompts[drillAt % prompts.length]?.id;
    drillAt += 1;
    if (drillAt % prompts.length === 0) prompts = reshuffle(prompts, last);
    drawPrompt();
  });
  $('practise-use').addEventListener('click', async () => {
    const decision = carriedDecision();
    // The drill still answers for the Situation, but a pasted script is not the one saved in
    // History, so its runs are kept unlinked.
    const next = {
      text: paste.value,
      situation: source?.situation ?? decision?.situation ?? null,
      scenario: source?.scenario ?? decision?.advice?.scenario ?? null,
      formality: source?.formality ?? null,
      link: null,
    };
    if (await useScript(next)) {
      $('practise-origin').textContent = 'Practising a pasted script. Its runs are kept apart from History entries.';
      showNotice('Practising the pasted script.');
    }
  });
  document.addEventListener('keydown', (event) => {
    if (screen.hidden || event.repeat) return;
    const action = keyAction(event);
    if (action && perform(action)) event.preventDefault();
  });

  /** Shows the screen: takes a script handed over from Compose, keeps the current one otherwise. */
  async function load() {
    wpm.min = String(PACE.min);
    wpm.max = String(PACE.max);
    const carried = carriedScript();
    if (carried && carried !== carriedFrom) {
      carriedFrom = carried;
      await finishRun();
      const typed = paste.value;
      if (await useScript(carried)) {
        // Text typed into the paste box but never practised is not lost silently.
        const unused = typed.trim() !== '' && !used.has(typed);
        paste.value = carried.text;
        if (unused) showNotice('The pasted text was replaced by the script from Compose.', 'Undo', () => { paste.value = typed; });
        const company = carried.situation?.company;
        $('practise-origin').textContent = company
          ? `Practising your phone script for ${company} from Compose. Runs are saved with it in History.`
          : 'Practising your phone script from Compose.';
      }
      return;
    }
    if (!source) {
      $('practise-origin').textContent = 'Compose a phone script and press “Practise this call”, or paste a script below.';
      $('practise-paste').open = true;
      renderScript();
      await loadRuns();
    }
    draw();
  }

  return { load };
}
