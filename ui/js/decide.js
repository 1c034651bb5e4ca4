// The Decide wizard: Situation → Reasons → Checklist → Advice. The form keeps the answers while
// the user moves between steps and screens; every rule and check is the backend's.
import * as api from './api.js';
import { adviceView } from './advice-view.js';
import { initDecideRead } from './decide-read.js';
import { catalog } from './catalog.js';
import { $, $$, definitionRows, el } from './dom.js';
import { readDateField, showProblem as showDateProblem, writeDateField } from './date-field.js';
import { STEPS, collectSituation, formField, readForm, stepOfField } from './situation.js';
import { carry, currentCase, profile, remember, resumeCase, signed, startCase } from './store.js';

const REVEALS = { accepted_offer: 'reasons', non_negotiables: 'reasons', logistics: 'reasons', offer_referral: 'checklist.offer_referral' };

/** Wires the wizard. `showError(error, action)` reports failures; `navigate(screen)` changes screen. */
export function initDecide(options) {
  return new Wizard(options);
}

/** The wizard's state: the step shown, and `current` — `{ situation, advice }` once advised. */
class Wizard {
  constructor({ showError, showNotice, navigate, openInHistory }) {
    Object.assign(this, { showError, showNotice, navigate, openInHistory });
    this.form = $('#decide-form');
    this.step = 0;
    this.current = null;
    this.invited = this.form.elements.namedItem('invited_at');
    if (!this.invited.value) writeDateField(this.invited, new Date());
    this.wire();
    this.reader = initDecideRead({
      form: this.form, showError, showNotice,
      filled: () => {
        updateReveals(this.form);
        markInterviewNeeded(this.form);
        clearErrors(this.form);
      },
    });
    updateReveals(this.form);
    markInterviewNeeded(this.form);
    this.show(0, { focus: false });
  }

