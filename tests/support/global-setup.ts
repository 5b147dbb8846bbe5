import type { TestProject } from "vitest/node";
import { runMigrations } from "../../lib/db/run-migrations";
import { createFreshDatabase, testProviders, type TestDatabase, type TestProvider } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** One migrated database per provider under test, shared by the whole integration run. */
    databases: Array<{ provider: TestProvider; url: string }>;
  }
}

async function dropAll(databases: TestDatabase[]): Promise<void> {
  await Promise.all(databases.map((database) => database.drop()));
}

/** Vitest globalSetup: fresh, migrated databases for the run; tests read them with inject("databases"). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databases: TestDatabase[] = [];
  try {
    for (const provider of testProviders()) {
      const database = await createFreshDatabase(provider);
      databases.push(database);
      await runMigrations({ databaseUrl: database.url });
    }
  } catch (error) {
    await dropAll(databases);
    throw error;
  }
  project.provide(
    "databases",
    databases.map(({ provider, url }) => ({ provider, url })),
  );
  return () => dropAll(databases);
}
