#!/usr/bin/env bash
# Speaks every line the kiosk says (ui.Spoken: the prompts, the oval's directions, the results) in
# every language from the i18n bundles with espeak-ng, into resources/voice/<language>/<key>.wav
# (16 kHz mono), and records in SHA256SUMS which text each file speaks, so a test (VoiceTest)
# notices a sentence changed, or a line added, without being spoken.
# Re-run after changing one: resources/voice/speak.sh   (needs Debian's espeak-ng and sox)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bundles="$here/../../i18n"
declare -A voices=([zh]=cmn [en]=en-us [id]=id [vi]=vi [hi]=hi [th]=th)
# The keys of ui.Spoken.keys(): every prompt and direction, and the result lines without a number in them.
spoken='^(prompt\.[A-Za-z]+|guide\.[A-Za-z]+|result\.(successTitle|manualCheck|stopped|failureTitle|kioskUnavailable|askStaff))='


manifest="$here/SHA256SUMS.tmp"
: > "$manifest"
for language in zh en id vi hi th; do
  mkdir -p "$here/$language"
  grep -E "$spoken" "$bundles/messages_$language.properties" | while IFS='=' read -r key text; do
    raw=$(mktemp --suffix=.wav)
    espeak-ng -v "${voices[$language]}" -s 150 -w "$raw" "$text"
    sox -q "$raw" -r 16000 -c 1 -b 16 "$here/$language/$key.wav" gain -n -1
    rm -f "$raw"
    printf '%s  %s/%s\n' "$(printf '%s' "$text" | sha256sum | cut -d' ' -f1)" "$language" "$key" >> "$manifest"
  done
done
mv "$manifest" "$here/SHA256SUMS"
