// One draft card of the Compose screen, stamped per channel from the page's
// <template id="draft-card">: the backend's draft as sentences to click for another phrasing,
// an editor for the user's own text, and the promise that an edit is never overwritten
// without asking (and every replace or discard can be undone).
import { $, $$, button, el } from './dom.js';
import { DRAFTS, blockTitle, metaText, phoneBeatLabel, textOf, wouldReplaceEdits } from './compose-view.js';

/** Stamps one card per channel (in catalogue order) into `container`; returns them by channel. */
export function stampCards(container, template, channels, options) {
  const cards = {};
  for (const channel of channels) {
    const article = template.content.firstElementChild.cloneNode(true);
    for (const only of $$('[data-only]', article)) if (only.dataset.only !== channel) only.remove();
    const names = DRAFTS[channel];
    article.dataset.channel = channel;
    article.setAttribute('aria-labelledby', `h-draft-${channel}`);
    const title = $('[data-title]', article);
    title.id = `h-draft-${channel}`;
    title.textContent = names.title;
    $('[data-edit]', article).setAttribute('aria-label', `${names.title} text`);
    $('[data-subject]', article)?.setAttribute('aria-label', `Subject (${names.title})`);
    $('[data-action="copy"]', article).textContent = `Copy ${names.copy}`;
    // Three cards with the same buttons: each control is named with its card, so a list of
    // controls (a screen reader's) tells them apart; the visible text starts the name.
    $('[data-proofread]', article).setAttribute('aria-label', `Proofreading: ${names.title}`);
    for (const control of $$('.draft-actions button', article)) {
      control.setAttribute('aria-label', `${control.textContent.trim()} (${names.title})`);
    }
    // The checklist's summary ends with a count that changes: the card's name is heard after it.
    $('.send-checklist > summary', article).append(el('span', ` (${names.title})`, 'visually-hidden'));
    container.append(article);
    cards[channel] = new DraftCard(article, channel, options);
  }
  return cards;
}

/** The key of a text for comparing versions: subject and body. */
export function textKey({ subject, body }) {
  return `${subject ?? ''}\u0000${body ?? ''}`;
}

/**
 * A card's state: `draft` (the backend's), `edited` / `subject` (the user's text, null when
 * untouched), `baseline` (the draft they edited), `pending` (a newer draft held back),
 * `savedKey` (the text last saved to History from this card).
 */
export class DraftCard {
  /**
   * @param {object} options `catalog`; `showNotice(text, label, action, {at})`; `onSwap(card,
   *   block)` when a sentence asks for another phrasing; `onInput(card, part)` when the user
   *   changes the `body` or the `subject`; `onTextChange(card)` when the text changed any other
   *   way (a new draft, Discard edits, Undo, a template put in).
   */
  constructor(article, channel, { catalog, showNotice, onSwap, onInput, onTextChange }) {
    Object.assign(this, { article, channel, catalog, showNotice, onSwap, onInput, onTextChange });
    Object.assign(this, { draft: null, edited: null, subject: null, baseline: null, pending: null, savedKey: null });
    this.part('edit').addEventListener('input', (event) => {
      this.edited = event.target.value;
      this.changed('body');
    });
    this.part('edit').addEventListener('scroll', (event) => {
      this.part('highlights').scrollTop = event.target.scrollTop;
    });
    // The subject is one line that wraps, so a long one is seen whole at any window size.
    this.part('subject')?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    this.part('subject')?.addEventListener('input', (event) => {
      if (/[\r\n]/.test(event.target.value)) event.target.value = event.target.value.replace(/\s*[\r\n]+\s*/g, ' ');
      if (this.subject == null) this.baseline ??= this.draftText();
      this.subject = event.target.value;
      this.fitSubject();
      this.changed('subject');
    });
  }

  /** The element marked `data-<name>` inside the card. */
  part(name) {
    return $(`[data-${name}]`, this.article);
  }

  /** What the card sends: `{subject, body}`, the user's text when there is some. */
  text() {
    return textOf(this);
  }

