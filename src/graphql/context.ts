import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import type { AppLoaders, AppServices } from '../app/services';

/** What every resolver receives. Loaders are made fresh per request (and per subscription event). */
export interface Context {
  readonly requestId: string;
  readonly viewer: Viewer | null;
  /** A key was sent but is unknown or revoked (as opposed to no key at all). */
  readonly keyRejected: boolean;
  readonly db: DataSource;
  readonly config: Config;
  readonly log: Logger;
  readonly services: AppServices;
  readonly loaders: AppLoaders;
}
