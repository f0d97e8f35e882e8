// What Tabula's content script costs the pages it runs in, measured in real Chromium
// (`npx tsx tools/page-cost.ts`, after `npm run build`). Prints a table, then one JSON line.
// The method is described in harness/page-cost/measure.ts; this is its command line.
import { resolve } from 'node:path';
import { PAGES, type TestSitePage, type Variant } from '../harness/page-cost/load-pages';
import { measurePageCost, type PageCostOptions } from '../harness/page-cost/measure';
import { floorLines, referenceLine, table } from '../harness/page-cost/summary';
import { REAL_PAGES } from '../harness/real-pages/corpus';

const USAGE = `usage: npx tsx tools/page-cost.ts [--loads N] [--settle MS] [--pages article,huge,video] [--real-pages [DIR]] [--only NAME,NAME] [--empty] [--references] [--no-baseline] [--build NAME=DIR]... [--next-page] [--keep-traces DIR] [--categories A,B]
  --real-pages   every saved page of DIR (default ${REAL_PAGES}) instead of the test site's pages; implies --empty
  --only         only these real pages (folder names)
  --empty        an empty content script beside the build: its median is the floor the build is compared with
  --references   the reference scripts beside the build (the least that parts of its job cost; implies --empty)
  --no-baseline  no loads without the extension (a shorter run; "busy vs none" is then unknown)`;

function parseArguments(args: string[]): PageCostOptions {
  const options: PageCostOptions = {};
  const builds: Variant[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = (check: (text: string) => boolean): string => {
      const text = args[++i] ?? '';
      if (!check(text)) throw new Error(`${flag}: “${text}” will not do.\n${USAGE}`);
      return text;
    };
    if (flag === '--loads') options.loads = Number(value((text) => Number(text) >= 1));
    else if (flag === '--settle') options.settleMs = Number(value((text) => Number(text) >= 0));
    else if (flag === '--pages') options.pages = value((text) => text.split(',').every((page) => page in PAGES)).split(',') as TestSitePage[];
    else if (flag === '--real-pages') {
      options.realPages = args[i + 1] && !args[i + 1].startsWith('--') ? resolve(args[++i]) : REAL_PAGES;
      options.empty = true;
    } else if (flag === '--only') options.realPageNames = value(Boolean).split(',');
    else if (flag === '--empty') options.empty = true;
    else if (flag === '--references') options.references = true;
    else if (flag === '--no-baseline') options.baseline = false;
    else if (flag === '--next-page') options.nextPage = true;
    else if (flag === '--categories') options.categories = value(Boolean).split(',');
    else if (flag === '--keep-traces') options.keepTracesIn = resolve(value(Boolean));
    else if (flag === '--build') {
      const [name, ...dir] = value((text) => /^[^=]+=./.test(text)).split('=');
      builds.push({ name, dir: resolve(dir.join('=')) });
    } else throw new Error(USAGE);
  }
  if (builds.length > 0) options.builds = builds;
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  let done = 0;
  options.onSample = (sample) => process.stderr.write(`\r${++done} visits traced (${sample.arm}, ${sample.page})   `);
  const report = await measurePageCost(options);
  process.stderr.write('\n');
  console.log(`${report.chromium}; ${report.loads} loads of each page per build; CPU ms of the page's main thread.`);
  for (const build of report.builds) console.log(`${build.name}: content.js ${build.contentBytes} bytes (${build.contentGzipBytes} gzipped)`);
  console.log(table(report.figures));
  for (const floor of report.floors ?? []) for (const line of floorLines(floor)) console.log(line);
  for (const ratio of report.overReference ?? []) console.log(referenceLine(ratio));
  if (!report.baselineClean) console.log('Warning: extension events were found in loads without the extension; the figures are suspect.');
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
