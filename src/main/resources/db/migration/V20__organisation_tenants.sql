-- SPDX-License-Identifier: EUPL-1.2
-- Organisations are the tenants: every row of every module that belongs to one carries its id.
CREATE TABLE organisation (
    id         UUID                     NOT NULL PRIMARY KEY,
    slug       VARCHAR(60)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX organisation_slug_uq ON organisation (slug);
