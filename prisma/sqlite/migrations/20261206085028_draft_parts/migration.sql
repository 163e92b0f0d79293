-- CreateTable
CREATE TABLE "SectionText" (
    "draftId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "skipped" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("draftId", "sectionKey"),
    CONSTRAINT "SectionText_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ProposalDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SectionAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL DEFAULT 'replace',
    CONSTRAINT "SectionAnswer_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ProposalDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SectionAnswer" ("createdAt", "draftId", "id", "sectionKey", "skipped", "text", "version") SELECT "createdAt", "draftId", "id", "sectionKey", "skipped", "text", "version" FROM "SectionAnswer";
DROP TABLE "SectionAnswer";
ALTER TABLE "new_SectionAnswer" RENAME TO "SectionAnswer";
CREATE INDEX "SectionAnswer_draftId_idx" ON "SectionAnswer"("draftId");
CREATE UNIQUE INDEX "SectionAnswer_draftId_sectionKey_version_key" ON "SectionAnswer"("draftId", "sectionKey", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Existing drafts, without loss: each section's current answer as it was, then every version stored as the
-- change it made (a message added to the answer, a skip) instead of the whole answer it led to. Replaying
-- the versions gives the same text at every version: an append is the previous text, a newline, the part.
INSERT INTO "SectionText" ("draftId", "sectionKey", "text", "skipped", "version", "updatedAt")
SELECT a."draftId", a."sectionKey", a."text", a."skipped", a."version", a."createdAt"
  FROM "SectionAnswer" a
 WHERE a."version" = (SELECT MAX(b."version") FROM "SectionAnswer" b WHERE b."draftId" = a."draftId" AND b."sectionKey" = a."sectionKey");

CREATE TEMP TABLE "SectionAnswerPrevious" AS
SELECT "id", COALESCE(LAG("text") OVER (PARTITION BY "draftId", "sectionKey" ORDER BY "version"), '') AS "previous"
  FROM "SectionAnswer";

UPDATE "SectionAnswer" SET "kind" = 'skip', "text" = ''
 WHERE "skipped" AND "text" = (SELECT p."previous" FROM "SectionAnswerPrevious" p WHERE p."id" = "SectionAnswer"."id");

UPDATE "SectionAnswer"
   SET "kind" = 'append',
       "text" = substr("text", length((SELECT p."previous" FROM "SectionAnswerPrevious" p WHERE p."id" = "SectionAnswer"."id")) + 2)
 WHERE NOT "skipped" AND EXISTS (
   SELECT 1 FROM "SectionAnswerPrevious" p
    WHERE p."id" = "SectionAnswer"."id" AND p."previous" <> ''
      AND substr("SectionAnswer"."text", 1, length(p."previous") + 1) = p."previous" || char(10));

DROP TABLE "SectionAnswerPrevious";
