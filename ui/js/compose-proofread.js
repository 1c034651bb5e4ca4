// Proofreading the Compose cards: each draft is checked once typing pauses, its findings listed
// beside it and marked in the editor, a suggestion applies in one click, the send checklist
// ticks itself, a finding the user disagrees with can be ignored (for that card's draft, by its
// rule and words), and a draft with errors (or not yet checked) asks before it leaves the app.
import * as api from './api.js';
import { $, button, el } from './dom.js';
import { textKey } from './compose-card.js';
import { DRAFTS } from './compose-view.js';
import {
  applySuggestion, byteToIndex, findingKey, findingLabel, findingTitle, highlightRuns, summaryText, visibleReport,
} from './lint-view.js';

/**
 * The proofreader of the Compose screen. The per-card state (`report`, `checkedText`, the timer,
 * the newest check's number and the `ignored` findings of its draft) lives on each DraftCard.
 */
export class Proofreader {
  /**
   * @param {object} options `catalog`; `situation()`, the Situation the drafts are written for;
   *   `showError(error, action)`.
   */
  constructor({ catalog, situation, showError }) {
    Object.assign(this, { catalog, situation, showError });
  }

  /** Proofreads `card` after `delay` ms, unless it changes again meanwhile. */
  schedule(card, delay) {
    this.markStale(card);
    clearTimeout(card.lintTimer);
    card.lintTimer = setTimeout(() => this.check(card), delay);
  }

  /**
   * The text changed since its findings and checklist were made: they no longer describe it,
   * so they are greyed out under "Proofreading…" until the new check arrives.
   */
  markStale(card) {
    if (!card.draft || card.checkedText === textKey(card.text())) return;
    const section = card.part('proofread');
    if (section.dataset.stale === 'true') return;
    section.dataset.stale = 'true';
    section.setAttribute('aria-busy', 'true');
    card.part('lint-summary').textContent = 'Proofreading…';
    card.part('lint-summary').dataset.errors = '';
  }

  /** Proofreads `card` now; the newest check of a card wins. */
  async check(card) {
    if (!card.draft) return;
    const mine = (card.lintSeq = (card.lintSeq ?? 0) + 1);
    const text = card.text();
    const { channel, scenario } = card.draft;
    let result;
    try {
      result = await api.lintDraft({
        situation: this.situation(), channel, scenario, subject: channel === 'email' ? text.subject : null,
        body: text.body, saved: Boolean(card.saved),
      });
    } catch (error) {
      if (error.code !== 'invalid_input') this.showError(error, 'proofread the draft');
      return;
    }
    if (mine !== card.lintSeq) return;
    card.report = result.report;
    card.checkedText = textKey(text);
    // Changed again while this check ran: a newer one is scheduled and will follow it.
    if (card.checkedText !== textKey(card.text())) return;
    card.checklist = result.checklist;
    this.render(card, text);
  }

  /** The findings of `card` the user has not ignored, with their counts. */
  visible(card, text = card.text()) {
    return visibleReport(card.report, this.ignored(card), text);
  }

  /** The ignored findings of the card's current draft (a new draft starts with none). */
  ignored(card) {
    if (card.ignoredFor !== card.draft) Object.assign(card, { ignored: new Set(), ignoredFor: card.draft });
    return card.ignored;
  }

  render(card, text) {
    const checklist = card.checklist;
    const report = this.visible(card, text);
    const section = card.part('proofread');
    delete section.dataset.stale;
    section.removeAttribute('aria-busy');
    const summary = card.part('lint-summary');
    summary.textContent = summaryText(report.summary);
    summary.dataset.errors = String(report.summary.errors);
    // Heard only when the verdict changes: a proofread after every pause in typing, of three
    // cards at once, would otherwise read the same words out again and again.
    const said = card.part('lint-said');
    const verdict = `${DRAFTS[card.channel]?.title ?? card.channel}: ${summary.textContent}`;
    if (said.textContent !== verdict) said.textContent = verdict;
    const items = report.findings.map((f) => this.findingItem(card, f, text));
    if (report.ignored) {
      const li = el('li', `${report.ignored} ignored`, 'finding ignored');
      const again = button('Show again', 'button quiet unignore', () => {
        this.ignored(card).clear();
        this.render(card, text);
      });
      again.setAttribute('aria-label', `Show the ignored findings again (${DRAFTS[card.channel]?.title ?? card.channel})`);
      li.append(again);
      items.push(li);
    }
    card.part('findings').replaceChildren(...items);
    const done = checklist.filter((c) => c.done).length;
    card.part('check-count').textContent = `${done} of ${checklist.length}`;
    card.part('checklist').replaceChildren(...checklist.map((c) => {
      const li = el('li', c.label, c.done ? 'check done' : 'check');
      li.dataset.check = c.id;
      if (!c.done && c.note) li.append(el('small', c.note));
      return li;
    }));
    this.paintMarks(card, text.body, report.findings);
  }

