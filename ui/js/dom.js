// Small DOM builders. Text always goes in with textContent, so user data is never parsed as HTML.

/** An element with text (and an optional class). */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** <dt>/<dd> pairs for a definition list, from [label, value] rows. */
export function definitionRows(rows) {
  return rows.flatMap(([label, value]) => [el('dt', label), el('dd', value)]);
}
