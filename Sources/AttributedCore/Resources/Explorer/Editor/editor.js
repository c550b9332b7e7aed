// The editor on /explore/articles/{id}, for a server that takes writes: asks once for a write token (kept in this
// tab's sessionStorage), then lets the reader make claims on the text. Without a token nothing of the page changes
// but the box that asks for one. Keys in the article's text (which takes focus): arrows move by word, Shift with
// an arrow selects, N makes a new claim of the selection, S adds it as a segment, C makes it the cue of the current
// link; E on a highlight edits its claim.

const state = { articleId: null, article: null, etag: null, claims: [], entities: new Map(), draft: null, errors: {},
                conflict: false, currentLink: null, lastSelection: null, entityEditing: null, undo: null, findWords: '' };
let root = null;

function selectionForDraft() {
  const selection = currentSelection() || state.lastSelection;
  if (!selection) { announce('Select words in the text first (with the mouse, or Shift and the arrows in the text).'); return null; }
  if (state.draft && (selection.field !== state.draft.field || selection.index !== state.draft.index)) {
    announce('Those words are in another part of the article: a claim\'s words and cues are in one field.');
    return null;
  }
  return selection;
}

function overlapsSpan(selection) {
  return state.draft.segments.some(function (s) { return selection.start < s.end && selection.end > s.start; });
}

function suggestionFor(draft) {
  const text = fieldScalars(state.article, draft.field, draft.index);
  const string = text.join('');
  const units = function (i) { return text.slice(0, i).join('').length; };
  const found = suggestCue(string, draft.segments.map(function (s) { return { start: units(s.start), end: units(s.end) }; }), REPORTING_CUES);
  if (!found) return null;
  const scalarsTo = function (u) { return Array.from(string.slice(0, u)).length; };
  return { text: found.text, start: scalarsTo(found.start), end: scalarsTo(found.end), mode: found.mode, attributionType: found.attributionType };
}

// The next id in the article's own pattern (c28 → c29), free in the whole dataset.
async function freeClaimId() {
  let prefix = state.articleId + '-c', width = 1, next = 1;
  for (const claim of state.claims) {
    const match = /^(.*?)(\d+)$/.exec(claim.id);
    if (match && Number(match[2]) >= next) { prefix = match[1]; width = match[2].length; next = Number(match[2]) + 1; }
  }
  for (; ; next++) {
    const id = prefix + String(next).padStart(width, '0');
    if (!(await exists('/v1/claims/' + segment(id)))) return id;
  }
}

