#pragma once

#include <QString>

#include <optional>

namespace ordo {

enum class Role { Admin, Manager, CustomerService, Warehouse, System };
QString roleCode(Role role); // admin, manager, csr, warehouse, system
std::optional<Role> roleFromCode(QStringView code);

enum class Permission {
    CaptureOrders,     // import and create orders
    AdvanceOrders,     // move orders along pick, pack, ship
    ResolveExceptions, // release held orders
    CancelOrders,
    ManageMasterData, // locations, SKUs, stock
    EditRules,
    ReplaceDatabase, // empty a whole database, audit trail and ledger included (`ordo demo --force`)
};

// The person (or automatic process) on whose behalf a core service acts.
struct Actor {
    QString user;
    Role role = Role::CustomerService;

    bool may(Permission permission) const;
    static Actor system() { return {QStringLiteral("system"), Role::System}; }
};

} // namespace ordo
