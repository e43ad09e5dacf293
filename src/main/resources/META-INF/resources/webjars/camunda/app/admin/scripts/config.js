// Admin of skills-henan: Chinese for browsers set to Chinese (locales/zh.json is added at build time), else English.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
