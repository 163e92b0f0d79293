-- AlterTable
ALTER TABLE "User" ADD COLUMN     "fullName" TEXT,
ADD COLUMN     "opd" TEXT,
ADD COLUMN     "opdKey" TEXT,
ADD COLUMN     "preferredChannel" TEXT,
ADD COLUMN     "profileAt" TIMESTAMP(3),
ADD COLUMN     "region" TEXT,
ADD COLUMN     "regionKey" TEXT,
ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "ChannelIdentity" ADD COLUMN     "blockedAt" TIMESTAMP(3),
ADD COLUMN     "firstMessageAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CoordinatorScope" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionKey" TEXT NOT NULL,
    "opdKey" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL,
    "grantedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoordinatorScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleInvite" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "scope" JSONB,
    "createdBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoordinatorScope_regionKey_opdKey_idx" ON "CoordinatorScope"("regionKey", "opdKey");

-- CreateIndex
CREATE UNIQUE INDEX "CoordinatorScope_userId_kind_regionKey_opdKey_key" ON "CoordinatorScope"("userId", "kind", "regionKey", "opdKey");

-- CreateIndex
CREATE UNIQUE INDEX "RoleInvite_code_key" ON "RoleInvite"("code");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_subject_idx" ON "AuditEvent"("subject");

-- CreateIndex
CREATE INDEX "User_regionKey_opdKey_idx" ON "User"("regionKey", "opdKey");

-- AddForeignKey
ALTER TABLE "CoordinatorScope" ADD CONSTRAINT "CoordinatorScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every identity that exists so far was created by a message from that person.
UPDATE "ChannelIdentity" SET "firstMessageAt" = "createdAt";
