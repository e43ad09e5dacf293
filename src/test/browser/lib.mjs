// Helpers of the browser suite: REST as a demo user, Tasklist sessions, opening/filling/completing task forms,
// screenshots and the English-text check. Nothing here sleeps a fixed time: every wait is for a condition.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { check } from './english.mjs';

export const BASE = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
export const SHOTS = process.env.SHOTS || 'target/browser/';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const TASKLIST = BASE + '/camunda/app/tasklist/default/';
const PASSWORDS = { admin: 'admin' };
export const password = (user) => PASSWORDS[user] || 'demo';

/** What the run found: failures fail the build, pending items are only reported. */
export const results = { steps: [], failures: [], pending: [], forms: new Set(), taskTimes: [], english: new Map() };

export function fail(what) {
  results.failures.push(what);
  console.log('FAIL ' + what);
}

export function pending(what) {
  results.pending.push(what);
  console.log('PENDING ' + what);
}

export const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args);

// ---------------------------------------------------------------- REST

// profile keycloak (KEYCLOAK_URL set, e.g. http://localhost:8180): the APIs take the realm's bearer tokens and the
// webapps sign in at Keycloak's form; otherwise HTTP Basic and Camunda's login form
export const KEYCLOAK = (process.env.KEYCLOAK_URL || '').replace(/\/$/, '');
const tokens = new Map();

/** The Authorization header of a demo user: Basic, or a token of the realm (the scripts' client, password grant). */
async function authorization(user) {
  if (!KEYCLOAK) return 'Basic ' + Buffer.from(user + ':' + password(user)).toString('base64');
  const cached = tokens.get(user);
  if (cached && cached.until > Date.now()) return 'Bearer ' + cached.token;
  const response = await fetch(KEYCLOAK + '/realms/skills-henan/protocol/openid-connect/token', { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'skills-henan-cli', username: user,
      password: password(user) }) });
  const answer = await response.json().catch(() => ({}));
  if (!answer.access_token) throw new Error(`Keycloak gave ${user} no token: ${response.status} ${JSON.stringify(answer)}`);
  // taken again well before it expires
  tokens.set(user, { token: answer.access_token, until: Date.now() + Math.max(10, answer.expires_in - 60) * 1000 });
  return 'Bearer ' + answer.access_token;
}

