// Cockpit's templates write a few words without a translation key (the variables table's "Actions" column). Chinese
// for them when Cockpit speaks Chinese to this browser.
import { speaksChinese, replaceFixedTexts } from '/webapp-zh.js';

if (speaksChinese()) {
  replaceFixedTexts({
    'thead td.actions, thead th.actions': { Actions: '操作' }
  });
}

export default [];
