import DataLoader from 'dataloader';
import type { RequirementRow, RequirementStateRow } from './requirements/requirement-rows';
import type { RequirementService } from './requirements/requirement.service';
import type { ScorecardService } from './requirements/scorecard.service';

/** Per-request batching for requirements and scorecards; one statement per batch. */
export interface ComplianceLoaders {
  readonly requirement: DataLoader<string, RequirementRow | null>;
  /** Scorecards by user, for a window of days (one loader per window asked for in the request). */
  scorecard(days: number): DataLoader<string, RequirementStateRow[]>;
}

export function createComplianceLoaders(services: { requirements: RequirementService; scorecards: ScorecardService }): ComplianceLoaders {
  const byWindow = new Map<number, DataLoader<string, RequirementStateRow[]>>();
  return {
    requirement: new DataLoader((ids) => services.requirements.getMany(ids)),
    scorecard(days) {
      let loader = byWindow.get(days);
      if (!loader) {
        loader = new DataLoader(async (userIds) => {
          const cards = await services.scorecards.scorecards(userIds, days);
          return userIds.map((id) => cards.get(id) ?? []);
        });
        byWindow.set(days, loader);
      }
      return loader;
    },
  };
}
