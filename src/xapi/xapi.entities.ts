import { XapiDocumentEntity } from './documents/document.entity';
import { LrsCredentialEntity } from './credentials/lrs-credential.entity';
import { XapiStatementActivityEntity } from './statements/statement-activity.entity';
import { XapiStatementAgentEntity } from './statements/statement-agent.entity';
import { XapiStatementEntity } from './statements/statement.entity';
import { XapiStatementRefEntity } from './statements/statement-ref.entity';
import { XapiAttachmentEntity } from './statements/attachment.entity';

export const xapiEntities: Function[] = [LrsCredentialEntity, XapiStatementEntity, XapiStatementAgentEntity, XapiStatementActivityEntity, XapiStatementRefEntity, XapiDocumentEntity, XapiAttachmentEntity];
