// Turns whatever a failed command throws into one typed error the screens can show.
// The backend sends {code, message}; the code list mirrors ErrorCode in src-tauri/src/error.rs.

/** Codes the backend can send, plus the two the front end adds for itself. */
export const ERROR_CODES = Object.freeze([
  'invalid_input',
  'data_dir',
  'database_damaged',
  'database_too_new',
  'storage',
  'not_found',
  'unavailable',
  // Front-end only: the Tauri bridge is missing, or the reply had an unexpected shape.
  'no_backend',
  'unexpected',
]);

/** A command that failed, with a stable `code` and a message written for people. */
export class CommandError extends Error {
  constructor(code, message, command) {
    super(message);
    this.name = 'CommandError';
    this.code = ERROR_CODES.includes(code) ? code : 'unexpected';
    this.command = command;
  }
}

/** Normalises a rejection value from `invoke` into a CommandError. */
export function toCommandError(raw, command) {
  if (raw instanceof CommandError) return raw;
  if (raw && typeof raw === 'object' && typeof raw.message === 'string') {
    const code = typeof raw.code === 'string' ? raw.code : 'unexpected';
    return new CommandError(code, raw.message, command);
  }
  if (typeof raw === 'string' && raw.trim() !== '') {
    return new CommandError('unexpected', raw, command);
  }
  return new CommandError('unexpected', `The app did not answer “${command}” in a way it understands.`, command);
}

/** The sentence shown in the error banner: what failed, why, and what to try. */
export function describeFailure(error, action) {
  const what = action ? `Couldn’t ${action}` : 'Something went wrong';
  const hint = {
    data_dir: 'Check that the data folder exists, is a folder and is writable, then try again.',
    invalid_input: 'Correct the highlighted value and try again.',
    no_backend: 'Start Politely from its own window rather than a web browser.',
    database_damaged: 'Open History to restore a backup or start a new history; the damaged file is kept.',
    database_too_new: 'Install the newer version of Politely that wrote this history.',
    storage: 'Nothing was changed. Check the disk and try again.',
    not_found: 'It may have been deleted or moved to the trash. Open History to check, then try again.',
    // The message already says what to do instead (copy the text, export a file…).
    unavailable: '',
  }[error.code];
  const base = `${what}: ${upperFirst(error.message)}`;
  return hint ? `${base}\n${hint}` : base;
}

function upperFirst(text) {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}
