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

/** What the window calls the fields a validation message may name. */
const FIELD_NAMES = Object.freeze({
  company: 'Company',
  role: 'Role',
  invited_at: 'Invitation received',
  interview_at: 'Interview date',
  stage: 'Where things stand',
  rounds: 'Interview rounds',
  origin_channel: 'The conversation started by',
  rapport: 'Your relationship with them',
  inform: 'Who needs to hear from you',
  reasons: 'Reasons',
  'contact.name': 'Their name',
  'contact.email': 'Their email',
  'contact.title': 'Their title',
  'sender.name': 'Your name',
  'sender.email': 'Your email',
  'sender.phone': 'Your phone',
  'sender.sign_off': 'Sign-off',
  subject: 'Subject',
  body: 'Text',
  name: 'Name',
  channel: 'Channel',
  due_at: 'When',
  title: 'What to do',
  input: 'The message',
});

/**
 * A validation message as the user reads it: a field the backend names by its internal path
 * ("sender.email: …", at the start or after "; ") is named as the window labels it ("Your
 * email: …"), or left out when the window has no name for it.
 */
export function readableMessage(message) {
  return String(message).replace(/(^|; |\n)([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)(?:\[\d+\])?: /g, (_, before, field) => {
    const name = FIELD_NAMES[field];
    return name ? `${before}${name}: ` : before;
  });
}

/** Normalises a rejection value from `invoke` into a CommandError. */
export function toCommandError(raw, command) {
  if (raw instanceof CommandError) return raw;
  if (raw && typeof raw === 'object' && typeof raw.message === 'string') {
    const code = typeof raw.code === 'string' ? raw.code : 'unexpected';
    const message = code === 'invalid_input' ? readableMessage(raw.message) : raw.message;
    return new CommandError(code, message, command);
  }
  if (typeof raw === 'string' && raw.trim() !== '') {
    return new CommandError('unexpected', raw, command);
  }
  return new CommandError('unexpected', 'Politely got an answer it does not understand; try again', command);
}

/**
 * The sentence shown for a failure: what failed, why, and what to try — the code's usual advice,
 * or `hint` when the screen knows better ('' for none).
 */
export function describeFailure(error, action, hint) {
  const what = action ? `Couldn’t ${action}` : 'Something went wrong';
  const usual = {
    data_dir: 'Check that the data folder exists, is a folder and is writable, then try again.',
    // The message says what is wrong with which value; forms show it beside the field.
    invalid_input: '',
    no_backend: 'Start Politely from its own window rather than a web browser.',
    database_damaged: 'Open History to restore a backup or start a new history; the damaged file is kept.',
    database_too_new: 'Install the newer version of Politely that wrote this history.',
    storage: 'Nothing was changed. Check the disk and try again.',
    not_found: 'It may have been deleted or moved to the trash. Open History to check, then try again.',
    // The message already says what to do instead (copy the text, export a file…).
    unavailable: '',
  }[error.code];
  const advice = hint ?? usual;
  // "opening your mail program: there is none…": the action is said once, by the window.
  const message = error.code === 'unavailable' ? error.message.replace(/^[^:]{1,60}: (?=\S)/, '') : error.message;
  const base = `${what}: ${upperFirst(message)}`;
  return advice ? `${base}\n${advice}` : base;
}

function upperFirst(text) {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}
