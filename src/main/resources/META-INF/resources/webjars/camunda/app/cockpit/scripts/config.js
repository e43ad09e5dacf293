// Cockpit of skills-henan: Chinese for browsers set to Chinese (locales/zh.json is the project's own translation of
// Camunda's en.json; no Chinese for Cockpit is published), English otherwise.
export default {
  // the header's name instead of "Camunda Cockpit"
  app: {
    name: '流程监控',
    vendor: '技能河南'
  },
  // Chinese for the few words Cockpit's templates hard-code; in profile keycloak the signed-out page instead of
  // Camunda's login form
  customScripts: ['scripts/zh-fixed-texts', 'scripts/sign-out'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
