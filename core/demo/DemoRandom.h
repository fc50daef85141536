#pragma once

#include <QtGlobal>

#include <random>

namespace ordo {

// The demo's one source of randomness: a seeded std::mt19937_64 with its own, explicit arithmetic on top, so
// that the same seed gives the same numbers with any standard library (the std::*_distribution classes are
// not specified bit for bit).
class DemoRandom {
public:
    explicit DemoRandom(quint64 seed)
        : m_engine(seed) {}
    // A generator for one independent stream (a customer, say), derived from a seed and a key.
    static DemoRandom derived(quint64 seed, quint64 key, quint64 stream);

    quint64 next() { return m_engine(); }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [low, high], both included (low <= high).
    qint64 between(qint64 low, qint64 high);
    double real(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }
    // Log-uniform in [low, high] (both > 0): durations that are often short and sometimes long.
    double logUniform(double low, double high);
    // Standard normal (Box-Muller).
    double normal();

private:
    std::mt19937_64 m_engine;
};

// SplitMix64 finaliser: spreads a 64-bit key over all bits.
quint64 mixBits(quint64 value);

} // namespace ordo
