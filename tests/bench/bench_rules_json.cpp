// Reading a routing rules document: how the reader's time grows with the document. Generates documents of
// N strategies and a location priority of 2N codes (N = 1,000 to 32,000, doubling), reads each through
// RuleSetJson (parsing, checking every field, telling duplicate names and codes apart) and prints JSON with
// the CPU milliseconds per read (best of three) and "growth": the time of the largest over the smallest,
// divided by the ratio of their sizes. A reader linear in its input stays near 1; the quadratic reader it
// replaced was at 32 there. The baseline, "parse_ms", is QJsonDocument parsing the same bytes and nothing
// more: the floor any JSON rules reader stands on.
//   bench_rules_json
#include "sourcing/RuleSetJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>

using namespace Qt::StringLiterals;
using namespace ordo;

namespace {

QByteArray document(int strategies) {
    QJsonArray list;
    for (int i = 0; i < strategies; ++i)
        list.append(QJsonObject{{u"name"_s, u"Strategy %1"_s.arg(i)}});
    QJsonArray priority;
    for (int i = 0; i < 2 * strategies; ++i)
        priority.append(u"LOC-%1"_s.arg(i));
    return QJsonDocument(QJsonObject{{u"strategies"_s, list}, {u"location_priority"_s, priority}})
        .toJson(QJsonDocument::Compact);
}

// The thread's CPU time: other work on the machine does not count.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QJsonArray runs;
    double firstMsPerStrategy = 0;
    double lastMsPerStrategy = 0;
    for (int n = 1000; n <= 32000; n *= 2) {
        const QByteArray bytes = document(n);
        double best = std::numeric_limits<double>::max();
        double parse = std::numeric_limits<double>::max();
        for (int attempt = 0; attempt < 3; ++attempt) {
            double start = cpuMs();
            const RuleSet rules = RuleSetJson::fromBytes(bytes);
            best = std::min(best, cpuMs() - start);
            if (rules.strategies.size() != n)
                return 1;
            start = cpuMs();
            const QJsonDocument parsed = QJsonDocument::fromJson(bytes);
            parse = std::min(parse, cpuMs() - start);
            if (!parsed.isObject())
                return 1;
        }
        runs.append(QJsonObject{{u"strategies"_s, n},
                                {u"bytes"_s, bytes.size()},
                                {u"cpu_ms"_s, qRound(best * 10) / 10.0},
                                {u"parse_ms"_s, qRound(parse * 10) / 10.0},
                                {u"mb_per_s"_s, qRound(bytes.size() / 1e3 / best * 10) / 10.0}});
        if (n == 1000)
            firstMsPerStrategy = best / n;
        lastMsPerStrategy = best / n;
    }
    const QJsonObject result{{u"benchmark"_s, u"rules_json_read"_s},
                             {u"runs"_s, runs},
                             {u"growth"_s, qRound(lastMsPerStrategy / firstMsPerStrategy * 100) / 100.0}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return 0;
}
