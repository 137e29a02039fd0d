-- SPDX-License-Identifier: EUPL-1.2
-- A feedback card that the team turned into a case keeps the case's id and reference, so that the
-- card shows it and cannot be turned into a second case.
ALTER TABLE fb_card ADD COLUMN case_id UUID;
ALTER TABLE fb_card ADD COLUMN case_reference VARCHAR(40);
