// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;

import nl.stadskompas.accounts.AccountManagement;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;
import nl.stadskompas.support.TestSmtp;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a hosting party relies on: an open health check, metrics only for platform administrators,
 * and an API description.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountManagement accounts;

    @Test
    void healthIsOpenToTheLoadBalancer() throws Exception {
        GreenMail smtp = new GreenMail(TestSmtp.setup());
        smtp.start();
        try {
            mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        } finally {
            smtp.stop();
        }
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    @Test
    void aMailServerThatIsAwayShowsInHealthButKeepsStadskompasInService() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void metricsNeedAPlatformAdministrator() throws Exception {
        User tenantAdmin = TestData.of(context).userInNewTenant(Role.ADMINISTRATOR);
        User platformAdmin = TestData.of(context).userInNewTenant(Role.VIEWER);
        accounts.makePlatformAdministrator(platformAdmin.id());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(tenantAdmin.basic())).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(platformAdmin.basic()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andExpect(jsonPath("$.openapi").exists());
    }
}
