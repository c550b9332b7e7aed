// The dataset format (docs/dataset-format.md) on the page: the API's records turned back into input records (its
// computed fields dropped), a claim being edited (a draft) turned into the claim a PUT sends, and the PUT's document.
// Offsets are Unicode scalars, as in the format; a field's text is kept as an array of scalars.

const FORMAT = 'attributed-dataset/1';
const MODES = ['direct_quote', 'indirect_speech', 'mixed_quote', 'document_citation', 'impersonal_report',
               'declined_comment', 'observation'];
const ATTRIBUTION_TYPES = ['assertion', 'belief', 'fact', 'eventuality'];
const FACTUALITIES = [['CT+', 'CT+ (certain)'], ['CT-', 'CT- (certainly not)'], ['PR+', 'PR+ (probable)'],
                      ['PR-', 'PR- (probably not)'], ['PS+', 'PS+ (possible)'], ['PS-', 'PS- (possibly not)'],
                      ['CTu', 'CTu (certain, but of which is unknown)'], ['Uu', 'Uu (uncommitted)']];
const KINDS = ['person', 'organization', 'publication', 'group', 'document', 'anonymous', 'unspecified'];
const ANONYMITIES = ['named', 'partially_identified', 'anonymous', 'unspecified'];

function articleInput(apiArticle) {
  const article = Object.assign({}, apiArticle);
  delete article.claims;
  return article;
}

function entityInput(apiEntity) {
  const entity = Object.assign({}, apiEntity);
  delete entity.claimsAsSource;
  delete entity.claimsAsSubject;
  return entity;
}

function selector(s) { return { start: s.start, end: s.end, exact: s.exact, prefix: s.prefix, suffix: s.suffix }; }

// A claim of the API (or of a PUT's canonical answer, which is already an input record) as an input record.
function claimInput(claim) {
  const span = { field: claim.span.field };
  if (claim.span.field === 'summary') span.index = claim.span.index;
  if (claim.span.segments && claim.span.segments.length > 1) span.segments = claim.span.segments.map(selector);
  else Object.assign(span, selector(claim.span));
  return {
    id: claim.id, article: claim.article, span: span, text: claim.text, about: claim.about.slice(),
    proposition: claim.proposition,
    chain: claim.chain.map(function (link) {
      return { source: link.source, cue: link.cue, mode: link.mode, attributionType: link.attributionType,
               factuality: link.factuality, recipient: link.recipient, derivation: link.derivation };
    }),
  };
}

function scalars(text) { return Array.from(text); }
function joinScalars(array, start, end) { return array.slice(start, end).join(''); }

// The text of a span's field, as scalars.
function fieldScalars(article, field, index) {
  if (field === 'headline') return scalars(article.headline);
  if (field === 'summary') return scalars(article.summary[index] || '');
  return scalars(article.body);
}

function occurs(text, words, at) {
  if (at < 0 || at + words.length > text.length) return false;
  for (let i = 0; i < words.length; i++) if (text[at + i] !== words[i]) return false;
  return true;
}

// The quote at start..<end with just enough prefix and suffix (grown a scalar at a time on both sides) for it to
// occur once in the field: a TextQuoteSelector that survives an edit of the text elsewhere.
function quoteSelector(text, start, end) {
  const exact = text.slice(start, end);
  const starts = [];
  for (let at = 0; at + exact.length <= text.length; at++) if (occurs(text, exact, at)) starts.push(at);
  let context = 0;
  for (; context <= text.length; context++) {
    const prefix = text.slice(Math.max(0, start - context), start);
    const suffix = text.slice(end, end + context);
    const matching = starts.filter(function (at) {
      return occurs(text, prefix, at - prefix.length) && occurs(text, suffix, at + exact.length);
    });
    if (matching.length <= 1) break;
  }
  const result = { exact: exact.join('') };
  if (context > 0) {
    const prefix = joinScalars(text, Math.max(0, start - context), start);
    const suffix = joinScalars(text, end, end + context);
    if (prefix !== '') result.prefix = prefix;
    if (suffix !== '') result.suffix = suffix;
  }
  return result;
}

