// The browser suite: every user task form of every model opened in Tasklist as the user who works it, filled and
// completed, along the chain distribution → subdivision → a college's and a school's month → late list → 督办 and
// reply → circulation and acknowledgement; then Cockpit and the app's pages. zh-CN browser, screenshots in SHOTS.
//
//   BASE_URL=http://localhost:8080 SHOTS=target/browser/ CHROMIUM=/usr/bin/chromium node src/test/browser/suite.mjs
//
// Started by BrowserSuiteTest (mvn test) against a fresh application with the demo clock at 2022-03-02; run alone it
// needs such an application (mvn spring-boot:run with an empty ./data). Exit code 1 when anything failed.
import fs from 'node:fs';
import path from 'node:path';
import {
  BASE, SHOTS, TASKLIST, results, fail, pending, log, rest, restOk, until, findTask, waitTask, completeRest,
  advanceUntil, clock, launch, gotoApp, session, closeSessions, shot, checkEnglish, errors, doTask, fillFields, choose,
  field, step, password, FORMS_DIR, dismissNotifications,
} from './lib.mjs';

const YEAR = 2022;
const FILES = path.join(SHOTS, 'files');
fs.mkdirSync(FILES, { recursive: true });
const file = (name, text) => { const p = path.join(FILES, name); fs.writeFileSync(p, text); return p; };
const HEADER = '单位,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n';
// certification above training for 河南理工大学: refused, the task 修正任务分配表 lists it
const BAD_TABLE = file('allocation-bad.csv', HEADER + '郑州市,3000,2000,——,500\n河南理工大学,500,600,300,90\n河南工业大学,1500,1370,1000,280\n');
const GOOD_TABLE = file('allocation.csv', HEADER + '郑州市,3000,2000,——,500\n河南理工大学,500,450,300,90\n河南工业大学,1500,1370,1000,280\n');
const SCHOOLS = file('schools.csv', '学校名称,培训任务（人次）,取证人数（人）,其中高级工及以上（人）,1+X证书取证人数（人）\n'
  + '郑州市第一职业中专,2000,1400,,300\n郑州市信息技术学校,1000,600,,200\n');
// the forms in forms/ (what "forms covered" counts against)
const ALL_FORMS = fs.existsSync(FORMS_DIR) ? fs.readdirSync(FORMS_DIR).filter((f) => /\.(form|html)$/.test(f)).sort() : [];

// base names of the tasks: names may come to carry month and unit (填报 2022年3月 进度月报（郑州市）)
const N = {
  fix: /修正.*任务分配表/, approveAllocation: /审批.*任务分配/, receive: /接收.*年度任务/, enterSchools: /任务分解/,
  approveSubdivision: /审批.*任务分解/, fill: /填报.*(?:月度进度|进度月报|月报)/, withdraw: /撤回/, sign: /组长签字|签字/,
  upload: /盖章扫描件/, reviewSkills: /审核.*培训取证/, review1x: /审核.*1\+X/, late: /逾期月报督办/,
  reply: /回复督办/, readReply: /查看督办回复/, draft: /拟定.*通报/, approveCirculation: /审批.*通报/,
  acknowledge: /确认.*通报/, chase: /催促.*确认.*通报/, reviewInstitution: /审核评价机构备案/,
  correctInstitution: /修改评价机构备案/,
};

const figures = (o = {}) => ({ institutionsCollegeLevel: 2, institutionsAppraisal: 1, institutionsSocial: 0,
  institutionsSpecial: 0, trainingMonth: 100, certificationMonth: 80, advancedMonth: 40, onePlusXMonth: 10,
  filerName: '张敏', filerPhone: '0371-69691788', ...o });

const run = Date.now();
const browser = await launch();
try {
  await main();
} catch (e) {
  fail('suite aborted: ' + String(e.stack || e).split('\n').slice(0, 3).join(' '));
} finally {
  await closeSessions();
  await browser.close();
}
report();

