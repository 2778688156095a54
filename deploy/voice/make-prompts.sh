#!/bin/bash
# Makes the shipped Mandarin voice prompts (SPEC §3.4) with Debian's espeak-ng: one WAV per line
# of phrases.tsv (file name, TAB, phrase), 16-bit mono PCM at espeak-ng's 22050 Hz. A hall
# replaces any of them with its own recording of the same name in Voice:Directory.
#
#   deploy/voice/make-prompts.sh [--if-available] OUTDIR
#
#   --if-available   when espeak-ng is missing, say so and exit 0 (development builds: the host
#                    then runs without shipped prompts and logs which are missing)
#
# Exit codes: 0 made (or skipped with --if-available), 1 espeak-ng missing or failed, 2 bad arguments.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
optional=false
if [ "${1:-}" = "--if-available" ]; then
    optional=true
    shift
fi
if [ $# -ne 1 ]; then
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
out=$1

if ! command -v espeak-ng >/dev/null 2>&1; then
    if $optional; then
        echo "make-prompts.sh: espeak-ng is not installed (apt-get install espeak-ng): no voice prompts made" >&2
        exit 0
    fi
    echo "make-prompts.sh: espeak-ng is not installed (apt-get install espeak-ng)" >&2
    exit 1
fi

mkdir -p "$out"
while IFS=$'\t' read -r file phrase; do
    [ -n "$file" ] || continue
    # -v cmn: Mandarin; -s 170 words per minute: unhurried but not dragging (tried on the hall's texts).
    if ! espeak-ng -v cmn -s 170 -w "$out/$file.tmp" "$phrase"; then
        echo "make-prompts.sh: espeak-ng failed on $file" >&2
        rm -f "$out/$file.tmp"
        exit 1
    fi
    mv "$out/$file.tmp" "$out/$file"
done < "$here/phrases.tsv"
