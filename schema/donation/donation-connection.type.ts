// DonationEdge and DonationConnection.
import { connectionTypes } from '../shared/page-info.type.js';
import { Donation } from './donation.type.js';

export const DonationConnection = connectionTypes(Donation, 'Donation');
