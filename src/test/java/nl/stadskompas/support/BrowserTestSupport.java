// SPDX-License-Identifier: EUPL-1.2
package nl.stadskompas.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Page tests in a real Chromium (the system's, never a downloaded one), each page checked with axe
 * against WCAG 2.1 A and AA. Without Chromium the tests are reported as skipped on a developer's
 * machine and fail in CI, where they must run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
public abstract class BrowserTestSupport {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext applicationContext;

    protected TestData data;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext browserContext;
    private Browser.NewContextOptions contextOptions;
    protected Page page;

    @BeforeAll
    void launchBrowser() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium is required for browser tests in CI, not found at " + chromium);
            }
            Assumptions.abort("Chromium not installed at " + chromium + "; browser tests skipped on this machine");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        data = TestData.of(applicationContext);
        browserContext = browser.newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
        page = browserContext.newPage();
        page.setDefaultTimeout(10_000);
    }

    @AfterEach
    void closePage() {
        if (browserContext != null) {
            browserContext.close();
        }
        contextOptions = null;
    }

    /**
     * Replaces this test's browser context by one with other options, for example without
     * JavaScript ({@code setJavaScriptEnabled(false)}) or with a phone-sized viewport.
     */
    protected void useContext(Browser.NewContextOptions options) {
        if (browserContext != null) {
            browserContext.close();
        }
        browserContext = browser.newContext(options);
        contextOptions = options;
        page = browserContext.newPage();
        page.setDefaultTimeout(10_000);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        page.navigate(url(path));
    }

    /** Signs in through the sign-in page, as a person would. */
    protected void signIn(TestData.User user) {
        open("/login");
        page.getByLabel("Gebruikersnaam").fill(user.username());
        page.getByLabel("Wachtwoord").fill(user.password());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Inloggen")).click();
        page.waitForURL(url("/"));
    }

    /**
     * No axe violations of WCAG 2.1 A/AA on the page as it is now. In a context without JavaScript
     * axe cannot run in the page itself; the page as it is shown is then audited in a copy of the
     * context with JavaScript, at the same address and with the same viewport and stylesheets.
     */
    protected void assertAccessible() {
        if (contextOptions != null && Boolean.FALSE.equals(contextOptions.javaScriptEnabled)) {
            String html = page.content();
            String address = page.url();
            contextOptions.setJavaScriptEnabled(true);
            try (BrowserContext audit = browser.newContext(contextOptions)) {
                Page copy = audit.newPage();
                copy.route(address::equals, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200).setContentType("text/html; charset=utf-8").setBody(html)));
                copy.navigate(address);
                report(new AxeBuilder(copy).withTags(WCAG_21_AA).analyze(), address);
            } finally {
                contextOptions.setJavaScriptEnabled(false);
            }
            return;
        }
        report(new AxeBuilder(page).withTags(WCAG_21_AA).analyze(), page.url());
    }

    private static void report(AxeResults results, String address) {
        String report = results.getViolations().stream()
                .map(rule -> rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(results.getViolations()).as("axe violations on %s:%n%s", address, report).isEmpty();
    }
}
