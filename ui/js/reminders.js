// The Reminders screen, the navigation badge and the due-reminder banner. The list, the groups
// and every rule come from the backend; the reminder clock (in Rust) tells the page when
// something fell due, and "Open" on a desktop notification brings the page here.
import * as api from './api.js';
import { el } from './dom.js';
import {
  GROUPS, SNOOZES, badgeLabel, badgeText, bannerText, defaultDue, desktopLine, detailLine, explanation, fromLocalInput,
  inGroup, toLocalInput,
} from './reminders-view.js';
import { carry } from './store.js';

const ACTION_NAMES = { done: 'Mark done', dismiss: 'Dismiss', reopen: 'Reopen', edit: 'Edit', ics: 'Export to calendar', compose: 'Write the follow-up' };

/** What undo needs to put a reminder back. */
function snapshot(r) {
  return { id: r.id, due_at: r.due_at, state: r.state, notified_at: r.notified_at ?? null, title: r.title ?? null };
}

/** Wires the screen; returns `load()` for when it is shown and `refresh()` for the badge. */
export function initReminders({ showError, showNotice, navigate }) {
  const $ = (id) => document.getElementById(id);
  const screen = document.querySelector('[data-screen="reminders"]');
  const form = $('rem-form');
  let page = null;
  let editing = null; // the reminder being edited, or null for a new one
  let highlight = [];
  let highlightShown = false;
  let seq = 0;
  let failure = null; // why the reminder clock could not read the history, if it could not

  async function refresh() {
    const mine = ++seq;
    try {
      const next = await api.remindersList();
      if (mine !== seq) return;
      page = next;
      drawBadge();
      if (!screen.hidden) draw();
    } catch (error) {
      if (!screen.hidden) showError(error, 'read your reminders');
    }
  }

  function drawBadge() {
    const badge = $('nav-rem-badge');
    const text = badgeText(page);
    badge.textContent = text;
    badge.hidden = !text;
    const nav = document.querySelector('.nav-item[data-nav="reminders"]');
    if (text) nav.setAttribute('aria-label', `Reminders, ${badgeLabel(page)}`);
    else nav.removeAttribute('aria-label');
  }

  function draw() {
    // Redrawing replaces the list: keep focus on the same reminder (or its list) afterwards.
    const focused = document.activeElement?.closest?.('.rem-item');
    const focusId = focused?.dataset.id;
    const focusAction = document.activeElement?.dataset?.action;
    $('rem-desktop').textContent = failure ? `Reminders cannot be read right now: ${failure}` : desktopLine(page.desktop);
    const groups = GROUPS.map((g) => ({ ...g, items: inGroup(page, g.id) })).filter((g) => g.items.length);
    $('rem-empty').hidden = groups.length > 0;
    $('rem-groups').replaceChildren(...groups.map((g) => {
      const section = el('section', '', 'rem-group');
      section.setAttribute('aria-labelledby', `h-rem-${g.id}`);
      const h = el('h2', g.title);
      h.id = `h-rem-${g.id}`;
      h.append(' ', el('span', String(g.items.length), 'badge'));
      const list = el('ul', '', 'rem-list');
      list.dataset.group = g.id;
      list.append(...g.items.map(item));
      if (g.id === 'closed') {
        const details = el('details', '');
        const summary = el('summary', '');
        // A heading inside <summary> is not exposed as one; say it is a heading.
        const label = el('span', '', 'rem-heading');
        label.id = h.id;
        label.setAttribute('role', 'heading');
        label.setAttribute('aria-level', '2');
        label.append(...h.childNodes);
        summary.append(label);
        details.append(summary, list);
        section.append(details);
      } else {
        section.append(h, list);
      }
      return section;
    }));
    if (focusId) {
      const again = $('rem-groups').querySelector(`[data-id="${focusId}"]`);
      const target = again?.querySelector(`[data-action="${focusAction}"]`) ?? again;
      (target ?? $('rem-new')).focus();
    }
    $('rem-months').value = String(page.settings.follow_up_months);
    $('rem-awaiting').checked = page.settings.awaiting_reply;
    $('rem-autostart-label').hidden = !page.autostart.supported;
    $('rem-autostart').checked = page.autostart.enabled;
    for (const id of highlight) $('rem-groups').querySelector(`[data-id="${id}"]`)?.classList.add('flash');
    if (highlight.length && !highlightShown) {
      const first = $('rem-groups').querySelector(`[data-id="${highlight[0]}"]`);
      if (first) {
        highlightShown = true;
        first.scrollIntoView({ block: 'center' });
        first.focus();
        // The outline marks what the notification was about for a few seconds, across redraws.
        setTimeout(() => { highlight = []; for (const el of document.querySelectorAll('.rem-item.flash')) el.classList.remove('flash'); }, 6000);
      }
    }
  }

  function item(r) {
    const li = el('li', '', 'rem-item');
    li.dataset.id = String(r.id);
    li.dataset.group = r.group;
    li.dataset.kind = r.kind;
    li.tabIndex = -1;
    li.append(el('span', r.summary, 'rem-summary'), el('p', detailLine(r), 'rem-detail'), el('p', r.why, 'rem-why'));
    const actions = el('div', '', 'rem-actions');
    const button = (label, action, cls = 'button') => {
      const b = el('button', label, cls);
      b.type = 'button';
      b.dataset.action = action;
      b.setAttribute('aria-label', `${ACTION_NAMES[action] ?? label}: ${r.summary}`);
      b.addEventListener('click', () => act(r, action, b));
      return b;
    };
    if (r.group === 'closed') {
      actions.append(button('Reopen', 'reopen', 'button quiet'));
    } else {
      if (r.kind === 'follow_up' && r.opportunity_id != null) actions.append(button('Write the follow-up', 'compose', 'button primary'));
      const snooze = el('select', '');
      snooze.setAttribute('aria-label', `Snooze “${r.summary}”`);
      snooze.dataset.action = 'snooze';
      snooze.append(el('option', 'Snooze…'), ...SNOOZES.map((s, i) => Object.assign(el('option', s.label), { value: String(i) })),
        Object.assign(el('option', 'Pick a date…'), { value: 'pick' }));
      snooze.options[0].value = '';
      snooze.addEventListener('change', () => {
        const value = snooze.value;
        snooze.value = '';
        if (value === 'pick') pickDate(r, actions, snooze);
        else if (value !== '') run(r, 'snooze', () => api.remindersSnooze(r.id, SNOOZES[Number(value)].snooze));
      });
      actions.append(snooze, button('Done', 'done', 'button'), button('Dismiss', 'dismiss', 'button quiet'));
    }
    actions.append(button('Edit', 'edit', 'button quiet'), button('.ics', 'ics', 'button quiet'));
    li.append(actions);
    return li;
  }

  function pickDate(r, actions, select) {
    const input = document.createElement('input');
    input.type = 'datetime-local';
    input.value = defaultDue();
    input.setAttribute('aria-label', `Snooze “${r.summary}” until`);
    const ok = el('button', 'Snooze', 'button');
    ok.type = 'button';
    const go = () => {
      const at = fromLocalInput(input.value);
      if (!at) {
        showError({ code: 'invalid_input', message: 'pick a date and time' }, 'snooze the reminder');
        return;
      }
      run(r, 'snooze', () => api.remindersSnooze(r.id, { for: 'until', at }));
    };
    ok.addEventListener('click', go);
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); if (e.key === 'Escape') draw(); });
    select.replaceWith(input, ok);
    input.focus();
  }

  const DONE_TEXT = { snooze: 'Snoozed', done: 'Marked done', dismiss: 'Dismissed', reopen: 'Reopened', edit: 'Saved' };

  /** Runs a change and offers Undo (everything a user can change here can be put back). */
  async function run(r, action, change) {
    const before = snapshot(r);
    try {
      const after = await change();
      await refresh();
      const when = action === 'snooze' ? ` until ${after.due_local}` : '';
      showNotice(`${DONE_TEXT[action]}: “${after.summary}”${when}.`, 'Undo', async () => {
        try {
          await api.remindersRestore(before);
          await refresh();
        } catch (error) {
          showError(error, 'undo that');
        }
      });
    } catch (error) {
      showError(error, { snooze: 'snooze the reminder', done: 'mark it done', dismiss: 'dismiss it', reopen: 'reopen it', edit: 'save the reminder' }[action]);
    }
  }

  async function act(r, action) {
    switch (action) {
      case 'done': return run(r, 'done', () => api.remindersSetState(r.id, 'done'));
      case 'dismiss': return run(r, 'dismiss', () => api.remindersSetState(r.id, 'dismissed'));
      case 'reopen': return run(r, 'reopen', () => api.remindersSetState(r.id, 'pending'));
      case 'edit': return openForm(r);
      case 'ics': return exportIcs([r.id]);
      case 'compose': return writeFollowUp(r);
      default: return undefined;
    }
  }

  /** Opens Compose on the follow-up note for the reminder's opportunity. */
  async function writeFollowUp(r) {
    try {
      const detail = await api.historyShow(r.opportunity_id);
      const last = detail.decisions.at(-1);
      const situation = JSON.parse(last.situation);
      const advice = last.advice ? JSON.parse(last.advice) : {};
      carry(situation, { ...advice, scenario: 'follow_up' });
      navigate('compose');
    } catch (error) {
      showError(error, 'open the follow-up');
    }
  }

  async function exportIcs(ids) {
    try {
      const path = await api.remindersExportIcs(ids, $('rem-ics-kind').value);
      showNotice(`Exported to ${path}. Open it with your calendar app.`);
    } catch (error) {
      showError(error, 'export the reminders');
    }
  }

  function openForm(r) {
    editing = r ?? null;
    $('rem-form-title').textContent = r ? 'Edit reminder' : 'New reminder';
    $('rem-title').value = r ? r.title ?? r.summary : '';
    $('rem-due').value = r ? toLocalInput(new Date(r.due_at)) : defaultDue();
    $('rem-problem').hidden = true;
    form.hidden = false;
    $('rem-title').focus();
  }

  function closeForm() {
    const was = editing;
    form.hidden = true;
    editing = null;
    const back = was && $('rem-groups').querySelector(`[data-id="${was.id}"] [data-action="edit"]`);
    (back ?? $('rem-new')).focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const title = $('rem-title').value;
    const at = fromLocalInput($('rem-due').value);
    const problem = !title.trim() ? 'Say what to do.' : !at ? 'Pick a date and time.' : null;
    if (problem) {
      $('rem-problem').textContent = problem;
      $('rem-problem').hidden = false;
      return;
    }
    const r = editing;
    try {
      if (r) {
        // An unchanged built-in wording stays built-in (it follows the company's name); an
        // unchanged time keeps its seconds, so only moving it arms it again.
        const wording = title.trim() === r.summary && !r.title ? null : title;
        const due = $('rem-due').value === toLocalInput(new Date(r.due_at)) ? r.due_at : at;
        await run(r, 'edit', () => api.remindersEdit(r.id, due, wording));
      } else {
        const added = await api.remindersAdd(null, at, title);
        await refresh();
        showNotice(`Added “${added.summary}” for ${added.due_local}.`, 'Undo', async () => {
          await api.remindersDelete(added.id);
          await refresh();
        });
      }
      closeForm();
    } catch (error) {
      if (error.code === 'invalid_input') {
        $('rem-problem').textContent = error.message;
        $('rem-problem').hidden = false;
      } else {
        showError(error, 'save the reminder');
      }
    }
  });
  $('rem-cancel').addEventListener('click', closeForm);
  form.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeForm(); });
  $('rem-new').addEventListener('click', () => openForm(null));
  $('rem-export-all').addEventListener('click', () => exportIcs(null));

  async function saveSettings() {
    try {
      await api.remindersSettings({ follow_up_months: Number($('rem-months').value), awaiting_reply: $('rem-awaiting').checked });
      $('rem-settings-note').textContent = 'Saved. New declines use these settings; existing reminders keep their dates (edit them above).';
    } catch (error) {
      showError(error, 'save the settings');
      await refresh();
    }
  }
  $('rem-months').addEventListener('change', saveSettings);
  $('rem-awaiting').addEventListener('change', saveSettings);
  $('rem-autostart').addEventListener('change', async () => {
    const want = $('rem-autostart').checked;
    try {
      const on = await api.remindersAutostart(want);
      $('rem-autostart').checked = on;
      $('rem-settings-note').textContent = on
        ? 'Politely will start in the background when you log in, and remind you on time.'
        : 'Politely will no longer start at login.';
    } catch (error) {
      $('rem-autostart').checked = !want;
      showError(error, want ? 'turn on start at login' : 'turn off start at login');
    }
  });

  // The banner for reminders the desktop could not show.
  let bannerIds = [];
  const dismissed = new Set(); // banner ids the user dismissed: not raised again every retry
  function showBanner(ids) {
    const due = (page?.reminders ?? []).filter((r) => ids.includes(r.id) && !dismissed.has(r.id));
    if (!due.length) return;
    bannerIds = ids;
    $('reminder-banner-text').textContent = bannerText(due);
    $('reminder-banner').hidden = false;
  }
  $('reminder-banner-open').addEventListener('click', () => {
    $('reminder-banner').hidden = true;
    open(bannerIds);
  });
  $('reminder-banner-dismiss').addEventListener('click', () => {
    for (const id of bannerIds) dismissed.add(id);
    $('reminder-banner').hidden = true;
  });

  /** Shows the screen on these reminders (from a notification's Open, or the banner). */
  function open(ids) {
    highlight = ids;
    highlightShown = false;
    navigate('reminders');
  }

  async function onRound(round) {
    failure = round.failed ?? null;
    await refresh();
    if (round.held?.length) showBanner(round.held);
    const told = explanation(page?.desktop);
    if (told) {
      showNotice(told);
      api.remindersExplained(page.desktop.reason).catch(() => {});
    }
  }

  // Today becomes overdue or upcoming at local midnight: regroup then.
  function atMidnight() {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    setTimeout(() => { refresh(); atMidnight(); }, next - now);
  }
  atMidnight();

  api.listen('reminders', onRound).catch(() => {});
  api.listen('reminder-open', (ids) => open(ids)).catch(() => {});

  async function load() {
    await refresh();
    if (page) draw();
  }

  /**
   * At start: the badge, and — when the reminder clock already found the desktop unable to show
   * what fell due while the app was closed — the banner and the one-time explanation.
   */
  async function start() {
    await refresh();
    if (page && !page.desktop.available) {
      const held = page.reminders.filter((r) => r.group === 'overdue' && r.state === 'pending').map((r) => r.id);
      await onRound({ held });
    }
  }

  return { load, refresh, start };
}
