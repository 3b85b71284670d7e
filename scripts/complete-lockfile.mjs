// Records every platform-specific optional dependency in package-lock.json.
//
// Why: the registry mirror these machines use serves only the current platform's native
// packages (e.g. @swc/core-linux-x64-gnu, not -darwin-arm64), so npm leaves the others out of the
// lock file, and `npm ci` then refuses the lock as out of sync ("Missing: … from lock file").
// An entry with just the version, marked optional, satisfies the check; npm skips such packages
// on platforms they are not for. Run after changing dependencies: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // Node resolves a dependency from the nearest node_modules upwards; npm places a missing one
    // beside its parent's own dependencies, or at the top when nothing there conflicts.
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (packages[nested] || packages[top]) continue;
    packages[top] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: recorded ${added} optional platform packages`);
