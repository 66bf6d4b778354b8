import { ClassGroupMemberEntity } from './class-group/class-group-member.entity';
import { ClassGroupEntity } from './class-group/class-group.entity';
import { ImsGroupLinkEntity } from './links/group-link.entity';
import { ImsPersonLinkEntity } from './links/person-link.entity';

/** The IMS domain's tables, in dependency order. */
export const imsEntities: Function[] = [ImsPersonLinkEntity, ImsGroupLinkEntity, ClassGroupEntity, ClassGroupMemberEntity];
