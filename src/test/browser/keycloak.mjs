// The keycloak profile in the browser (issue 12): Tasklist sends a stranger to Keycloak's sign-in form; a unit's filer
// signs in there, sees the unit's task (and not another unit's), opens and completes its form; signs out in Tasklist
// and lands on the app's signed-out page, signed out of Keycloak too (Tasklist again shows Keycloak's sign-in form);
// a school that a city's subdivision registered signs in through Keycloak and sees its own task, and signs out at
// /logout (both sessions end, through Keycloak's logout endpoint); the province sees a task's candidate group by its
// Chinese name (Keycloak's displayName).
//
//   BASE_URL=http://localhost:18089 KEYCLOAK_URL=http://localhost:8180 YEAR=2034 SCHOOL=u001-s01 \
//     CHROMIUM=/usr/bin/chromium node src/test/browser/keycloak.mjs
//
// Started by identity/KeycloakBrowserTest, which runs the app in profile keycloak with the year published for two
// units (u001 郑州市, u002 开封市) and u001's subdivision into one school. Exit code 1 when anything failed.
import fs from 'node:fs';
import path from 'node:path';
import {
  BASE, KEYCLOAK, SHOTS, TASKLIST, results, fail, rest, until, waitTask, launch, gotoApp, session, closeSessions,
  shot, checkEnglish, doTask, choose, step,
} from './lib.mjs';

const YEAR = process.env.YEAR;
const SCHOOL = process.env.SCHOOL;
const RECEIVE = /接收.*年度任务/;
if (!KEYCLOAK || !YEAR || !SCHOOL) throw new Error('KEYCLOAK_URL, YEAR and SCHOOL are needed');

const run = Date.now();
const browser = await launch();
try {
  await main();
} catch (e) {
  fail('scenario aborted: ' + String(e.stack || e).split('\n').slice(0, 3).join(' '));
} finally {
  await closeSessions();
  await browser.close();
}
report();

async function main() {
  let filer;
  await step('Tasklist sends u001-filer to Keycloak; signed in there, Tasklist lists the unit\'s task only', async () => {
    filer = await session(browser, 'u001-filer');
    const { page } = filer;
    const cards = page.locator('.tasks-list li');
    await until('the unit\'s task in the list', async () => (await cards.filter({ hasText: '郑州市' }).count()) > 0,
      20000, 500);
    if (await cards.filter({ hasText: '开封市' }).count()) fail('u001-filer sees a task of 开封市 (u002)');
    const who = await page.locator('li.account .dropdown-toggle').innerText();
    if (!/郑州市/.test(who)) fail(`the header names the user «${who.trim()}», not 郑州市 填报人 from Keycloak`);
    await checkEnglish(page, 'keycloak: u001-filer\'s task list');
    await shot(page, 'keycloak-u001-tasklist');
  });

  await step('u001-filer opens the unit\'s task and completes its form', async () => {
    await doTask(browser, 'u001-filer', { businessKey: `${YEAR}/u001`, taskKey: 'receive-annual-task',
      name: RECEIVE, label: 'keycloak-receive-u001' }, async (form) => {
      await choose(form, '已知悉本单位年度任务');
    });
  });

  await step('sign-out in Tasklist ends the app\'s and the Keycloak session', async () => {
    const { page } = filer;
    await page.locator('li.account .dropdown-toggle').click();
    await page.locator('li.logout a').click();
    await page.waitForURL((url) => url.pathname === '/signed-out', { timeout: 30000 });
    const text = await page.locator('main').innerText();
    if (!/您已退出/.test(text)) fail(`the signed-out page says «${text.slice(0, 80)}»`);
    await checkEnglish(page, 'keycloak: signed-out page');
    await shot(page, 'keycloak-signed-out');
    const app = await page.request.get(BASE + '/camunda/api/admin/auth/user/default');
    if (app.status() !== 401) fail(`after the sign-out the app still knows the browser: ${app.status()}`);
    // signing in again: Keycloak asks for the password (no Keycloak session is left to sign in silently)
    await page.locator('#sign-in-again').click();
    await until('Keycloak\'s sign-in form', async () => page.url().startsWith(KEYCLOAK + '/realms/skills-henan/')
      || page.url().startsWith(TASKLIST), 30000, 250);
    if (!page.url().startsWith(KEYCLOAK)) throw new Error(`signed straight back in, at ${page.url()}`);
    await page.locator('#password').waitFor();
    await page.locator('#kc-login').waitFor();
    await shot(page, 'keycloak-sign-in-again');
  });

  await step(`the school ${SCHOOL} registered by u001's subdivision signs in at Keycloak and sees its task`, async () => {
    const task = (await rest(`${SCHOOL}-filer`, 'GET',
      `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(`${YEAR}/${SCHOOL}`)}`)).json || [];
    if (!task.length) throw new Error(`${SCHOOL}-filer has no task of ${YEAR}/${SCHOOL} over /engine-rest`);
    const { page } = await session(browser, `${SCHOOL}-filer`);
    const card = page.locator('.tasks-list li').filter({ hasText: RECEIVE });
    await until(`${SCHOOL}'s task in its list`, async () => (await card.count()) > 0, 20000, 500);
    if (await page.locator('.tasks-list li').filter({ hasText: '（郑州市）' }).count()) {
      fail(`${SCHOOL}-filer sees the city's own task`);
    }
    await shot(page, `keycloak-${SCHOOL}-tasklist`);
  }, { independent: true });

  await step(`${SCHOOL}-filer signs out at /logout and lands on the signed-out page`, async () => {
    const { page } = await session(browser, `${SCHOOL}-filer`);
    await page.goto(BASE + '/logout');
    await page.waitForURL((url) => url.href.startsWith(BASE + '/signed-out'), { timeout: 30000 });
    await page.goto(TASKLIST);
    if (!page.url().startsWith(KEYCLOAK + '/realms/skills-henan/')) {
      throw new Error(`signed straight back in: ${page.url()}`);
    }
    await page.locator('#kc-login').waitFor();
  }, { independent: true });

  await step('the province sees a task\'s candidate group by its Chinese name, as in the default profile', async () => {
    const task = await waitTask('province', `${YEAR}/u002`, 'receive-annual-task');
    const { page } = await session(browser, 'province');
    await gotoApp(page, TASKLIST + '#/?task=' + task.id);
    const details = page.locator('.task-details');
    await until('开封市 填报人 in the task\'s header', async () => /开封市 填报人/.test(await details.innerText()),
      20000, 500);
    if (/u002-filer/.test(await details.innerText())) fail('the task names its candidate group by its id u002-filer');
    await checkEnglish(page, 'keycloak: province on u002\'s task');
    await shot(page, 'keycloak-province-candidate-group');
  }, { independent: true });
}

function report() {
  const lines = [
    '', '==== keycloak browser scenario ====',
    `scenario time: ${((Date.now() - run) / 1000).toFixed(1)} s`,
    ...results.steps.map((s) => `${s.ok ? 'ok     ' : s.skipped ? 'skipped' : 'FAILED '} ${s.name} (${(s.ms / 1000).toFixed(1)} s)`),
    ...results.pending.map((p) => 'PENDING ' + p),
    ...results.failures.map((f) => 'FAILURE ' + f),
  ];
  console.log(lines.join('\n'));
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, 'summary.txt'), lines.join('\n') + '\n');
  process.exitCode = results.failures.length ? 1 : 0;
}
