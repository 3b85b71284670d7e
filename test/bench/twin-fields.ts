// Reads the fields the sync benchmark edits straight from each simulator's store, so convergence is
// checked against what the CRMs hold, not against the gateway's own view of them.
import type { ActionNetworkStore } from '../../connectors/actionnetwork/simulator/store.js';
import type { SimulatorDatabase } from '../../connectors/civicrm/simulator/simulator-database.js';
import type { RecordStore } from '../../connectors/vtiger/simulator/record-store.js';
import type { System } from '../../src/model/system.js';

/** The fields every CRM holds for a person and the benchmark edits. */
export type EditedField = 'familyName' | 'phone';

/** The last ten digits (the US national number), so each CRM's phone style compares equal. */
export function phoneDigits(text: string | null | undefined): string | null {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits === '' ? null : digits.slice(-10);
}

export interface TwinStores {
  civi: SimulatorDatabase;
  an: ActionNetworkStore;
  vtiger: RecordStore;
}

/** The field's value in `system`'s record `remoteId` (phones as ten digits); null when empty or gone. */
export function readTwinField(stores: TwinStores, system: System, remoteId: string, field: EditedField): string | null {
  switch (system) {
    case 'CIVICRM': {
      const row = stores.civi.read('Contact', Number(remoteId), ['last_name', 'phone_primary.phone']);
      if (!row) return null;
      return field === 'familyName' ? ((row['last_name'] as string | null) ?? null) : phoneDigits(row['phone_primary.phone'] as string | null);
    }
    case 'ACTION_NETWORK': {
      const person = stores.an.people.get(remoteId);
      if (!person) return null;
      return field === 'familyName' ? person.family_name : phoneDigits((person.phone_numbers.find((p) => p.primary) ?? person.phone_numbers[0])?.number);
    }
    case 'VTIGER': {
      const record = stores.vtiger.byCrmid(Number(remoteId.split('x')[1]));
      if (!record || record.deleted) return null;
      const v = record.values;
      // The gateway writes a MOBILE phone to the mobile column; the others are read in case it does not.
      return field === 'familyName' ? (v['lastname'] ?? null) : phoneDigits(v['mobile'] || v['phone'] || v['homephone'] || v['otherphone']);
    }
  }
}
