#pragma once

#include <QtGlobal>

namespace ordo {

class Database;

// Interchange control numbers for the X12 documents Ordo sends, from one counter in the meta table (key
// "x12_control_number"): each call returns the next number, 1..999999999 and then 1 again, so two
// interchanges never share one. One conditional upsert, atomic on SQLite and PostgreSQL alike; it runs in the
// caller's transaction, so a document that is not stored gives its number back.
namespace X12ControlNumbers {

qint64 next(Database& db);

} // namespace X12ControlNumbers

} // namespace ordo