async function main() {
  // the demo users, groups, authorizations and Tasklist filters are seeded after the application has started
  await until('the demo identities seeded (u171-leader signs in, province has its Tasklist filters)', async () =>
    (await rest('u171-leader', 'GET', '/engine-rest/user/u171-leader/profile')).status === 200
      && ((await rest('province', 'GET', '/engine-rest/filter?resourceType=Task')).json || []).length > 0, 180000, 1000);
  const now = await clock();
  log(`application ${BASE}, demo clock ${now.now}, forms in ${FORMS_DIR}: ${ALL_FORMS.length}`);

  // ---------------------------------------------------------------- distribution
  await step('distribution: a bad table is refused at the start, the good one starts', async () => {
    await startProcess('province', /年度任务分配下达/, 'start-distribution', 'quota-distribution-start.html',
      async (modal, page) => {
        await modal.locator('#year').fill(String(YEAR));
        await modal.locator('#allocationSource').selectOption('upload');
        await modal.locator('#allocationFile').setInputFiles(BAD_TABLE);
        await modal.locator('#noticeTitle').fill(`河南省教育厅办公室关于下达${YEAR}年教育系统落实“人人持证、技能河南”建设工作任务的通知`);
        await modal.locator('#noticeDocumentNumber').fill(`教办职成〔${YEAR}〕50号`);
      }, () => findTask('leader', String(YEAR), 'approve-allocation'), {
        // refused at the click with every row, column and reason; the dialog stays open with what was typed
        refusal: /第\s*\d+\s*行/,
        retry: async (modal) => { await modal.locator('#allocationFile').setInputFiles(GOOD_TABLE); },
      });
  });
  await step('distribution: leader returns without a reason (refused), then with one', async () => {
    await doTask(browser, 'leader', { businessKey: String(YEAR), taskKey: 'approve-allocation', name: N.approveAllocation,
      label: 'approve-allocation-return', formFile: 'approve-allocation.form' }, async (page, task) => {
      if (await field(page, 'unitCount').inputValue() !== '3') fail('审批年度任务分配: 单位数 is not 3');
      await choose(page, '退回修改');
      await refusedInBrowser(page, 'leader', task, 'approve-allocation-return-without-reason', /原因/);
      await fillFields(page, { returnReason: '请核对河南理工大学的1+X任务' });
    });
  });
  await step('distribution: province fixes the returned table', async () => {
    await doTask(browser, 'province', { businessKey: String(YEAR), taskKey: 'fix-allocation', name: N.fix,
      form: 'embedded', label: 'fix-allocation', formFile: 'quota-distribution-fix.html' }, async (page) => {
      const shown = await page.locator('.task-details').innerText();
      if (!/请核对河南理工大学的1\+X任务/.test(shown)) fail('修正任务分配表 does not show the leader\'s reason');
      await page.locator('#allocationSource').selectOption('upload');
      await page.locator('#allocationFile').setInputFiles(GOOD_TABLE);
    });
  });
  await step('distribution: leader approves', async () => {
    await doTask(browser, 'leader', { businessKey: String(YEAR), taskKey: 'approve-allocation', name: N.approveAllocation,
      label: 'approve-allocation', formFile: 'approve-allocation.form' }, async (page) => {
      await choose(page, '批准下达');
    });
  });

  // ---------------------------------------------------------------- units receive the year, the city subdivides
  await step('unit-year: a college receives its year', async () => {
    await doTask(browser, 'u029-filer', { businessKey: `${YEAR}/u029`, taskKey: 'receive-annual-task', name: N.receive,
      label: 'receive-u029', formFile: 'receive-annual-task.form' }, async (page) => {
      if (await field(page, 'trainingQuota').inputValue() !== '500') fail('接收年度任务 u029: 培训任务 is not 500');
      await choose(page, '已知悉本单位年度任务');
    });
    await completeRest('u030-filer', `${YEAR}/u030`, 'receive-annual-task', { annualTaskAcknowledged: true });
    await completeRest('u001-filer', `${YEAR}/u001`, 'receive-annual-task', { annualTaskAcknowledged: true });
  });
  await step('subdivision: the city uploads its schools', async () => {
    await doTask(browser, 'u001-filer', { businessKey: `${YEAR}/u001`, taskKey: 'enter-school-quotas',
      name: N.enterSchools, form: 'embedded', label: 'enter-school-quotas', formFile: 'city-subdivision-enter.html' },
    async (page) => { await page.locator('#schoolQuotaFile').setInputFiles(SCHOOLS); });
  });
  await step('subdivision: the city leader approves', async () => {
    await doTask(browser, 'u001-leader', { businessKey: `${YEAR}/u001`, taskKey: 'approve-subdivision',
      name: N.approveSubdivision, label: 'approve-subdivision', formFile: 'approve-subdivision.form' }, async (page) => {
      if (await field(page, 'schoolCount').inputValue() !== '2') fail('审批任务分解: 学校数 is not 2');
      await choose(page, '批准');
    });
    await completeRest('u001-s01-filer', `${YEAR}/u001-s01`, 'receive-annual-task', { annualTaskAcknowledged: true });
    await completeRest('u001-s02-filer', `${YEAR}/u001-s02`, 'receive-annual-task', { annualTaskAcknowledged: true });
  });

  // ---------------------------------------------------------------- a college files an evaluation institution
  const institution = 'institution-u029-1';
  await step('institution filing: a college applies in Tasklist with its PDF', async () => {
    const documents = await noticePdf();
    await startProcess('u029-filer', /评价机构备案/, 'start-institution-filing', 'institution-filing-application.html',
      async (modal) => {
        await modal.locator('#institutionKind').selectOption('COLLEGE_LEVEL');
        await modal.locator('#institutionName').fill('河南理工大学职业技能等级认定中心');
        await modal.locator('#occupationScope').fill('电工（四级/中级工）');
        await modal.locator('#applicationDocument').setInputFiles(documents);
      }, () => findTask('hrss', institution, 'review-institution-application'));
  });
  await step('institution filing: province-hrss returns it with a reason, the college fixes it, approved', async () => {
    await doTask(browser, 'hrss', { businessKey: institution, taskKey: 'review-institution-application',
      name: N.reviewInstitution, label: 'review-institution-return', formFile: 'institution-filing-review.form' },
    async (page) => {
      if (await field(page, 'institutionKindName').inputValue() !== '院校类职业技能等级认定机构') fail('审核评价机构备案: 机构类别 not shown');
      await choose(page, '退回修改');
      await fillFields(page, { returnReason: '请补充三级/高级工的考评人员' });
    });
    await doTask(browser, 'u029-filer', { businessKey: institution, taskKey: 'correct-institution-application',
      name: N.correctInstitution, form: 'embedded', label: 'correct-institution',
      formFile: 'institution-filing-application.html' }, async (page) => {
      if (!/请补充三级\/高级工的考评人员/.test(await page.locator('.task-details').innerText())) fail('修改评价机构备案申请 does not show the reason');
      await page.locator('#occupationScope').fill('电工（四级/中级工、三级/高级工）');
    });
    await doTask(browser, 'hrss', { businessKey: institution, taskKey: 'review-institution-application',
      name: N.reviewInstitution, label: 'review-institution-approve', formFile: 'institution-filing-review.form' },
    async (page) => { await choose(page, '通过，登记备案'); });
  });

  // ---------------------------------------------------------------- a college's month
  const college = `${YEAR}-03/u029`;
  await step('month (college): a bad figure is refused at completion', async () => {
    const { outcome } = await doTask(browser, 'u029-filer', { businessKey: college, taskKey: 'fill-report', name: N.fill,
      label: 'fill-u029-bad-figure', expectError: true }, async (page) => {
      await fillFields(page, figures({ certificationMonth: 80, advancedMonth: 90 }));
    });
    if (outcome.length) {
      if (!/[\u4e00-\u9fff]/.test(outcome.join(' '))) fail('bad figure refused without a Chinese sentence: ' + outcome);
      const still = await findTask('u029-filer', college, 'fill-report');
      if (!still) fail('bad figure refused, but the fill task is gone');
    } else {
      pending('a bad figure (advanced 90 > certification 80) is not refused at the completion: the task completed and '
        + 'the monthly rules reject it afterwards (validation still a service task after completion)');
    }
  });
  await step('month (college): fill', async () => {
    await doTask(browser, 'u029-filer', { businessKey: college, taskKey: 'fill-report', name: N.fill,
      label: 'fill-u029', formFile: 'monthly-report-fill.form' }, async (page) => {
      if (await field(page, 'filedInstitutionsCollegeLevel').inputValue() !== '1') fail('填报月报 u029: the filed institution is not counted');
      await fillFields(page, figures());
      await confirmWarnings(page);
    });
  });
  await step('month (college): withdraw before signing, fill again', async () => {
    await doTask(browser, 'u029-filer', { businessKey: college, taskKey: 'withdraw-report', name: N.withdraw,
      label: 'withdraw-u029', formFile: 'monthly-report-withdraw.form' }, async (page) => {
      await choose(page, '确认撤回');
      await field(page, 'withdrawReason').fill('培训人次少报了20，撤回修改。');
    });
    await completeRest('u029-filer', college, 'fill-report', figures({ trainingMonth: 120 }));
  });
  // the college's skills review is accepted on the batch review page, its 1+X review in Tasklist
  await monthSteps('college', 'u029', college, 'province', 'onex', { batchSkills: true });

  // ---------------------------------------------------------------- a school's month (reviewed by its city)
  const school = `${YEAR}-03/u001-s01`;
  await step('month (school): fill', async () => {
    await doTask(browser, 'u001-s01-filer', { businessKey: school, taskKey: 'fill-report', name: N.fill,
      label: 'fill-u001-s01', formFile: 'monthly-report-fill.form' }, async (page) => {
      await fillFields(page, figures({ trainingMonth: 300, certificationMonth: 200, advancedMonth: 0, onePlusXMonth: 30 }));
      await confirmWarnings(page);
    });
  });
  // the school's seal came out too faint to be recognised: the filer is warned and confirms with an explanation
  await monthSteps('school', 'u001-s01', school, 'u001-filer', 'u001-filer', { faintSeal: true });

  // ---------------------------------------------------------------- late list, 督办 and reply
  await step('late list: the deadline passes, province-edu urges', async () => {
    await advanceUntil('逾期月报督办 for province-edu', () => findTask('province', `${YEAR}-03/province-edu`, 'urge-late-units'),
      `${YEAR}-04-01T00:00:00Z`);
    await doTask(browser, 'province', { businessKey: `${YEAR}-03/province-edu`, taskKey: 'urge-late-units', name: N.late,
      label: 'urge-late-units', formFile: 'late-reports-urge.form' }, async (page) => {
      const list = await field(page, 'lateUnitsSummary').inputValue();
      if (!/河南工业大学|u030/.test(list)) fail('逾期月报督办 does not list 河南工业大学 (u030): ' + list.slice(0, 200));
      if (/河南理工大学/.test(list)) fail('逾期月报督办 lists 河南理工大学, which filed on time');
      await field(page, 'unitsToUrge').fill('u030');
      await field(page, 'urgeMessage').fill('3月月报逾期未报，请于4月10日前补报并说明原因。');
      await pickDate(page, `${YEAR}-04-10`);
    });
  });
  await step('督办: the unit replies, the province reads', async () => {
    await doTask(browser, 'u030-filer', { query: 'taskDefinitionKey=reply-to-urge', name: N.reply,
      label: 'reply-to-urge', formFile: 'urge-reply.form' }, async (page) => {
      if (!/4月10日前补报/.test(await field(page, 'urgeMessage').inputValue())) fail('回复督办 does not show the message');
      await field(page, 'urgeReply').fill('已安排专人补报，4月8日前完成。');
    });
    await doTask(browser, 'province', { query: 'taskDefinitionKey=read-urge-reply', name: N.readReply,
      label: 'read-urge-reply', formFile: 'urge-read-reply.form' }, async (page) => {
      if (!/专人补报/.test(await field(page, 'urgeReply').inputValue())) fail('查看督办回复 does not show the reply');
      await choose(page, '已阅，结束督办');
    });
  });
  await step('督办: province starts one in Tasklist', async () => {
    await startProcess('province', /^\s*督办\s*$/, 'start-urge', 'urge-start.form', async (modal, page) => {
      await field(modal, 'unitCode').fill('u001');
      await field(modal, 'urgeMessage').fill('郑州市3月月报未报送，请尽快报送。');
      await pickDate(page, `${YEAR}-04-15`);
    }, () => findTask('u001-filer', undefined, 'reply-to-urge'));
  });

  // ---------------------------------------------------------------- circulation and acknowledgement
  await step('circulation: province starts one for March in Tasklist', async () => {
    await startProcess('province', /进度通报/, 'start-circulation', 'circulation-start.form', async (modal) => {
      await field(modal, 'circulationMonth').fill(`${YEAR}-03`);
    }, () => findTask('province', `${YEAR}-03`, 'draft-circulation'));
  });
  await step('circulation: draft, approve', async () => {
    await doTask(browser, 'province', { businessKey: `${YEAR}-03`, taskKey: 'draft-circulation', name: N.draft,
      label: 'draft-circulation', formFile: 'circulation-draft.form' }, async (page) => {
      await field(page, 'namedUnitCodes').fill('u030,u001');
      await field(page, 'circulationTitle').fill(`关于${YEAR}年3月“人人持证、技能河南”工作进度的通报`);
      await field(page, 'circulationBody').fill('河南工业大学、郑州市3月月报逾期未报。\n请被通报单位认真整改。');
    });
    await doTask(browser, 'leader', { businessKey: `${YEAR}-03`, taskKey: 'approve-circulation', name: N.approveCirculation,
      label: 'approve-circulation', formFile: 'circulation-approve.form' }, async (page) => {
      await choose(page, '批准发布');
    });
  });
  await step('circulation: a named unit acknowledges', async () => {
    await doTask(browser, 'u030-leader', { businessKey: `${YEAR}-03`, taskKey: 'acknowledge-circulation',
      name: N.acknowledge, label: 'acknowledge-circulation', formFile: 'circulation-acknowledge.form' }, async (page) => {
      await field(page, 'rectificationMeasures').fill('学校成立专班，每月25日前完成月报。');
      await choose(page, '已阅读通报');
    });
  });
  await step('circulation: a week later province-edu chases the unit that did not acknowledge', async () => {
    await advanceUntil('催促单位确认通报', () => findTask('province', `${YEAR}-03`, 'chase-acknowledgement'),
      `${YEAR}-04-30T00:00:00Z`);
    await doTask(browser, 'province', { businessKey: `${YEAR}-03`, taskKey: 'chase-acknowledgement', name: N.chase,
      form: 'generic', label: 'chase-acknowledgement' });
  });

  // ---------------------------------------------------------------- Cockpit, Admin and the app's pages
  await step('Cockpit and the app pages', async () => {
    await pages();
  }, { independent: true });
}

