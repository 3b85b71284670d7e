// The CRMs the gateway speaks to and the unified entity kinds it serves.
export const SYSTEMS = ['CIVICRM', 'ACTION_NETWORK', 'VTIGER'] as const;
export type System = (typeof SYSTEMS)[number];

export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'DONATION'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Order in which entities must be pulled: a person may point at an organization, a donation at a person. */
export const ENTITY_DEPENDENCY_ORDER: readonly EntityType[] = ['ORGANIZATION', 'PERSON', 'DONATION'];
