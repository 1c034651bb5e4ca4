// Every keyboard shortcut the window answers, in one list: the panel `?` opens shows it, and the
// README's keyboard map follows it. Pure data and one key test, so `node --test` covers both.

/** Groups of [keys, what they do]; keys are shown as written (each key in its own <kbd>). */
export const SHORTCUTS = Object.freeze([
  {
    title: 'Anywhere',
    keys: [
      [['Alt', '1'], 'Home'],
      [['Alt', '2'], 'Decide'],
      [['Alt', '3'], 'Compose'],
      [['Alt', '4'], 'Practise'],
      [['Alt', '5'], 'History'],
      [['Alt', '6'], 'Reminders'],
      [['Alt', '0'], 'About'],
      [['?'], 'This list of shortcuts'],
      [['Tab'], 'The next control; the first Tab offers “Skip to content”'],
      [['Shift', 'Tab'], 'The previous control'],
      [['Enter'], 'Press the focused button or link; read a typed date'],
      [['Space'], 'Press the focused button; tick a box'],
      [['Escape'], 'Close a dialog or a form; dismiss an error message'],
      [['Ctrl', '+'], 'Zoom in (20% a step)'],
      [['Ctrl', '−'], 'Zoom out'],
      [['Ctrl', '0'], 'Back to 100%'],
    ],
  },
  {
    title: 'Compose',
    keys: [
      [['Enter'], 'On an underlined sentence: the next phrasing'],
    ],
  },
  {
    title: 'Practise (outside a text field)',
    keys: [
      [['Space'], 'Start, pause or resume the timer'],
      [['R'], 'Reset the timer'],
      [['→'], 'Next beat of the script'],
      [['←'], 'Previous beat'],
      [['+'], 'Larger script text'],
      [['−'], 'Smaller script text'],
    ],
  },
  {
    title: 'Reminders',
    keys: [
      [['Enter'], 'In “Pick a date…”: snooze until that date'],
      [['Escape'], 'Leave “Pick a date…” or the reminder form'],
    ],
  },
]);

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Whether a key press asks for the shortcuts panel: `?`, not while typing in a field. */
export function opensShortcuts({ key, ctrlKey, metaKey, altKey, target }) {
  if (key !== '?' || ctrlKey || metaKey || altKey) return false;
  const tag = target?.tagName ?? '';
  return !TYPING.has(tag) && !target?.isContentEditable;
}
