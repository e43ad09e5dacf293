// The Camunda welcome page of skills-henan: links to the application's own pages next to Tasklist, Cockpit, Admin;
// Chinese for browsers set to Chinese (locales/zh.json is added at build time), English otherwise.
export default {
  // in profile keycloak the signed-out page instead of Camunda's login form
  customScripts: ['scripts/sign-out'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  links: [
    {
      label: '进度看板',
      href: '/dashboard.html',
      description: '各月完成率与时间进度、单位和市县排名、进度缓慢/完成率低/逾期/未报单位，附件 2 Excel 导出（省、市县用户）'
    },
    {
      label: '评价机构备案名册',
      href: '/institutions.html',
      description: '各单位申请备案的职业技能评价机构（四类），按单位和类别列出申请中、已退回、已备案、已撤销；省人社厅可撤销备案'
    },
    {
      label: '批量审核',
      href: '/batch-review.html',
      description: '审核人：等待本人审核的全部月报（数字、完成率和逾期、进度偏慢、证书等级、二维码、公章、数字突增等标记），勾选无标记的一次通过'
    },
    {
      label: '流程版本与迁移',
      href: '/process-versions.html',
      description: '流程管理员：各流程的版本和运行中的实例，把旧版本上的实例迁移到最新版本，并列出不能迁移的实例及原因'
    },
    {
      label: '演示时钟',
      href: '/demo-clock.html',
      description: '演示配置下把引擎时间拨到下一个定时器：月报开启、催办、截止、通报'
    }
  ]
};
