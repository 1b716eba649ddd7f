package fr.wastetrace.e2e;

import fr.wastetrace.testing.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The gateway's GraphiQL page in a real browser: Debian's chromium, headless, driven by its own chromedriver (installed
 * by {@code deploy/local/browser}, never downloaded by Selenium). The page must render from the gateway alone, run a
 * query typed into its editor and show the answer.
 */
class GraphiQlBrowserIT {
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "browser");

    /** Selenium looks for a DevTools binding of the browser's exact version; this test drives WebDriver only. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        Map<String, String> installed = installBrowser();
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(installed.get("chromedriver")))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed.get("chromium"));
        // CI runs as root, where chromium's sandbox cannot start; /dev/shm may be small on build machines.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--no-first-run", "--disable-extensions",
                // Chromium refuses a few ports it deems unsafe (10080 among them: the gateway of a stack shifted by
                // WASTETRACE_PORT_OFFSET=2000); the gateway's own port is always allowed.
                "--explicitly-allowed-ports=" + java.net.URI.create(Suite.env().get("GATEWAY_URL")).getPort());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theUiRunsAQueryAndShowsItsAnswer() {
        browser.get(Suite.env().get("GATEWAY_URL") + "/");
        WebDriverWait wait = new WebDriverWait(browser, PAGE_TIMEOUT);

        WebElement editor = waitFor(wait, By.cssSelector(".graphiql-query-editor .CodeMirror"),
                "GraphiQL did not render: the page stayed blank or showed only its loading text");
        editor.click();
        WebElement input = browser.findElement(By.cssSelector(".graphiql-query-editor .CodeMirror textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // The editor closes brackets itself: typing the closing one steps over the bracket it added.
        input.sendKeys("{ __typename }");
        assertEquals("{ __typename }", ((ChromeDriver) browser).executeScript(
                "return document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()"),
                "the query typed into GraphiQL's editor");

        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-response"),
                    "\"__typename\": \"Query\""));
        } catch (TimeoutException e) {
            fail(diagnosis("GraphiQL did not show the answer { \"data\": { \"__typename\": \"Query\" } }; response pane: «"
                    + browser.findElement(By.cssSelector(".graphiql-response")).getText() + "»"), e);
        }
    }

    private static WebElement waitFor(WebDriverWait wait, By element, String problem) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(element));
        } catch (TimeoutException e) {
            String body = browser.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
            return fail(diagnosis(problem + "; page text: «" + body.strip() + "»"), e);
        }
    }

    /** The problem, the browser's console errors (a script that did not load says so there) and a screenshot. */
    private static String diagnosis(String problem) {
        String console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).collect(Collectors.joining("\n  "));
        String screenshot;
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve("graphiql.png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            screenshot = file.toAbsolutePath().toString();
        } catch (IOException | RuntimeException e) {
            screenshot = "none (" + e + ")";
        }
        return problem + "\nbrowser console:\n  " + (console.isEmpty() ? "(nothing)" : console) + "\nscreenshot: " + screenshot;
    }

    /** Runs deploy/local/browser (installs Debian's chromium and chromium-driver if missing) and reads their paths. */
    private static Map<String, String> installBrowser() {
        Path root = Stack.root();
        try {
            Process process = new ProcessBuilder(root.resolve("deploy/local/browser").toString())
                    .directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/local/browser failed:\n" + output);
            }
            Map<String, String> paths = new HashMap<>();
            output.lines().filter(line -> line.matches("(chromium|chromedriver)=/.+"))
                    .forEach(line -> paths.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            if (paths.size() != 2) {
                throw new IllegalStateException("deploy/local/browser did not name chromium and chromedriver:\n" + output);
            }
            return paths;
        } catch (IOException e) {
            throw new IllegalStateException("could not run deploy/local/browser", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing the browser", e);
        }
    }
}
