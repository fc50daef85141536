#!/usr/bin/env bash
# Checks that no #include in core/ runs back up between its folders: each folder may include only the folders
# listed for it below (and itself, and Error.h at the top of core/). Prints every offending line as
# file:line: include and exits 1 when there is one. Run from anywhere:  bash scripts/check-layers.sh
#
# The arrows, from the bottom up:
#   model      plain value types                      -> (nothing)
#   formats    readers and writers of outside formats -> model
#   storage    database, dialect, plain repositories  -> model
#   orders     capture, validation, state machine     -> storage, formats, model
#   inventory  ledger, index, ATP, reservations       -> orders (reservations move orders through the orders
#                                                        component), storage, formats, model
#   channels   import and outbound-document services  -> inventory (an inventory file's counts go into the
#                                                        ledger), orders (imports capture orders), storage,
#                                                        formats, model
#   lifecycle  moves that carry stock and documents   -> orders, inventory, channels, storage, formats, model
#   sourcing   rules, router, routing service         -> lifecycle, inventory, orders, storage, formats, model
#   demo       the demo database                      -> every folder below it
# orders includes no other service; storage and formats include no service.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root/core"

declare -A allowed=(
    [model]=""
    [formats]="model"
    [storage]="model"
    [orders]="storage formats model"
    [inventory]="orders storage formats model"
    [channels]="inventory orders storage formats model"
    [lifecycle]="orders inventory channels storage formats model"
    [sourcing]="lifecycle inventory orders storage formats model"
    [demo]="sourcing lifecycle channels inventory orders storage formats model"
)

# Single include lines tolerated for now, each with the reason and what ends it ("file -> header").
tolerated=(
)

failed=0
folders=()
for dir in */; do
    folder=${dir%/}
    folders+=("$folder")
    if [[ ! -v "allowed[$folder]" ]]; then
        echo "check-layers: core/$folder is not in the table of scripts/check-layers.sh: add its arrows" >&2
        failed=1
    fi
done

declare -A used=()
for folder in "${folders[@]}"; do
    while IFS=: read -r file line text; do
        target=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)".*/\1/' <<<"$text")
        [[ $target == */* ]] || continue # same folder, or Error.h
        to=${target%%/*}
        [[ -d $to ]] || continue # not a core folder (a Qt or system header)
        [[ $to == "$folder" ]] && continue
        [[ " ${allowed[$folder]:-} " == *" $to "* ]] && continue
        key="$file -> $target"
        if printf '%s\n' "${tolerated[@]}" | grep -qxF "$key"; then
            used[$key]=1
            continue
        fi
        echo "core/$file:$line: includes $target ($folder may include: ${allowed[$folder]:-nothing})"
        failed=1
    done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$folder" --include='*.h' --include='*.cpp' || true)
done

for key in "${tolerated[@]}"; do
    [[ -v "used[$key]" ]] || echo "check-layers: note: '$key' no longer occurs; remove it from the tolerated list"
done

if ((failed)); then
    echo "check-layers: an include runs against the arrows above (see scripts/check-layers.sh)" >&2
    exit 1
fi
echo "check-layers: every include in core/ follows the arrows"
