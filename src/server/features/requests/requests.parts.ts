import { ownedRecordsPart, type HandoverPart } from '../../platform/parts';
import { requestsRepo } from './requests.repo';

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  ownedRecordsPart({
    name: 'requests',
    entity: 'general_request',
    count: (trx, userId) => requestsRepo.countOpenOwnedBy(trx, userId),
    first: (trx, userId, limit) => requestsRepo.firstOpenOwnedBy(trx, userId, limit),
    move: (trx, from, to) => requestsRepo.moveOpenOwnedTo(trx, from, to),
  }),
];
