import type { Container } from 'inversify';
import { newAccount, type Clock, type EnsureBootstrapAdmin, type PasswordHasher, type UserRepository } from '@sooscode/domain';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { RuntimeSettings } from './config/runtime-settings';
import { seedDemoClass } from './seed-classroom';
import { TOKENS } from './tokens';

/** Demo accounts of the embedded run (also listed in the README). */
export const DEMO_ACCOUNTS = [
  { email: 'instructor@sooscode.local', password: 'Instructor1!', name: '이강사', role: 'INSTRUCTOR' },
  { email: 'student1@sooscode.local', password: 'Student1!', name: '김학생', role: 'STUDENT' },
  { email: 'student2@sooscode.local', password: 'Student2!', name: '박학생', role: 'STUDENT' },
] as const;

/** Creates the bootstrap admin (when no admin exists) and, on a first embedded start, the demo data. */
export async function seedOnStart(container: Container, settings: RuntimeSettings, logger: Logger): Promise<void> {
  if (settings.bootstrapAdmin) {
    const outcome = await container.get<EnsureBootstrapAdmin>(TOKENS.EnsureBootstrapAdmin).execute(settings.bootstrapAdmin);
    if (outcome === 'created') logger.info({ email: settings.bootstrapAdmin.email }, 'bootstrap admin created');
    if (outcome === 'email-taken') logger.warn({ email: settings.bootstrapAdmin.email }, 'bootstrap admin not created: the email belongs to a non-admin account');
    if (settings.bootstrapAdmin.defaulted) {
      logger.warn(
        { email: settings.bootstrapAdmin.email },
        'embedded run: the bootstrap admin uses the default password from the README; change it (my page) or set BOOTSTRAP_ADMIN_EMAIL/BOOTSTRAP_ADMIN_PASSWORD',
      );
    }
  }
  if (settings.seedDemoData) {
    await seedDemoAccounts(container, logger);
    await seedDemoClass(container, logger);
  }
}

async function seedDemoAccounts(container: Container, logger: Logger): Promise<void> {
  const users = container.get<UserRepository>(TOKENS.UserRepository);
  const hasher = container.get<PasswordHasher>(TOKENS.PasswordHasher);
  const clock = container.get<Clock>(TOKENS.Clock);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByEmail(account.email)) continue;
    const now = clock.now();
    await users.create(newAccount({ email: account.email, name: account.name, passwordHash: await hasher.hash(account.password), role: account.role }, now));
    created++;
  }
  if (created) logger.info({ accounts: DEMO_ACCOUNTS.map((a) => a.email) }, 'demo accounts seeded (passwords in the README)');
}