const actions = {
  render: render,

  newClaim: async function (fromText) {
    const selection = currentSelection() || state.lastSelection;
    if (!selection) { announce('Select the claim\'s words in the text first.'); return; }
    const id = await freeClaimId();
    state.draft = newDraft(id, state.article, selection);
    state.draft.suggestion = suggestionFor(state.draft);
    state.errors = {};
    render(fromText ? null : 'title');
    const hint = state.draft.suggestion ? ' Suggested cue: “' + state.draft.suggestion.text + '” (' +
      displayName(state.draft.suggestion.mode) + '), given to the first link you add.' : '';
    announce('New claim ' + id + ': “' + selection.text + '”.' + hint);
  },

  addSegment: function (fromText) {
    if (!state.draft) { announce('Make a claim first (New claim), then add segments to it.'); return; }
    const selection = selectionForDraft();
    if (!selection) return;
    if (overlapsSpan(selection)) { announce('Those words are in the claim already.'); return; }
    state.draft.segments.push({ start: selection.start, end: selection.end });
    state.draft.segments.sort(function (a, b) { return a.start - b.start; });
    state.draft.suggestion = suggestionFor(state.draft);
    render(fromText ? null : 'add-segment');
    announce('Added segment “' + selection.text + '”: the claim has ' + state.draft.segments.length + ' segments.');
  },

  addLink: function () {
    const link = newLink();
    const suggestion = state.draft.suggestion;
    if (state.draft.links.length === 1 && suggestion) {
      link.cue = { text: suggestion.text, start: suggestion.start, end: suggestion.end };
      link.mode = suggestion.mode;
      link.attributionType = suggestion.attributionType;
      link.suggested = suggestion.text;
    }
    state.draft.links.push(link);
    state.currentLink = state.draft.links.length - 1;
    render('link.' + state.currentLink + '.source');
  },

  cueFromSelection: function (position, fromText) {
    if (!state.draft) return;
    const at = position !== undefined && position !== null && position > 0 ? position : state.draft.links.length - 1;
    if (at < 1) { announce('Add a link first: the publication\'s own narration has no cue.'); return; }
    const selection = selectionForDraft();
    if (!selection) return;
    if (overlapsSpan(selection)) { announce('A cue is the attributing words, outside the claim\'s own words.'); return; }
    const link = state.draft.links[at];
    link.cue = { text: selection.text, start: selection.start, end: selection.end };
    link.suggested = null;
    render(fromText ? null : 'link.' + at + '.cue');
    announce('Cue of link ' + (at + 1) + ': “' + selection.text + '”.');
  },

  edit: function (id) {
    const claim = state.claims.find(function (c) { return c.id === id; });
    if (!claim) return;
    state.draft = draftFromClaim(claim, state.article);
    state.errors = {};
    state.conflict = false;
    render('title');
  },

  cancel: function () {
    state.draft = null;
    state.errors = {};
    render('new-claim');
    announce('Closed the claim without saving.');
  },

  save: async function () {
    const draft = state.draft;
    if (!draft) return;
    state.errors = {};
    state.conflict = false;
    await assignSourceIds(draft);
    const { answer, sent } = await putArticle(state, claimFromDraft(draft, state.article), null, draft);
    if (answer.status === 200 || answer.status === 201) {
      takeStored(state, answer.body, answer.etag);
      state.draft = null;
      await afterWrite('Saved claim ' + draft.id + '.', draft.id);
      return;
    }
    if (answer.status === 422) {
      state.errors = problemErrors(answer.body, sent);
      const first = Object.keys(state.errors)[0];
      render(first && !first.startsWith('general') ? focusKeyOf(first) : 'title');
      announce('Not saved: ' + Object.keys(state.errors).length + ' problem(s), shown next to their fields.');
      return;
    }
    if (answer.status === 412) {
      state.conflict = true;
      render('reload');
      announce('Not saved: someone else changed this article. Reload it; your claim stays in the form.');
      return;
    }
    state.errors = { general: refusalMessage(answer) };
    render('title');
    announce(state.errors.general);
  },

  remove: async function (id) {
    const claim = state.claims.find(function (c) { return c.id === id; });
    if (!claim) return;
    const { answer } = await putArticle(state, null, id);
    if (answer.status === 200 || answer.status === 201) {
      takeStored(state, answer.body, answer.etag);
      if (state.draft && state.draft.id === id) state.draft = null;
      state.undo = claim;
      await afterWrite('Deleted claim ' + id + '.', null);
      return;
    }
    if (answer.status === 412) { state.conflict = true; render('reload'); announce('Not deleted: someone else changed this article.'); return; }
    announce(refusalMessage(answer));
  },

  undoDelete: async function () {
    const claim = state.undo;
    if (!claim) return;
    const { answer } = await putArticle(state, claim, null);
    if (answer.status === 200 || answer.status === 201) {
      takeStored(state, answer.body, answer.etag);
      state.undo = null;
      await afterWrite('Restored claim ' + claim.id + '.', claim.id);
    } else {
      announce(answer.status === 412 ? 'Not restored: someone else changed this article.' : refusalMessage(answer));
    }
  },

  reload: async function () {
    await loadArticle(state);
    state.conflict = false;
    await refreshPage(state.articleId);
    decorate();
    render('title');
    announce('Reloaded the article as it is now' + (state.draft ? '; your claim is still in the form: Save it again.' : '.'));
  },

  openEntity: async function (id) {
    const found = await Api.entity(id);
    if (!found) { announce('No entity ' + id + '.'); return; }
    state.entityEditing = { entity: entityInput(found.body), etag: found.etag };
    render('entity-title');
  },
};

function focusKeyOf(errorKey) {
  const newSource = /^link\.(\d+)\.newsource\./.exec(errorKey);
  if (newSource) return 'link.' + newSource[1] + '.newsource';
  return /^link\.\d+\.(source|cue)$/.test(errorKey) ? errorKey : errorKey.startsWith('link.') ? 'title' : errorKey === 'span' ? 'add-segment' : errorKey;
}

async function afterWrite(message, selectId) {
  state.errors = {};
  state.conflict = false;
  await refreshPage(state.articleId);
  decorate();
  render(null);
  if (selectId) {
    showClaim(selectId);
    const mark = document.querySelector('mark.claim[data-claim-id~="' + CSS.escape(selectId) + '"]');
    if (mark) mark.focus();
  }
  announce(message);
}

