// ChangeOp: what a change did to a unified object.
import { registerEnumType } from 'type-graphql';
import { CHANGE_OPS } from '../../src/events/change-log.js';
import { enumObject } from '../enums/enum-object.js';

export const ChangeOpEnum = enumObject(CHANGE_OPS);

registerEnumType(ChangeOpEnum, {
  name: 'ChangeOp',
  valuesConfig: {
    CREATED: { description: 'The object got its first record.' },
    UPDATED: { description: 'Fields or linked records (sources) changed; changedFields names them.' },
    DELETED: { description: 'Its last record was deleted; the id no longer resolves.' },
    MERGED: { description: 'Other objects were merged into this one; their ids now resolve to it.' },
  },
});
