// English text that must not be left on the pages the suite visits (zh-CN browser). One place, easy to extend:
// add a pattern to FAIL when a text must never show again, to PENDING while a translation is still being done.
// Each entry: [label, RegExp]. Matched against the page's visible text (document.body.innerText).

/** Fails the build: Camunda's engine/REST wrapper texts, Java class names, and English that has been translated. */
export const FAIL = [
  ['Cannot submit task form', /Cannot submit task form/],
  ['Cannot instantiate process definition', /Cannot instantiate process definition/],
  ['Cannot complete task', /Cannot complete task/],
  ['ENGINE- error code', /ENGINE-\d{5}/],
  ['Exception', /\b\w*Exception\b/],
  ['Java class name', /\b(?:java|javax|jakarta|org|com)\.[a-z0-9_]+\.[A-Za-z0-9_.$]+/],
  ['Unsupported value type', /Unsupported value type/],
  ['form-js: form field already exists', /form field with id .* already exists/],
  ['The process could not be started', /could not be started/i],
  ['Tasklist: Form failure', /Form failure/],
  // translated in the project's own zh locales (src/main/webapp-locales) and fixed-text scripts
  ['Camunda 7 end-of-life banner', /It is time to migrate to Camunda 8/],
  ['"Complete" button', /^\s*Complete\s*$/m],
  ['"Claim" button', /^\s*Claim\s*$/m],
  ['"Start process"', /Start process/],
  ['Cockpit: Processes/Decisions/Deployments', /\b(?:Processes|Decisions|Deployments|Batches|Human Tasks)\b/],
  ['Cockpit: Running/instances/incidents', /\b(?:Running Process Instances|Process Instances|Open Incidents|Open Human Tasks|Incidents)\b/],
  ['Cockpit: Dashboard/Metrics', /\b(?:Dashboard|Metrics|Definition Version|Definition ID|Tenant ID)\b/],
  ['Cockpit: Variables/Audit', /\b(?:Variables|User Tasks|Called Process Instances|Audit Log|Job Definitions)\b/],
  ['webapp footer', /Date and Time displayed in local timezone|Powered by/],
  ['Cockpit: list headers and filters', /process definitions? deployed|Add criteria|\bPreviews\b|\bMore\b/],
];

/**
 * Reported on every run, never failing it: relative times (Tasklist may draw a list before its locale has loaded),
 * the date picker and form-js validation texts (form-js's own, not in the webapps' locale files), status texts and
 * generic words that also occur in data. Move an entry to FAIL once it holds on every run.
 */
export const PENDING = [
  ['relative time "… ago"', /\b(?:a few seconds|a minute|\d+ minutes|an hour|\d+ hours|a day|\d+ days|a month|\d+ months|a year|\d+ years) ago\b/],
  ['relative time "in …"', /\bin (?:a few seconds|a minute|\d+ minutes|an hour|\d+ hours|a day|\d+ days|a month|\d+ months|a year|\d+ years)\b/],
  ['date picker (Today/Clear/Close)', /^\s*(?:Today|Clear|Close)\s*$/m],
  ['date picker month names', /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/],
  ['week day names', /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|^\s*(?:Su|Mo|Tu|We|Th|Fr|Sa)\s*$/m],
  ['form-js validation messages', /Field is required|Field must have|Value must be|Field must be/],
  ['HTTP status text', /\b(?:Forbidden|Unauthorized|Not Found|Bad Request|Internal Server Error|Conflict)\b/],
  ['generic: Loading/No data/Details', /\b(?:Loading|No data|Details|Search|Add criteria)\b/],
];

/** The findings for one page text: {fail: [...], pending: [...]}, each {label, sample}. */
export function check(text) {
  // the banner is reported once (FAIL above); its own words (a month name, "migration guide") are not counted again
  const banner = FAIL.find(([label]) => label === 'Camunda 7 end-of-life banner');
  const bannerFound = banner[1].test(text) ? [{ label: banner[0], sample: sample(text, banner[1]) }] : [];
  text = text.split('\n').filter((line) => !banner[1].test(line)).join('\n');
  const found = (list) => list.filter(([, re]) => re.test(text))
    .map(([label, re]) => ({ label, sample: sample(text, re) }));
  return { fail: [...bannerFound, ...found(FAIL)], pending: found(PENDING) };
}

function sample(text, re) {
  const m = text.match(re);
  if (!m) return '';
  const i = m.index ?? 0;
  return text.slice(Math.max(0, i - 30), i + m[0].length + 30).replace(/\s+/g, ' ').trim();
}
