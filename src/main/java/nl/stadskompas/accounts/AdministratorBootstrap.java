// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.organisation.OrganisationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the very first start, creates the administrator. The password comes from the environment
 * (STADSKOMPAS_ADMIN_PASSWORD) or is generated and printed exactly once; there is no default
 * password anywhere.
 */
@Component
@Order(100)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final AccountManagement management;
    private final OrganisationRegistry organisations;
    private final String username;
    private final String password;

    AdministratorBootstrap(AccountManagement management, OrganisationRegistry organisations,
            @Value("${stadskompas.admin.username:beheerder}") String username,
            @Value("${stadskompas.admin.password:}") String password) {
        this.management = management;
        this.organisations = organisations;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        var tenants = organisations.all().stream().map(Organisation::id).toList();
        management.createFirstAdministrator(username, password, tenants).ifPresent(created -> {
            String shown = password == null || password.isBlank() ? created.password() : "(the one you set in STADSKOMPAS_ADMIN_PASSWORD)";
            // Printed once, to the console of the person who started Stadskompas for the first time.
            System.out.printf("%n========================================================================%n"
                    + "  Stadskompas: first administrator created%n"
                    + "  user name: %s%n  password:  %s%n"
                    + "  Write the password down now: it is not shown again. Change it under 'My account'.%n"
                    + "========================================================================%n%n",
                    created.username(), shown);
            LOG.info("Created the first administrator '{}'", created.username());
        });
    }
}
