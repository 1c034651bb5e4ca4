// Wires the page: navigation, the About panel and the error banner. Rules live in Rust; this
// module only renders what commands return. All text goes in with textContent.
import * as api from './api.js';
import { aboutRows } from './about.js';
import { initCompose } from './compose.js';
import { initDecide } from './decide.js';
import { definitionRows, el } from './dom.js';
import { describeFailure } from './errors.js';
import { initHistory } from './history.js';
import { initPractise } from './practise.js';
import { initReminders } from './reminders.js';
import { SCREENS, hashFor, screenForShortcut, screenFromHash } from './router.js';

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

function showError(error, action) {
  $('#error-text').textContent = describeFailure(error, action);
  $('#error-banner').hidden = false;
}

function hideError() {
  $('#error-banner').hidden = true;
  $('#error-text').textContent = '';
}

let noticeAction = null;

/** A passing message with one optional action, e.g. Undo. */
function showNotice(text, actionLabel, action) {
  $('#notice-text').textContent = text;
  const button = $('#notice-action');
  button.hidden = !action;
  button.textContent = actionLabel ?? '';
  noticeAction = action ?? null;
  $('#notice').hidden = false;
}

function hideNotice() {
  $('#notice').hidden = true;
  noticeAction = null;
}

let history = null;
let compose = null;
let practise = null;
let reminders = null;

const loaders = {
  about: loadAbout,
  compose: () => compose.load(),
  practise: () => practise.load(),
  reminders: () => reminders.load(),
  history: () => history.load(),
};

function show(screen, { focus = true } = {}) {
  for (const section of $$('[data-screen]')) section.hidden = section.dataset.screen !== screen;
  for (const item of $$('.nav-item')) {
    if (item.dataset.nav === screen) item.setAttribute('aria-current', 'page');
    else item.removeAttribute('aria-current');
  }
  hideError();
  hideNotice();
  if (focus) $(`#h-${screen}`)?.focus();
  loaders[screen]?.();
}

function navigate(screen) {
  const hash = hashFor(screen);
  if (location.hash === hash) show(screen);
  else location.hash = hash; // hashchange calls show()
}

async function loadAbout() {
  const facts = $('#about-facts');
  const status = $('#about-status');
  facts.replaceChildren();
  status.textContent = 'Checking the data folder…';
  try {
    const info = await api.about();
    facts.replaceChildren(...definitionRows(aboutRows(info)));
    status.textContent = '';
    renderBackups(await api.historyBackups());
  } catch (error) {
    status.textContent = 'The data folder could not be checked.';
    showError(error, 'load the About panel');
  }
}

function renderBackups(backups) {
  const list = $('#about-backups');
  if (!backups.length) {
    list.replaceChildren(el('li', 'No backup yet: the first is made the next time Politely starts.'));
    return;
  }
  list.replaceChildren(...backups.map((b) => {
    const li = el('li', `${b.stamp.replace(/^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2}).*/, '$1-$2-$3 $4:$5 UTC')} · ${b.label}`);
    const button = el('button', 'Restore…', 'button quiet');
    button.type = 'button';
    button.addEventListener('click', () => showNotice(
      'Replace your history with this backup? The current one is kept aside as a file.', 'Restore', async () => {
        try {
          await api.historyRestoreBackup(b.path);
          showNotice('The backup was restored.');
        } catch (error) {
          showError(error, 'restore the backup');
        }
      },
    ));
    li.append(' ', button);
    return li;
  }));
}

function start() {
  for (const button of $$('[data-nav]')) {
    button.addEventListener('click', () => navigate(button.dataset.nav));
  }
  $('[data-skip]').addEventListener('click', (event) => {
    event.preventDefault();
    $(`#h-${screenFromHash(location.hash)}`)?.focus();
  });
  $('#error-dismiss').addEventListener('click', hideError);
  $('#notice-dismiss').addEventListener('click', hideNotice);
  $('#notice-action').addEventListener('click', () => {
    const action = noticeAction;
    hideNotice();
    action?.();
  });
  history = initHistory({ showError, showNotice });
  const openInHistory = async (id) => {
    navigate('history');
    await history.open(id);
  };
  initDecide({ showError, showNotice, navigate, openInHistory });
  compose = initCompose({ showError, showNotice, openInHistory, navigate });
  practise = initPractise({ showError, showNotice, openInHistory });
  reminders = initReminders({ showError, showNotice, navigate });
  window.addEventListener('hashchange', () => show(screenFromHash(location.hash)));
  document.addEventListener('keydown', (event) => {
    const screen = screenForShortcut(event);
    if (screen && SCREENS.includes(screen)) {
      event.preventDefault();
      navigate(screen);
    } else if (event.key === 'Escape' && !$('#error-banner').hidden) {
      hideError();
    }
  });
  show(screenFromHash(location.hash), { focus: false });
  // Every handler is wired: tests (and anything else watching) may act on the page now.
  document.documentElement.dataset.ready = 'true';
  reminders.start();
  // Two frames: the first is scheduled before layout, the second runs after it has been painted.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    api.uiReady(Math.round(performance.now())).catch((error) => showError(error, 'finish starting'));
  }));
}

start();
