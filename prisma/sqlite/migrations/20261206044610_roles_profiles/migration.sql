-- AlterTable
ALTER TABLE "User" ADD COLUMN "fullName" TEXT;
ALTER TABLE "User" ADD COLUMN "opd" TEXT;
ALTER TABLE "User" ADD COLUMN "opdKey" TEXT;
ALTER TABLE "User" ADD COLUMN "preferredChannel" TEXT;
ALTER TABLE "User" ADD COLUMN "profileAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "region" TEXT;
ALTER TABLE "User" ADD COLUMN "regionKey" TEXT;
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;

-- AlterTable
ALTER TABLE "ChannelIdentity" ADD COLUMN "blockedAt" DATETIME;
ALTER TABLE "ChannelIdentity" ADD COLUMN "firstMessageAt" DATETIME;

-- CreateTable
CREATE TABLE "CoordinatorScope" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionKey" TEXT NOT NULL,
    "opdKey" TEXT NOT NULL DEFAULT '',
    "label" TEXT NOT NULL,
    "grantedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoordinatorScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoleInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "scope" JSONB,
    "createdBy" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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

-- Every identity that exists so far was created by a message from that person.
UPDATE "ChannelIdentity" SET "firstMessageAt" = "createdAt";
