// Tasklist of skills-henan: Chinese for browsers set to Chinese (locales/zh.json is made at build time from
// Camunda's community translations and src/main/webapp-locales), English otherwise.
export default {
  // the header's name instead of "Camunda Tasklist"
  app: {
    name: '任务列表',
    vendor: '技能河南'
  },
  // Chinese for the date fields' calendar in Camunda Forms; in profile keycloak the signed-out page instead of
  // Camunda's login form (which cannot sign anyone in there)
  customScripts: ['scripts/zh-datepicker', 'scripts/sign-out', 'scripts/batch-review-link'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // Camunda's default keyboard shortcuts, kept because this file replaces the default config
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '光标移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '光标移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '光标移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
