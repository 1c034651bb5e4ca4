// Which screen is showing, kept in the URL hash so a reload returns to the same place.

/** Screens in navigation order; Alt+1… follow this order, Alt+0 opens About. */
export const SCREENS = Object.freeze(['home', 'decide', 'compose', 'practice', 'history', 'reminders', 'about']);

/** The screen named by a location hash such as "#/history"; unknown or empty → "home". */
export function screenFromHash(hash) {
  const name = String(hash ?? '').replace(/^#\/?/, '').split(/[/?]/)[0].toLowerCase();
  return SCREENS.includes(name) ? name : 'home';
}

/** The hash for a screen. */
export function hashFor(screen) {
  if (!SCREENS.includes(screen)) throw new RangeError(`unknown screen: ${screen}`);
  return `#/${screen}`;
}

/** The screen a key press asks for (Alt+digit, no other modifier), or null. */
export function screenForShortcut({ key, altKey, ctrlKey, metaKey, shiftKey }) {
  if (!altKey || ctrlKey || metaKey || shiftKey) return null;
  if (key === '0') return 'about';
  const index = Number.parseInt(key, 10);
  if (Number.isInteger(index) && index >= 1 && index <= 6 && String(index) === key) return SCREENS[index - 1];
  return null;
}