// "Find words": Enter selects their next occurrence in the text, for New claim, Add segment or a cue.
function findBox() {
  const input = el('input', { type: 'search', 'aria-label': 'Find words', 'data-focus-key': 'find', autocomplete: 'off',
                              placeholder: 'words of the text, then Enter to select them', value: state.findWords });
  input.addEventListener('input', function () { state.findWords = input.value; });
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const found = findInText(input.value, state.lastSelection);
    if (found) { state.lastSelection = found; announce('Selected “' + found.text + '” in the ' + found.field + '.'); }
    else announce('“' + input.value + '” is not in the text.');
  });
  return el('div', { class: 'form-row' }, input);
}

function tokenBox() {
  const input = el('input', { type: 'password', 'aria-label': 'Token', autocomplete: 'off', spellcheck: 'false', id: 'editor-token' });
  const use = async function () {
    const secret = input.value.trim();
    if (!secret) return;
    Token.set(secret);
    await startEditing();
  };
  input.addEventListener('keydown', function (event) { if (event.key === 'Enter') { event.preventDefault(); use(); } });
  return el('div', { class: 'token-box' },
    el('p', { text: 'This server takes annotations. To make or change claims on this article, enter a write token. ' +
                    'Whoever runs the server makes one with: ' }),
    el('p', null, el('code', { text: 'attributed token create YOUR-NAME --scope write --tokens FILE' })),
    el('p', { text: 'It is kept in this tab only, until you close it (docs/editor.md).' }),
    el('label', { for: 'editor-token', text: 'Token ' }), input, ' ', button('Use token', use));
}

function render(focusKey) {
  if (!root) return;
  const token = Token.get();
  const parts = [el('h2', { id: 'editor-title', text: token ? 'Editing' : 'Edit this article' }),
                 el('p', { id: 'editor-status', class: 'editor-status', role: 'status', 'aria-live': 'polite' })];
  if (!token || !state.article) {
    parts.push(tokenBox());
  } else {
    parts.push(el('p', { class: 'form-note', text: 'Select the claim\'s words in the text, then New claim. In the text (Tab to it): ' +
                                                    'arrows move by word, Shift and an arrow selects, N new claim, S add segment, ' +
                                                    'C cue of the current link, E on a highlight edits its claim.' }),
               findBox(),
               el('div', { class: 'editor-actions' },
                  button('New claim', function () { actions.newClaim(false); }, { 'aria-keyshortcuts': 'N', 'data-focus-key': 'new-claim' }),
                  state.draft ? button('Go to the text', function () { focusText(); }) : null,
                  state.undo ? button('Undo delete', function () { actions.undoDelete(); }) : null,
                  button('Forget token', function () { Token.forget(); state.draft = null; undecorate(); render('token'); })));
    if (state.conflict) parts.push(conflictNotice(actions));
    if (state.draft) parts.push(claimForm(state, actions));
    if (state.entityEditing) {
      parts.push(entityForm(state, state.entityEditing.entity, state.entityEditing.etag, {
        saved: async function (message) { state.entityEditing = null; await afterWrite(message, null); },
        close: function () { state.entityEditing = null; render('new-claim'); },
      }));
    }
  }
  paintDraft(token ? state.draft : null);
  const status = root.querySelector('#editor-status');
  const said = status ? status.textContent : '';
  root.replaceChildren(...parts);
  root.querySelector('#editor-status').textContent = said;
  const target = focusKey === 'token' ? root.querySelector('#editor-token') :
    focusKey ? root.querySelector('[data-focus-key="' + CSS.escape(focusKey) + '"]') : null;
  if (target) {
    const focusable = target.matches('fieldset') ? target.querySelector('input, select, button') : target;
    (focusable || target).focus();
  }
}

// Back to the claim's field, its caret after the claim's last words.
function focusText() {
  const field = state.draft && fieldElements().find(function (f) { return f.field === state.draft.field && f.index === state.draft.index; });
  if (field) field.element.focus();
}

