package org.livenesskiosk.liveness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a face answered the screen's colours as a live face in front of this kiosk does: its skin
 * takes on each colour the screen shows, a camera frame or so later, far more than the room behind
 * it (the face is near the screen, the room is not), and more where it faces the screen than where
 * it turns away (a face is round; a print or a phone held up is flat and answers the same all over).
 *
 * <p>Only chroma is compared, never brightness: a camera's exposure and the room's light change the
 * brightness of everything at once, and cancel out of the log-chromaticity used here. The outcome is
 * never a false refusal of a customer the check could not judge: too few steady frames, or a room
 * so bright that no answer could be told from the noise, is {@link Outcome#UNSURE}, for a person.
 */
public final class LightCheck {

    /** A colour as a camera measured it, mean 8-bit values of one region; NaN where the region could not be read (clipped). */
    public record Rgb(double r, double g, double b) {
        double channel(int c) {
            return c == 0 ? r : c == 1 ? g : b;
        }

        boolean read() {
            return !Double.isNaN(r) && !Double.isNaN(g) && !Double.isNaN(b);
        }
    }

    /**
     * One frame's measurement: the face where it faces the camera (and the screen beside it), where
     * it turns away (the outer cheeks), and the scene beside the face.
     */
    public record Sample(long timeMs, Rgb frontal, Rgb oblique, Rgb background) {
    }

    public enum Outcome { LIVE, ATTACK, UNSURE }

    /**
     * @param lagMs       how long after the screen changed the face answered, at the best fit
     * @param correlation how closely the face's chroma followed the screen's, at that lag (−1 to 1)
     * @param response    how strongly the whole face took the colours on (log-chroma per unit of screen chroma)
     * @param background  the scene beside the face's answer, as a share of the face's
     * @param shape       the outer cheeks' answer, as a share of the middle of the face's (1 for a flat picture)
     * @param colours     how many of the colours shown the face's answer could be measured for
     * @param likeness    how closely the face's answers, colour by colour, followed the colours shown (−1 to 1)
     */
    public record Verdict(Outcome outcome, Optional<String> reason, long lagMs, double correlation, double response,
                          double background, double shape, int colours, double likeness) {
    }

    /** Fewer frames of a face during the step than this cannot be judged (about a third of a second at 30 fps). */
    static final int MIN_FRAMES = 10;
    /** A face that follows the screen this closely answered it; a recording made before follows nothing. */
    static final double MIN_CORRELATION = 0.5;
    /**
     * The latest a live answer comes: a webcam's frame (33 ms at 30 fps) and its exposure, its
     * transfer and the display's own latency add up to 100–150 ms; twice that is the bound. A
     * stream that answers later was made after the colours were seen, by something in between.
     */
    static final long MAX_LAG_MS = 250;
    /** How far later an answer is looked for, to tell a late answer from none. */
    static final long SEARCH_LAG_MS = 1_500;
    static final long LAG_STEP_MS = 20;
    /** The room behind the customer, a metre or more from the screen, takes at most this share of the face's answer. */
    static final double MAX_BACKGROUND_SHARE = 0.5;
    /** Where the face turns away takes at most this share of the answer where it faces the screen; a flat picture takes all. */
    static final double MAX_OBLIQUE_SHARE = 0.85;
    /**
     * The weakest answer a live face at 40–80 cm from a kiosk's screen at full brightness gives, in
     * log-chroma per unit of screen chroma (the reflection model's, see docs/light-challenge.md: to
     * be confirmed on each kiosk model with `analyze --light-report`).
     */
    static final double MIN_RESPONSE = 0.05;
    /** The weakest answer stands out of the noise this many times over where the check can judge. */
    static final double MIN_SIGNAL_TO_NOISE = 3;
    /**
     * Fewer colours measured than this cannot tell which sequence a face answered: two or three
     * colours of another sequence are often much like them (a colour that clips the bright middle
     * of the face leaves its frames out).
     */
    static final int MIN_COLOURS = 4;
    /**
     * How closely a face's answers, one per colour, must follow the colours shown to be this
     * sequence's answer. Each colour weighs as one observation, however many frames it lasted, so
     * that six colours are six pieces of evidence, not 150. A perfect answer to another sequence
     * drawn the same way comes this close to the one asked less than once in a thousand draws
     * ({@code LightCheckRulesTest.anotherSequencesAnswerIsAlmostNeverLikeThisOne}, from the palette
     * and the draw alone); below it, and still like it, a person decides.
     */
    static final double MIN_LIKENESS = 0.9;
    /**
     * A colour's answer is read from its frames this far from either change: a frame exposed across
     * a change (a camera's frame lasts up to 33 ms at 30 fps) and the lag found only to its 20 ms
     * step would otherwise give one colour the next one's light.
     */
    static final long CHANGE_GUARD_MS = 60;

    private LightCheck() {
    }

    /**
     * @param samples  the frames with a face, in time order
     * @param timeline when each colour was on the kiosk's screen, in the same milliseconds
     */
    public static Verdict judge(List<Sample> samples, List<LightSequence.Shown> timeline) {
        if (timeline.isEmpty()) {
            return unjudged("LIGHT_NOT_SHOWN");
        }
        // Every region is compared over the same frames: a colour that clips the bright middle of the face
        // (a strong red on pale skin) leaves its frames out of every fit, not only the middle's, so that the
        // face's shape is judged from like with like. And every lag is tried over the same frames, the step and
        // the longest lag after it: a frame the screen lit with no colour at that lag is read as no colour, not
        // left out. Left out, the frames a lag keeps would change with the lag, and a late lag keeping the
        // steady frames after the step, as colours, could fit a few frames better by chance than the true lag
        // keeping almost none (a face clipped under most colours was once found 1,140 ms late).
        long firstShownMs = timeline.get(0).fromMs();
        long lastShownMs = timeline.get(timeline.size() - 1).toMs();
        List<Sample> read = samples.stream()
                .filter(sample -> sample.timeMs() >= firstShownMs && sample.timeMs() < lastShownMs + SEARCH_LAG_MS)
                .filter(sample -> sample.frontal().read() && sample.oblique().read() && sample.background().read()).toList();
        // The frames after the step only confirm a lag: what the face did while the colours were on decides.
        if (read.stream().filter(sample -> sample.timeMs() < lastShownMs).count() < MIN_FRAMES) {
            return unjudged("LIGHT_TOO_FEW_FRAMES");
        }
        return judgeRead(read, timeline, samples);
    }

    /**
     * @param read the frames every region of which could be read
     * @param all  every frame with a face: each colour's answer is read where it can be, in the middle
     *             of the face or on the cheeks (a strong colour that clips the middle leaves the cheeks)
     */
    private static Verdict judgeRead(List<Sample> read, List<LightSequence.Shown> timeline, List<Sample> all) {
        Fit best = null;
        for (long lag = 0; lag <= SEARCH_LAG_MS; lag += LAG_STEP_MS) {
            Optional<Fit> fit = Fit.at(read, timeline, lag, Sample::frontal, Sample::oblique);
            if (fit.isPresent() && (best == null || fit.get().correlation > best.correlation)) {
                best = fit.get();
            }
        }
        if (best == null) {
            return unjudged("LIGHT_TOO_FEW_FRAMES");
        }
        double background = Fit.at(read, timeline, best.lagMs, Sample::background, Sample::background).orElseThrow().response
                / best.response;
        double shape = Fit.at(read, timeline, best.lagMs, Sample::oblique, Sample::oblique).orElseThrow().response
                / Fit.at(read, timeline, best.lagMs, Sample::frontal, Sample::frontal).orElseThrow().response;
        Likeness likeness = Likeness.of(List.of(perColour(all, timeline, best.lagMs, Sample::frontal),
                perColour(all, timeline, best.lagMs, Sample::oblique)), timeline);
        // A chance likeness too faint to be the screen's light is no answer: a live face's is at least MIN_RESPONSE.
        if (best.correlation < MIN_CORRELATION || best.response < MIN_RESPONSE) {
            boolean answerWouldShow = MIN_RESPONSE * best.stimulusSpread >= MIN_SIGNAL_TO_NOISE * best.noise;
            return verdict(answerWouldShow ? Outcome.ATTACK : Outcome.UNSURE,
                    answerWouldShow ? "LIGHT_NO_ANSWER" : "LIGHT_AMBIENT", best, background, shape, likeness);
        }
        if (best.lagMs > MAX_LAG_MS) {
            return verdict(Outcome.ATTACK, "LIGHT_LATE", best, background, shape, likeness);
        }
        if (background > MAX_BACKGROUND_SHARE) {
            return verdict(Outcome.ATTACK, "LIGHT_UNIFORM", best, background, shape, likeness);
        }
        if (shape > MAX_OBLIQUE_SHARE) {
            return verdict(Outcome.ATTACK, "LIGHT_FLAT", best, background, shape, likeness);
        }
        if (likeness.colours < MIN_COLOURS) {
            return verdict(Outcome.UNSURE, "LIGHT_TOO_FEW_COLOURS", best, background, shape, likeness);
        }
        if (likeness.value < MIN_CORRELATION) {
            return verdict(Outcome.ATTACK, "LIGHT_NO_ANSWER", best, background, shape, likeness);
        }
        if (likeness.value < MIN_LIKENESS) {
            return verdict(Outcome.UNSURE, "LIGHT_UNCLEAR", best, background, shape, likeness);
        }
        return verdict(Outcome.LIVE, null, best, background, shape, likeness);
    }

    /**
     * A region's mean log-chroma during each colour the screen showed, {@code lagMs} late, away from
     * its changes; empty for a colour in which the region could not be read in any such frame.
     */
    private static List<Optional<double[]>> perColour(List<Sample> samples, List<LightSequence.Shown> timeline, long lagMs,
                                                      Function<Sample, Rgb> region) {
        List<Optional<double[]>> colours = new ArrayList<>();
        for (LightSequence.Shown shown : timeline) {
            double[] sum = new double[3];
            int frames = 0;
            for (Sample sample : samples) {
                long shownAt = sample.timeMs() - lagMs;
                if (shownAt >= shown.fromMs() + CHANGE_GUARD_MS && shownAt < shown.toMs() - CHANGE_GUARD_MS && region.apply(sample).read()) {
                    double[] chroma = Fit.logChroma(region.apply(sample), region.apply(sample));
                    for (int c = 0; c < 3; c++) {
                        sum[c] += chroma[c];
                    }
                    frames++;
                }
            }
            final int counted = frames;
            colours.add(counted == 0 ? Optional.empty() : Optional.of(new double[] {sum[0] / counted, sum[1] / counted, sum[2] / counted}));
        }
        return colours;
    }

    /**
     * How closely the answers, one per colour measured, follow the colours shown: in each region the
     * correlation over its colours (each centred), then the regions' correlations weighed by their
     * colours (the cheeks answer less than the middle of the face, and their skin has its own
     * colour). A colour counts once however many regions answered it.
     */
    record Likeness(int colours, double value) {

        static Likeness of(List<List<Optional<double[]>>> regions, List<LightSequence.Shown> timeline) {
            double weighed = 0;
            int weights = 0;
            boolean[] measuredColour = new boolean[timeline.size()];
            for (List<Optional<double[]>> answers : regions) {
                List<double[]> measured = new ArrayList<>();
                List<double[]> stimulus = new ArrayList<>();
                Set<Integer> answered = new HashSet<>();
                for (int i = 0; i < timeline.size(); i++) {
                    if (answers.get(i).isPresent()) {
                        measured.add(answers.get(i).get().clone());
                        stimulus.add(Fit.screenChroma(timeline.get(i).rgb()));
                        answered.add(timeline.get(i).rgb());
                        measuredColour[i] = true;
                    }
                }
                // A region that answered one colour only, however often it was shown, has nothing to compare
                // (the middle of a face clipped under every colour with red in it but one, shown twice).
                if (answered.size() >= 2) {
                    weighed += correlation(stimulus, measured) * measured.size();
                    weights += measured.size();
                }
            }
            int colours = 0;
            for (boolean measured : measuredColour) {
                colours += measured ? 1 : 0;
            }
            return new Likeness(colours, weights == 0 ? 0 : weighed / weights);
        }

        private static double correlation(List<double[]> stimulus, List<double[]> measured) {
            Fit.centre(measured);
            Fit.centre(stimulus);
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int i = 0; i < measured.size(); i++) {
                for (int c = 0; c < 3; c++) {
                    sxy += stimulus.get(i)[c] * measured.get(i)[c];
                    sxx += stimulus.get(i)[c] * stimulus.get(i)[c];
                    syy += measured.get(i)[c] * measured.get(i)[c];
                }
            }
            return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
        }
    }

    /**
     * How strongly the face took on each colour the screen showed, {@code lagMs} late: the middle of
     * the face's log-chroma during that colour, less its mean over the colours measured, along the colour's own
     * chroma (per unit of it). What a bank checks on its own camera and screen: a live face gives
     * about the verdict's response for every colour, a recording about 0.
     */
    public static List<Double> answers(List<Sample> samples, List<LightSequence.Shown> timeline, long lagMs) {
        List<Optional<double[]>> colours = perColour(samples, timeline, lagMs, Sample::frontal);
        double[] mean = new double[3];
        long measured = colours.stream().filter(Optional::isPresent).count();
        colours.stream().flatMap(Optional::stream).forEach(chroma -> {
            for (int c = 0; c < 3; c++) {
                mean[c] += chroma[c] / measured;
            }
        });
        List<Double> answers = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            double[] screen = Fit.screenChroma(timeline.get(i).rgb());
            double norm = screen[0] * screen[0] + screen[1] * screen[1] + screen[2] * screen[2];
            answers.add(colours.get(i).map(chroma -> {
                double along = 0;
                for (int c = 0; c < 3; c++) {
                    along += (chroma[c] - mean[c]) * screen[c];
                }
                return along / norm;
            }).orElse(Double.NaN));
        }
        return answers;
    }

    /** Left to a person before anything could be measured: no figures. */
    private static Verdict unjudged(String reason) {
        return new Verdict(Outcome.UNSURE, Optional.of(reason), 0, 0, 0, 0, 0, 0, 0);
    }

    private static Verdict verdict(Outcome outcome, String reason, Fit fit, double background, double shape, Likeness likeness) {
        return new Verdict(outcome, Optional.ofNullable(reason), fit.lagMs, fit.correlation, fit.response, background, shape,
                likeness.colours, likeness.value);
    }

    /** How one region (or two, pooled) followed the screen at one lag: a regression through the origin of chroma on chroma. */
    private record Fit(long lagMs, double correlation, double response, double noise, double stimulusSpread) {

        static Optional<Fit> at(List<Sample> samples, List<LightSequence.Shown> timeline, long lagMs,
                                Function<Sample, Rgb> first, Function<Sample, Rgb> second) {
            List<double[]> stimulus = new ArrayList<>();
            List<double[]> measured = new ArrayList<>();
            for (Sample sample : samples) {
                if (!first.apply(sample).read() || !second.apply(sample).read()) {
                    continue;
                }
                stimulus.add(LightSequence.colourAt(timeline, sample.timeMs() - lagMs).map(Fit::screenChroma).orElseGet(Fit::noColour));
                measured.add(logChroma(first.apply(sample), second.apply(sample)));
            }
            if (stimulus.size() < MIN_FRAMES) {
                return Optional.empty();
            }
            centre(stimulus);
            centre(measured);
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int i = 0; i < stimulus.size(); i++) {
                for (int c = 0; c < 3; c++) {
                    double x = stimulus.get(i)[c];
                    double y = measured.get(i)[c];
                    sxy += x * y;
                    sxx += x * x;
                    syy += y * y;
                }
            }
            if (sxx == 0) {
                return Optional.empty();
            }
            double slope = sxy / sxx;
            double residual = Math.max(0, syy - slope * sxy);
            int n = stimulus.size() * 3;
            double correlation = syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
            return Optional.of(new Fit(lagMs, correlation, slope, Math.sqrt(residual / n), Math.sqrt(sxx / n)));
        }

        /**
         * The screen outside the step as chroma: the kiosk's own pages, white and grey, change the face's
         * brightness, not its chroma. A new array each time: the fit centres its series in place.
         */
        private static double[] noColour() {
            return new double[3];
        }

        /** The screen's colour as chroma: each channel's share less the three's mean. */
        private static double[] screenChroma(int rgb) {
            double[] value = {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
            double mean = (value[0] + value[1] + value[2]) / 3;
            return new double[] {value[0] - mean, value[1] - mean, value[2] - mean};
        }

        /** A region's log-chromaticity (pooled over two regions when given two): free of its brightness. */
        private static double[] logChroma(Rgb first, Rgb second) {
            double[] log = new double[3];
            for (int c = 0; c < 3; c++) {
                log[c] = Math.log(Math.max(1, (first.channel(c) + second.channel(c)) / 2));
            }
            double mean = (log[0] + log[1] + log[2]) / 3;
            return new double[] {log[0] - mean, log[1] - mean, log[2] - mean};
        }

        /** Each channel less its mean over the frames: what stays is how it changed. */
        private static void centre(List<double[]> series) {
            for (int c = 0; c < 3; c++) {
                double mean = 0;
                for (double[] value : series) {
                    mean += value[c];
                }
                mean /= series.size();
                for (double[] value : series) {
                    value[c] -= mean;
                }
            }
        }
    }
}
