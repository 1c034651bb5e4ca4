// The Reminders screen, the navigation badge and the due-reminder banner. The list, the groups
// and every rule come from the backend; the reminder clock (in Rust) tells the page when
// something fell due, and "Open" on a desktop notification brings the page here.
import * as api from './api.js';
import { readDateField, showProblem, wireDateField, writeDateField } from './date-field.js';
import { localDate } from './dates.js';
import { $, $$, button, el, option } from './dom.js';
import {
  GROUPS, SNOOZES, badgeLabel, badgeText, bannerText, defaultDue, desktopLine, detailLine, dueText, explanation,
  fromLocalInput, inGroup, undoSnapshot,
} from './reminders-view.js';
import { carry, newCase } from './store.js';

const ACTION_NAMES = { done: 'Mark done', dismiss: 'Dismiss', reopen: 'Reopen', edit: 'Edit', ics: 'Export .ics to a calendar', compose: 'Write the follow-up' };
const DONE_TEXT = { snooze: 'Snoozed', done: 'Marked done', dismiss: 'Dismissed', reopen: 'Reopened', edit: 'Saved' };
const FAILED = { snooze: 'snooze the reminder', done: 'mark it done', dismiss: 'dismiss it', reopen: 'reopen it', edit: 'save the reminder' };

/** Wires the screen; returns it: `load()` for when it is shown, `refresh()` for the badge, `start()`. */
export function initReminders(options) {
  return new RemindersScreen(options);
}

/** The screen's state: `page` (the backend's model of it), the reminder being edited, highlights. */
class RemindersScreen {
  constructor({ showError, showNotice, navigate }) {
    Object.assign(this, { showError, showNotice, navigate });
    this.screen = $('[data-screen="reminders"]');
    this.page = null;
    this.editing = null; // the reminder being edited, or null for a new one
    this.highlight = [];
    this.highlightShown = false;
    this.seq = 0;
    this.failure = null; // why the reminder clock could not read the history, if it could not
    this.bannerIds = [];
    this.dismissed = new Set(); // banner ids the user dismissed: not raised again every retry
    this.wireForm();
    this.wireSettings();
    this.wireBanner();
    this.atMidnight();
    api.listen('reminders', (round) => this.onRound(round)).catch(() => {});
    api.listen('reminder-open', (ids) => this.open(ids)).catch(() => {});
  }

  async refresh() {
    const mine = ++this.seq;
    try {
      const next = await api.remindersList();
      if (mine !== this.seq) return;
      this.page = next;
      this.drawBadge();
      if (!this.screen.hidden) this.draw();
    } catch (error) {
      if (!this.screen.hidden) this.showError(error, 'read your reminders');
    }
  }

  drawBadge() {
    const badge = $('#nav-rem-badge');
    const text = badgeText(this.page);
    badge.textContent = text;
    badge.hidden = !text;
    // The number is seen; the words are heard (the button's name stays its visible text plus them).
    $('#nav-rem-due').textContent = text ? `, ${badgeLabel(this.page)}` : '';
  }

  draw() {
    const { page } = this;
    // Redrawing replaces the list: keep focus on the same reminder (or its list) afterwards.
    const focusId = document.activeElement?.closest?.('.rem-item')?.dataset.id;
    const focusAction = document.activeElement?.dataset?.action;
    $('#rem-desktop').textContent = this.failure ? `Reminders cannot be read right now: ${this.failure}` : desktopLine(page.desktop);
    const groups = GROUPS.map((g) => ({ ...g, items: inGroup(page, g.id) })).filter((g) => g.items.length);
    $('#rem-empty').hidden = groups.length > 0;
    $('#rem-groups').replaceChildren(...groups.map((g) => groupSection(g, (r) => this.item(r))));
    if (focusId) {
      const again = $(`[data-id="${focusId}"]`, $('#rem-groups'));
      const target = again ? $(`[data-action="${focusAction}"]`, again) ?? again : null;
      (target ?? $('#rem-new')).focus();
    }
    $('#rem-months').value = String(page.settings.follow_up_months);
    $('#rem-awaiting').checked = page.settings.awaiting_reply;
    $('#rem-autostart-label').hidden = !page.autostart.supported;
    $('#rem-autostart').checked = page.autostart.enabled;
    $('#rem-keep-running').checked = page.keep_running;
    this.drawHighlight();
  }