  /** Whether this very text was saved to History (a changed or new text is not). */
  get saved() {
    return this.draft != null && this.savedKey === textKey(this.text());
  }

  /** Where this card says what happened to its text (saved, exported, copied, failed). */
  get feedback() {
    return this.part('feedback');
  }

  /** Says `text` beside the card's buttons, with an optional action (Undo). */
  say(text, label, action) {
    this.showNotice(text, label, action, { at: this.feedback });
  }

  /** What Compose calls this draft ("phone script"…). */
  get noun() {
    return DRAFTS[this.channel].noun;
  }

  draftText() {
    return { body: this.draft.body, subject: this.draft.subject };
  }

  changed(part) {
    this.updateMeta();
    this.onInput(this, part);
  }

  updateMeta() {
    this.part('meta').textContent = metaText(this.draft, this.text().body, this.catalog.limits);
  }

  /**
   * Takes a newly rendered draft. Shown at once when the user has not edited the card; held
   * back with a question when it would replace their text. True when it was shown.
   */
  take(next) {
    if (this.edited == null && this.subject == null) {
      this.draft = next;
      this.pending = null;
      this.render();
      return true;
    }
    if (wouldReplaceEdits(this, next)) {
      this.pending = next;
      this.askAboutPending();
    } else {
      this.draft = next;
    }
    return false;
  }

  askAboutPending() {
    const bar = this.part('stale');
    const use = button('Use the new draft', 'button', () => {
      const previous = { edited: this.edited, subject: this.subject, draft: this.draft };
      Object.assign(this, { draft: this.pending, edited: null, subject: null, pending: null });
      this.render();
      this.say(`Replaced your edited ${this.noun}.`, 'Undo', () => {
        Object.assign(this, previous, { baseline: { body: previous.draft.body, subject: previous.draft.subject } });
        this.render();
      });
    });
    const keep = button('Keep my edits', 'button quiet', () => {
      this.baseline = { body: this.pending.body, subject: this.pending.subject };
      this.draft = this.pending;
      this.pending = null;
      bar.hidden = true;
    });
    bar.replaceChildren(el('span', 'The details changed since you edited this. Your text is unchanged.'), use, keep);
    bar.hidden = false;
  }

  /** Draws the draft (or the editor, while the user's text is shown). */
  render() {
    const editing = this.edited != null;
    this.part('view').hidden = editing;
    this.part('edit').hidden = !editing;
    this.part('editor').hidden = !editing;
    if (!this.pending) this.part('stale').hidden = true;
    const edit = $('[data-action="edit"]', this.article);
    edit.textContent = editing ? 'Discard edits' : 'Edit text';
    edit.setAttribute('aria-label', `${edit.textContent} (${DRAFTS[this.channel].title})`);
    this.updateMeta();
    const subject = this.part('subject');
    if (subject && this.subject == null) subject.value = this.draft.subject ?? '';
    this.fitSubject();
    this.renderBlocks();
    this.part('answers')?.replaceChildren(...(this.draft.answers ?? []).flatMap((a) => [el('dt', a.question), el('dd', a.text)]));
    // Whatever changed the text, its proofreading follows.
    this.onTextChange?.(this);
  }

  /** Grows the subject box to the lines its text needs. */
  fitSubject() {
    const subject = this.part('subject');
    if (!subject || !subject.isConnected) return;
    subject.style.height = 'auto';
    if (subject.scrollHeight) subject.style.height = `${subject.scrollHeight + 2}px`;
  }

  /** The line under the title naming the message, when it is not the one the other cards are. */
  setKind(label) {
    const kind = this.part('kind');
    kind.textContent = label ?? '';
    kind.hidden = !label;
  }

