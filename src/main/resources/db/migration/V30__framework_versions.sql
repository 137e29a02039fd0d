-- SPDX-License-Identifier: EUPL-1.2
-- The service framework of a tenant: one framework with versions. A version holds core values,
-- promises with their needs and guidance lines, statements, service aspects and norms. Items of a
-- version are rewritten as a whole when the version is saved; their code stays stable over versions.
CREATE TABLE fw_framework (
    id         UUID                     NOT NULL PRIMARY KEY,
    tenant_id  UUID                     NOT NULL,
    -- The one draft the framework may have; null when there is none. Guarded by the row version.
    draft_id   UUID,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX fw_framework_tenant_uq ON fw_framework (tenant_id);

CREATE TABLE fw_version (
    id           UUID                     NOT NULL PRIMARY KEY,
    tenant_id    UUID                     NOT NULL,
    framework_id UUID                     NOT NULL REFERENCES fw_framework (id),
    status       VARCHAR(20)              NOT NULL,
    label        VARCHAR(20),
    name         VARCHAR(200)             NOT NULL,
    description  VARCHAR(2000),
    based_on     VARCHAR(20),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   UUID,
    published_at TIMESTAMP WITH TIME ZONE,
    published_by UUID,
    -- The publisher's user name as it was then, so history stays readable if the account goes.
    published_by_name VARCHAR(100),
    version      BIGINT                   NOT NULL
);
CREATE INDEX fw_version_tenant_idx ON fw_version (tenant_id);
-- A draft has no label yet; NULLs do not collide in a unique index.
CREATE UNIQUE INDEX fw_version_label_uq ON fw_version (framework_id, label);

CREATE TABLE fw_core_value (
    fw_version  UUID          NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index  INT           NOT NULL,
    code        VARCHAR(20)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000),
    PRIMARY KEY (fw_version, item_index)
);

CREATE TABLE fw_promise (
    fw_version  UUID          NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index  INT           NOT NULL,
    code        VARCHAR(20)   NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    description VARCHAR(2000),
    PRIMARY KEY (fw_version, item_index)
);

-- Lines of a promise: the needs behind it (in the resident's voice), and the guidance on what it
-- does and does not mean for an employee.
CREATE TABLE fw_promise_need (
    fw_version UUID         NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index INT          NOT NULL,
    line_index INT          NOT NULL,
    text       VARCHAR(500) NOT NULL,
    PRIMARY KEY (fw_version, item_index, line_index)
);

CREATE TABLE fw_promise_means (
    fw_version UUID         NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index INT          NOT NULL,
    line_index INT          NOT NULL,
    text       VARCHAR(500) NOT NULL,
    PRIMARY KEY (fw_version, item_index, line_index)
);

CREATE TABLE fw_promise_not_means (
    fw_version UUID         NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index INT          NOT NULL,
    line_index INT          NOT NULL,
    text       VARCHAR(500) NOT NULL,
    PRIMARY KEY (fw_version, item_index, line_index)
);

CREATE TABLE fw_statement (
    fw_version   UUID         NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index   INT          NOT NULL,
    code         VARCHAR(20)  NOT NULL,
    text_nl      VARCHAR(500) NOT NULL,
    text_en      VARCHAR(500),
    promise_code VARCHAR(20)  NOT NULL,
    PRIMARY KEY (fw_version, item_index)
);

CREATE TABLE fw_aspect (
    fw_version UUID         NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index INT          NOT NULL,
    code       VARCHAR(20)  NOT NULL,
    name_nl    VARCHAR(300) NOT NULL,
    name_en    VARCHAR(300),
    category   VARCHAR(20)  NOT NULL,
    PRIMARY KEY (fw_version, item_index)
);

-- A norm or work agreement. Its scope refers to a team or service of the organisation module by
-- id (no foreign key across modules) and keeps the name, so that an imported norm whose team does
-- not exist yet still says which team it meant.
CREATE TABLE fw_norm (
    fw_version     UUID          NOT NULL REFERENCES fw_version (id) ON DELETE CASCADE,
    item_index     INT           NOT NULL,
    code           VARCHAR(20)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    measure        VARCHAR(500)  NOT NULL,
    threshold      NUMERIC(12,2) NOT NULL,
    unit           VARCHAR(20)   NOT NULL,
    target_percent NUMERIC(5,2),
    scope          VARCHAR(20)   NOT NULL,
    scope_id       UUID,
    scope_name     VARCHAR(200),
    PRIMARY KEY (fw_version, item_index)
);
