// The only module that talks to Tauri. Every backend call goes through `call`, which rethrows
// backend failures as CommandError so screens never see raw IPC values.
import { CommandError, toCommandError } from './errors.js';

async function call(command, args = {}) {
  const bridge = globalThis.__TAURI_INTERNALS__;
  if (!bridge || typeof bridge.invoke !== 'function') {
    throw new CommandError('no_backend', 'the Politely backend is not available in this page', command);
  }
  try {
    return await bridge.invoke(command, args);
  } catch (raw) {
    throw toCommandError(raw, command);
  }
}

/** Version, data folder and how it was chosen. */
export const about = () => call('about');

/** Tells the backend the first frame is on screen, `pageMs` after navigation started. */
export const uiReady = (pageMs) => call('ui_ready', { pageMs });

/** Problems with a Situation, each `{field, message}`; empty when valid. */
export const checkSituation = (situation) => call('check_situation', { situation });

/** The Advice for a valid Situation. */
export const advise = (situation) => call('advise', { situation });