export async function rest(user, method, url, body) {
  const headers = { Authorization: await authorization(user), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(BASE + url, { method, headers,
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: response.status, json, text };
}

export async function restOk(user, method, url, body) {
  const answer = await rest(user, method, url, body);
  if (answer.status >= 300) throw new Error(`${method} ${url} as ${user}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.json;
}

/** Polls fn until it returns a truthy value (or throws after timeoutMs). */
export async function until(what, fn, timeoutMs = 60000, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (last ? `: ${last.message}` : ''));
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const v = (value, type) => (type ? { value, type } : { value });
export const vars = (o) => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, Array.isArray(x) ? v(...x) : v(x)]));

/** The open task of a process (by business key) with the given definition key, as the user sees it. */
export async function findTask(user, businessKey, taskKey, query) {
  const q = '/engine-rest/task?' + [businessKey && `processInstanceBusinessKey=${encodeURIComponent(businessKey)}`,
    taskKey && `taskDefinitionKey=${encodeURIComponent(taskKey)}`, query].filter(Boolean).join('&');
  const tasks = await restOk(user, 'GET', q);
  return tasks[0];
}

export async function waitTask(user, businessKey, taskKey, timeoutMs = 60000, query) {
  return until(`task ${taskKey || query} of ${businessKey} for ${user}`, () => findTask(user, businessKey, taskKey, query),
    timeoutMs);
}

/** Completes a task over REST (a precondition, not the point of the step). */
export async function completeRest(user, businessKey, taskKey, variables) {
  const task = await waitTask(user, businessKey, taskKey);
  await restOk(user, 'POST', `/engine-rest/task/${task.id}/claim`, { userId: user });
  await restOk(user, 'POST', `/engine-rest/task/${task.id}/complete`, { variables: vars(variables) });
  return task;
}

// ---------------------------------------------------------------- demo clock

export async function clock() {
  return restOk('admin', 'GET', '/api/demo-clock');
}

/** Advances the demo clock timer by timer until `done()` holds or the clock passes `notAfter` (ISO). */
export async function advanceUntil(what, done, notAfter, maxSteps = 80) {
  for (let i = 0; i < maxSteps; i++) {
    if (await done()) return;
    const before = await clock();
    if (!before.nextTimer || before.nextTimer.dueDate > notAfter) break;
    await restOk('admin', 'POST', '/api/demo-clock/advance');
    // the job executor fires what fell due: wait until no due timer is left before looking again
    await until('due timers fired', async () => {
      const jobs = await restOk('admin', 'GET', '/engine-rest/job/count?executable=true&timers=true');
      return jobs.count === 0;
    }, 60000, 300);
  }
  await until(what, done, 30000);
}

// ---------------------------------------------------------------- browser

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
}

const sessions = new Map();

/** Navigates to a page of the webapps; reloads it (at most 3 times) when requirejs timed out loading a module. */
export async function gotoApp(page, url) {
  let response;
  for (let attempt = 0; ; attempt++) {
    page.moduleTimeout = false;
    response = attempt === 0 || !page.url().startsWith(url.split('#')[0]) ? await page.goto(url) : await page.reload();
    await page.waitForLoadState('load');
    await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
    // a Camunda webapp that never bootstrapped (its loading spinner stays, no error is reported) is reloaded too
    const stuck = url.includes('/camunda/app/') && !page.moduleTimeout
      && !(await page.waitForSelector('.ng-scope', { timeout: 20000 }).then(() => true, () => false));
    if ((!page.moduleTimeout && !stuck) || attempt >= 3) break;
    console.log(`  reloading ${url} (${stuck ? 'the app did not start' : 'module load timeout'})`);
  }
  return response;
}

/** A Tasklist session of the user in its own browser context with a Chinese locale (one per user, reused). */
export async function session(browser, user) {
  if (sessions.has(user)) return sessions.get(user);
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(45000);
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  page.on('pageerror', (e) => {
    const message = String(e.message).split('\n')[0];
    // requirejs gives up on a module after a few seconds when the machine is busy: the page is then reloaded
    if (/Load timeout for modules/.test(message)) page.moduleTimeout = true;
    console.log(`  [${user}] page error: ${message}`);
  });
  for (let attempt = 1; ; attempt++) {
    try {
      await gotoApp(page, TASKLIST);
      await (KEYCLOAK ? signInAtKeycloak(page, user) : signInToCamunda(page, user));
      await page.locator('.tasks-list').first().waitFor({ state: 'attached' });
      break;
    } catch (e) {
      await shot(page, `login-failed-${user}-${attempt}`);
      const message = `sign-in of ${user} to Tasklist (attempt ${attempt}): ${String(e.message).split('\n')[0]}`;
      if (attempt >= 3) throw new Error(message);
      pending(message + ' — signed in again');
      await context.clearCookies();
    }
  }
  const s = { user, context, page };
  sessions.set(user, s);
  return s;
}

/** Camunda's own login form (default profile), on the page Tasklist opened. */
async function signInToCamunda(page, user) {
  await page.locator('input[ng-model="username"]').fill(user);
  await page.locator('input[ng-model="password"]').fill(password(user));
  await page.locator('button[type="submit"]').click();
  let refused = [];
  await until(`sign-in of ${user}`, async () => {
    refused = await errors(page);
    return refused.length > 0 || (await page.locator('input[ng-model="username"]').count()) === 0;
  }, 45000);
  if (refused.length) throw new Error('the login form answered: ' + refused.join(' | '));
}

/** Profile keycloak: the app has sent the browser to Keycloak's sign-in form; signs in there and comes back. */
export async function signInAtKeycloak(page, user) {
  if (!page.url().startsWith(KEYCLOAK + '/realms/skills-henan/')) {
    throw new Error(`Tasklist did not send the browser to Keycloak's sign-in but to ${page.url()}`);
  }
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password(user));
  await page.locator('#kc-login').click();
  let refused = [];
  await until(`${user} back from Keycloak`, async () => {
    if (page.url().startsWith(BASE + '/camunda/')) return true;
    refused = (await page.locator('#input-error, .kc-feedback-text').allInnerTexts().catch(() => []))
      .map((t) => t.trim()).filter(Boolean);
    return refused.length > 0;
  }, 45000);
  if (refused.length) throw new Error('Keycloak answered: ' + refused.join(' | '));
  await page.waitForLoadState('load');
}

export async function closeSessions() {
  for (const s of sessions.values()) await s.context.close().catch(() => {});
  sessions.clear();
}

let shotNo = 0;
export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch((e) => console.log('  screenshot failed: ' + e.message));
  return file;
}

/** Checks the page's visible text against the English lists; failures fail, pending ones are reported. */
export async function checkEnglish(page, where) {
  const text = await page.evaluate(() => document.body ? document.body.innerText : '').catch(() => '');
  const { fail: bad, pending: open } = check(text);
  for (const f of bad) fail(`English on ${where}: ${f.label} («${f.sample}»)`);
  for (const p of open) {
    const key = p.label;
    if (!results.english.has(key)) results.english.set(key, new Set());
    results.english.get(key).add(where);
  }
  return bad.length === 0;
}

