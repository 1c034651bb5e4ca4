// The Compose screen: the Situation's fields on the left, the email, phone script and LinkedIn
// note on the right, re-rendered by the backend on every keystroke. Swapping a phrasing is one
// click on the sentence; a card the user has edited is never overwritten without asking.
import * as api from './api.js';
import { el } from './dom.js';
import {
  FIELDS, PHONE_BEATS, blockTitle, metaText, nextChoices, outgoing, scenarioGroups, situationFrom, textOf,
  valuesFrom, wouldReplaceEdits,
} from './compose-view.js';
import { applySuggestion, byteToIndex, findingLabel, highlightRuns, summaryText } from './lint-view.js';
import { carriedDecision, carryScript } from './store.js';
import { initUserTemplates } from './user-templates.js';

const CHANNEL_NAMES = { email: 'email', phone: 'phone script', linkedin: 'LinkedIn message' };

/** Wires the screen; returns `load()` for when it is shown. */
export function initCompose({ showError, showNotice, openInHistory, navigate }) {
  const form = document.getElementById('compose-form');
  const scenario = document.getElementById('compose-scenario');
  const formality = document.getElementById('compose-formality');
  const problem = document.getElementById('compose-problem');
  const notes = document.getElementById('compose-notes');
  const origin = document.getElementById('compose-origin');
  const previews = document.getElementById('compose-previews');
  const cards = {};
  for (const article of previews.querySelectorAll('.draft-card')) {
    cards[article.dataset.channel] = { article, draft: null, edited: null, subject: null, baseline: null, pending: null };
  }
  let base = null; // the carried Situation, or null when drafting from scratch
  let carriedFrom = undefined;
  let choices = {};
  // Where this decision is saved in History, shared with Practise (a run saved there first links
  // it, and drafts saved here afterwards go to the same place). A new decision gets a new link,
  // so a script carried earlier can never redirect this one.
  let link = { id: null };
  let seq = 0;
  let shown = 0;
  const timings = [];

  const part = (card, name) => card.article.querySelector(`[data-${name}]`);

  function currentSituation() {
    const values = Object.fromEntries(FIELDS.map((f) => [f, form.elements.namedItem(f).value]));
    return situationFrom(base, values);
  }

  async function refresh(startedAt = performance.now()) {
    const mine = ++seq;
    const situation = currentSituation();
    try {
      const drafts = await api.composeDrafts(situation, scenario.value || null, formality.value, choices);
      if (mine < shown) return;
      shown = mine;
      problem.hidden = true;
      previews.classList.remove('invalid');
      for (const [channel, card] of Object.entries(cards)) {
        const next = drafts.find((d) => d.channel === channel);
        card.article.hidden = !next;
        if (next) update(card, next);
      }
      const allNotes = [...new Set(drafts.flatMap((d) => d.notes))];
      if (allNotes.join('\n') !== notes.dataset.shown) {
        notes.replaceChildren(...allNotes.map((n) => el('li', n)));
        notes.dataset.shown = allNotes.join('\n');
      }
      const ms = performance.now() - startedAt;
      timings.push(Math.round(ms * 10) / 10);
      if (timings.length > 500) timings.shift();
      previews.dataset.renderTimes = timings.join(',');
    } catch (error) {
      if (mine < shown) return;
      shown = mine;
      if (error.code === 'invalid_input') {
        problem.textContent = `${error.message}. The previews show the last valid draft.`;
        problem.hidden = false;
        previews.classList.add('invalid');
      } else {
        showError(error, 'write the drafts');
      }
    }
  }

  function update(card, next) {
    if (card.edited == null && card.subject == null) {
      card.draft = next;
      card.pending = null;
      render(card);
      // Proofread once the typing pauses: the previews come first.
      scheduleLint(card, 300);
      return;
    }
    if (wouldReplaceEdits(card, next)) {
      card.pending = next;
      showStale(card);
    } else {
      card.draft = next;
    }
  }

  function showStale(card) {
    const bar = part(card, 'stale');
    const use = el('button', 'Use the new draft', 'button');
    use.type = 'button';
    use.addEventListener('click', () => {
      const previous = { edited: card.edited, subject: card.subject, draft: card.draft };
      card.draft = card.pending;
      card.edited = null;
      card.subject = null;
      card.pending = null;
      render(card);
      showNotice(`Replaced your edited ${CHANNEL_NAMES[card.draft.channel]}.`, 'Undo', () => {
        Object.assign(card, previous, { baseline: { body: previous.draft.body, subject: previous.draft.subject } });
        render(card);
      });
    });
    const keep = el('button', 'Keep my edits', 'button quiet');
    keep.type = 'button';
    keep.addEventListener('click', () => {
      card.baseline = { body: card.pending.body, subject: card.pending.subject };
      card.draft = card.pending;
      card.pending = null;
      bar.hidden = true;
    });
    bar.replaceChildren(el('span', 'The details changed since you edited this. Your text is unchanged.'), use, keep);
    bar.hidden = false;
  }

  function render(card) {
    const { draft } = card;
    const view = part(card, 'view');
    const edit = part(card, 'edit');
    const editing = card.edited != null;
    view.hidden = editing;
    edit.hidden = !editing;
    part(card, 'editor').hidden = !editing;
    if (!card.pending) part(card, 'stale').hidden = true;
    card.article.querySelector('[data-action="edit"]').textContent = editing ? 'Discard edits' : 'Edit text';
    part(card, 'meta').textContent = metaText(draft, textOf(card).body);
    const subject = part(card, 'subject');
    if (subject && card.subject == null) subject.value = draft.subject ?? '';
    // Typing changes words, rarely the shape: update the existing sentences in place when the
    // blocks are the same, so a keystroke costs a few text assignments, not a rebuilt card.
    const shape = draft.blocks.map((b) => `${b.group}:${b.name}:${b.choices}`).join('|');
    if (shape === card.shape && card.nodes) {
      draft.blocks.forEach((block, i) => {
        const node = card.nodes[i];
        if (node.textContent !== block.text) node.textContent = block.text;
        const title = blockTitle(block);
        if (node.title !== title) {
          node.title = title;
          if (block.choices > 1) node.setAttribute('aria-label', `${block.text} — ${title}`);
        }
        node.block = block;
      });
    } else {
      const groups = new Map();
      for (const block of draft.blocks) {
        if (!groups.has(block.group)) groups.set(block.group, []);
        groups.get(block.group).push(block);
      }
      card.nodes = [];
      view.replaceChildren(...[...groups].map(([group, blocks]) => {
        const para = el(draft.channel === 'phone' ? 'div' : 'p', '', 'draft-para');
        if (draft.channel === 'phone') para.append(el('span', PHONE_BEATS[group] ?? '', 'beat-label'));
        blocks.forEach((block, i) => {
          if (i > 0) para.append(' ');
          const node = blockNode(card, block);
          card.nodes.push(node);
          para.append(node);
        });
        return para;
      }));
      card.shape = shape;
    }
    const answers = part(card, 'answers');
    if (answers) {
      answers.replaceChildren(...(draft.answers ?? []).flatMap((a) => [el('dt', a.question), el('dd', a.text)]));
    }
  }

  function blockNode(card, block) {
    if (block.choices < 2) {
      const span = el('span', block.text, `phrase phrase-${block.name}`);
      span.title = blockTitle(block);
      return span;
    }
    // A span, not a <button>: buttons are laid out as boxes, and the draft must read as flowing
    // paragraphs. It behaves as a button for keyboard and screen-reader users.
    const button = el('span', block.text, `phrase swappable phrase-${block.name}`);
    button.setAttribute('role', 'button');
    button.tabIndex = 0;
    button.dataset.block = block.name;
    button.title = blockTitle(block);
    button.setAttribute('aria-label', `${block.text} — ${blockTitle(block)}`);
    button.block = block;
    const swap = async () => {
      choices = nextChoices(choices, card.draft.channel, button.block);
      await refresh();
      card.article.querySelector(`[data-block="${block.name}"]`)?.focus();
    };
    button.addEventListener('click', swap);
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        swap();
      }
    });
    return button;
  }

  // ---- proofreading ----

  function scheduleLint(card, delay) {
    clearTimeout(card.lintTimer);
    card.lintTimer = setTimeout(() => lintCard(card), delay);
  }

  async function lintCard(card) {
    if (!card.draft) return;
    const mine = (card.lintSeq = (card.lintSeq ?? 0) + 1);
    const text = textOf(card);
    const channel = card.draft.channel;
    let result;
    try {
      result = await api.lintDraft(currentSituation(), channel, card.draft.scenario,
        channel === 'email' ? text.subject : null, text.body, Boolean(card.saved));
    } catch (error) {
      if (error.code !== 'invalid_input') showError(error, 'proofread the draft');
      return;
    }
    if (mine !== card.lintSeq) return;
    card.report = result.report;
    card.checkedText = `${text.subject}\u0000${text.body}`;
    renderProofread(card, result, text.body);
  }

  function renderProofread(card, { report, checklist }, body) {
    const summary = part(card, 'lint-summary');
    summary.textContent = summaryText(report.summary);
    summary.dataset.errors = String(report.summary.errors);
    part(card, 'findings').replaceChildren(...report.findings.map((f) => {
      const li = el('li', '', `finding ${f.severity}`);
      li.dataset.rule = f.rule;
      const jump = el('button', findingLabel(f), 'finding-jump');
      jump.type = 'button';
      jump.title = `${f.rule} — show it in the text`;
      jump.addEventListener('click', () => showFinding(card, f));
      li.append(jump);
      if (f.suggestion != null) {
        const fix = el('button', f.suggestion ? `Use “${f.suggestion}”` : 'Remove it', 'button quiet apply');
        fix.type = 'button';
        fix.addEventListener('click', () => applyFix(card, f));
        li.append(fix);
      }
      return li;
    }));
    const done = checklist.filter((c) => c.done).length;
    part(card, 'check-count').textContent = `${done} of ${checklist.length}`;
    part(card, 'checklist').replaceChildren(...checklist.map((c) => {
      const li = el('li', c.label, c.done ? 'check done' : 'check');
      li.dataset.check = c.id;
      if (!c.done && c.note) li.append(el('small', c.note));
      return li;
    }));
    paintHighlights(card, body, report.findings);
  }

  function paintHighlights(card, body, findings) {
    const layer = part(card, 'highlights');
    layer.replaceChildren(...highlightRuns(body, findings).map((r) => (r.mark ? el('mark', r.text, r.mark) : document.createTextNode(r.text))),
      document.createTextNode('\n'));
  }

  function enterEdit(card) {
    if (card.edited != null) return;
    card.baseline = { body: card.draft.body, subject: card.draft.subject };
    card.edited = card.draft.body;
    part(card, 'edit').value = card.edited;
    render(card);
  }

  function showFinding(card, f) {
    if (f.part === 'subject') {
      const subject = part(card, 'subject');
      subject.focus();
      subject.setSelectionRange(byteToIndex(subject.value, f.start), byteToIndex(subject.value, f.end));
      return;
    }
    enterEdit(card);
    const edit = part(card, 'edit');
    edit.focus();
    edit.setSelectionRange(byteToIndex(edit.value, f.start), byteToIndex(edit.value, f.end));
  }

  function applyFix(card, f) {
    if (f.part === 'subject') {
      const subject = part(card, 'subject');
      card.baseline ??= { body: card.draft.body, subject: card.draft.subject };
      subject.value = applySuggestion(subject.value, f);
      card.subject = subject.value;
    } else {
      enterEdit(card);
      const edit = part(card, 'edit');
      edit.value = applySuggestion(edit.value, f);
      card.edited = edit.value;
      part(card, 'meta').textContent = metaText(card.draft, card.edited);
    }
    card.saved = false;
    lintCard(card);
  }

  function showConfirm(card, text, buttons) {
    const bar = part(card, 'confirm');
    bar.replaceChildren(el('span', text), ...buttons.map(([label, action, primary]) => {
      const b = el('button', label, primary ? 'button primary' : 'button');
      b.type = 'button';
      b.addEventListener('click', () => {
        bar.hidden = true;
        action();
      });
      return b;
    }));
    bar.hidden = false;
    bar.querySelector('.primary')?.focus();
  }

  /**
   * Errors left in a draft ask once before it leaves the app, and nothing leaves on a stale
   * verdict. The clipboard only accepts a write during a click, so when the text changed since
   * the last proofread, copying waits for a second click once the check is done.
   */
  async function confirmSend(card, run, { gesture = false, label = 'Send now' } = {}) {
    const text = textOf(card);
    const key = `${text.subject}\u0000${text.body}`;
    const fresh = card.checkedText === key;
    const bar = part(card, 'confirm');
    if (!fresh) {
      if (gesture) showConfirm(card, 'Proofreading this version before it goes out…', []);
      // A proofread started meanwhile (typing) may supersede ours: wait for one of this text.
      for (let tries = 0; tries < 3 && card.checkedText !== key; tries++) await lintCard(card);
      if (card.checkedText !== key) {
        showConfirm(card, 'This draft could not be proofread just now.', [[label, run, true]]);
        return;
      }
    }
    const errors = card.report?.summary.errors ?? 0;
    if (errors && card.confirmedFor !== key) {
      const review = () => {
        const first = card.report.findings.find((f) => f.severity === 'error');
        if (first) showFinding(card, first);
      };
      showConfirm(card, `This draft still has ${errors} thing${errors === 1 ? '' : 's'} to fix before it goes out.`, [
        ['Send anyway', () => { card.confirmedFor = key; run(); }, false],
        ['Review first', review, true],
      ]);
      return;
    }
    if (!fresh && gesture) {
      showConfirm(card, 'Proofread: nothing to fix.', [[label, run, true]]);
      return;
    }
    bar.hidden = true;
    run();
  }

  function toggleEdit(card) {
    const edit = part(card, 'edit');
    if (card.edited == null) {
      card.baseline = { body: card.draft.body, subject: card.draft.subject };
      card.edited = card.draft.body;
      edit.value = card.edited;
      render(card);
      edit.focus();
      return;
    }
    const previous = { edited: card.edited, subject: card.subject, baseline: card.baseline };
    card.edited = null;
    card.subject = null;
    card.pending = null;
    render(card);
    showNotice(`Discarded your edits to the ${CHANNEL_NAMES[card.draft.channel]}.`, 'Undo', () => {
      Object.assign(card, previous);
      edit.value = card.edited;
      render(card);
    });
  }

  async function copy(text, what) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Some webviews refuse the async clipboard; the selection-based copy still works there.
      const scratch = el('textarea', text);
      scratch.setAttribute('readonly', '');
      scratch.className = 'offscreen';
      document.body.append(scratch);
      scratch.select();
      const ok = document.execCommand('copy');
      scratch.remove();
      if (!ok) {
        showError({ code: 'unexpected', message: 'the clipboard is not available' }, `copy the ${what}`);
        return;
      }
    }
    showNotice(`Copied the ${what}.`);
  }

  async function act(card, action) {
    const text = textOf(card);
    const channel = card.draft.channel;
    const situation = currentSituation();
    try {
      switch (action) {
        case 'edit': return toggleEdit(card);
        case 'copy-subject': return confirmSend(card, () => copy(text.subject, 'subject'), { gesture: true, label: 'Copy subject' });
        case 'copy': return confirmSend(card, () => copy(text.body, channel === 'email' ? 'body' : CHANNEL_NAMES[channel]), { gesture: true, label: 'Copy now' });
        case 'mail': return confirmSend(card, async () => {
          try {
            await api.composeOpenMail(outgoing(situation, text));
            showNotice('Opened the draft in your mail app. Check it there before sending.');
          } catch (error) {
            showError(error, 'open your mail app');
          }
        });
        case 'eml':
        case 'txt': return confirmSend(card, async () => {
          try {
            const message = outgoing(situation, channel === 'email' ? text : { subject: '', body: text.body });
            const path = await api.composeExport(message, action, `${situation.company} ${channel}`);
            showNotice(`Exported to ${path}`);
          } catch (error) {
            showError(error, action === 'eml' ? 'export the email' : 'export the text');
          }
        });
        case 'practise':
          carryScript({
            text: text.body,
            situation,
            scenario: card.draft.scenario,
            formality: card.draft.formality,
            link,
          });
          return navigate('practise');
        case 'save': {
          const saved = await api.composeSave(situation, link.id, channel, channel === 'email' ? text.subject : null, text.body);
          link.id = saved.opportunity_id;
          card.saved = true;
          lintCard(card);
          return showNotice(`Saved the ${CHANNEL_NAMES[channel]} to History as a draft.`, 'Open it', () => openInHistory(saved.opportunity_id));
        }
        default: return undefined;
      }
    } catch (error) {
      showError(error, { mail: 'open your mail app', eml: 'export the email', txt: 'export the text', save: 'save the draft' }[action] ?? 'do that');
      return undefined;
    }
  }

  for (const card of Object.values(cards)) {
    card.article.querySelector('.draft-actions').addEventListener('click', (event) => {
      const action = event.target.closest('[data-action]')?.dataset.action;
      if (action && card.draft) act(card, action);
    });
    part(card, 'edit').addEventListener('input', (event) => {
      card.edited = event.target.value;
      card.saved = false;
      part(card, 'meta').textContent = metaText(card.draft, card.edited);
      paintHighlights(card, card.edited, []);
      scheduleLint(card, 250);
    });
    part(card, 'edit').addEventListener('scroll', (event) => {
      part(card, 'highlights').scrollTop = event.target.scrollTop;
    });
    part(card, 'subject')?.addEventListener('input', (event) => {
      if (card.subject == null) card.baseline ??= { body: card.draft.body, subject: card.draft.subject };
      card.subject = event.target.value;
      card.saved = false;
      scheduleLint(card, 250);
    });
  }
  /** Puts text from one of the user's templates into a card, as the user's own edit. */
  function useText(channel, text, name) {
    const card = cards[channel];
    if (!card?.draft || card.article.hidden) {
      showError({ code: 'invalid_input', message: `this message has no ${CHANNEL_NAMES[channel]}; pick another message above` }, `use “${name}”`);
      return;
    }
    const previous = { edited: card.edited, subject: card.subject, baseline: card.baseline };
    card.baseline = { body: card.draft.body, subject: card.draft.subject };
    card.edited = text.body;
    card.subject = channel === 'email' ? text.subject : null;
    card.pending = null;
    part(card, 'edit').value = card.edited;
    const subject = part(card, 'subject');
    if (subject && card.subject != null) subject.value = card.subject;
    render(card);
    card.article.scrollIntoView({ block: 'nearest' });
    showNotice(`Put “${name}” in the ${CHANNEL_NAMES[channel]}.`, 'Undo', () => {
      Object.assign(card, previous);
      part(card, 'edit').value = card.edited ?? '';
      if (subject) subject.value = card.subject ?? card.draft.subject ?? '';
      render(card);
    });
  }

  const userTemplates = initUserTemplates({ showError, showNotice, situation: currentSituation, useText });
  form.addEventListener('input', () => {
    refresh(performance.now());
    userTemplates.refreshPreview();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  let templatesLoaded = false;
  async function loadTemplates() {
    if (templatesLoaded) return;
    const templates = await api.composeTemplates();
    scenario.replaceChildren(...scenarioGroups(templates).map((group) => {
      const optgroup = document.createElement('optgroup');
      optgroup.label = group.label;
      optgroup.append(...group.options.map((o) => {
        const option = el('option', o.label);
        option.value = o.value;
        return option;
      }));
      return optgroup;
    }));
    templatesLoaded = true;
  }

  /** Shows the screen: takes over a new decision from Decide, keeps the user's work otherwise. */
  let warmed = false;
  async function load() {
    if (!warmed) {
      warmed = true;
      api.lintWarmUp().catch(() => {}); // only a head start: proofreading loads it anyway
    }
    try {
      await loadTemplates();
    } catch (error) {
      showError(error, 'load the templates');
      return;
    }
    const decision = carriedDecision();
    if (decision !== carriedFrom) {
      carriedFrom = decision;
      base = decision ? decision.situation : null;
      choices = {};
      link = { id: null };
      for (const card of Object.values(cards)) Object.assign(card, { edited: null, subject: null, pending: null, baseline: null });
      const values = valuesFrom(base ?? {});
      for (const f of FIELDS) form.elements.namedItem(f).value = values[f];
      scenario.value = decision?.advice.scenario ?? 'circumstances_changed';
      formality.value = base?.formality ?? 'standard';
      origin.textContent = decision
        ? `Drafting from your decision in Decide (${decision.situation.company}). Changes here do not change the advice.`
        : 'Drafting from scratch: fill in the company and role, or start in Decide for advice first.';
    }
    await refresh();
  }

  return { load };
}
