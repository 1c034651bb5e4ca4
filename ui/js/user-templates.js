// "Your own templates" on the Compose screen: list, write, check as you type (with the line and
// column of any mistake), preview with the form's details, and use one in a preview card.
import * as api from './api.js';
import { el } from './dom.js';
import { caretOffset, problemLabel } from './compose-view.js';

/** Fields a template can use, shown as chips that insert them. */
export const TEMPLATE_FIELDS = Object.freeze([
  'company', 'role', 'contact.name', 'contact.first_name', 'contact.title', 'sender.name', 'sender.first_name',
  'sender.email', 'sender.phone', 'interview.day', 'interview.time', 'logistics', 'conflicts',
]);

/** Wires the panel. `situation()` is Compose's current Situation; `useText(channel, text, name)` fills a card. */
export function initUserTemplates({ showError, showNotice, situation, useText }) {
  const $ = (id) => document.getElementById(id);
  const panel = $('ut-panel');
  const list = $('ut-list');
  const editor = $('ut-editor');
  const name = $('ut-name');
  const channel = $('ut-channel');
  const subject = $('ut-subject');
  const body = $('ut-body');
  const problems = $('ut-problems');
  const preview = $('ut-preview');
  const previewSubject = $('ut-preview-subject');
  let editingId = null;
  let checkSeq = 0;
  let templates = [];

  $('ut-fields').replaceChildren(...TEMPLATE_FIELDS.map((field) => {
    const chip = el('button', `{{ ${field} }}`, 'chip');
    chip.type = 'button';
    chip.title = `Insert {{ ${field} }} at the cursor`;
    chip.addEventListener('click', () => {
      const target = document.activeElement === subject ? subject : body;
      const at = target.selectionStart ?? target.value.length;
      target.setRangeText(`{{ ${field} }}`, at, target.selectionEnd ?? at, 'end');
      target.focus();
      check();
    });
    return chip;
  }));

  function current() {
    const draft = { name: name.value, channel: channel.value, subject: subject.value, body: body.value };
    if (editingId != null) draft.id = editingId;
    return draft;
  }

  async function load() {
    try {
      templates = await api.templatesUserList();
    } catch (error) {
      showError(error, 'load your templates');
      return;
    }
    $('ut-count').textContent = templates.length ? `${templates.length} saved` : '';
    if (!templates.length) {
      list.replaceChildren(el('li', 'None yet.', 'empty'));
      return;
    }
    list.replaceChildren(...templates.map((t) => {
      const li = el('li', '');
      li.dataset.template = t.name;
      li.append(el('strong', t.name), el('span', { email: 'Email', phone: 'Phone script', linkedin: 'LinkedIn' }[t.channel], 'badge'));
      for (const [label, action] of [['Use', use], ['Edit', edit], ['Delete', remove]]) {
        const button = el('button', label, label === 'Delete' ? 'button quiet danger' : 'button quiet');
        button.type = 'button';
        button.dataset.action = label.toLowerCase();
        button.addEventListener('click', () => action(t));
        li.append(button);
      }
      return li;
    }));
  }

  function open(template) {
    editingId = template?.id ?? null;
    name.value = template?.name ?? '';
    channel.value = template?.channel ?? 'email';
    subject.value = template?.subject ?? '';
    body.value = template?.body ?? '';
    editor.hidden = false;
    $('ut-new').hidden = true;
    syncChannel();
    check();
    name.focus();
  }

  function close() {
    editor.hidden = true;
    $('ut-new').hidden = false;
    editingId = null;
  }

  function syncChannel() {
    $('ut-subject-field').hidden = channel.value !== 'email';
  }

  async function check() {
    const mine = ++checkSeq;
    let result;
    try {
      result = await api.templatesUserCheck(current(), situation());
    } catch (error) {
      showError(error, 'check the template');
      return;
    }
    if (mine !== checkSeq) return;
    problems.replaceChildren(...result.problems.map((p) => {
      const item = el('li', '');
      const jump = el('button', problemLabel(p), 'problem');
      jump.type = 'button';
      jump.addEventListener('click', () => {
        const target = p.field === 'subject' ? subject : p.field === 'name' ? name : body;
        const at = caretOffset(target.value, p.line, p.column);
        target.focus();
        target.setSelectionRange(at, at);
      });
      item.append(jump);
      return item;
    }));
    body.setAttribute('aria-invalid', String(result.problems.some((p) => p.field === 'body')));
    previewSubject.textContent = result.preview?.subject ? `Subject: ${result.preview.subject}` : '';
    preview.textContent = result.preview?.body ?? '';
  }

  async function use(t) {
    try {
      const text = await api.templatesUserRender(t.id, situation());
      useText(t.channel, text, t.name);
    } catch (error) {
      showError(error, `use “${t.name}”`);
    }
  }

  function edit(t) {
    open(t);
  }

  async function remove(t) {
    try {
      await api.templatesUserDelete(t.id);
    } catch (error) {
      showError(error, `delete “${t.name}”`);
      return;
    }
    if (editingId === t.id) close();
    await load();
    showNotice(`Deleted the template “${t.name}”.`, 'Undo', async () => {
      try {
        await api.templatesUserSave({ name: t.name, channel: t.channel, subject: t.subject, body: t.body });
        await load();
      } catch (error) {
        showError(error, `restore “${t.name}”`);
      }
    });
  }

  $('ut-new').addEventListener('click', () => open(null));
  $('ut-cancel').addEventListener('click', close);
  channel.addEventListener('change', () => { syncChannel(); check(); });
  for (const field of [name, subject, body]) field.addEventListener('input', check);
  editor.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await api.templatesUserSave(current());
      close();
      await load();
      showNotice(`Saved the template “${saved.name}”.`);
    } catch (error) {
      showError(error, 'save the template');
      check();
    }
  });
  panel.addEventListener('toggle', () => { if (panel.open) load(); });

  return { load, refreshPreview: () => { if (!editor.hidden) check(); } };
}
