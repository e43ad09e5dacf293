// Profile keycloak: people sign in at Keycloak, so Camunda's own login form — which a webapp shows after its sign-out
// button (the app's and the Keycloak session are then over) or when its session has ended — cannot sign anyone in.
// Where the app has a page for that (/signed-out, profile keycloak only), the webapp opens it instead: it says so in
// Chinese and links back to the sign-in. In the default profile there is no such page and the login form stays.
const SIGNED_OUT = '/signed-out';
let signedOutPage = null;

export const leaveLoginForm = app => {
  const onLoginForm = () => /^#\/login(?:[/?]|$)/.test(window.location.hash);
  const check = async () => {
    if (!onLoginForm()) return;
    signedOutPage = signedOutPage || fetch(SIGNED_OUT, { method: 'HEAD', credentials: 'same-origin' })
      .then(response => response.ok, () => false);
    if (await signedOutPage && onLoginForm()) {
      window.location.replace(SIGNED_OUT + '?app=' + encodeURIComponent(app));
    }
  };
  window.addEventListener('hashchange', check);
  check();
};