/**
 * Sign, upload the stamped scan, both reviews; the report ends accepted. With faintSeal the scan carries no seal the
 * check recognises: the form warns, the filer ticks 公章印迹较浅 and explains, the reviewers see 未检测到公章. With
 * batchSkills the skills review is accepted on the batch review page instead of Tasklist.
 */
async function monthSteps(kind, unit, key, skillsReviewer, onePlusXReviewer, { faintSeal = false, batchSkills = false } = {}) {
  await step(`month (${kind}): the leader signs`, async () => {
    await doTask(browser, `${unit}-leader`, { businessKey: key, taskKey: 'sign-report', name: N.sign,
      label: `sign-${unit}`, formFile: 'monthly-report-sign.form' }, async (page) => {
      // the figures as a table (a text component), in columns
      const table = page.locator('.task-details table:visible').first();
      if (!(await table.count()) || !/培训/.test(await table.innerText())) {
        fail(`组长签字 ${unit}: the form does not show the figures as a table`);
      }
      await choose(page, '签字同意');
    });
  });
  await step(`month (${kind}): the stamped scan is uploaded`, async () => {
    const printed = await reportPdf(unit, key);
    const scan = await stampedScan(unit, key, faintSeal);
    await doTask(browser, `${unit}-filer`, { businessKey: key, taskKey: 'upload-stamped-scan', name: N.upload,
      form: 'embedded', label: `upload-${unit}`, formFile: 'monthly-report-upload.html' }, async (page) => {
      // the generated PDF itself, unprinted, is refused at once: print, sign, stamp and scan it
      await page.locator('#stampedScan').setInputFiles(printed);
      const refusal = await until('the scan check refusing the unprinted report PDF', async () => {
        const shown = page.locator('.task-details .alert-warning:visible');
        return (await shown.count()) ? shown.first().innerText() : null;
      }, 30000);
      if (!/打印/.test(refusal) || !/扫描/.test(refusal)) fail(`上传盖章扫描件 ${unit}: the unprinted PDF was not told to be printed and scanned: ${refusal}`);
      await shot(page, `upload-${unit}-unprinted-refused`);
      await page.locator('#stampedScan').setInputFiles(scan);
      if (faintSeal) {
        const warning = await until('the scan check warning that no seal was recognised', async () => {
          const shown = page.locator('.task-details .alert-warning:visible');
          const text = (await shown.count()) ? await shown.first().innerText() : '';
          return /未检测到公章/.test(text) ? text : null;
        }, 30000);
        if (!/公章印迹较浅/.test(warning)) fail(`上传盖章扫描件 ${unit}: the seal warning does not say how to go on: ${warning}`);
        await shot(page, `upload-${unit}-no-seal-warned`);
        await page.locator('label').filter({ hasText: '公章印迹较浅' }).locator('input[type=checkbox]').check();
        await page.locator('#scanExplanation').fill('印泥不足，公章颜色较浅，已在“填报单位（公章）”处盖章。');
        return;
      }
      const passed = page.locator('.alert-success:visible');
      const warned = page.locator('.task-details .alert-warning:visible');
      await until('the scan check of the upload form', async () => (await passed.count()) + (await warned.count()) > 0, 30000);
      if (await warned.count()) fail(`上传盖章扫描件 ${unit}: the scan check refused the scan: ${await warned.first().innerText()}`);
    });
  });
  await step(`month (${kind}): reviews, accepted`, async () => {
    if (batchSkills) {
      await batchAccept(skillsReviewer, unit);
    } else {
      await doTask(browser, skillsReviewer, { businessKey: key, taskKey: 'review-skills', name: N.reviewSkills,
        label: `review-skills-${unit}`, formFile: 'monthly-report-review.form' }, async (page) => {
        await scanNoticeSays(page, unit, faintSeal ? /未检测到公章[\s\S]*印泥不足/ : /已识别到公章印迹/);
        await choose(page, '通过');
      });
    }
    await doTask(browser, onePlusXReviewer, { businessKey: key, taskKey: 'review-one-plus-x', name: N.review1x,
      label: `review-1x-${unit}`, formFile: 'monthly-report-review-1x.form' }, async (page) => {
      if (batchSkills) await scanNoticeSays(page, unit, /已识别到公章印迹/);
      await choose(page, '通过');
    });
    await until(`report ${key} accepted (no open instance)`, async () => {
      const open = await restOk('province', 'GET', `/engine-rest/process-instance?businessKey=${encodeURIComponent(key)}`);
      return open.length === 0;
    }, 30000);
  });
}

