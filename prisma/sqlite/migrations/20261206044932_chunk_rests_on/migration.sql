-- AlterTable
ALTER TABLE "KbChunk" ADD COLUMN "restsOn" TEXT;