/** Visible error notifications of Tasklist (the hidden templates excluded). */
export async function errors(page) {
  const texts = await page.locator('.notifications .alert-danger:visible, .notification.alert-danger:visible, '
    + '.notifications .alert-warning:visible').allInnerTexts().catch(() => []);
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export async function dismissNotifications(page) {
  const closes = page.locator('.notifications .close:visible');
  for (let i = await closes.count(); i > 0; i--) await closes.first().click().catch(() => {});
}

/**
 * Opens the task in Tasklist as the user: the task list, the card found by its base name (a regex, so that names
 * carrying month and unit still match), claimed, its form loaded. Returns { page, task, started }.
 */
export async function openTask(browser, user, { businessKey, taskKey, query, name, form }) {
  const task = await waitTask(user, businessKey, taskKey, 60000, query);
  const { page } = await session(browser, user); // a user's first sign-in is not counted in the task's time
  const started = Date.now();
  await gotoApp(page, TASKLIST);
  await dismissNotifications(page);
  const card = page.locator('.tasks-list li').filter({ hasText: name });
  let opened = false;
  try {
    // Tasklist lists the filter's tasks; the newest task may need the list to refresh
    await until(`card ${name} in ${user}'s task list`, async () => {
      if (await card.count() > 0) return true;
      await page.reload();
      await page.locator('.tasks-list').first().waitFor();
      return card.count();
    }, 20000, 1000);
    // several cards of the same name (another month): take the one of this task
    const exact = page.locator(`.tasks-list li a[href*="${task.id}"]`);
    if (await exact.count() > 0) await exact.first().click();
    else await card.first().click();
    opened = true;
  } catch (e) {
    fail(`${name}: no card matching ${name} in ${user}'s task list (${e.message.split('\n')[0]}); opened by URL`);
  }
  if (!opened || !page.url().includes(task.id)) await gotoApp(page, TASKLIST + '#/?task=' + task.id);
  await page.locator('.task-details, [cam-tasklist-task]').first().waitFor();
  // Tasklist shows a form only after the task is claimed: claim it unless the user holds it already
  const claimed = async () => (await rest(user, 'GET', `/engine-rest/task/${task.id}`)).json?.assignee === user;
  if (!(await claimed())) {
    const claim = page.locator('.task-details [ng-click="claim()"]:visible, .task-details button:visible')
      .filter({ hasText: /^\s*(?:认领|Claim)\s*$/ });
    await claim.first().click();
    await until(`${name} claimed by ${user}`, claimed, 20000);
  }
  await formLoaded(page, name, form);
  return { page, task, started };
}

/** Waits until the task's form shows its inputs; a form that does not open fails the build. */
async function formLoaded(page, name, form) {
  // after the claim Tasklist renders the form again, editable: wait for an enabled input (or the generic form)
  const selector = form === 'generic'
    ? '.task-details button:visible'
    : (form === 'embedded' ? '[cam-variable-name]:not([disabled])'
      : '.fjs-form input:not([disabled]):not([readonly]), .fjs-form textarea:not([disabled]):not([readonly])');
  try {
    await page.locator(selector).first().waitFor({ timeout: 30000 });
  } catch (e) {
    const errs = await errors(page);
    throw new Error(`form of ${name} did not open: ${errs.join(' | ') || e.message.split('\n')[0]}`);
  }
  const errs = await errors(page);
  if (errs.length) throw new Error(`form of ${name} opened with an error: ${errs.join(' | ')}`);
}

export const FORMS_DIR = process.env.FORMS_DIR
  || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../forms');

// form-js gives an input the id "fjs-form-<random>-<component id>": the component ids of each key, from forms/*.form
let componentIds;
function idsOf(key) {
  if (!componentIds) {
    componentIds = new Map();
    const walk = (components) => {
      for (const c of components || []) {
        if (c.key && c.id) componentIds.set(c.key, [...(componentIds.get(c.key) || []), c.id]);
        walk(c.components);
      }
    };
    for (const f of fs.readdirSync(FORMS_DIR).filter((n) => n.endsWith('.form'))) {
      walk(JSON.parse(fs.readFileSync(path.join(FORMS_DIR, f), 'utf8')).components);
    }
  }
  return componentIds.get(key) || [key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())];
}

/** A form-js field by its key (found by its component's id in forms/*.form). */
export function field(page, key) {
  return page.locator(idsOf(key).map((id) => `.fjs-form [id$="-${id}"]:not([type="radio"])`).join(', ')).first();
}

