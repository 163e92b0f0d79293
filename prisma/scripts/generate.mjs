// postinstall: write the provider-specific schemas from prisma/models.prisma and generate both clients.
// Runs offline: the wrapper points Prisma at placeholder engines so nothing is downloaded.
import { writeSchemas } from './schemas.mjs';
import { runPrisma } from './prisma.mjs';

for (const { dir, file } of writeSchemas()) {
  const status = runPrisma(['generate', '--schema', file]);
  if (status !== 0) {
    console.error(`prisma generate failed for ${dir}`);
    process.exit(status);
  }
}
