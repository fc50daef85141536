#include "SkuSearch.h"

#include "OrderBackend.h"

#include <memory>

namespace ordo::ui {

void searchSkus(OrderBackend* backend, const QString& text, int limit,
                std::function<void(const QList<SkuMatch>& matches, const QString& error)> done) {
    auto matches = std::make_shared<QList<SkuMatch>>();
    backend->run([=](Database& db) { *matches = InventoryQuery(db).findSkus(text, limit); },
                 [=, done = std::move(done)](const QString& error) { done(*matches, error); });
}

} // namespace ordo::ui