  wire() {
    const { form } = this;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (STEPS[this.step] !== 'advice') this.advance();
    });
    form.addEventListener('input', (event) => {
      const name = event.target.closest('[data-field]')?.dataset.field ?? event.target.name;
      if (name) clearErrors(form, formField(name));
    });
    form.addEventListener('change', () => updateReveals(form));
    form.elements.namedItem('stage').addEventListener('change', () => markInterviewNeeded(form));
    $('#decide-back').addEventListener('click', () => {
      if (this.step > 0) this.show(this.step - 1);
    });
    $('#decide-compose').addEventListener('click', () => {
      carry(this.current.situation, this.current.advice);
      this.navigate('compose');
    });
    $('#decide-save').addEventListener('click', () => this.save());
    $('#decide-restart').addEventListener('click', () => this.startOver());
  }

  show(index, { focus = true } = {}) {
    this.step = index;
    const name = STEPS[index];
    for (const section of $$('[data-step]', this.form)) section.hidden = section.dataset.step !== name;
    $$('[data-progress]').forEach((li, i) => {
      li.classList.toggle('done', i < index);
      if (i === index) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    const onAdvice = name === 'advice';
    $('#decide-back').disabled = index === 0;
    $('#decide-next').hidden = onAdvice;
    $('#decide-next').textContent = name === 'checklist' ? 'See the advice' : 'Next';
    $('#decide-compose').hidden = !onAdvice || !this.current?.advice.scenario;
    $('#decide-restart').hidden = !onAdvice;
    $('#decide-save').hidden = !onAdvice;
    if (!focus) return;
    const target = onAdvice
      ? $('#advice-verdict')
      : $(`[data-step="${name}"] input:not([type=hidden]), [data-step="${name}"] select`, this.form);
    focusVisibly(target);
  }

  /** Next: checks the answers so far; after the checklist, asks for the advice. */
  async advance() {
    const { step, form } = this;
    const name = STEPS[step];
    const values = readForm(new FormData(form));
    // Dates are read here, in the form they were typed in; one that cannot be read says why.
    const unreadable = [];
    for (const field of ['invited_at', 'interview_at']) {
      const { value, problem } = readDateField(form.elements.namedItem(field));
      if (problem) unreadable.push({ field, message: problem });
      else values[field] = value;
    }
    if (unreadable.length) {
      clearErrors(form);
      this.show(0, { focus: false });
      for (const { field, message } of unreadable) showDateProblem(form.elements.namedItem(field), message);
      focusVisibly(form.elements.namedItem(unreadable[0].field));
      return;
    }
    const data = signed(collectSituation(values), profile());
    try {
      const problems = await api.checkSituation(data);
      const blocking = name === 'checklist' ? problems : problems.filter((p) => STEPS.indexOf(stepOfField(p.field)) <= step);
      if (blocking.length) {
        const target = STEPS.indexOf(stepOfField(blocking[0].field));
        if (target !== step) this.show(target, { focus: false });
        focusVisibly(showProblems(form, blocking));
        return;
      }
      clearErrors(form);
      if (name === 'checklist') {
        const advice = await api.advise(data);
        this.current = { situation: data, advice };
        renderAdvice(advice);
      }
      this.show(step + 1);
    } catch (error) {
      this.showError(error, name === 'checklist' ? 'get the advice' : 'check your answers');
    }
  }

  /** Saves the decision shown, on the case's opportunity (a new one the first time). */
  async save() {
    const theCase = currentCase();
    const { situation, advice } = this.current;
    try {
      // Judged at the moment the advice on screen was, so History keeps exactly that advice.
      const recorded = await api.historyAdd({ ...situation, now: advice.judged_at }, theCase.opportunityId);
      const id = recorded.opportunity_id;
      remember(theCase, id);
      this.showNotice(`Saved to History as #${id}.`, 'Open it', () => this.openInHistory(id), { at: $('#decide-feedback') });
    } catch (error) {
      this.showError(error, 'save it to History', { at: $('#decide-feedback') });
    }
  }

  /** Start over: a new case with empty answers; Undo brings back the answers and their case. */
  startOver() {
    const { form } = this;
    const saved = snapshot(form);
    const previous = currentCase();
    form.reset();
    this.reader.clear();
    writeDateField(this.invited, new Date());
    clearErrors(form);
    updateReveals(form);
    markInterviewNeeded(form);
    this.current = null;
    startCase();
    this.show(0);
    this.showNotice('The answers were cleared; your own details stay.', 'Undo', () => {
      restore(saved);
      resumeCase(previous);
      updateReveals(form);
      markInterviewNeeded(form);
      this.show(0);
    });
  }
}

/** "Interview scheduled" needs the interview's date: the field says so. */
function markInterviewNeeded(form) {
  const needed = form.elements.namedItem('stage').value === 'scheduled';
  $('#f-interview-req').hidden = !needed;
  $('#f-interview-opt').hidden = needed;
  form.elements.namedItem('interview_at').required = needed;
}

/** Shows the follow-up questions of the reasons and choices that are ticked. */
function updateReveals(form) {
  for (const [value, name] of Object.entries(REVEALS)) {
    const box = $(`[data-more="${value}"]`, form);
    const on = name === 'reasons'
      ? $(`input[name="reasons"][value="${value}"]`, form).checked
      : form.elements.namedItem(name).checked;
    box.hidden = !on;
  }
}

function renderAdvice(advice) {
  const view = adviceView(advice, catalog());
  const verdict = $('#advice-verdict');
  verdict.textContent = view.headline;
  verdict.dataset.verdict = view.verdict;
  $('#advice-verdict-why').textContent = view.why;
  $('#advice-facts').replaceChildren(...definitionRows(view.facts));
  $('#advice-warnings').replaceChildren(...view.warnings.map((w) => {
    const li = el('li', w.message);
    li.dataset.warning = w.id;
    return li;
  }));
  $('#advice-warnings-box').hidden = view.warnings.length === 0;
  $('#advice-roadmap').replaceChildren(...view.roadmap.map((s) => {
    const li = document.createElement('li');
    li.dataset.state = s.state;
    li.append(el('span', s.stateLabel, 'state'), el('strong', s.title), el('span', s.note, 'note'));
    return li;
  }));
}

/** Removes the messages of one field (or all), with their aria wiring. */
function clearErrors(form, field) {
  const selector = field ? `.field-error[data-for="${CSS.escape(field)}"]` : '.field-error';
  for (const message of $$(selector, form)) {
    const owner = $(`[aria-describedby~="${message.id}"]`, form);
    if (owner) {
      owner.removeAttribute('aria-invalid');
      const rest = owner.getAttribute('aria-describedby').split(/\s+/).filter((id) => id && id !== message.id);
      if (rest.length) owner.setAttribute('aria-describedby', rest.join(' '));
      else owner.removeAttribute('aria-describedby');
    }
    message.remove();
  }
}

/** Puts each problem next to its field; returns the first field with a problem. */
function showProblems(form, problems) {
  clearErrors(form);
  let first = null;
  problems.forEach((problem, i) => {
    const name = formField(problem.field);
    const owner = $(`[data-field="${CSS.escape(name)}"]`, form) ?? form.elements.namedItem('company');
    const message = el('p', `${upperFirst(problem.message)}.`.replace(/\.\.$/, '.'), 'field-error');
    message.id = `err-${i}`;
    message.dataset.for = name;
    (owner.closest('.field') ?? owner).append(message);
    owner.closest('details')?.setAttribute('open', '');
    owner.setAttribute('aria-invalid', 'true');
    owner.setAttribute('aria-describedby', [message.id, owner.getAttribute('aria-describedby')].filter(Boolean).join(' '));
    first ??= owner;
  });
  return first;
}

/** Focuses without the browser's jump to the top edge, keeping the label in view. */
function focusVisibly(element) {
  if (!element) return;
  element.focus({ preventScroll: true });
  (element.closest('.field') ?? element).scrollIntoView({ block: 'center' });
}

function upperFirst(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

function snapshot(form) {
  return [...form.elements].filter((e) => e.name).map((e) => [e, e.type === 'checkbox' || e.type === 'radio' ? e.checked : e.value]);
}

function restore(saved) {
  for (const [element, value] of saved) {
    if (element.type === 'checkbox' || element.type === 'radio') element.checked = value;
    else element.value = value;
  }
}
