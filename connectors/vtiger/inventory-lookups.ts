// Names behind the ids an invoice holds: currencies (ISO codes) and products (designation names).
import type { VtigerClient } from './client.js';
import type { DonationLookups } from './mapper.js';
import { ModuleCatalog } from './module-catalog.js';

/** Vtiger marks its base currency with defaultid -11. */
const BASE_CURRENCY_MARK = '-11';

export class InventoryLookups implements DonationLookups {
  private currencyCodes: Promise<Map<string, string>> | null = null;
  private codes = new Map<string, string>();
  private baseCurrency = 'USD';
  private readonly names = new Map<string, string>();
  private readonly idsByName = new Map<string, string>();
  private allProductsLoaded = false;
  private readonly creating = new Map<string, Promise<string>>();

  constructor(
    private readonly client: VtigerClient,
    private readonly catalog: ModuleCatalog,
  ) {}

  /** Loads the currency table once (a handful of rows). */
  async loadCurrencies(): Promise<void> {
    this.currencyCodes ??= (async () => {
      const map = new Map<string, string>();
      for await (const rows of this.client.queryPages({ module: 'Currency', orderBy: ['id'] })) {
        for (const row of rows) {
          const code = row.fields['currency_code'] ?? '';
          map.set(row.fields['id'] ?? '', code);
          if (row.fields['defaultid'] === BASE_CURRENCY_MARK) this.baseCurrency = code;
        }
      }
      return map;
    })();
    try {
      this.codes = await this.currencyCodes;
    } catch (err) {
      this.currencyCodes = null;
      throw err;
    }
  }

  /** An invoice without a currency is in the base currency. */
  currencyCode(currencyId: string): string {
    return this.codes.get(currencyId) ?? this.baseCurrency;
  }

  /** The Currency id for an ISO code, or "" (the base currency) when the install has no such currency. */
  currencyId(code: string): string {
    for (const [id, known] of this.codes) if (known.toUpperCase() === code.toUpperCase()) return id;
    return '';
  }

  productName(productId: string): string {
    return this.names.get(productId) ?? '';
  }

  /** Makes sure the names of these products are known: one query per 100 unknown ids. */
  async loadProductNames(productIds: readonly string[]): Promise<void> {
    const products = await this.catalog.module('Products');
    const unknown = productIds.filter((id) => !this.names.has(id) && ModuleCatalog.owns(products, id));
    if (unknown.length === 0) return;
    const rows = await this.client.queryByIds('Products', unknown, ['productname']);
    for (const [id, row] of rows) this.remember(id, row.fields['productname'] ?? '');
  }

  /**
   * The product a designation names, created when Vtiger has none by that name (designations are
   * free text elsewhere; in Vtiger every invoice line needs a product). Concurrent writers of the
   * same new name share one create.
   */
  async productIdFor(name: string): Promise<string> {
    const key = name.trim().toLowerCase();
    const known = this.idsByName.get(key);
    if (known) return known;
    if (!this.allProductsLoaded) {
      for await (const rows of this.client.queryPages({ module: 'Products', columns: ['productname'], orderBy: ['id'] })) {
        for (const row of rows) this.remember(row.fields['id'] ?? '', row.fields['productname'] ?? '');
      }
      this.allProductsLoaded = true;
      const found = this.idsByName.get(key);
      if (found) return found;
    }
    let created = this.creating.get(key);
    if (!created) {
      created = this.createProduct(name.trim());
      this.creating.set(key, created);
      created.finally(() => this.creating.delete(key)).catch(() => undefined);
    }
    return created;
  }

  private async createProduct(name: string): Promise<string> {
    const products = await this.catalog.module('Products');
    const record = await this.client.create('Products', await this.catalog.complete(products, { productname: name }));
    const id = record.fields['id'] ?? '';
    this.remember(id, name);
    return id;
  }

  private remember(id: string, name: string): void {
    this.names.set(id, name);
    if (!this.idsByName.has(name.trim().toLowerCase())) this.idsByName.set(name.trim().toLowerCase(), id);
  }
}
