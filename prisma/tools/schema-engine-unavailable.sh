#!/bin/sh
# Stand-in for Prisma's native schema engine, which the Prisma CLI would otherwise download at
# start-up (this project runs offline). `prisma generate` does not need the engine; commands that do
# (migrate, db push, introspection) stop here with a hint instead of failing silently.
echo "The Prisma schema engine is not available on this machine." >&2
echo "Apply migrations with 'npm run db:migrate'; draft new ones with 'npm run db:draft-migration' (see README)." >&2
exit 1
