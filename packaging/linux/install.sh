#!/usr/bin/env bash
# Install (or upgrade) the vision checkout kiosk on a Linux kiosk PC, from the unpacked
# installer this script sits in. Run as root:  sudo ./install.sh [--demo]
#
#   /opt/vision-checkout-kiosk/VERSION/     the frozen kiosk; "current" points at the one in use,
#                                           "previous" at the one before (rollback: ./install.sh
#                                           --rollback)
#   /var/lib/vision-checkout-kiosk/         settings (kiosk.toml), and in data/ the catalog and
#                                           sales ledger, receipts, logs, backups/: never touched
#                                           by upgrades except the catalog's schema migration,
#                                           after a copy of it
#   /usr/local/bin/kiosk                    the `kiosk` command for staff, on that data
#   /opt/vision-checkout-kiosk/uninstall.sh removes it again (see its --help)
#   vision-checkout-kiosk.service           the kiosk full screen on tty1 (cage), at boot
#   vision-checkout-kiosk-backup.timer      a checked copy of the catalog every night
#   vision-checkout-kiosk-usb@.service      a USB stick mounted at /media/kiosk/ while it is in
#                                           (udev starts it; the admin screen's imports,
#                                           exports and backups go through the stick)
#
# Options:
#   --demo        seed the demo store's catalog (demo products and prices) on a new install
#   --user NAME   the account the kiosk runs as (default kiosk)
#   --no-service  install no boot service: a PC with a desktop, where the menu entry starts
#                 it (with --user YOU, so that it runs as, and its data belongs to, you)
#   --no-apt      install no Debian packages; only say which are missing
#   --rollback    switch back to the previously installed version and restart it
#   --root DIR    install under DIR instead of / (try the installer without root: no user,
#                 no packages, no service; paths written into the files point inside DIR)
#   --packaged    the kiosk's .deb runs this after dpkg unpacked the program into /opt and
#                 the boot service into /usr/lib/systemd (not for use by hand): no program
#                 copy, no packages, the boot service left as the administrator set it
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NAME=vision-checkout-kiosk
ROOT=""; KIOSK_USER=kiosk; SERVICE=1; APT=1; DEMO=0; ROLLBACK=0; PACKAGED=0

die() { echo "install: error: $*" >&2; exit 1; }
say() { echo "install: $*"; }

while (($#)); do
    case "$1" in
        --demo) DEMO=1 ;;
        --user) KIOSK_USER=${2:?--user needs a name}; shift ;;
        --no-service) SERVICE=0 ;;
        --no-apt) APT=0 ;;
        --rollback) ROLLBACK=1 ;;
        --packaged) PACKAGED=1; APT=0 ;;
        --root) ROOT=$(mkdir -p "${2:?--root needs a folder}" && cd "$2" && pwd); shift ;;
        -h|--help) sed -n '2,/^set -/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
((PACKAGED && ROLLBACK)) && die "--rollback is for install.sh installs: install the older .deb instead"

STAGED=0
if [[ -n $ROOT ]]; then
    STAGED=1; SERVICE=0; APT=0
elif [[ $(id -u) -ne 0 ]]; then
    die "run as root (sudo $0), or try it under a folder with --root DIR"
fi

PREFIX=$ROOT/opt/$NAME
DATA=$ROOT/var/lib/$NAME
BIN=$ROOT/usr/local/bin/kiosk

as_kiosk() {  # run a command as the kiosk's account (so the files it makes are the kiosk's)
    if ((STAGED)); then "$@"; else runuser -u "$KIOSK_USER" -- "$@"; fi
}

service_active() { ((STAGED == 0)) && systemctl is-active --quiet "$NAME.service" 2>/dev/null; }

switch_current() {  # atomically point "current" at $1, keeping the old one as "previous"
    local old
    old=$(readlink "$PREFIX/current" 2>/dev/null || true)
    ln -sfn "$1" "$PREFIX/current.new" && mv -T "$PREFIX/current.new" "$PREFIX/current"
    if [[ -n $old && $old != "$1" ]]; then
        ln -sfn "$old" "$PREFIX/previous.new" && mv -T "$PREFIX/previous.new" "$PREFIX/previous"
    fi
}

if ((ROLLBACK)); then
    previous=$(readlink "$PREFIX/previous" 2>/dev/null) || die "no previous version in $PREFIX"
    [[ -x $PREFIX/$previous/$NAME ]] || die "the previous version ($previous) is gone from $PREFIX"
    running=0; service_active && running=1
    ((running)) && systemctl stop "$NAME.service"
    switch_current "$previous"
    ((running)) && systemctl start "$NAME.service"
    say "now running version $previous (was $(readlink "$PREFIX/previous"))"
    # A version older than the catalog's schema refuses it: the doctor says so, and what to do.
    as_kiosk env KIOSK_HOME="$DATA" "$BIN" doctor --no-camera 2>/dev/null || true
    exit 0
fi

