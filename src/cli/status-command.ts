// `contact-gateway status [--json]`: what the sync engine's store says of each CRM and entity.
import type { SyncService } from '../sync/sync-service.js';
import { countConflicts, renderStatus } from './status-table.js';

export function runStatusCommand(sync: SyncService, options: { json: boolean }, out: NodeJS.WritableStream): number {
  const entries = sync.status();
  const conflicts = sync.conflicts();
  // luxon's DateTime serializes itself as ISO 8601.
  out.write(options.json ? `${JSON.stringify({ entries, conflicts: countConflicts(conflicts) }, null, 2)}\n` : renderStatus(entries, conflicts));
  return 0;
}
