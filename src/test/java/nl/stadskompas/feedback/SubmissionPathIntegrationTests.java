// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import nl.stadskompas.platform.Role;
import nl.stadskompas.platform.TenantContext;
import nl.stadskompas.platform.ValidationProblem;
import nl.stadskompas.support.TestData;
import nl.stadskompas.support.TestData.User;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The resident's submission as the database sees it: published versions come from memory, a
 * submission runs only the statements it needs and creates no session, and a cached version
 * cannot be changed, neither through the editor nor through the shared copy itself.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SubmissionPathIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QuestionnaireEditing editing;

    @Autowired
    PublishedVersions publishedVersions;

    TenantContext tenant;
    Questionnaire questionnaire;
    String path;
    String address;

    @BeforeEach
    void setUp() {
        User advisor = TestData.of(context).userInNewTenant(Role.ADVISOR);
        tenant = FeedbackFixtures.as(advisor, Role.ADVISOR);
        questionnaire = new FeedbackFixtures(context).publishedQuestionnaire(tenant);
        path = "/v/" + questionnaire.publicId();
        address = "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private MockHttpServletRequestBuilder send(String token) {
        return sendWithoutS2(token).param("q.S2", "dk");
    }

    private MockHttpServletRequestBuilder sendWithoutS2(String token) {
        return post(path).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).param("token", token).param("page", "3").param("nav", "send").param("ctx.channel", "DESK")
                .param("q.S1", "4").param("q.A1", "5").param("q.MARK", "8").param("q.AGE", "40-54");
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private List<UUID> versionsOfResponses() {
        return jdbc.sql("SELECT version_id FROM fb_response WHERE questionnaire_id = :q ORDER BY version_id")
                .param("q", questionnaire.id()).query(UUID.class).list();
    }

    @Test
    void aSubmissionWithAWarmCacheRunsOnlyTheStatementsItNeedsAndCreatesNoSession() throws Exception {
        mvc.perform(send(token())).andExpect(status().is3xxRedirection());

        List<String> statements;
        MvcResult result;
        try (Statements recorded = Statements.record()) {
            result = mvc.perform(send(token())).andExpect(redirectedUrl(path + "/bedankt?lang=nl")).andReturn();
            statements = recorded.sql();
        }

        // Read the questionnaire (it may have closed), then the token, the response and one batch of answers.
        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).containsIgnoringCase("FROM fb_questionnaire");
        assertThat(statements.get(1)).startsWith("INSERT INTO fb_used_token");
        assertThat(statements.get(2)).startsWith("INSERT INTO fb_response");
        assertThat(statements.get(3)).startsWith("INSERT INTO fb_answer");
        assertThat(String.join("\n", statements)).doesNotContainIgnoringCase("fb_version")
                .doesNotContainIgnoringCase("fb_question\"").doesNotContainIgnoringCase("org_");
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(versionsOfResponses()).hasSize(2);
    }

    @Test
    void aSecondSendOfTheSameFormStoresNothingAndReadsNoTokenBeforehand() throws Exception {
        String token = token();
        mvc.perform(send(token)).andExpect(status().is3xxRedirection());
        try (Statements recorded = Statements.record()) {
            mvc.perform(send(token)).andExpect(redirectedUrl(path + "/bedankt?lang=nl"));
            assertThat(recorded.sql()).noneMatch(sql -> sql.startsWith("INSERT INTO fb_response"))
                    .noneMatch(sql -> sql.contains("SELECT COUNT(*) FROM fb_used_token"));
        }
        assertThat(versionsOfResponses()).hasSize(1);
    }

    @Test
    void aPublishedVersionCannotBeChangedInTheCacheNorThroughTheEditor() throws Exception {
        UUID published = questionnaire.publishedId();
        mvc.perform(get(path)).andExpect(content().string(containsString("Hoe hebben wij u geholpen?")));
        QuestionnaireVersion cached = publishedVersions.find(published).orElseThrow();

        // The shared copy refuses every change and its lists cannot be changed.
        assertThatThrownBy(() -> cached.describe(new VersionTexts("Veranderd", null, null, null, null, null)))
                .isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> cached.removeQuestion("S1")).isInstanceOf(ValidationProblem.class);
        assertThatThrownBy(() -> cached.layout().page(1).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cached.layout().questions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(publishedVersions.find(published).orElseThrow()).isSameAs(cached);

        // An edit after publishing goes to a new draft; residents keep the published version meanwhile.
        editing.newVersion(tenant, questionnaire.id());
        editing.describe(tenant, questionnaire.id(), new VersionTexts("Hoe ging het bij de balie?", "How was the desk?",
                null, null, null, null));
        editing.removeQuestion(tenant, questionnaire.id(), "S2");
        mvc.perform(get(path)).andExpect(content().string(allOf(containsString("Hoe hebben wij u geholpen?"),
                containsString("Ik wist wat de volgende stap was."), not(containsString("Hoe ging het bij de balie?")))));
        assertThat(cached.title(Locale.of("nl"))).isEqualTo("Hoe hebben wij u geholpen?");
        assertThat(cached.layout().question("S2")).isPresent();
        mvc.perform(send(token())).andExpect(status().is3xxRedirection());
        assertThat(versionsOfResponses()).containsExactly(published);

        // Once published, the new version is a new entry; the old one is unchanged.
        UUID next = editing.publish(tenant, questionnaire.id()).id();
        mvc.perform(get(path)).andExpect(content().string(allOf(containsString("Hoe ging het bij de balie?"),
                not(containsString("Ik wist wat de volgende stap was.")))));
        mvc.perform(sendWithoutS2(token())).andExpect(status().is3xxRedirection());
        assertThat(versionsOfResponses()).containsExactlyInAnyOrder(published, next);
        assertThat(publishedVersions.find(published).orElseThrow().layout().question("S2")).isPresent();
        assertThat(publishedVersions.find(next).orElseThrow().layout().question("S2")).isEmpty();
    }

    @Test
    void draftsAreNeverCachedAndAnotherQuestionnairesVersionIsNotUsed() throws Exception {
        QuestionnaireVersion draft = editing.newVersion(tenant, questionnaire.id());
        assertThat(publishedVersions.find(draft.id())).isEmpty();
        assertThat(publishedVersions.find(UUID.randomUUID())).isEmpty();
    }

    /** The SQL statements the current thread runs through Spring's JDBC templates while recording. */
    static final class Statements implements AutoCloseable {

        private static final String JDBC_TEMPLATE = "org.springframework.jdbc.core.JdbcTemplate";

        private final Logger logger = (Logger) LoggerFactory.getLogger(JDBC_TEMPLATE);
        private final Level before = logger.getLevel();
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final String thread = Thread.currentThread().getName();

        static Statements record() {
            return new Statements();
        }

        private Statements() {
            appender.start();
            logger.addAppender(appender);
            logger.setLevel(Level.DEBUG);
        }

        /** Each statement (a batch counts once), in order. */
        List<String> sql() {
            return appender.list.stream().filter(e -> e.getThreadName().equals(thread))
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.startsWith("Executing prepared SQL statement [") || m.startsWith("Executing SQL statement ["))
                    .map(m -> m.substring(m.indexOf('[') + 1, m.lastIndexOf(']')).strip())
                    .toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }
}