  /** Outlines the reminders a notification (or the banner) opened the screen on. */
  drawHighlight() {
    const find = (id) => $(`[data-id="${id}"]`, $('#rem-groups'));
    for (const id of this.highlight) find(id)?.classList.add('flash');
    if (!this.highlight.length || this.highlightShown) return;
    const first = find(this.highlight[0]);
    if (!first) return;
    this.highlightShown = true;
    first.scrollIntoView({ block: 'center' });
    first.focus();
    // The outline marks what the notification was about for a few seconds, across redraws.
    setTimeout(() => {
      this.highlight = [];
      for (const item of $$('.rem-item.flash')) item.classList.remove('flash');
    }, 6000);
  }

  /** One reminder with its actions, each button named with the reminder for a screen reader. */
  item(r) {
    const li = el('li', '', 'rem-item');
    Object.assign(li.dataset, { id: String(r.id), group: r.group, kind: r.kind });
    li.tabIndex = -1;
    const text = el('div', '', 'rem-text');
    text.append(el('p', r.summary, 'rem-summary'), el('p', detailLine(r), 'rem-detail'), el('p', r.why, 'rem-why'));
    li.append(text);
    const actions = el('div', '', 'rem-actions');
    const action = (label, name, cls = 'button') => {
      const b = button(label, cls, () => this.act(r, name));
      b.dataset.action = name;
      // Two cases can share a wording: the due time tells their reminders apart.
      b.setAttribute('aria-label', `${ACTION_NAMES[name] ?? label}: ${r.summary}, due ${dueText(r)}`);
      return b;
    };
    if (r.group === 'closed') {
      actions.append(action('Reopen', 'reopen', 'button quiet'));
    } else {
      if (r.kind === 'follow_up' && r.opportunity_id != null) actions.append(action('Write the follow-up', 'compose', 'button primary'));
      actions.append(this.snoozeMenu(r, actions), action('Done', 'done', 'button'), action('Dismiss', 'dismiss', 'button quiet'));
    }
    actions.append(action('Edit', 'edit', 'button quiet'), action('.ics', 'ics', 'button quiet'));
    li.append(actions);
    return li;
  }

  snoozeMenu(r, actions) {
    const snooze = el('select', '');
    snooze.setAttribute('aria-label', `Snooze “${r.summary}”, due ${dueText(r)}`);
    snooze.dataset.action = 'snooze';
    snooze.append(option('', 'Snooze…'), ...SNOOZES.map((s, i) => option(i, s.label)), option('pick', 'Pick a date…'));
    snooze.addEventListener('change', () => {
      const value = snooze.value;
      snooze.value = '';
      if (value === 'pick') this.pickDate(r, actions, snooze);
      else if (value !== '') this.run(r, 'snooze', () => api.remindersSnooze(r.id, SNOOZES[Number(value)].snooze));
    });
    return snooze;
  }

