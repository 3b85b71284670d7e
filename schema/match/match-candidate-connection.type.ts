// MatchCandidateEdge and MatchCandidateConnection.
import { connectionTypes } from '../shared/page-info.type.js';
import { MatchCandidate } from './match-candidate.type.js';

export const MatchCandidateConnection = connectionTypes(MatchCandidate, 'MatchCandidate');
