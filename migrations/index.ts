import { CreateJobsAndKeys1795434288883 } from './1795434288883-CreateJobsAndKeys';
import { CreateRoster1795434799224 } from './1795434799224-CreateRoster';
import { CreateIngestLedger1795435301403 } from './1795435301403-CreateIngestLedger';
import { CreateSources1795435975560 } from './1795435975560-CreateSources';
import { CreateStoredUploads1795436645176 } from './1795436645176-CreateStoredUploads';
import { CreateImsLinksAndClassGroups1795436922015 } from './1795436922015-CreateImsLinksAndClassGroups';
import { CreateIdentityAndLearningRecords1795437191312 } from './1795437191312-CreateIdentityAndLearningRecords';
import { TuneLearningRecordIndexes1795439207599 } from './1795439207599-TuneLearningRecordIndexes';
import { CreateEdReflectStore1795440022886 } from './1795440022886-CreateEdReflectStore';
import { CreateXapiStatements1795440177995 } from './1795440177995-CreateXapiStatements';
import { CreateXapiDocuments1795440516441 } from './1795440516441-CreateXapiDocuments';
import { CreateComplianceRequirementsAndOutbox1795444100411 } from './1795444100411-CreateComplianceRequirementsAndOutbox';
import { XapiStatementsToLearningRecords1795444150072 } from './1795444150072-XapiStatementsToLearningRecords';
import { AddEdReflectGraphIndexes1795444328427 } from './1795444328427-AddEdReflectGraphIndexes';
import { ScopeKeysRateLimitsAuditLog1795444371635 } from './1795444371635-ScopeKeysRateLimitsAuditLog';
import { AddXapiAttachments1795444386472 } from './1795444386472-AddXapiAttachments';
import { CreateExternalRecordReceipts1795444730659 } from './1795444730659-CreateExternalRecordReceipts';
import { AddLrsCredentialXapiVersion1795444841180 } from './1795444841180-AddLrsCredentialXapiVersion';
import { CreateXapiPullSources1795445306590 } from './1795445306590-CreateXapiPullSources';
import { CacheRosterIds1795445656727 } from './1795445656727-CacheRosterIds';
import { IndexEdreflectPersonsByUser1795453628719 } from './1795453628719-IndexEdreflectPersonsByUser';
import { HideLinksOfDeletedUsers1795455981079 } from './1795455981079-HideLinksOfDeletedUsers';
import { CreateUserProfiles1795456148590 } from './1795456148590-CreateUserProfiles';
import { HideLinksOfImsDeletedUsers1795461226206 } from './1795461226206-HideLinksOfImsDeletedUsers';
import { KeyColumnsInByteOrder1795461289511 } from './1795461289511-KeyColumnsInByteOrder';
import { ImsLinkKeysInByteOrder1795465445005 } from './1795465445005-ImsLinkKeysInByteOrder';
import { RosterRowsRoomForUpdates1795476139451 } from './1795476139451-RosterRowsRoomForUpdates';
/** Every migration, in order. Each is reviewed by hand; never generated at run time. */
export const migrations: Function[] = [
  CreateJobsAndKeys1795434288883,
  CreateRoster1795434799224,
  CreateIngestLedger1795435301403,
  CreateSources1795435975560,
  CreateStoredUploads1795436645176,
  CreateImsLinksAndClassGroups1795436922015,
  CreateIdentityAndLearningRecords1795437191312,
  TuneLearningRecordIndexes1795439207599,
  CreateEdReflectStore1795440022886,
  CreateXapiStatements1795440177995,
  CreateXapiDocuments1795440516441,
  CreateComplianceRequirementsAndOutbox1795444100411,
  XapiStatementsToLearningRecords1795444150072,
  AddEdReflectGraphIndexes1795444328427,
  ScopeKeysRateLimitsAuditLog1795444371635,
  AddXapiAttachments1795444386472,
  CreateExternalRecordReceipts1795444730659,
  AddLrsCredentialXapiVersion1795444841180,
  CreateXapiPullSources1795445306590,
  CacheRosterIds1795445656727,
  IndexEdreflectPersonsByUser1795453628719,
  HideLinksOfDeletedUsers1795455981079,
  CreateUserProfiles1795456148590,
  HideLinksOfImsDeletedUsers1795461226206,
  KeyColumnsInByteOrder1795461289511,
  ImsLinkKeysInByteOrder1795465445005,
  RosterRowsRoomForUpdates1795476139451,
];