  pickDate(r, actions, select) {
    const input = document.createElement('input');
    input.type = 'text';
    input.dataset.date = 'datetime';
    input.id = `rem-snooze-${r.id}`;
    wireDateField(input);
    writeDateField(input, localDate(defaultDue()));
    input.setAttribute('aria-label', `Snooze “${r.summary}”, due ${dueText(r)}, until`);
    const go = () => {
      const { value, problem } = readDateField(input);
      const at = value ? fromLocalInput(value) : null;
      if (!at) {
        showProblem(input, problem ?? 'Say until when: a date and time.');
        input.focus();
        return;
      }
      this.run(r, 'snooze', () => api.remindersSnooze(r.id, { for: 'until', at }));
    };
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); if (e.key === 'Escape') this.draw(); });
    select.replaceWith(input, button('Snooze', 'button', go));
    input.focus();
  }

  /** Runs a change and offers Undo (everything a user can change here can be put back). */
  async run(r, action, change) {
    const before = undoSnapshot(r);
    try {
      const after = await change();
      await this.refresh();
      const when = action === 'snooze' ? ` until ${dueText(after)}` : '';
      this.showNotice(`${DONE_TEXT[action]}: “${after.summary}”${when}.`, 'Undo', async () => {
        try {
          await api.remindersRestore(before);
          await this.refresh();
        } catch (error) {
          this.showError(error, 'undo that');
        }
      });
    } catch (error) {
      this.showError(error, FAILED[action]);
    }
  }

  async act(r, action) {
    switch (action) {
      case 'done': return this.run(r, 'done', () => api.remindersSetState(r.id, 'done'));
      case 'dismiss': return this.run(r, 'dismiss', () => api.remindersSetState(r.id, 'dismissed'));
      case 'reopen': return this.run(r, 'reopen', () => api.remindersSetState(r.id, 'pending'));
      case 'edit': return this.openForm(r);
      case 'ics': return this.exportIcs([r.id], null);
      case 'compose': return this.writeFollowUp(r);
      default: return undefined;
    }
  }

  /** Opens Compose on the follow-up note for the reminder's opportunity. */
  async writeFollowUp(r) {
    try {
      const detail = await api.historyShow(r.opportunity_id);
      const last = detail.decisions.at(-1);
      const situation = JSON.parse(last.situation);
      const advice = last.advice ? JSON.parse(last.advice) : {};
      // The note belongs to the reminder's opportunity: saving it adds to that one.
      carry(situation, { ...advice, scenario: 'follow_up' }, newCase(r.opportunity_id), 'reminder');
      this.navigate('compose');
    } catch (error) {
      this.showError(error, 'open the follow-up');
    }
  }

  /** Writes an .ics file; says where beside `at` (the Export button's place), else on top. */
  async exportIcs(ids, at = $('#rem-feedback')) {
    try {
      const path = await api.remindersExportIcs(ids, $('#rem-ics-kind').value);
      this.showNotice(`Exported to ${path}. Open it with your calendar app.`, 'Show in folder', () => {
        api.showInFolder(path).catch((error) => this.showError(error, 'show the file in its folder', { at }));
      }, { at });
    } catch (error) {
      this.showError(error, 'export the reminders', { at });
    }
  }

  openForm(r) {
    this.editing = r ?? null;
    $('#rem-form-title').textContent = r ? 'Edit reminder' : 'New reminder';
    $('#rem-title').value = r ? r.title ?? r.summary : '';
    writeDateField($('#rem-due'), r ? new Date(r.due_at) : localDate(defaultDue()));
    $('#rem-problem').hidden = true;
    $('#rem-form').hidden = false;
    $('#rem-title').focus();
  }

  closeForm() {
    const was = this.editing;
    $('#rem-form').hidden = true;
    this.editing = null;
    const back = was && $(`[data-id="${was.id}"] [data-action="edit"]`, $('#rem-groups'));
    (back ?? $('#rem-new')).focus();
  }

  formProblem(text) {
    $('#rem-problem').textContent = text;
    $('#rem-problem').hidden = false;
  }

  /** Saves the form: an edit of `editing` (with Undo), or a new reminder (Undo deletes it). */
  async submit() {
    const title = $('#rem-title').value;
    const due = readDateField($('#rem-due'));
    const at = due.value ? fromLocalInput(due.value) : null;
    const problem = !title.trim() ? 'Say what to do.' : due.problem ?? (!at ? 'Say when: a date and time.' : null);
    if (problem) {
      this.formProblem(problem);
      return;
    }
    const r = this.editing;
    try {
      if (r) {
        // An unchanged built-in wording stays built-in (it follows the company's name); an
        // unchanged time keeps its seconds, so only moving it arms it again.
        const wording = title.trim() === r.summary && !r.title ? null : title;
        const unchanged = due.value === localValue(new Date(r.due_at));
        await this.run(r, 'edit', () => api.remindersEdit(r.id, unchanged ? r.due_at : at, wording));
      } else {
        const added = await api.remindersAdd(null, at, title);
        await this.refresh();
        this.showNotice(`Added “${added.summary}” for ${dueText(added)}.`, 'Undo', async () => {
          await api.remindersDelete(added.id);
          await this.refresh();
        });
      }
      this.closeForm();
    } catch (error) {
      if (error.code === 'invalid_input') this.formProblem(error.message);
      else this.showError(error, 'save the reminder');
    }
  }

  wireForm() {
    const form = $('#rem-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    $('#rem-cancel').addEventListener('click', () => this.closeForm());
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closeForm(); });
    $('#rem-new').addEventListener('click', () => this.openForm(null));
    $('#rem-export-all').addEventListener('click', () => this.exportIcs(null));
  }

  async saveSettings() {
    try {
      await api.remindersSettings({ follow_up_months: Number($('#rem-months').value), awaiting_reply: $('#rem-awaiting').checked });
      $('#rem-settings-note').textContent = 'Saved. New declines use these settings; existing reminders keep their dates (edit them above).';
    } catch (error) {
      this.showError(error, 'save the settings');
      await this.refresh();
    }
  }

  /** Start at login: the switch says what the system now does, and the note what it means. */
  setAutostart(want) {
    return this.setSwitch(want, '#rem-autostart', api.remindersAutostart, {
      on: 'Politely will start in the background when you log in, and remind you on time.',
      off: 'Politely will no longer start at login.',
      failed: want ? 'turn on start at login' : 'turn off start at login',
    });
  }

  /** Keep running for reminders: closing the window hides it instead of ending Politely. */
  setKeepRunning(want) {
    return this.setSwitch(want, '#rem-keep-running', api.remindersKeepRunning, {
      on: 'Closing the window now hides it; reminders keep arriving. Quit Politely from its tray icon.',
      off: 'Closing the window now ends Politely (and its reminders until the next start).',
      failed: want ? 'keep Politely running' : 'stop keeping Politely running',
    });
  }

  /** Asks the backend for one setting; the checkbox follows its answer, or goes back on failure. */
  async setSwitch(want, box, call, say) {
    try {
      const on = await call(want);
      $(box).checked = on;
      $('#rem-settings-note').textContent = on ? say.on : say.off;
    } catch (error) {
      $(box).checked = !want;
      this.showError(error, say.failed);
    }
  }

  wireSettings() {
    $('#rem-months').addEventListener('change', () => this.saveSettings());
    $('#rem-awaiting').addEventListener('change', () => this.saveSettings());
    $('#rem-autostart').addEventListener('change', () => this.setAutostart($('#rem-autostart').checked));
    $('#rem-keep-running').addEventListener('change', () => this.setKeepRunning($('#rem-keep-running').checked));
  }

  /** The banner for reminders the desktop could not show. */
  showBanner(ids) {
    const due = (this.page?.reminders ?? []).filter((r) => ids.includes(r.id) && !this.dismissed.has(r.id));
    if (!due.length) return;
    this.bannerIds = ids;
    // An alert is read out each time its text is set: the same reminders are not said twice.
    const text = bannerText(due);
    if ($('#reminder-banner').hidden || $('#reminder-banner-text').textContent !== text) {
      $('#reminder-banner-text').textContent = text;
      $('#reminder-banner').hidden = false;
    }
  }

  wireBanner() {
    $('#reminder-banner-open').addEventListener('click', () => {
      $('#reminder-banner').hidden = true;
      this.open(this.bannerIds);
    });
    $('#reminder-banner-dismiss').addEventListener('click', () => {
      for (const id of this.bannerIds) this.dismissed.add(id);
      $('#reminder-banner').hidden = true;
    });
  }

  /** Shows the screen on these reminders (from a notification's Open, or the banner). */
  open(ids) {
    this.highlight = ids;
    this.highlightShown = false;
    this.navigate('reminders');
  }

  /** A round of the reminder clock: redraw, and raise what the desktop could not show. */
  async onRound(round) {
    this.failure = round.failed ?? null;
    await this.refresh();
    if (round.held?.length) this.showBanner(round.held);
    const told = explanation(this.page?.desktop);
    // Once a session is enough, even when the record of it went with a restored history.
    if (told && !this.toldThisSession?.has(this.page.desktop.reason)) {
      (this.toldThisSession ??= new Set()).add(this.page.desktop.reason);
      this.showNotice(told);
      api.remindersExplained(this.page.desktop.reason).catch(() => {});
    }
  }

  /** Today becomes overdue or upcoming at local midnight: regroup then. */
  atMidnight() {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
    setTimeout(() => { this.refresh(); this.atMidnight(); }, next - now);
  }

  async load() {
    await this.refresh();
    if (this.page) this.draw();
  }

  /**
   * At start: the badge, and — when the reminder clock already found the desktop unable to show
   * what fell due while the app was closed — the banner and the one-time explanation.
   */
  async start() {
    await this.refresh();
    if (this.page && !this.page.desktop.available) {
      const held = this.page.reminders.filter((r) => r.group === 'overdue' && r.state === 'pending').map((r) => r.id);
      await this.onRound({ held });
    }
  }
}

/** "2026-11-25T14:30" for a Date, to the minute, as the date fields read it. */
function localValue(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** One group of reminders under its heading; "Done and dismissed" folds away. */
function groupSection(g, item) {
  const section = el('section', '', 'rem-group');
  section.setAttribute('aria-labelledby', `h-rem-${g.id}`);
  const h = el('h2', g.title);
  h.id = `h-rem-${g.id}`;
  h.append(' ', el('span', String(g.items.length), 'badge'));
  const list = el('ul', '', 'rem-list');
  list.dataset.group = g.id;
  list.append(...g.items.map(item));
  if (g.id !== 'closed') {
    section.append(h, list);
    return section;
  }
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
  return section;
}
