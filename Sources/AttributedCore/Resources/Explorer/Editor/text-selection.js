// Where the reader's selection is, in the format's terms: a field (headline, a summary bullet, the body) and a range
// of Unicode scalars in it. The page draws each field's text verbatim (its highlights are elements around the text,
// never extra text), so an offset into a field's textContent is an offset into the field.

function fieldElements() {
  const fields = [];
  const headline = document.querySelector('h1.field-headline');
  if (headline) fields.push({ element: headline, field: 'headline', index: undefined });
  document.querySelectorAll('ul.field-summary > li.field').forEach(function (element, index) {
    fields.push({ element: element, field: 'summary', index: index });
  });
  const body = document.querySelector('div.field-body');
  if (body) fields.push({ element: body, field: 'body', index: undefined });
  return fields;
}

function fieldOf(node) {
  return fieldElements().find(function (f) { return f.element === node || f.element.contains(node); }) || null;
}

// Scalars from the field's start to a DOM position in it.
function scalarOffset(fieldElement, node, offset) {
  const range = document.createRange();
  range.setStart(fieldElement, 0);
  range.setEnd(node, offset);
  return Array.from(range.toString()).length;
}

// The selection as {field, index, start, end, text}, its ends trimmed of white space; null when it is empty or
// not inside one field.
function currentSelection() {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const field = fieldOf(range.startContainer);
  if (!field || !field.element.contains(range.endContainer) || field.element.dataset.editable !== 'yes') return null;
  let start = scalarOffset(field.element, range.startContainer, range.startOffset);
  let end = scalarOffset(field.element, range.endContainer, range.endOffset);
  const text = Array.from(field.element.textContent);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) return null;
  return { field: field.field, index: field.index, start: start, end: end, text: text.slice(start, end).join('') };
}

// Keyboard selection in the text, for people without a mouse: the field takes focus, the arrows move by word and
// Shift with an arrow selects word by word (Home and End go to the field's ends). The field's own keys for the
// editor's actions are handled by the caller.
function makeKeyboardSelectable(fieldElement, label) {
  fieldElement.setAttribute('tabindex', '0');
  fieldElement.setAttribute('role', 'document');
  fieldElement.setAttribute('aria-label', label);
  fieldElement.setAttribute('aria-keyshortcuts', 'N S C');
  fieldElement.classList.add('editable-text');
  fieldElement.addEventListener('focus', function (event) {
    if (event.target !== fieldElement) return;
    const selection = window.getSelection();
    if (selection.rangeCount && fieldElement.contains(selection.anchorNode)) return;
    selection.collapse(firstTextNode(fieldElement) || fieldElement, 0);
  });
  fieldElement.addEventListener('keydown', function (event) {
    if (event.target !== fieldElement || event.ctrlKey || event.altKey || event.metaKey) return;
    const selection = window.getSelection();
    const moves = { ArrowRight: ['forward', 'word'], ArrowLeft: ['backward', 'word'], ArrowDown: ['forward', 'line'],
                    ArrowUp: ['backward', 'line'], End: ['forward', 'documentboundary'], Home: ['backward', 'documentboundary'] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    if (!selection.rangeCount || !fieldElement.contains(selection.anchorNode)) selection.collapse(firstTextNode(fieldElement) || fieldElement, 0);
    selection.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1]);
    // Never beyond the field: the page's other text is not the claim's.
    if (!fieldElement.contains(selection.focusNode)) selection.collapse(selection.anchorNode, selection.anchorOffset);
  });
}

function firstTextNode(element) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  return walker.nextNode();
}

// The DOM range of UTF-16 offsets start..<end of a field's text, across its highlight elements.
function rangeInField(fieldElement, start, end) {
  const walker = document.createTreeWalker(fieldElement, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let node;
  let started = false;
  while ((node = walker.nextNode())) {
    const length = node.data.length;
    if (!started && start <= seen + length) { range.setStart(node, start - seen); started = true; }
    if (started && end <= seen + length) { range.setEnd(node, end - seen); break; }
    seen += length;
  }
  return range;
}

// The same for scalar offsets, as the format counts.
function scalarRangeInField(fieldElement, start, end) {
  const text = Array.from(fieldElement.textContent);
  return rangeInField(fieldElement, text.slice(0, start).join('').length, text.slice(0, end).join('').length);
}

// Marks the claim being edited in the text, its words and its cues, without touching the page's elements (CSS
// Custom Highlights; a browser without them just shows no marks).
function paintDraft(draft) {
  if (!window.CSS || !CSS.highlights || typeof Highlight !== 'function') return;
  CSS.highlights.delete('draft-words');
  CSS.highlights.delete('draft-cue');
  if (!draft) return;
  const field = fieldElements().find(function (f) { return f.field === draft.field && f.index === draft.index; });
  if (!field || field.element.dataset.editable !== 'yes') return;
  CSS.highlights.set('draft-words', new Highlight(...draft.segments.map(function (s) { return scalarRangeInField(field.element, s.start, s.end); })));
  const cues = draft.links.filter(function (l) { return l.cue && l.cue.start !== undefined; });
  CSS.highlights.set('draft-cue', new Highlight(...cues.map(function (l) { return scalarRangeInField(field.element, l.cue.start, l.cue.end); })));
}

// Selects UTF-16 offsets start..<end of a field's text and shows them.
function selectInField(fieldElement, start, end) {
  const range = rangeInField(fieldElement, start, end);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const element = range.startContainer.parentElement;
  if (element) element.scrollIntoView({ block: 'center' });
}

// Finds words in the article's text, after the current selection (then from the top): the keyboard's way to
// select a passage without moving word by word. Exact case first, then any case. Returns the selection or null.
function findInText(words, after) {
  if (!words) return null;
  const fields = fieldElements();
  const texts = fields.map(function (f) { return f.element.textContent; });
  for (const fold of [false, true]) {
    const needle = fold ? words.toLowerCase() : words;
    const order = [];
    const from = after ? fields.findIndex(function (f) { return f.field === after.field && f.index === after.index; }) : -1;
    for (let i = 0; i < fields.length; i++) order.push((Math.max(from, 0) + i) % fields.length);
    if (from !== -1) order.push(from);
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      const haystack = fold ? texts[i].toLowerCase() : texts[i];
      const startAt = k === 0 && from !== -1 ? Array.from(texts[i]).slice(0, after.end).join('').length : 0;
      const at = haystack.indexOf(needle, startAt);
      if (at === -1) continue;
      selectInField(fields[i].element, at, at + words.length);
      return currentSelection();
    }
  }
  return null;
}
