// Benchmark: the twin matcher over FEBRL 4 (5,000 original person records, 5,000 corrupted copies,
// one true twin each). File A is indexed as known people (one CRM), then every record of file B
// (another CRM) goes through the gateway's own resolver — blocking, scoring, linking, candidates —
// exactly as the indexer feeds it. Prints precision, recall and F1 of the automatic links using
// only the fields a CRM holds (names, address, birth date), then again with soc_sec_id as an
// external id; blocking's pair completeness; and the time taken. MATCH_SURE_SCORE and
// MATCH_MAYBE_SCORE are read as the gateway reads them, to try other thresholds.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { MatchCandidates } from '../../src/identity/match-candidates.js';
import { readMatchConfig } from '../../src/identity/match-config.js';
import { TwinResolver, type TwinMatching } from '../../src/identity/twin-resolver.js';
import type { UnifiedPerson } from '../../src/model/entities.js';
import type { RemoteRecord } from '../../src/model/remote-record.js';
import type { System } from '../../src/model/system.js';
import { STORE_NAMESPACES } from '../../src/store/keyv-backend.js';
import { openStore } from '../../src/store/open-store.js';

const DATA_DIR = resolve(process.cwd(), process.argv[2] ?? '../shared/data/febrl4');
const FILE_A = resolve(DATA_DIR, 'dataset4a.csv');
const FILE_B = resolve(DATA_DIR, 'dataset4b.csv');
const SSN = 'soc_sec_id';
const COLUMNS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', SSN] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

/** FEBRL's CSV: a header, no quoting, a space after each comma. */
function readRows(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const names = (header ?? '').split(',').map((h) => h.trim());
  if (COLUMNS.some((c, i) => names[i] !== c)) throw new Error(`${file} must have the columns ${COLUMNS.join(', ')}, but has: ${names.join(', ')}`);
  return lines.map((line) => {
    const values = line.split(',').map((v) => v.trim());
    return Object.fromEntries(COLUMNS.map((c, i) => [c, values[i] ?? ''])) as Row;
  });
}

const orNull = (value: string) => (value === '' ? null : value);

function toPerson(row: Row, withSsn: boolean): UnifiedPerson {
  const street = [row.street_number, row.address_1].filter((v) => v !== '').join(' ');
  const dob = /^\d{8}$/.test(row.date_of_birth) ? `${row.date_of_birth.slice(0, 4)}-${row.date_of_birth.slice(4, 6)}-${row.date_of_birth.slice(6)}` : null;
  return {
    givenName: orNull(row.given_name),
    familyName: orNull(row.surname),
    emails: [],
    phones: [],
    addresses: [{ lines: [street, row.address_2].filter((l) => l !== ''), locality: orNull(row.suburb), region: orNull(row.state), postalCode: orNull(row.postcode), country: 'AU', primary: true }],
    languages: [],
    birthDate: dob,
    tags: [],
    customFields: withSsn && row.soc_sec_id !== '' ? { [SSN]: row.soc_sec_id } : null,
    organizationRef: null,
  };
}

function toRecord(row: Row, system: System, withSsn: boolean): RemoteRecord<'PERSON'> {
  const at = DateTime.utc(2025, 1, 1);
  return { system, entity: 'PERSON', remoteId: row.rec_id, createdAt: at, modifiedAt: at, data: toPerson(row, withSsn) };
}

/** rec-123-org and rec-123-dup-0 are one person. */
const entityOf = (recId: string) => recId.replace(/-(org|dup-\d+)$/, '');

