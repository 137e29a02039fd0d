-- SPDX-License-Identifier: EUPL-1.2
-- Appointments of a person with a service (by id, from the organisation module) at a place and time.
-- The version goes up with every change, so messages about an earlier time can be told apart.
CREATE TABLE ct_appointment (
    id              UUID                     NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    person_id       UUID                     NOT NULL REFERENCES ct_person (id),
    service_id      UUID                     NOT NULL,
    place           VARCHAR(300)             NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(12)              NOT NULL,
    version         INT                      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ct_appointment_tenant_idx ON ct_appointment (tenant_id, starts_at);

-- Links to the public page where a resident changes or cancels an appointment (hash only).
CREATE TABLE ct_appointment_token (
    token_hash      VARCHAR(64)              NOT NULL PRIMARY KEY,
    tenant_id       UUID                     NOT NULL,
    appointment_id  UUID                     NOT NULL REFERENCES ct_appointment (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What to bring to an appointment for a service, as staff wrote it.
CREATE TABLE ct_service_preparation (
    tenant_id       UUID                     NOT NULL,
    service_id      UUID                     NOT NULL,
    text_nl         VARCHAR(2000)            NOT NULL,
    text_en         VARCHAR(2000),
    PRIMARY KEY (tenant_id, service_id)
);