/**
 * The skills reviewer opens the batch review page from Tasklist's header: the report is listed without flags and
 * pre-selected; 通过所选 accepts it and the page names it among the accepted.
 */
async function batchAccept(user, unit) {
  const { page } = await session(browser, user);
  await gotoApp(page, TASKLIST);
  const link = page.locator('#skills-batch-review');
  await link.waitFor({ timeout: 20000 }).catch(() => fail('Tasklist: no link to the batch review page in its header'));
  await visit(page, `batch-review-${unit}`, BASE + '/batch-review.html', '#reviews tr');
  const row = page.locator('#reviews tr').filter({ hasText: `（${unit}）` });
  if (await row.count() !== 1) fail(`batch review: ${unit} is not listed once: ${await page.locator('#reviews').innerText()}`);
  const flags = (await row.locator('td').nth(16).innerText()).trim(); // after the box, unit, month, lane and 12 figures
  if (flags !== '无') fail(`batch review: ${unit} shows flags «${flags}»`);
  if (!(await row.locator('input[type=checkbox]').isChecked())) fail(`batch review: ${unit} (no flags) is not pre-selected`);
  await page.locator('#accept').click(); // the confirmation dialog is accepted by the session
  const outcome = await until('the batch review outcome', async () => {
    const shown = page.locator('#result li.ok');
    return (await shown.count()) ? page.locator('#result').innerText() : null;
  }, 30000);
  if (!outcome.includes(`${YEAR}-03/${unit}`) || !/已通过 \d+ 份/.test(outcome)) fail(`batch review: ${unit} not accepted: ${outcome}`);
  await checkEnglish(page, `batch-review-${unit}-accepted`);
  await shot(page, `batch-review-${unit}-accepted`);
  log(`  batch review: ${outcome.split('\n')[0]}`);
}