async function run(label: string, a: Row[], b: Row[], withSsn: boolean): Promise<void> {
  const store = await openStore('memory://');
  try {
    // The gateway's own settings (MATCH_SURE_SCORE and MATCH_MAYBE_SCORE apply here too).
    const matching: TwinMatching = { ...readMatchConfig(process.env), externalIdFields: withSsn ? [SSN] : [] };
    const started = performance.now();
    // File A as the gateway holds a CRM it has indexed: linked records in the cache.
    const known = a.map((row) => toRecord(row, 'CIVICRM', withSsn));
    for (const record of known) await store.identity.linkNew('PERSON', record.system, record.remoteId);
    await store.records.putMany(known);
    const candidates = await MatchCandidates.load(store.keyv(STORE_NAMESPACES.matchCandidates), store.entries(STORE_NAMESPACES.matchCandidates));
    const resolver = new TwinResolver({ identity: store.identity, records: store.records, candidates }, matching);
    const loaded = performance.now();

    const incoming = b.map((row) => toRecord(row, 'ACTION_NETWORK', withSsn));
    const idOfA = new Map(known.map((r) => [entityOf(r.remoteId), store.identity.find('CIVICRM', 'PERSON', r.remoteId)!]));
    let blocked = 0;
    let compared = 0;
    for (const record of incoming) {
      const lookAlikes = resolver.people.lookAlikes(record);
      compared += lookAlikes.size;
      if (lookAlikes.has(idOfA.get(entityOf(record.remoteId)) ?? '')) blocked += 1;
    }
    const blockedAt = performance.now();

    let linked = 0;
    let correct = 0;
    for (const record of incoming) {
      const unifiedId = await resolver.resolve(record);
      const partner = store.identity.get(unifiedId)?.links.find((l) => l.system === 'CIVICRM');
      if (!partner) continue;
      linked += 1;
      if (entityOf(partner.remoteId) === entityOf(record.remoteId)) correct += 1;
    }
    const finished = performance.now();

    const truePairs = b.filter((row) => idOfA.has(entityOf(row.rec_id))).length;
    const precision = linked === 0 ? 1 : correct / linked;
    const recall = correct / truePairs;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    const held = candidates.all();
    const heldTrue = held.filter((c) => {
      const [knownId, newId] = c.personIds;
      const knownLink = store.identity.get(knownId)?.links.find((l) => l.system === 'CIVICRM');
      const newLink = store.identity.get(newId)?.links.find((l) => l.system === 'ACTION_NETWORK');
      return knownLink && newLink && entityOf(knownLink.remoteId) === entityOf(newLink.remoteId);
    }).length;
    const seconds = (ms: number) => (ms / 1000).toFixed(2);

    console.log(`${label}`);
    console.log(`  links ${linked} of ${truePairs} true pairs: ${correct} right, ${linked - correct} wrong`);
    console.log(`  precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}`);
    console.log(`  held for review (sure ${matching.thresholds.sure} > score ≥ maybe ${matching.thresholds.maybe}, or held back): ${held.length} candidates, ${heldTrue} of them true pairs`);
    console.log(`  blocking: pair completeness ${(blocked / truePairs).toFixed(4)}, ${(compared / incoming.length).toFixed(1)} people compared per record (of ${known.length}; a full scan compares ${known.length * incoming.length} pairs, blocking ${compared})`);
    console.log(`  time: index file A ${seconds(loaded - started)} s, match file B ${seconds(finished - blockedAt)} s (${(incoming.length / ((finished - blockedAt) / 1000)).toFixed(0)} records/s), total ${seconds(finished - started - (blockedAt - loaded))} s`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(FILE_A) || !existsSync(FILE_B)) {
    console.error(`FEBRL 4 not found: expected ${FILE_A} and ${FILE_B} (pass another directory as the first argument).`);
    process.exit(1);
  }
  const a = readRows(FILE_A);
  const b = readRows(FILE_B);
  console.log(`FEBRL 4: ${a.length} records in file A (indexed as CIVICRM), ${b.length} in file B (matched as ACTION_NETWORK)`);
  await run('CRM fields only (given name, surname, street number and address lines, suburb, state, postcode, birth date):', a, b, false);
  await run(`The same plus ${SSN} as an external id:`, a, b, true);
}

await main();
