# Sourced by bin/* scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: JAVA_HOME if new enough, else the newest JDK under /usr/lib/jvm (or /Library/Java on macOS).

jdk_major() {
  local release="$1/release" version
  [ -x "$1/bin/javac" ] || return 1
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$release")
  else
    version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

select_jdk() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && major=$(jdk_major "$JAVA_HOME") && [ "$major" -ge 21 ]; then
    export JAVA_HOME
    return 0
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    major=$(jdk_major "$candidate" 2>/dev/null) || continue
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "error: ChosenCRM needs a JDK 21 or newer. None found in JAVA_HOME (${JAVA_HOME:-unset})" >&2
    echo "       or under /usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk) and retry." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

select_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
