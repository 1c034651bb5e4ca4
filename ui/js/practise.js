// The Practise screen: the phone script as a teleprompter, the rehearsal timer against the
// 30–60 s target, the runs kept in History and the pushback drill. The estimate, the drill and
// the runs come from the backend; the timer is practice-timer.js; this module only draws.
import * as api from './api.js';
import { el } from './dom.js';
import { PracticeTimer } from './practice-timer.js';
import {
  FONT, PACE, beatEstimate, beatLabel, bandPhrase, clockFace, drillProgress, estimateLine, fontSize, keyAction, planFrom,
  runLine, savedText, shuffle, startLabel, summaryLines,
} from './practice-view.js';
import { carriedDecision, carriedScript } from './store.js';

const TICK_MS = 100;

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
  const drillSection = $('practise-drill');

  let source = null; // { text, situation, scenario, formality, opportunityId, linkable, linked }
  let carriedFrom;
  let estimate = null;
  let prompts = [];
  let drillAt = 0;
  let interval = null;
  let size = FONT.default;
  let estimateSeq = 0;

  const timer = new PracticeTimer({ onEvent });

  function onEvent(event) {
    switch (event.type) {
      case 'announce':
        live.textContent = event.text;
        break;
      case 'beat':
        markBeat(event.index, event.byHand);
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
    wpm.disabled = state === 'countdown' || state === 'running' || state === 'paused';
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

  function markBeat(index, byHand) {
    const items = [...prompter.children];
    items.forEach((item, i) => {
      const current = i === index;
      item.classList.toggle('current', current);
      if (current) item.setAttribute('aria-current', 'step');
      else item.removeAttribute('aria-current');
    });
    const current = items[index];
    if (current) current.scrollIntoView({ block: byHand ? 'nearest' : 'center', behavior: 'smooth' });
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
    markBeat(timer.beatIndex, true);
  }

  async function useScript(next, { quiet = false } = {}) {
    const mine = ++estimateSeq;
    try {
      const result = await api.practiceEstimate(next.text, Number(wpm.value));
      if (mine !== estimateSeq) return false;
      if (timer.state !== 'idle' && timer.state !== 'stopped') timer.reset();
      source = next;
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
      if (error.code === 'invalid_input' && !quiet) {
        $('practise-problem').textContent = error.message;
        $('practise-problem').hidden = false;
        $('practise-paste').open = true;
      } else if (!quiet) {
        showError(error, 'time the script');
      }
      return false;
    }
  }

  async function reestimate() {
    $('practise-wpm-out').textContent = wpm.value;
    if (!source) return;
    try {
      estimate = await api.practiceEstimate(source.text, Number(wpm.value));
      if (timer.state === 'idle' || timer.state === 'stopped') timer.setPlan(planFrom(estimate));
      renderScript();
    } catch (error) {
      showError(error, 'time the script');
    }
  }

  async function loadRuns() {
    try {
      const summary = await api.practiceRuns(source?.opportunityId ?? null);
      drawRuns(summary);
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
    drillSection.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
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
    showDrill();
    if (run.duration_ms < 1000) {
      showNotice('That run was under a second, so it was not kept.');
      return;
    }
    try {
      let saved;
      try {
        saved = await api.practiceSaveRun(
          source?.linkable && source.opportunityId == null ? source.situation : null,
          source?.opportunityId ?? null,
          run.duration_ms,
          run.beats,
        );
      } catch (error) {
        // A Situation still missing its company must not cost the run: keep it unlinked.
        if (error.code !== 'invalid_input' || !source?.linkable) throw error;
        saved = await api.practiceSaveRun(null, null, run.duration_ms, run.beats);
      }
      if (saved.opportunity_id != null && source.opportunityId == null) {
        source = { ...source, opportunityId: saved.opportunity_id };
        source.linked?.(saved.opportunity_id);
      }
      drawRuns(saved.summary);
      if (saved.opportunity_id != null) showNotice(savedText(saved), 'Open it', () => openInHistory(saved.opportunity_id));
      else showNotice(savedText(saved));
    } catch (error) {
      showError(error, 'save the run');
    }
  }

  function perform(action) {
    switch (action) {
      case 'toggle':
        if (!estimate) return false;
        timer.toggle();
        return true;
      case 'reset':
        timer.reset();
        draw();
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
    drillAt += 1;
    if (drillAt % prompts.length === 0) prompts = shuffle(prompts);
    drawPrompt();
  });
  $('practise-use').addEventListener('click', async () => {
    const decision = carriedDecision();
    const next = {
      text: $('practise-script').value,
      situation: source?.situation ?? decision?.situation ?? null,
      scenario: source?.scenario ?? decision?.advice?.scenario ?? null,
      formality: source?.formality ?? null,
      // The drill still answers for the Situation, but a pasted script is not the one saved in
      // History, so its runs are kept unlinked.
      opportunityId: null,
      linkable: false,
      linked: () => {},
    };
    if (await useScript(next)) showNotice('Practising the pasted script.');
  });
  document.addEventListener('keydown', (event) => {
    if (screen.hidden) return;
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
      $('practise-script').value = carried.text;
      const company = carried.situation?.company;
      $('practise-origin').textContent = company
        ? `Practising your phone script for ${company} from Compose. Runs are saved with it in History.`
        : 'Practising your phone script from Compose.';
      await useScript({ ...carried, linkable: true });
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
