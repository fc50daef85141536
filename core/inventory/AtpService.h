#pragma once

#include "inventory/InventoryTypes.h"
#include "inventory/Segmentation.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace ordo {

class Database;
class SqlQuery;

// Available-to-promise computed from the database: the SKU's positions (one query) and the segmentation
// (loaded once per instance; reload() after changing it). The reference the in-memory InventoryIndex is
// checked against, and what `ordo atp` prints. The rules are written down at atp() in AtpService.cpp.
class AtpService {
public:
    explicit AtpService(Database& db);
    ~AtpService();
    AtpService(const AtpService&) = delete;
    AtpService& operator=(const AtpService&) = delete;

    // Throws Error::notFound for an unknown SKU or location code.
    AtpResult atp(const AtpQuery& query);

    // Reads the segmentation and the locations again.
    void reload();
    const Segmentation& segmentation();

private:
    struct LocationInfo {
        QString code;
        bool ships = false;
        bool pickup = false;
    };
    void ensureLoaded();
    QList<QString> candidateLocations(const AtpQuery& query) const;

    Database& m_db;
    bool m_loaded = false;
    Segmentation m_segmentation;
    QList<LocationInfo> m_locations;                       // by code
    QHash<QString, QList<FutureSupplyLine>> m_futureBySku; // SKU code -> lines
    std::unique_ptr<SqlQuery> m_positions;                 // prepared once, reused per call
};

} // namespace ordo
