// The page's date fields: plain text inputs marked `data-date="datetime"` (or `"date"`), read
// and written in the one form dates.js defines. An empty field stays empty (no grey sample date
// that looks like a value); leaving a field rewrites what was typed in that form, so the user
// sees how it was read; a date that cannot be read says why beside the field.
import { el } from './dom.js';
import { example, formatDate, formatDateTime, localDate, parseDate, problemText, systemLocale } from './dates.js';

function kind(input) {
  return input.dataset.date === 'date' ? 'none' : 'required';
}

/** What the field holds: `{ value }` ("2026-11-25T14:30", "2026-11-25" or "") or `{ problem }`. */
export function readDateField(input) {
  const result = parseDate(input.value, { locale: systemLocale(), time: kind(input) });
  return result.ok ? { value: result.value, problem: null } : { value: null, problem: problemText(result) };
}

/** Puts `date` (a Date, or null for empty) in the field, in the one form. */
export function writeDateField(input, date) {
  input.value = !date ? '' : kind(input) === 'none' ? formatDate(date) : formatDateTime(date);
  showProblem(input, null);
}

/** Marks the field with `problem` (or clears it), the message right under the field. */
export function showProblem(input, problem) {
  const id = `${input.id || input.name}-date-problem`;
  let message = document.getElementById(id);
  if (!problem) {
    if (message) {
      message.remove();
      input.removeAttribute('aria-invalid');
      const rest = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
      if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
      else input.removeAttribute('aria-describedby');
    }
    return;
  }
  if (!message) {
    message = el('p', '', 'field-error date-problem');
    message.id = id;
    message.setAttribute('role', 'alert');
    // Inside the field's box (under its hint), or after the group or inline label holding it.
    const field = input.closest('.field');
    if (field) field.append(message);
    else (input.closest('[data-problem-after]') ?? input.closest('label') ?? input).after(message);
  }
  message.textContent = problem;
  input.setAttribute('aria-invalid', 'true');
  const described = new Set((input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  described.add(id);
  input.setAttribute('aria-describedby', [...described].join(' '));
}

/** Wires every date field under `root`: the format hint, and tidying what was typed on leaving. */
export function initDateFields(root = document) {
  for (const input of root.querySelectorAll('input[data-date]')) wireDateField(input);
}

/** Wires one date field (also one made at run time). */
export function wireDateField(input) {
  if (input.dataset.dateWired) return;
  input.dataset.dateWired = 'true';
  input.autocomplete = 'off';
  input.spellcheck = false;
  const time = kind(input) !== 'none';
  // How to write it, as an accessible description and a tooltip, never as a grey value inside.
  input.title = `For example ${example(systemLocale(), { time })}`;
  const hint = input.dataset.hint ? document.getElementById(input.dataset.hint) : null;
  if (hint) hint.textContent = `For example ${example(systemLocale(), { time })}`;
  input.addEventListener('input', () => showProblem(input, null));
  // On leaving the field (or Enter): rewritten in the one form, or why it cannot be read.
  const tidy = () => {
    const { value, problem } = readDateField(input);
    if (problem) showProblem(input, problem);
    else if (value && !/:\d{2}:\d{2}$/.test(value)) writeDateField(input, localDate(value));
  };
  input.addEventListener('blur', tidy);
  input.addEventListener('change', tidy);
}
