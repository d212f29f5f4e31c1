package org.livenesskiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.livenesskiosk.bench.BlinkScore;
import org.livenesskiosk.bench.LightBench;
import org.livenesskiosk.bench.PipelineBench;
import org.livenesskiosk.bench.ServiceLoad;
import org.livenesskiosk.bench.ServiceProcess;
import org.livenesskiosk.bench.SessionCost;
import org.livenesskiosk.bench.Soak;
import org.livenesskiosk.bench.UploadBench;
import org.livenesskiosk.vision.FrameAnalyzer;

import com.google.gson.Gson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the vision pipeline against the classic Haar-cascade baseline on one core, and the
 * upload round trip ({@link PipelineBench}, {@link UploadBench}). Its last line is one JSON
 * object, so that figures can be tracked from run to run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the vision pipeline against OpenCV's Haar cascades on the same frames, on one core.",
            "With --labels it also scores the blinks seen against hand-checked ones.",
            "The last line printed is one JSON object with the figures."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "PATH", converter = OptionValues.Recording.class,
            description = "A clip (MJPEG .avi, MP4, MOV, WebM), a folder of frames, or an image. Repeat to bench several.")
    private List<Path> sources;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", converter = OptionValues.AtLeastOne.class,
            description = "How many times to run over the frames. Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--frames", defaultValue = "300", paramLabel = "N", converter = OptionValues.AtLeastOne.class,
            description = "At most this many frames from the start of each source are kept in memory and timed. Default: ${DEFAULT-VALUE}.")
    private int maxFrames;

    @Option(names = "--frame-size", paramLabel = "WxH", converter = OptionValues.FrameSize.class,
            description = "Fit every frame into this size (scaled and padded, never squashed) before timing, e.g. 640x480.")
    private String frameSize;

    @Option(names = "--labels", paramLabel = "DIR",
            description = "Folder of hand-checked events, <clip name>.events.csv per clip (as in the shared test data): "
                    + "blink recall and false blinks per minute over the frames timed.")
    private Path labelsFolder;

    @Mixin
    private FolderFrameRate folderFrameRate;

    @Option(names = "--frame-interval-ms", defaultValue = "0", paramLabel = "MS", converter = OptionValues.NoneOrMore.class,
            description = "Time only the frames at least MS after the last one kept, as a kiosk that analyses fewer frames than "
                    + "its camera gives (60: about 15 a second from a 30 fps camera). Default: every frame.")
    private int frameIntervalMs;

    @Option(names = "--upload-sessions", defaultValue = "20", paramLabel = "N", converter = OptionValues.AtLeastOne.class,
            description = "Sessions per kiosk for the upload figures (authorize, challenge and upload to a service on loopback). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int uploadSessions;

    @Option(names = "--load-kiosks", defaultValue = "0", paramLabel = "N", converter = OptionValues.NoneOrMore.class,
            description = "Also this many kiosks uploading at once to the service in a process of its own: sessions lost, "
                    + "livenessIds given twice, the service's resident memory. Default: none.")
    private int loadKiosks;

    @Option(names = "--light", paramLabel = "DRAWS", converter = OptionValues.AtLeastOne.class,
            description = "Measure the light check instead, on real clips of people sitting still: this many colour sequences "
                    + "played into each --source by the reflection model, at four strengths of the screen's light against the "
                    + "room's, every attack beside each; its error rates and its cost against the re-run of the same frames.")
    private Integer lightDraws;

    @Option(names = "--soak", paramLabel = "SESSIONS", converter = OptionValues.AtLeastOne.class,
            description = "A day of traffic instead: this many sessions, two at a time, from one kiosk (this process: its "
                    + "outbox and service link) to one service (serve in a process of its own, on loopback, SQLite). The customer is "
                    + "the first --source, which must show a mouth opening, run once and delivered under a fresh challenge each time; "
                    + "both processes' resident and native memory, heap after a collection, threads and open files are measured "
                    + "every --every sessions. Native memory of this process needs java -XX:NativeMemoryTracking=summary.")
    private Integer soakSessions;

    @Option(names = "--session", paramLabel = "ACTIONS",
            description = "A whole session's cost instead: the first --source's customer runs a real session at this kiosk "
                    + "(process), asked these actions (comma-separated), each within --action-seconds; the kiosk delivers it "
                    + "--upload-sessions times, one at a time, to serve in a process of its own on loopback: the upload's bytes, "
                    + "the service's CPU time and wall time a session.", split = ",")
    private List<String> sessionActions;

    @Option(names = "--action-seconds", defaultValue = "10", paramLabel = "SECONDS", converter = OptionValues.Positive.class,
            description = "With --session: how long each action may take. Default: ${DEFAULT-VALUE}.")
    private double actionSeconds;

    @Option(names = "--every", defaultValue = "500", paramLabel = "N", converter = OptionValues.AtLeastOne.class,
            description = "With --soak: sessions between two measurements. Default: ${DEFAULT-VALUE}.")
    private int soakEvery;

    @Mixin
    private ModelOptions modelOptions;

    /** As many kiosks as a large branch has desks, uploading at once. */
    private static final int SIMULATED_KIOSKS = 8;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (lightDraws != null) {
            return light(out);
        }
        if (soakSessions != null) {
            return soak(out);
        }
        if (sessionActions != null) {
            return session(out);
        }
        PipelineBench bench = new PipelineBench(new FrameAnalyzer(modelOptions.models()), new PipelineBench.Settings(repeat,
                maxFrames, Optional.ofNullable(frameSize), Optional.ofNullable(labelsFolder), folderFrameRate.framesPerSecond(), frameIntervalMs));
        for (Path source : sources) {
            Optional<PipelineBench.Source> measured = bench.measure(source);
            if (measured.isEmpty()) {
                spec.commandLine().getErr().println("No frame of " + source + " could be decoded");
                return ErrorReporter.EXIT_FAILURE;
            }
            out.printf("source      %s: %d frames of %dx%d%n", source, measured.get().frames(), measured.get().width(),
                    measured.get().height());
        }
        UploadBench.Figures uploads = UploadBench.run(modelOptions.models(), bench.figures().uploadEvidence, uploadSessions,
                SIMULATED_KIOSKS);
        Optional<ServiceLoad.Figures> load = loadKiosks > 0
                ? Optional.of(ServiceLoad.run(bench.figures().uploadEvidence, loadKiosks)) : Optional.empty();
        report(out, bench.figures(), uploads, load);
        return 0;
    }

    /** The light check's error rates per strength of the screen's light, its cost, and the same as one JSON object. */
    private int light(PrintWriter out) throws Exception {
        LightBench.Figures figures = LightBench.run(new FrameAnalyzer(modelOptions.models()), sources, lightDraws);
        out.printf("light check on %d clip(s), %d sequence(s) each; the screen's light on the face against the room's:%n",
                sources.size(), lightDraws);
        for (LightBench.Rates rate : figures.rates()) {
            out.printf("strength %4.2f  BPCER %5.1f %% (%d of %d live faces refused)  APCER %5.1f %% (%d of %d attacks passed)%n",
                    rate.strength(), 100 * rate.bpcer(), rate.genuineRefused(), rate.genuine(), 100 * rate.apcer(),
                    rate.attacksPassed(), rate.attacks());
        }
        out.printf("cost        re-run %.2f ms a frame; light %.3f ms a frame + %.2f ms a step of %.0f frames: %.1f %% of the "
                + "re-run of the step's frames%n", figures.rerun().mean(), figures.measure().mean(), figures.judge().mean(),
                figures.framesPerStep(), 100 * figures.costShare());
        out.println(new Gson().toJson(figures.json()));
        return 0;
    }

    /** A whole session's bytes and cost to the service, and the same as one JSON object. */
    private int session(PrintWriter out) throws Exception {
        SessionCost.Figures cost = SessionCost.run(modelOptions.models(), sources.get(0), folderFrameRate.framesPerSecond(),
                Optional.ofNullable(frameSize),
                sessionActions, Math.round(actionSeconds * 1000), uploadSessions);
        out.printf("session     %s, %s: %.1f s recorded, %d frames of %dx%d (%.1f fps), delivered %d times%n", sources.get(0),
                sessionActions, cost.seconds(), cost.frames(), cost.width(), cost.height(), (cost.frames() - 1) / cost.seconds(),
                cost.cpu().count());
        out.printf("upload      %.2f MB as sent (%.0f KB a second of recording)%n", cost.uploadBytes() / 1e6,
                cost.uploadBytes() / 1e3 / cost.seconds());
        out.printf("service cpu median %7.0f ms  p95 %7.0f ms a session (%.2f ms a frame); %.2f sessions a second a core%n",
                cost.cpu().median(), cost.cpu().p95(), cost.cpu().median() / cost.frames(), cost.sessionsPerCoreSecond());
        out.printf("wall        median %7.0f ms  p95 %7.0f ms a session; verdicts %s%n", cost.wall().median(), cost.wall().p95(),
                cost.verdicts());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", sources.get(0).toString());
        json.put("actions", sessionActions);
        json.put("frameSize", cost.width() + "x" + cost.height());
        json.put("sessionSeconds", rounded(cost.seconds()));
        json.put("sessionFrames", cost.frames());
        json.put("uploadBytes", cost.uploadBytes());
        json.put("serviceCpuMsMedian", rounded(cost.cpu().median()));
        json.put("serviceCpuMsP95", rounded(cost.cpu().p95()));
        json.put("sessionsPerCoreSecond", rounded(cost.sessionsPerCoreSecond()));
        json.put("wallMsMedian", rounded(cost.wall().median()));
        json.put("wallMsP95", rounded(cost.wall().p95()));
        json.put("verdicts", cost.verdicts());
        out.println(new Gson().toJson(json));
        out.flush();
        return 0;
    }

    /** Each measurement as it is taken, then the day's count and growth, and all of it as one JSON object. */
    private int soak(PrintWriter out) throws Exception {
        out.println("soak        sessions  seconds  | service: RSS MB  NMT MB  heap MB  threads  fds | kiosk: RSS MB  NMT MB  heap MB  "
                + "threads  fds");
        out.flush();
        Soak.Figures day = Soak.run(modelOptions.models(), sources.get(0), folderFrameRate.framesPerSecond(), soakSessions, soakEvery,
                sample -> {
                    out.printf("soak        %8d  %7.0f  |          %6d  %6d  %7d  %7d  %3d |        %6d  %6d  %7d  %7d  %3d%n",
                            sample.sessions(), sample.seconds(), sample.service().residentMb(), sample.service().nativeMb(),
                            sample.service().heapAfterGcMb(), sample.service().threads(), sample.service().openFiles(),
                            sample.kiosk().residentMb(), sample.kiosk().nativeMb(), sample.kiosk().heapAfterGcMb(),
                            sample.kiosk().threads(), sample.kiosk().openFiles());
                    out.flush();
                });
        out.printf("soak        %d sessions in %.0f s: %d delivered (%d verified, %d left to a person), %d lost, %d given two "
                + "livenessIds, %d distinct livenessIds, %d left in the outbox, %d answers asked again%n", day.sessions(), day.seconds(),
                day.delivered(), day.verified(), day.manualChecks(), day.lost(), day.duplicated(), day.livenessIds(), day.outboxLeft(),
                day.failedAnswers());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("soakSessions", day.sessions());
        json.put("delivered", day.delivered());
        json.put("verified", day.verified());
        json.put("manualChecks", day.manualChecks());
        json.put("lost", day.lost());
        json.put("duplicated", day.duplicated());
        json.put("livenessIds", day.livenessIds());
        json.put("outboxLeft", day.outboxLeft());
        json.put("failedAnswers", day.failedAnswers());
        json.put("seconds", Math.round(day.seconds()));
        json.put("samples", day.samples());
        out.println(new Gson().toJson(json));
        out.flush();
        boolean whole = day.lost() == 0 && day.duplicated() == 0 && day.livenessIds() == day.sessions() && day.outboxLeft() == 0;
        return whole ? 0 : ErrorReporter.EXIT_FAILURE;
    }

    private void report(PrintWriter out, PipelineBench.Figures figures, UploadBench.Figures uploads,
                        Optional<ServiceLoad.Figures> load) {
        double speedup = figures.haar.median() / figures.pipeline.median();
        double pipelineFacesPerFrame = (double) figures.pipelineFaces / figures.timedFrames;
        double haarFacesPerFrame = (double) figures.haarFaces / figures.timedFrames;
        double haarEyesPerFrame = (double) figures.haarEyes / figures.timedFrames;
        out.printf("timed       %d frames (%d runs, 1 analysis thread and its 2 side threads; MediaPipe's networks on %s)%n",
                figures.timedFrames, repeat, FrameAnalyzer.mediaPipeEngine());
        out.printf("decode      median %7.2f ms  p95 %7.2f ms%n", figures.decoding.median(), figures.decoding.p95());
        out.printf("pipeline    median %7.2f ms  p95 %7.2f ms  %6.1f fps  %.2f faces/frame%n", figures.pipeline.median(),
                figures.pipeline.p95(), 1000 / figures.pipeline.median(), pipelineFacesPerFrame);
        double texturedShare = (double) figures.texture.count() / figures.timedFrames;
        out.printf("passive     mean %7.2f ms a frame  median %7.3f ms  (texture on %.0f %% of frames, %.2f ms median each)%n",
                figures.passive.mean(), figures.passive.median(), 100 * texturedShare, figures.texture.median());
        out.printf("haar        median %7.2f ms  p95 %7.2f ms  %6.1f fps  %.2f faces/frame  %.2f eyes/frame%n",
                figures.haar.median(), figures.haar.p95(), 1000 / figures.haar.median(), haarFacesPerFrame, haarEyesPerFrame);
        out.printf("speedup     %.1fx (Haar median / pipeline median)%n", speedup);
        out.printf("controller  median %7.3f ms  p95 %7.3f ms  (the liveness session on top of the pipeline)%n",
                figures.controller.median(), figures.controller.p95());
        out.printf("preview     median %7.3f ms  p95 %7.3f ms  (each frame handed to the kiosk's window)%n",
                figures.preview.median(), figures.preview.p95());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sources", sources.stream().map(Path::toString).toList());
        json.put("frameSize", frameSize == null ? "as decoded" : frameSize);
        json.put("timedFrames", figures.timedFrames);
        json.put("mediaPipeEngine", FrameAnalyzer.mediaPipeEngine());
        json.put("repeat", repeat);
        json.put("decodeMsMedian", rounded(figures.decoding.median()));
        json.put("decodeMsP95", rounded(figures.decoding.p95()));
        json.put("pipelineMsMedian", rounded(figures.pipeline.median()));
        json.put("pipelineMsP95", rounded(figures.pipeline.p95()));
        json.put("pipelineFps", rounded(1000 / figures.pipeline.median()));
        json.put("pipelineFacesPerFrame", rounded(pipelineFacesPerFrame));
        json.put("passiveMsMean", rounded(figures.passive.mean()));
        json.put("passiveMsMedian", rounded(figures.passive.median()));
        json.put("texturedShare", rounded(texturedShare));
        json.put("textureMsMedian", rounded(figures.texture.median()));
        json.put("baselineMsMedian", rounded(figures.haar.median()));
        json.put("baselineMsP95", rounded(figures.haar.p95()));
        json.put("baselineFps", rounded(1000 / figures.haar.median()));
        json.put("baselineFacesPerFrame", rounded(haarFacesPerFrame));
        json.put("baselineEyesPerFrame", rounded(haarEyesPerFrame));
        json.put("speedup", rounded(speedup));
        json.put("controllerMsMedian", rounded(figures.controller.median()));
        json.put("controllerMsP95", rounded(figures.controller.p95()));
        json.put("previewMsMedian", rounded(figures.preview.median()));
        json.put("previewMsP95", rounded(figures.preview.p95()));
        out.printf("upload      median %7.2f ms  p95 %7.2f ms  (authorize + challenge + upload + the service's check, one kiosk)%n",
                uploads.roundTrip().median(), uploads.roundTrip().p95());
        out.printf("check       median %7.2f ms  p95 %7.2f ms  (the service re-running the session on the recording)%n",
                uploads.check().median(), uploads.check().p95());
        out.printf("identity    %.1f faces embedded a session, %.1f ms; %s  (of the check above)%n",
                uploads.identity().facesPerCheck(), uploads.identity().embeddingMsPerCheck(), uploads.identity().lookups() == 0
                        ? "no replay look-up (every session was already an injection: the recordings do not show the actions asked)"
                        : String.format("replay look-up %.1f ms a session", uploads.identity().lookupMsPerLookup()));
        out.printf("uploads     %.1f sessions/s with %d kiosks at once (%d sessions)%n", uploads.sessionsPerSecond(),
                uploads.kiosks(), uploads.concurrentSessions());
        json.put("uploadMsMedian", rounded(uploads.roundTrip().median()));
        json.put("uploadMsP95", rounded(uploads.roundTrip().p95()));
        json.put("checkMsMedian", rounded(uploads.check().median()));
        json.put("checkMsP95", rounded(uploads.check().p95()));
        json.put("identityFacesPerSession", rounded(uploads.identity().facesPerCheck()));
        json.put("identityEmbeddingMs", rounded(uploads.identity().embeddingMsPerCheck()));
        json.put("replayLookups", uploads.identity().lookups());
        json.put("replayLookupMs", rounded(uploads.identity().lookupMsPerLookup()));
        json.put("uploadSessionsPerSecond", rounded(uploads.sessionsPerSecond()));
        json.put("uploadKiosks", uploads.kiosks());
        load.ifPresent(kiosks -> {
            out.printf("load        %d kiosks at once: %d delivered, %d lost, %d livenessIds given twice, %d failed answers asked "
                    + "again, in %.1f s; service resident %d MB at start, %d MB at its peak (%s)%n", kiosks.kiosks(), kiosks.delivered(),
                    kiosks.lost(), kiosks.duplicated(), kiosks.serviceFailures(), kiosks.seconds(), kiosks.residentStartMb(),
                    kiosks.residentPeakMb(), ServiceProcess.SERVICE_HEAP);
            json.put("loadKiosks", kiosks.kiosks());
            json.put("loadLost", kiosks.lost());
            json.put("loadDuplicated", kiosks.duplicated());
            json.put("loadServiceResidentPeakMb", kiosks.residentPeakMb());
        });
        BlinkScore blinks = figures.blinks;
        if (blinks.labelled() > 0) {
            out.printf("blinks      %d of %d labelled found (recall %.3f), %d false of %d seen (precision %.3f) in %.1f min (%.2f/min)%n",
                    blinks.found(), blinks.labelled(), blinks.recall(), blinks.falseBlinks(), blinks.seen(), blinks.precision(),
                    blinks.minutes(), blinks.falseBlinksPerMinute());
            json.put("labelledBlinks", blinks.labelled());
            json.put("blinkRecall", rounded(blinks.recall()));
            json.put("blinkPrecision", rounded(blinks.precision()));
            json.put("falseBlinksPerMinute", rounded(blinks.falseBlinksPerMinute()));
        }
        out.println(new Gson().toJson(json));
        out.flush();
    }

    private static double rounded(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
