// Profile keycloak: the signed-out page instead of Camunda's login form (see /webapp-sign-out.js)
import { leaveLoginForm } from '/webapp-sign-out.js';

leaveLoginForm('tasklist');
