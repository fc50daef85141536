#pragma once

namespace ordo {

class Database;

// The schema steps applied by Migrations. Each function creates or alters what its version added; types are
// the ones both engines understand (BIGINT, INTEGER, TEXT, DOUBLE PRECISION). Times are BIGINT milliseconds
// since the epoch, UTC, so that both engines compare and subtract them the same way. Flags are INTEGER 0/1.
namespace Schema {
void createVersion1(Database& db);
void createVersion2(Database& db);
void createVersion3(Database& db);  // routing: rule sets, decisions (SchemaV3.cpp)
void createVersion4(Database& db);  // channel capture: source documents, SKU cross-reference (SchemaV4.cpp)
void createVersion5(Database& db);  // SKU tags, routing backorders (SchemaV5.cpp)
void createVersion6(Database& db);  // PostgreSQL: ordo_require, the in-statement check (SchemaV6.cpp)
void createVersion7(Database& db);  // each position's ledger as a chain of event ids (SchemaV7.cpp)
void createVersion8(Database& db);  // SQLite: ledger and reservation checks without IN lists (SchemaV8.cpp)
void createVersion9(Database& db);  // a hold unique per reservation attempt of its order (SchemaV9.cpp)
void createVersion10(Database& db); // SKU barcodes (GTIN) (SchemaV10.cpp)
void createVersion11(Database& db); // trading partners' settings (SchemaV11.cpp)
} // namespace Schema

} // namespace ordo