/** The reviewer's form shows what the scan check found about the seal (a read-only textarea of the Camunda Form). */
async function scanNoticeSays(page, unit, expected) {
  const notice = await until('the scan notice on the review form', async () => {
    const values = await page.locator('.fjs-form textarea').evaluateAll((areas) => areas.map((a) => a.value));
    return values.find((v) => /公章/.test(v)) || null;
  }, 20000).catch(() => '');
  if (!expected.test(notice)) fail(`review of ${unit}: the scan notice does not say ${expected}: «${notice}»`);
}

/** A real PDF for the institution's documents: the year's notice as the college downloads it from 接收年度任务. */
async function noticePdf() {
  const out = path.resolve(FILES, 'institution-documents.pdf');
  const answer = await fetch(`${BASE}/api/allocations/${YEAR}/notice.pdf`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`u029-filer:${password('u029-filer')}`).toString('base64') } });
  if (!answer.ok) throw new Error(`notice.pdf of ${YEAR}: ${answer.status}`);
  fs.writeFileSync(out, Buffer.from(await answer.arrayBuffer()));
  return out;
}

/** The report PDF of the signed version, downloaded as its filer does. */
async function reportPdf(unit, key) {
  const out = path.resolve(FILES, `report-${unit}.pdf`);
  // rendered by the job executor once the leader's signature has committed: a moment after the signature
  const answer = await until(`report.pdf of ${key}`, async () => {
    const tried = await fetch(`${BASE}/api/reports/${key.replace(/\/.*/, '')}/${unit}/report.pdf`, {
      headers: { Authorization: 'Basic ' + Buffer.from(`${unit}-filer:${password(unit + '-filer')}`).toString('base64') } });
    return tried.ok ? tried : null;
  }, 30000, 500);
  fs.writeFileSync(out, Buffer.from(await answer.arrayBuffer()));
  return out;
}

