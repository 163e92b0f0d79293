-- AlterTable
ALTER TABLE "KbDocument" ADD COLUMN     "amendedBy" TEXT;

-- CreateTable
CREATE TABLE "KbPasalStatus" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "pasal" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amendedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KbPasalStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KbGapQuestion" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KbGapQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KbPasalStatus_documentId_pasal_key" ON "KbPasalStatus"("documentId", "pasal");

-- CreateIndex
CREATE INDEX "KbGapQuestion_createdAt_idx" ON "KbGapQuestion"("createdAt");

-- AddForeignKey
ALTER TABLE "KbPasalStatus" ADD CONSTRAINT "KbPasalStatus_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "KbDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
