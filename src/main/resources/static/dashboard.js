// moved out of dashboard.html so that the page's Content-Security-Policy allows scripts from the app only
const INDICATORS = [['training', '培训', '#3b7dd8'], ['certification', '取证', '#2a9d54'],
  ['advanced', '高级工及以上', '#e08a1e'], ['onePlusX', '1+X', '#8a4fc9']];
const monthSelect = document.getElementById('month');
for (let m = 3; m <= 12; m++) { monthSelect.add(new Option(m + ' 月', m)); }
const pad = m => String(m).padStart(2, '0');
const get = url => fetch(url, { credentials: 'same-origin' }).then(async r => {
  const body = await r.json().catch(() => ({}));
  if (!r.ok) { throw new Error(body.message || r.status); }
  return body;
});
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

function totalsOf(progress) {
  if (progress.totals) { return progress.totals; }
  // a city's own view: its entry (with its schools) is the total
  return progress.units.length ? progress.units[0].indicators : {};
}

function drawChart(months) {
  const svg = document.getElementById('chart'), W = 900, H = 260, L = 40, B = 30;
  const x = i => L + i * (W - L - 20) / 9, y = v => H - B - (Math.min(v, 120) / 120) * (H - B - 10);
  let s = '';
  for (let v = 0; v <= 120; v += 20) {
    s += `<line x1="${L}" x2="${W - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/><text x="4" y="${y(v) + 4}">${v}%</text>`;
  }
  for (let i = 0; i < 10; i++) { s += `<text x="${x(i) - 8}" y="${H - 8}">${i + 3}月</text>`; }
  const line = (pts, color, dash) => pts.length ? `<polyline fill="none" stroke="${color}" stroke-width="2" ${dash ? 'stroke-dasharray="5,4"' : ''} points="${pts.join(' ')}"/>` : '';
  s += line(months.map((m, i) => `${x(i)},${y(i * 10 + 10)}`), '#999', true);
  INDICATORS.forEach(([key, , color]) => {
    s += line(months.filter(m => m.totals[key] && m.totals[key].rate != null)
      .map(m => `${x(m.month - 3)},${y(Number(m.totals[key].rate))}`), color);
  });
  svg.innerHTML = s;
  document.getElementById('legend').innerHTML = '<span style="color:#999">- - 时间进度</span>'
    + INDICATORS.map(([, name, color]) => `<span style="color:${color}">■ ${name}</span>`).join('');
}

function drawRanking(progress) {
  const rows = [];
  progress.units.forEach(u => { rows.push(u); (u.schools || []).forEach(s => rows.push({ ...s, school: true })); });
  rows.sort((a, b) => Number(b.indicators.training.rate ?? -1) - Number(a.indicators.training.rate ?? -1));
  document.getElementById('ranking').innerHTML = '<table><tr><th>#</th><th>单位</th><th>培训 累计/任务</th><th>完成率</th><th></th></tr>'
    + rows.map((u, i) => {
      const t = u.indicators.training, rate = t.rate == null ? null : Number(t.rate);
      return `<tr><td>${i + 1}</td><td>${u.school ? '　' : ''}${esc(u.name)}</td><td class="num">${t.cumulative} / ${t.annualTask ?? '——'}</td>`
        + `<td class="num">${rate == null ? '—' : rate.toFixed(1) + '%'}</td><td><span class="bar" style="width:${Math.min(rate ?? 0, 100) * 2}px"></span></td></tr>`;
    }).join('') + '</table>';
}

function drawLists(evaluation) {
  const list = (title, items) => `<h3>${title}（${items.length}）</h3>` + (items.length
    ? '<ul>' + items.map(u => `<li>${esc(u.name)}：${esc((u.findings || []).join('；'))}</li>`).join('') + '</ul>'
    : '<p class="muted">无</p>');
  document.getElementById('lists').innerHTML = `<p>时间进度 ${evaluation.timeProgress}% ，缓慢阈值 ${evaluation.threshold} 个百分点。</p>`
    + list('进度缓慢（培训、取证、高级工）', evaluation.slowUnits) + list('完成率低（同类单位后十分之一）', evaluation.lowUnits)
    + list('1+X 进度缓慢', evaluation.slowOnePlusX) + list('1+X 完成率低', evaluation.lowOnePlusX)
    + list('逾期报送', evaluation.lateUnits) + list('本月未报', evaluation.missingUnits)
    + list('证书等级政策提示', evaluation.certificateFindings);
}

async function load() {
  const year = Number(document.getElementById('year').value), month = Number(monthSelect.value);
  const key = `${year}-${pad(month)}`;
  document.getElementById('excel').href = `/api/reports/${key}/attachment2.xlsx`;
  const message = document.getElementById('message');
  message.className = ''; message.textContent = '加载中……';
  try {
    const months = [];
    for (let m = 3; m <= month; m++) {
      const p = await get(`/api/progress/${year}?month=${year}-${pad(m)}`);
      months.push({ month: m, totals: totalsOf(p), progress: p });
    }
    drawChart(months);
    drawRanking(months[months.length - 1].progress);
    drawLists(await get(`/api/evaluation/${key}`).catch(e => ({ timeProgress: '—', threshold: '—', slowUnits: [],
      lowUnits: [], slowOnePlusX: [], lowOnePlusX: [], lateUnits: [], missingUnits: [], certificateFindings: [],
      error: e.message })));
    message.textContent = '';
  } catch (e) {
    message.className = 'error';
    message.textContent = '读取失败：' + e.message + '（请先登录任务列表）';
  }
}
document.getElementById('load').onclick = load;
monthSelect.value = 5;
load();
