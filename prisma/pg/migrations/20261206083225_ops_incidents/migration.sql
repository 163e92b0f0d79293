-- CreateTable
CREATE TABLE "OpsIncident" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "alertedAt" TIMESTAMP(3),
    "recoveredAt" TIMESTAMP(3),
    "detail" TEXT,

    CONSTRAINT "OpsIncident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OpsIncident_key_recoveredAt_idx" ON "OpsIncident"("key", "recoveredAt");
