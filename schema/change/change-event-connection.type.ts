// ChangeEventEdge and ChangeEventConnection: the change feed for polling clients.
import { connectionTypes } from '../shared/page-info.type.js';
import { ChangeEvent } from './change-event.type.js';

export const ChangeEventConnection = connectionTypes(ChangeEvent, 'ChangeEvent');
