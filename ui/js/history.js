// The History screen: search and filter the career folder a page at a time, open one
// opportunity with everything stored about it, record what happened, export it to a file the
// user chooses and import one. The backend owns every rule (status changes, validation); this
// module renders.
import * as api from './api.js';
import { backupLine, backupName } from './about-view.js';
import { catalog, labelOf } from './catalog.js';
import { readDateField, showProblem, writeDateField } from './date-field.js';
import { $, $$, button, el } from './dom.js';
import { clearSlot } from './feedback.js';
import {
  ENTRY_FORMS, EXPORT_FILTERS, actionsFor, countLine, draftTitle, exportName, firstLine, formatStamp, importSummary,
  pagerState, queryFromFilters, statusText, timelineItems,
} from './history-view.js';
import { answerScenario, intentText, matchLine, receivedAt, replyToKeep } from './read-view.js';
import { localToRfc3339 } from './situation.js';
import { carry, newCase } from './store.js';

/** Opportunities on one page of the list. */
const PAGE = 50;

/** Wires the History screen; returns it: `load()` for when it is shown, `open(id)` for one opportunity. */
export function initHistory(options) {
  return new HistoryScreen(options);
}

class HistoryScreen {
  constructor({ showError, showNotice, navigate }) {
    Object.assign(this, { showError, showNotice, navigate });
    this.filters = $('#history-filters');
    this.list = $('#history-list');
    this.form = $('#hd-form');
    this.selected = null; // { id, deleted }
    this.action = null; // the entry form's kind
    this.timer = null;
    this.offset = 0;
    this.seq = 0;
    this.wireFilters();
    this.wirePager();
    this.wireDetail();
    this.wireFiles();
    this.wirePasteReply();
    wireRecovery({ showError, showNotice, load: () => this.load() });
  }

  /** Shows the damaged-history choices when that is what went wrong. */
  recover(error) {
    const damaged = error.code === 'database_damaged';
    $('#history-recover').hidden = !damaged;
    // Nothing to export, import or search until the history is usable again.
    $('#history-tools').hidden = damaged;
    this.filters.hidden = damaged;
    if (damaged) $('#history-recover-text').textContent = error.message[0].toUpperCase() + error.message.slice(1);
    return damaged;
  }

  /** The filters as a query; null (with the problem shown) when a date cannot be read. */
  query() {
    const data = new FormData(this.filters);
    const dates = {};
    for (const name of ['from', 'to']) {
      const input = this.filters.elements.namedItem(name);
      const { value, problem } = readDateField(input);
      showProblem(input, problem);
      if (problem) return null;
      dates[name] = value;
    }
    return queryFromFilters({
      search: String(data.get('search') ?? ''), status: String(data.get('status') ?? ''),
      channel: String(data.get('channel') ?? ''), trash: data.has('trash'), ...dates,
    }, { offset: this.offset, limit: PAGE });
  }

  async load() {
    const query = this.query();
    if (!query) return;
    const mine = ++this.seq;
    try {
      const page = await api.historyList(query);
      if (mine !== this.seq) return;
      $('#history-recover').hidden = true;
      $('#history-tools').hidden = false;
      this.filters.hidden = false;
      // Deleting the last row of the last page: show the page before it.
      if (!page.rows.length && page.total > 0 && this.offset > 0) {
        this.offset = Math.max(0, Math.floor((page.total - 1) / PAGE) * PAGE);
        await this.load();
        return;
      }
      $('#history-count').textContent = countLine({ total: page.total, offset: page.offset, shown: page.rows.length },
        query.trash, Boolean(query.search));
      this.list.replaceChildren(...page.rows.map((row) => listItem(row, this.selected, (id) => this.open(id))));
      const pager = pagerState({ total: page.total, offset: page.offset, limit: page.limit });
      $('#history-pager').hidden = !pager.shown;
      $('#history-prev').disabled = !pager.newer;
      $('#history-next').disabled = !pager.older;
      $('#history-page').textContent = pager.text;
    } catch (error) {
      if (mine === this.seq && !this.recover(error)) this.showError(error, 'load the history');
    }
  }

