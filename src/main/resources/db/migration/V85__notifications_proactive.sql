-- SPDX-License-Identifier: EUPL-1.2
-- Proactive messages (notifications module). A registered expiry date of a travel document or
-- driving licence: the notice is queued by a persistent job at notice_at, when consent is checked.
CREATE TABLE ntf_pro_document_expiry (
    id              UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    recipient       VARCHAR(320)             NOT NULL,
    document        VARCHAR(20)              NOT NULL,
    expires_on      DATE                     NOT NULL,
    notice_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    dedup_key       VARCHAR(200)             NOT NULL
);
CREATE UNIQUE INDEX ntf_pro_document_expiry_uq ON ntf_pro_document_expiry (tenant_id, dedup_key);

-- The services a resident is pointed to after a life event, per tenant, as staff set them.
CREATE TABLE ntf_pro_life_event_link (
    tenant_id       UUID                     NOT NULL,
    life_event      VARCHAR(20)              NOT NULL,
    position        INT                      NOT NULL,
    title_nl        VARCHAR(200)             NOT NULL,
    title_en        VARCHAR(200),
    url             VARCHAR(500)             NOT NULL,
    PRIMARY KEY (tenant_id, life_event, position)
);
