// Writes the Chinese locale of each Camunda webapp into the build output (run by Maven, see pom.xml):
// <app>/locales/zh.json = the community translation unpacked there before (if any), plus this folder's
// <app>.zh.json (the labels it lacks or that we word differently; for Cockpit, all of them), plus the Chinese
// dateLocales (moment: dates, months, "3 天前") shared by every app. Running it twice gives the same file.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [webappsDir] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const read = file => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const dateLocales = read(join(here, 'dateLocales.zh.json'));

for (const app of ['tasklist', 'cockpit', 'admin', 'welcome']) {
  const target = join(webappsDir, app, 'locales', 'zh.json');
  const base = existsSync(target) ? read(target) : { labels: {} };
  const ours = read(join(here, `${app}.zh.json`));
  const merged = { ...base, dateLocales, labels: { ...base.labels, ...ours.labels } };
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(merged, null, 2) + '\n');
}
