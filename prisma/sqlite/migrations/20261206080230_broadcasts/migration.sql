-- AlterTable
ALTER TABLE "User" ADD COLUMN "announcementsOptOutAt" DATETIME;

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT,
    "text" TEXT NOT NULL,
    "documentName" TEXT,
    "documentMime" TEXT,
    "documentData" BLOB,
    "audience" JSONB NOT NULL,
    "audienceLabel" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "scheduledAt" DATETIME,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Broadcast_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BroadcastRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "broadcastId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "partsSent" INTEGER NOT NULL DEFAULT 0,
    "messageIds" JSONB,
    "reason" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BroadcastRecipient_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BroadcastRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Broadcast_createdById_createdAt_idx" ON "Broadcast"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Broadcast_state_idx" ON "Broadcast"("state");

-- CreateIndex
CREATE INDEX "BroadcastRecipient_broadcastId_status_idx" ON "BroadcastRecipient"("broadcastId", "status");

-- CreateIndex
CREATE INDEX "BroadcastRecipient_status_leaseUntil_idx" ON "BroadcastRecipient"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "BroadcastRecipient_channel_status_sentAt_idx" ON "BroadcastRecipient"("channel", "status", "sentAt");

-- CreateIndex
CREATE INDEX "BroadcastRecipient_userId_idx" ON "BroadcastRecipient"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "BroadcastRecipient_broadcastId_userId_key" ON "BroadcastRecipient"("broadcastId", "userId");
