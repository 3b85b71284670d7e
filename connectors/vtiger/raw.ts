// Vtiger's own shapes on the wire, validated with zod where they enter (webservice.php results).
import { z } from 'zod';

/** Every field value Vtiger returns is a string: "" for empty, "0"/"1" for booleans. */
export type VtigerFields = Record<string, string>;

/** The error object; `code` is a string, except the integer 0 of "Duplicate(s) detected!". */
export const vtigerErrorSchema = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  message: z.string(),
});
export type VtigerErrorBody = z.output<typeof vtigerErrorSchema>;

export const envelopeSchema = z.union([
  z.object({ success: z.literal(true), result: z.unknown() }),
  z.object({ success: z.literal(false), error: vtigerErrorSchema }),
]);

export const challengeSchema = z.object({
  token: z.string().min(1),
  serverTime: z.number(),
  expireTime: z.number(),
});

/** Real 8.2 answers `sessionName`; some published docs call it `sessionId`, so both are read. */
export const loginSchema = z
  .object({ sessionName: z.string().optional(), sessionId: z.string().optional(), userId: z.string().min(1) })
  .transform((login, ctx) => {
    const sessionName = login.sessionName ?? login.sessionId;
    if (sessionName === undefined || sessionName === '') {
      ctx.addIssue({ code: 'custom', message: 'login result has neither sessionName nor sessionId' });
      return z.NEVER;
    }
    return { sessionName, userId: login.userId };
  });
export type LoginResult = z.output<typeof loginSchema>;

export const listTypesSchema = z.object({
  types: z.array(z.string()),
  information: z.record(z.string(), z.object({ isEntity: z.boolean(), label: z.string() }).loose()).optional(),
});
export type ListTypesResult = z.output<typeof listTypesSchema>;

export const describeFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  mandatory: z.boolean(),
  type: z
    .object({
      name: z.string(),
      refersTo: z.array(z.string()).optional(),
      picklistValues: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
      defaultValue: z.string().optional(),
    })
    .loose(),
  editable: z.boolean().optional(),
  default: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
});
export type DescribeField = z.output<typeof describeFieldSchema>;

export const describeSchema = z.object({
  name: z.string(),
  label: z.string(),
  idPrefix: z.union([z.string(), z.number()]).transform(String),
  isEntity: z.boolean(),
  fields: z.array(describeFieldSchema),
});
export type DescribeResult = z.output<typeof describeSchema>;

/** A record as query, sync and retrieve return it: strings only, plus line items on inventory retrieves. */
export const recordSchema = z
  .object({ id: z.string().min(1) })
  .catchall(z.unknown())
  .transform((raw) => {
    const fields: VtigerFields = {};
    for (const [key, value] of Object.entries(raw)) {
      // Values are strings on a real Vtiger; numbers and nulls from older builds are read as text.
      if (typeof value === 'string') fields[key] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value);
      else if (value === null) fields[key] = '';
    }
    const lineItems = Array.isArray(raw['LineItems']) ? z.array(lineItemSchema).parse(raw['LineItems']) : undefined;
    return { fields, lineItems };
  });
export type VtigerRecord = z.output<typeof recordSchema>;

export const lineItemSchema = z
  .object({
    productid: z.string(),
    quantity: z.union([z.string(), z.number()]).transform(String),
    listprice: z.union([z.string(), z.number()]).transform(String),
    comment: z.string().optional().default(''),
    sequence_no: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .loose();
export type VtigerLineItem = z.output<typeof lineItemSchema>;

export const recordListSchema = z.array(recordSchema);

export const syncResultSchema = z.object({
  updated: z.array(recordSchema),
  deleted: z.array(z.string()),
  more: z.boolean(),
  lastModifiedTime: z.union([z.number(), z.string()]).transform(Number),
});
export type SyncResult = z.output<typeof syncResultSchema>;

export const deleteResultSchema = z.object({ status: z.string() });

/** A field the module may or may not return (a column list, an older install): "" when absent. */
const text = z.string().catch('');

/** The Contacts fields the gateway maps (VT describe Contacts). */
export const rawContactSchema = z.object({
  id: z.string(),
  firstname: text, lastname: text, email: text, secondaryemail: text, emailoptout: text,
  phone: text, mobile: text, homephone: text, otherphone: text,
  mailingstreet: text, mailingcity: text, mailingstate: text, mailingzip: text, mailingcountry: text,
  birthday: text, account_id: text, createdtime: text, modifiedtime: text,
});
export type RawContact = z.output<typeof rawContactSchema>;

/** The Accounts fields the gateway maps (VT describe Accounts). */
export const rawAccountSchema = z.object({
  id: z.string(),
  accountname: text, website: text, phone: text, otherphone: text, email1: text, email2: text, emailoptout: text,
  bill_street: text, bill_city: text, bill_state: text, bill_code: text, bill_country: text,
  createdtime: text, modifiedtime: text,
});
export type RawAccount = z.output<typeof rawAccountSchema>;

/** The Invoice header fields the gateway maps; its LineItems come from retrieve. */
export const rawInvoiceSchema = z.object({
  id: z.string(),
  subject: text, invoicedate: text, contact_id: text, hdnGrandTotal: text, currency_id: text,
  createdtime: text, modifiedtime: text,
});
export type RawInvoice = z.output<typeof rawInvoiceSchema>;
