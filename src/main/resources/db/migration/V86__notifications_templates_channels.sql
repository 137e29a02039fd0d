-- SPDX-License-Identifier: EUPL-1.2
-- A tenant's own text for a kind of message on a channel in a language. Without a row, the built-in
-- text is used.
CREATE TABLE ntf_template (
    tenant_id   UUID                     NOT NULL,
    kind        VARCHAR(60)              NOT NULL,
    channel     VARCHAR(10)              NOT NULL,
    language    VARCHAR(5)               NOT NULL,
    subject     VARCHAR(300),
    body        VARCHAR(5000)            NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  UUID,
    PRIMARY KEY (tenant_id, kind, channel, language)
);

-- The gateway's id of a message (SMS, letter), to match its delivery receipts, and when it arrived.
ALTER TABLE ntf_message ADD COLUMN provider_id VARCHAR(100);
ALTER TABLE ntf_message ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ntf_message_provider_idx ON ntf_message (provider_id);
CREATE INDEX ntf_message_tenant_created_idx ON ntf_message (tenant_id, created_at);

-- Who looked at recipients and texts of messages (personal data), when, and with which filter.
CREATE TABLE ntf_access_log (
    id          UUID                     NOT NULL PRIMARY KEY,
    tenant_id   UUID                     NOT NULL,
    user_id     UUID,
    action      VARCHAR(20)              NOT NULL,
    messages    INT                      NOT NULL,
    filter      VARCHAR(300),
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ntf_access_log_tenant_idx ON ntf_access_log (tenant_id, at);
