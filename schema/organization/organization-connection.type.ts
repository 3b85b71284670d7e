// OrganizationEdge and OrganizationConnection.
import { connectionTypes } from '../shared/page-info.type.js';
import { Organization } from './organization.type.js';

export const OrganizationConnection = connectionTypes(Organization, 'Organization');
