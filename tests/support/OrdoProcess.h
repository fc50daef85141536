#pragma once

#include <QByteArray>
#include <QStringList>

namespace ordo::test {

// What a run of the real `ordo` executable gave back.
struct OrdoRun {
    int exitCode = -1; // -1: it did not start, crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

// Runs the `ordo` executable the tests are built with, `input` on its standard input (then closed, so a
// command reading it meets its end), and waits up to five minutes for it to finish.
OrdoRun runOrdo(const QStringList& arguments, const QByteArray& input = {});

} // namespace ordo::test
