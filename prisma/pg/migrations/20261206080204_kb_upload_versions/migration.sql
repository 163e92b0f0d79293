-- AlterTable
ALTER TABLE "KbDocument" ADD COLUMN     "addedById" TEXT,
ADD COLUMN     "replacesId" TEXT,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "KbUpload" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "title" TEXT,
    "regulation" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KbUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KbUpload_userId_idx" ON "KbUpload"("userId");

-- CreateIndex
CREATE INDEX "KbUpload_expiresAt_idx" ON "KbUpload"("expiresAt");

-- CreateIndex
CREATE INDEX "KbDocument_addedById_idx" ON "KbDocument"("addedById");

-- AddForeignKey
ALTER TABLE "KbDocument" ADD CONSTRAINT "KbDocument_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KbUpload" ADD CONSTRAINT "KbUpload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
