import { packagePath } from '../package-root.js';

/** The committed drizzle-kit migrations, at the package root whether running from src/ or dist/. */
export const migrationsFolder = packagePath('migrations');
