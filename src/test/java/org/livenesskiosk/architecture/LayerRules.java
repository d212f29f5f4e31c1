package org.livenesskiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of the layout, written once: which package may use which, and what each must never
 * touch. {@link ArchitectureTest} holds the product to them; {@link LayerRulesCanFailTest} shows
 * each one catching a class that breaks it.
 */
final class LayerRules {

    private static final String ROOT = "org.livenesskiosk.";

    private LayerRules() {
    }

    private static String inside(String feature) {
        return ROOT + feature + "..";
    }

    /**
     * From the bottom up: frames and faces; the liveness rules over them; the wire contract and the
     * frame pipeline on those; the service's client and the service itself; the screens; the
     * kiosk's wiring; the benchmarks and the command line on top of everything.
     */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("capture").definedBy(inside("capture"))
            .layer("vision").definedBy(inside("vision"))
            .layer("crypto").definedBy(inside("crypto"))
            .layer("liveness").definedBy(inside("liveness"))
            .layer("protocol").definedBy(inside("protocol"))
            .layer("pipeline").definedBy(inside("pipeline"))
            .layer("service client").definedBy(inside("service"))
            .layer("server").definedBy(inside("server"))
            .layer("ui").definedBy(inside("ui"))
            .layer("kiosk").definedBy(inside("kiosk"))
            .layer("bench").definedBy(inside("bench"))
            .layer("cli").definedBy(inside("cli"))
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("kiosk").mayOnlyBeAccessedByLayers("bench", "cli")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("kiosk", "bench", "cli")
            .whereLayer("server").mayOnlyBeAccessedByLayers("kiosk", "bench", "cli")
            .whereLayer("service client").mayOnlyBeAccessedByLayers("kiosk", "bench", "cli")
            .whereLayer("pipeline").mayOnlyBeAccessedByLayers("server", "kiosk", "bench", "cli")
            .whereLayer("protocol").mayOnlyBeAccessedByLayers("service client", "server", "kiosk", "bench", "cli")
            .whereLayer("liveness").mayOnlyBeAccessedByLayers("protocol", "pipeline", "service client", "server", "ui", "kiosk",
                    "bench", "cli")
            .whereLayer("crypto").mayOnlyBeAccessedByLayers("protocol", "service client", "server", "kiosk", "cli")
            .whereLayer("vision").mayOnlyBeAccessedByLayers("liveness", "pipeline", "server", "kiosk", "bench", "cli")
            .whereLayer("capture").mayOnlyBeAccessedByLayers("pipeline", "server", "kiosk", "bench", "cli")
            .because("packages flow one way, from the camera up to the command line");

    /** The eyes know nothing of what they serve: frames and faces are reusable on their own. */
    static final ArchRule FRAMES_AND_FACES_STAND_ALONE = noClasses()
            .that().resideInAnyPackage(inside("capture"), inside("vision"))
            .should().dependOnClassesThat().resideInAnyPackage(inside("liveness"), inside("crypto"), inside("protocol"),
                    inside("pipeline"), inside("service"), inside("server"), inside("ui"), inside("kiosk"), inside("bench"),
                    inside("cli"))
            .because("capture and vision import nothing else of the project");

    /** The same rules decide on the kiosk and on the service, and are tested without any of these. */
    static final ArchRule LIVENESS_IS_PURE = noClasses()
            .that().resideInAPackage(inside("liveness"))
            .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "org.tensorflow..", "javafx..", "okhttp3..", "io.javalin..",
                    "java.net..", "java.sql..", "javax.sql..", "java.nio.file..")
            .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
                    java.io.FileOutputStream.class, java.io.RandomAccessFile.class)
            .because("liveness is pure rules over records: no OpenCV, TensorFlow Lite, JavaFX, HTTP, JDBC or file system");

    /** The screens only draw what the kiosk hands them; they never wait on the network or a database. */
    static final ArchRule SCREENS_REACH_NO_SERVICE = noClasses()
            .that().resideInAPackage(inside("ui"))
            .should().dependOnClassesThat().resideInAnyPackage(inside("server"), inside("service"), "okhttp3..", "io.javalin..",
                    "java.net.http..", "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..", "org.flywaydb..")
            .because("the UI thread never waits for the service, the HTTP client or JDBC");

    static final ArchRule NO_CYCLES = slices().matching(ROOT + "(*)..").should().beFreeOfCycles()
            .because("a cycle makes two packages one");

    /** What a command prints is its output; a library class printing would corrupt it (detect prints JSON). */
    static final ArchRule ONLY_COMMANDS_PRINT = noClasses()
            .that().resideOutsideOfPackage(inside("cli"))
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("only the command line writes to the console; everything else logs");
}
