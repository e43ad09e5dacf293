// The register of evaluation institutions (GET /api/institutions), per unit and kind, with the revocation for
// province-hrss (POST /api/institutions/{key}/revoke).
(() => {
  const $ = id => document.getElementById(id);
  const KINDS = [['COLLEGE_LEVEL', '院校类职业技能等级认定机构'], ['APPRAISAL', '职业技能考核鉴定机构'],
    ['SOCIAL', '面向社会人员的职业技能等级评价机构'], ['SPECIAL', '专项职业能力考核机构']];
  const day = iso => iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '';
  const say = (text, className) => { $('message').textContent = text; $('message').className = className || ''; };
  const cell = (row, text, className) => {
    const td = row.insertCell();
    td.textContent = text;
    if (className) { td.className = className; }
    return td;
  };
  let mayRevoke = false;

  const revoke = async institution => {
    const reason = window.prompt('撤销“' + institution.name + '”（' + institution.unitName + '）的备案，请填写撤销原因：');
    if (reason === null) { return; }
    try {
      await webappSession.call('POST', '/api/institutions/' + encodeURIComponent(institution.businessKey) + '/revoke',
        { reason });
      say('已撤销“' + institution.name + '”的备案。');
      await load();
    } catch (e) {
      say(e.message, 'error');
    }
  };

  const unitSection = unit => {
    const section = document.createElement('section');
    const head = document.createElement('h2');
    const filed = KINDS.map(([kind, name]) => name + ' ' + (unit.filed[kind] || 0) + ' 个').join('；');
    head.textContent = unit.unitName + '（' + unit.unitCode + '）';
    const counts = document.createElement('p');
    counts.className = 'muted';
    counts.textContent = '已备案：' + filed;
    const table = document.createElement('table');
    const header = table.createTHead().insertRow();
    ['机构类别', '机构名称', '备案职业（工种）及等级', '状态', '申请', '备案', '撤销', '说明', '材料', '']
      .forEach(t => { const th = document.createElement('th'); th.textContent = t; header.append(th); });
    const body = table.createTBody();
    KINDS.forEach(([kind]) => unit.institutions.filter(i => i.kind === kind).forEach(institution => {
      const row = body.insertRow();
      cell(row, institution.kindName);
      cell(row, institution.name);
      cell(row, institution.scope);
      cell(row, institution.statusName, institution.status);
      cell(row, day(institution.appliedAt));
      cell(row, day(institution.filedAt));
      cell(row, day(institution.revokedAt));
      cell(row, institution.revokeReason ? '撤销原因：' + institution.revokeReason
        : institution.status === 'RETURNED' && institution.returnReason ? '退回原因：' + institution.returnReason : '');
      const link = document.createElement('a');
      link.href = institution.documentUrl;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'PDF';
      row.insertCell().append(link);
      const action = row.insertCell();
      if (mayRevoke && institution.status === 'FILED') {
        const button = document.createElement('button');
        button.textContent = '撤销备案';
        button.addEventListener('click', () => revoke(institution));
        action.append(button);
      }
    }));
    section.append(head, counts, table);
    return section;
  };

  const load = async () => {
    const units = await webappSession.call('GET', '/api/institutions');
    const box = $('register');
    box.replaceChildren();
    const total = units.reduce((sum, unit) => sum + KINDS.reduce((n, [kind]) => n + (unit.filed[kind] || 0), 0), 0);
    const summary = document.createElement('p');
    summary.textContent = units.length ? units.length + ' 个单位有备案申请，已备案机构共 ' + total + ' 个。' : '还没有备案申请。';
    box.append(summary, ...units.map(unitSection));
  };

  webappSession.user().then(user => {
    if (!user) {
      say('请先登录任务列表或 Cockpit。', 'error');
      return;
    }
    $('who').textContent = user.userId;
    $('signout').hidden = false;
    $('signout').addEventListener('click', event => { event.preventDefault(); webappSession.signOut(); });
    // the server decides; the button is only offered to the group it allows
    fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': 'none' } })
      .then(r => r.json()).then(session => { mayRevoke = (session.groups || []).includes('province-hrss'); })
      .catch(() => null).then(load).catch(e => say(e.message, 'error'));
  });
})();
