-- SPDX-License-Identifier: EUPL-1.2
-- Council reports made per period (by hand or on schedule), kept for download.
CREATE TABLE ins_report (
    id           UUID                     NOT NULL PRIMARY KEY,
    tenant_id    UUID                     NOT NULL,
    period_type  VARCHAR(10)              NOT NULL,
    period_start DATE                     NOT NULL,
    format       VARCHAR(10)              NOT NULL,
    content      BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100)             NOT NULL
);
CREATE INDEX ins_report_tenant_idx ON ins_report (tenant_id, period_start);
