// What the simulator accepts in request bodies, validated like the real API would (loosely: unknown keys ignored).
import { z } from 'zod';

const personInput = z.object({
  given_name: z.string().nullish(),
  family_name: z.string().nullish(),
  email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean().optional(), status: z.string().optional() })).optional(),
  phone_numbers: z
    .array(z.object({ number: z.string(), number_type: z.string().optional(), primary: z.boolean().optional(), status: z.string().optional() }))
    .optional(),
  postal_addresses: z
    .array(
      z.object({
        primary: z.boolean().optional(),
        address_lines: z.array(z.string()).optional(),
        locality: z.string().nullish(),
        region: z.string().nullish(),
        postal_code: z.string().nullish(),
        country: z.string().nullish(),
      }),
    )
    .optional(),
  languages_spoken: z.array(z.string()).optional(),
  custom_fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

export const signupBody = z.object({ person: personInput, add_tags: z.array(z.string()).optional() });
export const personPutBody = personInput;
export const tagBody = z.object({ name: z.string().min(1) });
const link = z.object({ href: z.string() });
export const taggingBody = z.object({ _links: z.object({ 'osdi:person': link }) });
export const pageBody = z.object({ title: z.string().min(1), origin_system: z.string().optional() });
export const donationBody = z.object({
  recipients: z.array(z.object({ display_name: z.string(), amount: z.string() })),
  currency: z.string().default('usd'),
  created_date: z.string().optional(),
  'action_network:recurrence': z.object({ recurring: z.boolean(), period: z.string().optional() }).optional(),
  _links: z.object({ 'osdi:person': link }),
});

/** Person fields as a request sends them: every one optional, nulls meaning "leave alone". */
export type PersonInput = z.output<typeof personInput>;