/** Fills form-js fields by key and waits until every value has stuck (a late re-render would drop typed values). */
export async function fillFields(page, values) {
  for (const [key, value] of Object.entries(values)) await field(page, key).fill(String(value));
  // form-js takes a typed value after a short debounce, and a form that redraws (a live table) may drop a value it
  // has not taken yet: the values must hold over two looks 800 ms apart
  let heldSince = null;
  await until('the typed values to stay in the form', async () => {
    let held = true;
    for (const [key, value] of Object.entries(values)) {
      const input = field(page, key);
      if ((await input.inputValue()) !== String(value)) {
        held = false;
        await input.fill(String(value));
      }
    }
    if (!held) {
      heldSince = null;
      return false;
    }
    heldSince = heldSince ?? Date.now();
    return Date.now() - heldSince >= 800;
  }, 20000, 400);
}

/** Clicks a radio or checkbox by its label text. */
export async function choose(page, label) {
  await page.locator('.fjs-form label').filter({ hasText: label }).first().click();
}

/** The complete button of the open task (完成; Complete while the label is untranslated). */
export function completeButton(page) {
  return page.locator('.task-details button:visible, [cam-tasklist-task] button:visible')
    .filter({ hasText: /^\s*(?:完成|Complete)\s*$/ }).last();
}

/**
 * Clicks complete and waits until the engine has no such task any more (or Tasklist shows an error).
 * Returns the error texts (empty when completed).
 */
export async function complete(page, user, task, label, { expectError = false } = {}) {
  await dismissNotifications(page);
  try {
    await until(`${label}: the complete button enabled`, () => completeButton(page).isEnabled(), 15000);
  } catch (e) {
    const invalid = await page.locator('.fjs-form .fjs-form-field-error:visible').allInnerTexts().catch(() => []);
    await shot(page, label + '-not-completable');
    throw new Error(`${label}: the form cannot be completed` + (invalid.length ? `: ${invalid.join(' | ')}` : ''));
  }
  await completeButton(page).click();
  let outcome;
  await until(`${label}: completion or an error`, async () => {
    const errs = await errors(page);
    if (errs.length) { outcome = errs; return true; }
    const answer = await rest(user, 'GET', `/engine-rest/task/${task.id}`);
    if (answer.status === 404) { outcome = []; return true; }
    return false;
  }, 30000, 200);
  if (outcome.length && !expectError) {
    await shot(page, label + '-error');
    throw new Error(`${label}: Tasklist refused the completion: ${outcome.join(' | ')}`);
  }
  await checkEnglish(page, label);
  await shot(page, label);
  return outcome;
}

/** Runs one step; a step that throws fails the build but the suite goes on where it can. */
let broken = null;
// FROM="late list" (debugging against an application already past the earlier steps): steps before it are passed over
let reached = !process.env.FROM;

export async function step(name, fn, { independent = false } = {}) {
  const started = Date.now();
  reached = reached || name.startsWith(process.env.FROM);
  if (!reached && !independent) {
    log(`step ${name}: passed over (FROM=${process.env.FROM})`);
    return true;
  }
  if (broken && !independent) {
    results.steps.push({ name, ms: 0, ok: false, skipped: true });
    log(`step ${name}: skipped (needs "${broken}")`);
    return false;
  }
  log('step ' + name);
  try {
    await fn();
    results.steps.push({ name, ms: Date.now() - started, ok: true });
    log(`  ok ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (e) {
    results.steps.push({ name, ms: Date.now() - started, ok: false });
    if (!independent) broken = name;
    fail(`${name}: ${String(e.message).split('\n')[0]}`);
    for (const s of sessions.values()) await shot(s.page, `failed-${name.replace(/\W+/g, '_')}-${s.user}`);
    return false;
  }
}

/** Opens, fills (fill(page)) and completes a task in Tasklist; records the form and the time it took. */
export async function doTask(browser, user, spec, fill) {
  const { page, task, started } = await openTask(browser, user, spec);
  await checkEnglish(page, `${spec.label} (open)`);
  await shot(page, spec.label + '-open');
  if (fill) await fill(page, task);
  const outcome = await complete(page, user, task, spec.label, { expectError: spec.expectError });
  const ms = Date.now() - started;
  if (spec.formFile && !outcome.length) results.forms.add(spec.formFile);
  if (!outcome.length) results.taskTimes.push({ task: spec.label, user, ms });
  log(`  ${spec.label} as ${user}: ${outcome.length ? 'refused: ' + outcome.join(' | ') : 'completed'} in ${ms} ms`);
  return { outcome, task, page };
}
