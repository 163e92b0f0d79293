-- AlterTable
ALTER TABLE "SectionAnswer" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'replace';

-- CreateTable
CREATE TABLE "SectionText" (
    "draftId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "skipped" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SectionText_pkey" PRIMARY KEY ("draftId","sectionKey")
);

-- AddForeignKey
ALTER TABLE "SectionText" ADD CONSTRAINT "SectionText_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ProposalDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

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
      AND substr("SectionAnswer"."text", 1, length(p."previous") + 1) = p."previous" || chr(10));

DROP TABLE "SectionAnswerPrevious";
