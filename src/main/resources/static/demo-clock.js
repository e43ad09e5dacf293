// moved out of demo-clock.html so that the page's Content-Security-Policy allows scripts from the app only
const fmt = iso => iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';
// what the next timer does, by its process
const TIMERS = { 'unit-year': '各单位月报开启', 'monthly-report': '月报截止前提醒或截止', 'circulation-schedule': '月报截止后的通报',
  circulation: '通报未确认的提醒' };
const show = clock => {
  document.getElementById('now').textContent = clock.enabled ? fmt(clock.now) : '未开启（真实时间）';
  document.getElementById('next').textContent = clock.nextTimer
    ? fmt(clock.nextTimer.dueDate) + '（' + (TIMERS[clock.nextTimer.processDefinitionKey] || '流程定时器') + '）' : '没有待触发的定时器';
  // anyone may try: the server says who may move the clock, and when there is nothing to move to
  document.getElementById('advance').disabled = !clock.enabled;
};
const say = (text, error) => {
  const message = document.getElementById('message');
  message.className = error ? 'error' : '';
  message.textContent = text;
};
const load = () => webappSession.user().then(user => {
  document.getElementById('who').textContent = user ? '当前登录：' + user.userId : '尚未登录';
  document.getElementById('signout').hidden = !user;
  if (!user) {
    say('请先登录任务列表（Tasklist），再回到本页面。', true);
    document.getElementById('advance').disabled = true;
    return;
  }
  return webappSession.call('GET', '/api/demo-clock').then(show);
}).catch(e => say('读取失败：' + e.message, true));
document.getElementById('advance').onclick = () => webappSession.call('POST', '/api/demo-clock/advance')
  .then(clock => { show(clock); say(clock.fired ? '已拨到 ' + fmt(clock.now) + '，定时器将在几秒内触发。' : '没有可触发的定时器。'); })
  .catch(e => say('操作失败：' + e.message, true));
document.getElementById('signout').onclick = event => { event.preventDefault(); webappSession.signOut(); };
load();
