#include "Actor.h"

using namespace Qt::StringLiterals;

namespace ordo {

QString roleCode(Role role) {
    switch (role) {
    case Role::Admin:
        return u"admin"_s;
    case Role::Manager:
        return u"manager"_s;
    case Role::CustomerService:
        return u"csr"_s;
    case Role::Warehouse:
        return u"warehouse"_s;
    case Role::System:
        return u"system"_s;
    }
    return {};
}

std::optional<Role> roleFromCode(QStringView code) {
    for (Role r : {Role::Admin, Role::Manager, Role::CustomerService, Role::Warehouse, Role::System})
        if (code.compare(roleCode(r), Qt::CaseInsensitive) == 0)
            return r;
    return std::nullopt;
}

bool Actor::may(Permission permission) const {
    switch (role) {
    case Role::Admin:
        return true;
    case Role::System: // emptying a whole database is a person's decision, never an automatic process's
        return permission != Permission::ReplaceDatabase;
    case Role::Manager:
        return permission != Permission::EditRules && permission != Permission::ReplaceDatabase;
    case Role::CustomerService:
        return permission == Permission::CaptureOrders || permission == Permission::ResolveExceptions ||
               permission == Permission::CancelOrders;
    case Role::Warehouse:
        return permission == Permission::AdvanceOrders;
    }
    return false;
}

} // namespace ordo