  async open(id, { focus = true } = {}) {
    try {
      const d = await api.historyShow(id);
      const o = d.opportunity;
      this.selected = { id: o.id, deleted: Boolean(o.deleted_at), title: `${o.company} — ${o.role}` };
      this.detail = d;
      // What a pasted reply wants stays in view for its own opportunity only.
      if (this.readFor !== o.id) {
        $('#hd-read').hidden = true;
        this.readFor = null;
      }
      for (const b of $$('.history-row', this.list)) {
        if (Number(b.dataset.id) === id) b.setAttribute('aria-current', 'true');
        else b.removeAttribute('aria-current');
      }
      $('#history-detail').hidden = false;
      renderDetail(d, (m) => this.run('mark it sent', () => api.historyMarkSent(m.id, localToRfc3339(nowLocal())),
        { text: 'Marked as sent now.' }));
      this.closeForm();
      if (focus) $('#hd-title').focus();
    } catch (error) {
      this.showError(error, 'open the opportunity');
    }
  }

  openForm(kind) {
    const { form } = this;
    this.action = kind;
    const spec = ENTRY_FORMS[kind];
    form.reset();
    $('#hd-form-title').textContent = spec.title;
    $('#hd-form-channel-row').hidden = !spec.channel;
    $('#hd-form-when-label').hidden = !spec.when;
    $('#hd-form-when-text').textContent = spec.when ?? '';
    writeDateField(form.elements.namedItem('when'), new Date());
    this.whenShown = form.elements.namedItem('when').value;
    $('#hd-confirm').hidden = true;
    form.hidden = false;
    form.elements.namedItem('body').focus();
  }

  closeForm() {
    this.form.hidden = true;
    $('#hd-confirm').hidden = true;
    this.action = null;
  }

  /**
   * Does `work`, then shows the list and the opportunity as they are now, and `notice` (text,
   * with an optional Undo) beside the actions. Returns what `work` returned.
   */
  async run(what, work, notice) {
    const at = $('#hd-feedback');
    try {
      const result = await work();
      await this.load();
      if (this.selected) await this.open(this.selected.id, { focus: false });
      if (notice) this.showNotice(notice.text, notice.undoLabel, notice.undo, { at });
      return result;
    } catch (error) {
      this.showError(error, what, { at });
      return undefined;
    }
  }

  /** Saves what the entry form holds: a sent message, a reply, a note or a change of mind. */
  submit() {
    const field = (name) => this.form.elements.namedItem(name).value;
    const body = field('body');
    const whenInput = this.form.elements.namedItem('when');
    let when = null;
    if (ENTRY_FORMS[this.action].when) {
      const { value, problem } = readDateField(whenInput);
      if (problem || !value) {
        showProblem(whenInput, problem ?? 'Say when: a date and time.');
        whenInput.focus();
        return;
      }
      when = localToRfc3339(value);
    }
    const { id } = this.selected;
    const works = {
      message: () => api.historyRecordMessage({
        opportunity_id: id, channel: field('channel'), subject: field('subject') || null, body, sent_at: when,
      }),
      reply: () => api.historyAddReply(id, body, when),
      note: () => api.historyAddNote(id, body),
      reopen: () => api.historyReopen(id, body),
    };
    if (this.action === 'reply') {
      // Read first, to say what it wants; recorded either way (an unreadable reply is still theirs).
      const typed = whenInput.value !== this.whenShown;
      this.recordReply(id, body, (read) => (typed ? when : receivedAt(read, when)));
      return;
    }
    const saved = { message: 'Recorded the message.', note: 'Added the note.', reopen: 'Saved the change-of-mind message as a draft.' };
    this.run('save it', works[this.action], { text: saved[this.action] });
  }

  /**
   * Reads a reply (unless `read` is given), records it on opportunity `id` at `when(read)`, and
   * shows what it wants, with the answer to open in Compose.
   */
  async recordReply(id, body, when, read = undefined) {
    let found = read;
    if (found === undefined) {
      try {
        found = await api.readMessage(body);
      } catch {
        found = null;
      }
    }
    this.readFor = id;
    $('#hd-read').hidden = true;
    const saved = await this.run('save the reply', () => api.historyAddReply(id, replyToKeep(body, found), when(found)));
    if (saved === undefined) return;
    // The box below says it was recorded; an older "Recorded the message." would only confuse.
    clearSlot($('#hd-feedback'));
    this.showRead(id, found);
  }

