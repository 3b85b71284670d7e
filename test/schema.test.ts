// The generated SDL is committed and reviewed like code: it must match the classes, and it must
// keep every name the public contract (schema/api-contract.graphql) promises to clients.
import { readFile } from 'node:fs/promises';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../schema/build-schema.js';
import { schemaSdl } from '../schema/schema-sdl.js';

function fieldsOf(type: GraphQLNamedType): Map<string, string> {
  const out = new Map<string, string>();
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      const args = [...field.args].sort((a, b) => a.name.localeCompare(b.name)).map((a) => `${a.name}: ${String(a.type)}${a.defaultValue === undefined ? '' : ` = ${JSON.stringify(a.defaultValue)}`}`);
      out.set(field.name, `${args.length ? `(${args.join(', ')})` : ''}: ${String(field.type)}`);
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) out.set(field.name, String(field.type));
  }
  return out;
}

describe('schema', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema` after changing the classes)', async () => {
    const committed = await readFile(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(await schemaSdl()).toBe(committed);
  });

  it('serves every type, field and argument of the public contract with the same types', async () => {
    const contract = buildSchema(await readFile(new URL('../schema/api-contract.graphql', import.meta.url), 'utf8'));
    const served = await buildGatewaySchema();
    const contractTypes = Object.values(contract.getTypeMap()).filter((t) => !t.name.startsWith('__'));
    for (const type of contractTypes) {
      const ours = served.getType(type.name);
      expect(ours, `type ${type.name}`).toBeDefined();
      const ourFields = fieldsOf(ours!);
      for (const [name, signature] of fieldsOf(type)) {
        expect(ourFields.get(name), `${type.name}.${name}`).toBe(signature);
      }
    }
  });
});
