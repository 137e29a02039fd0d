-- SPDX-License-Identifier: EUPL-1.2
-- The municipality of the organisation a case is about (organisation module's id, no foreign key
-- across modules). Optional: earlier cases and cases from systems that do not say stay empty.
ALTER TABLE case_file ADD COLUMN municipality_id UUID;
