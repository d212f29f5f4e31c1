package org.livenesskiosk.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Debian's Chromium, headless, for the tests of the service's web pages: the page loaded as a
 * person's browser loads it, its scripts run, then its DOM or a screenshot, or a {@link Tab} a test
 * drives as a person would. Without Chromium the
 * test is skipped with the reason (bin/setup installs it), and under CI it fails.
 */
public final class HeadlessChromium {

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** Chromium with a throw-away profile in {@code folder}; skips or fails the test when it is not installed. */
    public static HeadlessChromium in(Path folder) {
        Path binary = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        if (binary == null) {
            String reason = "Chromium is not installed (apt-get install chromium; bin/setup does): the page's browser test is skipped";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return new HeadlessChromium(binary, folder);
    }

    /** The page's DOM once its scripts ran (up to ten seconds of the page's time). */
    public String dom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    /** A screenshot of the page, 1280 pixels wide, to {@code png}. */
    public void screenshot(String url, Path png, int height) throws IOException, InterruptedException {
        run(url, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280," + height, "--hide-scrollbars");
    }

    private String run(String url, String... what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--virtual-time-budget=10000"));
        command.addAll(List.of(what));
        command.add(url);
        Path out = Files.createTempFile(profile, "chromium", ".out");
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            fail("Chromium did not finish within 90 s");
        }
        assertEquals(0, chromium.exitValue(), "Chromium's exit status");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * The page open in a Chromium driven over its DevTools protocol, for a test that acts as a
     * person does (types, clicks, waits for what the page shows), not only reads the DOM once.
     */
    public Tab open(String url) throws IOException, InterruptedException {
        Files.deleteIfExists(profile.resolve("DevToolsActivePort"));
        Process chromium = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=1280,1000", url)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return new Tab(chromium, pageSocket(chromium));
        } catch (IOException | InterruptedException | RuntimeException e) {
            chromium.destroyForcibly();
            throw e;
        }
    }

    /** The DevTools socket of the page Chromium opened, once Chromium wrote down its port. */
    private URI pageSocket(Process chromium) throws IOException, InterruptedException {
        Path port = profile.resolve("DevToolsActivePort");
        long deadline = System.currentTimeMillis() + 60_000;
        HttpClient http = HttpClient.newHttpClient();
        while (System.currentTimeMillis() < deadline && chromium.isAlive()) {
            if (Files.exists(port) && !Files.readAllLines(port).isEmpty()) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Files.readAllLines(port).get(0)
                        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
                for (JsonElement target : JsonParser.parseString(list).getAsJsonArray()) {
                    if (target.getAsJsonObject().get("type").getAsString().equals("page")) {
                        return URI.create(target.getAsJsonObject().get("webSocketDebuggerUrl").getAsString());
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("Chromium opened no page to drive within 60 s");
    }

    /** A page in Chromium, driven by evaluating script in it, as a person's clicks and typing would act. */
    public static final class Tab implements AutoCloseable {

        private final Process chromium;
        private final WebSocket socket;
        private final Map<Integer, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        private Tab(Process chromium, URI socket) {
            this.chromium = chromium;
            StringBuilder message = new StringBuilder();
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(socket, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        JsonObject answer = JsonParser.parseString(message.toString()).getAsJsonObject();
                        message.setLength(0);
                        if (answer.has("id")) {
                            answers.computeIfAbsent(answer.get("id").getAsInt(), id -> new CompletableFuture<>()).complete(answer);
                        }
                    }
                    webSocket.request(1);
                    return null;
                }
            }).join();
        }

        /** What the script evaluates to in the page (a promise awaited), as JSON. */
        public JsonElement evaluate(String script) throws Exception {
            JsonObject parameters = new JsonObject();
            parameters.addProperty("expression", script);
            parameters.addProperty("awaitPromise", true);
            parameters.addProperty("returnByValue", true);
            JsonObject result = call("Runtime.evaluate", parameters);
            if (result.has("exceptionDetails")) {
                fail("The page's script failed: " + result.get("exceptionDetails"));
            }
            JsonObject value = result.getAsJsonObject("result");
            return value.has("value") ? value.get("value") : JsonNull.INSTANCE;
        }

        /**
         * Waits until the script is true in the page (a script that throws, on a page still loading, is
         * not yet); fails after {@code seconds}, with what the page then said.
         */
        public void waitFor(String script, int seconds, String what) throws Exception {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < deadline) {
                if (evaluate("(() => { try { return Boolean(" + script + "); } catch (e) { return false; } })()").getAsBoolean()) {
                    return;
                }
                Thread.sleep(100);
            }
            fail(what + " did not happen within " + seconds + " s; the page says: "
                    + evaluate("document.body ? document.body.innerText : ''"));
        }

        /** A screenshot of the page as it is, to {@code png}. */
        public void screenshot(Path png) throws Exception {
            JsonObject result = call("Page.captureScreenshot", new JsonObject());
            Files.write(png, Base64.getDecoder().decode(result.get("data").getAsString()));
        }

        private JsonObject call(String method, JsonObject parameters) throws Exception {
            int id = ids.incrementAndGet();
            JsonObject request = new JsonObject();
            request.addProperty("id", id);
            request.addProperty("method", method);
            request.add("params", parameters);
            CompletableFuture<JsonObject> answer = answers.computeIfAbsent(id, any -> new CompletableFuture<>());
            socket.sendText(request.toString(), true).join();
            JsonObject response = answer.get(30, TimeUnit.SECONDS);
            answers.remove(id);
            if (response.has("error")) {
                fail(method + " failed: " + response.get("error"));
            }
            return response.getAsJsonObject("result");
        }

        @Override
        public void close() throws InterruptedException {
            socket.abort();
            chromium.destroy();
            if (!chromium.waitFor(20, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        }
    }
}
