#pragma once

#include "inventory/InventoryTypes.h"

namespace ordo {

// Told the new figures of every position a committed unit of work changed, so that an in-memory index stays
// written through with the database. Called after the commit, never for a rolled-back change.
class PositionSink {
public:
    virtual ~PositionSink() = default;
    virtual void positionChanged(qint64 locationId, qint64 skuId, const PositionFigures& figures) = 0;
};

} // namespace ordo
