-- SPDX-License-Identifier: EUPL-1.2
-- Employee accounts and their role per tenant. Residents never have an account.
CREATE TABLE account (
    id                     UUID                     NOT NULL PRIMARY KEY,
    username               VARCHAR(100)             NOT NULL,
    display_name           VARCHAR(200)             NOT NULL,
    email                  VARCHAR(254),
    password_hash          VARCHAR(200),
    enabled                BOOLEAN                  NOT NULL,
    platform_administrator BOOLEAN                  NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX account_username_uq ON account (username);

-- The tenant id refers to the organisation module's table; modules keep no foreign keys to each other.
CREATE TABLE account_membership (
    account   UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    tenant_id UUID        NOT NULL,
    role      VARCHAR(30) NOT NULL,
    PRIMARY KEY (account, tenant_id)
);
CREATE INDEX account_membership_tenant_idx ON account_membership (tenant_id);

-- Failed sign-in attempts per user name (also for names that do not exist, so that throttling
-- does not reveal which names do). No address or device is stored.
CREATE TABLE sign_in_failure (
    username      VARCHAR(100)             NOT NULL PRIMARY KEY,
    failures      INT                      NOT NULL,
    last_failure  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
