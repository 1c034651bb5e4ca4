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

/** Every label and limit the window shows (asked once at start; see catalog.js). */
export const catalog = () => call('catalog');

/** Version, data folder and how it was chosen. */
export const about = () => call('about');

/** Shows a file this run exported in the desktop's file manager. */
export const showInFolder = (path) => call('show_in_folder', { path });

/** Tells the backend the first frame is on screen, `pageMs` after navigation started. */
export const uiReady = (pageMs) => call('ui_ready', { pageMs });

/** Problems with a Situation, each `{field, message}`; empty when valid. */
export const checkSituation = (situation) => call('check_situation', { situation });

/** The Advice for a valid Situation. */
export const advise = (situation) => call('advise', { situation });

/** History: the list for a query ({search, status, channel, from, to, trash}). */
export const historyList = (query) => call('history_list', { query });
/** History: one opportunity with its timeline. */
export const historyShow = (id) => call('history_show', { id });
/**
 * History: records the wizard's decision, as a new decision on `opportunityId` or (null) a new
 * opportunity; resolves to `{opportunity_id, advice}`.
 */
export const historyAdd = (situation, opportunityId) => call('history_add', { situation, opportunityId });
export const historyAddReply = (id, body, receivedAt) => call('history_add_reply', { id, body, receivedAt });
export const historyAddNote = (id, body) => call('history_add_note', { id, body });
/** History: records a message ({opportunity_id, channel, subject, body, sent_at?}) in one write. */
export const historyRecordMessage = (message) => call('history_record_message', { message });
export const historyMarkSent = (messageId, sentAt) => call('history_mark_sent', { messageId, sentAt });
export const historyReopen = (id, body) => call('history_reopen', { id, body });
export const historyClose = (id) => call('history_close', { id });
export const historyDelete = (id) => call('history_delete', { id });
export const historyUndelete = (id) => call('history_undelete', { id });
export const historyBackups = () => call('history_backups');
/** History: replaces it with the backup whose file name (never a path) is `name`. */
export const historyRestoreBackup = (name) => call('history_restore_backup', { name });
export const historyStartNew = () => call('history_start_new');
/** History: the whole of it as `json`, `csv` or `md` text. */
export const historyExport = (format) => call('history_export', { format });
/** History: write the whole of it as `json`, `csv` or `md` to a chosen file; resolves to its path. */
export const historyExportTo = (path, format) => call('history_export_to', { path, format });
/** History: import an export file (`dryRun` only says what it would add). */
export const historyImportFrom = (path, dryRun) => call('history_import_from', { path, dryRun });
/** History: undo of Close — back to the status it had. */
export const historyUndoClose = (id, status) => call('history_undo_close', { id, status });
/**
 * The end-to-end tests' way round the system's file dialogs, which WebDriver cannot click: in
 * a window driven by WebDriver only (`navigator.webdriver`, false in normal use), a path the
 * test queued in `window.__politelyDialogAnswers` answers the next dialog, and what the dialog
 * was asked is kept in `window.__politelyDialogsAsked`. Otherwise null: the real dialog opens.
 */
function automatedAnswer(kind, options) {
  if (globalThis.navigator?.webdriver !== true) return null;
  const queue = globalThis.__politelyDialogAnswers;
  if (!Array.isArray(queue) || queue.length === 0) return null;
  globalThis.__politelyDialogsAsked ??= [];
  globalThis.__politelyDialogsAsked.push({ kind, ...options });
  return { path: queue.shift() }; // a queued null is the user pressing Cancel
}
/** The system's save dialog; resolves to the chosen path, or null when cancelled. */
export async function chooseSaveFile(defaultPath, filters) {
  const answer = automatedAnswer('save', { defaultPath, filters });
  return answer ? answer.path : call('plugin:dialog|save', { options: { defaultPath, filters } });
}
/** The system's open dialog for one file; resolves to its path, or null when cancelled. */
export async function chooseOpenFile(filters) {
  const answer = automatedAnswer('open', { filters });
  return answer ? answer.path : call('plugin:dialog|open', { options: { multiple: false, directory: false, filters } });
}
/** Your details (name, email, phone, sign-off), kept for every case. */
export const profileGet = () => call('profile_get');
/** Saves your details; resolves to them as stored. */
export const profileSave = (profile) => call('profile_save', { profile });

/** Compose: drafts for every channel of a scenario ({channel → {block → choice}} picks phrasings). */
export const composeDrafts = (situation, scenario, formality, choices) =>
  call('compose_drafts', { situation, scenario, formality, choices });
/** Compose: open a message ({to, to_name, from, from_name, subject, body}) in the mail app. */
export const composeOpenMail = (message) => call('compose_open_mail', { message });
/** Compose: write a message as `eml` or `txt`; resolves to the file's path. */
export const composeExport = (message, format, company) => call('compose_export', { message, format, company });
/**
 * Compose: saves a draft ({situation, opportunity_id, channel, subject, body}) in History;
 * resolves to {opportunity_id, message_id}.
 */
