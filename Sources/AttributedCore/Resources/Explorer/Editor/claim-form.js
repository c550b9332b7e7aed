// The form of the claim being edited (state.draft), in the editor's panel: its words (one segment or more), text,
// subjects and proposition, its chain link by link, the chain drawn live, and Save. Typing changes the draft and
// redraws the preview; adding, moving or removing a part draws the form again, keeping the focus on the control
// that was used (or the one that follows it).

function claimForm(state, actions) {
  const draft = state.draft;
  const article = state.article;
  const text = fieldScalars(article, draft.field, draft.index);
  const errors = state.errors;
  const preview = el('div', { class: 'chain-preview', 'aria-live': 'off' });

  const editor = {
    draft: draft,
    errors: errors,
    changed: function () { drawPreview(); },
    rerender: function (focusKey) { actions.render(focusKey); },
    currentLink: function (position) { state.currentLink = position; },
    entityOf: function (id) { return state.entities.get(id) || null; },
    remember: function (entity) { state.entities.set(entity.id, entity); },
    cueFromSelection: function (position) { actions.cueFromSelection(position); },
  };

  function previewLinks() {
    return draft.links.map(function (link) {
      const entity = link.newSource ? entityFromForm(Object.assign({}, link.newSource, { id: link.newSource.id || '(new)' }))
        : state.entities.get(link.source) || null;
      return { source: link.newSource ? 'new source' : link.source, entity: entity, cue: link.cue, mode: link.mode,
               attributionType: link.attributionType, factuality: link.factuality,
               derivation: link.mode === link.originalMode ? link.derivation : null };
    });
  }

  function drawPreview() { preview.replaceChildren(drawChain(draft.id, previewLinks())); }

  const slot = function (name, control) { return withMessage(errors[name], control); };

  const segments = el('ol', { class: 'segments', 'aria-label': 'The claim\'s words' });
  draft.segments.forEach(function (segment, index) {
    segments.append(el('li', null, el('q', { text: joinScalars(text, segment.start, segment.end) }), ' ',
      draft.segments.length > 1 ? button('Remove segment', function () {
        draft.segments.splice(index, 1);
        actions.render('add-segment');
      }, { 'aria-label': 'Remove segment ' + (index + 1) }) : null));
  });

  const about = el('ul', { class: 'about-list' });
  draft.about.forEach(function (id, index) {
    const entity = state.entities.get(id);
    about.append(el('li', null, entity ? entityLabel(entity) : id, ' ',
      button('Remove', function () { draft.about.splice(index, 1); actions.render('about'); },
             { 'aria-label': 'Remove subject ' + (entity ? entityLabel(entity) : id) })));
  });
  const aboutPicker = entityCombobox('About', '', function (entity) {
    if (draft.about.indexOf(entity.id) === -1) draft.about.push(entity.id);
    state.entities.set(entity.id, entity);
    actions.render('about');
  }, true);
  aboutPicker.input.setAttribute('data-focus-key', 'about');

  const links = el('div', { class: 'links' });
  draft.links.forEach(function (link, position) { links.append(linkRow(link, position, editor)); });

  const general = Object.entries(errors).filter(function ([name]) { return name.startsWith('general'); });
  const panel = el('section', { class: 'claim-form', 'aria-labelledby': 'claim-form-title' },
    el('h2', { id: 'claim-form-title', tabindex: '-1', 'data-focus-key': 'title',
               text: (draft.isNew ? 'New claim ' : 'Edit claim ') + draft.id }),
    general.length ? el('ul', { class: 'form-errors', role: 'alert' },
                        ...general.map(function ([, message]) { return el('li', { text: message }); })) : null,
    el('h3', { text: 'Words' }),
    slot('span', segments),
    draft.suggestion ? el('p', { class: 'form-note suggestion', text: 'Suggested cue: “' + draft.suggestion.text + '” (' +
      displayName(draft.suggestion.mode) + '), given to the first link you add.' }) : null,
    el('p', { class: 'form-note', text: 'Another selection with Ctrl (or Alt) held, or S in the text, adds a segment: a quote interrupted by its attribution.' }),
    button('Add segment', function () { actions.addSegment(); }, { 'data-focus-key': 'add-segment', 'aria-keyshortcuts': 'S' }),
    slot('text', textInput('Claim text', draft.text !== null ? draft.text : defaultText(draft, text),
                           function (value) { draft.text = value; }, { 'data-focus-key': 'text' })),
    withMessage(errors.about, el('div', { class: 'about' }, about, aboutPicker.element), aboutPicker.input),
    slot('proposition', textInput('Proposition', draft.proposition || '', function (value) { draft.proposition = value.trim() || null; },
                                  { placeholder: 'a key shared by claims that state the same thing', 'data-focus-key': 'proposition' })),
    el('h3', { text: 'Chain, from the publication down to the origin' }),
    slot('chain', links),
    button('Add link', function () { actions.addLink(); }, { 'data-focus-key': 'add-link' }),
    el('h3', { text: 'Chain as it will be drawn' }),
    preview,
    el('div', { class: 'form-actions' },
      button('Save', function () { actions.save(); }, { class: 'primary', 'data-focus-key': 'save' }),
      button('Cancel', function () { actions.cancel(); }),
      draft.isNew ? null : button('Delete claim', function () { actions.remove(draft.id); }, { 'data-focus-key': 'delete' })));
  drawPreview();
  return panel;
}

function conflictNotice(actions) {
  return el('div', { class: 'conflict', role: 'alert' },
    el('p', { text: 'Someone else changed this article since you opened it, so it was not saved. Reload the article: ' +
                    'this claim stays in the form as you left it, and you can save it again.' }),
    button('Reload article', function () { actions.reload(); }, { 'data-focus-key': 'reload' }));
}
