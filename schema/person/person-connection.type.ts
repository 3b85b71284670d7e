// PersonEdge and PersonConnection.
import { connectionTypes } from '../shared/page-info.type.js';
import { Person } from './person.type.js';

export const PersonConnection = connectionTypes(Person, 'Person');
