-- SPDX-License-Identifier: EUPL-1.2
-- ZGW intake: per tenant the connection to the municipality's case system (Zaken, Catalogi and
-- Notificaties APIs), which zaaktype and statustype mean which local case type and status, which
-- zaak is which local case, and the durable inbox of notifications received on the callback.
-- Case type and case ids refer to the cases module; modules keep no foreign keys to each other.

CREATE TABLE zgw_connection (
    tenant_id          UUID          NOT NULL PRIMARY KEY,
    zaken_url          VARCHAR(500)  NOT NULL,
    catalogi_url       VARCHAR(500)  NOT NULL,
    notificaties_url   VARCHAR(500)  NOT NULL,
    client_id          VARCHAR(200)  NOT NULL,
    client_secret      VARCHAR(500)  NOT NULL,
    callback_token     VARCHAR(200)  NOT NULL,
    abonnement_url     VARCHAR(1000),
    abonnement_at      TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which local case type a zaak of this zaaktype becomes.
CREATE TABLE zgw_zaaktype (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     UUID          NOT NULL,
    zaaktype_url  VARCHAR(1000) NOT NULL,
    case_type_id  UUID          NOT NULL,
    channel       VARCHAR(20)   NOT NULL
);
CREATE UNIQUE INDEX zgw_zaaktype_uq ON zgw_zaaktype (tenant_id, zaaktype_url);

-- Which local status a statustype means: matched on its URL, its volgnummer or its omschrijving.
CREATE TABLE zgw_statustype (
    id            UUID          NOT NULL PRIMARY KEY,
    tenant_id     UUID          NOT NULL,
    zaaktype_id   UUID          NOT NULL REFERENCES zgw_zaaktype (id) ON DELETE CASCADE,
    match_on      VARCHAR(1000) NOT NULL,
    status_code   VARCHAR(40)   NOT NULL
);
CREATE UNIQUE INDEX zgw_statustype_uq ON zgw_statustype (zaaktype_id, match_on);

-- Which local case a zaak is, and the last status taken over from it.
CREATE TABLE zgw_zaak (
    tenant_id       UUID          NOT NULL,
    zaak_url        VARCHAR(1000) NOT NULL,
    case_id         UUID          NOT NULL,
    last_status_url VARCHAR(1000),
    PRIMARY KEY (tenant_id, zaak_url)
);

-- Every notification received, stored before it is acknowledged; identity is a hash of its fields,
-- so a notification sent again is stored once.
CREATE TABLE zgw_inbox (
    id             UUID          NOT NULL PRIMARY KEY,
    tenant_id      UUID          NOT NULL,
    identity_hash  VARCHAR(64)   NOT NULL,
    kanaal         VARCHAR(50)   NOT NULL,
    hoofd_object   VARCHAR(1000) NOT NULL,
    resource       VARCHAR(100)  NOT NULL,
    resource_url   VARCHAR(1000) NOT NULL,
    actie          VARCHAR(100)  NOT NULL,
    aanmaakdatum   VARCHAR(40)   NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(20)   NOT NULL,
    attempts       INT           NOT NULL,
    last_error     VARCHAR(1000),
    case_id        UUID,
    outcome        VARCHAR(40),
    status_code    VARCHAR(40),
    inform_differs BOOLEAN       NOT NULL DEFAULT FALSE,
    processed_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX zgw_inbox_identity_uq ON zgw_inbox (tenant_id, identity_hash);
CREATE INDEX zgw_inbox_received_idx ON zgw_inbox (tenant_id, received_at);
