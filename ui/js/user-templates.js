// "Your own templates" on the Compose screen: list, write, check as you type (with the line and
// column of any mistake), preview with the form's details, and use one in a preview card. A
// template an older version saved that the template language now refuses is listed with the
// reason and kept: editing it fixes it, nothing deletes it but the user.
import * as api from './api.js';
import { catalog, labelOf } from './catalog.js';
import { $, button, el } from './dom.js';
import { caretOffset, problemLabel } from './compose-view.js';

/** Fields a template can use, shown as chips that insert them. */
export const TEMPLATE_FIELDS = Object.freeze([
  'company', 'role', 'contact.name', 'contact.first_name', 'contact.title', 'sender.name', 'sender.first_name',
  'sender.email', 'sender.phone', 'interview.day', 'interview.time', 'logistics', 'conflicts',
]);

/** Wires the panel. `situation()` is Compose's current Situation; `useText(channel, text, name)` fills a card. */
export function initUserTemplates(options) {
  return new TemplatesPanel(options);
}

class TemplatesPanel {
  constructor({ showError, showNotice, situation, useText }) {
    // What happens to the templates is said beside their list.
    const at = () => ({ at: $('#ut-feedback') });
    Object.assign(this, {
      showError: (error, what) => showError(error, what, at()),
      showNotice: (text, label, action) => showNotice(text, label, action, at()),
      situation, useText,
    });
    this.editor = $('#ut-editor');
    this.fields = { name: $('#ut-name'), channel: $('#ut-channel'), subject: $('#ut-subject'), body: $('#ut-body') };
    this.editingId = null;
    this.checkSeq = 0;
    $('#ut-fields').replaceChildren(...TEMPLATE_FIELDS.map((field) => fieldChip(field, this.fields, () => this.check())));
    this.wire();
    // Listed from the start (the count shows on the closed panel), so opening it does not push
    // "New template" down under the pointer as the list arrives. Quietly: a failure here would
    // be said inside a closed panel on a hidden screen; opening the panel loads again and says it.
    this.loadSeq = 0;
    this.load({ quiet: true });
  }

