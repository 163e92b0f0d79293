-- CreateTable
CREATE TABLE "OpsIncident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "alertedAt" DATETIME,
    "recoveredAt" DATETIME,
    "detail" TEXT
);

-- CreateIndex
CREATE INDEX "OpsIncident_key_recoveredAt_idx" ON "OpsIncident"("key", "recoveredAt");