  findingItem(card, f, text) {
    const li = el('li', '', `finding ${f.severity}`);
    li.dataset.rule = f.rule;
    // The three cards often share a finding: each control's name says its card.
    const where = ` (${DRAFTS[card.channel]?.title ?? card.channel})`;
    const jump = button(findingLabel(f), 'finding-jump', () => this.showFinding(card, f));
    jump.dataset.rule = f.rule;
    jump.title = findingTitle(f, this.catalog);
    jump.setAttribute('aria-label', findingLabel(f) + where);
    li.append(jump);
    if (f.suggestion != null) {
      const apply = button(f.suggestion ? `Use “${f.suggestion}”` : 'Remove it', 'button quiet apply', () => this.applyFix(card, f));
      apply.setAttribute('aria-label', apply.textContent + where);
      li.append(apply);
    }
    const ignore = button('Ignore', 'button quiet ignore', () => {
      this.ignored(card).add(findingKey(f, text));
      this.render(card, text);
    });
    ignore.title = 'Not a problem here: hide it for this draft (it no longer counts before sending).';
    ignore.setAttribute('aria-label', `Ignore: ${findingLabel(f)}${where}`);
    li.append(ignore);
    return li;
  }

  /** The editor's backdrop: the findings marked under the text (none while it is being typed). */
  paintMarks(card, body, findings = []) {
    card.part('highlights').replaceChildren(
      ...highlightRuns(body, findings).map((r) => (r.mark ? el('mark', r.text, r.mark) : document.createTextNode(r.text))),
      document.createTextNode('\n'),
    );
  }

  /** Selects the finding's span in the subject or the editor. */
  showFinding(card, f) {
    const field = f.part === 'subject' ? card.part('subject') : card.part('edit');
    if (f.part !== 'subject') card.startEditing();
    field.focus();
    field.setSelectionRange(byteToIndex(field.value, f.start), byteToIndex(field.value, f.end));
  }

  /** Applies the finding's suggestion as the user's own edit, then checks again. */
  applyFix(card, f) {
    if (f.part === 'subject') {
      const subject = card.part('subject');
      card.baseline ??= card.draftText();
      subject.value = applySuggestion(subject.value, f);
      card.subject = subject.value;
      card.fitSubject();
    } else {
      card.startEditing();
      const edit = card.part('edit');
      edit.value = applySuggestion(edit.value, f);
      card.edited = edit.value;
      card.updateMeta();
    }
    this.markStale(card);
    this.check(card);
  }

  /** A question above the card's actions, its primary button focused. */
  ask(card, text, buttons) {
    const bar = card.part('confirm');
    bar.replaceChildren(el('span', text), ...buttons.map(([label, action, primary]) => button(label, primary ? 'button primary' : 'button', () => {
      bar.hidden = true;
      action();
    })));
    bar.hidden = false;
    $('.primary', bar)?.focus();
  }

  /**
   * Runs `run` once the card's text has a fresh proofread with nothing to fix, or after asking
   * (`anyway` names what the button does: "Copy anyway", "Export anyway").
   * Errors left in a draft ask once before it leaves the app, and nothing leaves on a stale
   * verdict. A text changed since its last proofread is checked first, then sent in the same
   * click (the clipboard is written by the app, so it needs no click of its own).
   */
  async confirmSend(card, run, { label = 'Send now', anyway = 'Send anyway' } = {}) {
    const text = card.text();
    const key = textKey(text);
    const fresh = card.checkedText === key;
    if (!fresh) {
      // A proofread started meanwhile (typing) may supersede ours: wait for one of this text.
      for (let tries = 0; tries < 3 && card.checkedText !== key; tries++) await this.check(card);
      if (card.checkedText !== key) {
        this.ask(card, 'This draft could not be proofread just now.', [[label, run, true]]);
        return;
      }
    }
    const shown = card.report ? this.visible(card, text) : null;
    const errors = shown?.summary.errors ?? 0;
    if (errors && card.confirmedFor !== key) {
      const review = () => {
        const first = shown.findings.find((f) => f.severity === 'error');
        if (first) this.showFinding(card, first);
      };
      this.ask(card, `This draft still has ${errors} thing${errors === 1 ? '' : 's'} to fix before it goes out.`, [
        [anyway, () => { card.confirmedFor = key; run(); }, false],
        ['Review first', review, true],
      ]);
      return;
    }
    card.part('confirm').hidden = true;
    run();
  }
}