/**
 * The stamped scan of the report's signed version: the JUnit side (BrowserSuiteTest) prints, stamps and scans it
 * (pdf/Scans) on request; with faintSeal, a seal too faint to be recognised. The upload refuses the unprinted PDF, so a run without BrowserSuiteTest stops here.
 */
async function stampedScan(unit, key, faintSeal) {
  if (process.env.SCAN_REQUESTS !== 'stdout') {
    throw new Error(`the stamped scan of ${key}: only BrowserSuiteTest makes real scans (the upload refuses the`
      + ' unprinted report PDF); run: mvn -B -ntp test -Dtest=BrowserSuiteTest');
  }
  const out = path.resolve(FILES, `scan-${unit}.pdf`);
  console.log(`SCAN-REQUEST ${key} ${out}${faintSeal ? ' faint-seal' : ''}`);
  await until(`the stamped scan of ${key} from BrowserSuiteTest`, () => fs.existsSync(out), 60000, 200);
  return out;
}

async function confirmWarnings(page) {
  const confirm = page.locator('.fjs-form label').filter({ hasText: /我已核实/ });
  if (await confirm.count() && await confirm.first().isVisible()) await confirm.first().click();
}

/** The form-js date picker: types the date in the picker's own format (its placeholder) and closes the picker. */
async function pickDate(page, iso) {
  const input = page.locator('.fjs-form input[placeholder*="yyyy" i]:visible').first();
  const placeholder = ((await input.getAttribute('placeholder')) || 'yyyy/mm/dd').toLowerCase();
  const [y, m, d] = iso.split('-');
  await input.fill(placeholder.replace('yyyy', y).replace('mm', m).replace('dd', d));
  await input.press('Enter');
  await input.press('Tab'); // closes the picker (Escape would close a start form's dialog)
}

