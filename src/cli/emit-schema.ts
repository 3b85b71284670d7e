// Writes schema/schema.graphql from the code (`npm run schema`).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { schemaSdl } from '../../schema/schema-sdl.js';

const target = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
await writeFile(target, await schemaSdl());
console.log(`wrote ${target}`);
