#!/usr/bin/env bash
# Remove the vision checkout kiosk from this PC. Run as root:  sudo ./uninstall.sh
#
# The store's data stays: /var/lib/vision-checkout-kiosk holds the sales ledger that the
# books and the tax office may ask for, the catalog, receipts and backups. Only --purge
# deletes it, and only after the data folder's name is typed back (or --yes).
#
# Options:
#   --purge       also delete the data folder, and the kiosk's account if install.sh made it
#   --yes         with --purge: do not ask
#   --user NAME   the account the kiosk ran as (default kiosk)
#   --root DIR    uninstall what install.sh --root DIR installed
set -Eeuo pipefail

NAME=vision-checkout-kiosk
ROOT=""; KIOSK_USER=kiosk; PURGE=0; YES=0

die() { echo "uninstall: error: $*" >&2; exit 1; }
say() { echo "uninstall: $*"; }

while (($#)); do
    case "$1" in
        --purge) PURGE=1 ;;
        --yes) YES=1 ;;
        --user) KIOSK_USER=${2:?--user needs a name}; shift ;;
        --root) ROOT=$(cd "${2:?--root needs a folder}" && pwd); shift ;;
        -h|--help) sed -n '2,/^set -/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done

STAGED=0
if [[ -n $ROOT ]]; then
    STAGED=1
elif [[ $(id -u) -ne 0 ]]; then
    die "run as root (sudo $0)"
fi
DATA=$ROOT/var/lib/$NAME
[[ -e $ROOT/var/lib/dpkg/info/$NAME.list ]] && die "the kiosk is installed here as a Debian package: remove it with apt remove $NAME (the store's data stays)"

if ((STAGED == 0)) && command -v systemctl >/dev/null; then
    systemctl disable --now "$NAME.service" "$NAME-backup.timer" >/dev/null 2>&1 || true
    systemctl stop "$NAME-usb@*.service" >/dev/null 2>&1 || true  # unmounts the sticks
fi
rm -f "$ROOT/etc/systemd/system/$NAME.service" "$ROOT/etc/systemd/system/$NAME-backup.service" \
    "$ROOT/etc/systemd/system/$NAME-backup.timer" "$ROOT/etc/systemd/system/$NAME-usb@.service" \
    "$ROOT/etc/udev/rules.d/90-$NAME-usb.rules" "$ROOT/etc/pam.d/$NAME" \
    "$ROOT/usr/local/bin/kiosk" "$ROOT/usr/share/applications/$NAME.desktop"
if ((STAGED == 0)); then
    systemctl daemon-reload 2>/dev/null || true
    udevadm control --reload 2>/dev/null || true
fi
rm -rf "$ROOT/opt/$NAME"
say "removed the kiosk program, its command and its boot service"

if ((PURGE == 0)); then
    [[ -d $DATA ]] && say "kept the store's data (sales ledger, catalog, receipts) in $DATA"
    exit 0
fi
if [[ -d $DATA ]] && ((YES == 0)); then
    echo "This deletes the sales ledger, catalog, receipts and backups in $DATA."
    read -r -p "Type the folder's name ($NAME) to delete it: " answer
    [[ $answer == "$NAME" ]] || die "not deleted: the data stays in $DATA"
fi
rm -rf "$DATA"
# Only the system account install.sh made goes, never a person's (--user YOU on a desktop).
if ((STAGED == 0)) && id "$KIOSK_USER" >/dev/null 2>&1; then
    if (($(id -u "$KIOSK_USER") < 1000)); then
        userdel "$KIOSK_USER" && say "removed the account $KIOSK_USER"
    else
        say "kept the account $KIOSK_USER (not a system account)"
    fi
fi
say "deleted the store's data"
