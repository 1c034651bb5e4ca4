// The Decide wizard: Situation → Reasons → Checklist → Advice. The form keeps the answers while
// the user moves between steps and screens; every rule and check is the backend's.
import * as api from './api.js';
import { adviceView } from './advice-view.js';
import { definitionRows, el } from './dom.js';
import { STEPS, collectSituation, dateToLocalInput, formField, readForm, stepOfField } from './situation.js';
import { carry } from './store.js';

const REVEALS = { accepted_offer: 'reasons', non_negotiables: 'reasons', logistics: 'reasons', offer_referral: 'checklist.offer_referral' };

/** Wires the wizard. `showError(error, action)` reports failures; `navigate(screen)` changes screen. */
export function initDecide({ showError, showNotice, navigate, openInHistory }) {
  const form = document.getElementById('decide-form');
  const back = document.getElementById('decide-back');
  const next = document.getElementById('decide-next');
  const compose = document.getElementById('decide-compose');
  const restart = document.getElementById('decide-restart');
  const save = document.getElementById('decide-save');
  let step = 0;
  let current = null; // { situation, advice } once advised

  const invited = form.elements.namedItem('invited_at');
  if (!invited.value) invited.value = dateToLocalInput(new Date());

  function situation() {
    return collectSituation(readForm(new FormData(form)));
  }

  function updateReveals() {
    for (const [value, name] of Object.entries(REVEALS)) {
      const box = form.querySelector(`[data-more="${value}"]`);
      const on = name === 'reasons'
        ? form.querySelector(`input[name="reasons"][value="${value}"]`).checked
        : form.elements.namedItem(name).checked;
      box.hidden = !on;
    }
  }

  function show(index, { focus = true } = {}) {
    step = index;
    const name = STEPS[index];
    for (const el of form.querySelectorAll('[data-step]')) el.hidden = el.dataset.step !== name;
    document.querySelectorAll('[data-progress]').forEach((li, i) => {
      li.classList.toggle('done', i < index);
      if (i === index) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    const onAdvice = name === 'advice';
    back.disabled = index === 0;
    next.hidden = onAdvice;
    next.textContent = name === 'checklist' ? 'See the advice' : 'Next';
    compose.hidden = !onAdvice || !current?.advice.scenario;
    restart.hidden = !onAdvice;
    save.hidden = !onAdvice;
    if (!focus) return;
    const target = onAdvice
      ? document.getElementById('advice-verdict')
      : form.querySelector(`[data-step="${name}"] input:not([type=hidden]), [data-step="${name}"] select`);
    focusVisibly(target);
  }

  function clearErrors(field) {
    const selector = field ? `.field-error[data-for="${CSS.escape(field)}"]` : '.field-error';
    for (const el of form.querySelectorAll(selector)) {
      const owner = form.querySelector(`[aria-describedby~="${el.id}"]`);
      owner?.removeAttribute('aria-invalid');
      owner?.removeAttribute('aria-describedby');
      el.remove();
    }
  }

  function showProblems(problems) {
    clearErrors();
    let first = null;
    problems.forEach((problem, i) => {
      const name = formField(problem.field);
      const owner = form.querySelector(`[data-field="${CSS.escape(name)}"]`) ?? form.elements.namedItem('company');
      const message = document.createElement('p');
      message.className = 'field-error';
      message.id = `err-${i}`;
      message.dataset.for = name;
      message.textContent = `${upperFirst(problem.message)}.`.replace(/\.\.$/, '.');
      (owner.closest('.field') ?? owner).append(message);
      owner.closest('details')?.setAttribute('open', '');
      owner.setAttribute('aria-invalid', 'true');
      owner.setAttribute('aria-describedby', message.id);
      first ??= owner;
    });
    focusVisibly(first);
  }

  function renderAdvice(advice) {
    const view = adviceView(advice);
    const verdict = document.getElementById('advice-verdict');
    verdict.textContent = view.headline;
    verdict.dataset.verdict = view.verdict;
    document.getElementById('advice-verdict-why').textContent = view.why;
    const facts = document.getElementById('advice-facts');
    facts.replaceChildren(...definitionRows(view.facts));
    const warnings = document.getElementById('advice-warnings');
    warnings.replaceChildren(...view.warnings.map((w) => {
      const li = el('li', w.message);
      li.dataset.warning = w.id;
      return li;
    }));
    document.getElementById('advice-warnings-box').hidden = view.warnings.length === 0;
    const roadmap = document.getElementById('advice-roadmap');
    roadmap.replaceChildren(...view.roadmap.map((s) => {
      const li = document.createElement('li');
      li.dataset.state = s.state;
      li.append(el('span', s.stateLabel, 'state'), el('strong', s.title), el('span', s.note, 'note'));
      return li;
    }));
  }

  async function advance() {
    const name = STEPS[step];
    const data = situation();
    try {
      const problems = await api.checkSituation(data);
      const blocking = name === 'checklist' ? problems : problems.filter((p) => STEPS.indexOf(stepOfField(p.field)) <= step);
      if (blocking.length) {
        const target = STEPS.indexOf(stepOfField(blocking[0].field));
        if (target !== step) show(target, { focus: false });
        showProblems(blocking);
        return;
      }
      clearErrors();
      if (name === 'checklist') {
        const advice = await api.advise(data);
        current = { situation: data, advice };
        renderAdvice(advice);
      }
      show(step + 1);
    } catch (error) {
      showError(error, name === 'checklist' ? 'get the advice' : 'check your answers');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (STEPS[step] !== 'advice') advance();
  });
  form.addEventListener('input', (event) => {
    const name = event.target.closest('[data-field]')?.dataset.field ?? event.target.name;
    if (name) clearErrors(formField(name));
  });
  form.addEventListener('change', updateReveals);
  back.addEventListener('click', () => {
    if (step > 0) show(step - 1);
  });
  compose.addEventListener('click', () => {
    carry(current.situation, current.advice);
    navigate('compose');
  });
  save.addEventListener('click', async () => {
    try {
      const id = await api.historyAdd(current.situation);
      showNotice(`Saved to History as #${id}.`, 'Open it', () => openInHistory(id));
    } catch (error) {
      showError(error, 'save it to History');
    }
  });
  restart.addEventListener('click', () => {
    const saved = snapshot(form);
    form.reset();
    invited.value = dateToLocalInput(new Date());
    clearErrors();
    updateReveals();
    current = null;
    show(0);
    showNotice('The answers were cleared.', 'Undo', () => {
      restore(form, saved);
      updateReveals();
      show(0);
    });
  });
  updateReveals();
  show(0, { focus: false });
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

function restore(form, saved) {
  for (const [element, value] of saved) {
    if (element.type === 'checkbox' || element.type === 'radio') element.checked = value;
    else element.value = value;
  }
}
