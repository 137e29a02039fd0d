-- SPDX-License-Identifier: EUPL-1.2
-- Every message to a resident or employee, with its delivery status. The dedup key makes queueing
-- idempotent: the same logical message (e.g. "reminder for invitation X") is never queued twice.
CREATE TABLE ntf_message (
    id              UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    kind            VARCHAR(60)              NOT NULL,
    channel         VARCHAR(10)              NOT NULL,
    recipient       VARCHAR(320)             NOT NULL,
    language        VARCHAR(5)               NOT NULL,
    subject         VARCHAR(300)             NOT NULL,
    body_text       VARCHAR(20000)           NOT NULL,
    dedup_key       VARCHAR(200)             NOT NULL,
    status          VARCHAR(12)              NOT NULL,
    attempts        INT                      NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);
CREATE UNIQUE INDEX ntf_message_dedup_uq ON ntf_message (tenant_id, dedup_key);
CREATE INDEX ntf_message_tenant_status_idx ON ntf_message (tenant_id, status, due_at);
