// moved out of demo-clock.html so that the page's Content-Security-Policy allows scripts from the app only
const fmt = iso => iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';
const show = clock => {
  document.getElementById('now').textContent = clock.enabled ? fmt(clock.now) : '未开启（真实时间）';
  document.getElementById('next').textContent = clock.nextTimer
    ? fmt(clock.nextTimer.dueDate) + '（' + clock.nextTimer.processDefinitionKey + '）' : '没有待触发的定时器';
  document.getElementById('advance').disabled = !clock.enabled || !clock.nextTimer;
};
const call = (method, path) => fetch(path, { method, credentials: 'include' }).then(async response => {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { throw new Error(body.message || response.status); }
  return body;
});
const load = () => call('GET', '/api/demo-clock').then(show)
  .catch(e => document.getElementById('message').textContent = '读取失败：' + e.message);
document.getElementById('advance').onclick = () => call('POST', '/api/demo-clock/advance')
  .then(clock => { show(clock); document.getElementById('message').textContent =
    clock.fired ? '已拨到 ' + fmt(clock.now) + '，定时器将在几秒内触发。' : '没有可触发的定时器。'; })
  .catch(e => {
    const message = document.getElementById('message');
    message.className = 'error';
    message.textContent = '操作失败：' + e.message;
  });
load();
