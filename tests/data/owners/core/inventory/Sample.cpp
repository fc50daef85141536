// A file that breaks the rule scripts/check-owners.sh keeps: tests/CMakeLists.txt expects the check to fail
// here.
const char* move = "UPDATE orders SET status = 'routed' WHERE id = 1";
const char* audit = "INSERT INTO audit_events (at) VALUES (1)";
