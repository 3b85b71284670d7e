// Vitest runs TypeScript through SWC so that type-graphql's decorators get the
// design-time metadata they read (esbuild, vitest's default, does not emit it).
import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node, and therefore every dependency,
    // loads the CJS one; vite would give our sources the ESM one, and two copies of graphql
    // break its instanceof checks. Point our sources at the file Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
