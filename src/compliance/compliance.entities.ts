import { MailOutboxEntity } from './mail/mail-outbox.entity';
import { LearningRequirementEntity } from './requirements/learning-requirement.entity';

/** The compliance domain's tables, in dependency order. */
export const complianceEntities: Function[] = [LearningRequirementEntity, MailOutboxEntity];
