// "Your details": the user's own name, email, phone and sign-off, kept once for every case and
// every start (the `profile_get` / `profile_save` commands) and edited in this one dialog, which
// Home, About, the wizard and Compose open. Every Situation the window builds signs with them.
import * as api from './api.js';
import { $, $$ } from './dom.js';
import { profile, setProfile } from './store.js';

const FIELDS = Object.freeze(['name', 'email', 'phone', 'sign_off']);

/** Wires the dialog and every button that opens it; returns `{ load, open }`. */
export function initProfile({ showError, showNotice }) {
  const dialog = $('#profile-dialog');
  const form = $('#profile-form');
  const problem = $('#profile-problem');
  let opener = null;

  function fill() {
    const p = profile();
    for (const key of FIELDS) form.elements.namedItem(key).value = p[key] ?? '';
    problem.hidden = true;
    problem.textContent = '';
  }

  function open(from) {
    opener = from ?? document.activeElement;
    fill();
    dialog.showModal();
    form.elements.namedItem('name').focus();
  }

  function close() {
    dialog.close();
  }

  dialog.addEventListener('close', () => {
    opener?.focus?.();
    opener = null;
  });
  $('#profile-cancel').addEventListener('click', close);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const wanted = Object.fromEntries(FIELDS.map((key) => [key, form.elements.namedItem(key).value]));
    try {
      const saved = await api.profileSave(wanted);
      setProfile(saved);
      const back = opener;
      close();
      showNotice('Saved your details. Every new message signs with them.', null, null, { at: feedbackNear(back) });
    } catch (error) {
      problem.textContent = error.code === 'invalid_input' ? upperFirst(error.message) : '';
      problem.hidden = error.code !== 'invalid_input';
      if (error.code !== 'invalid_input') {
        close();
        showError(error, 'save your details');
      }
    }
  });
  for (const button of $$('[data-open-profile]')) button.addEventListener('click', () => open(button));

  async function load() {
    try {
      setProfile(await api.profileGet());
    } catch (error) {
      showError(error, 'read your details');
    }
  }

  return { load, open };
}

/** The message slot beside the button that opened the dialog, if it has one. */
function feedbackNear(button) {
  return button?.closest('[data-feedback-scope]')?.querySelector('[data-feedback]') ?? null;
}

function upperFirst(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
