// Fills the page's menus, choices and numbers from the catalogue once at start, so index.html
// holds no copy of a label or a limit. The markup names what goes where:
//   <select data-list="stages">                          options (kept options stay first);
//   <select data-list="message_kinds" data-grouped>      options in <optgroup>s by `group`;
//   <div data-list="audiences" data-input="checkbox" data-name="inform">   a labelled input each
//     (data-checked="id" ticks one by default; data-style="reason" adds the hint and moves the
//     element [data-more="id"] from inside the list to just after its reason);
//   <input data-limit="name_chars">                       maxlength (max for a number input);
//   <span data-limit-text="call_seconds"></span>          the limit as text ("30–60");
//   <select data-range="follow_up_months" data-unit="months">   one option per whole number.
import { choicesOf, groupedChoices, limitText, rangeOf } from './catalog.js';
import { $$, el, option } from './dom.js';

/** Fills every catalogue-driven element under `root`. */
export function fillLists(root, catalog) {
  for (const node of $$('[data-list]', root)) {
    if (node.tagName === 'SELECT') fillSelect(node, catalog);
    else fillChoices(node, catalog);
  }
  for (const node of $$('[data-limit]', root)) {
    const value = catalog.limits[node.dataset.limit];
    if (node.type === 'number') node.max = String(value);
    else node.maxLength = value;
  }
  for (const node of $$('[data-limit-text]', root)) node.textContent = limitText(catalog.limits, node.dataset.limitText);
  for (const node of $$('select[data-range]', root)) {
    const unit = node.dataset.unit ? ` ${node.dataset.unit}` : '';
    node.append(...rangeOf(catalog.limits, node.dataset.range).map((n) => option(n, `${n}${unit}`)));
  }
}

function fillSelect(select, catalog) {
  const name = select.dataset.list;
  if (!('grouped' in select.dataset)) {
    select.append(...choicesOf(catalog, name).map((c) => option(c.value, c.label)));
    return;
  }
  select.append(...groupedChoices(catalog, name).map((group) => {
    const optgroup = document.createElement('optgroup');
    optgroup.label = group.label;
    optgroup.append(...group.options.map((c) => option(c.value, c.label)));
    return optgroup;
  }));
}

function fillChoices(box, catalog) {
  const { input: type = 'checkbox', name, checked, style } = box.dataset;
  const more = new Map($$('[data-more]', box).map((node) => [node.dataset.more, node]));
  for (const choice of choicesOf(catalog, box.dataset.list)) {
    const input = document.createElement('input');
    input.type = type;
    input.name = name;
    input.value = choice.value;
    // The default, not just the current state: form.reset() (Start over) comes back to it.
    if (choice.value === checked) input.defaultChecked = true;
    const label = document.createElement('label');
    if (style === 'reason') {
      label.className = 'reason';
      const text = el('span', '');
      text.append(el('strong', choice.label), el('small', choice.hint));
      label.append(input, text);
    } else {
      label.append(input, ` ${choice.label}`);
    }
    box.append(label);
    if (more.has(choice.value)) box.append(more.get(choice.value));
  }
}
