package org.livenesskiosk.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.livenesskiosk.capture.FrameSources;
import org.livenesskiosk.liveness.LivenessConfig;
import org.livenesskiosk.server.FaceComparison;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values options take, read and checked while the command line is parsed, before any model
 * loads: a wrong one is a usage error that names the option (picocli adds it), the value, and what
 * is allowed, within the second rather than after the models' seconds of loading.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** {@code --distance MIN-MAX}: where the kiosk's customers stand, in cm. */
    record DistanceRange(double minCm, double maxCm) {

        /** Nearer than a hand's breadth or further than a room, no camera frames a face to measure. */
        private static final double NEAREST_CM = 10;
        private static final double FURTHEST_CM = 500;

        double[] asArray() {
            return new double[] {minCm, maxCm};
        }

        @Override
        public String toString() {
            return format(minCm) + "-" + format(maxCm);
        }

        private static String format(double cm) {
            return cm == Math.rint(cm) ? Long.toString((long) cm) : Double.toString(cm);
        }

        static final class Converter implements ITypeConverter<DistanceRange> {
            @Override
            public DistanceRange convert(String value) {
                String allowed = "'" + value + "' is not MIN-MAX in cm: two numbers from " + format(NEAREST_CM) + " to "
                        + format(FURTHEST_CM) + ", the nearer first, e.g. 40-80";
                String[] ends = value.split("-", -1);
                if (ends.length != 2) {
                    throw new TypeConversionException(allowed);
                }
                double min = number(ends[0], allowed);
                double max = number(ends[1], allowed);
                if (min < NEAREST_CM || max > FURTHEST_CM || min >= max) {
                    throw new TypeConversionException(allowed);
                }
                return new DistanceRange(min, max);
            }
        }
    }

    /** {@code --server}, {@code --public-url}: a service's address, {@code http(s)://host[:port][/path]}. */
    static final class ServiceUrl implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String allowed = "'" + value + "' is not a service's address: http://HOST[:PORT] or https://HOST[:PORT], "
                    + "with a path at most, e.g. http://127.0.0.1:8080";
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new TypeConversionException(allowed);
                }
            } catch (URISyntaxException e) {
                throw new TypeConversionException(allowed);
            }
            return value;
        }
    }

    /** {@code --port}: a TCP port; 0 lets the system pick a free one. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 0, 65_535, "a port: a whole number from 0 (any free port) to 65535");
        }
    }

    /** Counts of kiosks, sessions, frames, repeats and days: a whole number, 1 or more. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 1, Integer.MAX_VALUE, "a whole number, 1 or more");
        }
    }

    /** Counts that may be none: {@code bench --load-kiosks 0} runs no load. */
    static final class NoneOrMore implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 0, Integer.MAX_VALUE, "a whole number, 0 or more");
        }
    }

    /** Time limits and frame rates: a number above 0. */
    static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String allowed = "'" + value + "' is not a number above 0";
            double number = number(value, allowed);
            if (number <= 0) {
                throw new TypeConversionException(allowed);
            }
            return number;
        }
    }

    /** {@code --result-size}: the side of the square best image, as the mobile SDK takes it. */
    static final class ResultSize implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, LivenessConfig.MIN_RESULT_IMAGE_SIZE, LivenessConfig.MAX_RESULT_IMAGE_SIZE,
                    "the side of the square best image in pixels, " + LivenessConfig.MIN_RESULT_IMAGE_SIZE + " to "
                            + LivenessConfig.MAX_RESULT_IMAGE_SIZE + ", as the SDK takes it");
        }
    }

    /** {@code --far-near-timeout}: the mobile SDK's {@code timeoutDurationOf3DMode}, in seconds. */
    static final class FarNearSeconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            long min = LivenessConfig.MIN_FAR_NEAR_TIME_LIMIT_MS / 1000;
            long max = LivenessConfig.MAX_FAR_NEAR_TIME_LIMIT_MS / 1000;
            String allowed = "'" + value + "' is not a number of seconds from " + min + " to " + max;
            double seconds = number(value, allowed);
            if (seconds < min || seconds > max) {
                throw new TypeConversionException(allowed);
            }
            return seconds;
        }
    }

    /** {@code accounts settings --match-threshold}: the similarity from which an account's documents match. */
    static final class MatchThreshold implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, FaceComparison.MIN_MATCH_THRESHOLD, FaceComparison.MAX_MATCH_THRESHOLD,
                    "a similarity from " + FaceComparison.MIN_MATCH_THRESHOLD + " to " + FaceComparison.MAX_MATCH_THRESHOLD);
        }
    }

    /** {@code --frame-size WxH}: the size every frame is fitted into. */
    static final class FrameSize implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.toLowerCase(Locale.ROOT).matches("[1-9]\\d{0,4}x[1-9]\\d{0,4}")) {
                throw new TypeConversionException("'" + value + "' is not WIDTHxHEIGHT in pixels, e.g. 640x480");
            }
            return value;
        }
    }

    /** {@code --source} of {@code detect} and {@code kiosk}: a camera by its driver's name, or a recording that exists. */
    static final class Source implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return FrameSources.isCamera(value) ? value : existing(value, "a clip, a folder of frames, an image, camera:N or webcam:NAME").toString();
        }
    }

    /** {@code --source} of {@code analyze} and {@code bench}: a recording that exists (whether it decodes is found on reading). */
    static final class Recording implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return existing(value, "a clip, a folder of frames or an image");
        }
    }

    private static Path existing(String value, String allowed) {
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new TypeConversionException("no file or folder '" + value + "': give " + allowed);
        }
        return path;
    }

    private static int whole(String value, int min, int max, String allowed) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below, with what is allowed.
        }
        throw new TypeConversionException("'" + value + "' is not " + allowed);
    }

    private static double number(String value, String allowed) {
        try {
            double number = Double.parseDouble(value.trim());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said by the caller, with what is allowed.
        }
        throw new TypeConversionException(allowed);
    }
}
