#!/usr/bin/env bash
# Builds the Teams app package (zip) from manifest/.
#
#   bash manifest/package.sh --app-id <GUID> [--links-domain HOST] [--out FILE] [--no-validate]
#
# --app-id   the bot's Microsoft Entra app id (Azure Bot "Microsoft App ID"); it replaces the
#            placeholder GUID 00000000-0000-0000-0000-000000000000 everywhere in manifest.json
#            (id, bots[0].botId, composeExtensions[0].botId, webApplicationInfo.id and .resource
#            "api://botid-<id>").
# --links-domain HOST
#            turns on link unfurling (previews of record links such as https://HOST/r/deal/{id}):
#            the packaged manifest gets composeExtensions[0].messageHandlers =
#            [{ "type": "link", "value": { "domains": [HOST] } }] and HOST in validDomains. HOST is
#            a bare host name (letters, digits, hyphens, dots; no scheme, path, port or wildcard).
#            Without it the package has no messageHandlers: links are not unfurled.
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
links_domain=""
links_given=0
out="$repo/build/salesbot-teams.zip"
validate=1

usage() {
  echo "usage: bash manifest/package.sh --app-id <GUID> [--links-domain HOST] [--out FILE] [--no-validate]" >&2
  echo "  --app-id is the bot's Microsoft Entra app id, e.g. 3f2504e0-4f89-41d3-9a0c-0305e82c3301" >&2
  echo "  --links-domain is the host of the bot's record links (e.g. salesbot.contoso.com): Teams previews them" >&2
}
die_usage() { echo "package.sh: $*" >&2; usage; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --app-id) [ $# -ge 2 ] || die_usage "--app-id needs a value"; app_id="$2"; shift 2 ;;
    --app-id=*) app_id="${1#*=}"; shift ;;
    --links-domain) [ $# -ge 2 ] || die_usage "--links-domain needs a value"; links_domain="$2"; links_given=1; shift 2 ;;
    --links-domain=*) links_domain="${1#*=}"; links_given=1; shift ;;
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
if [ "$links_given" = 1 ]; then
  # A bare host name: what Teams matches links against and what validDomains holds.
  case "$links_domain" in
    "") die_usage "--links-domain is empty; give the host of the bot's record links, e.g. salesbot.contoso.com" ;;
    *://*) die_usage "--links-domain '$links_domain' has a scheme; give the host only (salesbot.contoso.com, not https://salesbot.contoso.com)" ;;
    *[[:space:]]*) die_usage "--links-domain '$links_domain' contains spaces; give a bare host name such as salesbot.contoso.com" ;;
    */*) die_usage "--links-domain '$links_domain' has a path; give the host only (salesbot.contoso.com, not salesbot.contoso.com/r)" ;;
    *:*) die_usage "--links-domain '$links_domain' has a port; give the host only, without ':port'" ;;
    \**) die_usage "--links-domain '$links_domain' is a wildcard; give the exact host of the record links" ;;
  esac
  label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
  if ! [[ "$links_domain" =~ ^$label(\.$label)+$ ]] || [ "${#links_domain}" -gt 253 ]; then
    die_usage "--links-domain '$links_domain' is not a host name (two or more dot-separated labels of letters, digits and inner hyphens, e.g. salesbot.contoso.com)"
  fi
  links_domain="$(printf '%s' "$links_domain" | tr 'A-Z' 'a-z')"
fi

command -v node >/dev/null 2>&1 || { echo "package.sh: node is required" >&2; exit 1; }
for f in manifest.json en.json color.png outline.png; do
  [ -f "$here/$f" ] || { echo "package.sh: missing manifest/$f" >&2; exit 1; }
done

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$here/en.json" "$here/color.png" "$here/outline.png" "$stage/"
# Substitute the placeholder GUID (every occurrence), check the result is still JSON and, with
# --links-domain, add the link message handler and the valid domain.
node -e '
  const fs = require("fs");
  const [src, dst, placeholder, id, linksDomain] = process.argv.slice(1);
  const text = fs.readFileSync(src, "utf8");
  const n = text.split(placeholder).length - 1;
  if (n < 4) { console.error(`package.sh: expected the placeholder GUID in id, bots[0].botId, composeExtensions[0].botId and webApplicationInfo (found ${n})`); process.exit(1); }
  let out = text.split(placeholder).join(id);
  const m = JSON.parse(out);
  const missed = [["id", m.id], ["bots[0].botId", m.bots?.[0]?.botId], ["composeExtensions[0].botId", m.composeExtensions?.[0]?.botId], ["webApplicationInfo.id", m.webApplicationInfo?.id]]
    .filter(([, v]) => v !== id).map(([k]) => k);
  if (missed.length) { console.error(`package.sh: substitution did not reach ${missed.join(", ")}`); process.exit(1); }
  if (linksDomain) {
    const ext = m.composeExtensions[0];
    ext.messageHandlers = [{ type: "link", value: { domains: [linksDomain] } }];
    const domains = Array.isArray(m.validDomains) ? m.validDomains : (m.validDomains = []);
    if (!domains.some((d) => String(d).toLowerCase() === linksDomain)) domains.push(linksDomain);
    out = JSON.stringify(m, null, 2) + "\n";
  }
  fs.writeFileSync(dst, out);
' "$here/manifest.json" "$stage/manifest.json" "$placeholder" "$app_id" "$links_domain"

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
if [ -n "$links_domain" ]; then
  echo "package.sh: wrote $out (app id $app_id, link previews for $links_domain)"
else
  echo "package.sh: wrote $out (app id $app_id, link previews off)"
fi
