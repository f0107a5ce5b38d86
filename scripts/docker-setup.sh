#!/usr/bin/env bash
# Bootstrap a local Docker engine and a Java 17 base image for the
# Testcontainers-based tests, on a machine that can reach Debian's apt
# repositories but no container image registry.
#
#  1. Reuse a working `docker info`; otherwise install docker.io with apt and
#     start `dockerd --storage-driver=vfs` in the background.
#  2. Build ${TRIGGER_BASE_IMAGE_TAG:-trigger-spring-boot/jre:17} without any
#     registry: a jlink'ed JRE from the local JDK 17 plus the shared libraries
#     it needs and a static busybox, imported with `docker import` so that it
#     looks like eclipse-temurin:17-jre (java at /opt/java/openjdk/bin/java).
#  3. Check the image (`java -version`) and that a published port is reachable
#     on localhost.
#  4. Print the `export ...` lines the tests need on stdout (all logging goes
#     to stderr), so `eval "$(scripts/docker-setup.sh)"` works.
#
# Idempotent and non-interactive; meant to run as root. See scripts/README.md.
#
# Environment (all optional):
#   TRIGGER_BASE_IMAGE_TAG      image tag to build      (trigger-spring-boot/jre:17)
#   TRIGGER_BASE_IMAGE_REBUILD  1 = rebuild even if the image exists   (0)
#   TRIGGER_JDK17_HOME          JDK 17 with jlink + jmods (/usr/lib/jvm/java-17-openjdk-<arch>)
#   TRIGGER_DOCKERD_LOG         dockerd log file          (/tmp/dockerd.log)
#   TRIGGER_DOCKERD_ARGS        extra dockerd arguments   (none)
#   TRIGGER_DOCKERD_WAIT        seconds to wait for dockerd (60)
#   TRIGGER_DOCKER_SMOKE        0 = skip the published-port check (1)
#   TRIGGER_DOCKERD_NO_PULL     0 = let a dockerd started here try registries (1)
set -euo pipefail

IMAGE_TAG="${TRIGGER_BASE_IMAGE_TAG:-trigger-spring-boot/jre:17}"
REBUILD="${TRIGGER_BASE_IMAGE_REBUILD:-0}"
DOCKERD_LOG="${TRIGGER_DOCKERD_LOG:-/tmp/dockerd.log}"
DOCKERD_WAIT="${TRIGGER_DOCKERD_WAIT:-60}"
DOCKER_SMOKE="${TRIGGER_DOCKER_SMOKE:-1}"
NO_PULL="${TRIGGER_DOCKERD_NO_PULL:-1}"
DOCKER_SOCK=/var/run/docker.sock
LOCK_FILE=/tmp/trigger-docker-setup.lock
APT_LOG=/tmp/trigger-docker-setup-apt.log

# This script manages the local engine on the default socket.
export DOCKER_HOST="unix://${DOCKER_SOCK}"
export DEBIAN_FRONTEND=noninteractive
export LC_ALL=C

ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
JDK17_HOME="${TRIGGER_JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-${ARCH}}"

# Modules of a jlink'ed runtime comparable to eclipse-temurin:17-jre
# (every java.* module plus the runtime jdk.* modules; no compiler or tools).
JRE_MODULES=(
	java.se java.base java.compiler java.datatransfer java.desktop java.instrument
	java.logging java.management java.management.rmi java.naming java.net.http
	java.prefs java.rmi java.scripting java.security.jgss java.security.sasl
	java.smartcardio java.sql java.sql.rowset java.transaction.xa java.xml
	java.xml.crypto jdk.accessibility jdk.charsets jdk.crypto.cryptoki
	jdk.crypto.ec jdk.dynalink jdk.httpserver jdk.jdwp.agent jdk.jfr jdk.jsobject
	jdk.localedata jdk.management jdk.management.agent jdk.management.jfr
	jdk.naming.dns jdk.naming.rmi jdk.net jdk.nio.mapmode jdk.random jdk.sctp
	jdk.security.auth jdk.security.jgss jdk.unsupported jdk.unsupported.desktop
	jdk.xml.dom jdk.zipfs
)
# Without these the image is useless, whatever else is missing.
REQUIRED_MODULES=(java.base java.logging java.naming java.net.http java.management
	java.sql java.xml java.desktop jdk.httpserver jdk.crypto.ec jdk.unsupported jdk.zipfs)