  renderBlocks() {
    const { blocks } = this.draft;
    // Typing changes words, rarely the shape: update the existing sentences in place when the
    // blocks are the same, so a keystroke costs a few text assignments, not a rebuilt card.
    const shape = blocks.map((b) => `${b.group}:${b.name}:${b.choices}`).join('|');
    if (shape === this.shape && this.nodes) {
      blocks.forEach((block, i) => updateBlockNode(this.nodes[i], block));
      return;
    }
    const groups = new Map();
    for (const block of blocks) {
      if (!groups.has(block.group)) groups.set(block.group, []);
      groups.get(block.group).push(block);
    }
    const phone = this.channel === 'phone';
    this.nodes = [];
    this.part('view').replaceChildren(...[...groups].map(([group, inGroup]) => {
      const para = el(phone ? 'div' : 'p', '', 'draft-para');
      if (phone) para.append(el('span', phoneBeatLabel(this.catalog, group), 'beat-label'));
      inGroup.forEach((block, i) => {
        if (i > 0) para.append(' ');
        const node = this.blockNode(block);
        this.nodes.push(node);
        para.append(node);
      });
      return para;
    }));
    this.shape = shape;
  }

  blockNode(block) {
    if (block.choices < 2) {
      const span = el('span', block.text, `phrase phrase-${block.name}`);
      span.title = blockTitle(block);
      span.block = block;
      return span;
    }
    // A span, not a <button>: buttons are laid out as boxes, and the draft must read as flowing
    // paragraphs. It behaves as a button for keyboard and screen-reader users.
    const node = el('span', block.text, `phrase swappable phrase-${block.name}`);
    node.setAttribute('role', 'button');
    node.tabIndex = 0;
    node.dataset.block = block.name;
    node.title = blockTitle(block);
    node.setAttribute('aria-label', phraseLabel(block, this.channel));
    node.block = block;
    node.addEventListener('click', () => this.onSwap(this, node.block));
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        this.onSwap(this, node.block);
      }
    });
    return node;
  }

  /** Switches to the editor with the draft's text (no-op when already editing). */
  startEditing() {
    if (this.edited != null) return;
    this.baseline = this.draftText();
    this.edited = this.draft.body;
    this.part('edit').value = this.edited;
    this.render();
  }

  /** Edit text / Discard edits: the second asks nothing, and Undo brings the text back. */
  toggleEditing() {
    if (this.edited == null) {
      this.startEditing();
      this.part('edit').focus();
      return;
    }
    const previous = { edited: this.edited, subject: this.subject, baseline: this.baseline };
    Object.assign(this, { edited: null, subject: null, pending: null });
    this.render();
    this.say(`Discarded your edits to the ${this.noun}.`, 'Undo', () => {
      Object.assign(this, previous);
      this.part('edit').value = this.edited;
      this.render();
    });
  }

  /** Puts text from one of the user's templates in the card, as the user's own edit (with Undo). */
  useText(text, name) {
    const previous = { edited: this.edited, subject: this.subject, baseline: this.baseline };
    this.baseline = this.draftText();
    this.edited = text.body;
    this.subject = this.channel === 'email' ? text.subject : null;
    this.pending = null;
    this.part('edit').value = this.edited;
    const subject = this.part('subject');
    if (subject && this.subject != null) subject.value = this.subject;
    this.render();
    this.article.scrollIntoView({ block: 'nearest' });
    this.say(`Put “${name}” in the ${this.noun}.`, 'Undo', () => {
      Object.assign(this, previous);
      this.part('edit').value = this.edited ?? '';
      if (subject) subject.value = this.subject ?? this.draft.subject ?? '';
      this.render();
    });
  }

  /** Forgets the user's text (a new decision was carried in). */
  clear() {
    Object.assign(this, { edited: null, subject: null, pending: null, baseline: null, savedKey: null });
  }
}

/** A swappable sentence's name: its text, which phrasing it is, and its card (the email and the
 * phone script share sentences). */
function phraseLabel(block, channel) {
  return `${block.text} — ${blockTitle(block)} (${DRAFTS[channel]?.title ?? channel})`;
}

function updateBlockNode(node, block) {
  if (node.textContent !== block.text) node.textContent = block.text;
  const title = blockTitle(block);
  if (node.title !== title) node.title = title;
  if (block.choices > 1) node.setAttribute('aria-label', phraseLabel(block, node.closest('.draft-card')?.dataset.channel));
  node.block = block;
}
