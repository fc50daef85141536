#include "RuleSetDiff.h"

#include "sourcing/RuleSetJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

QString compact(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return u"null"_s;
}

void diffValues(const QString& path, const QJsonValue& a, const QJsonValue& b, QList<RuleSetChange>& out) {
    if (a == b)
        return;
    if (a.isObject() && b.isObject()) {
        const QJsonObject oa = a.toObject(), ob = b.toObject();
        QStringList keys = oa.keys();
        for (const QString& k : ob.keys())
            if (!keys.contains(k))
                keys << k;
        for (const QString& k : std::as_const(keys))
            diffValues(path + u'.' + k, oa.value(k), ob.value(k), out);
        return;
    }
    out << RuleSetChange{path, compact(a), compact(b)};
}

} // namespace

QList<RuleSetChange> diffRuleSets(const RuleSet& before, const RuleSet& after) {
    QList<RuleSetChange> changes;
    QJsonObject a = RuleSetJson::toJson(before, false);
    QJsonObject b = RuleSetJson::toJson(after, false);
    const QJsonArray sa = a.take(u"strategies"_s).toArray();
    const QJsonArray sb = b.take(u"strategies"_s).toArray();
    for (const QString& key : a.keys())
        diffValues(key, a.value(key), b.value(key), changes);

    // Strategies are matched by name, so that moving one is one change rather than a change of every field.
    QStringList namesA, namesB;
    for (const QJsonValue& s : sa)
        namesA << s.toObject().value(u"name"_s).toString();
    for (const QJsonValue& s : sb)
        namesB << s.toObject().value(u"name"_s).toString();
    for (qsizetype i = 0; i < sa.size(); ++i) {
        const QString path = u"strategies[%1]"_s.arg(namesA.at(i));
        const qsizetype j = namesB.indexOf(namesA.at(i));
        if (j < 0) {
            changes << RuleSetChange{path, u"removed"_s, QString()};
            continue;
        }
        if (i != j)
            changes << RuleSetChange{path + u".position"_s, QString::number(i + 1), QString::number(j + 1)};
        QJsonObject oa = sa.at(i).toObject(), ob = sb.at(j).toObject();
        oa.remove(u"name"_s);
        ob.remove(u"name"_s);
        for (const QString& key : oa.keys())
            diffValues(path + u'.' + key, oa.value(key), ob.value(key), changes);
    }
    for (qsizetype j = 0; j < sb.size(); ++j)
        if (!namesA.contains(namesB.at(j)))
            changes << RuleSetChange{u"strategies[%1]"_s.arg(namesB.at(j)), QString(), u"added"_s};
    return changes;
}

} // namespace ordo
