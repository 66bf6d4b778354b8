#!/usr/bin/env node
import 'reflect-metadata';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ApiRole, parseRole } from './auth/role';
import { ApiKeyService } from './auth/api-key.service';
import { resolveOrgArgument } from './auth/scope/org-argument';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { runJobFromCli } from './app/cli-job';
import { syncCommand } from './sources/source.cli';
import { startRuntime } from './app/runtime';
import type { NewSyncJob } from './jobs/sync-job.service';
import { oneRosterImportCommand } from './roster/oneroster/oneroster.cli';
import { oneRosterExportCommand } from './roster/oneroster/export/export.cli';
import { lmsImportCommand, recordsImportCommand } from './records';
import { imsImportCommand } from './ims';
import { edReflectImportCommand } from './edreflect';
import { printAppSchema } from './graphql/schema';
import { createLogger } from './shared/logger';

const config = loadConfig();
const log = createLogger(config.logLevel);

/** Stops the process cleanly on SIGTERM/SIGINT; a second signal forces the exit. */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

const program = new Command('learngraph')
  .description('One GraphQL graph over rosters, enrolments and learning records.')
  .showHelpAfterError();

program
  .command('serve')
  .description('Migrate, then serve GraphQL over HTTP and WebSocket (and work on jobs in-process).')
  .action(async () => {
    const runtime = await startRuntime(config, log, {
      http: true,
      workerConcurrency: config.workerConcurrency,
      beforeListen: async (services, database) => {
        if (!database.embedded || (await services.apiKeys.any())) return;
        // A newcomer on embedded Postgres gets a key to try everything with; shown only once.
        const { key } = await services.apiKeys.create('first admin key', ApiRole.ADMIN);
        process.stdout.write(`\nAn admin API key was created for this new database. It is shown only this once:\n\n  ${key}\n\n`);
        process.stdout.write(`Send it as: Authorization: Bearer ${key}\n\n`);
      },
    });
    onShutdown(() => runtime.close());
  });

program
  .command('worker')
  .description('Work on queued sync jobs (run as many as you like, on any machine, against the same database).')
  .action(async () => {
    const runtime = await startRuntime(config, log, { http: false, workerConcurrency: Math.max(1, config.workerConcurrency) });
    onShutdown(() => runtime.close());
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit.')
  .action(async () => {
    const database = await openDatabase(config, log, { migrate: true });
    await database.close();
  });

program
  .command('schema')
  .description('Print the GraphQL schema (SDL) generated from the code.')
  .action(() => {
    process.stdout.write(printAppSchema());
  });

/** Runs one job in this process (no server, no queue worker) and returns its exit code. */
async function runImport(job: NewSyncJob): Promise<number> {
  const runtime = await startRuntime(config, log, { http: false, workerConcurrency: 0 });
  try {
    return await runJobFromCli(runtime, job);
  } finally {
    await runtime.close();
  }
}

program
  .command('import')
  .description('Import a file or package in this process, with progress on stderr; the exit code says how it went.')
  .addCommand(oneRosterImportCommand(runImport))
  .addCommand(lmsImportCommand(runImport))
  .addCommand(imsImportCommand(runImport))
  .addCommand(edReflectImportCommand(runImport))
  .addCommand(recordsImportCommand(runImport));

program.addCommand(
  syncCommand(async (fn) => {
    // The imports a sync queues need a worker: this process is one while it waits.
    const runtime = await startRuntime(config, log, { http: false, workerConcurrency: 1 });
    try {
      return await fn({ db: runtime.database.dataSource, sources: runtime.services.sources });
    } finally {
      await runtime.close();
    }
  }),
);

program
  .command('export')
  .description('Write what the database holds in a standard format.')
  .addCommand(oneRosterExportCommand(() => openDatabase(config, log, { migrate: true })));

const keys = program.command('keys').description('Manage API keys.');
keys
  .command('create')
  .description('Create an API key and print it (the only time it is shown).')
  .addOption(
    new Option('--role <role>', 'reader | integrator | admin').makeOptionMandatory().argParser((value: string) => {
      const role = parseRole(value);
      if (!role) throw new InvalidArgumentError('must be reader, integrator or admin');
      return role;
    }),
  )
  .option('--name <name>', 'who or what the key is for', 'cli')
  .option('--org <org>', "limit a reader key to this org and the orgs below it: the org's graph id or sourcedId")
  .action(async (options: { role: NonNullable<ReturnType<typeof parseRole>>; name: string; org?: string }) => {
    const database = await openDatabase(config, log, { migrate: true });
    try {
      const orgId = options.org === undefined ? null : await resolveOrgArgument(database.dataSource, options.org);
      const { key } = await new ApiKeyService(database.dataSource).create(options.name, options.role, orgId);
      process.stdout.write(`${key}\n`);
    } finally {
      await database.close();
    }
  });

program.parseAsync(process.argv).then(
  () => {
    // One-shot commands end here even if a library left a timer or socket open.
    if (!['serve', 'worker'].includes(program.args[0] ?? '')) process.exit(process.exitCode ?? 0);
  },
  (error: unknown) => {
    log.error({ err: error }, error instanceof Error ? error.message : 'command failed');
    // Pools and listeners may still hold the event loop open; a failed command must end.
    process.exit(1);
  },
);
