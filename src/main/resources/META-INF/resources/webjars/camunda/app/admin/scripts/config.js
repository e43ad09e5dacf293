// Admin of skills-henan: Chinese for browsers set to Chinese (locales/zh.json is added at build time), else English.
export default {
  // the header's name instead of "Camunda Admin"
  app: {
    name: '用户与权限管理',
    vendor: '技能河南'
  },
  // in profile keycloak the signed-out page instead of Camunda's login form
  customScripts: ['scripts/sign-out'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
