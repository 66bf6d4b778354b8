/** Pulling statements from other LRSs into ours on a schedule (see pull-run.ts). */
export { XapiPullSourceEntity } from './pull-source.entity';
export { XapiPullService, XAPI_PULL_JOB_KIND } from './pull-source.service';
export { xapiPullJobHandler } from './pull-job';
export { PullTicker } from './pull-ticker';
export { XapiPullSourceResolver } from './pull-source.resolver';
export { pullStatements, PULL_PAGE_SIZE, type PullOutcome } from './pull-run';
