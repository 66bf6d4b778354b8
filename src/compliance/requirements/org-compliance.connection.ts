import type { Context } from '../../graphql/context';
import { fetchPage, pageWindow, type PageRequest } from '../../graphql/relay/keyset';
import { pageInfoOf } from '../../graphql/relay/page-info';
import { OrgComplianceConnection, PersonComplianceEdge } from './org-compliance.types';
import type { PersonStateRow } from './requirement-rows';
import { toPersonCompliance, toStateCounts } from './requirement.mapper';
import { type ComplianceStateCounts, RequirementState } from './requirement.types';

/**
 * One page of an org's people by state, with the org's counts: one statement (a second one only
 * when the page is empty, since the counts ride on the page's rows).
 */
export async function orgComplianceConnection(ctx: Context, orgId: string, state: RequirementState | null, days: number, args: PageRequest): Promise<OrgComplianceConnection> {
  const scorecards = ctx.services.compliance.scorecards;
  const query = scorecards.orgPeopleQuery(orgId, state, days);
  const page = await fetchPage<PersonStateRow>(ctx.db, query, pageWindow(query, args, ctx.config.maxPageSize));
  const countsRow = page.rows[0] ?? (await scorecards.orgCounts(orgId, days));
  const counts = toStateCounts(countsRow);
  const nodes = page.rows.map(toPersonCompliance);
  return Object.assign(new OrgComplianceConnection(), {
    nodes,
    edges: nodes.map((node, i) => Object.assign(new PersonComplianceEdge(), { node, cursor: page.cursorAt(i) as string })),
    pageInfo: pageInfoOf(page),
    counts,
    totalCount: state === null ? counts.total : countOf(counts, state),
  });
}

function countOf(counts: ComplianceStateCounts, state: RequirementState): number {
  const byState: Record<RequirementState, number> = {
    [RequirementState.MET]: counts.met,
    [RequirementState.MET_BY_EQUIVALENT]: counts.metByEquivalent,
    [RequirementState.EXPIRING]: counts.expiring,
    [RequirementState.EXPIRED]: counts.expired,
    [RequirementState.OVERDUE]: counts.overdue,
    [RequirementState.NOT_STARTED]: counts.notStarted,
  };
  return byState[state];
}