/** Clicks complete expecting a Chinese refusal (no Camunda English around it); the task stays open. */
async function refusedInBrowser(page, user, task, label, mustMatch) {
  const button = page.locator('.task-details button:visible').filter({ hasText: /^\s*(?:完成|Complete)\s*$/ }).last();
  await button.click();
  const texts = await until(`${label}: a refusal`, async () => {
    const errs = await errors(page);
    if (errs.length) return errs;
    const inline = await page.locator('.fjs-form .fjs-form-field-error:visible, .fjs-form-field-error:visible').allInnerTexts();
    return inline.filter((t) => t.trim()).length ? inline : null;
  }, 20000);
  await shot(page, label);
  await checkEnglish(page, label);
  if (!mustMatch.test(texts.join(' '))) fail(`${label}: refusal does not say ${mustMatch}: ${texts.join(' | ')}`);
  if ((await rest(user, 'GET', `/engine-rest/task/${task.id}`)).status !== 200) fail(`${label}: the task is gone after a refusal`);
  const closes = page.locator('.notifications .close:visible');
  for (let i = await closes.count(); i > 0; i--) await closes.first().click().catch(() => {});
  log(`  ${label}: refused as expected: ${texts.join(' | ').slice(0, 160)}`);
}

/** Tasklist's 启动流程: picks the process, fills its start form, starts it and waits until `started()` holds. */
async function startProcess(user, processName, label, formFile, fill, started, { refusal, retry } = {}) {
  const t0 = Date.now();
  const { page } = await session(browser, user);
  await gotoApp(page, TASKLIST);
  await page.locator('a:visible').filter({ hasText: /^\s*(?:启动流程|Start process)\s*$/ }).first().click();
  const modal = page.locator('.modal-dialog');
  await modal.locator('ul.processes a').first().waitFor();
  await modal.locator('ul.processes a').filter({ hasText: processName }).first().click();
  await modal.locator('[cam-variable-name], .fjs-form .fjs-form-field').first().waitFor()
    .catch(async (e) => { throw new Error(`start form of ${processName} did not open: ${(await errors(page)).join(' | ') || e.message.split('\n')[0]}`); });
  await checkEnglish(page, `${label} (open)`);
  await shot(page, label + '-open');
  await fill(modal, page);
  const startButton = modal.locator('button:visible').filter({ hasText: /^\s*(?:开始|Start)\s*$/ }).last();
  await startButton.click();
  if (refusal) {
    const texts = await until(`${label}: refused at the start`, async () => {
      const errs = await errors(page);
      return errs.length ? errs : null;
    }, 60000, 300);
    await shot(page, label + '-refused');
    await checkEnglish(page, label + ' (refused)');
    if (!refusal.test(texts.join(' '))) fail(`${label}: refusal does not say ${refusal}: ${texts.join(' | ')}`);
    if (!(await modal.isVisible())) fail(`${label}: the start form closed after a refusal`);
    log(`  ${label}: refused as expected: ${texts.join(' | ').slice(0, 160)}`);
    await dismissNotifications(page);
    await retry(modal, page);
    await startButton.click();
  }
  await until(`${label}: started or an error`, async () => {
    const errs = await errors(page);
    if (errs.length) throw new Error(`${label}: Tasklist refused the start: ${errs.join(' | ')}`);
    return started();
  }, 60000, 300);
  await checkEnglish(page, label);
  await shot(page, label);
  results.forms.add(formFile);
  results.taskTimes.push({ task: label, user, ms: Date.now() - t0 });
  log(`  ${label} as ${user}: started in ${Date.now() - t0} ms`);
}

