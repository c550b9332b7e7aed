// Editing a source from its chain box: its kind, name, descriptor, anonymity and reason, affiliation, saved with
// PUT /v1/entities/{id} and If-Match; every claim that cites it is drawn anew. Fields the form does not show
// (aliases, roles, a document's issuer, recipients and date) are sent as they were.

function entityForm(state, entity, etag, actions) {
  const edited = Object.assign({}, entity);
  const errors = {};
  const status = el('div', { class: 'form-errors', role: 'alert' });
  const affiliationEntity = edited.affiliation ? state.entities.get(edited.affiliation) : null;
  const affiliation = entityCombobox('Affiliation', affiliationEntity ? entityLabel(affiliationEntity) : (edited.affiliation || ''),
                                     function (picked) { edited.affiliation = picked.id; });
  affiliation.input.addEventListener('input', function () { if (affiliation.input.value === '') edited.affiliation = null; });
  const nullable = function (value) { return value.trim() === '' ? null : value; };
  const fields = {
    kind: menu('Kind', KINDS.concat(KINDS.indexOf(edited.kind) === -1 ? [edited.kind] : []), edited.kind, function (v) { edited.kind = v; }),
    name: textInput('Name', edited.name, function (v) { edited.name = nullable(v); }),
    descriptor: textInput('Descriptor', edited.descriptor, function (v) { edited.descriptor = nullable(v); }),
    anonymity: menu('Anonymity', ANONYMITIES, edited.anonymity, function (v) { edited.anonymity = v; }),
    anonymityReason: textInput('Reason for anonymity', edited.anonymityReason, function (v) { edited.anonymityReason = nullable(v); }),
    affiliation: affiliation.input,
  };
  const rows = Object.entries(fields).map(function ([name, control]) {
    const row = withMessage(null, name === 'affiliation' ? affiliation.element : control, control);
    row.setAttribute('data-field', name);
    return row;
  });

  async function save() {
    status.replaceChildren();
    rows.forEach(function (row) { const old = row.querySelector('.field-error'); if (old) old.remove(); });
    const answer = await Api.put('/v1/entities/' + segment(entity.id), { format: FORMAT, entities: [entityInput(edited)] }, etag);
    if (answer.status === 200 || answer.status === 201) {
      state.entities.set(entity.id, answer.body.entities[0]);
      actions.saved('Saved source ' + entityLabel(answer.body.entities[0]) + '.');
      return;
    }
    if (answer.status === 422) {
      for (const issue of answer.body.errors || []) {
        const match = /^\$\.entities\[0\]\.(\w+)/.exec(issue.path);
        const row = match && rows.find(function (r) { return r.getAttribute('data-field') === match[1]; });
        if (row && issue.file === 'request body') row.append(el('p', { class: 'field-error', text: issue.message }));
        else status.append(el('p', { text: issue.path + ': ' + issue.message + ' (' + issue.file + ')' }));
      }
    } else if (answer.status === 412) {
      status.append(el('p', { text: 'Someone else changed this source since you opened it: close this form and open it again.' }));
    } else {
      status.append(el('p', { text: refusalMessage(answer) }));
    }
  }

  return el('section', { class: 'entity-form', 'aria-labelledby': 'entity-form-title' },
    el('h2', { id: 'entity-form-title', tabindex: '-1', 'data-focus-key': 'entity-title', text: 'Edit source ' + entityLabel(entity) }),
    el('p', { class: 'form-note', text: 'Every claim that cites ' + entity.id + ' shows the change at once.' }),
    status, ...rows,
    el('div', { class: 'form-actions' }, button('Save source', save, { class: 'primary' }), button('Cancel', function () { actions.close(); })));
}
