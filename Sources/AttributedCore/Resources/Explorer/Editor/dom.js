// Building the editor's elements. Every string, from the dataset or the user, goes in as text (textContent,
// attributes, option values), never as HTML: the datasets hold hostile strings.

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

// A <select> whose options are `values` (each its own label, or [value, label]), `selected` chosen.
function menu(label, values, selected, onchange) {
  const select = el('select', { 'aria-label': label, onchange: function () { onchange(select.value); } });
  for (const value of values) {
    const [v, text] = Array.isArray(value) ? value : [value, value.replace(/_/g, ' ')];
    select.append(el('option', { value: v, text: text, selected: v === selected }));
  }
  return select;
}

// A labelled text input; `oninput` gets each new value as it is typed.
function textInput(label, value, oninput, attributes) {
  const input = el('input', Object.assign({ type: 'text', 'aria-label': label, value: value || '' }, attributes || {}));
  input.addEventListener('input', function () { oninput(input.value); });
  return input;
}

function button(label, onclick, attributes) {
  return el('button', Object.assign({ type: 'button', text: label, onclick: onclick }, attributes || {}));
}

// A form row: `part`, and the message of the last refusal about it (if any) after it; `control` (the part itself, or
// the input inside it) is marked invalid and described by the message.
// An input or menu also shows its name (screen readers have it from aria-label already).
function withMessage(message, part, control) {
  const target = control || part;
  const id = uniqueId('error');
  if (message) { target.setAttribute('aria-invalid', 'true'); target.setAttribute('aria-describedby', id); }
  const name = target.matches('input, select') ? target.getAttribute('aria-label') : null;
  return el('div', { class: 'form-row' }, name ? el('span', { class: 'row-label', 'aria-hidden': 'true', text: name }) : null,
            part, message ? el('p', { class: 'field-error', id: id, text: message }) : null);
}

let uniqueCounter = 0;
function uniqueId(prefix) { uniqueCounter += 1; return 'editor-' + prefix + '-' + uniqueCounter; }

// Says something to screen readers (and sighted users) in the editor's status line.
function announce(message) {
  const status = document.getElementById('editor-status');
  if (status) status.textContent = message;
}
