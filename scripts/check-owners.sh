#!/usr/bin/env bash
# Keeps one owner of every order transition (ARCHITECTURE.md): outside core/orders/OrderTransitions.cpp no
# program source changes an order's or a line's status or writes an audit row on its own. Storage's
# AuditTrail writes the audit events of other things (rules, stock, segmentation) and refuses order events at
# run time. Prints each offending line and exits 1; run by ctest (test "owners.transitions").
#   scripts/check-owners.sh [SOURCE_ROOT]
set -euo pipefail

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$root"

owner=core/orders/OrderTransitions.cpp
dirs=()
for d in app core ui api render; do [[ -d $d ]] && dirs+=("$d"); done

failed=0
report() { # title, then grep output
    local title=$1 hits=$2
    [[ -z $hits ]] && return
    echo "check-owners: $title" >&2
    echo "$hits" | sed 's/^/  /' >&2
    failed=1
}

# A status write: UPDATE orders SET status = ..., or UPDATE order_lines SET ... status = ... (a no-op
# "status = status" lock included: locking an order is the owner's too).
status_writes=$(grep -rnE --include='*.cpp' --include='*.h' \
    'UPDATE[[:space:]]+orders[[:space:]]+SET[[:space:]]+status|UPDATE[[:space:]]+order_lines[[:space:]]+SET[^"]*[^_]status[[:space:]]*=' \
    "${dirs[@]}" | grep -vE "^${owner%.cpp}\.(cpp|h):" || true)
report "order or line status written outside $owner:" "$status_writes"

# An audit row written by hand: an INSERT into audit_events, or a bulk writer aimed at it.
audit_writes=$(grep -rnE --include='*.cpp' --include='*.h' \
    'INSERT[[:space:]]+INTO[[:space:]]+audit_events|(RowWriter|BulkInsert|m_audit)[^;]*"audit_events"' \
    "${dirs[@]}" | grep -vE "^${owner%.cpp}\.(cpp|h):" | grep -v '^core/storage/AuditTrail.cpp:' || true)
report "audit rows written outside $owner and storage/AuditTrail.cpp:" "$audit_writes"

# Order events through the general audit trail (it refuses them at run time; this finds them before).
order_events=$(grep -rnE --include='*.cpp' 'AuditTrail[^;]*record[^;]*u"order"_s' "${dirs[@]}" || true)
report "order audit events recorded through AuditTrail instead of OrderTransitions:" "$order_events"

if ((failed)); then
    exit 1
fi
echo "check-owners: order status and audit rows are written by $owner alone"
