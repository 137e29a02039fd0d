// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.stadskompas.platform.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An employee's account. It holds a password hash only for built-in sign-in; with OpenID Connect
 * the password stays empty and the identity provider vouches for the user.
 */
@Table("account")
class Account {

    @Id
    private final UUID id;
    private final String username;
    private String displayName;
    private String email;
    private String passwordHash;
    private boolean enabled;
    private boolean platformAdministrator;
    private final Instant createdAt;
    @MappedCollection(idColumn = "account")
    private final Set<AccountMembership> memberships;
    @Version
    private Long version;

    @PersistenceCreator
    Account(UUID id, String username, String displayName, String email, String passwordHash, boolean enabled,
            boolean platformAdministrator, Instant createdAt, Set<AccountMembership> memberships, Long version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.platformAdministrator = platformAdministrator;
        this.createdAt = createdAt;
        this.memberships = new HashSet<>(memberships == null ? Set.of() : memberships);
        this.version = version;
    }

    static Account create(String username, String displayName, String email, String passwordHash, Instant now) {
        return new Account(UUID.randomUUID(), username, displayName, email, passwordHash, true, false, now, Set.of(),
                null);
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean platformAdministrator() {
        return platformAdministrator;
    }

    Instant createdAt() {
        return createdAt;
    }

    Set<AccountMembership> memberships() {
        return Set.copyOf(memberships);
    }

    Optional<Role> roleIn(UUID tenantId) {
        return memberships.stream().filter(m -> m.tenantId().equals(tenantId)).map(AccountMembership::role).findFirst();
    }

    void grant(UUID tenantId, Role role) {
        memberships.removeIf(m -> m.tenantId().equals(tenantId));
        memberships.add(new AccountMembership(tenantId, role));
    }

    void revoke(UUID tenantId) {
        memberships.removeIf(m -> m.tenantId().equals(tenantId));
    }

    void makePlatformAdministrator() {
        this.platformAdministrator = true;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    void describe(String newDisplayName, String newEmail) {
        this.displayName = newDisplayName;
        this.email = newEmail;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }
}
