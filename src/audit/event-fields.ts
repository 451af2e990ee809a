import { getTableColumns } from 'drizzle-orm';
import { auditEvents, type AuditEventRow } from '../db/schema/index.ts';

/**
 * What the audit does with one column of an event. The table (src/db/schema/audit-events.ts)
 * says how a column is stored; this says everything else, and the compiler makes every
 * column say it: the writer's statements and parameters, the stored form, the hashed
 * content, the public JSON, the CSV export and the console's list are all read from here.
 */
export interface FieldUse {
  /**
   * From which hash version the event hash covers it; null: never (the hash itself, and the
   * seal that signs it). An event records the version it was hashed with, so a field added
   * later is hashed from a new version on while older events still verify.
   */
  hashedSince: number | null;
  /** Its name in the events' JSON (the API, the export, the console); null: never shown (the tenant is the caller's, the request fingerprint is for idempotency). */
  publicName: string | null;
  /** Whether the CSV export has a column for it, in this order (findings and identity as text: src/audit/export.ts). */
  csv: boolean;
  /** What an officer reads as its name (the console's detail lists every public field under it). */
  label: string;
}

/** Every column of an audit event, in the order of the table. */
export const EVENT_FIELDS = {
  id: { hashedSince: 1, publicName: 'id', csv: true, label: 'Event' },
  tenant: { hashedSince: 1, publicName: null, csv: false, label: 'Tenant' },
  seq: { hashedSince: 1, publicName: 'seq', csv: true, label: 'Position in the chain' },
  createdAt: { hashedSince: 1, publicName: 'createdAt', csv: true, label: 'Time' },
  type: { hashedSince: 1, publicName: 'type', csv: true, label: 'Type' },
  direction: { hashedSince: 1, publicName: 'direction', csv: true, label: 'Direction' },
  visibility: { hashedSince: 1, publicName: 'visibility', csv: true, label: 'Channel' },
  platform: { hashedSince: 1, publicName: 'platform', csv: true, label: 'Platform' },
  decision: { hashedSince: 1, publicName: 'decision', csv: true, label: 'Decision' },
  wouldBlock: {
    hashedSince: 1,
    publicName: 'wouldBlock',
    csv: true,
    label: 'Would block (monitor mode)',
  },
  mode: { hashedSince: 1, publicName: 'mode', csv: true, label: 'Mode' },
  policyVersion: {
    hashedSince: 1,
    publicName: 'policyVersion',
    csv: true,
    label: 'Policy version',
  },
  rules: { hashedSince: 1, publicName: 'rules', csv: true, label: 'Rules' },
  kinds: { hashedSince: 1, publicName: 'kinds', csv: true, label: 'Kinds of data' },
  findings: { hashedSince: 1, publicName: 'findings', csv: true, label: 'Findings' },
  actions: { hashedSince: 1, publicName: 'actions', csv: true, label: 'Actions' },
  locale: { hashedSince: 1, publicName: 'locale', csv: false, label: 'Language' },
  agentId: { hashedSince: 1, publicName: 'agentId', csv: true, label: 'Agent or officer' },
  customerFp: {
    hashedSince: 1,
    publicName: 'customerFingerprint',
    csv: false,
    label: 'Customer (fingerprint)',
  },
  threadId: { hashedSince: 1, publicName: 'threadId', csv: true, label: 'Thread' },
  postId: { hashedSince: 1, publicName: 'postId', csv: false, label: 'Post' },
  identity: { hashedSince: 1, publicName: 'identity', csv: true, label: 'Identity' },
  details: { hashedSince: 1, publicName: 'details', csv: false, label: 'Details' },
  linkedEventId: { hashedSince: 1, publicName: 'linkedEventId', csv: false, label: 'Linked event' },
  idempotencyKey: {
    hashedSince: 1,
    publicName: 'idempotencyKey',
    csv: false,
    label: 'Idempotency key',
  },
  requestFp: { hashedSince: 1, publicName: null, csv: false, label: 'Request fingerprint' },
  hmacKeyId: { hashedSince: 1, publicName: 'hmacKeyId', csv: false, label: 'Fingerprint key' },
  hashVersion: { hashedSince: 2, publicName: 'hashVersion', csv: false, label: 'Hash version' },
  prevHash: { hashedSince: 1, publicName: 'prevHash', csv: false, label: 'Previous hash' },
  hash: { hashedSince: null, publicName: 'hash', csv: true, label: 'Hash' },
  seal: { hashedSince: null, publicName: null, csv: false, label: 'Seal' },
} as const satisfies Record<keyof AuditEventRow, FieldUse>;

