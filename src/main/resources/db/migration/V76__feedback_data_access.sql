-- SPDX-License-Identifier: EUPL-1.2
-- Who looked at research data or personal data of the feedback module, and when: raw exports of
-- answers and the viewing and deleting of contact consents. Kept for accountability.
CREATE TABLE fb_data_access (
    id               UUID                     NOT NULL PRIMARY KEY,
    tenant_id        UUID                     NOT NULL,
    user_id          UUID                     NOT NULL,
    username         VARCHAR(100)             NOT NULL,
    action           VARCHAR(30)              NOT NULL,
    questionnaire_id UUID,
    detail           VARCHAR(200),
    happened_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fb_data_access_tenant_idx ON fb_data_access (tenant_id, happened_at);
