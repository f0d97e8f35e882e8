// Store-ready archives of dist/ for Chrome and Firefox, written to artifacts/.
// Chrome's store takes a zip of the folder; Firefox's takes the one web-ext builds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const artifacts = resolve(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });

for (const target of ['chrome', 'firefox']) {
  const file = `tabula-${version}-${target}.zip`;
  rmSync(resolve(artifacts, file), { force: true });
  execFileSync('npx', ['web-ext', 'build', '--source-dir', 'dist', '--artifacts-dir', 'artifacts', '--filename', file, '--overwrite-dest'], { cwd: root, stdio: 'inherit' });
  console.log(`artifacts/${file}`);
}