VERSION=$(cat "$HERE/VERSION")
BACKUPS=$DATA/data/backups
if ((PACKAGED)); then
    trap 'echo "install: failed at line $LINENO (see above). The catalog is copied to $BACKUPS before any change." >&2' ERR
    [[ -x $PREFIX/$VERSION/$NAME ]] || die "no kiosk in $PREFIX/$VERSION: reinstall the package"
else
    trap 'echo "install: failed at line $LINENO (see above). The catalog is copied to $BACKUPS before any change; install.sh --rollback returns to the version before." >&2' ERR
    [[ -x $HERE/app/$NAME ]] || die "no kiosk in $HERE/app: unpack the whole installer and run its install.sh"
    # The .deb puts its copy in the same place: the two must not mix.
    [[ -e $ROOT/var/lib/dpkg/info/$NAME.list ]] && die "the kiosk is installed here as a Debian package: upgrade it with apt install ./${NAME}_VERSION_ARCH.deb, or remove the package first (apt remove $NAME: the store's data stays)"
fi

# 1. System packages and the kiosk's account.
if ((STAGED == 0)); then
    # Libraries the frozen Qt and cage need from the system (the bundle carries the rest; a
    # package install has them as its dependencies).
    wanted=()
    if ((PACKAGED == 0)); then
        [[ -f $HERE/files/debian-packages ]] || die "no files/debian-packages in $HERE"
        mapfile -t wanted < <(sed 's/#.*//; /^[[:space:]]*$/d' "$HERE/files/debian-packages")
    fi
    missing=()
    for pkg in "${wanted[@]}"; do
        ((SERVICE == 0)) && [[ $pkg == cage ]] && continue
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        if ((APT)); then
            say "installing Debian packages: ${missing[*]}"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
        else
            say "warning: missing Debian packages (apt-get install them): ${missing[*]}"
        fi
    fi
    if ! id "$KIOSK_USER" >/dev/null 2>&1; then
        useradd --system --user-group --home-dir "$DATA" --shell /usr/sbin/nologin "$KIOSK_USER"
        say "created the account $KIOSK_USER"
    fi
    # The camera (video), the GPU (render), the touch screen (input), a USB receipt printer (lp),
    # the loudspeaker for spoken guidance (audio).
    for group in video render input lp audio; do
        getent group "$group" >/dev/null && usermod -aG "$group" "$KIOSK_USER"
    done
fi

# 2. The data folder: kept across upgrades, the kiosk account's alone (staff PIN hashes, the
# ledger): staff reach it through `sudo kiosk`.
mkdir -p "$BACKUPS"
if ((STAGED == 0)); then
    chown "$KIOSK_USER:$KIOSK_USER" "$DATA" "$DATA/data" "$BACKUPS"
    chmod 700 "$DATA" "$DATA/data" "$BACKUPS"
fi

