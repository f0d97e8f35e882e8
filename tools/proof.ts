// `npm run proof`: measures Tabula's promises in real browsers — nothing lost, nothing leaked,
// invisible on the page — and prints the figures. The last line is JSON with every figure.
// `--fast` runs the small subset that `npm test` also runs; `--only NAME,NAME` picks sections.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { browserAvailable, type BrowserName } from '../harness/browser/launch';
import { nonZero, type Figures, type ProofSection } from '../harness/proof/section';
import { sections } from '../harness/proof/sections';

const args = process.argv.slice(2);
const scale = args.includes('--fast') ? 'fast' : 'full';
const only = args.find((arg, i) => args[i - 1] === '--only')?.split(',');
const chosen = sections.filter((section: ProofSection) => !only || only.includes(section.name));
const browsers = (['chromium', 'firefox'] as BrowserName[]).filter(browserAvailable);

if (!args.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'ignore' });

// Every browser launched from here records its network use, for the network section.
const root = resolve(import.meta.dirname, '..');
mkdirSync(resolve(root, '.tmp'), { recursive: true });
process.env.TABULA_NETLOG_DIR = mkdtempSync(resolve(root, '.tmp/netlog-'));

const all: Record<string, Figures> = {};
const failures: string[] = [];
const started = Date.now();
for (const section of chosen) {
  const sectionStart = Date.now();
  console.error(`\n== ${section.name} (${scale}) ==`);
  try {
    const figures = await section.run({ browsers, scale, log: (line) => console.error(`  ${line}`) });
    figures.seconds = Math.round((Date.now() - sectionStart) / 100) / 10;
    all[section.name] = figures;
    failures.push(...nonZero(figures, section.zero).map((what) => `${section.name}: ${what}`));
    console.log(`${section.name}: ${JSON.stringify(figures)}`);
  } catch (error) {
    all[section.name] = { error: String(error instanceof Error ? error.message : error) };
    failures.push(`${section.name}: did not finish: ${(error as Error)?.stack ?? error}`);
    console.log(`${section.name}: did not finish: ${(error as Error)?.message ?? error}`);
  }
}
console.error(`\n${failures.length === 0 ? 'Every must-be-zero figure is 0.' : `Failures:\n  ${failures.join('\n  ')}`}`);
console.log(JSON.stringify({ scale, browsers, seconds: Math.round((Date.now() - started) / 1000), failures, figures: all }));
rmSync(process.env.TABULA_NETLOG_DIR, { recursive: true, force: true });
process.exit(failures.length === 0 ? 0 : 1);
