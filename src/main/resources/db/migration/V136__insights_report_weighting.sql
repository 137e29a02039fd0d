-- SPDX-License-Identifier: EUPL-1.2
-- A council report can be weighted to a set of population margins: the report keeps the name of the
-- set it was weighted to (null: unweighted), and each organisation can choose the set the scheduled
-- reports are weighted to.
ALTER TABLE ins_report ADD COLUMN weighted_to VARCHAR(200);

CREATE TABLE ins_report_setting (
    tenant_id     UUID NOT NULL PRIMARY KEY,
    margin_set_id UUID
);
