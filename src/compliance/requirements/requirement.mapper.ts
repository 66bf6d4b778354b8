import { toGlobalId } from '../../graphql/relay/global-id';
import type { PersonStateRow, RequirementRow, RequirementStateRow } from './requirement-rows';
import { ComplianceStateCounts, LearningRequirement, PersonCompliance, RequirementState, RequirementTarget, ScorecardEntry } from './requirement.types';

export function toRequirement(row: RequirementRow): LearningRequirement {
  return Object.assign(new LearningRequirement(), {
    id: toGlobalId('LearningRequirement', row.id),
    localId: row.id,
    itemLocalId: row.item_id,
    orgLocalId: row.org_id,
    classLocalId: row.class_id,
    target: row.target as RequirementTarget,
    role: row.role,
    dueOn: row.due_on,
    validForMonths: row.valid_months,
    createdAt: row.created_at,
  });
}

export function toScorecardEntry(row: RequirementStateRow): ScorecardEntry {
  return Object.assign(new ScorecardEntry(), {
    requirementLocalId: row.requirement_id,
    itemLocalId: row.item_id,
    recordLocalId: row.record_id,
    viaItemLocalId: row.via_item_id,
    state: row.state as RequirementState,
    dueOn: row.due_on,
    completedAt: row.completed_at,
    validUntil: row.valid_until,
  });
}

export function toPersonCompliance(row: PersonStateRow): PersonCompliance {
  return Object.assign(new PersonCompliance(), {
    userLocalId: row.user_id,
    state: row.state as RequirementState,
    requirements: row.requirements,
    met: row.met,
  });
}

export function toStateCounts(row: PersonStateRow | undefined): ComplianceStateCounts {
  const n = (v: number | string | undefined): number => Number(v ?? 0);
  return Object.assign(new ComplianceStateCounts(), {
    met: n(row?.n_met),
    metByEquivalent: n(row?.n_met_by_equivalent),
    expiring: n(row?.n_expiring),
    expired: n(row?.n_expired),
    overdue: n(row?.n_overdue),
    notStarted: n(row?.n_not_started),
    total: n(row?.n_total),
  });
}
