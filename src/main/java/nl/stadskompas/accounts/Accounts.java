// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * All employee accounts.
 */
interface Accounts extends ListCrudRepository<Account, UUID> {

    Optional<Account> findByUsername(String username);

    Optional<Account> findByEmail(String email);

    @Query("SELECT a.* FROM account a JOIN account_membership m ON m.account = a.id "
            + "WHERE m.tenant_id = :tenant ORDER BY a.display_name")
    List<Account> findAllInTenant(@Param("tenant") UUID tenantId);
}
