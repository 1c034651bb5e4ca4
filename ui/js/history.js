// The History screen: search and filter the career folder, open one opportunity, record what
// happened. The backend owns every rule (status changes, validation); this module renders.
import * as api from './api.js';
import { backupName } from './about-view.js';
import { catalog } from './catalog.js';
import { $, $$, button, el } from './dom.js';
import {
  ENTRY_FORMS, actionsFor, countLine, draftLine, formatStamp, queryFromFilters, statusText,
} from './history-view.js';
import { dateToLocalInput, localToRfc3339 } from './situation.js';

/** Wires the History screen; returns it: `load()` for when it is shown, `open(id)` for one opportunity. */
export function initHistory(options) {
  return new HistoryScreen(options);
}

class HistoryScreen {
  constructor({ showError, showNotice }) {
    Object.assign(this, { showError, showNotice });
    this.filters = $('#history-filters');
    this.list = $('#history-list');
    this.form = $('#hd-form');
    this.selected = null; // { id, deleted }
    this.action = null; // the entry form's kind
    this.timer = null;
    this.wireFilters();
    this.wireDetail();
    wireRecovery({ showError, showNotice, load: () => this.load() });
  }

  /** Shows the damaged-history choices when that is what went wrong. */
  recover(error) {
    const damaged = error.code === 'database_damaged';
    $('#history-recover').hidden = !damaged;
    if (damaged) $('#history-recover-text').textContent = error.message[0].toUpperCase() + error.message.slice(1);
    return damaged;
  }

  async load() {
    const query = filterValues(this.filters);
    try {
      const rows = await api.historyList(query);
      $('#history-recover').hidden = true;
      $('#history-count').textContent = countLine(rows.length, query.trash, Boolean(query.search));
      this.list.replaceChildren(...rows.map((row) => listItem(row, this.selected, (id) => this.open(id))));
    } catch (error) {
      if (!this.recover(error)) this.showError(error, 'load the history');
    }
  }

  async open(id, { focus = true } = {}) {
    try {
      const d = await api.historyShow(id);
      const o = d.opportunity;
      this.selected = { id: o.id, deleted: Boolean(o.deleted_at) };
      for (const b of $$('.history-row', this.list)) {
        if (Number(b.dataset.id) === id) b.setAttribute('aria-current', 'true');
        else b.removeAttribute('aria-current');
      }
      $('#history-detail').hidden = false;
      renderDetail(d, (m) => this.run('mark it sent', () => api.historyMarkSent(m.id, localToRfc3339(dateToLocalInput(new Date())))));
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
    form.elements.namedItem('when').value = dateToLocalInput(new Date());
    $('#hd-confirm').hidden = true;
    form.hidden = false;
    form.elements.namedItem('body').focus();
  }

  closeForm() {
    this.form.hidden = true;
    $('#hd-confirm').hidden = true;
    this.action = null;
  }

  /** Does `work`, then shows the list and the opportunity as they are now (and `notice`). */
  async run(what, work, notice) {
    try {
      await work();
      await this.load();
      await this.open(this.selected.id, { focus: false });
      if (notice) this.showNotice(notice.text, notice.undoLabel, notice.undo);
    } catch (error) {
      this.showError(error, what);
    }
  }

  /** Saves what the entry form holds: a sent message, a reply, a note or a change of mind. */
  submit() {
    const field = (name) => this.form.elements.namedItem(name).value;
    const body = field('body');
    const when = localToRfc3339(field('when'));
    const { id } = this.selected;
    const works = {
      message: () => api.historyRecordMessage({
        opportunity_id: id, channel: field('channel'), subject: field('subject') || null, body, sent_at: when,
      }),
      reply: () => api.historyAddReply(id, body, when),
      note: () => api.historyAddNote(id, body),
      reopen: () => api.historyReopen(id, body),
    };
    this.run('save it', works[this.action]);
  }

  wireDetail() {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    $('#hd-form-cancel').addEventListener('click', () => this.closeForm());
    $('#hd-actions').addEventListener('click', (event) => {
      const kind = event.target.closest('[data-action]')?.dataset.action;
      if (!kind || !this.selected) return;
      const { id } = this.selected;
      if (ENTRY_FORMS[kind]) this.openForm(kind);
      else if (kind === 'close') this.run('close it', () => api.historyClose(id));
      else if (kind === 'undelete') this.run('restore it', () => api.historyUndelete(id));
      else if (kind === 'delete') {
        this.form.hidden = true;
        $('#hd-confirm').hidden = false;
        $('#hd-confirm-no').focus();
      }
    });
    $('#hd-confirm-no').addEventListener('click', () => { $('#hd-confirm').hidden = true; });
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
    filters.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.load(), 150);
    });
    filters.addEventListener('change', (event) => {
      // The search box follows every keystroke (above); its change on leaving it is no new
      // filter, and closing the opportunity then would swallow the click that left it.
      if (event.target.name === 'search') return;
      clearTimeout(this.timer);
      $('#history-detail').hidden = true;
      this.selected = null;
      this.load();
    });
  }
}

function filterValues(filters) {
  const data = new FormData(filters);
  return queryFromFilters({
    search: String(data.get('search') ?? ''), status: String(data.get('status') ?? ''),
    channel: String(data.get('channel') ?? ''), from: String(data.get('from') ?? ''),
    to: String(data.get('to') ?? ''), trash: data.has('trash'),
  });
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
    li.append(el('span', draftLine(catalog(), m)), ' ', send);
    return li;
  }));
  $('#hd-timeline').replaceChildren(...d.timeline.map((t) => {
    const li = el('li', '');
    li.dataset.kind = t.kind;
    li.append(el('time', formatStamp(t.at)), el('span', t.text));
    return li;
  }));
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
      showNotice(`Restored the backup from ${backups[0].stamp}.`);
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
