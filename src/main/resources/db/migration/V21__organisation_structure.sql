-- SPDX-License-Identifier: EUPL-1.2
-- How an organisation is built: the municipalities it serves, domains, teams with core tasks,
-- services with their owner team, municipalities and channels. Every row carries its tenant.
CREATE TABLE org_municipality (
    id        UUID         NOT NULL PRIMARY KEY,
    tenant_id UUID         NOT NULL,
    name      VARCHAR(200) NOT NULL,
    cbs_code  VARCHAR(10),
    version   BIGINT       NOT NULL
);
CREATE UNIQUE INDEX org_municipality_name_uq ON org_municipality (tenant_id, name);

CREATE TABLE org_domain (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000),
    version     BIGINT        NOT NULL
);
CREATE UNIQUE INDEX org_domain_name_uq ON org_domain (tenant_id, name);

CREATE TABLE org_team (
    id          UUID          NOT NULL PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    domain_id   UUID,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000),
    version     BIGINT        NOT NULL
);
CREATE UNIQUE INDEX org_team_name_uq ON org_team (tenant_id, name);
CREATE INDEX org_team_domain_idx ON org_team (domain_id);

CREATE TABLE org_team_core_task (
    org_team     UUID         NOT NULL REFERENCES org_team (id) ON DELETE CASCADE,
    org_team_key INT          NOT NULL,
    description  VARCHAR(500) NOT NULL,
    PRIMARY KEY (org_team, org_team_key)
);

CREATE TABLE org_service (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     UUID          NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    description   VARCHAR(2000),
    owner_team_id UUID,
    keywords      VARCHAR(1000),
    version       BIGINT        NOT NULL
);
CREATE UNIQUE INDEX org_service_name_uq ON org_service (tenant_id, name);
CREATE INDEX org_service_team_idx ON org_service (owner_team_id);

CREATE TABLE org_service_municipality (
    org_service     UUID NOT NULL REFERENCES org_service (id) ON DELETE CASCADE,
    municipality_id UUID NOT NULL,
    PRIMARY KEY (org_service, municipality_id)
);

CREATE TABLE org_service_channel (
    org_service UUID        NOT NULL REFERENCES org_service (id) ON DELETE CASCADE,
    channel     VARCHAR(20) NOT NULL,
    PRIMARY KEY (org_service, channel)
);
