// moved out of dashboard.html so that the page's Content-Security-Policy allows scripts from the app only
const INDICATORS = [['training', '培训', '#3b7dd8', '人次'], ['certification', '取证', '#2a9d54', '人'],
  ['advanced', '高级工及以上', '#e08a1e', '人'], ['onePlusX', '1+X 证书', '#8a4fc9', '人']];
const yearSelect = document.getElementById('year');
const monthSelect = document.getElementById('month');
for (let m = 3; m <= 12; m++) { monthSelect.add(new Option(m + ' 月', m)); }
const pad = m => String(m).padStart(2, '0');
const get = path => webappSession.call('GET', path);
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
// reports run from March to December: month m's time progress is (m - 2) tenths of the year
const timeProgress = m => (m - 2) * 10;

function totalsOf(progress) {
  if (progress.totals) { return progress.totals; }
  // a city's own view: its entry (with its schools) is the total
  return progress.units.length ? progress.units[0].indicators : {};
}

function drawChart(months) {
  const svg = document.getElementById('chart'), W = 900, H = 260, L = 40, B = 30;
  const x = m => L + (m - 3) * (W - L - 20) / 9, y = v => H - B - (Math.min(v, 120) / 120) * (H - B - 10);
  let s = '';
  for (let v = 0; v <= 120; v += 20) {
    s += `<line x1="${L}" x2="${W - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="4" y="${y(v) + 4}">${v}%</text>`;
  }
  for (let m = 3; m <= 12; m++) { s += `<text x="${x(m) - 8}" y="${H - 8}">${m}月</text>`; }
  // every month gets a dot, so one month alone is drawn too; the line joins two or more
  const series = (points, color, dash) => (points.length > 1
    ? `<polyline fill="none" stroke="${color}" stroke-width="2" ${dash ? 'stroke-dasharray="5,4"' : ''} points="${points.map(p => p.join(',')).join(' ')}"/>` : '')
    + points.map(([px, py]) => `<circle cx="${px}" cy="${py}" r="${dash ? 3 : 4}" fill="${color}"/>`).join('');
  s += series(months.map(m => [x(m.month), y(timeProgress(m.month))]), '#999', true);
  INDICATORS.forEach(([key, , color]) => {
    s += series(months.filter(m => m.totals[key] && m.totals[key].rate != null)
      .map(m => [x(m.month), y(Number(m.totals[key].rate))]), color);
  });
  svg.innerHTML = s;
  document.getElementById('legend').innerHTML = '<span style="color:#999">- - 时间进度</span>'
    + INDICATORS.map(([, name, color]) => `<span style="color:${color}">● ${name}累计完成率</span>`).join('');
}

// a figure opens to the accepted reports it is made of (GET /api/progress/{year}/sources)
const sourceLink = (value, indicator, unit) =>
  `<a href="#sources" class="source" data-indicator="${indicator}" data-unit="${esc(unit || '')}" title="查看这个数字由哪些月报组成">${value}</a>`;

function drawSummary(year, month, progress) {
  const totals = totalsOf(progress);
  const scopeUnit = progress.totals ? null : (progress.units.length ? progress.units[0].code : null);
  const scope = progress.totals ? '全省' : esc(progress.units.length ? progress.units[0].name : '本单位');
  const time = timeProgress(month);
  const lines = INDICATORS.map(([key, name, , unit]) => {
    const t = totals[key];
    if (!t) { return ''; }
    const figure = sourceLink(t.cumulative, key, scopeUnit);
    if (t.rate == null) { return `<li>${name}：累计 ${figure} ${unit}（没有年度任务要求，不计算完成率）</li>`; }
    const rate = Number(t.rate), gap = rate - time;
    const compare = Math.abs(gap) < 0.05 ? '与时间进度持平'
      : gap > 0 ? `超过时间进度 ${gap.toFixed(1)} 个百分点` : `落后时间进度 ${(-gap).toFixed(1)} 个百分点`;
    return `<li>${name}：累计 ${figure} ${unit}，年度任务 ${t.annualTask} ${unit}，完成 ${rate.toFixed(1)}%，${compare}</li>`;
  }).join('');
  document.getElementById('summary').innerHTML = `<p>截至 ${year} 年 ${month} 月，${scope}已通过审核的累计完成情况；`
    + `时间进度为 ${time}%（3 月至 12 月共十个月，每过一个月增加 10%）。</p><ul>${lines}</ul>`;
}