export const composeSave = (draft) => call('compose_save', { draft });

/** Your templates: every saved one. */
export const templatesUserList = () => call('templates_user_list');
/** Your templates: problems ({field, line, column, message}) and a preview ({subject, body}) for the editor. */
export const templatesUserCheck = (template, situation) => call('templates_user_check', { template, situation });
/** Your templates: save ({id?, name, channel, subject, body}); resolves to the stored template. */
export const templatesUserSave = (template) => call('templates_user_save', { template });
/** Your templates: delete; resolves to the deleted template (for Undo). */
export const templatesUserDelete = (id) => call('templates_user_delete', { id });
/** Your templates: render one with a Situation; resolves to {channel, subject, body}. */
export const templatesUserRender = (id, situation) => call('templates_user_render', { id, situation });

/**
 * Proofread: findings and the send checklist ({report, checklist}) for a draft
 * ({situation, channel, scenario, subject, body, saved}).
 */
export const lintDraft = (draft) => call('lint_draft', { draft });
/** Proofread: load the dictionary in the background before the first proofread. */
export const lintWarmUp = () => call('lint_warm_up');

/** A phone script split into beats and timed at `wpm` (150 when null). */
export const practiceEstimate = (script, wpm) => call('practice_estimate', { script, wpm });
/** The follow-up questions and replies to rehearse for the Situation. */
export const practiceDrill = (situation, scenario, formality) => call('practice_drill', { situation, scenario, formality });
/**
 * Keeps a run ({situation, opportunity_id, duration_ms, beats}) against its opportunity, else a
 * new one for the Situation, else unlinked; resolves to {run, opportunity_id, summary}.
 */
export const practiceSaveRun = (run) => call('practice_save_run', { run });
/** Last, best and recent runs of an opportunity (null: the unlinked runs). */
export const practiceRuns = (opportunityId) => call('practice_runs', { opportunityId });

/** Everything the Reminders screen shows: the groups, counts, notification status, settings. */
export const remindersList = () => call('reminders_list');
/** Adds the user's own reminder (`dueAt` RFC 3339). */
export const remindersAdd = (opportunityId, dueAt, title) => call('reminders_add', { opportunityId, dueAt, title });
/** Changes a reminder's due time and wording. */
export const remindersEdit = (id, dueAt, title) => call('reminders_edit', { id, dueAt, title });
/** Snoozes: `{ for: 'hour' | 'tomorrow' | 'next_week' }` or `{ for: 'until', at }`. */
export const remindersSnooze = (id, snooze) => call('reminders_snooze', { id, snooze });
/** Marks a reminder `done` or `dismissed`. */
export const remindersSetState = (id, to) => call('reminders_set_state', { id, to });
/** Undo: puts a reminder back as `before` describes it. */
export const remindersRestore = (before) => call('reminders_restore', { before });
/** Deletes the user's own reminder (undo of adding it). */
export const remindersDelete = (id) => call('reminders_delete', { id });
/** Writes reminders (these ids, or all open ones) as an .ics file; returns its path. */
export const remindersExportIcs = (ids, kind) => call('reminders_export_ics', { ids, kind });
/** Saves `{ follow_up_months, awaiting_reply }`. */
export const remindersSettings = (settings) => call('reminders_settings', { settings });
/** Turns start-at-login on or off; returns whether it is on. */
export const remindersAutostart = (enabled) => call('reminders_autostart', { enabled });
/** Puts `text` on the system clipboard (tauri-plugin-clipboard-manager; no click needed). */
export const copyText = (text) => call('plugin:clipboard-manager|write_text', { text });
/** Closing the window hides it and reminders keep firing (the tray's Quit ends the app). */
export const remindersKeepRunning = (enabled) => call('reminders_keep_running', { enabled });
/** Remembers that the user was told why notifications are off. */
export const remindersExplained = (reason) => call('reminders_explained', { reason });

/** Bytes for the reader: pasted text as UTF-8, a dropped file (an ArrayBuffer) as it is. */
function messageBytes(message) {
  const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : new Uint8Array(message);
  return Array.from(bytes);
}
/**
 * Read: what a pasted or dropped message (text, or a file's ArrayBuffer) states —
 * {kind, situation, interview_options, evidence, reply}; nothing is saved.
 */
export const readMessage = (message) => call('read_message', { message: messageBytes(message) });
/** Read: a reply on its own, and the opportunity it answers ({read, matched}); nothing is recorded. */
export const readReply = (message) => call('read_reply', { message: messageBytes(message) });

/** Calls `handler(payload)` for every backend event named `event`; returns a function that stops it. */
export async function listen(event, handler) {
  const bridge = globalThis.__TAURI_INTERNALS__;
  if (!bridge || typeof bridge.transformCallback !== 'function') return () => {};
  const id = bridge.transformCallback((message) => handler(message.payload));
  const eventId = await call('plugin:event|listen', { event, target: { kind: 'Any' }, handler: id });
  return () => call('plugin:event|unlisten', { event, eventId });
}