  /** What the recorded reply wants, and the answer Compose would open (none for "other"). */
  showRead(id, read) {
    const intent = intentText(read, catalog());
    const scenario = answerScenario(read);
    const answer = scenario ? ` Politely can draft the answer: ${labelOf(catalog(), 'message_kinds', scenario)}.` : ' Nothing to answer.';
    $('#hd-read-text').textContent = `Recorded their reply. ${intent ? `${intent}.` : 'Politely could not tell what it asks.'}${answer}`;
    const compose = $('#hd-read-compose');
    compose.hidden = !scenario;
    compose.textContent = scenario ? 'Write the answer in Compose' : '';
    this.answerTo = scenario ? { id, scenario } : null;
    $('#hd-read').hidden = false;
    // The next step is the answer, when there is one; else back to the opportunity.
    (scenario ? compose : $('#hd-title')).focus({ preventScroll: true });
    $('#hd-read').scrollIntoView({ block: 'nearest' });
  }

  /** Opens Compose on `scenario` for the opportunity, from its last decision (or its name). */
  answer(id, scenario) {
    const d = this.detail;
    const last = d?.opportunity.id === id ? d.decisions.at(-1) : null;
    const o = d?.opportunity ?? {};
    const situation = last ? JSON.parse(last.situation) : { company: o.company, role: o.role };
    const advice = last?.advice ? JSON.parse(last.advice) : {};
    // The answer belongs to this opportunity: saving it adds to this one.
    carry(situation, { ...advice, scenario }, newCase(id), 'reply');
    this.navigate('compose');
  }

