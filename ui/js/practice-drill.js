// The pushback drill on the Practise screen: after a run, the recruiter asks one more thing
// ("May I ask why?"…) in random order, and the reply prepared from the templates shows when
// asked for. The questions and replies come from the backend for the script's Situation.
import * as api from './api.js';
import { catalog, labelOf } from './catalog.js';
import { $ } from './dom.js';
import { drillProgress, reshuffle, shuffle } from './practice-view.js';

/** Wires the drill; returns `load(source)` for a new script and `show()` after a run. */
export function initDrill({ showError }) {
  const section = $('#practice-drill');
  const reveal = $('#drill-reveal');
  const reply = $('#drill-reply');
  const speech = globalThis.speechSynthesis;
  let prompts = [];
  let at = 0;

  /** Asks for the questions of the script's Situation; without one, says what the drill needs. */
  async function load(source) {
    const situation = source?.situation ?? null;
    prompts = [];
    at = 0;
    section.hidden = true;
    $('#drill-missing').hidden = Boolean(situation);
    if (!situation) return;
    try {
      prompts = shuffle(await api.practiceDrill(situation, source.scenario, source.formality));
    } catch (error) {
      $('#drill-missing').hidden = false;
      if (error.code !== 'invalid_input') showError(error, 'load the pushback drill');
    }
  }

  function show() {
    if (!prompts.length) return;
    section.hidden = false;
    draw();
    section.scrollIntoView({ block: 'nearest' });
  }

  function draw() {
    const prompt = prompts[at % prompts.length];
    $('#drill-progress').textContent = drillProgress(at % prompts.length, prompts.length);
    $('#drill-question').textContent = `“${prompt.question}”`;
    reply.textContent = prompt.reply;
    reply.hidden = true;
    reveal.setAttribute('aria-expanded', 'false');
    reveal.textContent = 'Show my reply';
    $('#drill-source').textContent = `Prepared from the message “${labelOf(catalog(), 'message_kinds', prompt.template)}”.`;
    speak(prompt.question);
  }

  function speak(text) {
    if (!speech || !$('#drill-speak').checked) return;
    speech.cancel();
    speech.speak(new SpeechSynthesisUtterance(text));
  }

  $('#drill-speak-label').hidden = !speech;
  reveal.addEventListener('click', () => {
    reply.hidden = !reply.hidden;
    reveal.setAttribute('aria-expanded', String(!reply.hidden));
    reveal.textContent = reply.hidden ? 'Show my reply' : 'Hide my reply';
  });
  $('#drill-next').addEventListener('click', () => {
    const last = prompts[at % prompts.length]?.id;
    at += 1;
    if (at % prompts.length === 0) prompts = reshuffle(prompts, last);
    draw();
  });

  return { load, show };
}
