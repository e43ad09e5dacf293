// Batch review (批量审核): the reviews waiting for the signed-in user (GET /api/reviews) with figures, rates and flags;
// the clean ones are selected with one click and accepted together (POST /api/reviews/accept). A flagged report is
// accepted only when ticked by hand; returning stays in Tasklist, one report at a time, with its reason.
(() => {
  const $ = id => document.getElementById(id);
  const say = (text, className) => { $('message').textContent = text; $('message').className = className || ''; };
  const cell = (row, text, className) => {
    const td = row.insertCell();
    td.textContent = text;
    if (className) { td.className = className; }
    return td;
  };
  const rate = r => r === null || r === undefined ? '—' : Number(r).toFixed(1) + '%'; // one decimal, as elsewhere
  let rows = [];

  const selected = () => rows.filter(r => r.box.checked);
  const update = () => {
    const n = selected().length;
    $('accept').disabled = n === 0;
    $('accept').textContent = n ? '通过所选（' + n + ' 份）' : '通过所选';
  };

  const show = () => {
    const filter = $('flag').value;
    const body = $('reviews');
    body.replaceChildren();
    const shown = r => filter === '' || (filter === 'NONE' ? r.review.flags.length === 0
      : filter === 'ANY' ? r.review.flags.length > 0 : r.review.flags.some(f => f.code === filter));
    rows.filter(shown).forEach(r => {
      const w = r.review;
      const row = body.insertRow();
      row.dataset.task = w.taskId;
      if (w.flags.length) { row.className = 'flagged'; }
      row.insertCell().append(r.box);
      cell(row, w.unitName + '（' + w.unitCode + '）');
      cell(row, w.year + '年' + w.month + '月（第 ' + w.version + ' 版）');
      cell(row, w.laneName);
      w.figures.forEach(f => {
        cell(row, String(f.month), 'num');
        cell(row, String(f.cumulative), 'num');
        cell(row, f.annualTask === null ? '——' : rate(f.rate), 'num');
      });
      const flags = row.insertCell();
      w.flags.forEach(f => {
        const span = document.createElement('span');
        span.className = 'flag';
        span.textContent = f.label;
        span.title = f.text;
        flags.append(span);
      });
      if (!w.flags.length) { flags.textContent = '无'; }
      const links = row.insertCell();
      const open = document.createElement('a');
      open.href = '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(w.taskId);
      open.textContent = '在任务列表中办理';
      links.append(open);
      [['月报 PDF', w.reportPdfUrl], ['扫描件', w.scanUrl]].filter(l => l[1]).forEach(([label, href]) => {
        const a = document.createElement('a');
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener';
        a.textContent = label;
        links.append(document.createElement('br'), a);
      });
    });
    update();
  };

  const load = async () => {
    const year = $('year').value;
    const month = $('month').value;
    const query = year ? '?year=' + encodeURIComponent(year) + (month ? '&month=' + encodeURIComponent(month) : '') : '';
    say('正在读取……');
    const reviews = await webappSession.call('GET', '/api/reviews' + query);
    rows = reviews.map(review => {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.setAttribute('aria-label', '选择 ' + review.unitName);
      box.addEventListener('change', update);
      return { review, box };
    });
    const flagged = reviews.filter(r => r.flags.length).length;
    // one filter option per flag present, after 全部 / 无标记 / 有标记
    const select = $('flag');
    const kept = select.value;
    [...select.options].slice(3).forEach(o => o.remove());
    const labels = new Map();
    reviews.forEach(r => r.flags.forEach(f => labels.set(f.code, f.label)));
    labels.forEach((label, code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = '仅' + label;
      select.append(option);
    });
    select.value = [...select.options].some(o => o.value === kept) ? kept : '';
    say('共 ' + reviews.length + ' 份月报等待您审核，其中 ' + flagged + ' 份有标记。', 'muted');
    show();
  };

  const showResult = outcome => {
    const box = $('result');
    box.replaceChildren();
    const summary = document.createElement('p');
    summary.className = outcome.skipped.length ? 'error' : 'ok';
    summary.id = 'outcome';
    summary.textContent = '已通过 ' + outcome.accepted.length + ' 份' + (outcome.skipped.length
      ? '；未通过 ' + outcome.skipped.length + ' 份，原因如下：' : '。');
    box.append(summary);
    const list = document.createElement('ul');
    outcome.accepted.forEach(a => {
      const li = document.createElement('li');
      li.className = 'ok';
      li.textContent = '已通过：' + (a.unitName || a.businessKey) + '（' + a.businessKey + '，' + a.laneName + '）';
      list.append(li);
    });
    outcome.skipped.forEach(s => {
      const li = document.createElement('li');
      li.className = 'error';
      li.textContent = '未通过：' + (s.unitName || s.businessKey || '任务 ' + s.taskId) + '——' + s.reason;
      list.append(li);
    });
    box.append(list);
  };

  const accept = async () => {
    const chosen = selected();
    const flagged = chosen.filter(r => r.review.flags.length).length;
    if (!window.confirm('通过所选的 ' + chosen.length + ' 份月报' + (flagged ? '（其中 ' + flagged + ' 份有标记）' : '')
      + '？通过后计入单位累计完成情况。')) { return; }
    $('accept').disabled = true;
    say('正在逐份办理……');
    try {
      showResult(await webappSession.call('POST', '/api/reviews/accept',
        chosen.map(r => ({ taskId: r.review.taskId, token: r.review.token }))));
      await load();
    } catch (e) {
      say(e.message, 'error');
      update();
    }
  };

  for (let m = 1; m <= 12; m++) {
    const option = document.createElement('option');
    option.value = String(m);
    option.textContent = m + '月';
    $('month').append(option);
  }
  $('load').addEventListener('click', () => load().catch(e => say(e.message, 'error')));
  $('flag').addEventListener('change', show);
  $('select-clean').addEventListener('click', () => {
    rows.forEach(r => { r.box.checked = r.review.flags.length === 0; });
    update();
  });
  $('select-none').addEventListener('click', () => { rows.forEach(r => { r.box.checked = false; }); update(); });
  $('accept').addEventListener('click', accept);

  webappSession.user().then(user => {
    if (!user) {
      say('请先登录任务列表，再刷新本页面。', 'error');
      return;
    }
    $('who').textContent = user.userId;
    $('signout').hidden = false;
    $('signout').addEventListener('click', event => { event.preventDefault(); webappSession.signOut(); });
    load().then(() => {
      rows.forEach(r => { r.box.checked = r.review.flags.length === 0; }); // the clean ones, pre-selected
      update();
    }).catch(e => say(e.message, 'error'));
  });
})();
