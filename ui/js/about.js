// The About panel: version, the data folder and why it was chosen, and the backups of the
// history with a Restore button each.
import * as api from './api.js';
import { aboutRows, backupLine, backupName } from './about-view.js';
import { $, button, definitionRows, el } from './dom.js';

/** Wires the panel; returns `load()` for when it is shown. */
export function initAbout({ showError, showNotice }) {
  const facts = $('#about-facts');
  const status = $('#about-status');
  const list = $('#about-backups');

  const at = $('#about-backups-feedback');

  /** Asks first, beside the list; says what happened there too. */
  function restore(backup) {
    showNotice(`Replace your history with the backup of ${backupLine(backup)}? The current one is kept aside as a file.`, 'Restore', async () => {
      try {
        await api.historyRestoreBackup(backupName(backup));
        showNotice('The backup was restored.', null, null, { at });
      } catch (error) {
        showError(error, 'restore the backup', { at });
      }
    }, { at });
    $('.feedback-action', at)?.focus();
  }

  function renderBackups(backups) {
    if (!backups.length) {
      list.replaceChildren(el('li', 'No backup yet: the first is made the next time Politely starts.'));
      return;
    }
    list.replaceChildren(...backups.map((backup) => {
      const li = el('li', backupLine(backup));
      li.append(' ', button('Restore…', 'button quiet', () => restore(backup)));
      return li;
    }));
  }

  async function load() {
    facts.replaceChildren();
    status.textContent = 'Checking the data folder…';
    try {
      const info = await api.about();
      facts.replaceChildren(...definitionRows(aboutRows(info)));
      status.textContent = '';
      renderBackups(await api.historyBackups());
    } catch (error) {
      status.textContent = 'The data folder could not be checked.';
      showError(error, 'load the About panel');
    }
  }

  return { load };
}
