-- CreateTable
CREATE TABLE "Innovation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opd" TEXT NOT NULL,
    "opdKey" TEXT NOT NULL,
    "region" TEXT,
    "regionKey" TEXT,
    "stage" TEXT NOT NULL DEFAULT 'usulan',
    "startDate" TEXT NOT NULL,
    "trialEndDate" TEXT,
    "cadence" TEXT NOT NULL DEFAULT 'monthly',
    "dueDay" INTEGER NOT NULL DEFAULT 0,
    "remindHour" INTEGER NOT NULL DEFAULT 8,
    "remindDaysBefore" INTEGER NOT NULL DEFAULT 3,
    "status" TEXT NOT NULL DEFAULT 'active',
    "source" TEXT NOT NULL DEFAULT 'chat',
    "proposalDraftId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Innovation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "innovationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "via" TEXT NOT NULL DEFAULT 'chat',
    "progress" INTEGER,
    "activities" TEXT,
    "results" TEXT,
    "obstacles" TEXT,
    "nextSteps" TEXT,
    "currentStep" TEXT,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProgressReport_innovationId_fkey" FOREIGN KEY ("innovationId") REFERENCES "Innovation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProgressReport_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reportId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT,
    "size" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportAttachment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Innovation_ownerId_idx" ON "Innovation"("ownerId");

-- CreateIndex
CREATE INDEX "Innovation_regionKey_opdKey_idx" ON "Innovation"("regionKey", "opdKey");

-- CreateIndex
CREATE INDEX "ProgressReport_authorId_idx" ON "ProgressReport"("authorId");

-- CreateIndex
CREATE INDEX "ProgressReport_status_submittedAt_idx" ON "ProgressReport"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_innovationId_periodKey_key" ON "ProgressReport"("innovationId", "periodKey");

-- CreateIndex
CREATE INDEX "ReportAttachment_reportId_idx" ON "ReportAttachment"("reportId");
