// Every CRM the gateway knows; a new connector is one line here and a folder beside this file.
import { actionNetworkModule } from './actionnetwork/module.js';
import { civicrmModule } from './civicrm/module.js';
import { registerConnector, type RegisteredConnector } from './registered-connector.js';
import { vtigerModule } from './vtiger/module.js';

export const CONNECTORS: readonly RegisteredConnector[] = [
  registerConnector(civicrmModule),
  registerConnector(actionNetworkModule),
  registerConnector(vtigerModule),
];