  wire() {
    const { fields, editor } = this;
    $('#ut-new').addEventListener('click', () => this.open(null));
    $('#ut-cancel').addEventListener('click', () => this.close());
    fields.channel.addEventListener('change', () => { this.syncChannel(); this.check(); });
    for (const field of [fields.name, fields.subject, fields.body]) field.addEventListener('input', () => this.check());
    editor.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const saved = await api.templatesUserSave(this.current());
        this.close();
        await this.load();
        this.showNotice(`Saved the template “${saved.name}”.`);
      } catch (error) {
        this.showError(error, 'save the template');
        this.check();
      }
    });
    const panel = $('#ut-panel');
    panel.addEventListener('toggle', () => { if (panel.open) this.load(); });
  }

  /** The template in the editor, as the backend takes it. */
  current() {
    const draft = Object.fromEntries(Object.entries(this.fields).map(([key, input]) => [key, input.value]));
    if (this.editingId != null) draft.id = this.editingId;
    return draft;
  }

  /** Lists the saved templates; of loads that overlap, only the last one asked for is shown. */
  async load({ quiet = false } = {}) {
    const mine = ++this.loadSeq;
    let templates;
    try {
      templates = await api.templatesUserList();
    } catch (error) {
      if (!quiet && mine === this.loadSeq) this.showError(error, 'load your templates');
      return;
    }
    if (mine !== this.loadSeq) return;
    $('#ut-count').textContent = templates.length ? `${templates.length} saved` : '';
    const list = $('#ut-list');
    if (!templates.length) {
      list.replaceChildren(el('li', 'None yet.', 'empty'));
      return;
    }
    const actions = { use: (t) => this.use(t), edit: (t) => this.open(t), delete: (t) => this.remove(t) };
    list.replaceChildren(...templates.map((t) => listItem(t, actions)));
  }

  open(template) {
    const { fields } = this;
    this.editingId = template?.id ?? null;
    fields.name.value = template?.name ?? '';
    fields.channel.value = template?.channel ?? 'email';
    fields.subject.value = template?.subject ?? '';
    fields.body.value = template?.body ?? '';
    this.editor.hidden = false;
    $('#ut-new').hidden = true;
    this.syncChannel();
    this.check();
    fields.name.focus();
  }

  close() {
    this.editor.hidden = true;
    $('#ut-new').hidden = false;
    this.editingId = null;
  }

  syncChannel() {
    $('#ut-subject-field').hidden = this.fields.channel.value !== 'email';
  }

  /** Problems (each a button to its line and column) and the preview, as the user types. */
  async check() {
    const mine = ++this.checkSeq;
    let result;
    try {
      result = await api.templatesUserCheck(this.current(), this.situation());
    } catch (error) {
      this.showError(error, 'check the template');
      return;
    }
    if (mine !== this.checkSeq) return;
    $('#ut-problems').replaceChildren(...result.problems.map((p) => {
      const item = el('li', '');
      item.append(button(problemLabel(p), 'problem', () => jumpTo(this.fields, p)));
      return item;
    }));
    this.fields.body.setAttribute('aria-invalid', String(result.problems.some((p) => p.field === 'body')));
    $('#ut-preview-subject').textContent = result.preview?.subject ? `Subject: ${result.preview.subject}` : '';
    $('#ut-preview').textContent = result.preview?.body ?? '';
  }

  /** Re-checks the template being edited (the form's details changed). */
  refreshPreview() {
    if (!this.editor.hidden) this.check();
  }

  async use(t) {
    try {
      const text = await api.templatesUserRender(t.id, this.situation());
      this.useText(t.channel, text, t.name);
    } catch (error) {
      this.showError(error, `use “${t.name}”`);
    }
  }

  async remove(t) {
    try {
      await api.templatesUserDelete(t.id);
    } catch (error) {
      this.showError(error, `delete “${t.name}”`);
      return;
    }
    if (this.editingId === t.id) this.close();
    await this.load();
    this.showNotice(`Deleted the template “${t.name}”.`, 'Undo', async () => {
      try {
        await api.templatesUserSave({ name: t.name, channel: t.channel, subject: t.subject, body: t.body });
        await this.load();
      } catch (error) {
        this.showError(error, `restore “${t.name}”`);
      }
    });
  }
}

/** A chip that inserts `{{ field }}` at the cursor of the subject or the text. */
function fieldChip(field, fields, then) {
  const chip = button(`{{ ${field} }}`, 'chip', () => {
    const target = document.activeElement === fields.subject ? fields.subject : fields.body;
    const at = target.selectionStart ?? target.value.length;
    target.setRangeText(`{{ ${field} }}`, at, target.selectionEnd ?? at, 'end');
    target.focus();
    then();
  });
  chip.title = `Insert {{ ${field} }} at the cursor`;
  return chip;
}

/** Puts the caret where a problem is. */
function jumpTo(fields, p) {
  const target = p.field === 'subject' ? fields.subject : p.field === 'name' ? fields.name : fields.body;
  const at = caretOffset(target.value, p.line, p.column);
  target.focus();
  target.setSelectionRange(at, at);
}

/**
 * One saved template with Use, Edit and Delete. One the template language refuses (saved by an
 * older version) says why, and cannot be used until it is edited.
 */
function listItem(t, actions) {
  const li = el('li', '');
  li.dataset.template = t.name;
  li.append(el('strong', t.name), el('span', labelOf(catalog(), 'channels', t.channel), 'badge'));
  const problems = t.problems ?? [];
  for (const [label, action] of [['Use', actions.use], ['Edit', actions.edit], ['Delete', actions.delete]]) {
    const b = button(label, label === 'Delete' ? 'button quiet danger' : 'button quiet', () => action(t));
    b.dataset.action = label.toLowerCase();
    if (label === 'Use' && problems.length) {
      b.disabled = true;
      b.title = 'Edit the template to fix it first';
    }
    li.append(b);
  }
  if (problems.length) {
    li.classList.add('broken');
    const why = el('ul', '', 'ut-problems');
    why.append(el('li', 'This template was written for an older version of Politely and needs a change before it can be used:'),
      ...problems.map((p) => el('li', problemLabel(p))));
    li.append(why);
  }
  return li;
}
