// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.cases;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case references per tenant and year: Z-2026-000001, Z-2026-000002, ... The counter row
 * is locked by the update until the case is saved, so two nodes never hand out the same number.
 */
@Component
class References {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    References(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(UUID tenantId, int year) {
        int updated = increment(tenantId, year);
        if (updated == 0) {
            // The year's first case: create the counter in a transaction of its own, so that a
            // colleague creating it at the same moment does not break this one.
            try {
                separately.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO case_reference_counter (tenant_id, counter_year, last_number) VALUES (:t, :y, 0)")
                        .param("t", tenantId).param("y", year).update());
            } catch (DuplicateKeyException alreadyThere) {
                // Someone else created it; fine.
            }
            increment(tenantId, year);
        }
        int number = jdbc.sql("SELECT last_number FROM case_reference_counter WHERE tenant_id = :t AND counter_year = :y")
                .param("t", tenantId).param("y", year).query(Integer.class).single();
        return format(year, number);
    }

    private int increment(UUID tenantId, int year) {
        return jdbc.sql("UPDATE case_reference_counter SET last_number = last_number + 1 "
                + "WHERE tenant_id = :t AND counter_year = :y").param("t", tenantId).param("y", year).update();
    }

    static String format(int year, int number) {
        return "Z-%d-%06d".formatted(year, number);
    }
}