SCRIPT_START=$(date +%s)
log() { printf '[docker-setup +%3ss] %s\n' "$(($(date +%s) - SCRIPT_START))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Runs "$@" as a named step and logs how long it took.
step() {
	local name=$1 t0
	shift
	t0=$(date +%s)
	log "== ${name}"
	"$@"
	log "== ${name}: done in $(($(date +%s) - t0))s"
}

APT_UPDATED=0
apt_install() {
	if [ "$APT_UPDATED" = 0 ]; then
		log "apt-get update"
		apt-get update -q >>"$APT_LOG" 2>&1 || { tail -n 30 "$APT_LOG" >&2; die "apt-get update failed"; }
		APT_UPDATED=1
	fi
	log "apt-get install $* (log: ${APT_LOG})"
	if ! NEEDRESTART_SUSPEND=1 apt-get install -y -q --no-install-recommends \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" \
		>>"$APT_LOG" 2>&1; then
		tail -n 30 "$APT_LOG" >&2
		die "apt-get install $* failed"
	fi
}

docker_ok() { timeout 20 docker info >/dev/null 2>&1; }

# True if process $1 exists and is not a zombie. (kill -0 succeeds on zombies,
# and a killed dockerd can stay a zombie here: PID 1 may not reap orphans.)
alive() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[ "${stat%% *}" != Z ] && [ "${stat%% *}" != X ]
}

