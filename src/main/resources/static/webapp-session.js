// The app's own pages (dashboard, demo clock) work with the session of the Camunda webapps: who is signed in, the
// CSRF token the webapps send with every change, and signing out as the webapps do.
const webappSession = (() => {
  const AUTH = '/camunda/api/admin/auth/user/default';
  let token = null;

  const answer = async response => {
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.message || ('HTTP ' + response.status)); }
    return body;
  };

  // the signed-in user as the webapps know them (null if nobody); a first webapp request of a session makes its token
  const user = () => fetch(AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : null).catch(() => null);

  // Camunda keeps the token in a cookie for /camunda only: /api/session tells this page
  const csrfToken = async () => {
    if (!token) {
      const session = await fetch('/api/session', { credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-XSRF-TOKEN': 'none' } }).then(answer).catch(() => ({}));
      token = session.csrfToken || null;
    }
    return token || 'none';
  };

  // a request to /api as the signed-in user, with a JSON body if given; X-XSRF-TOKEN also tells /api not to answer
  // with a Basic challenge
  const call = async (method, path, body) => {
    const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': await csrfToken() };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method, credentials: 'same-origin', headers,
      body: body === undefined ? undefined : JSON.stringify(body) }).then(answer);
  };

  const signOut = async () => {
    await fetch(AUTH + '/logout', { method: 'POST', credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': await csrfToken() } }).catch(() => null);
    window.location.href = '/camunda/app/tasklist/default/';
  };

  return { user, call, signOut };
})();