  /** "Paste a reply…": read it, say which opportunity it answers, record it there once confirmed. */
  wirePasteReply() {
    const form = $('#history-reply-form');
    const toggle = $('#history-paste-reply');
    const text = $('#history-reply-text');
    const confirmBox = $('#history-reply-confirm');
    const at = $('#history-tools-feedback');
    let pending = null;
    const close = () => {
      form.hidden = true;
      confirmBox.hidden = true;
      pending = null;
      toggle.setAttribute('aria-expanded', 'false');
    };
    toggle.addEventListener('click', () => {
      const open = form.hidden;
      close();
      if (!open) return;
      form.hidden = false;
      toggle.setAttribute('aria-expanded', 'true');
      text.focus();
    });
    $('#history-reply-cancel').addEventListener('click', () => { close(); toggle.focus(); });
    $('#history-reply-no').addEventListener('click', () => { confirmBox.hidden = true; pending = null; text.focus(); });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearSlot(at);
      confirmBox.hidden = true;
      pending = null;
      if (!text.value.trim()) {
        this.showError({ code: 'invalid_input', message: 'there is nothing to read yet: paste the reply in the box' },
          'find its opportunity', { at });
        text.focus();
        return;
      }
      try {
        const { read, matched } = await api.readReply(text.value);
        $('#history-reply-match').textContent = matchLine(matched);
        $('#history-reply-yes').hidden = !matched;
        $('#history-reply-no').hidden = !matched;
        pending = matched ? { read, matched, body: text.value } : null;
        confirmBox.hidden = false;
        (matched ? $('#history-reply-yes') : text).focus();
      } catch (error) {
        this.showError(error, 'read the reply', { at });
      }
    });
    $('#history-reply-yes').addEventListener('click', async () => {
      if (!pending) return;
      const { read, matched, body } = pending;
      close();
      text.value = '';
      const id = matched.opportunity_id;
      await this.open(id, { focus: false });
      await this.recordReply(id, body, (r) => receivedAt(r, localToRfc3339(nowLocal())), read);
    });
  }

  /** Close asks nothing: it is one click to undo. */
  async close(id) {
    const title = this.selected.title;
    let before = null;
    await this.run('close it', async () => { before = await api.historyClose(id); }, {
      text: `Closed “${title}”: nothing more to do for it.`,
      undoLabel: 'Undo',
      undo: () => this.run('reopen it', () => api.historyUndoClose(id, before), { text: `“${title}” is ${statusText(catalog(), before).toLowerCase()} again.` }),
    });
  }

  wireDetail() {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    $('#hd-form-cancel').addEventListener('click', () => this.closeForm());
    $('#hd-read-compose').addEventListener('click', () => {
      if (this.answerTo) this.answer(this.answerTo.id, this.answerTo.scenario);
    });
    $('#hd-actions').addEventListener('click', (event) => {
      const kind = event.target.closest('[data-action]')?.dataset.action;
      if (!kind || !this.selected) return;
      const { id } = this.selected;
      if (ENTRY_FORMS[kind]) this.openForm(kind);
      else if (kind === 'close') this.close(id);
      else if (kind === 'undelete') this.run('restore it', () => api.historyUndelete(id), { text: 'Restored from the trash.' });
      else if (kind === 'delete') {
        this.form.hidden = true;
        $('#hd-confirm').hidden = false;
        $('#hd-confirm-no').focus();
      }
    });
    $('#hd-confirm-no').addEventListener('click', () => {
      $('#hd-confirm').hidden = true;
      $('#hd-actions [data-action=delete]').focus();
    });
    $('#hd-confirm-yes').addEventListener('click', () => {
      const { id } = this.selected;
      this.run('move it to the trash', () => api.historyDelete(id), {
        text: 'Moved to the trash.', undoLabel: 'Undo', undo: () => this.run('restore it', () => api.historyUndelete(id)),
      });
    });
  }

  wireFilters() {
    const { filters } = this;
    filters.addEventListener('submit', (event) => event.preventDefault());
    filters.addEventListener('input', (event) => {
      // Dates are read once typed in full (on leaving the field), not letter by letter.
      if (event.target.dataset.date) return;
      clearTimeout(this.timer);
      this.offset = 0;
      this.timer = setTimeout(() => this.load(), 150);
    });
    filters.addEventListener('change', (event) => {
      // The search box follows every keystroke (above); its change on leaving it is no new
      // filter, and closing the opportunity then would swallow the click that left it.
      if (event.target.name === 'search') return;
      clearTimeout(this.timer);
      this.offset = 0;
      $('#history-detail').hidden = true;
      this.selected = null;
      this.load();
    });
  }

  wirePager() {
    const go = (delta) => {
      this.offset = Math.max(0, this.offset + delta * PAGE);
      this.load().then(() => this.list.querySelector('.history-row')?.focus());
    };
    $('#history-prev').addEventListener('click', () => go(-1));
    $('#history-next').addEventListener('click', () => go(1));
  }

  /** Export to a file the user chooses; import one after saying what it would add. */
  wireFiles() {
    const at = $('#history-tools-feedback');
    const confirmBox = $('#history-import-confirm');
    let pending = null;
    $('#history-export').addEventListener('click', async () => {
      clearSlot(at);
      confirmBox.hidden = true;
      const format = $('#history-format').value;
      try {
        const path = await api.chooseSaveFile(exportName(format), EXPORT_FILTERS[format]);
        if (!path) return;
        const written = await api.historyExportTo(path, format);
        this.showNotice(`Exported your history to ${written}`, 'Show in folder', () => {
          api.showInFolder(written).catch((error) => this.showError(error, 'show the file in its folder', { at }));
        }, { at });
      } catch (error) {
        this.showError(error, 'export the history', { at });
      }
    });
    $('#history-import').addEventListener('click', async () => {
      clearSlot(at);
      confirmBox.hidden = true;
      try {
        const path = await api.chooseOpenFile(EXPORT_FILTERS.json);
        if (!path) return;
        const would = importSummary(await api.historyImportFrom(path, true));
        const name = String(path).split(/[\\/]/).pop();
        if (would.nothingNew) {
          this.showNotice(`Nothing to import: everything in ${name} is already in your history.`, null, null, { at });
          return;
        }
        pending = { path, would };
        $('#history-import-text').textContent = `Add ${would.list} from ${name} to your history${would.already}?`;
        confirmBox.hidden = false;
        $('#history-import-yes').focus();
      } catch (error) {
        this.showError(error, 'read that file', {
          at, hint: error.code === 'invalid_input' ? 'Choose a JSON export made by Politely: CSV and Markdown exports are for reading only.' : undefined,
        });
      }
    });
    $('#history-import-no').addEventListener('click', () => {
      confirmBox.hidden = true;
      pending = null;
      $('#history-import').focus();
    });
    $('#history-import-yes').addEventListener('click', async () => {
      confirmBox.hidden = true;
      const { path } = pending ?? {};
      pending = null;
      if (!path) return;
      try {
        const done = importSummary(await api.historyImportFrom(path, false));
        this.offset = 0;
        await this.load();
        this.showNotice(`Imported ${done.list}.`, null, null, { at });
        $('#history-import').focus();
      } catch (error) {
        this.showError(error, 'import the file', { at });
      }
    });
  }
}

