package org.livenesskiosk.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY.txt, shipped at the jar's root and in the package, names everything the build bundles:
 * each library of the runtime classpath Maven resolved (target/runtime-dependencies.txt, written by
 * maven-dependency-plugin, not by the plugin that writes THIRD-PARTY), each native library inside
 * those jars, each model; and for each, a licence whose text ships in /licenses/.
 */
class ThirdPartyTest {

    private static final Path RUNTIME_DEPENDENCIES = Path.of("target", "runtime-dependencies.txt");
    private static final Pattern NATIVE_LIBRARY = Pattern.compile("[^/]+\\.(so(\\.\\d+)*|dll|dylib|jnilib)$");
    private static final Pattern LICENCES = Pattern.compile("\\[([^\\]]+)\\]\\s*$");

    /** One resolved runtime dependency: what THIRD-PARTY names it by, and its jar. */
    record Library(String coordinates, Path jar) {}

    @Test
    void everyRuntimeLibraryIsListed() throws IOException {
        String thirdParty = thirdParty();
        List<Library> libraries = runtimeLibraries();
        assertTrue(libraries.size() > 50, "the runtime classpath as resolved: " + libraries.size() + " libraries");
        assertEquals(List.of(), unlisted(libraries, thirdParty), "runtime libraries THIRD-PARTY does not name");
    }

    @Test
    void everyNativeLibraryInsideThemIsListed() throws IOException {
        List<PathMatcher> files = nativeFiles(thirdParty());
        Set<String> unlisted = new TreeSet<>();
        int natives = 0;
        for (Library library : runtimeLibraries()) {
            try (ZipFile jar = new ZipFile(library.jar().toFile())) {
                for (ZipEntry entry : jar.stream().toList()) {
                    Matcher name = NATIVE_LIBRARY.matcher(entry.getName());
                    if (entry.isDirectory() || !name.find()) {
                        continue;
                    }
                    natives++;
                    Path file = Path.of(name.group());
                    if (files.stream().noneMatch(glob -> glob.matches(file))) {
                        unlisted.add(entry.getName() + " in " + library.coordinates());
                    }
                }
            }
        }
        // OpenCV alone brings 80-odd: a count this low would mean the scan looked at nothing.
        assertTrue(natives > 100, "native libraries found in the runtime jars: " + natives);
        assertEquals(Set.of(), unlisted, "native libraries THIRD-PARTY does not name");
    }

    @Test
    void everyModelIsListed() throws IOException {
        String thirdParty = thirdParty();
        List<String> models = resource("/models/SHA256SUMS").lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+")[1])
                .toList();
        assertEquals(List.of(), models.stream().filter(model -> !thirdParty.contains(model)).toList(),
                "models THIRD-PARTY does not name");
    }

    @Test
    void everyEntryHasALicenceWhoseTextShips() throws IOException {
        List<String> withoutText = new ArrayList<>();
        int entries = 0;
        for (String line : thirdParty().lines().toList()) {
            Matcher licences = LICENCES.matcher(line);
            if (!licences.find()) {
                continue;
            }
            entries++;
            boolean shipped = Arrays.stream(licences.group(1).split("\\|"))
                    .map(String::trim)
                    .anyMatch(id -> ThirdPartyTest.class.getResource("/licenses/" + id + ".txt") != null);
            if (!shipped) {
                withoutText.add(line.trim());
            }
        }
        assertTrue(entries > 70, "entries with licences: " + entries);
        assertEquals(List.of(), withoutText, "entries none of whose licences has its text in /licenses/");
    }

    @Test
    void aLibraryLeftOutIsNoticed() throws IOException {
        List<Library> libraries = runtimeLibraries();
        Library opencv = libraries.stream().filter(library -> library.coordinates().startsWith("org.bytedeco:opencv:"))
                .findFirst().orElseThrow();
        String without = thirdParty().lines().filter(line -> !line.contains(opencv.coordinates()))
                .reduce("", (text, line) -> text + line + "\n");
        assertEquals(List.of(opencv.coordinates()), unlisted(libraries, without));
    }

    private static List<String> unlisted(List<Library> libraries, String thirdParty) {
        return libraries.stream().map(Library::coordinates)
                .filter(coordinates -> !Pattern.compile("^\\s+" + Pattern.quote(coordinates) + "\\s", Pattern.MULTILINE)
                        .matcher(thirdParty).find())
                .distinct()
                .toList();
    }

    private static List<PathMatcher> nativeFiles(String thirdParty) {
        return thirdParty.lines()
                .map(String::trim)
                .filter(line -> line.startsWith("files:"))
                .flatMap(line -> Arrays.stream(line.substring("files:".length()).split(",")))
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob.trim()))
                .toList();
    }

    /**
     * maven-dependency-plugin's list: "group:artifact:type[:classifier]:version:scope:/path/file.jar -- module m".
     * The coordinates THIRD-PARTY uses are group:artifact:version (a classifier's jar is the same library).
     */
    private static List<Library> runtimeLibraries() throws IOException {
        assertTrue(Files.isRegularFile(RUNTIME_DEPENDENCIES),
                RUNTIME_DEPENDENCIES + " is missing: the build writes it at generate-test-resources (mvn test)");
        List<Library> libraries = new ArrayList<>();
        for (String line : Files.readAllLines(RUNTIME_DEPENDENCIES, StandardCharsets.UTF_8)) {
            String entry = line.replaceFirst(" -- module .*$", "").trim();
            String[] parts = entry.split(":");
            if (parts.length < 6 || !entry.endsWith(".jar")) {
                continue;
            }
            String version = parts[parts.length - 3];
            libraries.add(new Library(parts[0] + ":" + parts[1] + ":" + version, Path.of(parts[parts.length - 1])));
        }
        return libraries;
    }

    private static String thirdParty() throws IOException {
        return resource("/THIRD-PARTY.txt");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ThirdPartyTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the classpath (the build puts it in the jar)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
