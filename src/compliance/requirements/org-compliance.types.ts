import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/relay/page-info.type';
import { ComplianceStateCounts, PersonCompliance } from './requirement.types';

@ObjectType('PersonComplianceEdge')
export class PersonComplianceEdge {
  @Field(() => PersonCompliance)
  node!: PersonCompliance;

  @Field(() => String)
  cursor!: string;
}

/** A connection of people with the counts per state of the whole org (not just the page). */
@ObjectType('OrgComplianceConnection', { description: "People of an org with requirements, by family name, and the org's counts per state." })
export class OrgComplianceConnection {
  @Field(() => [PersonComplianceEdge])
  edges!: PersonComplianceEdge[];

  @Field(() => [PersonCompliance])
  nodes!: PersonCompliance[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => ComplianceStateCounts, { description: 'People per state in the whole org, whatever `state` filters; computed by the same statement as the page.' })
  counts!: ComplianceStateCounts;

  @Field(() => Int, { description: 'People in the list (all pages).' })
  totalCount!: number;
}
