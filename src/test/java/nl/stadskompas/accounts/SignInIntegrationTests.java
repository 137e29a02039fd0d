// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.MvcResult;

/**
 * Signing in with a built-in account, throttling of guessed passwords, and what an anonymous
 * visitor gets.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.of(context);
    }

    @Test
    void anonymousVisitorIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anonymousApiCallGets401NotARedirect() throws Exception {
        mvc.perform(get("/api/v1/organisation")).andExpect(status().isUnauthorized());
    }

    @Test
    void signInPageIsInDutchAndHasAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Gebruikersnaam")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void signInPageSwitchesToEnglish() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("User name")));
    }

    @Test
    void correctPasswordSignsIn() throws Exception {
        User user = data.userInNewTenant(Role.VIEWER);
        mvc.perform(formLogin("/login").user(user.username()).password(user.password()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongPasswordIsRefusedWithAPlainMessage() throws Exception {
        User user = data.userInNewTenant(Role.VIEWER);
        MvcResult result = mvc.perform(formLogin("/login").user(user.username()).password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        mvc.perform(get("/login").param("error", "").cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("klopt niet")));
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaits() throws Exception {
        User user = data.userInNewTenant(Role.VIEWER);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user.username()).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        MvcResult locked = mvc.perform(formLogin("/login").user(user.username()).password(user.password()))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        mvc.perform(get("/login").param("error", "").cookie(locked.getResponse().getCookie("SESSION")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Wacht een kwartier")));
    }

    @Test
    void unknownNamesAreThrottledJustLikeKnownOnes() throws Exception {
        String unknown = TestData.unique("nobody");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(unknown).password("guess-" + i));
        }
        MvcResult result = mvc.perform(formLogin("/login").user(unknown).password("guess"))
                .andExpect(redirectedUrl("/login?error")).andReturn();
        mvc.perform(get("/login").param("error", "").cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Wacht een kwartier")));
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        User user = data.userInNewTenant(Role.ADMINISTRATOR);
        mvc.perform(post("/account/password").with(user.signedIn())
                        .param("currentPassword", user.password()).param("newPassword", "a-new-long-password")
                        .param("repeatPassword", "a-new-long-password"))
                .andExpect(status().isForbidden());
    }

    @Test
    void userChangesOwnPasswordAndSignsInWithIt() throws Exception {
        User user = data.userInNewTenant(Role.VIEWER);
        mvc.perform(post("/account/password").with(user.signedIn()).with(csrf())
                        .param("currentPassword", user.password()).param("newPassword", "drie vrolijke fietsers")
                        .param("repeatPassword", "drie vrolijke fietsers"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(formLogin("/login").user(user.username()).password("drie vrolijke fietsers"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void shortNewPasswordIsRefusedAndTheOldOneStillWorks() throws Exception {
        User user = data.userInNewTenant(Role.VIEWER);
        String page = mvc.perform(post("/account/password").with(user.signedIn()).with(csrf())
                        .param("currentPassword", user.password()).param("newPassword", "kort")
                        .param("repeatPassword", "kort"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("minstens 12").contains("aria-invalid=\"true\"");
        mvc.perform(formLogin("/login").user(user.username()).password(user.password()))
                .andExpect(redirectedUrl("/"));
    }
}
