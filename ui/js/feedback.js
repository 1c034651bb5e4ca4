// Where results and failures are said: beside the control the user just used when the screen
// has a place for it there (an element marked `data-feedback`, always in the page so a screen
// reader hears what is put in it), else in the notice and banner at the top of the screen,
// which stay in view while the page scrolls. One message beside a control at a time, and one
// at the top.
import { $, $$, button, el } from './dom.js';

/**
 * Shows `text` in the slot `at` (or the top notice), with an optional action such as Undo.
 * `error: true` marks it as a failure: styled as one and announced at once (role=alert).
 */
export function say(text, { at = null, actionLabel = '', action = null, error = false } = {}) {
  // A message at the top (often from something running in the background) leaves what an
  // action said beside its button; a message beside a button replaces the others there, and
  // an older failure at the top, which no longer describes what just happened.
  if (!at) return top(text, { actionLabel, action, error });
  for (const slot of $$('[data-feedback].shown')) clearSlot(slot);
  hideTopError();
  const message = el('p', text, 'feedback-text');
  if (error) message.setAttribute('role', 'alert');
  const parts = [message];
  if (action) {
    parts.push(button(actionLabel, 'button feedback-action', () => {
      clearSlot(at);
      action();
    }));
  }
  const dismiss = button('Dismiss', 'button quiet feedback-dismiss', () => clearSlot(at));
  dismiss.setAttribute('aria-label', 'Dismiss message');
  parts.push(dismiss);
  at.replaceChildren(...parts);
  at.dataset.order = String(++shown);
  at.classList.add('shown');
  at.classList.toggle('error', error);
  // The message sits beside the button; make sure it is on screen too (the sticky bar, a card).
  at.scrollIntoView({ block: 'nearest' });
  return undefined;
}

let topAction = null;
// Which message came last (tests and assistive tools can tell the newest one).
let shown = 0;

function top(text, { actionLabel, action, error }) {
  hideTopNotice();
  hideTopError();
  if (error) {
    $('#error-text').textContent = text;
    $('#error-banner').dataset.order = String(++shown);
    $('#error-banner').hidden = false;
  } else {
    $('#notice').dataset.order = String(++shown);
    $('#notice-text').textContent = text;
    const act = $('#notice-action');
    act.hidden = !action;
    act.textContent = actionLabel ?? '';
    topAction = action ?? null;
    $('#notice').hidden = false;
  }
  keepClear();
}

/**
 * The top messages stay in view while the screen scrolls (sticky): whatever is scrolled into
 * view (Tab, a click) is kept clear of them.
 */
function keepClear() {
  const content = $('.content');
  if (!content) return;
  const shown = [$('#error-banner'), $('#notice')].filter((box) => box && !box.hidden);
  const height = shown.reduce((sum, box) => sum + box.offsetHeight + 20, 0);
  content.style.scrollPaddingTop = height ? `${height}px` : '';
}

/** Runs the top notice's action (its button was pressed). */
export function runTopAction() {
  const action = topAction;
  hideTopNotice();
  action?.();
}

export function hideTopNotice() {
  $('#notice').hidden = true;
  topAction = null;
  keepClear();
}

export function hideTopError() {
  $('#error-banner').hidden = true;
  $('#error-text').textContent = '';
  keepClear();
}

/** Clears what a slot says (a new attempt of its action is under way). */
export function clearSlot(slot) {
  slot.replaceChildren();
  slot.classList.remove('shown', 'error');
}

/** Clears every message: the top ones and every slot. */
export function clearAll() {
  hideTopNotice();
  hideTopError();
  for (const slot of $$('[data-feedback].shown')) clearSlot(slot);
}
