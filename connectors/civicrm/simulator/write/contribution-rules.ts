// Contribution, LineItem and ContributionRecur write rules: money defaults and the automatic line item.
import { naiveNow } from '../dates.js';
import type { EntityRules } from './entity-rules.js';

export const contributionRules: EntityRules = {
  // Observed defaults on a real 5.77 create: Check, Completed, USD, received now, no fee.
  createDefaults: (_values, ctx) => ({
    payment_instrument_id: 4,
    receive_date: naiveNow(ctx.nowMs, ctx.timeZone),
    fee_amount: 0,
    currency: 'USD',
    contribution_status_id: 1,
    tax_amount: 0,
  }),

  derive(row, change) {
    const total = typeof row.total_amount === 'number' ? row.total_amount : 0;
    const fee = typeof row.fee_amount === 'number' ? row.fee_amount : 0;
    if (!change.given.has('net_amount') && (change.created || change.given.has('total_amount') || change.given.has('fee_amount'))) {
      row.net_amount = Math.round((total - fee) * 100) / 100;
      change.touched.add('net_amount');
    }
  },

  afterSave(row, change, ctx) {
    if (!change.created) return;
    // One line item per contribution, as CRM_Contribute_BAO_Contribution::create makes it.
    ctx.cascade.create(
      'LineItem',
      {
        entity_table: 'civicrm_contribution',
        entity_id: row.id,
        contribution_id: row.id,
        price_field_id: 1,
        label: 'Contribution Amount',
        qty: 1,
        unit_price: row.total_amount,
        line_total: row.total_amount,
        price_field_value_id: 1,
        financial_type_id: row.financial_type_id,
        non_deductible_amount: 0,
        tax_amount: 0,
      },
      ctx,
    );
  },

  afterDelete(row, ctx) {
    for (const item of ctx.store.where('LineItem', 'contribution_id', row.id ?? null)) ctx.cascade.remove('LineItem', item.id as number, ctx);
  },
};

export const lineItemRules: EntityRules = {
  derive(row, change) {
    if ((row.contribution_id ?? null) === null && row.entity_table === 'civicrm_contribution') {
      row.contribution_id = row.entity_id ?? null;
      change.touched.add('contribution_id');
    }
  },
};

export const contributionRecurRules: EntityRules = {
  createDefaults: (_values, ctx) => ({
    create_date: naiveNow(ctx.nowMs, ctx.timeZone),
    start_date: naiveNow(ctx.nowMs, ctx.timeZone),
  }),
};
