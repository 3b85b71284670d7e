// What the connector learns from listtypes and describe at start: id prefixes and mandatory fields.
import { GatewayError } from '../../src/errors/gateway-error.js';
import type { VtigerClient, VtigerElement } from './client.js';
import type { DescribeField } from './raw.js';

export interface ModuleInfo {
  name: string;
  /** The wsEntityId every id of this module starts with ("12" in "12x34"); differs per install. */
  idPrefix: string;
  mandatory: readonly DescribeField[];
}

/** Learns each module once, on first use, and shares the answer (and any in-flight describe). */
export class ModuleCatalog {
  private types: Promise<ReadonlySet<string>> | null = null;
  private readonly modules = new Map<string, Promise<ModuleInfo>>();

  constructor(private readonly client: VtigerClient) {}

  module(name: string): Promise<ModuleInfo> {
    let info = this.modules.get(name);
    if (!info) {
      info = this.learn(name);
      this.modules.set(name, info);
      // A failed describe is not remembered: the next call asks again.
      info.catch(() => this.modules.delete(name));
    }
    return info;
  }

  /** Whether `id` has the form <prefix>x<crmid> with this module's prefix. */
  static owns(module: ModuleInfo, id: string): boolean {
    return new RegExp(`^${module.idPrefix}x\\d+$`).test(id);
  }

  /**
   * Fills the mandatory fields the element leaves empty: the owner with the logged-in user (Vtiger
   * does not default it), a picklist with its default value, others with describe's default. What
   * remains empty is left for Vtiger to refuse with MANDATORY_FIELDS_MISSING.
   */
  async complete(module: ModuleInfo, element: VtigerElement): Promise<VtigerElement> {
    const completed: VtigerElement = { ...element };
    for (const field of module.mandatory) {
      if (typeof completed[field.name] === 'string' && completed[field.name] !== '') continue;
      if (field.type.name === 'owner') completed[field.name] = await this.client.userId();
      else if (field.type.name === 'picklist' && (field.type.defaultValue ?? field.type.picklistValues?.[0]?.value)) {
        completed[field.name] = field.type.defaultValue ?? field.type.picklistValues?.[0]?.value ?? '';
      } else if (typeof field.default === 'string' && field.default !== '') completed[field.name] = field.default;
    }
    return completed;
  }

  private async learn(name: string): Promise<ModuleInfo> {
    this.types ??= this.client.listTypes().then((result) => new Set(result.types));
    const types = await this.types.catch((err: unknown) => {
      this.types = null;
      throw err;
    });
    if (!types.has(name)) {
      throw new GatewayError('UNSUPPORTED', `VTIGER module ${name} must be available to the API user, but listtypes did not name it`, { system: 'VTIGER' });
    }
    const described = await this.client.describe(name);
    return { name, idPrefix: described.idPrefix, mandatory: described.fields.filter((field) => field.mandatory && field.editable !== false) };
  }
}
