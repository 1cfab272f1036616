#!/usr/bin/env bash
# Builds target/spoc.jsa, a class-data-sharing archive for target/spoc.jar (run by 'mvn package').
# Training runs of typical commands record the classes they load; one static dump of their union
# lets bin/spoc map those classes pre-parsed instead of loading them from the fat jar. Everything
# runs offline against the repository's embedded store.
# Usage: appcds.sh MODULE_DIR
set -euo pipefail
module=$1
repo=$module/..
jar=$module/target/spoc.jar
out=$module/target/cds
rm -rf "$out" && mkdir -p "$out"
run() { # name args...
  local name=$1; shift
  java -Xshare:off -XX:DumpLoadedClassList="$out/$name.lst" -jar "$jar" "$@" >"$out/$name.out" 2>&1 \
    || { echo "appcds: training run '$name' failed:" >&2; cat "$out/$name.out" >&2; exit 1; }
}
store=$repo/examples/store
key=$repo/examples/keys/example-cosign.pub
app=$repo/examples/spoc/webserver.yaml
run help --help
run compose compose "$app" --store "$store" --key "$key"
run compile compile "$app" --store "$store" --key "$key" --arch x86_64 --format stats
run emulate emulate "$app" --store "$store" --key "$key" --arch x86_64 --syscall read
run keygen keygen -o "$out/keys"
run push push --sign-key "$out/keys/cosign.key" -f "$repo/examples/spoc/runc-base.yaml" "oci-layout:$out/layout:v1"
run pull pull --key "$out/keys/cosign.pub" "oci-layout:$out/layout:v1"
run validate validate "$repo/examples/profiles/nginx.yaml"
sort -u "$out"/*.lst | grep -v '^#' >"$out/classes.lst"
java -Xshare:dump -XX:SharedClassListFile="$out/classes.lst" -XX:SharedArchiveFile="$module/target/spoc.jsa" \
  -cp "$jar" >"$out/dump.out" 2>&1 || { cat "$out/dump.out" >&2; exit 1; }
echo "appcds: $(wc -l <"$out/classes.lst") classes in $module/target/spoc.jsa"
