// The process administrator's view of model versions (GET /api/admin/process-versions) and the migration of running
// instances to the latest version (POST /api/admin/process-versions/{key}/migrate).
(() => {
  const $ = id => document.getElementById(id);
  const cell = (row, text, className) => {
    const td = row.insertCell();
    td.textContent = text;
    if (className) { td.className = className; }
    return td;
  };
  const say = (text, className) => { $('message').textContent = text; $('message').className = className || ''; };

  const showResult = migration => {
    const box = $('result');
    box.replaceChildren();
    const head = document.createElement('h2');
    head.textContent = migration.key + '：迁移到版本 ' + migration.targetVersion;
    const summary = document.createElement('p');
    summary.className = migration.notMoved.length ? 'error' : 'ok';
    summary.textContent = '已迁移 ' + migration.moved + ' 个实例，未迁移 ' + migration.notMoved.length + ' 个，用时 '
      + migration.millis + ' 毫秒。';
    box.append(head, summary);
    if (migration.notMoved.length) {
      const table = document.createElement('table');
      const header = table.createTHead().insertRow();
      ['业务键', '所在版本', '未迁移的原因'].forEach(t => { const th = document.createElement('th'); th.textContent = t; header.append(th); });
      const body = table.createTBody();
      migration.notMoved.forEach(n => {
        const row = body.insertRow();
        cell(row, n.businessKey || n.processInstanceId);
        cell(row, 'v' + n.version, 'num');
        cell(row, n.reasons.join('；'));
      });
      box.append(table);
    }
  };

  const migrate = async (model, button) => {
    if (!window.confirm('把流程“' + model.name + '”旧版本上的 ' + model.onOlderVersions + ' 个运行中实例迁移到版本 '
      + model.latestVersion + '？')) { return; }
    button.disabled = true;
    say('正在迁移……');
    try {
      showResult(await webappSession.call('POST', '/api/admin/process-versions/' + encodeURIComponent(model.key) + '/migrate'));
      say('');
      await load();
    } catch (e) {
      say(e.message, 'error');
      button.disabled = false;
    }
  };

  const load = async () => {
    const models = await webappSession.call('GET', '/api/admin/process-versions');
    const body = $('models');
    body.replaceChildren();
    models.forEach(model => {
      const row = body.insertRow();
      cell(row, model.name + '（' + model.key + '）');
      cell(row, 'v' + model.latestVersion, 'num');
      cell(row, model.versions.filter(v => v.runningInstances > 0)
        .map(v => 'v' + v.version + '：' + v.runningInstances).join('，') || '无');
      const action = row.insertCell();
      if (model.onOlderVersions > 0) {
        const button = document.createElement('button');
        button.textContent = '迁移 ' + model.onOlderVersions + ' 个旧版本实例到 v' + model.latestVersion;
        button.addEventListener('click', () => migrate(model, button));
        action.append(button);
      }
    });
  };

  webappSession.user().then(user => {
    if (!user) {
      say('请先登录 Cockpit 或任务列表（流程管理员）。', 'error');
      return;
    }
    $('who').textContent = user.userId;
    $('signout').hidden = false;
    $('signout').addEventListener('click', event => { event.preventDefault(); webappSession.signOut(); });
    load().catch(e => say(e.message, 'error'));
  });
})();
