// Decide's "Paste or drop what they sent": the reader fills the wizard's first step from an
// invitation (pasted text, or an .eml/.ics dropped on the step), marks every field it filled
// "from the message" with the text it came from, and saves nothing: the user checks, corrects
// and goes on as usual. A field the message does not state stays as it was.
import * as api from './api.js';
import { catalog } from './catalog.js';
import { writeDateField } from './date-field.js';
import { $, $$, el } from './dom.js';
import { clearSlot } from './feedback.js';
import { evidenceText, fillsFrom, interviewOptions, readSummary, tooBig } from './read-view.js';

/**
 * Wires the paste box and dropping on the step. `filled()` runs after fields change (the wizard
 * updates what depends on them); returns `{ clear }` for Start over.
 */
export function initDecideRead({ form, showError, showNotice, filled }) {
  const step = $('[data-step="situation"]', form);
  const text = $('#read-text');
  const at = $('#read-feedback');

  async function readAndFill(message, name) {
    clearSlot(at);
    try {
      const read = await api.readMessage(message);
      const fills = fillsFrom(read);
      clearMarks(form);
      for (const fill of fills) put(form, fill);
      const options = showOptions(form, read);
      if (fills.some((f) => f.field.startsWith('contact.'))) $('details.optional', step)?.setAttribute('open', '');
      filled();
      const from = name ? `Read “${name}”. ` : '';
      showNotice(from + readSummary(read, fills.length, options), null, null, { at });
    } catch (error) {
      showError(error, name ? `read “${name}”` : 'read the message', { at });
    }
  }

  $('#read-go').addEventListener('click', () => {
    if (!text.value.trim()) {
      showError({ code: 'invalid_input', message: 'there is nothing to read yet: paste the message in the box' },
        'read the message', { at });
      text.focus();
      return;
    }
    readAndFill(text.value, null);
  });

  // Dropping a file anywhere on the step reads it; elsewhere a dropped file does nothing (the
  // page never navigates to it).
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (event) => { if (hasFiles(event)) event.preventDefault(); });
  document.addEventListener('drop', (event) => { if (hasFiles(event)) event.preventDefault(); });
  step.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    step.classList.add('dropping');
  });
  step.addEventListener('dragleave', (event) => {
    if (!step.contains(event.relatedTarget)) step.classList.remove('dropping');
  });
  step.addEventListener('drop', async (event) => {
    step.classList.remove('dropping');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    const big = tooBig(file.name, file.size, catalog().limits.read_bytes);
    if (big) {
      showError({ code: 'invalid_input', message: big }, `read “${file.name}”`, { at });
      return;
    }
    try {
      await readAndFill(await file.arrayBuffer(), file.name);
    } catch (error) {
      showError({ code: 'invalid_input', message: `it cannot be opened (${error.message})` }, `read “${file.name}”`, { at });
    }
  });

  // A field the user changes is theirs: it loses its mark.
  const own = (event) => {
    const input = event.target;
    if (input?.dataset?.fromMessage) unmark(input);
  };
  form.addEventListener('input', own);
  form.addEventListener('change', own);

  return {
    clear() {
      clearMarks(form);
      text.value = '';
      clearSlot(at);
    },
  };
}

/** Puts one found value into its field and marks it. */
function put(form, { field, value, evidence, date }) {
  const input = form.elements.namedItem(field);
  if (!input) return;
  if (date) writeDateField(input, new Date(value));
  else if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === value)) return;
  else input.value = value;
  mark(input, evidence);
}

/** "From the message" under the field, its evidence shown on hover and focus, and described. */
function mark(input, evidence) {
  unmark(input);
  const box = input.closest('.field');
  const note = el('p', '', 'from-message');
  note.id = `${input.id}-from`;
  note.append(el('span', 'From the message', 'from-tag'));
  const said = String(evidence ?? '').trim();
  if (said) note.append(el('q', said, 'from-evidence'));
  // After the hint, before any problem message: the problem stays last.
  const hint = box.querySelector('.field-hint');
  if (hint) hint.after(note);
  else input.after(note);
  input.dataset.fromMessage = 'true';
  input.dataset.titleBefore = input.title;
  input.title = evidenceText(evidence);
  const described = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  input.setAttribute('aria-describedby', [...described, note.id].join(' '));
}

function unmark(input) {
  if (!input.dataset.fromMessage) return;
  delete input.dataset.fromMessage;
  const box = input.closest('.field');
  const note = box?.querySelector('.from-message');
  const rest = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== note?.id);
  if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
  else input.removeAttribute('aria-describedby');
  note?.remove();
  // A date field gets its own tooltip back (how to write a date); others had none.
  const before = input.dataset.titleBefore ?? '';
  delete input.dataset.titleBefore;
  if (before) input.title = before;
  else input.removeAttribute('title');
}

function clearMarks(form) {
  for (const input of $$('[data-from-message]', form)) unmark(input);
  const box = $('#read-options');
  box.hidden = true;
  $('#read-options-list').replaceChildren();
}

/** Several offered times: one radio each; picking one fills the interview date. */
function showOptions(form, read) {
  const options = interviewOptions(read);
  const list = $('#read-options-list');
  if (options.length < 2) return options.length;
  const interview = form.elements.namedItem('interview_at');
  const evidence = read.evidence?.interview_options ?? '';
  list.replaceChildren(...options.map(({ value, text }) => {
    const label = el('label', '');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'interview_option';
    radio.value = value;
    radio.addEventListener('change', () => {
      writeDateField(interview, new Date(value));
      mark(interview, evidence);
    });
    label.append(radio, ` ${text}`);
    return label;
  }));
  $('#read-options').hidden = false;
  return options.length;
}
