// Wires the page: the catalogue first, then navigation, the error banner and the notice; each
// screen wires itself (init… in its own module) and renders what commands return. Rules live in
// Rust; all text goes in with textContent.
import * as api from './api.js';
import { initAbout } from './about.js';
import { setCatalog } from './catalog.js';
import { initCompose } from './compose.js';
import { initDecide } from './decide.js';
import { $, $$ } from './dom.js';
import { describeFailure } from './errors.js';
import { initHistory } from './history.js';
import { fillLists } from './lists.js';
import { initPractice } from './practice.js';
import { initReminders } from './reminders.js';
import { SCREENS, hashFor, screenForShortcut, screenFromHash } from './router.js';

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

/** Screen name → `{ load }`, filled once every screen is wired. */
const screens = {};

function show(screen, { focus = true } = {}) {
  for (const section of $$('[data-screen]')) section.hidden = section.dataset.screen !== screen;
  for (const item of $$('.nav-item')) {
    if (item.dataset.nav === screen) item.setAttribute('aria-current', 'page');
    else item.removeAttribute('aria-current');
  }
  hideError();
  hideNotice();
  if (focus) $(`#h-${screen}`)?.focus();
  screens[screen]?.load?.();
}

function navigate(screen) {
  const hash = hashFor(screen);
  if (location.hash === hash) show(screen);
  else location.hash = hash; // hashchange calls show()
}

function wireChrome() {
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
}

function wireScreens() {
  const shared = { showError, showNotice, navigate };
  screens.history = initHistory(shared);
  const openInHistory = async (id) => {
    navigate('history');
    await screens.history.open(id);
  };
  initDecide({ ...shared, openInHistory });
  screens.compose = initCompose({ ...shared, openInHistory });
  screens.practice = initPractice({ ...shared, openInHistory });
  screens.reminders = initReminders(shared);
  screens.about = initAbout(shared);
}

async function start() {
  wireChrome();
  try {
    // Every label and limit on the page comes from the core: nothing renders before it is here.
    fillLists(document, setCatalog(await api.catalog()));
  } catch (error) {
    showError(error, 'start Politely');
    return;
  }
  wireScreens();
  show(screenFromHash(location.hash), { focus: false });
  // Every handler is wired: tests (and anything else watching) may act on the page now.
  document.documentElement.dataset.ready = 'true';
  screens.reminders.start();
  // Two frames: the first is scheduled before layout, the second runs after it has been painted.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    api.uiReady(Math.round(performance.now())).catch((error) => showError(error, 'finish starting'));
  }));
}

start();
