// The Compose screen: the Situation's fields on the left, the email, phone script and LinkedIn
// note on the right, re-rendered by the backend on every keystroke. This module holds the form
// and the case; the cards are compose-card.js, proofreading compose-proofread.js, the ways a
// draft leaves compose-send.js and the user's own templates user-templates.js.
import * as api from './api.js';
import { catalog } from './catalog.js';
import { stampCards } from './compose-card.js';
import { Proofreader } from './compose-proofread.js';
import { Sender } from './compose-send.js';
import { FIELDS, nextChoices, situationFrom, valuesFrom } from './compose-view.js';
import { $, el } from './dom.js';
import { carriedDecision, newCase } from './store.js';
import { initUserTemplates } from './user-templates.js';

/** Wires the screen; returns `load()` for when it is shown. */
export function initCompose({ showError, showNotice, openInHistory, navigate }) {
  const form = $('#compose-form');
  const scenario = $('#compose-scenario');
  const formality = $('#compose-formality');
  const previews = $('#compose-previews');
  let base = null; // the carried Situation, or null when drafting from scratch
  let carriedFrom;
  let choices = {};
  // The invitation these drafts are for: the carried decision's case (shared with Decide and
  // Practise), or a case of its own when drafting from scratch.
  let theCase = newCase();
  let warmed = false;

  function situation() {
    const values = Object.fromEntries(FIELDS.map((f) => [f, form.elements.namedItem(f).value]));
    return situationFrom(base, values);
  }

  const proofreader = new Proofreader({ catalog: catalog(), situation, showError });
  const cards = stampCards(previews, $('#draft-card'), catalog().channels.map((c) => c.id), {
    catalog: catalog(),
    showNotice,
    onSwap: async (card, block) => {
      choices = nextChoices(choices, card.channel, block);
      await refresh();
      $(`[data-block="${block.name}"]`, card.article)?.focus();
    },
    onInput: (card, part) => {
      if (part === 'body') proofreader.paintMarks(card, card.edited);
      proofreader.schedule(card, 250);
    },
  });
  const refresh = initPreviews({ cards, situation, proofreader, showError, options: () => ({ scenario, formality, choices }) });
  const sender = new Sender({ situation, theCase: () => theCase, proofreader, showError, showNotice, openInHistory, navigate });
  for (const card of Object.values(cards)) {
    $('.draft-actions', card.article).addEventListener('click', (event) => {
      const action = event.target.closest('[data-action]')?.dataset.action;
      if (action && card.draft) sender.act(card, action);
    });
  }
  const useText = (channel, text, name) => putInCard(cards[channel], { channel, text, name }, showError);
  const userTemplates = initUserTemplates({ showError, showNotice, situation, useText });
  form.addEventListener('input', () => {
    refresh(performance.now());
    userTemplates.refreshPreview();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  /** Takes over a newly carried decision: its Situation, scenario, tone and case. */
  function takeOver(decision) {
    carriedFrom = decision;
    base = decision ? decision.situation : null;
    theCase = decision?.case ?? newCase();
    choices = {};
    for (const card of Object.values(cards)) card.clear();
    fillForm(form, decision);
  }

  /** Shows the screen: takes over a new decision from Decide, keeps the user's work otherwise. */
  async function load() {
    if (!warmed) {
      warmed = true;
      api.lintWarmUp().catch(() => {}); // only a head start: proofreading loads it anyway
    }
    const decision = carriedDecision();
    if (decision !== carriedFrom) takeOver(decision);
    await refresh();
  }

  return { load };
}

/** The form for a carried decision (or empty, to draft from scratch). */
function fillForm(form, decision) {
  const values = valuesFrom(decision?.situation ?? {});
  for (const f of FIELDS) form.elements.namedItem(f).value = values[f];
  $('#compose-scenario').value = decision?.advice.scenario ?? 'circumstances_changed';
  $('#compose-formality').value = decision?.situation.formality ?? 'standard';
  $('#compose-origin').textContent = decision
    ? `Drafting from your decision in Decide (${decision.situation.company}). Changes here do not change the advice.`
    : 'Drafting from scratch: fill in the company and role, or start in Decide for advice first.';
}

/** Puts text from one of the user's templates into its channel's card, as the user's own edit. */
function putInCard(card, { channel, text, name }, showError) {
  if (!card?.draft || card.article.hidden) {
    const message = `this message has no ${card?.noun ?? channel}; pick another message above`;
    showError({ code: 'invalid_input', message }, `use “${name}”`);
    return;
  }
  card.useText(text, name);
}

/**
 * The previews: `refresh()` asks the backend for every channel's draft and hands each to its
 * card; an answer older than the one shown is dropped. Returns `refresh(startedAt)`.
 */
function initPreviews({ cards, situation, proofreader, showError, options }) {
  const previews = $('#compose-previews');
  const problem = $('#compose-problem');
  const notes = $('#compose-notes');
  const timings = [];
  let seq = 0;
  let shown = 0;

  function showDrafts(drafts, startedAt) {
    problem.hidden = true;
    previews.classList.remove('invalid');
    for (const [channel, card] of Object.entries(cards)) {
      const next = drafts.find((d) => d.channel === channel);
      card.article.hidden = !next;
      // Proofread once the typing pauses: the previews come first.
      if (next && card.take(next)) proofreader.schedule(card, 300);
    }
    const allNotes = [...new Set(drafts.flatMap((d) => d.notes))];
    if (allNotes.join('\n') !== notes.dataset.shown) {
      notes.replaceChildren(...allNotes.map((n) => el('li', n)));
      notes.dataset.shown = allNotes.join('\n');
    }
    timings.push(Math.round((performance.now() - startedAt) * 10) / 10);
    if (timings.length > 500) timings.shift();
    previews.dataset.renderTimes = timings.join(',');
  }

  return async function refresh(startedAt = performance.now()) {
    const mine = ++seq;
    const { scenario, formality, choices } = options();
    try {
      const drafts = await api.composeDrafts(situation(), scenario.value || null, formality.value, choices);
      if (mine < shown) return;
      shown = mine;
      showDrafts(drafts, startedAt);
    } catch (error) {
      if (mine < shown) return;
      shown = mine;
      if (error.code === 'invalid_input') {
        problem.textContent = `${error.message}. The previews show the last valid draft.`;
        problem.hidden = false;
        previews.classList.add('invalid');
      } else {
        showError(error, 'write the drafts');
      }
    }
  };
}
