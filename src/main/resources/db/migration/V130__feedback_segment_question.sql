-- SPDX-License-Identifier: EUPL-1.2
-- The segment question of an organisation: a single-choice question of its bank (such as "resident
-- or entrepreneur") whose chosen option the KPI dashboard can filter by. At most one per organisation.
CREATE TABLE fb_segment_question (
    tenant_id    UUID        NOT NULL PRIMARY KEY,
    question_key VARCHAR(20) NOT NULL
);
