// How a Compose draft leaves the card: copied, opened in the mail app, exported as .eml or .txt,
// saved to History on the case's opportunity, or carried to Practise. Everything that leaves the
// app goes through the proofreader's confirmSend first.
import * as api from './api.js';
import { outgoing } from './compose-view.js';
import { textKey } from './compose-card.js';
import { carryScript, remember } from './store.js';

const FAILED = { mail: 'open your mail app', eml: 'export the email', txt: 'export the text', save: 'save the draft' };

/** The cards' action buttons: `act(card, action)`. */
export class Sender {
  /**
   * @param {object} options `situation()` and `theCase()`, Compose's current Situation and case;
   *   `proofreader` (compose-proofread.js); `showError`, `showNotice`, `openInHistory(id)`,
   *   `navigate(screen)`.
   */
  constructor(options) {
    Object.assign(this, options);
  }

  async act(card, action) {
    const text = card.text();
    const { channel } = card;
    const situation = this.situation();
    const plain = channel === 'email' ? text : { subject: '', body: text.body };
    const check = (run, options) => this.proofreader.confirmSend(card, run, options);
    try {
      switch (action) {
        case 'edit': return card.toggleEditing();
        case 'copy-subject':
          return check(() => this.copy(card, text.subject, 'subject'), { label: 'Copy subject', anyway: 'Copy anyway' });
        case 'copy':
          return check(() => this.copy(card, text.body, channel === 'email' ? 'body' : card.noun), { label: 'Copy now', anyway: 'Copy anyway' });
        case 'mail':
          return check(() => this.openMail(card, outgoing(situation, text)), { label: 'Open it now', anyway: 'Open anyway' });
        case 'eml':
        case 'txt':
          return check(() => this.exportAs(card, action, outgoing(situation, plain), `${situation.company} ${channel}`),
            { label: 'Export now', anyway: 'Export anyway' });
        case 'practice': return this.toPractice(card, text, situation);
        case 'save': return await this.save(card, text, situation);
        default: return undefined;
      }
    } catch (error) {
      this.showError(error, FAILED[action] ?? 'do that', { at: card.feedback });
      return undefined;
    }
  }

  /** Writes to the system clipboard through the app (no click needed, so after a proofread too). */
  async copy(card, text, what) {
    try {
      await api.copyText(text);
    } catch (error) {
      this.showError(error, `copy the ${what}`, { at: card.feedback });
      return;
    }
    card.say(`Copied the ${what}.`);
  }

  async showInFolder(card, path) {
    try {
      await api.showInFolder(path);
    } catch (error) {
      this.showError(error, 'show the file in its folder', { at: card.feedback });
    }
  }

  async openMail(card, message) {
    try {
      await api.composeOpenMail(message);
      card.say('Opened the draft in your mail app. Check it there before sending.');
    } catch (error) {
      this.showError(error, FAILED.mail, { at: card.feedback });
    }
  }

  async exportAs(card, format, message, name) {
    try {
      const path = await api.composeExport(message, format, name);
      card.say(`Exported to ${path}`, 'Show in folder', () => this.showInFolder(card, path));
    } catch (error) {
      this.showError(error, FAILED[format], { at: card.feedback });
    }
  }

  /** Saves the card's text on the case's opportunity (the first save of the case creates it). */
  async save(card, text, situation) {
    const shared = this.theCase();
    const saved = await api.composeSave({
      situation, opportunity_id: shared.opportunityId, channel: card.channel,
      subject: card.channel === 'email' ? text.subject : null, body: text.body,
    });
    remember(shared, saved.opportunity_id);
    card.savedKey = textKey(text);
    this.proofreader.check(card);
    card.say(`Saved the ${card.noun} to History as a draft.`, 'Open it', () => this.openInHistory(saved.opportunity_id));
  }

  /** Hands the phone script, with its case, to Practise. */
  toPractice(card, text, situation) {
    const { scenario, formality } = card.draft;
    carryScript({ text: text.body, situation, scenario, formality, theCase: this.theCase() });
    this.navigate('practice');
  }
}