// A claim being edited: its span as scalar ranges of one field, and its links as the form holds them.
function draftFromClaim(claim, article) {
  const span = claim.span;
  const segments = (span.segments || [span]).map(function (s) { return { start: s.start, end: s.end }; });
  const text = fieldScalars(article, span.field, span.index);
  const draft = {
    id: claim.id, isNew: false, field: span.field, index: span.index, segments: segments, text: null,
    about: claim.about.slice(), proposition: claim.proposition === claim.id ? null : claim.proposition,
    links: claim.chain.map(function (link) {
      return { source: link.source, newSource: null, cue: link.cue ? Object.assign({}, link.cue) : null, mode: link.mode,
               attributionType: link.attributionType, factuality: link.factuality, recipient: link.recipient,
               derivation: link.derivation, originalMode: link.mode };
    }),
  };
  if (claim.text !== defaultText(draft, text)) draft.text = claim.text;
  return draft;
}

function newDraft(id, article, selection) {
  return {
    id: id, isNew: true, field: selection.field, index: selection.index,
    segments: [{ start: selection.start, end: selection.end }], text: null, about: [], proposition: null,
    links: [{ source: article.publisher, newSource: null, cue: null, mode: 'narration', attributionType: 'assertion',
              factuality: 'Uu', recipient: null, derivation: null }],
  };
}

function newLink() {
  return { source: null, newSource: null, cue: null, mode: 'indirect_speech', attributionType: 'assertion',
           factuality: 'Uu', recipient: null, derivation: null };
}

// What the format makes of a claim without `text`: its segments' words joined by one space.
function defaultText(draft, text) {
  return draft.segments.map(function (s) { return joinScalars(text, s.start, s.end); }).join(' ');
}

// The input record the draft stands for. `entityIds` receives, for each link that creates its source, the
// position in the document's entities (so that a 422 on that entity finds the link's form).
function claimFromDraft(draft, article) {
  const text = fieldScalars(article, draft.field, draft.index);
  const span = { field: draft.field };
  if (draft.field === 'summary') span.index = draft.index;
  const selectors = draft.segments.map(function (s) { return quoteSelector(text, s.start, s.end); });
  if (selectors.length === 1) Object.assign(span, selectors[0]); else span.segments = selectors;
  const claim = { id: draft.id, article: article.id, span: span };
  if (draft.text !== null && draft.text !== defaultText(draft, text)) claim.text = draft.text;
  if (draft.about.length) claim.about = draft.about.slice();
  if (draft.proposition) claim.proposition = draft.proposition;
  claim.chain = draft.links.map(function (link, position) {
    const out = { source: link.newSource ? link.newSource.id : link.source };
    if (link.cue && link.cue.start !== undefined) out.cue = { text: link.cue.text, start: link.cue.start, end: link.cue.end };
    else if (link.cue && link.cue.text) out.cue = link.cue.text;  // typed: the loader anchors it nearest the span
    if (position > 0) out.mode = link.mode;
    if (link.attributionType !== 'assertion') out.attributionType = link.attributionType;
    if (link.factuality !== 'Uu') out.factuality = link.factuality;
    if (link.recipient) out.recipient = link.recipient;
    // A derivation kept from the stored claim holds while its mode does; a new mode takes the default again.
    if (position > 0 && link.derivation && link.mode === link.originalMode) out.derivation = link.derivation;
    return out;
  });
  return claim;
}

function entityFromForm(source) {
  const entity = { id: source.id, kind: source.kind, anonymity: source.anonymity };
  if (source.name) entity.name = source.name;
  if (source.descriptor) entity.descriptor = source.descriptor;
  if (source.anonymityReason) entity.anonymityReason = source.anonymityReason;
  if (source.affiliation) entity.affiliation = source.affiliation;
  return entity;
}

// The PUT's document: the article, all its claims with `changed` in place of its old self (or added, or left out
// when `changed` is null and `removedId` names it), and the sources `draft` (the claim being saved, if it is
// `changed`) creates.
function articleDocument(state, changed, removedId, draft) {
  const claims = [];
  let changedAt = -1;
  for (const claim of state.claims) {
    if (changed && claim.id === changed.id) { changedAt = claims.length; claims.push(changed); }
    else if (claim.id !== removedId) claims.push(claim);
  }
  if (changed && changedAt === -1) { changedAt = claims.length; claims.push(changed); }
  const entities = [];
  const entityLinks = [];
  if (draft) {
    draft.links.forEach(function (link, position) {
      if (link.newSource) { entities.push(entityFromForm(link.newSource)); entityLinks.push(position); }
    });
  }
  const document = { format: FORMAT, articles: [state.article], claims: claims };
  if (entities.length) document.entities = entities;
  return { document: document, claimIndex: changedAt, entityLinks: entityLinks };
}

// An id for a new record from its words: "a senior official" → "a-senior-official".
function slug(words) {
  const base = (words || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return /^[a-z0-9]/.test(base) ? base : 'source';
}
