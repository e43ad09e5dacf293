// The app's own pages (dashboard, demo clock) work with the session of the Camunda webapps: who is signed in, the
// CSRF token the webapps send with every change, and signing out as the webapps do.
const webappSession = (() => {
  const AUTH = '/camunda/api/admin/auth/user/default';
  let token = null;

  // Camunda's CSRF filter hands the session's token out in the X-XSRF-TOKEN header of any webapp request
  const user = () => fetch(AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(async response => {
      token = response.headers.get('X-XSRF-TOKEN') || token;
      return response.ok ? response.json() : null;
    }).catch(() => null);

  const answer = async response => {
    const body = await response.json().catch(() => ({}));
    if (!response.ok) { throw new Error(body.message || ('HTTP ' + response.status)); }
    return body;
  };

  // a request to /api as the signed-in user; X-XSRF-TOKEN also tells /api not to answer with a Basic challenge
  const call = async (method, path) => {
    if (!token) { await user(); }
    return fetch(path, { method, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': token || 'none' } }).then(answer);
  };

  const signOut = async () => {
    if (!token) { await user(); }
    await fetch('/camunda/api/admin/auth/user/default/logout', { method: 'POST', credentials: 'same-origin',
      headers: { 'X-XSRF-TOKEN': token || '' } }).catch(() => null);
    window.location.href = '/camunda/app/tasklist/default/';
  };

  return { user, call, signOut };
})();
