// The History screen: search and filter the career folder, open one opportunity, record what
// happened. The backend owns every rule (status changes, validation); this module renders.
import * as api from './api.js';
import { el } from './dom.js';
import { ENTRY_FORMS, STATUS_LABELS, actionsFor, countLine, formatStamp, queryFromFilters } from './history-view.js';
import { dateToLocalInput, localToRfc3339 } from './situation.js';

/** Wires the History screen; returns `load()` for when the screen is shown. */
export function initHistory({ showError, showNotice }) {
  const $ = (id) => document.getElementById(id);
  const filters = $('history-filters');
  const list = $('history-list');
  const detail = $('history-detail');
  const form = $('hd-form');
  let selected = null; // { id, deleted }
  let action = null;
  let timer = null;

  function filterValues() {
    const data = new FormData(filters);
    return queryFromFilters({
      search: String(data.get('search') ?? ''), status: String(data.get('status') ?? ''),
      channel: String(data.get('channel') ?? ''), from: String(data.get('from') ?? ''),
      to: String(data.get('to') ?? ''), trash: data.has('trash'),
    });
  }

  function recover(error) {
    const damaged = error.code === 'database_damaged';
    $('history-recover').hidden = !damaged;
    if (damaged) $('history-recover-text').textContent = error.message[0].toUpperCase() + error.message.slice(1);
    return damaged;
  }

  async function load() {
    const query = filterValues();
    try {
      const rows = await api.historyList(query);
      $('history-recover').hidden = true;
      $('history-count').textContent = countLine(rows.length, query.trash, Boolean(query.search));
      list.replaceChildren(...rows.map((row) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'history-row';
        button.dataset.id = String(row.id);
        if (selected?.id === row.id) button.setAttribute('aria-current', 'true');
        button.append(el('strong', `${row.company} — ${row.role}`), el('span', STATUS_LABELS[row.status] ?? row.status, 'badge'),
          el('small', `Invited ${formatStamp(row.invited_at)}`));
        button.addEventListener('click', () => open(row.id));
        const li = document.createElement('li');
        li.append(button);
        return li;
      }));
    } catch (error) {
      if (!recover(error)) showError(error, 'load the history');
    }
  }

  async function open(id, { focus = true } = {}) {
    try {
      const d = await api.historyShow(id);
      const o = d.opportunity;
      selected = { id: o.id, deleted: Boolean(o.deleted_at) };
      for (const b of list.querySelectorAll('.history-row')) {
        if (Number(b.dataset.id) === id) b.setAttribute('aria-current', 'true');
        else b.removeAttribute('aria-current');
      }
      detail.hidden = false;
      $('hd-title').textContent = `${o.company} — ${o.role}`;
      $('hd-status').textContent = (STATUS_LABELS[o.status] ?? o.status) + (o.deleted_at ? ' · in the trash' : '');
      $('hd-status').dataset.status = o.status;
      const allowed = actionsFor(o.status, Boolean(o.deleted_at));
      for (const b of $('hd-actions').querySelectorAll('[data-action]')) b.hidden = !allowed.includes(b.dataset.action);
      const drafts = o.deleted_at ? [] : d.messages.filter((m) => m.status === 'draft');
      $('hd-drafts-box').hidden = drafts.length === 0;
      $('hd-drafts').replaceChildren(...drafts.map((m) => {
        const li = el('li', '');
        li.append(el('span', `${m.reopens_message_id ? 'Change-of-mind message' : 'Draft'} (${m.channel}): ${m.body}`));
        const send = el('button', 'Mark sent now', 'button quiet');
        send.type = 'button';
        send.dataset.message = String(m.id);
        send.addEventListener('click', () => run('mark it sent',
          () => api.historyMarkSent(m.id, localToRfc3339(dateToLocalInput(new Date())))));
        li.append(' ', send);
        return li;
      }));
      $('hd-timeline').replaceChildren(...d.timeline.map((t) => {
        const li = el('li', '');
        li.dataset.kind = t.kind;
        li.append(el('time', formatStamp(t.at)), el('span', t.text));
        return li;
      }));
      closeForm();
      if (focus) $('hd-title').focus();
    } catch (error) {
      showError(error, 'open the opportunity');
    }
  }

  function openForm(kind) {
    action = kind;
    const spec = ENTRY_FORMS[kind];
    form.reset();
    $('hd-form-title').textContent = spec.title;
    $('hd-form-channel-row').hidden = !spec.channel;
    $('hd-form-when-label').hidden = !spec.when;
    $('hd-form-when-text').textContent = spec.when ?? '';
    form.elements.namedItem('when').value = dateToLocalInput(new Date());
    $('hd-confirm').hidden = true;
    form.hidden = false;
    form.elements.namedItem('body').focus();
  }

  function closeForm() {
    form.hidden = true;
    $('hd-confirm').hidden = true;
    action = null;
  }

  async function run(what, work, notice) {
    try {
      await work();
      await load();
      await open(selected.id, { focus: false });
      if (notice) showNotice(notice.text, notice.undoLabel, notice.undo);
    } catch (error) {
      showError(error, what);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = form.elements.namedItem('body').value;
    const when = localToRfc3339(form.elements.namedItem('when').value);
    const id = selected.id;
    const works = {
      message: () => api.historyRecordMessage(id, form.elements.namedItem('channel').value,
        form.elements.namedItem('subject').value || null, body, when),
      reply: () => api.historyAddReply(id, body, when),
      note: () => api.historyAddNote(id, body),
      reopen: () => api.historyReopen(id, body),
    };
    run('save it', works[action]);
  });
  $('hd-form-cancel').addEventListener('click', closeForm);
  $('hd-actions').addEventListener('click', (event) => {
    const kind = event.target.closest('[data-action]')?.dataset.action;
    if (!kind || !selected) return;
    if (ENTRY_FORMS[kind]) openForm(kind);
    else if (kind === 'close') run('close it', () => api.historyClose(selected.id));
    else if (kind === 'undelete') run('restore it', () => api.historyUndelete(selected.id));
    else if (kind === 'delete') {
      form.hidden = true;
      $('hd-confirm').hidden = false;
      $('hd-confirm-no').focus();
    }
  });
  $('hd-confirm-no').addEventListener('click', () => { $('hd-confirm').hidden = true; });
  $('hd-confirm-yes').addEventListener('click', () => {
    const id = selected.id;
    run('move it to the trash', () => api.historyDelete(id), {
      text: 'Moved to the trash.', undoLabel: 'Undo', undo: () => run('restore it', () => api.historyUndelete(id)),
    });
  });
  filters.addEventListener('submit', (event) => event.preventDefault());
  filters.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  });
  filters.addEventListener('change', () => {
    clearTimeout(timer);
    detail.hidden = true;
    selected = null;
    load();
  });
  $('history-recover-restore').addEventListener('click', async () => {
    try {
      const backups = await api.historyBackups();
      if (!backups.length) {
        showNotice('There is no backup yet. Start a new history instead; the damaged file is kept.');
        return;
      }
      await api.historyRestoreBackup(backups[0].path);
      showNotice(`Restored the backup from ${backups[0].stamp}.`);
      load();
    } catch (error) {
      showError(error, 'restore the backup');
    }
  });
  $('history-recover-new').addEventListener('click', async () => {
    try {
      await api.historyStartNew();
      showNotice('A new, empty history was started. The damaged file was kept beside it.');
      load();
    } catch (error) {
      showError(error, 'start a new history');
    }
  });
  return { load, open };
}
