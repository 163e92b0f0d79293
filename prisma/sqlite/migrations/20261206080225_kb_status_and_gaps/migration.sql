-- AlterTable
ALTER TABLE "KbDocument" ADD COLUMN "amendedBy" TEXT;

-- CreateTable
CREATE TABLE "KbPasalStatus" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "pasal" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amendedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KbPasalStatus_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "KbDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KbGapQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "KbPasalStatus_documentId_pasal_key" ON "KbPasalStatus"("documentId", "pasal");

-- CreateIndex
CREATE INDEX "KbGapQuestion_createdAt_idx" ON "KbGapQuestion"("createdAt");