// With a token: the text takes focus and keyboard selection, each chain gets Edit and Delete, each source box
// opens its entity. Run again after the page's parts are replaced.
function decorate() {
  for (const field of fieldElements()) {
    if (field.element.dataset.editable) continue;
    // HTML parsing turns a CR LF into LF and a NUL into U+FFFD: offsets into such a field's page text are not the
    // field's, so its words cannot be selected here (the format's JSON still can say them).
    if (field.element.textContent !== fieldScalars(state.article, field.field, field.index).join('')) {
      field.element.dataset.editable = 'no';
      continue;
    }
    field.element.dataset.editable = 'yes';
    const name = field.field === 'summary' ? 'summary bullet ' + (field.index + 1) : field.field;
    makeKeyboardSelectable(field.element, 'Article ' + name + ': select words for a claim');
  }
  document.querySelectorAll('mark.claim').forEach(function (mark) { mark.setAttribute('role', 'button'); });
  document.querySelectorAll('figure.chain-figure').forEach(function (figure) {
    if (figure.querySelector('.claim-tools')) return;
    const id = figure.getAttribute('data-claim-id');
    figure.append(el('div', { class: 'claim-tools' },
      button('Edit claim', function () { actions.edit(id); }, { 'aria-label': 'Edit claim' }),
      button('Delete claim', function () { actions.remove(id); }, { 'aria-label': 'Delete claim' })));
    figure.querySelectorAll('g.chain-link').forEach(function (box) {
      const source = box.getAttribute('data-source-id');
      const entity = state.entities.get(source);
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'button');
      box.setAttribute('aria-label', 'Edit source ' + (entity ? entityLabel(entity) : source));
      box.classList.add('editable-source');
    });
  });
}

function undecorate() {
  for (const field of fieldElements()) {
    delete field.element.dataset.editable;
    ['tabindex', 'role', 'aria-label', 'aria-keyshortcuts'].forEach(function (a) { field.element.removeAttribute(a); });
  }
  document.querySelectorAll('.claim-tools').forEach(function (tools) { tools.remove(); });
  document.querySelectorAll('g.chain-link.editable-source').forEach(function (box) {
    box.classList.remove('editable-source');
    ['tabindex', 'role', 'aria-label'].forEach(function (a) { box.removeAttribute(a); });
  });
}

async function startEditing() {
  try {
    await loadArticle(state);  // with the token: a read answers 401 to a token the server does not know
  } catch (error) {
    if (error.status === 401) {
      Token.forget();
      render('token');
      announce('The server does not know this token: check it, or ask for a new one.');
    } else {
      announce('The article could not be read: ' + error.message);
    }
    return;
  }
  decorate();
  render('new-claim');
  announce('Editing with your token. Select words in the text, then New claim.');
}

function inField(node) { return fieldOf(node) !== null; }

function listen() {
  document.addEventListener('selectionchange', function () {
    const selection = currentSelection();
    if (selection) state.lastSelection = selection;
  });
  document.addEventListener('keydown', function (event) {
    if (!Token.get() || !state.article || event.ctrlKey || event.altKey || event.metaKey) return;
    if (!event.target.closest || !inField(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'n') { event.preventDefault(); actions.newClaim(true); }
    else if (key === 's') { event.preventDefault(); actions.addSegment(true); }
    else if (key === 'c') { event.preventDefault(); actions.cueFromSelection(state.currentLink, true); }
    else if (key === 'e' && event.target.matches('mark.claim')) {
      event.preventDefault();
      const match = /^#claim-(.+)$/.exec(location.hash);
      if (match) actions.edit(decodeURIComponent(match[1]));
    }
  });
  // Another selection with Ctrl, Alt or Meta held adds a segment to the claim being made.
  document.addEventListener('mouseup', function (event) {
    if (state.draft && (event.ctrlKey || event.altKey || event.metaKey) && inField(event.target)) {
      setTimeout(function () { actions.addSegment(true); }, 0);
    }
  });
  const openBox = function (event) {
    const box = event.target.closest && event.target.closest('g.chain-link.editable-source');
    if (!box) return false;
    event.preventDefault();
    actions.openEntity(box.getAttribute('data-source-id'));
    return true;
  };
  document.addEventListener('click', openBox);
  document.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') openBox(event); });
}

document.addEventListener('DOMContentLoaded', async function () {
  const match = /^\/explore\/articles\/([^/]+)$/.exec(location.pathname);
  const panel = document.querySelector('aside.panel');
  if (!match || !panel) return;
  state.articleId = decodeURIComponent(match[1]);
  if (!(await Api.takesWrites(state.articleId))) return;
  root = el('section', { class: 'editor', 'aria-labelledby': 'editor-title' });
  panel.prepend(root);
  listen();
  render(null);
  if (Token.get()) await startEditing();
});
