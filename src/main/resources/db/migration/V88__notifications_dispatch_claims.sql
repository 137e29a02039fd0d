-- SPDX-License-Identifier: EUPL-1.2
-- Messages are claimed for delivery in batches (ADR 505): a node writes its name and how long the
-- claim holds; a claim of a node that died runs out and another node takes the messages over.
ALTER TABLE ntf_message ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE ntf_message ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
-- The due messages of every tenant, in order; sent messages leave the QUEUED range of the index.
CREATE INDEX ntf_message_status_due_idx ON ntf_message (status, due_at);
-- The delivery job per message is replaced by the claims; queued messages are found in ntf_message.
DELETE FROM scheduled_tasks WHERE task_name = 'notifications-send';
