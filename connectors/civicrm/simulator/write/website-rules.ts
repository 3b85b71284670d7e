// Website write rules: a website is a close relation of its contact, so writes bump modified_date.
import type { EntityRules } from './entity-rules.js';

export const websiteRules: EntityRules = {
  afterSave(row, _change, ctx) {
    ctx.cascade.touchContact(row.contact_id, ctx);
  },
  afterDelete(row, ctx) {
    ctx.cascade.touchContact(row.contact_id, ctx);
  },
};
