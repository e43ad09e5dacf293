// Chinese in the Camunda webapps beyond their locale files, shared by the webapps' custom scripts (config.js,
// customScripts): whether the webapp speaks Chinese to this browser, and the few texts its templates hard-code.

// as the webapps choose (config.js: availableLocales zh, en): the first of the browser's languages they offer
export const speaksChinese = () => {
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return languages.map(l => String(l).toLowerCase().slice(0, 2)).find(l => l === 'zh' || l === 'en') === 'zh';
};

// replaces hard-coded English texts (selector -> { English: Chinese }) now and whenever the page changes
export const replaceFixedTexts = texts => {
  const apply = () => {
    for (const [selector, words] of Object.entries(texts)) {
      document.querySelectorAll(selector).forEach(element => {
        const text = element.textContent.trim();
        if (Object.prototype.hasOwnProperty.call(words, text) && element.children.length === 0) {
          element.textContent = words[text];
        }
      });
    }
  };
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; apply(); });
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  apply();
};
