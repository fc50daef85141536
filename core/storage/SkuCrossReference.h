#pragma once

#include "model/Actor.h"
#include "model/ImportedOrder.h"
#include "model/SkuXrefEntry.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordo {

class Database;

// Maps partners' part numbers to SKUs (table sku_xref). Matching rules, kept simple on purpose:
//   - part numbers are compared by SkuXrefEntry's key: qualifiers in upper case, UPC/EAN/GTIN numbers as
//     digits without leading zeros;
//   - a line's part numbers are tried in the order sent, first against the partner's own rows, then against
//     the rows for every partner ("*"); the first match wins;
//   - then its GTINs (qualifiers UP UPC-A, EN EAN-13, UK GTIN-14, and GTIN) against the catalogue's own
//     barcodes (skus.gtin), compared as GTIN-14 after their GS1 check digit is checked: no row is needed for
//     an item the catalogue knows by its barcode. A number under those qualifiers that is not a GTIN (wrong
//     length, wrong check digit) is named in resolve()'s messages;
//   - a line whose code is not in the catalogue is treated like a line without one, its code tried first as a
//     part number with the qualifier SKU (the channel's own SKU code): a person who mapped a channel's
//     unknown code once (OrderCorrections) does not map it again;
//   - documents without a partner id (Shopify, WooCommerce) are filed under their format's name as partner.
class SkuCrossReference {
public:
    explicit SkuCrossReference(Database& db);

    // Adds the rows (normalised, their SKUs in the catalogue) in one transaction; a row for an existing
    // (partner, qualifier, part number) replaces its SKU. What a cross-reference file brings
    // (channels/SkuCrossReferenceImport); `source` names it in the audit trail.
    // Only an actor who may change master data stores (Error::denied otherwise, nothing written); a store
    // that changes something writes one audit row (entity "sku_xref", action "import": how many rows are new,
    // remapped and unchanged, and which moved from which SKU) in the same transaction.
    void store(const QList<SkuXrefEntry>& entries, const Actor& actor, const QString& source);
    // Error::denied unless the actor may change the cross-reference (master data).
    static void checkMayChange(const Actor& actor);

    QList<SkuXrefEntry> all() const;
    // Reads the whole table, and the catalogue's codes, into memory for resolve(); call again after changing
    // either.
    void load();

    // Adds or replaces one row inside the caller's transaction. Returns the SKU the row mapped to before
    // (empty for a new row). Throws Error::input naming the field for an empty field or an unknown SKU.
    QString remember(const SkuXrefEntry& entry);

    std::optional<QString> skuFor(const QString& partner, const PartNumber& part) const;
    // Gives every line of the order without an SKU the SKU its part numbers map to. Returns a message per
    // line left without one ("line 2: no SKU for BP 'X-1', UP '012345678905' from partner ACME").
    // `format` names the document's format: the partner of a document that names none.
    QStringList resolve(ImportedOrder& imported, const QString& format = {}) const;

    // The partner id rows for a document are filed under: its own, else its format's name.
    static QString partnerFor(const QString& partner, const QString& format);
    // The qualifier of a channel's own SKU code that is not in the catalogue.
    static inline const QString channelSkuQualifier = QStringLiteral("SKU");

private:
    Database& m_db;
    QHash<QString, QString> m_skus;  // key -> SKU code
    QSet<QString> m_catalogue;       // the SKU codes of the catalogue, when loaded
    QHash<QString, QString> m_gtins; // the catalogue's barcodes: GTIN-14 -> SKU code, when loaded
    bool m_catalogueLoaded = false;
};

} // namespace ordo
