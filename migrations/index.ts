import { CreateJobsAndKeys1795434288883 } from './1795434288883-CreateJobsAndKeys';

/** Every migration, in order. Each is reviewed by hand; never generated at run time. */
export const migrations: Function[] = [CreateJobsAndKeys1795434288883];
