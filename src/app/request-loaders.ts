import type DataLoader from 'dataloader';
import type { AccessScope } from '../auth/scope/access-scope';
import { type ComplianceLoaders, createComplianceLoaders } from '../compliance';
import { type EdReflectLoaders, createEdReflectLoaders } from '../edreflect';
import { NestedConnections } from '../graphql/relay/nested-connections';
import { type IdentityLoaders, createIdentityLoaders } from '../identity';
import type { SyncJobEntity } from '../jobs/sync-job.entity';
import { type RecordsLoaders, createRecordsLoaders } from '../records';
import { type RosterLoaders, createRosterLoaders } from '../roster';
import { type SourceLoaders, createSourceLoaders } from '../sources';
import { createEntityLoaders, type EntityLoaders } from './entity-loaders';
import type { AppDeps, AppLoaders, AppServices } from './services';

/**
 * One request's loaders, each domain's made when the request first asks for it. A request
 * reads one or two domains, and making every domain's loaders (several dozen DataLoaders and
 * their statement texts) up front was a few percent of a learner page's allocations.
 */
export class RequestLoaders implements AppLoaders {
  private entities?: EntityLoaders;
  private connectionsOf?: NestedConnections;
  private rosterOf?: RosterLoaders;
  private identityOf?: IdentityLoaders;
  private recordsOf?: RecordsLoaders;
  private sourcesOf?: SourceLoaders;
  private complianceOf?: ComplianceLoaders;
  private edReflectOf?: EdReflectLoaders;

  constructor(
    private readonly deps: Pick<AppDeps, 'db' | 'config'>,
    private readonly services: AppServices,
    private readonly scope: AccessScope | null,
  ) {}

  get syncJob(): DataLoader<string, SyncJobEntity | null> {
    return (this.entities ??= createEntityLoaders(this.services)).syncJob;
  }

  get connections(): NestedConnections {
    return (this.connectionsOf ??= new NestedConnections(this.deps.db, this.deps.config.maxPageSize));
  }

  get roster(): RosterLoaders {
    return (this.rosterOf ??= createRosterLoaders(this.deps.db, this.scope));
  }

  get identity(): IdentityLoaders {
    return (this.identityOf ??= createIdentityLoaders(this.deps.db));
  }

  get records(): RecordsLoaders {
    return (this.recordsOf ??= createRecordsLoaders(this.deps.db, this.services.records.compliance, this.scope));
  }

  get sources(): SourceLoaders {
    return (this.sourcesOf ??= createSourceLoaders(this.deps.db));
  }

  get compliance(): ComplianceLoaders {
    return (this.complianceOf ??= createComplianceLoaders(this.services.compliance));
  }

  get edReflect(): EdReflectLoaders {
    return (this.edReflectOf ??= createEdReflectLoaders(this.deps.db));
  }
}
