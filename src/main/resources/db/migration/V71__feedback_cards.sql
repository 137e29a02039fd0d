-- SPDX-License-Identifier: EUPL-1.2
-- The feedback card: an idea, compliment, complaint or question from a resident, routed to the
-- team that owns the service. The e-mail address (only for an answer) is erased when it is closed.
CREATE TABLE fb_card (
    id              UUID                     PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    kind            VARCHAR(12)              NOT NULL,
    message         VARCHAR(2000)            NOT NULL,
    service_id      UUID,
    team_id         UUID,
    channel         VARCHAR(20),
    location        VARCHAR(100),
    email           VARCHAR(254),
    language        VARCHAR(2)               NOT NULL,
    status          VARCHAR(12)              NOT NULL,
    answer          VARCHAR(4000),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    token_hash      VARCHAR(64)              NOT NULL UNIQUE
);
CREATE INDEX fb_card_inbox ON fb_card (tenant_id, team_id, status, received_at);
