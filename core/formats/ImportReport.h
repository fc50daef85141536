#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ordo {

// A problem (or a warning) found in an input file, at a line (1-based; 0 when it concerns the whole file
// and no line applies, e.g. a file that cannot be opened).
struct ImportIssue {
    QString file;
    int line = 0;
    QString message;
    QString where =
        {}; // for JSON documents: the JSON path ("orders[2].line_items[0].price"); empty otherwise
};

// What became of one order of a channel document.
struct ImportedOrderOutcome {
    QString reference;   // where in the file: "orders[3]"
    QString orderNumber; // empty when rejected before it had one
    QString externalId;
    QString outcome;                        // "captured", "held", "duplicate", "rejected"
    QList<QPair<QString, QString>> reasons; // (code, detail) for held orders; ("", message) for rejected ones
};

// What one file contributed.
struct ImportFileSummary {
    QString file;
    QString kind;        // "locations", "skus", "inventory", "orders"; empty when not recognised
    QString format = {}; // "csv", "shopify", "woocommerce", "amazon", "x12"; empty when not recognised
    int accepted = 0;
    int rejected = 0;
    int exceptions = 0;
    int duplicates = 0;
    bool refused = false;                    // nothing from the file was saved
    QList<ImportedOrderOutcome> orders = {}; // channel documents: each order's outcome
};

// The outcome of an import. accepted counts captured records: orders (including those held in Exception),
// locations, SKUs and inventory positions; exceptions counts the orders held; rejected counts orders or rows
// that could not be represented; duplicates counts orders already in the database (idempotent re-import).
struct ImportReport {
    int accepted = 0;
    int rejected = 0;
    int exceptions = 0;
    int duplicates = 0;
    int refusedFiles = 0;
    QList<ImportIssue> errors;
    QList<ImportIssue> warnings;
    QList<ImportFileSummary> files;

    // Everything was taken: nothing rejected, no file refused.
    bool allAccepted() const { return rejected == 0 && refusedFiles == 0 && errors.isEmpty(); }
    void add(const ImportFileSummary& file);
    void merge(const ImportReport& other);
    // {"accepted":N,"rejected":N,"exceptions":N,"duplicates":N,"refused":N,"errors":[{"file","line","message"}],
    //  "warnings":[...],"files":[{"file","kind","format","accepted","rejected","exceptions","duplicates","refused",
    //  "orders":[{"reference","order_id","external_id","outcome","reasons":[{"code","detail"}]}]}]}; issues
    //  of JSON documents also carry "where", the JSON path.
    QJsonObject toJson() const;
};

} // namespace ordo
