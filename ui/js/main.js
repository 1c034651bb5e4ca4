// Wires the page: the catalogue first, then navigation, the error banner and the notice; each
// screen wires itself (init… in its own module) and renders what commands return. Rules live in
// Rust; all text goes in with textContent.
import * as api from './api.js';
import { initAbout } from './about.js';
import { setCatalog } from './catalog.js';
import { initCompose } from './compose.js';
import { initDecide } from './decide.js';
import { $, $$, el } from './dom.js';
import { describeFailure } from './errors.js';
import { clearAll, hideTopError, hideTopNotice, runTopAction, say } from './feedback.js';
import { initHistory } from './history.js';
import { fillLists } from './lists.js';
import { initDateFields } from './date-field.js';
import { initPractice } from './practice.js';
import { initProfile } from './profile.js';
import { signedAsText } from './profile-view.js';
import { initReminders } from './reminders.js';
import { SCREENS, hashFor, screenForShortcut, screenFromHash } from './router.js';
import { SHORTCUTS, opensShortcuts } from './shortcuts.js';

/** A failure: beside the control that failed when `at` names its place, else in the banner. */
function showError(error, action, { at = null, hint } = {}) {
  say(describeFailure(error, action, hint), { at, error: true });
}

/** A result with one optional action (e.g. Undo), beside the control when `at` names its place. */
function showNotice(text, actionLabel, action, { at = null } = {}) {
  say(text, { at, actionLabel, action });
}

/** Screen name → `{ load }`, filled once every screen is wired. */
const screens = {};

function show(screen, { focus = true } = {}) {
  for (const section of $$('[data-screen]')) section.hidden = section.dataset.screen !== screen;
  for (const item of $$('.nav-item')) {
    if (item.dataset.nav === screen) item.setAttribute('aria-current', 'page');
    else item.removeAttribute('aria-current');
  }
  clearAll();
  // The skip link leads to the heading of the screen showing (a target that is there to reach).
  $('[data-skip]').setAttribute('href', `#h-${screen}`);
  if (focus) $(`#h-${screen}`)?.focus();
  screens[screen]?.load?.();
}

function navigate(screen) {
  const hash = hashFor(screen);
  if (location.hash === hash) show(screen);
  else location.hash = hash; // hashchange calls show()
}

/** The shortcuts panel: every key the window answers, from SHORTCUTS; focus goes back on close. */
function wireShortcuts() {
  const dialog = $('#shortcuts-dialog');
  $('#shortcuts-list').replaceChildren(...SHORTCUTS.map(({ title, keys }) => {
    const group = el('section', '', 'shortcut-group');
    const heading = el('h3', title);
    const list = el('dl', '', 'shortcut-list');
    for (const [combo, what] of keys) {
      const dt = el('dt', '');
      combo.forEach((key, i) => {
        if (i) dt.append(' + ');
        dt.append(el('kbd', key));
      });
      list.append(dt, el('dd', what));
    }
    group.append(heading, list);
    return group;
  }));
  let opener = null;
  const open = () => {
    if (dialog.open) return;
    opener = document.activeElement;
    dialog.showModal();
    $('#shortcuts-close').focus();
  };
  dialog.addEventListener('close', () => {
    opener?.focus?.();
    opener = null;
  });
  $('#shortcuts-open').addEventListener('click', open);
  $('#shortcuts-close').addEventListener('click', () => dialog.close());
  document.addEventListener('keydown', (event) => {
    if (opensShortcuts(event)) {
      event.preventDefault();
      open();
    }
  });
}

function wireChrome() {
  wireShortcuts();
  for (const button of $$('[data-nav]')) {
    button.addEventListener('click', () => navigate(button.dataset.nav));
  }
  $('[data-skip]').addEventListener('click', (event) => {
    event.preventDefault();
    $(`#h-${screenFromHash(location.hash)}`)?.focus();
  });
  $('#error-dismiss').addEventListener('click', hideTopError);
  $('#notice-dismiss').addEventListener('click', hideTopNotice);
  $('#notice-action').addEventListener('click', runTopAction);
  window.addEventListener('hashchange', () => show(screenFromHash(location.hash)));
  document.addEventListener('keydown', (event) => {
    const screen = screenForShortcut(event);
    if (screen && SCREENS.includes(screen)) {
      event.preventDefault();
      navigate(screen);
    } else if (event.key === 'Escape' && !$('#error-banner').hidden) {
      hideTopError();
    }
  });
}

function wireScreens() {
  const shared = { showError, showNotice, navigate };
  const profile = initProfile(shared);
  document.addEventListener('politely:profile', (event) => {
    for (const line of $$('.signed-as-text')) line.textContent = signedAsText(event.detail);
  });
  screens.history = initHistory(shared);
  const openInHistory = async (id) => {
    navigate('history');
    await screens.history.open(id);
  };
  const decide = initDecide({ ...shared, openInHistory });
  // "New decision…" in the tray: the Decide wizard, started over if it holds answers.
  api.listen('tray-new-decision', () => {
    navigate('decide');
    if (decide.step > 0 || decide.current) decide.startOver();
  }).catch(() => {});
  screens.compose = initCompose({ ...shared, openInHistory });
  screens.practice = initPractice({ ...shared, openInHistory });
  screens.reminders = initReminders(shared);
  screens.about = initAbout(shared);
  return profile;
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
  initDateFields(document);
  const profile = wireScreens();
  // The user's details sign every draft: read them before the first screen renders one.
  await profile.load();
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