function drawRanking(progress) {
  const rows = [];
  progress.units.forEach(u => { rows.push(u); (u.schools || []).forEach(s => rows.push({ ...s, school: true })); });
  rows.sort((a, b) => Number(b.indicators.training.rate ?? -1) - Number(a.indicators.training.rate ?? -1));
  document.getElementById('ranking').innerHTML = '<table><tr><th>名次</th><th>单位</th><th>培训 累计 / 年度任务</th><th>完成率</th><th></th></tr>'
    + rows.map((u, i) => {
      const t = u.indicators.training, rate = t.rate == null ? null : Number(t.rate);
      return `<tr><td>${i + 1}</td><td>${u.school ? '　' : ''}${esc(u.name)}</td><td class="num">${sourceLink(t.cumulative, 'training', u.code)} / ${t.annualTask ?? '——'}</td>`
        + `<td class="num">${rate == null ? '—' : rate.toFixed(1) + '%'}</td><td><span class="bar" style="width:${Math.min(rate ?? 0, 100) * 2}px"></span></td></tr>`;
    }).join('') + '</table>';
}

function drawLists(evaluation) {
  const list = (title, items) => `<h3>${title}（${items.length} 个）</h3>` + (items.length
    ? '<ul>' + items.map(u => `<li>${esc(u.name)}：${esc((u.findings || []).join('；'))}</li>`).join('') + '</ul>'
    : '<p class="muted">无</p>');
  document.getElementById('lists').innerHTML = (evaluation.error
    ? `<p class="error">${esc(evaluation.error)}</p>`
    : `<p>本月时间进度 ${evaluation.timeProgress}%：累计完成率低于时间进度超过 ${evaluation.threshold} 个百分点的，列为“进度缓慢”；`
      + `在同类单位（如省辖市、高职院校、市属中职学校）中完成率居${esc(evaluation.thresholds.skills.lowLabel)}的，列为“完成率低”，名次从最后一名往前数`
      + `（阈值见规则表“评价阈值”${evaluation.thresholds.onePlusX.slowMarginPoints != evaluation.threshold ? `，1+X 证书缓慢阈值 ${evaluation.thresholds.onePlusX.slowMarginPoints} 个百分点` : ''}）。</p>`)
    + list('进度缓慢（培训、取证、高级工）', evaluation.slowUnits) + list(`完成率低（同类单位${esc(evaluation.thresholds?.skills.lowLabel)}）`, evaluation.lowUnits)
    + list('1+X 进度缓慢', evaluation.slowOnePlusX) + list('1+X 完成率低', evaluation.lowOnePlusX)
    + list('逾期报送', evaluation.lateUnits) + list('本月未报', evaluation.missingUnits)
    + list('证书等级政策提示', evaluation.certificateFindings);
}