export type EventField = keyof typeof EVENT_FIELDS;

/** The hash version new events are written with: the highest `hashedSince` of any field. */
export const CURRENT_HASH_VERSION = Math.max(
  ...Object.values(EVENT_FIELDS).map((f) => f.hashedSince ?? 0),
);

/** How a column is stored, read from the table: its SQL name, its type, whether it may be null. */
export interface StoredColumn {
  field: EventField;
  column: string;
  type: 'text' | 'bigint' | 'timestamptz' | 'boolean' | 'jsonb' | 'integer';
  notNull: boolean;
}

const PG_TYPES: Record<string, StoredColumn['type']> = {
  PgText: 'text',
  PgBigInt53: 'bigint',
  PgTimestamp: 'timestamptz',
  PgBoolean: 'boolean',
  PgJsonb: 'jsonb',
  PgInteger: 'integer',
};

/** Every column in table order, with how it is stored. */
export const STORED_COLUMNS: readonly StoredColumn[] = Object.entries(
  getTableColumns(auditEvents),
).map(([field, col]) => {
  const type = PG_TYPES[col.columnType];
  if (!type) throw new Error(`audit column ${field}: no stored form for ${col.columnType}`);
  if (!(field in EVENT_FIELDS))
    throw new Error(`audit column ${field} has no entry in EVENT_FIELDS`);
  return { field: field as EventField, column: col.name, type, notNull: col.notNull };
});

/** The fields one hash version covers, in table order. */
export function hashedFields(version: number): readonly EventField[] {
  let list = hashedByVersion.get(version);
  if (!list) {
    list = STORED_COLUMNS.filter((c) => {
      const since = EVENT_FIELDS[c.field].hashedSince;
      return since !== null && since <= version;
    }).map((c) => c.field);
    hashedByVersion.set(version, list);
  }
  return list;
}
const hashedByVersion = new Map<number, readonly EventField[]>();

/** The fields shown in the events' JSON, with their public names. */
export const PUBLIC_FIELDS: ReadonlyArray<readonly [EventField, string]> = STORED_COLUMNS.flatMap(
  (c) => {
    const name = EVENT_FIELDS[c.field].publicName;
    return name === null ? [] : [[c.field, name] as const];
  },
);

/** What the console's detail shows of an event: each public field's name and label. */
export const CONSOLE_FIELDS: ReadonlyArray<{ name: string; label: string }> =
  STORED_COLUMNS.flatMap((c) => {
    const use: FieldUse = EVENT_FIELDS[c.field];
    return use.publicName ? [{ name: use.publicName, label: use.label }] : [];
  });

/** The CSV export's columns, by public name. */
export const CSV_FIELDS: readonly string[] = STORED_COLUMNS.flatMap((c) => {
  const use = EVENT_FIELDS[c.field];
  return use.csv && use.publicName ? [use.publicName] : [];
});

const JSON_TYPES: Record<StoredColumn['type'], Record<string, unknown>> = {
  text: { type: 'string' },
  bigint: { type: 'integer' },
  integer: { type: 'integer' },
  timestamptz: { type: 'string', format: 'date-time' },
  boolean: { type: 'boolean' },
  jsonb: {},
};

/** The JSON Schema of an event's public JSON (the API document's AuditEvent), read from the columns. */
export function publicEventJsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const c of STORED_COLUMNS) {
    const use: FieldUse = EVENT_FIELDS[c.field];
    if (!use.publicName) continue;
    const base = JSON_TYPES[c.type];
    properties[use.publicName] = {
      ...(c.notNull || !('type' in base) ? base : { ...base, type: [base.type, 'null'] }),
      description: use.label,
    };
    required.push(use.publicName);
  }
  return { type: 'object', properties, required, additionalProperties: true };
}
