// A GraphQL enum from a model's list of string values: each value stands for itself, so no mapping is needed.
export function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}
