// Enums of the write path: what a CRM did with a write, and the outbox's operations and states.
import { registerEnumType } from 'type-graphql';
import { OUTBOX_STATUSES, WRITE_OPS } from '../../src/store/outbox.js';
import { enumObject } from '../enums/enum-object.js';

export const WriteStatusEnum = enumObject(['CREATED', 'UPDATED', 'DELETED', 'UNSUBSCRIBED', 'SKIPPED', 'QUEUED', 'FAILED'] as const);
export const WriteOpEnum = enumObject(WRITE_OPS);
export const PendingWriteStatusEnum = enumObject(OUTBOX_STATUSES);

registerEnumType(WriteStatusEnum, {
  name: 'WriteStatus',
  description: 'What one CRM did with a write.',
  valuesConfig: {
    UNSUBSCRIBED: { description: 'The CRM cannot delete this record; every email was unsubscribed instead (Action Network people).' },
    SKIPPED: { description: 'Not sent: the CRM cannot hold it, or the record it needs is not there (see error).' },
    QUEUED: { description: 'The CRM failed in a way that may pass (5xx, timeout, network, 429); the outbox retries it (see pendingWrites).' },
    FAILED: { description: 'The CRM refused it for good (see error for its message).' },
  },
});
registerEnumType(WriteOpEnum, { name: 'WriteOp' });
registerEnumType(PendingWriteStatusEnum, {
  name: 'PendingWriteStatus',
  valuesConfig: {
    PENDING: { description: 'Will be attempted again at nextAttemptAt.' },
    FAILED: { description: 'A retry was refused for good; it will not be attempted again.' },
  },
});