function nowLocal() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function listItem(row, selected, open) {
  const item = button('', 'history-row', () => open(row.id));
  item.dataset.id = String(row.id);
  if (selected?.id === row.id) item.setAttribute('aria-current', 'true');
  item.append(el('strong', `${row.company} — ${row.role}`), el('span', statusText(catalog(), row.status), 'badge'),
    el('small', `Invited ${formatStamp(row.invited_at)}`));
  const li = document.createElement('li');
  li.append(item);
  return li;
}

/** A message's subject and body, line breaks kept. */
function fullText({ subject, body }) {
  const box = el('div', '', 'full-text');
  if (subject) box.append(el('p', `Subject: ${subject}`, 'full-subject'));
  box.append(el('p', body, 'full-body'));
  return box;
}

/** One line of the timeline; a message, reply or note opens to its whole text. */
function timelineEntry(item) {
  const li = el('li', '');
  li.dataset.kind = item.kind;
  const stamp = el('time', formatStamp(item.at));
  stamp.dateTime = item.at;
  const short = item.full && !item.full.subject && !item.full.body.includes('\n') && [...item.full.body].length <= 80;
  if (!item.full) {
    li.append(stamp, el('span', item.text));
  } else if (short) {
    li.append(stamp, el('span', `${item.text}: ${item.full.body}`));
  } else {
    const details = el('details', '', 'entry-text');
    const summary = el('summary', `${item.text}: ${firstLine(item.full.subject || item.full.body)}`);
    details.append(summary, fullText(item.full));
    li.append(stamp, details);
  }
  return li;
}

/** The opened opportunity: title, status, allowed actions, drafts to send and the timeline. */
function renderDetail(d, markSent) {
  const o = d.opportunity;
  $('#hd-title').textContent = `${o.company} — ${o.role}`;
  $('#hd-status').textContent = statusText(catalog(), o.status, Boolean(o.deleted_at));
  $('#hd-status').dataset.status = o.status;
  const allowed = actionsFor(o.status, Boolean(o.deleted_at));
  for (const b of $$('[data-action]', $('#hd-actions'))) b.hidden = !allowed.includes(b.dataset.action);
  const drafts = o.deleted_at ? [] : d.messages.filter((m) => m.status === 'draft');
  $('#hd-drafts-box').hidden = drafts.length === 0;
  $('#hd-drafts').replaceChildren(...drafts.map((m) => {
    const li = el('li', '');
    const send = button('Mark sent now', 'button quiet', () => markSent(m));
    send.dataset.message = String(m.id);
    send.setAttribute('aria-label', `Mark sent now: ${draftTitle(catalog(), m)}`);
    li.append(el('strong', draftTitle(catalog(), m)), fullText({ subject: m.subject, body: m.body }), send);
    return li;
  }));
  $('#hd-timeline').replaceChildren(...timelineItems(d, catalog()).map(timelineEntry));
}

/** The way out of a damaged history: restore the newest backup, or start a new one. */
function wireRecovery({ showError, showNotice, load }) {
  $('#history-recover-restore').addEventListener('click', async () => {
    try {
      const backups = await api.historyBackups();
      if (!backups.length) {
        showNotice('There is no backup yet. Start a new history instead; the damaged file is kept.');
        return;
      }
      await api.historyRestoreBackup(backupName(backups[0]));
      showNotice(`Restored the backup of ${backupLine(backups[0])}.`);
      load();
    } catch (error) {
      showError(error, 'restore the backup');
    }
  });
  $('#history-recover-new').addEventListener('click', async () => {
    try {
      await api.historyStartNew();
      showNotice('A new, empty history was started. The damaged file was kept beside it.');
      load();
    } catch (error) {
      showError(error, 'start a new history');
    }
  });
}

