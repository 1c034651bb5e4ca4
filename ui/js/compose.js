// The Compose screen: the Situation's fields on the left, the email, phone script and LinkedIn
// note on the right, re-rendered by the backend on every keystroke. This module holds the form
// and the case; the cards are compose-card.js, proofreading compose-proofread.js, the ways a
// draft leaves compose-send.js and the user's own templates user-templates.js.
import * as api from './api.js';
import { catalog, labelOf } from './catalog.js';
import { stampCards } from './compose-card.js';
import { Proofreader } from './compose-proofread.js';
import { Sender } from './compose-send.js';
import { FIELDS, callFirst, fromDecide, nextChoices, originText, situationFrom, valuesFrom } from './compose-view.js';
import { $, el, option } from './dom.js';
import { activate, activeCase, carriedDecision, newCase, profile, signed } from './store.js';
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
    return signed(situationFrom(base, values), profile());
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
    // A new draft, Discard edits, Undo, a template put in: proofread what is shown now.
    onTextChange: (card) => proofreader.schedule(card, 150),
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
  // A narrower or wider card needs more or fewer lines for the subject.
  window.addEventListener('resize', () => { for (const card of Object.values(cards)) card.fitSubject(); });
  // The user's details sign every draft: new details, new drafts.
  document.addEventListener('politely:profile', () => { if (!$('#screen-compose').hidden) refresh(); });

  /** Takes over a newly carried decision: its Situation, scenario, tone and case. */
  function takeOver(decision) {
    carriedFrom = decision;
    base = decision ? decision.situation : null;
    theCase = decision?.case ?? newCase();
    activate(theCase);
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
    // A new decision takes over; so does a new case begun elsewhere (Start over in Decide):
    // nothing shown here may belong to the case before it.
    if (decision !== carriedFrom) takeOver(decision);
    else if (carriedFrom !== undefined && theCase !== activeCase()) takeOver(decision?.case === activeCase() ? decision : null);
    await refresh();
    for (const card of Object.values(cards)) card.fitSubject();
  }

  return { load };
}

/** The form for a carried decision (or empty, to draft from scratch). */
function fillForm(form, decision) {
  const values = valuesFrom(decision?.situation ?? {});
  for (const f of FIELDS) form.elements.namedItem(f).value = values[f];
  const select = $('#compose-scenario');
  select.querySelector('option[value="advised"]')?.remove();
  const kind = decision?.advice.scenario;
  if (fromDecide(decision) && callFirst(decision.advice)) {
    // Call, then confirm in writing: the script leads and the email confirms the call. The
    // backend orders the drafts so when no message is named (the advice's choice).
    const advised = option('advised', 'As advised: call, then confirm by email');
    select.prepend(advised);
    select.value = 'advised';
  } else {
    select.value = kind ?? 'circumstances_changed';
  }
  $('#compose-formality').value = decision?.situation.formality ?? 'standard';
  $('#compose-origin').textContent = originText(decision);
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
    // The cards in the backend's order: a call confirmed by email leads with the script.
    const order = drafts.map((d) => cards[d.channel]?.article).filter(Boolean);
    if (order.some((article, i) => previews.children[i] !== article)) {
      const focused = document.activeElement;
      previews.prepend(...order);
      if (focused && focused !== document.activeElement) focused.focus({ preventScroll: true });
    }
    // Cards with different messages (the call's, and the email confirming it) each say which.
    const mixed = new Set(drafts.map((d) => d.scenario)).size > 1;
    for (const [channel, card] of Object.entries(cards)) {
      const next = drafts.find((d) => d.channel === channel);
      card.article.hidden = !next;
      if (!next) continue;
      card.setKind(mixed ? labelOf(catalog(), 'message_kinds', next.scenario) : null);
      // Proofread once the typing pauses: the previews come first.
      if (card.take(next)) proofreader.schedule(card, 300);
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

  /**
   * Nothing to draft yet (no company or role): say what to fill in, calmly; drafts already
   * shown stay, greyed. Returns true when waiting.
   */
  function waiting(s) {
    const empty = !String(s.company ?? '').trim() || !String(s.role ?? '').trim();
    const drafted = Object.values(cards).some((card) => card.draft);
    $('#compose-waiting').hidden = !empty;
    previews.hidden = empty && !drafted;
    previews.classList.toggle('invalid', empty && drafted);
    if (empty) problem.hidden = true;
    return empty;
  }

  return async function refresh(startedAt = performance.now()) {
    const mine = ++seq;
    const { scenario, formality, choices } = options();
    const current = situation();
    if (waiting(current)) {
      shown = mine;
      return;
    }
    try {
      const kind = scenario.value === 'advised' ? null : scenario.value || null;
      const drafts = await api.composeDrafts(current, kind, formality.value, choices);
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