dockerd_pid() {
	local pid
	pid=$(cat /var/run/docker.pid 2>/dev/null || true)
	if [ -n "$pid" ] && alive "$pid" \
		&& [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
		echo "$pid"
	fi
}

# Waits until `docker info` works; fails early if dockerd ($1) has exited.
wait_for_docker() {
	local pid=$1 deadline=$(($(date +%s) + DOCKERD_WAIT))
	while [ "$(date +%s)" -lt "$deadline" ]; do
		docker_ok && return 0
		if [ -n "$pid" ] && ! alive "$pid"; then
			log "dockerd (pid ${pid}) exited"
			return 1
		fi
		sleep 1
	done
	log "dockerd not ready after ${DOCKERD_WAIT}s"
	return 1
}

LOG_OFFSET=0
# Prints the end of what the last dockerd started by this script logged.
dump_dockerd_log() {
	log "last lines of ${DOCKERD_LOG} (this attempt):"
	tail -c "+$((LOG_OFFSET + 1))" "$DOCKERD_LOG" 2>/dev/null | tail -n 40 >&2 || true
}

# Removes what a killed dockerd leaves behind and a new one trips over: its pid
# file and the pid file of its managed containerd. If that containerd is dead
# or a zombie, dockerd would otherwise wait for it and fail after ~15 s.
clean_stale_state() {
	local f pid
	for f in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
		pid=$(cat "$f" 2>/dev/null || true)
		if [ -e "$f" ] && { [ -z "$pid" ] || ! alive "$pid"; }; then
			log "removing stale ${f}"
			rm -f "$f"
		fi
	done
}

start_dockerd() {
	# shellcheck disable=SC2206 # word splitting of extra args is intended
	local args=(--storage-driver=vfs ${TRIGGER_DOCKERD_ARGS:-} "$@") pid
	local -a env=()
	clean_stale_state
	if [ "$NO_PULL" != 0 ]; then
		# No registry is reachable: send any pull to a closed port on localhost,
		# so it fails at once and not even a DNS query leaves the machine.
		env=(HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=)
	fi
	touch "$DOCKERD_LOG"
	LOG_OFFSET=$(stat -c %s "$DOCKERD_LOG")
	log "starting dockerd ${args[*]} (log: ${DOCKERD_LOG})"
	{ echo "---- $(date -u +%FT%TZ) ${env[*]} dockerd ${args[*]}"; } >>"$DOCKERD_LOG"
	# setsid: own session, so dockerd outlives the caller's process group;
	# started from / so it does not keep the caller's directory (a CI clone) busy;
	# 9>&-: dockerd must not inherit (and so hold forever) this script's lock.
	pushd / >/dev/null
	env "${env[@]}" setsid dockerd "${args[@]}" >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
	pid=$!
	popd >/dev/null
	wait_for_docker "$pid"
}

ensure_docker() {
	if docker_ok; then
		log "docker engine already running: reusing it"
		return 0
	fi
	if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
		apt_install docker.io
		# A package post-install may have started an engine already.
		if docker_ok; then
			log "docker engine started by the package: reusing it"
			return 0
		fi
	fi
	local pid
	pid=$(dockerd_pid)
	if [ -n "$pid" ]; then
		log "dockerd (pid ${pid}) is running but not answering yet; waiting"
		wait_for_docker "$pid" && return 0
		dump_dockerd_log
		die "dockerd (pid ${pid}) does not answer; stop it and run this script again"
	fi
	start_dockerd && return 0
	dump_dockerd_log
	[ -z "$(dockerd_pid)" ] || die "dockerd runs but does not answer"
	# One retry. If iptables/NAT was the problem (common in sandboxes), retry
	# without it: ports published on localhost still work through docker-proxy.
	if tail -c "+$((LOG_OFFSET + 1))" "$DOCKERD_LOG" | grep -qi iptables; then
		log "retrying dockerd with --iptables=false"
		start_dockerd --iptables=false && return 0
	else
		log "retrying dockerd once"
		start_dockerd && return 0
	fi
	dump_dockerd_log
	die "could not start dockerd"
}

ensure_jdk() {
	if [ -x "$JDK17_HOME/bin/jlink" ] && [ -f "$JDK17_HOME/jmods/java.base.jmod" ]; then
		return 0
	fi
	log "no jlink/jmods under ${JDK17_HOME}; installing them with apt"
	apt_install openjdk-17-jdk-headless
	if [ ! -f "$JDK17_HOME/jmods/java.base.jmod" ] \
		&& apt-cache show openjdk-17-jmods >/dev/null 2>&1; then
		apt_install openjdk-17-jmods
	fi
	[ -x "$JDK17_HOME/bin/jlink" ] || die "no jlink in ${JDK17_HOME}"
	[ -f "$JDK17_HOME/jmods/java.base.jmod" ] || die "no jmods in ${JDK17_HOME}"
}

ensure_busybox() {
	if ! command -v busybox >/dev/null 2>&1; then
		apt_install busybox-static
	fi
	command -v busybox
}

is_elf() { [[ "$(head -c 4 "$1" 2>/dev/null)" == $'\x7fELF' ]]; }

# Copies, with their paths, the shared libraries (and the dynamic loader) that
# the ELF files under $2 need, into the rootfs $1.
copy_shared_libs() {
	local rootfs=$1 tree=$2 f line lib
	local -A libs=() missing=()
	local ld_path
	ld_path="$(find "$tree" -name '*.so' -printf '%h\n' | sort -u | paste -sd:)"
	while IFS= read -r -d '' f; do
		is_elf "$f" || continue
		while IFS= read -r line; do
			case "$line" in
				*'=> not found'*) missing["${line%% =>*}"]=1 ;;
				*'=> /'*) lib=${line#*=> }; libs["${lib%% (*}"]=1 ;;
				/*) libs["${line%% (*}"]=1 ;; # the dynamic loader
			esac
		done < <(LD_LIBRARY_PATH="$ld_path" ldd "$f" 2>/dev/null | sed 's/^[[:space:]]*//' || true)
	done < <(find "$tree" -type f \( -name '*.so*' -o -perm -u+x \) -print0)
	for lib in "${!libs[@]}"; do
		case "$lib" in "$rootfs"/*) continue ;; esac
		[ -e "$rootfs$lib" ] || cp -L --parents "$lib" "$rootfs"
	done
	for lib in "${!missing[@]}"; do
		case "$lib" in libjvm.so) continue ;; esac # resolved from the JRE itself
		log "warning: ${lib} not found on this host; left out of the image"
	done
	log "copied ${#libs[@]} shared libraries"
}

build_image() {
	if [ "$REBUILD" != 1 ] && docker image inspect "$IMAGE_TAG" >/dev/null 2>&1; then
		log "image ${IMAGE_TAG} already exists: skipping the build"
		log "(set TRIGGER_BASE_IMAGE_REBUILD=1 to rebuild it)"
		return 0
	fi
	ensure_jdk
	local busybox work rootfs jre mods=() m applet java_version old_id
	busybox=$(ensure_busybox)
	work=$(mktemp -d /tmp/trigger-jre-build.XXXXXX)
	# shellcheck disable=SC2064 # expand $work now
	trap "rm -rf '$work'" EXIT
	rootfs="$work/rootfs"
	jre="$rootfs/opt/java/openjdk"

	# Debian-like merged-/usr layout.
	mkdir -p "$rootfs"/usr/{bin,sbin,lib,lib64,local/bin} "$rootfs"/{etc,root,home,proc,sys,dev,run} \
		"$rootfs"/{tmp,var/tmp} "$rootfs/opt/java"
	for m in bin sbin lib lib64; do ln -s "usr/$m" "$rootfs/$m"; done
	chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
	chmod 700 "$rootfs/root"

	for m in "${JRE_MODULES[@]}"; do
		if [ -f "$JDK17_HOME/jmods/$m.jmod" ]; then
			mods+=("$m")
		else
			log "warning: module ${m} not in ${JDK17_HOME}/jmods; left out"
		fi
	done
	for m in "${REQUIRED_MODULES[@]}"; do
		[ -f "$JDK17_HOME/jmods/$m.jmod" ] || die "required module ${m} missing in ${JDK17_HOME}/jmods"
	done
	log "jlink ${#mods[@]} modules from ${JDK17_HOME}"
	"$JDK17_HOME/bin/jlink" --module-path "$JDK17_HOME/jmods" \
		--add-modules "$(IFS=,; echo "${mods[*]}")" \
		--strip-debug --no-header-files --no-man-pages --compress=2 \
		--output "$jre" >&2
	"$jre/bin/java" -version >/dev/null 2>&1 || die "the jlink'ed runtime does not start"

	# A static busybox gives the image /bin/sh, cat, awk, grep, nc, ... which
	# Testcontainers' port check and HEALTHCHECKs run inside the container.
	cp -L "$busybox" "$rootfs/usr/bin/busybox"
	while IFS= read -r applet; do
		[ -n "$applet" ] && [ ! -e "$rootfs/usr/bin/$applet" ] \
			&& ln -s busybox "$rootfs/usr/bin/$applet"
	done < <("$rootfs/usr/bin/busybox" --list)

	# glibc's C.UTF-8 locale data: with LANG=C.UTF-8, Java 17 then defaults to
	# file.encoding=UTF-8 as it does in eclipse-temurin (not ANSI_X3.4-1968).
	if [ -d /usr/lib/locale/C.utf8 ]; then
		mkdir -p "$rootfs/usr/lib/locale"
		cp -a /usr/lib/locale/C.utf8 "$rootfs/usr/lib/locale/"
	else
		log "warning: /usr/lib/locale/C.utf8 missing; the image's default charset will be ASCII"
	fi

	copy_shared_libs "$rootfs" "$rootfs/opt/java"
	copy_shared_libs "$rootfs" "$rootfs/usr/bin"

	cat >"$rootfs/etc/passwd" <<-'EOF'
		root:x:0:0:root:/root:/bin/sh
		nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
	EOF
	cat >"$rootfs/etc/group" <<-'EOF'
		root:x:0:
		nogroup:x:65534:
	EOF
	cat >"$rootfs/etc/nsswitch.conf" <<-'EOF'
		passwd: files
		group: files
		shadow: files
		hosts: files dns
		networks: files
		protocols: files
		services: files
	EOF
	printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$rootfs/etc/hosts"
	printf 'NAME="trigger-spring-boot JRE"\nID=trigger-jre\nPRETTY_NAME="trigger-spring-boot local Java 17 runtime"\n' \
		>"$rootfs/etc/os-release"
	: >"$rootfs/etc/resolv.conf"

	java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jre/release")
	[ -n "$java_version" ] || java_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jre/release")
	log "rootfs: $(du -sh "$rootfs" | cut -f1); importing as ${IMAGE_TAG}"
	old_id=$(docker image inspect -f '{{.Id}}' "$IMAGE_TAG" 2>/dev/null || true)
	tar --numeric-owner -C "$rootfs" -cf "$work/rootfs.tar" .
	docker import \
		--change 'ENV JAVA_HOME=/opt/java/openjdk' \
		--change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'ENV LANG=C.UTF-8' \
		--change "ENV JAVA_VERSION=${java_version:-17}" \
		--change 'LABEL org.opencontainers.image.title=trigger-spring-boot-jre' \
		--change 'LABEL org.opencontainers.image.description="Java 17 runtime built locally by scripts/docker-setup.sh"' \
		--change 'CMD ["java","-version"]' \
		--message "jlink'ed Java ${java_version:-17} runtime from ${JDK17_HOME}" \
		"$work/rootfs.tar" "$IMAGE_TAG" >&2
	rm -rf "$work"
	trap - EXIT
	# On a rebuild, drop the previous image unless something still uses it.
	if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect -f '{{.Id}}' "$IMAGE_TAG")" ]; then
		docker rmi "$old_id" >/dev/null 2>&1 || true
	fi
}

check_java() {
	docker run --rm "$IMAGE_TAG" java -version >&2 \
		|| die "'docker run --rm ${IMAGE_TAG} java -version' failed"
}

# Starts a throw-away container that serves HTTP on a published port (the way
# Testcontainers publishes ports) and fetches a page through localhost.
check_published_port() {
	local cid port="" status=""
	cid=$(docker run -d -p 8080 "$IMAGE_TAG" busybox httpd -f -p 8080 -h /opt/java/openjdk)
	for _ in $(seq 1 60); do
		port=$(docker port "$cid" 8080/tcp 2>/dev/null | sed -n 's/^0\.0\.0\.0://p' | head -n 1)
		if [ -n "$port" ] && status=$(http_status 127.0.0.1 "$port") && [ "$status" = 200 ]; then
			break
		fi
		status=""
		sleep 0.5
	done
	if [ "$status" != 200 ]; then
		docker logs "$cid" >&2 || true
		docker rm -f "$cid" >/dev/null 2>&1 || true
		die "published port not reachable at localhost:${port:-?} (see scripts/README.md)"
	fi
	docker rm -f "$cid" >/dev/null
	log "container port 8080 published at localhost:${port} answers HTTP 200"
}

http_status() {
	local host=$1 port=$2 line
	exec 3<>"/dev/tcp/${host}/${port}" || return 1
	printf 'GET /release HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
	IFS= read -r -t 5 line <&3 || { exec 3<&-; return 1; }
	exec 3<&-
	line=${line%$'\r'}
	# "HTTP/1.0 200 OK" -> 200
	line=${line#* }
	echo "${line%% *}"
}

main() {
	[ "$(id -u)" = 0 ] || die "run as root (it installs packages and starts dockerd)"
	exec 9>"$LOCK_FILE"
	if ! flock -n 9; then
		log "another docker-setup.sh is running; waiting for ${LOCK_FILE}"
		flock -w 300 9 || die "${LOCK_FILE} still held after 300s"
	fi

	step "docker engine" ensure_docker
	step "base image ${IMAGE_TAG}" build_image
	step "check java -version in ${IMAGE_TAG}" check_java
	if [ "$DOCKER_SMOKE" != 0 ]; then
		step "check published port on localhost" check_published_port
	fi
	log "image ${IMAGE_TAG}: $(docker image inspect -f '{{.Size}}' "$IMAGE_TAG" | awk '{printf "%.0f MB", $1/1000000}')"
	log "ready in $(($(date +%s) - SCRIPT_START))s; the tests need:"
	cat <<-EOF
		export DOCKER_HOST=unix://${DOCKER_SOCK}
		export TESTCONTAINERS_RYUK_DISABLED=true
		export TESTCONTAINERS_HOST_OVERRIDE=localhost
		export TRIGGER_EMULATOR_BASE_IMAGE=${IMAGE_TAG}
	EOF
}

main "$@"