async function showSources(indicator, unit) {
  const year = Number(yearSelect.value), month = Number(monthSelect.value);
  const box = document.getElementById('sources');
  box.innerHTML = '<p class="muted">加载中……</p>';
  box.scrollIntoView();
  try {
    const s = await get(`/api/progress/${year}/sources?month=${year}-${pad(month)}&indicator=${indicator}`
      + (unit ? `&unit=${encodeURIComponent(unit)}` : ''));
    const time = t => t ? new Date(t).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';
    box.innerHTML = `<p>${esc(s.unitName)}截至 ${esc(s.month)} 的${esc(s.indicatorName)}累计 <b>${s.figure}</b>，`
      + `由下列 ${s.reports.length} 份已通过审核的月报组成（只列本项不为 0 的月报）：</p>`
      + '<table><tr><th>单位</th><th>月份</th><th>本月数</th><th>版本</th><th>组长签字</th><th>审核通过</th><th>月报</th></tr>'
      + s.reports.map(r => `<tr><td>${esc(r.unitName)}</td><td>${esc(r.month)}</td><td class="num">${r.value}</td>`
        + `<td class="num">第 ${r.version} 版</td><td>${esc(r.signedBy || '—')}（${time(r.signedAt)}）</td>`
        + `<td>${esc(r.acceptedBy || '—')}（${time(r.acceptedAt)}）</td>`
        + `<td><a href="${esc(r.reportPdf)}" target="_blank">PDF</a> · <a href="${esc(r.scan)}" target="_blank">盖章扫描件</a></td></tr>`).join('')
      + `<tr><th colspan="2">合计</th><th class="num">${s.figure}</th><th colspan="4"></th></tr></table>`;
  } catch (e) {
    box.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

document.addEventListener('click', event => {
  const link = event.target.closest('a.source');
  if (!link) { return; }
  event.preventDefault();
  showSources(link.dataset.indicator, link.dataset.unit || null);
});

async function load() {
  const year = Number(yearSelect.value), month = Number(monthSelect.value);
  const key = `${year}-${pad(month)}`;
  // every view is of one year (a renamed unit under its name of that year): the heading says which
  document.getElementById('title').textContent = `“人人持证、技能河南”进度看板 · ${year} 年`;
  document.getElementById('excel').href = `/api/reports/${key}/attachment2.xlsx`;
  const message = document.getElementById('message');
  message.className = ''; message.textContent = '加载中……';
  try {
    const months = [];
    for (let m = 3; m <= month; m++) {
      const p = await get(`/api/progress/${year}?month=${year}-${pad(m)}`);
      months.push({ month: m, totals: totalsOf(p), progress: p });
    }
    const current = months[months.length - 1].progress;
    drawSummary(year, month, current);
    drawChart(months);
    drawRanking(current);
    drawLists(await get(`/api/evaluation/${key}`).catch(e => ({ slowUnits: [], lowUnits: [], slowOnePlusX: [],
      lowOnePlusX: [], lateUnits: [], missingUnits: [], certificateFindings: [], error: e.message })));
    message.textContent = '';
  } catch (e) {
    message.className = 'error';
    message.textContent = '读取失败：' + e.message;
  }
}

// opens on the engine's current month (the demo clock's date in the demo); before March, on the last year's December
async function start() {
  const user = await webappSession.user();
  document.getElementById('who').textContent = user ? '当前登录：' + user.userId : '尚未登录';
  document.getElementById('signout').hidden = !user;
  if (!user) {
    const message = document.getElementById('message');
    message.className = 'error';
    message.textContent = '请先登录任务列表（点击左上角“返回任务列表”登录），再回到本页面。';
    return;
  }
  const clock = await get('/api/demo-clock').catch(() => null);
  const today = clock && clock.today ? clock.today : new Date().toISOString().slice(0, 10);
  let year = Number(today.slice(0, 4)), month = Number(today.slice(5, 7));
  if (month < 3) { year -= 1; month = 12; }
  // every published year (a new year is distributed while the last one still runs), and the clock's year
  const published = await get('/api/allocations').catch(() => []);
  const years = [...new Set([...published, year])].sort((a, b) => a - b);
  for (const y of years) { yearSelect.add(new Option(y + ' 年', y)); }
  yearSelect.value = year;
  monthSelect.value = month;
  load();
}
document.getElementById('load').onclick = load;
yearSelect.onchange = load;
monthSelect.onchange = load;
document.getElementById('signout').onclick = event => { event.preventDefault(); webappSession.signOut(); };
start();