# 3. The new version beside the old one; stop the kiosk only for the switch.
backup_catalog() {
    [[ -f $DATA/data/catalog.sqlite ]] || return 0
    # Before the new version migrates the schema: the database with its journal, as it is
    # (the kiosk is stopped, so the files are at rest).
    local backup=$BACKUPS/before-$VERSION-$(date +%Y%m%d-%H%M%S)
    mkdir -p "$backup"
    cp -a "$DATA"/data/catalog.sqlite* "$backup/"
    ((STAGED)) || chown -R "$KIOSK_USER:$KIOSK_USER" "$backup"
    say "catalog backed up to $backup"
    # Each copy is the whole catalog: keep the newest five that upgrades made.
    local old
    mapfile -t old < <(ls -1dt "$BACKUPS"/before-*/ 2>/dev/null | tail -n +6)
    if ((${#old[@]})); then
        rm -rf -- "${old[@]}"
        say "removed ${#old[@]} older upgrade backup(s)"
    fi
}
was_running=0
if ((PACKAGED)); then
    # dpkg has unpacked this version (its prerm stopped the kiosk first) and removed the one
    # before: nothing to roll back to but the older .deb.
    backup_catalog
    switch_current "$VERSION"
    rm -f "$PREFIX/previous"
else
    service_active && was_running=1
    mkdir -p "$PREFIX"
    rm -rf "$PREFIX/$VERSION.new"
    mkdir "$PREFIX/$VERSION.new" && cp -a "$HERE/app/." "$PREFIX/$VERSION.new/"
    ((was_running)) && systemctl stop "$NAME.service"
    backup_catalog
    current=$(readlink "$PREFIX/current" 2>/dev/null || true)
    if [[ $current == "$VERSION" ]]; then
        # Reinstalling the version in use: replace it, keep "previous" as it was.
        rm -rf "$PREFIX/$VERSION.old" && mv "$PREFIX/$VERSION" "$PREFIX/$VERSION.old"
    fi
    rm -rf "$PREFIX/$VERSION" && mv "$PREFIX/$VERSION.new" "$PREFIX/$VERSION"
    rm -rf "$PREFIX/$VERSION.old"
    switch_current "$VERSION"
    # Keep the version in use and the one before it (for --rollback); older ones go.
    keep_previous=$(readlink "$PREFIX/previous" 2>/dev/null || true)
    for dir in "$PREFIX"/*/; do
        dir=${dir%/}; base=${dir##*/}
        [[ $base == "$VERSION" || $base == "$keep_previous" || -L $dir ]] && continue
        rm -rf "$dir"
    done
    # The uninstaller stays with the program, for when this installer folder is long gone; the
    # USB stick mounter beside it, out of the versions (a stick's unit outlives a switch).
    install -m 755 "$HERE/uninstall.sh" "$PREFIX/uninstall.sh"
    install -m 755 "$HERE/files/kiosk-usb-stick" "$PREFIX/kiosk-usb-stick"
fi

# 4. The staff command, on the kiosk's data.
mkdir -p "$(dirname "$BIN")"
become_kiosk=""
if ((STAGED == 0)); then
    # root would leave files in the data folder that the kiosk's account cannot write
    # (the database's journal first): run as that account instead.
    become_kiosk="[ \"\$(id -u)\" = 0 ] && exec runuser -u $KIOSK_USER -- \"\$0\" \"\$@\"
[ -w \"\$KIOSK_HOME\" ] || { echo \"kiosk: run it with sudo: the kiosk's data belongs to the account $KIOSK_USER\" >&2; exit 1; }"
fi
cat > "$BIN" <<SH
#!/bin/sh
# The kiosk's command line on this PC's kiosk data (installed by $NAME's install.sh).
export KIOSK_HOME="\${KIOSK_HOME:-$ROOT/var/lib/$NAME}"
$become_kiosk
exec "$PREFIX/current/$NAME" "\$@"
SH
chmod 755 "$BIN"

# 5. Settings and catalog: created on a new install, migrated on an upgrade, never replaced.
[[ -f $DATA/kiosk.toml ]] || as_kiosk env KIOSK_HOME="$DATA" "$BIN" config init >/dev/null
init=(catalog init)
[[ ! -f $DATA/data/catalog.sqlite ]] && ((DEMO)) && init+=(--demo)
as_kiosk env KIOSK_HOME="$DATA" "$BIN" "${init[@]}"

# 6. Menu entry, and the boot service.
if ((PACKAGED == 0)); then
    mkdir -p "$ROOT/usr/share/applications"
    install -m 644 "$HERE/files/$NAME.desktop" "$ROOT/usr/share/applications/$NAME.desktop"
fi
if ((PACKAGED)); then
    # The package carries the menu entry and the units (in /usr/lib/systemd/system). The
    # nightly backup runs from now on; the kiosk on tty1 at boot is the administrator's
    # choice (on a desktop PC it would take the screen from the login manager).
    if ((STAGED == 0)) && command -v systemctl >/dev/null; then
        booted=0; [[ -d /run/systemd/system ]] && booted=1
        ((booted)) && systemctl daemon-reload
        systemctl enable "$NAME-backup.timer" >/dev/null 2>&1 || true
        ((booted)) && systemctl start "$NAME-backup.timer" || true
    fi
elif ((SERVICE)); then
    for unit in "$NAME.service" "$NAME-backup.service" "$NAME-backup.timer" "$NAME-usb@.service"; do
        sed "s/^User=kiosk$/User=$KIOSK_USER/; s/^Environment=KIOSK_USER=kiosk$/Environment=KIOSK_USER=$KIOSK_USER/" \
            "$HERE/files/$unit" > "$ROOT/etc/systemd/system/$unit"
    done
    install -m 644 "$HERE/files/$NAME.pam" "$ROOT/etc/pam.d/$NAME"
    # Cage has no desktop to mount a USB stick: this mounts each one for the admin screen.
    install -D -m 644 "$HERE/files/90-$NAME-usb.rules" "$ROOT/etc/udev/rules.d/90-$NAME-usb.rules"
    udevadm control --reload 2>/dev/null || true
    systemctl daemon-reload
    systemctl enable "$NAME.service" >/dev/null 2>&1
    systemctl enable --now "$NAME-backup.timer" >/dev/null 2>&1
    ((was_running)) && systemctl start "$NAME.service"
fi

say "installed version $VERSION in $PREFIX (data in $DATA)"
# What is left to do before the first sale (the camera is checked by `kiosk doctor` later:
# the running kiosk may hold it).
say "what \`kiosk doctor\` says of it now:"
as_kiosk env KIOSK_HOME="$DATA" "$BIN" doctor --no-camera 2>/dev/null || true
if ((PACKAGED)); then
    if ((STAGED)) || ! systemctl is-enabled --quiet "$NAME.service" 2>/dev/null; then
        say "to show the kiosk full screen on tty1 from every boot: sudo systemctl enable --now $NAME"
    fi
elif ((SERVICE)) && ((was_running == 0)); then
    say "the kiosk starts on tty1 at boot; start it now with: sudo systemctl start $NAME"
fi
