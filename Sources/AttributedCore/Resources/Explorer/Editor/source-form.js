// A source created on the spot, inside a link: its kind, name or descriptor (the text's own words), anonymity, the
// reason the text gives for it, and affiliation. It becomes an entity of the PUT's document; its id is made from
// its words when the claim is saved.

function newSourceFields(words) {
  // Unnamed until a name is typed: the format's rule (a name exactly when named), kept from the start.
  return { id: null, kind: 'person', name: '', descriptor: words || '', anonymity: 'partially_identified',
           anonymityReason: '', affiliation: null, affiliationLabel: '' };
}

// `changed()` redraws the preview; `errors` holds the messages of the last refusal, by field name.
function sourceForm(source, errors, changed) {
  const slot = function (name, control) { return withMessage(errors[name], control); };
  const affiliation = entityCombobox('Affiliation', source.affiliationLabel, function (entity) {
    source.affiliation = entity.id;
    source.affiliationLabel = entityLabel(entity);
    changed();
  });
  affiliation.input.addEventListener('input', function () { if (affiliation.input.value === '') source.affiliation = null; });
  const anonymity = menu('Anonymity', ANONYMITIES, source.anonymity, function (value) { source.anonymity = value; changed(); });
  return el('fieldset', { class: 'new-source' }, el('legend', { text: 'New source' }),
    slot('kind', menu('Kind', KINDS, source.kind, function (value) { source.kind = value; changed(); })),
    slot('name', textInput('Name', source.name, function (value) {
      source.name = value;
      // A name makes a source named, and no name makes it not: the format's rule, kept as one types.
      if (value !== '' && source.anonymity !== 'named') { source.anonymity = 'named'; anonymity.value = 'named'; }
      if (value === '' && source.anonymity === 'named') { source.anonymity = 'partially_identified'; anonymity.value = source.anonymity; }
      changed();
    }, { placeholder: 'as the text names it' })),
    slot('descriptor', textInput('Descriptor', source.descriptor, function (value) { source.descriptor = value; changed(); },
                                 { placeholder: 'the text\'s words: "a senior police official"' })),
    slot('anonymity', anonymity),
    slot('anonymityReason', textInput('Reason for anonymity', source.anonymityReason,
                                      function (value) { source.anonymityReason = value; }, { placeholder: 'only if the text gives one' })),
    withMessage(errors.affiliation, affiliation.element, affiliation.input));
}

// Gives each new source of the draft a free id: its words as a slug, with -2, -3… if an entity has it already.
async function assignSourceIds(draft) {
  const taken = new Set();
  for (const link of draft.links) {
    const source = link.newSource;
    if (!source) continue;
    const base = slug(source.name || source.descriptor);
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : base + '-' + n;
      if (taken.has(id)) continue;
      if (source.id === id || !(await Api.entity(id))) { source.id = id; taken.add(id); break; }
    }
  }
}
