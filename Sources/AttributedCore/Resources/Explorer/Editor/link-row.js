// One link of the chain being edited: its source (picked with the combobox, or created with New source), its cue
// (typed, or the words selected in the text), its mode, attribution type and factuality (menus starting at the
// format's defaults), and the buttons that move or remove it. The first link is the publication's narration.

// `editor`: {draft, errors (by "link.N.field"), changed(), rerender(focus), currentLink(N), entityOf(id)}.
function linkRow(link, position, editor) {
  const count = editor.draft.links.length;
  const errors = editor.errors;
  const key = function (name) { return 'link.' + position + '.' + name; };
  const withError = function (name, part, control) { return withMessage(errors[key(name)], part, control); };
  const place = position === 0 ? 'the publication' : position === count - 1 ? 'the origin' : 'relay ' + position;
  const row = el('fieldset', { class: 'link-row', 'data-position': position },
                 el('legend', { text: 'Link ' + (position + 1) + ': ' + place }));
  row.addEventListener('focusin', function () { editor.currentLink(position); });

  if (position === 0) {
    const publisher = editor.entityOf(link.source);
    row.append(el('p', { class: 'form-note', text: (publisher ? entityLabel(publisher) : link.source) + ' reports it (narration).' }));
  } else {
    const current = link.newSource ? null : editor.entityOf(link.source);
    const source = entityCombobox('Source', current ? entityLabel(current) : '', function (entity) {
      link.source = entity.id;
      link.newSource = null;
      editor.remember(entity);
      editor.rerender(key('source'));
    });
    source.input.setAttribute('data-focus-key', key('source'));
    row.append(withError('source', el('div', { class: 'source-picker' }, source.element,
      button(link.newSource ? 'Pick a source instead' : 'New source', function () {
        link.newSource = link.newSource ? null : newSourceFields(source.input.value.trim());
        if (link.newSource) link.source = null;
        editor.rerender(link.newSource ? key('newsource') : key('source'));
      }, { 'aria-label': link.newSource ? 'Pick a source instead' : 'New source', 'aria-expanded': link.newSource ? 'true' : 'false',
           'data-focus-key': key('newsource-button') })), source.input));
    if (link.newSource) {
      const form = sourceForm(link.newSource, sourceErrors(errors, position), editor.changed);
      form.setAttribute('data-focus-key', key('newsource'));
      row.append(form);
    }
    const cue = textInput('Cue', link.cue ? link.cue.text : '', function (value) {
      link.cue = value.trim() === '' ? null : { text: value.trim() };  // typed: anchored by the loader, nearest the span
      editor.changed();
    }, { placeholder: 'the attributing words: select them in the text, or type them', 'data-focus-key': key('cue') });
    row.append(withError('cue', el('div', { class: 'cue-picker' }, cue,
      button('Cue from selection', function () { editor.cueFromSelection(position); },
             { 'aria-label': 'Cue from selection', 'aria-keyshortcuts': 'C' })), cue));
    if (link.suggested) row.append(el('p', { class: 'form-note suggestion', text: 'Suggested from the text: “' + link.suggested + '”' }));
    row.append(withError('mode', menu('Mode', MODES, link.mode, function (value) { link.mode = value; editor.changed(); })));
  }
  row.append(withError('attributionType', menu('Attribution type', ATTRIBUTION_TYPES, link.attributionType,
                                               function (value) { link.attributionType = value; editor.changed(); })));
  row.append(withError('factuality', menu('Factuality', FACTUALITIES, link.factuality,
                                          function (value) { link.factuality = value; editor.changed(); })));
  if (position > 0) {
    const move = function (to, focusName) {
      const links = editor.draft.links;
      [links[position], links[to]] = [links[to], links[position]];
      editor.rerender('link.' + to + '.' + focusName);
    };
    row.append(el('div', { class: 'link-actions' },
      position > 1 ? button('Move link up', function () { move(position - 1, 'up'); }, { 'data-focus-key': key('up') }) : null,
      position < count - 1 ? button('Move link down', function () { move(position + 1, 'down'); }, { 'data-focus-key': key('down') }) : null,
      button('Remove link', function () {
        editor.draft.links.splice(position, 1);
        editor.rerender('add-link');
      })));
  }
  return row;
}

// The messages of a link's new source, by its field name.
function sourceErrors(errors, position) {
  const prefix = 'link.' + position + '.newsource.';
  const found = {};
  for (const [name, message] of Object.entries(errors)) if (name.startsWith(prefix)) found[name.slice(prefix.length)] = message;
  return found;
}
