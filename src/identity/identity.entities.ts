import { ExternalAccountEntity } from './external-account.entity';
import { ExternalPersonEntity } from './external-person.entity';
import { LinkKeyEntity } from './link-key.entity';

/** The identity domain's tables. */
export const identityEntities: Function[] = [ExternalPersonEntity, ExternalAccountEntity, LinkKeyEntity];
