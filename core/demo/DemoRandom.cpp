#include "DemoRandom.h"

#include <cmath>
#include <numbers>

namespace ordo {

quint64 mixBits(quint64 value) {
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

DemoRandom DemoRandom::derived(quint64 seed, quint64 key, quint64 stream) {
    return DemoRandom(mixBits(mixBits(seed ^ (stream * 0x632be59bd9b4e019ULL)) + key));
}

qint64 DemoRandom::between(qint64 low, qint64 high) {
    if (high <= low)
        return low;
    const quint64 span = quint64(high - low) + 1;
    // Rejection sampling keeps the result exactly uniform.
    const quint64 limit = span == 0 ? 0 : (~quint64(0) / span) * span;
    quint64 x = next();
    while (limit != 0 && x >= limit)
        x = next();
    return low + qint64(span == 0 ? x : x % span);
}

double DemoRandom::logUniform(double low, double high) {
    return low * std::exp(std::log(high / low) * uniform());
}

double DemoRandom::normal() {
    double u1 = uniform();
    while (u1 <= 0.0)
        u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

} // namespace ordo
