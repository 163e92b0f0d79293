-- CreateTable
CREATE TABLE "KbUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "title" TEXT,
    "regulation" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "KbUpload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_KbDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "regulation" TEXT,
    "origin" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'berlaku',
    "addedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "replacesId" TEXT,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KbDocument_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_KbDocument" ("byteSize", "contentHash", "createdAt", "id", "kind", "origin", "regulation", "sourcePath", "status", "title", "updatedAt") SELECT "byteSize", "contentHash", "createdAt", "id", "kind", "origin", "regulation", "sourcePath", "status", "title", "updatedAt" FROM "KbDocument";
DROP TABLE "KbDocument";
ALTER TABLE "new_KbDocument" RENAME TO "KbDocument";
CREATE UNIQUE INDEX "KbDocument_contentHash_key" ON "KbDocument"("contentHash");
CREATE INDEX "KbDocument_sourcePath_idx" ON "KbDocument"("sourcePath");
CREATE INDEX "KbDocument_addedById_idx" ON "KbDocument"("addedById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "KbUpload_userId_idx" ON "KbUpload"("userId");

-- CreateIndex
CREATE INDEX "KbUpload_expiresAt_idx" ON "KbUpload"("expiresAt");
