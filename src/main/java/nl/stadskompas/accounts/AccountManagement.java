// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.stadskompas.organisation.OrganisationRegistered;
import nl.stadskompas.platform.NotFoundException;
import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.ValidationProblem;

import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts, giving and taking roles, and passwords. Every operation on another user is
 * limited to one tenant: an administrator sees and changes only the accounts in their own tenant.
 */
@Service
public class AccountManagement {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,98}[a-z0-9]");
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountManagement(Accounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * A new account with a role in the tenant and a generated password, returned once so that the
     * administrator can hand it over.
     */
    @Transactional
    public NewAccount create(UUID tenantId, String username, String displayName, String email, Role role) {
        String name = normaliseUsername(username);
        if (!USERNAME.matcher(name).matches()) {
            throw ValidationProblem.of("username", "accounts.username.invalid");
        }
        if (accounts.findByUsername(name).isPresent()) {
            throw ValidationProblem.of("username", "accounts.username.taken");
        }
        String password = generatePassword();
        Account account = Account.create(name, displayName.trim(), normaliseEmail(email), passwords.encode(password),
                clock.instant());
        account.grant(tenantId, role);
        accounts.save(account);
        return new NewAccount(account.id(), name, password);
    }

    /** Creates the first administrator of the installation, unless any account exists. */
    @Transactional
    public java.util.Optional<NewAccount> createFirstAdministrator(String username, String chosenPassword,
            List<UUID> tenants) {
        if (accounts.count() > 0) {
            return java.util.Optional.empty();
        }
        String name = normaliseUsername(username);
        String password = chosenPassword == null || chosenPassword.isBlank() ? generatePassword() : chosenPassword;
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("The administrator password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        Account account = Account.create(name, "Beheerder", null, passwords.encode(password), clock.instant());
        account.makePlatformAdministrator();
        tenants.forEach(t -> account.grant(t, Role.ADMINISTRATOR));
        accounts.save(account);
        return java.util.Optional.of(new NewAccount(account.id(), name, password));
    }

    /** The accounts that have a role in the tenant. */
    @Transactional(readOnly = true)
    public List<AccountSummary> inTenant(UUID tenantId) {
        return accounts.findAllInTenant(tenantId).stream().map(a -> summary(a, tenantId)).toList();
    }

    @Transactional(readOnly = true)
    public AccountSummary get(UUID tenantId, UUID accountId) {
        return summary(member(tenantId, accountId), tenantId);
    }

    @Transactional
    public void changeRole(UUID tenantId, UUID accountId, Role role, UUID actingUser) {
        Account account = member(tenantId, accountId);
        if (account.id().equals(actingUser) && role != Role.ADMINISTRATOR) {
            throw ValidationProblem.of("role", "accounts.role.notOwn");
        }
        account.grant(tenantId, role);
        accounts.save(account);
    }

    @Transactional
    public void describe(UUID tenantId, UUID accountId, String displayName, String email) {
        Account account = member(tenantId, accountId);
        account.describe(displayName.trim(), normaliseEmail(email));
        accounts.save(account);
    }

    /** Takes the account out of this tenant; other tenants keep it. */
    @Transactional
    public void removeFromTenant(UUID tenantId, UUID accountId, UUID actingUser) {
        Account account = member(tenantId, accountId);
        if (account.id().equals(actingUser)) {
            throw ValidationProblem.of("account", "accounts.remove.notOwn");
        }
        account.revoke(tenantId);
        accounts.save(account);
    }

    /** A new generated password for the account, returned once. */
    @Transactional
    public String resetPassword(UUID tenantId, UUID accountId) {
        Account account = member(tenantId, accountId);
        String password = generatePassword();
        account.changePassword(passwords.encode(password));
        accounts.save(account);
        return password;
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(UUID accountId, String current, String chosen, String repeated) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account"));
        if (account.passwordHash() == null || current == null || !passwords.matches(current, account.passwordHash())) {
            throw ValidationProblem.of("currentPassword", "accounts.password.currentWrong");
        }
        checkNewPassword(account.username(), chosen, repeated);
        account.changePassword(passwords.encode(chosen));
        accounts.save(account);
    }

    /**
     * Gives an existing account a role in a tenant, for a platform administrator who sets up an
     * organisation or a user who works for several.
     */
    @Transactional
    public void grant(UUID accountId, UUID tenantId, Role role) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account"));
        account.grant(tenantId, role);
        accounts.save(account);
    }

    /** Lets the account register organisations and read the operational metrics. */
    @Transactional
    public void makePlatformAdministrator(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("account"));
        account.makePlatformAdministrator();
        accounts.save(account);
    }

    @EventListener
    @Transactional
    void organisationRegistered(OrganisationRegistered event) {
        // Synchronous on purpose: whoever registers an organisation can work in it straight away.
        if (event.registeredBy() != null) {
            accounts.findById(event.registeredBy()).ifPresent(a -> {
                a.grant(event.organisationId(), Role.ADMINISTRATOR);
                accounts.save(a);
            });
        }
    }

    static void checkNewPassword(String username, String chosen, String repeated) {
        if (chosen == null || chosen.length() < MIN_PASSWORD_LENGTH || chosen.length() > 128) {
            throw ValidationProblem.of("newPassword", "accounts.password.length", MIN_PASSWORD_LENGTH);
        }
        if (chosen.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw ValidationProblem.of("newPassword", "accounts.password.containsName");
        }
        if (!chosen.equals(repeated)) {
            throw ValidationProblem.of("repeatPassword", "accounts.password.mismatch");
        }
    }

    private Account member(UUID tenantId, UUID accountId) {
        return accounts.findById(accountId)
                .filter(a -> a.roleIn(tenantId).isPresent())
                .orElseThrow(() -> new NotFoundException("account"));
    }

    private static AccountSummary summary(Account a, UUID tenantId) {
        return new AccountSummary(a.id(), a.username(), a.displayName(), a.email(), a.roleIn(tenantId).orElseThrow(),
                a.enabled(), a.passwordHash() != null);
    }

    static String normaliseUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String normaliseEmail(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return password.toString();
    }

    /** A created account with its generated password, shown once. */
    public record NewAccount(UUID id, String username, String password) {
    }

    /** An account as an administrator of the tenant sees it. */
    public record AccountSummary(UUID id, String username, String displayName, String email, Role role,
            boolean enabled, boolean builtInSignIn) {
    }
}
