// The write API, from the page: the token (kept in sessionStorage for this tab only, sent as a bearer token), reads
// of the article, its claims and entities, and the writes. Every request is same-origin, as the policy requires.

const TOKEN_KEY = 'attributed.writeToken';

const Token = {
  get: function () { try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; } },
  set: function (secret) { sessionStorage.setItem(TOKEN_KEY, secret); },
  forget: function () { sessionStorage.removeItem(TOKEN_KEY); },
};

function headers(extra) {
  const all = Object.assign({ Accept: 'application/json' }, extra || {});
  const token = Token.get();
  if (token) all.Authorization = 'Bearer ' + token;
  return all;
}

function segment(id) { return encodeURIComponent(id); }

// A refused read, its status kept (a 401 says the token is unknown).
function failed(what, response) { return Object.assign(new Error(what + ': ' + response.status), { status: response.status }); }

const Api = {
  // Whether this server takes writes: its preflight allows PUT only then.
  takesWrites: async function (articleId) {
    try {
      const response = await fetch('/v1/articles/' + segment(articleId), { method: 'OPTIONS' });
      return (response.headers.get('Allow') || '').split(/,\s*/).indexOf('PUT') !== -1;
    } catch (e) {
      return false;
    }
  },

  getJSON: async function (path) {
    const response = await fetch(path, { headers: headers(), cache: 'no-store' });
    if (!response.ok) throw failed(path, response);
    return { body: await response.json(), etag: response.headers.get('ETag') };
  },

  // Every claim of the article, whatever its count: the NDJSON export is one request.
  articleClaims: async function (articleId) {
    const response = await fetch('/v1/articles/' + segment(articleId) + '/claims?format=ndjson',
                                 { headers: headers({ Accept: 'application/x-ndjson' }), cache: 'no-store' });
    if (!response.ok) throw failed('claims', response);
    return (await response.text()).split('\n').filter(function (line) { return line !== ''; }).map(JSON.parse);
  },

  entity: async function (id) {
    const response = await fetch('/v1/entities/' + segment(id), { headers: headers(), cache: 'no-store' });
    if (response.status === 404) return null;
    if (!response.ok) throw failed('entity ' + id, response);
    return { body: await response.json(), etag: response.headers.get('ETag') };
  },

  searchEntities: async function (words) {
    const response = await fetch('/v1/entities?limit=10&q=' + encodeURIComponent(words), { headers: headers() });
    if (!response.ok) return [];
    return (await response.json()).items;
  },

  // A PUT of a dataset document; the answer's status, ETag and parsed body (the stored canonical form, or a problem).
  put: async function (path, document, etag) {
    const extra = { 'Content-Type': 'application/json' };
    if (etag) extra['If-Match'] = etag; else extra['If-None-Match'] = '*';
    const response = await fetch(path, { method: 'PUT', headers: headers(extra), body: JSON.stringify(document) });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    return { status: response.status, etag: response.headers.get('ETag'), body: body };
  },

  // The explorer's own rendering of the article page, to show the new state without a reload.
  articlePage: async function (articleId) {
    const response = await fetch('/explore/articles/' + segment(articleId), { headers: headers({ Accept: 'text/html' }), cache: 'no-store' });
    if (!response.ok) throw failed('page', response);
    return new DOMParser().parseFromString(await response.text(), 'text/html');
  },
};

// Whether a path names something (a claim id taken by another article, an entity id).
async function exists(path) {
  const response = await fetch(path, { method: 'HEAD', headers: headers(), cache: 'no-store' });
  return response.status !== 404;
}
