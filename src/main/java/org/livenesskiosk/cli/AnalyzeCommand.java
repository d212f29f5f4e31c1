package org.livenesskiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.livenesskiosk.capture.Frame;
import org.livenesskiosk.capture.FrameSource;
import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.ActionDetectors;
import org.livenesskiosk.liveness.ActionEvent;
import org.livenesskiosk.liveness.PassiveEvidence;
import org.livenesskiosk.liveness.TextureSampling;
import org.livenesskiosk.vision.FrameAnalysis;
import org.livenesskiosk.vision.FrameAnalyzer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints what the pipeline measures on every frame, and every action it sees: for tuning and for checking accuracy. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Measures every frame of a clip, a folder of frames or an image, and reports each action seen.",
            "Prints one record per frame, one per action (BLINK, MOUTH, POS_YAW, NOD) when it ends, and a closing summary."})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "PATH", converter = OptionValues.Recording.class,
            description = "A clip (MJPEG .avi, MP4, MOV, WebM), a folder of JPEG/PNG frames, or one image.")
    private Path source;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT",
            description = "jsonl (one JSON object per line) or csv. Default: ${DEFAULT-VALUE}.")
    private RecordFormat format;

    @Mixin
    private FolderFrameRate folderFrameRate;

    @Mixin
    private ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FrameAnalyzer analyzer = new FrameAnalyzer(modelOptions.models());
        ActionDetectors detectors = ActionDetectors.forAllActions();
        TextureSampling sampling = new TextureSampling();
        PassiveEvidence passive = new PassiveEvidence();
        int frames = 0;
        int events = 0;
        try (FrameSource frameSource = FrameSources.open(source, folderFrameRate.framesPerSecond())) {
            format.begin(out);
            for (Optional<Frame> next = frameSource.next(); next.isPresent(); next = frameSource.next()) {
                FrameAnalysis analysis;
                try (Frame frame = next.get()) {
                    analysis = analyzer.analyze(frame.image(), frame.index(), frame.timestampMs());
                    if (sampling.wants(analysis)) {
                        analysis = analyzer.withTexture(frame.image(), analysis);
                    }
                }
                passive.accept(analysis);
                frames++;
                format.write(out, AnalysisRecords.frame(analysis));
                List<ActionEvent> ended = detectors.accept(analysis);
                for (ActionEvent event : ended) {
                    format.write(out, AnalysisRecords.event(event));
                }
                events += ended.size();
            }
            format.write(out, AnalysisRecords.summary(frames, frameSource.corruptFrames(), events, passive.cues()));
        }
        out.flush();
        return 0;
    }
}
