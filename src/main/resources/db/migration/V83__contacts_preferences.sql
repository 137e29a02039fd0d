-- SPDX-License-Identifier: EUPL-1.2
-- Contact preferences per person. A person is known only by a tenant-scoped key (the SHA-256 of the
-- tenant and the normalised e-mail address or phone number) plus the addresses they gave, which are
-- needed to reach them in the way they chose.
CREATE TABLE ct_person (
    id              UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    person_key      VARCHAR(64)              NOT NULL,
    email           VARCHAR(320),
    phone           VARCHAR(40),
    postal_address  VARCHAR(500),
    channel         VARCHAR(10)              NOT NULL,
    language        VARCHAR(5)               NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ct_person_key_uq ON ct_person (tenant_id, person_key);

-- One row per person and kind of proactive message: given or withdrawn, and when.
CREATE TABLE ct_consent (
    person_id       UUID                     NOT NULL REFERENCES ct_person (id),
    tenant_id       UUID                     NOT NULL,
    kind            VARCHAR(40)              NOT NULL,
    given           BOOLEAN                  NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, kind)
);

-- Links to the resident's preferences page: only the hash of the token is kept.
CREATE TABLE ct_preference_token (
    token_hash      VARCHAR(64)              NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    person_id       UUID                     NOT NULL REFERENCES ct_person (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ct_preference_token_person_idx ON ct_preference_token (tenant_id, person_id);

-- Every look at or change of a person's contact data by an employee.
CREATE TABLE ct_access_log (
    id              UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    person_id       UUID                     NOT NULL,
    user_id         UUID                     NOT NULL,
    action          VARCHAR(40)              NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ct_access_log_person_idx ON ct_access_log (tenant_id, person_id, at);
