// The page's small DOM helpers, the one set every module uses (none defines its own). Text
// always goes in with textContent, so user data is never parsed as HTML.

/** The first element matching `selector` (e.g. `$('#compose-form')`), within `root`. */
export function $(selector, root = document) {
  return root.querySelector(selector);
}

/** Every element matching `selector`, as an array. */
export function $$(selector, root = document) {
  return [...root.querySelectorAll(selector)];
}

/** An element with text (and an optional class). */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A `type="button"` button that runs `onClick` (when given). */
export function button(text, className = 'button', onClick = null) {
  const node = el('button', text, className);
  node.type = 'button';
  if (onClick) node.addEventListener('click', onClick);
  return node;
}

/** An <option> with a value and its text. */
export function option(value, text) {
  const node = el('option', text);
  node.value = String(value);
  return node;
}

/** <dt>/<dd> pairs for a definition list, from [label, value] rows. */
export function definitionRows(rows) {
  return rows.flatMap(([label, value]) => [el('dt', label), el('dd', value)]);
}
