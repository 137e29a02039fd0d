// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the gateway reports back about a message it took: delivered, or not deliverable. A receipt
 * names our message id (the reference we gave) and the gateway's id; both must match. Receipts may
 * come twice or late: a delivered message stays delivered.
 */
@Service
public class DeliveryReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReceipts.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryReceipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The outcomes a gateway reports. */
    public enum Outcome {
        DELIVERED, FAILED, PENDING
    }

    /**
     * Records a receipt.
     *
     * @param reference our message id
     * @param providerId the gateway's id of the message
     * @param outcome what happened
     * @param detail the gateway's own status, kept as the error of a failed message
     * @param at when it happened, or null for now
     * @return the message's status afterwards, or empty when no message matches
     */
    @Transactional
    public Optional<MessageStatus> record(UUID reference, String providerId, Outcome outcome, String detail,
            Instant at) {
        Optional<String> current = jdbc.sql("SELECT status FROM ntf_message WHERE id = :id AND provider_id = :p")
                .param("id", reference).param("p", providerId)
                .query(String.class).optional();
        if (current.isEmpty()) {
            LOG.warn("Delivery receipt for unknown message {} ({})", reference, providerId);
            return Optional.empty();
        }
        Instant when = at == null ? clock.instant() : at;
        switch (outcome) {
            case DELIVERED -> jdbc.sql("UPDATE ntf_message SET status = 'DELIVERED', delivered_at = :at "
                            + "WHERE id = :id AND status IN ('SENT', 'FAILED')")
                    .param("at", Timestamp.from(when)).param("id", reference).update();
            case FAILED -> jdbc.sql("UPDATE ntf_message SET status = 'FAILED', last_error = :e "
                            + "WHERE id = :id AND status = 'SENT'")
                    .param("e", "The gateway could not deliver it: " + detail).param("id", reference).update();
            case PENDING -> {
                // still on its way: nothing changes
            }
        }
        return jdbc.sql("SELECT status FROM ntf_message WHERE id = :id").param("id", reference)
                .query(String.class).optional().map(MessageStatus::valueOf);
    }
}
