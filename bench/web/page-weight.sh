#!/usr/bin/env bash
# Page weight of the client's check-in page (issue 14): bytes over the wire on a first visit (the page and every
# file it links) and on a repeat visit (the page only: the files are cached under their hashed names), measured
# with curl against a running demo (`./alliance demo`; give its address as the first argument).
#   bench/web/page-weight.sh [http://localhost:8080] [instrument: alliance-client|alliance-session-check]
# The professional 'anouk' issues an invitation for her first client's first meeting, as on the client page.
set -euo pipefail

base="${1:-http://localhost:8080}"
instrument="${2:-alliance-client}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"

csrf_of() { grep -o 'name="_csrf"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }
size() { curl -s -o /dev/null -w '%{size_download}' "$@"; }

curl -s -c "$jar" -b "$jar" -o "$work/login.html" "$base/login"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf_of "$work/login.html")" \
    -d "username=anouk&password=demo" "$base/login"
client="$(curl -s -b "$jar" "$base/caseload" | grep -o 'href="/clients/[0-9]*"' | head -1 | grep -o '[0-9]*')"
curl -s -c "$jar" -b "$jar" -o "$work/client.html" "$base/clients/$client"
meeting="$(grep -o '/meetings/[0-9]*/invitations' "$work/client.html" | head -1 | grep -o '[0-9]*')"
curl -s -c "$jar" -b "$jar" -L -o "$work/invitation.html" --data-urlencode "_csrf=$(csrf_of "$work/client.html")" \
    -d "instrument=$instrument&language=" "$base/meetings/$meeting/invitations"
page="$(grep -o 'href="[^"]*/c/[^"]*"' "$work/invitation.html" | head -1 | sed 's/^href="//;s/"$//')"

# The client has no cookies: a fresh curl per request, as a phone opening the link.
curl -s -o "$work/page.html" "$page"
mapfile -t files < <(grep -o '<\(link\|script\)[^>]*\(href\|src\)="[^"]*"' "$work/page.html" \
    | grep -o '\(href\|src\)="[^"]*"' | sed 's/^[a-z]*="//;s/"$//')

printf '%-58s %10s %10s\n' "check-in page ($instrument) and its files" "plain" "gzip"
plain="$(size "$page")"
gzip="$(size --compressed "$page")"
printf '%-58s %10s %10s\n' "/c/<token>" "$plain" "$gzip"
first_plain="$plain"
first_gzip="$gzip"
for file in "${files[@]}"; do
    plain="$(size "$base$file")"
    gzip="$(size --compressed "$base$file")"
    printf '%-58s %10s %10s   %s\n' "$file" "$plain" "$gzip" \
        "$(curl -s -o /dev/null -D - "$base$file" | tr -d '\r' | grep -i '^cache-control:' || true)"
    first_plain=$((first_plain + plain))
    first_gzip=$((first_gzip + gzip))
done
printf '%-58s %10s %10s\n' "first visit (page + ${#files[@]} files)" "$first_plain" "$first_gzip"
printf '%-58s %10s %10s\n' "repeat visit (page only)" "$(size "$page")" "$(size --compressed "$page")"
echo "page: $(curl -s -o /dev/null -D - "$page" | tr -d '\r' | grep -i '^cache-control:')"