/** Cockpit, Admin, the welcome page, the dashboard, the demo-clock and process-versions pages: they open, no failing English. */
async function pages() {
  const { page } = await session(browser, 'admin');
  const visits = [
    ['cockpit-dashboard', BASE + '/camunda/app/cockpit/default/#/dashboard', '.dashboard, [cam-dashboard], .processes-dashboard, body'],
    ['cockpit-processes', BASE + '/camunda/app/cockpit/default/#/processes', 'table, .process-definitions-list, body'],
    ['admin-users', BASE + '/camunda/app/admin/default/#/users', 'table, body'],
    ['welcome', BASE + '/camunda/app/welcome/default/', 'body'],
    ['demo-clock-page', BASE + '/demo-clock.html', 'body'],
  ];
  for (const [label, url, ready] of visits) await visit(page, label, url, ready);
  // the process administrator's versions page lists the models with their versions
  await visit(page, 'process-versions', BASE + '/process-versions.html', '#models tr');
  const listed = await page.locator('#models').innerText();
  if (!listed.includes('（monthly-report）')) fail(`process-versions: monthly-report not listed: ${listed.slice(0, 200)}`);
  const definitions = await restOk('admin', 'GET', '/engine-rest/process-definition?key=monthly-report&latestVersion=true');
  if (definitions[0]) {
    await visit(page, 'cockpit-monthly-report', `${BASE}/camunda/app/cockpit/default/#/process-definition/${definitions[0].id}/runtime`,
      'svg, .diagram, body');
  }
  const late = await restOk('admin', 'GET', `/engine-rest/process-instance?businessKey=${YEAR}-04/u030`);
  if (late[0]) {
    await visit(page, 'cockpit-instance', `${BASE}/camunda/app/cockpit/default/#/process-instance/${late[0].id}/runtime`,
      'svg, .diagram, body');
  }
  const province = (await session(browser, 'province')).page;
  await visit(province, 'dashboard-province', BASE + '/dashboard.html', 'body');
  // where a figure comes from: the summary's cumulative training opens to the reports that add up to it
  const figure = province.locator('#summary a.source').first();
  await figure.waitFor({ timeout: 20000 });
  const shown = (await figure.innerText()).trim();
  await figure.click();
  await province.locator('#sources table').waitFor({ timeout: 20000 });
  const total = (await province.locator('#sources tr').last().locator('th.num').innerText()).trim();
  if (total !== shown) fail(`dashboard sources: the reports add up to ${total}, the figure shown is ${shown}`);
  await checkEnglish(province, 'dashboard-sources');
  await shot(province, 'dashboard-sources');
  log(`  dashboard: the figure ${shown} opens to its reports`);
  // the register of evaluation institutions: the college's approved one, as province-hrss sees it
  const hrss = (await session(browser, 'hrss')).page;
  await visit(hrss, 'institutions-register', BASE + '/institutions.html', '#register section');
  const register = await hrss.locator('#register').innerText();
  if (!/河南理工大学职业技能等级认定中心/.test(register) || !/已备案/.test(register)) fail(`institutions register: ${register.slice(0, 200)}`);
  const city = (await session(browser, 'u001-filer')).page;
  await visit(city, 'dashboard-city', BASE + '/dashboard.html', 'body');
  await visit(city, 'tasklist-city', TASKLIST, '.tasks-list');
}

async function visit(page, label, url, ready) {
  const t0 = Date.now();
  const response = await gotoApp(page, url);
  if (response && response.status() >= 400) fail(`${label}: ${url} answered ${response.status()}`);
  await page.locator(ready).first().waitFor({ timeout: 20000 }).catch(() => fail(`${label}: ${ready} did not show`));
  // Cockpit fills its lists after the page: wait until no loading indicator is left
  await until(`${label}: loaded`, async () => (await page.getByText(/^\s*(?:Loading…?\.{0,3}|加载中…?)\s*$/)
    .filter({ visible: true }).count()) === 0, 20000, 300).catch(() => pending(`${label}: still loading after 20 s`));
  await checkEnglish(page, label);
  await shot(page, label);
  log(`  page ${label} in ${Date.now() - t0} ms`);
}

function report() {
  const seconds = ((Date.now() - run) / 1000).toFixed(1);
  const covered = [...results.forms].sort();
  const missing = ALL_FORMS.filter((f) => !results.forms.has(f));
  const times = results.taskTimes.map((t) => t.ms).sort((a, b) => a - b);
  const median = times.length ? times[Math.floor(times.length / 2)] : 0;
  const mean = times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : 0;
  const lines = [
    '', '==== browser suite ====',
    `suite time: ${seconds} s`,
    `forms covered: ${covered.length} / ${ALL_FORMS.length} in forms/` + (missing.length ? ` (not covered: ${missing.join(', ')})` : ''),
    `open + fill + complete in the browser: ${times.length} tasks/starts, median ${median} ms, mean ${mean} ms, max ${times.at(-1) || 0} ms`,
    ...results.taskTimes.map((t) => `  ${t.task} (${t.user}): ${t.ms} ms`),
    `steps: ${results.steps.filter((s) => s.ok).length} ok, ${results.steps.filter((s) => !s.ok && !s.skipped).length} failed, `
      + `${results.steps.filter((s) => s.skipped).length} skipped`,
    ...[...results.english].map(([label, where]) => `PENDING English "${label}" on ${where.size} page(s): `
      + [...where].slice(0, 6).join(', ') + (where.size > 6 ? ', …' : '')),
    ...results.pending.map((p) => 'PENDING ' + p),
    ...results.failures.map((f) => 'FAILURE ' + f),
  ];
  if (missing.length) lines.push(`FAILURE forms not covered: ${missing.join(', ')}`);
  console.log(lines.join('\n'));
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, 'summary.txt'), lines.join('\n') + '\n');
  process.exitCode = results.failures.length || missing.length ? 1 : 0;
}
