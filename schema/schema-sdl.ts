// The schema as SDL, exactly as committed in schema/schema.graphql.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGatewaySchema } from './build-schema.js';

export const SCHEMA_HEADER = '# Generated from the type-graphql classes in schema/ by `npm run schema`. Do not edit.\n\n';

export async function schemaSdl(): Promise<string> {
  return `${SCHEMA_HEADER}${printSchema(lexicographicSortSchema(await buildGatewaySchema()))}\n`;
}
