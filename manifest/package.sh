#!/usr/bin/env bash
# Builds the Teams app package (zip) from manifest/.
#
#   bash manifest/package.sh --app-id <GUID> [--out FILE] [--no-validate]
#
# --app-id   the bot's Microsoft Entra app id (Azure Bot "Microsoft App ID"); it replaces the
#            placeholder GUID 00000000-0000-0000-0000-000000000000 everywhere in manifest.json
#            (id, bots[0].botId, webApplicationInfo.id and .resource "api://botid-<id>").
# --out      zip to write (default: build/salesbot-teams.zip at the repo root).
# --no-validate  skip the offline schema/icon validation.
# The zip holds manifest.json, en.json, color.png and outline.png at its root. Validation runs
# when tests/tooling/node_modules exists (npm ci in tests/tooling) and the v1.29 schema is found
# (SCHEMA_DIR, default ../shared/reference/teams-manifest beside the repo). Zipping uses `zip`
# when installed, else (or with PACKAGE_ZIP=node) manifest/zip.mjs. Exit 2 on bad arguments, 1 on failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
placeholder="00000000-0000-0000-0000-000000000000"
app_id=""
out="$repo/build/salesbot-teams.zip"
validate=1

usage() {
  echo "usage: bash manifest/package.sh --app-id <GUID> [--out FILE] [--no-validate]" >&2
  echo "  --app-id is the bot's Microsoft Entra app id, e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301" >&2
}
die_usage() { echo "package.sh: $*" >&2; usage; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --app-id) [ $# -ge 2 ] || die_usage "--app-id needs a value"; app_id="$2"; shift 2 ;;
    --app-id=*) app_id="${1#*=}"; shift ;;
    --out) [ $# -ge 2 ] || die_usage "--out needs a value"; out="$2"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    --no-validate) validate=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument: $1" ;;
  esac
done

[ -n "$app_id" ] || die_usage "missing --app-id"
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  die_usage "--app-id '$app_id' is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)"
fi
app_id="$(printf '%s' "$app_id" | tr 'A-F' 'a-f')"
[ "$app_id" != "$placeholder" ] || die_usage "--app-id is the placeholder GUID; pass the bot's real Entra app id"

command -v node >/dev/null 2>&1 || { echo "package.sh: node is required" >&2; exit 1; }
for f in manifest.json en.json color.png outline.png; do
  [ -f "$here/$f" ] || { echo "package.sh: missing manifest/$f" >&2; exit 1; }
done

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$here/en.json" "$here/color.png" "$here/outline.png" "$stage/"
# Substitute the placeholder GUID (every occurrence) and check the result is still JSON.
node -e '
  const fs = require("fs");
  const [src, dst, placeholder, id] = process.argv.slice(1);
  const text = fs.readFileSync(src, "utf8");
  const n = text.split(placeholder).length - 1;
  if (n < 3) { console.error(`package.sh: expected the placeholder GUID in id, bots[0].botId and webApplicationInfo (found ${n})`); process.exit(1); }
  const out = text.split(placeholder).join(id);
  const m = JSON.parse(out);
  if (m.id !== id || m.bots?.[0]?.botId !== id || m.webApplicationInfo?.id !== id) { console.error("package.sh: substitution did not reach id/botId/webApplicationInfo.id"); process.exit(1); }
  fs.writeFileSync(dst, out);
' "$here/manifest.json" "$stage/manifest.json" "$placeholder" "$app_id"

if [ "$validate" = 1 ]; then
  tooling="$repo/tests/tooling"
  schema_dir="${SCHEMA_DIR:-$repo/../shared/reference/teams-manifest}"
  schema="$schema_dir/MicrosoftTeams.v1.29.schema.json"
  if [ ! -d "$tooling/node_modules/@microsoft/teams-manifest" ]; then
    echo "package.sh: skipping validation (run 'npm ci' in tests/tooling to enable it)" >&2
  elif [ ! -f "$schema" ]; then
    echo "package.sh: skipping validation (schema not found: $schema; set SCHEMA_DIR)" >&2
  else
    if ! node "$tooling/validate-manifest.mjs" "$stage/manifest.json" "$schema" >"$stage/validation.json"; then
      cat "$stage/validation.json" >&2
      echo "package.sh: manifest validation failed; no package written" >&2
      exit 1
    fi
    rm -f "$stage/validation.json"
    echo "package.sh: manifest, en.json and icons validate against the v1.29 schema"
  fi
fi

mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
files=("$stage/manifest.json" "$stage/en.json" "$stage/color.png" "$stage/outline.png")
if [ "${PACKAGE_ZIP:-}" != "node" ] && command -v zip >/dev/null 2>&1; then
  (cd "$stage" && zip -q -X -j "$out" manifest.json en.json color.png outline.png)
else
  node "$here/zip.mjs" "$out" "${files[@]}"
fi
echo "package.sh: wrote $out (app id $app_id)"
