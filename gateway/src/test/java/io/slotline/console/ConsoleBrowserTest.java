package io.slotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.sim.CalcomSimulator;
import io.slotline.support.JvmSimulator;
import io.slotline.support.RequiredServices;
import io.slotline.support.RetellClient;
import io.slotline.tenancy.TenantDirectory;
import io.slotline.tenancy.TenantImporter;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser (Debian's headless Chromium through chromedriver): the salon signs in, a call comes
 * in through the Retell endpoints (booking against the Cal.com simulator, then asking for a callback) and appears
 * on Today without a reload, its timeline opens, its callback is marked done; the other tenant sees none of it. Screenshots of the main pages at desktop and phone widths go to
 * target/console-screenshots (the README's come from there).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"slotline.console.live-interval=300ms", "slotline.admin.token=browser-test-token"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final String DEMO_NUMBER = "+4930120000";
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    static final CalcomSimulator SIMULATOR = JvmSimulator.start();

    @DynamicPropertySource
    static void calcom(DynamicPropertyRegistry registry) {
        registry.add("slotline.calcom.base-url", SIMULATOR::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantImporter importer;

    @Autowired
    ConsoleAccountService accounts;

    @Autowired
    TenantDirectory directory;

    WebDriver browser;
    Path profile;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    final String callId = "call-browser-" + UUID.randomUUID();
    final String caller =
            "+4917655" + String.valueOf(System.nanoTime()).substring(0, 5).replace('-', '1');

    @BeforeAll
    void browserAndTenants() throws IOException {
        RequiredServices.requireChromium();
        importer.apply(new ClassPathResource("demo/demo-salon.yaml"));
        importer.apply(new ClassPathResource("demo/other-tenant.yaml"));
        long other = directory.companyBySlugUncached("other-cuts").orElseThrow().id();
        accounts.apply(new ConsoleAccountService.AccountSpec(
                "other", "other_cuts_1", null, AccountRole.COMPANY, other, null, true));
        accounts.apply(new ConsoleAccountService.AccountSpec(
                "operator", "operator_demo", null, AccountRole.OPERATOR, null, null, true));
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RequiredServices.CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(RequiredServices.CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().window().setSize(DESKTOP);
    }

    @AfterAll
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aCallAppearsLiveItsCallbackIsDoneAndTheOtherTenantSeesNoneOfIt() throws Exception {
        open("/console/calls");
        assertThat(browser.getCurrentUrl()).as("signed out: the sign-in page").contains("/console/login");
        browser.findElement(By.linkText("English")).click();
        shot("login");
        signIn("salon", "salon_demo");
        open("/console?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Today");
        ((JavascriptExecutor) browser).executeScript("window.stillTheSamePage = true;");

        retell("/retell/webhook", "{\"event\":\"call_started\",\"call\":" + callObject() + "}");
        JsonNode next = json.readTree(retell(
                "/retell/functions/find_next_available",
                "{\"name\":" + "\"find_next_available\",\"args\":{\"service\":\"Herrenhaarschnitt\"},\"call\":"
                        + callObject() + "}"));
        JsonNode slot = next.path("slot");
        JsonNode booked = json.readTree(retell(
                "/retell/functions/book_appointment",
                "{\"name\":\"book_appointment\","
                        + "\"args\":{\"service\":\"Herrenhaarschnitt\",\"date\":\""
                        + slot.path("date").asString()
                        + "\",\"time\":\"" + slot.path("time").asString() + "\",\"customer_name\":\"Erika Browser\"},"
                        + "\"call\":" + callObject() + "}"));
        assertThat(booked.path("booked").asBoolean()).as(booked.toString()).isTrue();
        retell(
                "/retell/functions/request_callback",
                "{\"name\":\"request_callback\",\"args\":{\"customer_name\":"
                        + "\"Erika Browser\",\"reason\":\"Frage zur Coloration\",\"preferred_time\":\"nachmittags\"},\"call\":"
                        + callObject() + "}");

        // the live table is redrawn whenever the call changes: read it whole, and retry what a redraw took away
        String liveRow = "//table[@id='live-calls']//tr[contains(., '" + caller + "')]";
        String live = live().until(driver -> {
            String text = driver.findElement(By.id("live-calls")).getText();
            return text.contains(caller) && text.contains("request_callback") ? text : null;
        });
        assertThat(live).contains("request_callback");
        assertThat(browser.findElement(By.id("count-bookings")).getText()).isEqualTo("1");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillTheSamePage === true"))
                .as("the call appeared without a reload")
                .isEqualTo(true);
        assertThat(browser.findElement(By.id("count-live")).getText()).isNotEqualTo("0");
        browser.navigate().refresh();
        shot("today");
        phoneShot("today");

        live().until(driver -> {
            driver.findElement(By.xpath(liveRow + "//a")).click();
            return true;
        });
        WebElement timeline = browser.findElement(By.id("timeline"));
        assertThat(timeline.getText())
                .contains("find_next_available", "book_appointment", "request_callback", "Frage zur Coloration");
        assertThat(browser.getPageSource()).contains(caller);
        shot("call");
        phoneShot("call");

        open("/console/callbacks");
        WebElement callback = browser.findElements(By.cssSelector("#callback-list li")).stream()
                .filter(li -> li.getText().contains("Erika Browser"))
                .findFirst()
                .orElseThrow();
        shot("callbacks");
        callback.findElement(By.name("note")).sendKeys("Zurückgerufen, Termin am Freitag");
        callback.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> !driver.getPageSource().contains("Frage zur Coloration"));
        open("/console/callbacks?status=done");
        assertThat(browser.getPageSource()).contains("Erika Browser", "Zurückgerufen, Termin am Freitag", "salon");

        signOut();
        signIn("other", "other_cuts_1");
        for (String path : new String[] {
            "/console",
            "/console/calls",
            "/console/callbacks",
            "/console/callbacks?status=done",
            "/console/customers",
            "/console/appointments"
        }) {
            open(path);
            assertThat(browser.getPageSource())
                    .as(path)
                    .doesNotContain(caller)
                    .doesNotContain("Erika Browser")
                    .doesNotContain("Demo Salon");
        }
        signOut();

        signIn("operator", "operator_demo");
        open("/console/calls");
        assertThat(browser.getPageSource()).contains(caller);
        shot("calls");
        open("/console/appointments");
        shot("appointments");
        open("/console/customers");
        shot("customers");
        open("/console/setup?company="
                + directory.companyBySlugUncached("demo-salon").orElseThrow().id());
        shot("setup");
        open("/console/system");
        shot("system");
        phoneShot("system");
    }

    private WebDriverWait live() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String username, String password) {
        open("/console/login");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    private void signOut() {
        open("/console");
        browser.findElement(By.cssSelector("form.signout button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> driver.getCurrentUrl().contains("/login"));
    }

    private String callObject() {
        return "{\"call_type\":\"phone_call\",\"call_id\":\"" + callId + "\",\"agent_id\":\"agent-browser\","
                + "\"call_status\":\"ongoing\",\"direction\":\"inbound\",\"from_number\":\"" + caller
                + "\",\"to_number\":\"" + DEMO_NUMBER + "\",\"start_timestamp\":" + System.currentTimeMillis() + "}";
    }

    private String retell(String path, String body) {
        RetellClient.Response response = new RetellClient(() -> port, Clock.systemUTC()).signed(path, body, "key_demo");
        assertThat(response.status()).as(path + ": " + response.body()).isBetween(200, 204);
        return response.body();
    }

    private void shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void phoneShot(String name) throws IOException {
        browser.manage().window().setSize(PHONE);
        try {
            shot(name + "-phone");
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }
}
