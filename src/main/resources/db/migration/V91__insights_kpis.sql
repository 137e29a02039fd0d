-- SPDX-License-Identifier: EUPL-1.2
-- The KPI catalogue of an organisation: each KPI follows one measure that a module offers through
-- the KpiSource extension point (a survey statement's mean, the lead time of cases...). The measure's
-- unit and direction are copied, so the catalogue stays readable when a source changes.
CREATE TABLE ins_kpi (
    id               UUID                     NOT NULL PRIMARY KEY,
    tenant_id        UUID                     NOT NULL,
    measure          VARCHAR(80)              NOT NULL,
    kind             VARCHAR(10)              NOT NULL,
    unit             VARCHAR(10)              NOT NULL,
    aggregation      VARCHAR(10)              NOT NULL,
    higher_is_better BOOLEAN                  NOT NULL,
    name_nl          VARCHAR(200)             NOT NULL,
    name_en          VARCHAR(200),
    position         INT                      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ins_kpi_measure_uq ON ins_kpi (tenant_id, measure);

-- What the organisation aims for, and by when.
CREATE TABLE ins_kpi_target (
    id        UUID          NOT NULL PRIMARY KEY,
    tenant_id UUID          NOT NULL,
    kpi_id    UUID          NOT NULL REFERENCES ins_kpi (id) ON DELETE CASCADE,
    target    DOUBLE PRECISION NOT NULL,
    deadline  DATE          NOT NULL,
    note      VARCHAR(500)
);
CREATE INDEX ins_kpi_target_kpi_idx ON ins_kpi_target (kpi_id);

-- Figures from elsewhere (province, country, a benchmark study), entered by hand.
CREATE TABLE ins_kpi_reference (
    id        UUID          NOT NULL PRIMARY KEY,
    tenant_id UUID          NOT NULL,
    kpi_id    UUID          NOT NULL REFERENCES ins_kpi (id) ON DELETE CASCADE,
    label     VARCHAR(200)  NOT NULL,
    ref_value DOUBLE PRECISION NOT NULL,
    source    VARCHAR(300)  NOT NULL
);
CREATE INDEX ins_kpi_reference_kpi_idx ON ins_kpi_reference (kpi_id);

-- Monthly roll-ups of every measure in the catalogue, per combination of municipality, service,
-- channel, team and respondent group: count, sum and sum of squares, so that quarters and years
-- (and the variance for the significance test) follow by adding months. Refreshed from the sources.
CREATE TABLE ins_kpi_rollup (
    tenant_id       UUID             NOT NULL,
    measure         VARCHAR(80)      NOT NULL,
    month_start     DATE             NOT NULL,
    municipality_id UUID,
    service_id      UUID,
    channel         VARCHAR(20),
    team_id         UUID,
    grp             VARCHAR(10),
    n               BIGINT           NOT NULL,
    total           DOUBLE PRECISION NOT NULL,
    total_sq        DOUBLE PRECISION NOT NULL
);
CREATE INDEX ins_kpi_rollup_idx ON ins_kpi_rollup (tenant_id, measure, month_start);

CREATE TABLE ins_kpi_refresh (
    tenant_id    UUID                     NOT NULL PRIMARY KEY,
    refreshed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
