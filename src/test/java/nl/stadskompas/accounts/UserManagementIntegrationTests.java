// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;

import jakarta.servlet.http.Cookie;
import java.util.regex.Pattern;

import nl.stadskompas.organisation.Organisation;
import nl.stadskompas.platform.Role;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Administrators manage the users of their own tenant, and nothing of another.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserManagementIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountManagement management;

    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.of(context);
    }

    @Test
    void administratorCreatesAUserWhoCanThenSignInWithTheShownPassword() throws Exception {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        String username = TestData.unique("j.jansen");
        String page = mvc.perform(post("/admin/users/new").with(admin.signedIn()).with(csrf())
                        .param("username", username).param("displayName", "Jan Jansen")
                        .param("email", "j.jansen@example.org").param("role", "ADVISOR"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher password = Pattern.compile("id=\"created-password\">([^<]+)<").matcher(page);
        assertThat(password.find()).isTrue();
        mvc.perform(formLogin("/login").user(username).password(password.group(1))).andExpect(redirectedUrl("/"));
        assertThat(management.inTenant(admin.tenantId()))
                .anySatisfy(u -> {
                    assertThat(u.username()).isEqualTo(username);
                    assertThat(u.role()).isEqualTo(Role.ADVISOR);
                });
    }

    @Test
    void aTakenUserNameGetsAFieldMessageAndCreatesNothing() throws Exception {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        int before = management.inTenant(admin.tenantId()).size();
        mvc.perform(post("/admin/users/new").with(admin.signedIn()).with(csrf())
                        .param("username", admin.username()).param("displayName", "Dubbel").param("role", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze gebruikersnaam bestaat al")));
        assertThat(management.inTenant(admin.tenantId())).hasSize(before);
    }

    @Test
    void missingFieldsAndAnUnknownRoleGetPlainMessages() throws Exception {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        int before = management.inTenant(admin.tenantId()).size();
        mvc.perform(post("/admin/users/new").with(admin.signedIn()).with(csrf())
                        .param("username", "").param("displayName", "").param("role", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"username-error\">Gebruik tussen 3 en 100 tekens.")))
                .andExpect(content().string(containsString("id=\"displayName-error\">Vul dit veld in.")));
        mvc.perform(post("/admin/users/new").with(admin.signedIn()).with(csrf())
                        .param("username", "iemand").param("displayName", "Iemand").param("role", "EMPEROR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"role-error\">Deze waarde klopt niet.")))
                .andExpect(content().string(not(containsString("Exception"))));
        assertThat(management.inTenant(admin.tenantId())).hasSize(before);
    }

    @Test
    void aViewerCannotManageUsersAndDoesNotSeeTheMenuEntry() throws Exception {
        User viewer = data.userInNewTenant(Role.VIEWER);
        mvc.perform(get("/admin/users").with(viewer.signedIn())).andExpect(status().isForbidden());
        mvc.perform(get("/").with(viewer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/admin/users"))));
    }

    @Test
    void anAdministratorSeesNoUserOfAnotherTenant() throws Exception {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        User stranger = data.userInNewTenant(Role.VIEWER);
        mvc.perform(get("/admin/users").with(admin.signedIn()))
                .andExpect(content().string(not(containsString(stranger.username()))));
        mvc.perform(get("/admin/users/" + stranger.id()).with(admin.signedIn())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/" + stranger.id() + "/password").with(admin.signedIn()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(formLogin("/login").user(stranger.username()).password(stranger.password()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void aWithdrawnRoleTakesEffectOnTheNextRequest() throws Exception {
        Organisation tenant = data.tenant();
        User admin = data.user(tenant, Role.ADMINISTRATOR);
        User advisor = data.user(tenant, Role.ADMINISTRATOR);
        mvc.perform(get("/admin/users").with(advisor.signedIn())).andExpect(status().isOk());
        mvc.perform(post("/admin/users/" + advisor.id()).with(admin.signedIn()).with(csrf())
                        .param("displayName", "Adviseur").param("role", "VIEWER"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/admin/users").with(advisor.signedIn())).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorCannotDemoteOrRemoveThemselves() throws Exception {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        mvc.perform(post("/admin/users/" + admin.id()).with(admin.signedIn()).with(csrf())
                        .param("displayName", "Ik").param("role", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("eigen rol")));
        mvc.perform(post("/admin/users/" + admin.id() + "/remove").with(admin.signedIn()).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(management.get(admin.tenantId(), admin.id()).role()).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void aUserWithTwoTenantsSwitchesBetweenThem() throws Exception {
        Organisation first = data.tenant();
        Organisation second = data.tenant();
        User user = data.user(first, Role.VIEWER);
        management.grant(user.id(), second.id(), Role.ADMINISTRATOR);
        Cookie session = mvc.perform(post("/tenant").with(user.signedIn()).with(csrf())
                        .param("tenantId", first.id().toString()))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/users").with(user.signedIn()).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(post("/tenant").with(user.signedIn()).with(csrf()).cookie(session)
                .param("tenantId", second.id().toString())).andExpect(redirectedUrl("/"));
        mvc.perform(get("/admin/users").with(user.signedIn()).cookie(session)).andExpect(status().isOk());
    }

    @Test
    void unknownAndMalformedIdsGiveThePlainNotFoundPage() throws Exception {
        User admin = data.userInNewTenant(Role.ADMINISTRATOR);
        mvc.perform(get("/admin/users/" + java.util.UUID.randomUUID()).with(admin.signedIn()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Deze pagina bestaat niet")));
        mvc.perform(get("/admin/users/not-a-uuid").with(admin.signedIn()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
