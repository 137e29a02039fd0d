-- SPDX-License-Identifier: EUPL-1.2
-- The segment of a roll-up row: the option respondents chose in the organisation's segment question,
-- or null (no answer, no segment question, or a hard figure such as a case).
ALTER TABLE ins_kpi_rollup ADD COLUMN segment VARCHAR(40);
