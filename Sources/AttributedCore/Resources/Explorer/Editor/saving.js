// Saving: the article's new dataset document, PUT with If-Match (the ETag the editor read it with). A 422's
// messages go next to the fields their JSON paths name; a 412 keeps the draft and offers to reload the article;
// after a save the page's highlights, chains, legend and indicators are taken from the explorer's new rendering.

// The form's field for a JSON path of the document sent: "$.claims[3].chain[2].cue.text" → "link.2.cue".
function errorKey(path, sent) {
  let match = /^\$\.claims\[(\d+)\](.*)$/.exec(path);
  if (match && Number(match[1]) === sent.claimIndex) {
    const rest = match[2];
    const link = /^\.chain\[(\d+)\](?:\.(\w+))?/.exec(rest);
    if (link) {
      const field = link[2] === 'source' || link[2] === undefined ? 'source' : link[2] === 'derivation' ? 'mode' : link[2];
      return 'link.' + link[1] + '.' + (['source', 'cue', 'mode', 'attributionType', 'factuality'].indexOf(field) !== -1 ? field : 'source');
    }
    const field = /^\.(\w+)/.exec(rest);
    if (field && ['span', 'text', 'about', 'proposition', 'chain'].indexOf(field[1]) !== -1) return field[1];
    return 'general.claim';
  }
  match = /^\$\.entities\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (match && sent.entityLinks[Number(match[1])] !== undefined) {
    const position = sent.entityLinks[Number(match[1])];
    const field = ['kind', 'name', 'descriptor', 'anonymity', 'anonymityReason', 'affiliation'].indexOf(match[2]) !== -1 ? match[2] : 'kind';
    return 'link.' + position + '.newsource.' + field;
  }
  return null;
}

function problemErrors(problem, sent) {
  const errors = {};
  const issues = (problem && problem.errors) || [];
  issues.forEach(function (issue, index) {
    const key = issue.file === 'request body' ? errorKey(issue.path, sent) : null;
    const message = key ? issue.message : issue.path + ': ' + issue.message + (issue.file !== 'request body' ? ' (' + issue.file + ')' : '');
    const name = key || 'general.' + index;
    errors[name] = errors[name] ? errors[name] + ' ' + message : message;
  });
  if (!issues.length) errors.general = (problem && (problem.detail || problem.title)) || 'The server refused the change.';
  return errors;
}

// The parts of the page that show the dataset, replaced by the explorer's own rendering of them.
const PAGE_PARTS = ['h1.field-headline', 'ul.field-summary', 'div.field-body', '.all-claims', 'section.chain-panel',
                    'section.legend', 'section.indicators', 'p.byline'];

async function refreshPage(articleId) {
  const fresh = await Api.articlePage(articleId);
  for (const selector of PAGE_PARTS) {
    const now = document.querySelector(selector);
    const next = fresh.querySelector(selector);
    if (now && next) now.replaceWith(document.importNode(next, true));
    else if (now) now.remove();
  }
}

// Shows claim `id` as the explorer does when the address names it.
function showClaim(id) {
  history.replaceState(null, '', location.pathname + location.search);
  location.hash = 'claim-' + encodeURIComponent(id);
}

// The stored article in `state` from a write's answer (its canonical document), or from the API.
function takeStored(state, body, etag) {
  state.article = body.articles[0];
  state.claims = (body.claims || []).map(claimInput);
  for (const entity of body.entities || []) state.entities.set(entity.id, entity);
  state.etag = etag;
}

async function loadArticle(state) {
  const [article, claims] = await Promise.all([Api.getJSON('/v1/articles/' + segment(state.articleId)), Api.articleClaims(state.articleId)]);
  state.article = articleInput(article.body);
  state.etag = article.etag;
  state.claims = claims.map(claimInput);
  const ids = new Set([state.article.publisher]);
  for (const claim of state.claims) {
    for (const link of claim.chain) { ids.add(link.source); if (link.recipient) ids.add(link.recipient); }
    for (const id of claim.about) ids.add(id);
  }
  await Promise.all(Array.from(ids).filter(function (id) { return !state.entities.has(id); }).map(async function (id) {
    const found = await Api.entity(id);
    if (found) state.entities.set(id, found.body);
  }));
}

// The claims as a comparable string: input records (the API's and a write's canonical answer give the same ones),
// by id.
function claimsSignature(claims) {
  return JSON.stringify(claims.slice().sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; }));
}

// PUTs the article with `changed` (a claim input record) in place, or without `removedId`; `draft`, when `changed`
// is made from it, adds the sources it creates. Returns the answer and what was sent.
//
// The article's ETag covers its fields and its claims' ids, not what its claims say, so If-Match alone would not
// see another person's change to one of them: the claims are read again first, and if they are not the ones the
// page holds, the write is not sent and answered as the 412 it would deserve.
async function putArticle(state, changed, removedId, draft) {
  const sent = articleDocument(state, changed, removedId, draft);
  const now = (await Api.articleClaims(state.articleId)).map(claimInput);
  if (claimsSignature(now) !== claimsSignature(state.claims)) return { answer: { status: 412, etag: null, body: null }, sent: sent };
  const answer = await Api.put('/v1/articles/' + segment(state.articleId), sent.document, state.etag);
  return { answer: answer, sent: sent };
}

// What a refusal other than 412 and 422 tells the person.
function refusalMessage(answer) {
  if (answer.status === 401) return 'The server does not know this token: enter it again (Forget token), or ask for a new one.';
  if (answer.status === 403) return 'This token may not change this: ' + ((answer.body && answer.body.detail) || 'forbidden') + '.';
  if (answer.status === 429) return 'Too many failed attempts from this address: wait a minute, then try again.';
  return 'Not saved: ' + answer.status + ' ' + ((answer.body && (answer.body.detail || answer.body.title)) || '');
}
