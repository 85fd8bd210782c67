# Sourced by the bench scripts: publishes a project as SalesBot is deployed (Release, linux-x64,
# ReadyToRun: README "Deployment"), so every script measures the same build.
publish_deployed() { # project (relative to the repository) output-directory
  local project="$1" dir="$2" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  echo "== publishing $project as deployed (Release, linux-x64, ReadyToRun) into $dir" >&2
  (cd "$root" && dotnet publish "$project" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$dir" -v quiet -nologo)
}
